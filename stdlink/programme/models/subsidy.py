"""Subsidies as data. Seed 000 (四(二)) sets the rule — part paid in advance once a proposal is
accepted, the rest once the standard is published — but no amounts: the province enters them."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel
from stdlink.programme.models.base import ProgrammeRecord


class SubsidyPolicy(TimestampedModel):
    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.CASCADE,
        related_name="subsidy_policies",
        verbose_name=_("programme"),
    )
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    amount = models.DecimalField(
        _("amount per standard (yuan)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    advance_ratio = models.DecimalField(
        _("share paid on acceptance"),
        max_digits=4,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 to 1, e.g. 0.5"),
    )
    lead_only = models.BooleanField(_("lead projects only"), default=True)
    active = models.BooleanField(_("active"), default=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    builtin = models.BooleanField(_("built-in"), default=False)

    region_lookup = None
    unit_lookup = None

    class Meta:
        ordering = ["code"]
        verbose_name = _("subsidy policy")
        verbose_name_plural = _("subsidy policies")

    def __str__(self) -> str:
        return self.name_zh


class SubsidyPayment(ProgrammeRecord):
    class Kind(models.TextChoices):
        ADVANCE = "advance", _("advance (on acceptance)")
        BALANCE = "balance", _("balance (on publication)")

    project = models.ForeignKey(
        "programme.Project",
        on_delete=models.CASCADE,
        related_name="payments",
        verbose_name=_("project"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    amount = models.DecimalField(_("amount (yuan)"), max_digits=12, decimal_places=2)
    paid_on = models.DateField(_("paid on"))

    region_lookup = "project__unit__region"
    unit_lookup = "project__unit_id"

    class Meta:
        ordering = ["paid_on"]
        verbose_name = _("subsidy payment")
        verbose_name_plural = _("subsidy payments")

    def __str__(self) -> str:
        return f"{self.project} {self.get_kind_display()} {self.amount}"
