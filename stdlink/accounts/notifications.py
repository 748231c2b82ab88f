"""What self-registration tells whom: the officers of a new registration (inbox + e-mail by their
preferences), the applicant of the decision.

Called by the registration services inside their transaction; nothing leaves before it commits
(notify() and the job queue both wait for the commit). Officers get lazy translations, rendered
in each one's language; the applicant has chosen no language yet, so whatever reaches them is in
zh-Hans, then English.
"""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

KIND_REGISTRATION = "accounts.registration"
KIND_DECISION = "accounts.decision"
DECIDE = "accounts.change_registration"


def both(message: Any, params: dict[str, Any] | None = None, sep: str = " / ") -> str:
    """`message` % `params` in zh-Hans, then in English, joined by `sep`."""
    from stdlink.notify.services import translated

    out = []
    for lang in ("zh-hans", "en"):
        with translation.override(lang):
            out.append(str(translated(message, params or {})))
    return sep.join(out)


def tell_officers(registration) -> None:
    """A new registration awaits approval: tell the officers who may decide it."""
    from stdlink.core.permissions import officers_over
    from stdlink.notify.services import notify, translated

    params = {
        "organisation": registration.organisation,
        "uscc": registration.uscc,
        "region": registration.region,
        "contact": registration.contact_name,
        "email": registration.email,
    }
    notify(
        officers_over(registration.region, DECIDE),
        KIND_REGISTRATION,
        translated(_("Enterprise registration awaiting approval: %(organisation)s"), params),
        translated(
            _(
                "%(organisation)s (unified social credit code %(uscc)s) registered in %(region)s "
                "and awaits your approval. Contact: %(contact)s, %(email)s."
            ),
            params,
        ),
        reverse("accounts:registration-detail", args=[registration.pk]),
        dedupe_key=f"{KIND_REGISTRATION}:{registration.pk}",
    )


def tell_approved(registration, unit) -> None:
    """Approved: the applicant's account, active now, is told which unit it acts for."""
    from stdlink.notify.services import notify

    params = {
        "organisation": registration.organisation,
        "uscc": registration.uscc,
        "unit": unit.name,
        "username": registration.user.get_username(),
    }
    notify(
        [registration.user_id],
        KIND_DECISION,
        both(_("Registration approved: %(organisation)s"), params),
        both(
            _(
                "Your registration of %(organisation)s (unified social credit code %(uscc)s) "
                "was approved. The account %(username)s can log in now and acts for the unit "
                "%(unit)s."
            ),
            params,
            sep="\n\n",
        ),
        reverse("accounts:workbench"),
        dedupe_key=f"{KIND_DECISION}:{registration.pk}",
    )


def mail_rejection(registration) -> None:
    """Rejected: the account stays inactive, which notify() skips, so the reason goes by e-mail
    to the registration's address through the queue (nothing when it has no address)."""
    from django.conf import settings

    from stdlink.notify.services import mail_address

    if not (registration.email or "").strip():
        return
    params = {
        "organisation": registration.organisation,
        "uscc": registration.uscc,
        "region": registration.region,
        "reason": registration.decision_note,
        "url": settings.SITE_URL + reverse("accounts:register"),
    }
    site = both(_("StdLink"))
    subject = both(_("Registration not approved: %(organisation)s"), params)
    body = both(
        _(
            "Your registration of %(organisation)s (unified social credit code %(uscc)s) in "
            "%(region)s was not approved.\n\nReason: %(reason)s\n\nYou may register again, "
            "with corrected details, at %(url)s"
        ),
        params,
        sep="\n\n----\n\n",
    )
    mail_address(
        registration.email,
        f"[{site}] {subject}",
        body,
        title=f"{KIND_DECISION}:{registration.pk}",
    )
