from django.conf import settings
from django.utils.functional import SimpleLazyObject

from stdlink.core.navigation import items_for
from stdlink.core.permissions import has_perm


def site(request):
    user = getattr(request, "user", None)
    return {
        "STDLINK_DEBUG": settings.DEBUG,
        # Role-based, not Django's per-user permissions: roles are the source of truth.
        "can_view_audit": bool(user and has_perm(user, "core.view_auditlog")),
        "nav_items": items_for(user, "main"),
        "admin_nav_items": items_for(user, "admin"),
        # The header's person, organisation and role (branch ui renders it in base.html).
        "identity": SimpleLazyObject(lambda: _identity(user)),
    }


def _identity(user):
    from stdlink.accounts.models.account import identity

    return identity(user)
