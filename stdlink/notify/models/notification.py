"""One notification for one person (the inbox row; e-mail, feed and webhooks send it on)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=64, db_index=True)
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("message"), blank=True)
    link = models.CharField(_("link"), max_length=500, blank=True)
    # The event's identity: the same event never notifies the same person twice.
    dedupe_key = models.CharField(_("event key"), max_length=200)
    created = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    digest = models.ForeignKey(
        "notify.Digest",
        verbose_name=_("digest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="notifications",
    )

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "dedupe_key"], name="notify_once_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notify_unread")]

    def __str__(self) -> str:
        return f"{self.recipient_id}: {self.subject}"

    def get_kind_label(self):
        from stdlink.notify.kinds import label

        return label(self.kind)

    @property
    def unread(self) -> bool:
        return self.read_at is None

    def absolute_link(self) -> str:
        if not self.link or self.link.startswith(("http://", "https://")):
            return self.link
        return settings.SITE_URL + (self.link if self.link.startswith("/") else "/" + self.link)
