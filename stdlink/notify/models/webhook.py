"""An outbound webhook of one person: JSON POSTs signed with HMAC-SHA256."""

from __future__ import annotations

import secrets
from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_secret() -> str:
    return secrets.token_hex(32)


class Webhook(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notify_webhooks"
    )
    name = models.CharField(_("name"), max_length=100)
    url = models.URLField(_("URL"), max_length=500)
    secret = models.CharField(_("signing secret"), max_length=128, default=new_secret)
    active = models.BooleanField(_("active"), default=True)
    # Only an administrator may let a webhook reach private, loopback or link-local addresses.
    allow_private = models.BooleanField(_("allow private addresses"), default=False)
    created = models.DateTimeField(default=timezone.now)
    last_status = models.CharField(_("last delivery"), max_length=200, blank=True)
    last_delivery_at = models.DateTimeField(_("last delivery at"), null=True, blank=True)
    last_ok = models.BooleanField(null=True, blank=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")
        permissions = [("allow_private_webhook", "Allow webhooks to private addresses")]

    def __str__(self) -> str:
        return f"{self.name} ({self.safe_url})"

    @property
    def safe_url(self) -> str:
        """Scheme and host only: a webhook URL's path and query often carry a token."""
        parts = urlsplit(self.url)
        port = f":{parts.port}" if parts.port else ""
        return f"{parts.scheme}://{parts.hostname or ''}{port}/…"
