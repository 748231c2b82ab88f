"""Adoptions of international standards by domestic ones, and decisions on suggested counterparts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Adoption(models.Model):
    """A domestic standard adopts an international one (IDT/MOD) or corresponds to it (NEQ).

    The international side is a catalogue record when the identifier resolves, else only the
    identifier as written (dated or undated). One row per domestic standard and international
    work: a later statement about the same pair updates it.
    """

    class Degree(models.TextChoices):
        IDT = "IDT", _("identical (IDT)")
        MOD = "MOD", _("modified (MOD)")
        NEQ = "NEQ", _("not equivalent (NEQ)")
        UNKNOWN = "", _("degree not stated")

    class Source(models.TextChoices):
        STATEMENT = "statement", _("statement parsed")
        LIST = "list", _("list imported")
        CATALOGUE = "catalogue", _("catalogue relation")
        SUGGESTION = "suggestion", _("suggestion confirmed")
        ENTERED = "entered", _("entered")

    domestic = models.ForeignKey(
        "catalog.Standard",
        on_delete=models.CASCADE,
        related_name="adoptions_made",
        verbose_name=_("domestic standard"),
    )
    intl = models.ForeignKey(
        "catalog.Standard",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="adoptions_received",
        verbose_name=_("international standard"),
    )
    intl_identifier = models.CharField(_("international identifier"), max_length=255)
    intl_key = models.CharField(_("edition key"), max_length=255, db_index=True)
    intl_work_key = models.CharField(_("work key"), max_length=255, db_index=True)
    dated = models.BooleanField(_("dated reference"), default=True)
    degree = models.CharField(_("degree"), max_length=3, choices=Degree.choices, blank=True)
    source = models.CharField(_("source"), max_length=12, choices=Source.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed by"),
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["domestic__identifier", "intl_identifier"]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")
        constraints = [
            models.UniqueConstraint(
                fields=["domestic", "intl_work_key"], name="adoption_domestic_intl_work"
            )
        ]

    def __str__(self) -> str:
        deg = f", {self.degree}" if self.degree else ""
        return f"{self.domestic} ← {self.intl_identifier}{deg}"

    @property
    def counts(self) -> bool:
        """IDT and MOD count as adoptions (采用国际标准管理办法 2025); NEQ is a correspondence."""
        return self.degree in (self.Degree.IDT, self.Degree.MOD)


class SuggestionDecision(models.Model):
    """A person's rejection of a suggested counterpart: it is not offered again."""

    domestic = models.ForeignKey(
        "catalog.Standard",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("domestic standard"),
    )
    candidate_work_key = models.CharField(_("candidate work key"), max_length=255)
    candidate_identifier = models.CharField(_("candidate"), max_length=255)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)
    comment = models.CharField(_("comment"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("rejected suggestion")
        verbose_name_plural = _("rejected suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["domestic", "candidate_work_key"], name="suggestion_decision_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.domestic} ✗ {self.candidate_identifier}"
