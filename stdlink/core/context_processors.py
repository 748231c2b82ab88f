from django.apps import apps
from django.conf import settings

from stdlink.core.navigation import items_for
from stdlink.core.permissions import has_perm


def _mark_current(items: list[dict], path: str) -> list[dict]:
    """Flag the entry whose URL is the longest prefix of the current path (the page's section)."""
    best = None
    for item in items:
        url = item["url"]
        if path == url or (url != "/" and path.startswith(url)):
            if best is None or len(url) > len(best["url"]):
                best = item
    return [dict(item, current=item is best) for item in items]


def site(request):
    user = getattr(request, "user", None)
    path = getattr(request, "path", "")
    return {
        "STDLINK_DEBUG": settings.DEBUG,
        # Role-based, not Django's per-user permissions: roles are the source of truth.
        "can_view_audit": bool(user and has_perm(user, "core.view_auditlog")),
        "nav_items": _mark_current(items_for(user, "main"), path),
        "catalog_nav_items": _mark_current(items_for(user, "catalog"), path),
        "admin_nav_items": _mark_current(items_for(user, "admin"), path),
        "user_nav_items": _mark_current(items_for(user, "user"), path),
    }


def identity(request):
    """Who is signed in, for the header: the person's name, organisation and role."""
    return {"identity": identity_of(getattr(request, "user", None))}


def identity_of(user) -> dict | None:
    """A signed-in user's name, login name, organisation and role as people read them (the
    header and /api/v1/accounts/me); None for an anonymous visitor.

    The organisation is the unit for a unit account (programme.Unit), else the region of the
    membership. A user with several memberships is shown by the first (by role code).
    """
    if not (user and user.is_authenticated):
        return None
    name = user.get_full_name().strip() or user.get_username()
    membership = (
        user.memberships.select_related("role", "region").order_by("role__code", "id").first()
    )
    organisation = role = ""
    if membership is not None:
        role = str(membership.role)
        organisation = membership.region.display_name
        if membership.unit_id and apps.is_installed("stdlink.programme"):
            unit = (
                apps.get_model("programme", "Unit")
                .objects.filter(pk=membership.unit_id)
                .values_list("name", flat=True)
                .first()
            )
            organisation = unit or organisation
    elif user.is_superuser:
        from django.utils.translation import gettext as _

        role = _("system administrator")
    return {
        "name": name,
        "username": user.get_username(),
        "organisation": organisation,
        "role": role,
    }
