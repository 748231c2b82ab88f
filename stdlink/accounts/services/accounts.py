"""Account changes by a manager: one audited transaction each, permission re-checked inside.

Audit rows never carry the password hash: `account_snapshot` keeps the fields people read.
"""

from __future__ import annotations

import secrets

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from stdlink.accounts.models import Account
from stdlink.accounts.scoping import can_manage, regions_for, roles_for, units_for
from stdlink.core.models import Membership, Role
from stdlink.core.services.audit import log_change, snapshot

ACCOUNT_FIELDS = ("username", "first_name", "email", "is_active")


def account_snapshot(account) -> dict:
    return {f: getattr(account, f) for f in ACCOUNT_FIELDS}


def _home_region(account):
    m = account.memberships.select_related("region").first()
    return m.region if m else None


def _require(acting_user, account, codename: str = "accounts.change_account") -> None:
    if not can_manage(acting_user, account, codename):
        raise PermissionDenied(_("You cannot change this account."))


def _check_assignment(acting_user, role: Role, region, unit, codename: str) -> None:
    if not roles_for(acting_user, codename).filter(pk=role.pk).exists():
        raise PermissionDenied(_("You cannot give the role %(role)s.") % {"role": role})
    if not regions_for(acting_user, codename).filter(pk=region.pk).exists():
        raise PermissionDenied(_("%(region)s is outside your region.") % {"region": region})
    if role.scope == Role.Scope.UNIT:
        if unit is None:
            raise ValidationError(_("A unit account needs its unit."), code="unit")
        if not units_for(acting_user, codename).filter(pk=unit.pk).exists():
            raise PermissionDenied(_("%(unit)s is outside your region.") % {"unit": unit})
        if not unit.region.path.startswith(region.path):
            raise ValidationError(
                _("The unit %(unit)s is not in %(region)s.") % {"unit": unit, "region": region},
                code="unit",
            )


def new_password() -> str:
    """A one-time password shown once to the manager (the person changes it after logging in)."""
    return secrets.token_urlsafe(9)


@transaction.atomic
def create_account(
    *,
    acting_user,
    username: str,
    name: str,
    email: str,
    role: Role,
    region,
    unit=None,
    password: str | None = None,
) -> tuple[Account, str]:
    """Create an active account with one membership; returns it and its initial password."""
    _check_assignment(acting_user, role, region, unit, "accounts.add_account")
    if Account.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            _("The login name %(name)s is taken.") % {"name": username}, code="username"
        )
    password = password or new_password()
    account = Account(username=username, first_name=name, email=email, is_active=True)
    validate_password(password, account)
    account.set_password(password)
    account.save()
    membership = Membership.objects.create(
        user=account, role=role, region=region, unit_id=unit.pk if unit else None
    )
    log_change(
        acting_user=acting_user,
        obj=account,
        action="create",
        after=account_snapshot(account),
        region=region,
    )
    log_change(acting_user=acting_user, obj=membership, action="create", region=region)
    return account, password


@transaction.atomic
def update_account(*, acting_user, account: Account, name: str, email: str) -> Account:
    account = Account.objects.select_for_update().get(pk=account.pk)
    _require(acting_user, account)
    before = account_snapshot(account)
    account.first_name, account.email = name, email
    account.save(update_fields=["first_name", "email"])
    log_change(
        acting_user=acting_user,
        obj=account,
        action="update",
        before=before,
        after=account_snapshot(account),
        region=_home_region(account),
    )
    return account


@transaction.atomic
def set_active(*, acting_user, account: Account, active: bool) -> Account:
    """Deactivate (the person can no longer log in; records and history stay) or reactivate."""
    account = Account.objects.select_for_update().get(pk=account.pk)
    _require(acting_user, account)
    if account.pk == acting_user.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."), code="self")
    before = account_snapshot(account)
    account.is_active = active
    account.save(update_fields=["is_active"])
    log_change(
        acting_user=acting_user,
        obj=account,
        action="update",
        before=before,
        after=account_snapshot(account),
        region=_home_region(account),
        note="activate" if active else "deactivate",
    )
    return account


@transaction.atomic
def reset_password(*, acting_user, account: Account) -> str:
    """Give the account a new one-time password (returned, shown once; never stored in the log)."""
    account = Account.objects.select_for_update().get(pk=account.pk)
    _require(acting_user, account)
    password = new_password()
    account.set_password(password)
    account.save(update_fields=["password"])
    log_change(
        acting_user=acting_user,
        obj=account,
        action="update",
        before=account_snapshot(account),
        after=account_snapshot(account),
        region=_home_region(account),
        note="password reset",
    )
    return password


@transaction.atomic
def add_membership(*, acting_user, account: Account, role: Role, region, unit=None) -> Membership:
    _require(acting_user, account)
    _check_assignment(acting_user, role, region, unit, "accounts.change_account")
    if Membership.objects.filter(user=account, role=role, region=region).exists():
        raise ValidationError(
            _("%(user)s already has this role in %(region)s.")
            % {"user": account, "region": region},
            code="duplicate",
        )
    membership = Membership.objects.create(
        user=account, role=role, region=region, unit_id=unit.pk if unit else None
    )
    log_change(acting_user=acting_user, obj=membership, action="create", region=region)
    return membership


@transaction.atomic
def remove_membership(*, acting_user, membership: Membership) -> None:
    membership = (
        Membership.objects.select_for_update()
        .select_related("role", "region", "user")
        .get(pk=membership.pk)
    )
    account = Account.objects.get(pk=membership.user_id)
    _require(acting_user, account)
    _check_assignment(
        acting_user,
        membership.role,
        membership.region,
        _unit(membership.unit_id),
        "accounts.change_account",
    )
    before = snapshot(membership)
    log_change(
        acting_user=acting_user,
        obj=membership,
        action="delete",
        before=before,
        region=membership.region,
    )
    membership.delete()


def _unit(unit_id):
    if not unit_id:
        return None
    from stdlink.programme.models import Unit

    return Unit.objects.select_related("region").filter(pk=unit_id).first()
