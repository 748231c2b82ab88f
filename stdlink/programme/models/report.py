"""A city's monthly report to the province: draft → submitted → accepted | returned → submitted …"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_fsm import FSMField, transition

from stdlink.core.models import RegionScopedModel


class ReportState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report state", "draft")
    SUBMITTED = "submitted", pgettext_lazy("report state", "submitted")
    ACCEPTED = "accepted", pgettext_lazy("report state", "accepted")
    RETURNED = "returned", pgettext_lazy("report state", "returned")


class MonthlyReport(RegionScopedModel):
    programme = models.ForeignKey(
        "programme.Programme",
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("programme"),
    )
    month = models.DateField(_("month"), help_text=_("first day of the month"))
    state = FSMField(_("state"), default=ReportState.DRAFT, choices=ReportState.choices)
    comments = models.TextField(_("city's notes"), blank=True)
    review_comment = models.TextField(_("province's comment"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    submission_count = models.PositiveSmallIntegerField(_("submissions"), default=0)
    is_demo = models.BooleanField(_("demo record"), default=False, db_index=True)

    unit_lookup = None

    class Meta:
        ordering = ["-month", "region__path"]
        unique_together = [("region", "month")]
        permissions = [
            ("submit_monthlyreport", "Can submit a city's monthly report"),
            ("review_monthlyreport", "Can accept or return monthly reports"),
        ]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")

    def __str__(self) -> str:
        return f"{self.region} {self.month:%Y-%m}"

    @transition(
        field="state",
        source=[ReportState.DRAFT, ReportState.RETURNED],
        target=ReportState.SUBMITTED,
    )
    def submit(self) -> None:
        """The city submits (or resubmits after a return) its month."""

    @transition(field="state", source=ReportState.SUBMITTED, target=ReportState.ACCEPTED)
    def accept(self) -> None:
        """The province accepts the month; its records feed the target list and typical cases."""

    @transition(field="state", source=ReportState.SUBMITTED, target=ReportState.RETURNED)
    def return_(self) -> None:
        """The province returns the month with a comment."""
