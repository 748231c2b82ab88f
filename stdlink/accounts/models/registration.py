"""An enterprise's self-registration: pending until its city officer approves or rejects it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.programme.models.unit import validate_uscc


class Registration(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("awaiting approval")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    uscc = models.CharField(
        _("unified social credit code"), max_length=18, validators=[validate_uscc]
    )
    organisation = models.CharField(_("organisation name"), max_length=200)
    region = models.ForeignKey(
        "core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    contact_name = models.CharField(_("contact person"), max_length=64)
    email = models.EmailField(_("e-mail"))
    mobile = models.CharField(_("mobile"), max_length=20, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="registration",
        verbose_name=_("account"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING, db_index=True
    )
    created = models.DateTimeField(_("registered at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("reason"), blank=True)
    # The programme unit created or linked on approval (programme.Unit primary key).
    unit_id = models.BigIntegerField(_("unit"), null=True, blank=True)

    region_lookup = "region"
    unit_lookup = "unit_id"

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("enterprise registration")
        verbose_name_plural = _("enterprise registrations")

    def __str__(self) -> str:
        return f"{self.organisation} ({self.uscc})"

    def save(self, *args, **kwargs) -> None:
        self.uscc = (self.uscc or "").strip().upper()
        super().save(*args, **kwargs)
