"""Tasks of a policy document, the agencies responsible for them, and progress notes."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel


class TaskQuerySet(models.QuerySet):
    def overdue(self, today: dt.date | None = None) -> TaskQuerySet:
        today = today or timezone.localdate()
        return self.filter(deadline__lt=today).exclude(status=Task.Status.DONE)

    def not_overdue(self, today: dt.date | None = None) -> TaskQuerySet:
        today = today or timezone.localdate()
        return self.filter(
            Q(deadline__isnull=True) | Q(deadline__gte=today) | Q(status=Task.Status.DONE)
        )


class Task(TimestampedModel):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("not started")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")

    document = models.ForeignKey(
        "ledger.PolicyDocument",
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("document"),
    )
    number = models.CharField(_("number"), max_length=60)  # path, e.g. "二.(三).1"
    label = models.CharField(_("label"), max_length=20)
    order = models.PositiveIntegerField(_("order"))
    section = models.CharField(_("section"), max_length=300, blank=True)
    heading = models.CharField(_("heading"), max_length=300)
    text = models.TextField(_("text"))
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    deadline_start = models.DateField(_("period start"), null=True, blank=True)
    deadline_text = models.CharField(_("deadline as written"), max_length=120, blank=True)
    deadline_inherited = models.BooleanField(_("deadline from the whole document"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ledger_tasks",
        verbose_name=_("owner"),
    )
    agencies = models.ManyToManyField(
        "ledger.Agency",
        through="ledger.TaskAgency",
        related_name="tasks",
        verbose_name=_("agencies"),
    )

    objects = TaskQuerySet.as_manager()

    class Meta:
        ordering = ["document", "order"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="ledger_task_unique_number")
        ]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")

    def __str__(self) -> str:
        return f"{self.label} {self.heading}"

    @property
    def overdue(self) -> bool:
        """Computed, never stored: past its deadline and not done."""
        return (
            self.status != self.Status.DONE
            and self.deadline is not None
            and self.deadline < timezone.localdate()
        )

    @property
    def display_status(self) -> str:
        return str(_("overdue")) if self.overdue else self.get_status_display()

    def agency_names(self, role: str) -> list[str]:
        seen: list[str] = []
        for link in self.agency_links.all():
            if link.role == role and link.agency.name not in seen:
                seen.append(link.agency.name)
        return seen

    @property
    def lead_names(self) -> list[str]:
        return self.agency_names(TaskAgency.Role.LEAD)

    @property
    def co_names(self) -> list[str]:
        leads = set(self.lead_names)
        return [n for n in self.agency_names(TaskAgency.Role.CO) if n not in leads]


class TaskAgency(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("lead")
        CO = "co", _("co-responsible")

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="agency_links", verbose_name=_("task")
    )
    agency = models.ForeignKey(
        "ledger.Agency",
        on_delete=models.PROTECT,
        related_name="task_links",
        verbose_name=_("agency"),
    )
    role = models.CharField(_("role"), max_length=4, choices=Role.choices)
    clause_index = models.PositiveSmallIntegerField(_("clause"), default=0)
    clause_text = models.TextField(_("clause as written"), blank=True)
    by_convention = models.BooleanField(_("lead by convention (first listed)"), default=False)
    inherited = models.BooleanField(_("inherited from an earlier clause"), default=False)

    class Meta:
        ordering = ["task", "clause_index", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["task", "agency", "role", "clause_index"], name="ledger_taskagency_unique"
            )
        ]
        verbose_name = _("task agency")
        verbose_name_plural = _("task agencies")

    def __str__(self) -> str:
        return f"{self.task_id}: {self.agency} ({self.role})"


def evidence_path(instance: ProgressNote, filename: str) -> str:
    return f"ledger/evidence/{instance.task_id}/{filename}"


class ProgressNote(TimestampedModel):
    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="notes", verbose_name=_("task")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("progress"))
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True)

    class Meta:
        ordering = ["task", "-created", "-id"]
        verbose_name = _("progress note")
        verbose_name_plural = _("progress notes")

    def __str__(self) -> str:
        return self.text[:60]
