"""Whose accounts a manager may see and change.

The province (a role of scope "all" granting the permission) manages every account. A city officer
(scope "region") manages only unit (enterprise) accounts: users holding a unit-scoped membership in
the officer's region subtree. Anything else is 404 for them, like every out-of-region record.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from stdlink.accounts.models import Account
from stdlink.core.models import Region, Role
from stdlink.core.permissions import memberships_with


def _is_global(user, codename: str) -> bool:
    if user.is_superuser:
        return True
    return any(m.role.scope == Role.Scope.ALL for m in memberships_with(user, codename))


def _region_paths(user, codename: str) -> list[str]:
    return [
        m.region.path for m in memberships_with(user, codename) if m.role.scope == Role.Scope.REGION
    ]


def accounts_for(user, codename: str = "accounts.view_account") -> QuerySet:
    """The accounts `user` may open under `codename` (empty without it)."""
    qs = Account.objects.all()
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return qs.none()
    if _is_global(user, codename):
        return qs
    q = Q(pk__in=[])
    for path in _region_paths(user, codename):
        q |= Q(memberships__region__path__startswith=path, memberships__role__scope="unit")
    return qs.filter(q).distinct()


def fetch_account(user, pk: int, codename: str = "accounts.view_account") -> tuple[Account, bool]:
    """(account, can_change) or Http404 when the account is outside the user's reach."""
    try:
        account = accounts_for(user, codename).get(pk=pk)
    except (Account.DoesNotExist, ValueError, TypeError):
        raise Http404("未找到 / not found") from None
    return account, can_manage(user, account)


def can_manage(user, account, codename: str = "accounts.change_account") -> bool:
    return accounts_for(user, codename).filter(pk=account.pk).exists()


def regions_for(user, codename: str) -> QuerySet:
    """Regions where `user` may place accounts or registrations under `codename`."""
    qs = Region.objects.all()
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if _is_global(user, codename):
        return qs
    q = Q(pk__in=[])
    for path in _region_paths(user, codename):
        q |= Q(path__startswith=path)
    return qs.filter(q)


def roles_for(user, codename: str = "accounts.add_account") -> QuerySet:
    """Roles `user` may give: every role for the province, the unit role for a city officer."""
    qs = Role.objects.all()
    if _is_global(user, codename):
        return qs
    return qs.filter(scope=Role.Scope.UNIT)


def units_for(user, codename: str = "accounts.add_account") -> QuerySet:
    from stdlink.programme.models import Unit

    return Unit.objects.filter(region__in=regions_for(user, codename)).select_related("region")
