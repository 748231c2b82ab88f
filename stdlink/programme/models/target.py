"""Programmes, their phases and their targets — all data. Progress is computed by the metric a
target names (stdlink/programme/metrics.py), never typed in."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel


class Bilingual:
    @property
    def display_name(self) -> str:
        if (get_language() or "").startswith("en") and getattr(self, "name_en", ""):
            return self.name_en
        return self.name_zh


class Programme(Bilingual, TimestampedModel):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    document = models.CharField(
        _("document"), max_length=200, blank=True, help_text=_("e.g. 浙市监函〔2020〕132号")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    monthly_reporting = models.BooleanField(_("monthly reporting"), default=False)
    report_due_days = models.PositiveSmallIntegerField(
        _("report due (days after month end)"), default=10
    )
    builtin = models.BooleanField(_("built-in"), default=False)

    region_lookup = None
    unit_lookup = None

    class Meta:
        ordering = ["start"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name_zh


class Phase(Bilingual, models.Model):
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="phases", verbose_name=_("programme")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    name_zh = models.CharField(_("Chinese name"), max_length=64)
    name_en = models.CharField(_("English name"), max_length=64, blank=True)
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))

    class Meta:
        ordering = ["programme", "order"]
        unique_together = [("programme", "order")]
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self) -> str:
        return self.name_zh


class Target(TimestampedModel):
    class Comparator(models.TextChoices):
        AT_LEAST = "gte", _("at least")
        AT_MOST = "lte", _("at most")

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="targets", verbose_name=_("programme")
    )
    code = models.CharField(_("indicator code"), max_length=40)
    description_zh = models.CharField(_("Chinese description"), max_length=300)
    description_en = models.CharField(_("English description"), max_length=300, blank=True)
    value = models.DecimalField(_("target value"), max_digits=12, decimal_places=2)
    comparator = models.CharField(
        _("comparator"), max_length=3, choices=Comparator.choices, default=Comparator.AT_LEAST
    )
    unit_zh = models.CharField(
        _("unit of measure"), max_length=16, blank=True, help_text=_("项, 个, 家, 名, %, 个月 …")
    )
    deadline = models.DateField(_("deadline"))
    region = models.ForeignKey(
        "core.Region",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("region"),
        help_text=_("blank: province-wide"),
    )
    metric = models.CharField(
        _("metric"),
        max_length=64,
        blank=True,
        help_text=_("a computation registered in programme.metrics"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    source = models.CharField(_("source"), max_length=200, blank=True)
    builtin = models.BooleanField(_("built-in"), default=False)

    region_lookup = None
    unit_lookup = None

    class Meta:
        ordering = ["programme", "order", "code"]
        unique_together = [("programme", "code")]
        verbose_name = _("target")
        verbose_name_plural = _("targets")

    def __str__(self) -> str:
        return f"{self.code} {self.description_zh}"

    @property
    def description(self) -> str:
        if (get_language() or "").startswith("en") and self.description_en:
            return self.description_en
        return self.description_zh
