"""What was sent where: one Delivery per notification and pushing channel (e-mail, each webhook),
one Digest per person and digest run."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped")

    notification = models.ForeignKey(
        "notify.Notification", on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(_("channel"), max_length=16)
    webhook = models.ForeignKey(
        "notify.Webhook", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "channel", "webhook"], name="notify_deliver_once"
            ),
            models.UniqueConstraint(
                fields=["notification", "channel"],
                condition=models.Q(webhook__isnull=True),
                name="notify_deliver_once_nohook",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.notification_id} {self.channel} {self.status}"


class Digest(models.Model):
    class Period(models.TextChoices):
        DAILY = "daily", _("daily digest")
        WEEKLY = "weekly", _("weekly digest")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_digests"
    )
    period = models.CharField(_("period"), max_length=10, choices=Period.choices)
    created = models.DateTimeField(_("time"), default=timezone.now)
    count = models.PositiveIntegerField(_("notifications"), default=0)
    sent = models.BooleanField(_("e-mail sent"), default=False)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("digest")
        verbose_name_plural = _("digests")

    def __str__(self) -> str:
        return f"{self.user_id} {self.period} {self.created:%Y-%m-%d}"
