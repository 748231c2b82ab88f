"""Jobs of the notification service: delivery on the pushing channels, e-mails to an address,
and digests."""

from __future__ import annotations

from django.utils import timezone

from stdlink import jobs


@jobs.task("notify.deliver", retries=2, retry_delay=10)
def deliver(job, dedupe_key: str, user_ids: list[int]) -> dict:
    """Hand one event's new notifications to e-mail (inline) and webhooks (one job each)."""
    from stdlink.notify.channels import PUSH_CHANNELS
    from stdlink.notify.models import Delivery, Notification

    queued = 0
    notes = Notification.objects.filter(dedupe_key=dedupe_key, recipient_id__in=user_ids)
    for n in notes.select_related("recipient"):
        for channel in PUSH_CHANNELS:
            for target in channel.targets(n.recipient):
                d, _ = Delivery.objects.get_or_create(
                    notification=n, channel=channel.key, webhook=target
                )
                if d.status == Delivery.Status.PENDING:
                    jobs.enqueue("notify.send", d.pk, title=f"{channel.key} {n.pk}")
                    queued += 1
    return {"deliveries": queued}


@jobs.task("notify.send", retries=5, retry_delay=30, retry_backoff=2)
def send(job, delivery_id: int) -> dict:
    """One delivery on one channel; failures are retried (30 s, 60 s, 120 s, ...)."""
    from stdlink.notify.channels import CHANNELS
    from stdlink.notify.models import Delivery

    d = Delivery.objects.select_related("notification__recipient", "webhook").get(pk=delivery_id)
    if d.status in (Delivery.Status.SENT, Delivery.Status.SKIPPED):
        return {"status": d.status}
    if d.webhook_id and not d.webhook.active:
        Delivery.objects.filter(pk=d.pk).update(status=Delivery.Status.SKIPPED)
        return {"status": "skipped"}
    try:
        text = CHANNELS[d.channel].deliver(d.notification, d.webhook)
    except Exception as exc:
        left = getattr(job, "retries_left", 0)
        Delivery.objects.filter(pk=d.pk).update(
            attempts=d.attempts + 1,
            last_error=str(exc)[:500],
            status=Delivery.Status.PENDING if left else Delivery.Status.FAILED,
        )
        raise
    Delivery.objects.filter(pk=d.pk).update(
        attempts=d.attempts + 1, status=Delivery.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return {"status": "sent", "detail": text}


@jobs.task("notify.mail", retries=5, retry_delay=30, retry_backoff=2)
def mail(job, address: str, subject: str, body: str) -> dict:
    """One e-mail to an address that is no account's (services/mail.py); retried like a delivery."""
    from django.core.mail import send_mail

    send_mail(subject, body, None, [address])
    return {"status": "sent"}


# Digests at 08:00 China time (00:00 UTC; Huey's schedules run in UTC): daily every day,
# weekly on Mondays.
@jobs.periodic("notify.daily_digest", jobs.crontab(minute="0", hour="0"))
def daily_digest(job) -> dict:
    from stdlink.notify.services.digest import send_digests

    return send_digests("daily", job)


@jobs.periodic("notify.weekly_digest", jobs.crontab(minute="0", hour="0", day_of_week="1"))
def weekly_digest(job) -> dict:
    from stdlink.notify.services.digest import send_digests

    return send_digests("weekly", job)


def send_test(user) -> None:
    """A test notification to oneself (preferences page button): reaches every channel."""
    from django.utils.translation import gettext_lazy as _

    from stdlink.notify.services import notify

    notify(
        [user],
        "notify.test",
        _("Test notification"),
        _("If you can read this, this channel works."),
        "/notify/",
        dedupe_key=f"notify.test:{user.pk}:{timezone.now().isoformat()}",
    )
