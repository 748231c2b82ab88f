"""Policy documents and their quantified targets."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel


class PolicyDocument(TimestampedModel):
    """A national or provincial policy document; not region-scoped (see ADR 0006)."""

    class Level(models.TextChoices):
        NATIONAL = "national", _("national")
        PROVINCIAL = "provincial", _("provincial")
        MUNICIPAL = "municipal", _("municipal")
        UNKNOWN = "unknown", _("unknown")

    title = models.CharField(_("title"), max_length=300)
    doc_number = models.CharField(_("document number"), max_length=80, blank=True, db_index=True)
    issuers = models.ManyToManyField(
        "ledger.Agency",
        blank=True,
        related_name="issued_documents",
        verbose_name=_("issuing agencies"),
    )
    issued = models.DateField(_("issued"), null=True, blank=True)
    level = models.CharField(
        _("level"), max_length=12, choices=Level.choices, default=Level.UNKNOWN
    )
    source_name = models.CharField(_("source file"), max_length=255, blank=True)
    raw_text = models.TextField(_("raw text"))
    text = models.TextField(_("cleaned text"), blank=True)
    # SHA-256 of the cleaned text: a document without a number is recognised by its content.
    content_hash = models.CharField(_("content hash"), max_length=64, db_index=True)
    default_deadline = models.DateField(_("overall deadline"), null=True, blank=True)
    default_deadline_text = models.CharField(
        _("overall deadline as written"), max_length=80, blank=True
    )
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    # Loaded by `stdlink demo` from the seed documents (shown with a "demo" mark; removed by --clear).
    is_demo = models.BooleanField(_("demo record"), default=False, db_index=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        ordering = ["-issued", "-created"]
        verbose_name = _("policy document")
        verbose_name_plural = _("policy documents")

    def __str__(self) -> str:
        return f"{self.doc_number} {self.title}".strip()


class KpiTarget(models.Model):
    class Comparator(models.TextChoices):
        GTE = ">=", "≥"
        LTE = "<=", "≤"
        GT = ">", ">"
        LT = "<", "<"
        EQ = "=", "="
        ABOUT = "≈", "≈"

    document = models.ForeignKey(
        PolicyDocument, on_delete=models.CASCADE, related_name="kpis", verbose_name=_("document")
    )
    task = models.ForeignKey(
        "ledger.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="kpis",
        verbose_name=_("task"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    indicator = models.CharField(_("indicator"), max_length=300)
    comparator = models.CharField(_("comparator"), max_length=2, choices=Comparator.choices)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    unit = models.CharField(_("unit"), max_length=20, blank=True)
    year = models.PositiveIntegerField(_("target year"), null=True, blank=True)
    raw = models.CharField(_("as written"), max_length=200, blank=True)

    class Meta:
        ordering = ["document", "order"]
        verbose_name = _("KPI target")
        verbose_name_plural = _("KPI targets")

    def __str__(self) -> str:
        return (
            f"{self.indicator} {self.get_comparator_display()} {self.value.normalize()}{self.unit}"
        )
