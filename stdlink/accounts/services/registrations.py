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


@transaction.atomic
def reject(*, acting_user, registration: Registration, reason: str) -> Registration:
    """Reject with a reason; the account stays inactive."""
    if not (reason or "").strip():
        raise ValidationError(_("Give the reason for rejecting."), code="reason")
    registration = _locked(registration, acting_user)
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
