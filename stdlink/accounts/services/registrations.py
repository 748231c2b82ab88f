"""Enterprise self-registration: register (inactive account + pending request) → the city officer
approves (unit created or linked, unit-scoped membership, account activated) or rejects.

Each step tells someone once it commits (accounts/notifications.py): a registration its officers,
an approval the applicant's account, a rejection the registration's e-mail address."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from stdlink.accounts import notifications
from stdlink.accounts.models import Account, Registration
from stdlink.core.models import Membership, Role
from stdlink.core.permissions import can
from stdlink.core.services.audit import log_change, snapshot

UNIT_ROLE = "unit_user"


@transaction.atomic
def register(
    *,
    username: str,
    password: str,
    uscc: str,
    organisation: str,
    region,
    contact_name: str,
    email: str,
    mobile: str = "",
) -> Registration:
    """Store a pending registration with an inactive account (it cannot log in until approved)."""
    uscc = uscc.strip().upper()
    if Registration.objects.filter(uscc=uscc, state=Registration.State.PENDING).exists():
        raise ValidationError(
            _("A registration for %(code)s is already awaiting approval.") % {"code": uscc},
            code="pending",
        )
    if Account.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            _("The login name %(name)s is taken.") % {"name": username}, code="username"
        )
    account = Account(username=username, first_name=contact_name, email=email, is_active=False)
    validate_password(password, account)
    account.set_password(password)
    account.save()
    registration = Registration(
        uscc=uscc,
        organisation=organisation,
        region=region,
        contact_name=contact_name,
        email=email,
        mobile=mobile,
        user=account,
    )
    registration.full_clean()
    registration.save()
    log_change(acting_user=account, obj=registration, action="create", region=region)
    notifications.tell_officers(registration)
    return registration


def _locked(registration: Registration, acting_user) -> Registration:
    registration = (
        Registration.objects.select_for_update().select_related("region").get(pk=registration.pk)
    )
    if not can(acting_user, registration, "accounts.change_registration"):
        raise PermissionDenied(_("You cannot decide registrations of this region."))
    if registration.state != Registration.State.PENDING:
        raise ValidationError(
            _("This registration was already decided (%(state)s).")
            % {"state": registration.get_state_display()},
            code="decided",
        )
    return registration


@transaction.atomic
def approve(*, acting_user, registration: Registration, kind: str = "enterprise") -> Registration:
    """Approve: link the unit with the same credit code or create it, give the account the unit
    role for that unit, and activate it."""
    from stdlink.programme.models import Unit
    from stdlink.programme.services.records import create_record

    registration = _locked(registration, acting_user)
    before = snapshot(registration)
    unit = Unit.objects.filter(uscc=registration.uscc).first()
    if unit is None:
        unit = create_record(
            acting_user=acting_user,
            obj=Unit(
                name=registration.organisation,
                kind=kind,
                region=registration.region,
                uscc=registration.uscc,
            ),
            perm="programme.add_unit",
        )
    elif not can(acting_user, unit, "programme.view_unit"):
        raise PermissionDenied(
            _("The unit %(unit)s with this credit code belongs to another region.") % {"unit": unit}
        )
    membership, _created = Membership.objects.get_or_create(
        user=registration.user,
        role=Role.objects.get(code=UNIT_ROLE),
        region=unit.region,
        defaults={"unit_id": unit.pk},
    )
    if _created:
        log_change(acting_user=acting_user, obj=membership, action="create", region=unit.region)
    account = Account.objects.get(pk=registration.user_id)
    account.is_active = True
    account.save(update_fields=["is_active"])
    registration.state = Registration.State.APPROVED
    registration.unit_id = unit.pk
    registration.decided_by = acting_user
    registration.decided_at = timezone.now()
    registration.save()
    log_change(
        acting_user=acting_user,
        obj=registration,
        action="transition",
        before=before,
        note="approve",
        region=registration.region,
    )
    notifications.tell_approved(registration, unit)
    return registration


def _release_login_name(acting_user, registration: Registration) -> None:
    """A rejected applicant may register again under the same login name: the never-activated
    account keeps its history under a retired name ("name.rejected-<registration id>")."""
    from stdlink.accounts.services.accounts import account_snapshot

    account = Account.objects.select_for_update().get(pk=registration.user_id)
    if account.is_active or account.last_login is not None:
        return  # an account that was ever in use keeps its name
    before = account_snapshot(account)
    suffix = f".rejected-{registration.pk}"
    account.username = account.username[: 150 - len(suffix)] + suffix
    account.save(update_fields=["username"])
    log_change(
        acting_user=acting_user,
        obj=account,
        action="update",
        before=before,
        after=account_snapshot(account),
        note="login name released after rejection",
        region=registration.region,
    )


@transaction.atomic
def reject(*, acting_user, registration: Registration, reason: str) -> Registration:
    """Reject with a reason; the account stays inactive and its login name is released, so the
    applicant can register again under it."""
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for rejecting."), code="reason")
    registration = _locked(registration, acting_user)
    _release_login_name(acting_user, registration)
    before = snapshot(registration)
    registration.state = Registration.State.REJECTED
    registration.decision_note = reason.strip()
    registration.decided_by = acting_user
    registration.decided_at = timezone.now()
    registration.save()
    log_change(
        acting_user=acting_user,
        obj=registration,
        action="transition",
        before=before,
        note="reject",
        region=registration.region,
    )
    notifications.mail_rejection(registration)
    return registration
