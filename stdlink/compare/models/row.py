"""One row of a comparison: a clause of A, of B, or an aligned pair, with the engine's judgement
and a reviewer's override."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.compare.models.comparison import Comparison, Relation


class ComparisonRow(models.Model):
    comparison = models.ForeignKey(
        Comparison, on_delete=models.CASCADE, related_name="rows", verbose_name=_("comparison")
    )
    position = models.PositiveIntegerField(_("position"))
    a_number = models.CharField(_("clause in A"), max_length=32, blank=True)
    a_title = models.CharField(_("heading in A"), max_length=255, blank=True)
    a_text = models.TextField(_("text in A"), blank=True)
    b_number = models.CharField(_("clause in B"), max_length=32, blank=True)
    b_title = models.CharField(_("heading in B"), max_length=255, blank=True)
    b_text = models.TextField(_("text in B"), blank=True)
    relation = models.CharField(_("judgement"), max_length=10, choices=Relation.choices)
    reason = models.TextField(_("reason"), blank=True)
    needs_confirmation = models.BooleanField(_("to be confirmed by a person"), default=False)
    indicators = models.JSONField(_("indicators"), default=dict)
    score = models.FloatField(_("alignment score"), default=0.0)
    override = models.CharField(
        _("reviewer's judgement"), max_length=10, choices=Relation.choices, blank=True
    )
    comment = models.TextField(_("reviewer's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        ordering = ["comparison", "position"]
        unique_together = [("comparison", "position")]
        verbose_name = _("comparison row")
        verbose_name_plural = _("comparison rows")

    def __str__(self) -> str:
        return f"{self.a_number or '—'} / {self.b_number or '—'}: {self.final_relation}"

    @property
    def final_relation(self) -> str:
        return self.override or self.relation

    @property
    def final_relation_label(self) -> str:
        return str(dict(Relation.choices).get(self.final_relation, self.final_relation))

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None
