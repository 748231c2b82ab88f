"""Subscriptions, the alerts they receive, and the risk rules (data) that grade them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel


class Subscription(TimestampedModel):
    """A unit's or an officer's watch: HS codes (any level), ICS, markets, objectives, keywords."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="tbt_subscriptions",
        verbose_name=_("owner"),
    )
    unit = models.ForeignKey(
        "programme.Unit",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="tbt_subscriptions",
        verbose_name=_("unit"),
    )
    name = models.CharField(_("name"), max_length=120)
    hs_codes = models.JSONField(_("HS codes"), default=list, blank=True)
    ics_codes = models.JSONField(_("ICS codes"), default=list, blank=True)
    members = models.JSONField(_("members (ISO alpha-3)"), default=list, blank=True)
    groups = models.JSONField(
        _("country groups"), default=list, blank=True
    )  # BRI EU ASEAN GCC EAC RCEP
    objectives = models.JSONField(_("objectives"), default=list, blank=True)
    keywords = models.JSONField(_("keywords"), default=list, blank=True)
    export_values = models.JSONField(
        _("yearly export value by market (USD)"), default=dict, blank=True
    )
    remind_days = models.PositiveSmallIntegerField(
        _("remind days before the comment deadline"), default=7
    )
    active = models.BooleanField(_("active"), default=True)

    unit_lookup = "unit"
    region_lookup = "unit__region"

    class Meta:
        ordering = ["name"]
        verbose_name = _("TBT subscription")
        verbose_name_plural = _("TBT subscriptions")

    def __str__(self) -> str:
        return self.name


class Alert(TimestampedModel):
    class Kind(models.TextChoices):
        ALERT = "alert", _("alert")
        REMINDER = "reminder", _("deadline reminder")

    class Grade(models.TextChoices):
        RED = "red", _("red")
        YELLOW = "yellow", _("yellow")
        GREEN = "green", _("green")

    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="alerts")
    notification = models.ForeignKey(
        "tbt.Notification", on_delete=models.CASCADE, related_name="alerts"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ALERT)
    level = models.CharField(_("match level"), max_length=10)
    detail = models.CharField(_("what matched"), max_length=200, blank=True)
    grade = models.CharField(_("risk"), max_length=6, choices=Grade.choices, db_index=True)
    score = models.PositiveSmallIntegerField(_("score"), default=0)
    reason_zh = models.TextField(_("reason (Chinese)"))
    reason_en = models.TextField(_("reason (English)"))
    factors = models.JSONField(_("factors"), default=list)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "notification", "kind"], name="tbt_alert_once"
            )
        ]
        verbose_name = _("TBT alert")
        verbose_name_plural = _("TBT alerts")

    def __str__(self) -> str:
        return f"{self.grade} {self.notification} → {self.subscription}"


class RiskRule(models.Model):
    """One grading rule: a factor value and its points (see stdlink.tbt.matching.grade)."""

    factor = models.CharField(_("factor"), max_length=20)
    value = models.CharField(_("value"), max_length=40)
    points = models.IntegerField(_("points"))
    label_zh = models.CharField(_("Chinese label"), max_length=100)
    label_en = models.CharField(_("English label"), max_length=100)

    class Meta:
        ordering = ["factor", "-points"]
        constraints = [
            models.UniqueConstraint(fields=["factor", "value"], name="tbt_riskrule_unique")
        ]
        verbose_name = _("risk rule")
        verbose_name_plural = _("risk rules")

    def __str__(self) -> str:
        return f"{self.factor}={self.value}: {self.points}"
