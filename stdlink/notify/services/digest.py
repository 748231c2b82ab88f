"""Daily and weekly digests: one message per person grouping every notification of the kinds
they set to that period which no earlier digest carried, in their language."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction

from stdlink.notify import kinds as kind_registry


def kinds_for(user, period: str) -> list[str]:
    """The kinds this person receives as a `period` digest (explicit or the kind's default)."""
    from stdlink.notify.models import Preference

    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    out = [k for k, kind in kind_registry.KINDS.items() if chosen.get(k, kind.default) == period]
    out += [k for k, f in chosen.items() if f == period and k not in kind_registry.KINDS]
    return out


def digest_users(period: str) -> list[int]:
    """People with at least one kind on `period` (by preference or by a kind's default) and
    undigested notifications."""
    from stdlink.notify.models import Notification, Preference

    pref_users = set(Preference.objects.filter(frequency=period).values_list("user_id", flat=True))
    default_kinds = [k for k, kind in kind_registry.KINDS.items() if kind.default == period]
    if default_kinds:
        pref_users |= set(
            Notification.objects.filter(kind__in=default_kinds, digest__isnull=True)
            .values_list("recipient_id", flat=True)
            .distinct()
        )
    return sorted(pref_users)


def send_digest(user, period: str):
    """Make and send one person's digest; None when there is nothing new."""
    from stdlink.notify.channels import PUSH_CHANNELS
    from stdlink.notify.models import Digest, Notification

    kinds = kinds_for(user, period)
    if not kinds:
        return None
    with transaction.atomic():
        items = list(
            Notification.objects.select_for_update()
            .filter(recipient=user, kind__in=kinds, digest__isnull=True)
            .order_by("created", "id")
        )
        if not items:
            return None
        digest = Digest.objects.create(user=user, period=period, count=len(items))
        Notification.objects.filter(pk__in=[n.pk for n in items]).update(digest=digest)
    sent = False
    for channel in PUSH_CHANNELS:
        sent = channel.deliver_digest(user, items, period) or sent
    if sent:
        Digest.objects.filter(pk=digest.pk).update(sent=True)
        digest.sent = True
    return digest


def send_digests(period: str, job=None) -> dict:
    User = get_user_model()
    ids = digest_users(period)
    made = 0
    for i, uid in enumerate(ids):
        user = User.objects.filter(pk=uid, is_active=True).first()
        if user is not None and send_digest(user, period) is not None:
            made += 1
        if job is not None and i % 50 == 0:
            job.progress(i, len(ids), period)
    return {"period": period, "users": len(ids), "digests": made}
