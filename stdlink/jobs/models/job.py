"""One row per background job: what runs, for whom, how far it got and how it ended.

Live progress and the cancel flag are kept in the queue's own key/value store (Huey storage:
the queue's SQLite file, PostgreSQL table or Redis), not in this row: a job that writes inside a
long transaction (an import) cannot make its own row visible before it commits, and on SQLite a
page could not write the row while the import holds the database's write lock.
"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def _kv():
    from huey.contrib.djhuey import HUEY

    return HUEY


class Job(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        RETRYING = "retrying", _("waiting to retry")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    FINISHED = (Status.SUCCEEDED, Status.FAILED, Status.CANCELLED)

    name = models.CharField(_("task"), max_length=100, db_index=True)
    title = models.CharField(_("title"), max_length=255, blank=True)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="jobs",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    created = models.DateTimeField(_("queued at"), default=timezone.now, db_index=True)
    started = models.DateTimeField(_("started at"), null=True, blank=True)
    finished = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    worker = models.CharField(_("worker"), max_length=100, blank=True, help_text="host:pid")
    done = models.PositiveBigIntegerField(_("done"), default=0)
    total = models.PositiveBigIntegerField(_("total"), null=True, blank=True)
    message = models.CharField(_("message"), max_length=500, blank=True)
    cancel_requested = models.BooleanField(_("cancel requested"), default=False)
    result = models.JSONField(_("result"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"{self.name} #{self.pk} {self.status}"

    # --- queue identity -------------------------------------------------------------------
    @property
    def task_id(self) -> str:
        return f"job-{self.pk}"

    def _key(self, what: str) -> str:
        return f"stdlink:job:{self.pk}:{what}"

    # --- progress ---------------------------------------------------------------------------
    def progress(self, done: int, total: int | None = None, message: str | None = None) -> None:
        """Report progress (cheap: one key/value write; call it every few hundred records)."""
        self.done = max(0, int(done))
        if total is not None:
            self.total = int(total)
        if message is not None:
            self.message = str(message)[:500]
        state = {
            "done": self.done,
            "total": self.total,
            "message": self.message,
            "t": time.time(),
            "t0": self.started.timestamp() if self.started else time.time(),
        }
        _kv().put(self._key("progress"), state)
        self._live_written = True

    def live(self) -> dict:
        """Progress for pages and the API: done, total, percent, rate (per second), message."""
        state = None
        if self.status in (self.Status.RUNNING, self.Status.RETRYING):
            state = _kv().get(self._key("progress"), peek=True)
        if state:
            done, total, message = state["done"], state["total"], state["message"]
            elapsed = max(state["t"] - state["t0"], 1e-6)
        else:
            done, total, message = self.done, self.total, self.message
            end = self.finished or timezone.now()
            elapsed = (end - self.started).total_seconds() if self.started else 0
        rate = done / elapsed if elapsed > 0 and done else 0.0
        if total:
            percent = min(100, round(100 * done / total))
        else:
            percent = 100 if self.status == self.Status.SUCCEEDED else None
        return {
            "id": self.pk,
            "name": self.name,
            "status": self.status,
            "status_label": str(self.get_status_display()),
            "done": done,
            "total": total,
            "percent": percent,
            "rate": round(rate, 1),
            "message": message,
            "attempts": self.attempts,
            "finished": self.status in self.FINISHED,
            "error": self.error,
        }

    # --- cancellation -----------------------------------------------------------------------
    def cancelled(self) -> bool:
        """True once someone asked to cancel this job (the job then raises JobCancelled)."""
        return bool(self.cancel_requested or _kv().get(self._key("cancel"), peek=True))

    def request_cancel(self) -> None:
        """Ask a queued or running job to stop (see services.cancel_job)."""
        _kv().put(self._key("cancel"), True)
        self.cancel_requested = True

    def clear_live(self) -> None:
        """Drop the live keys of a finished job (only those it may have written)."""
        kv = _kv()
        if getattr(self, "_live_written", False):
            kv.delete(self._key("progress"))
        if self.cancel_requested or self.status == self.Status.CANCELLED:
            kv.delete(self._key("cancel"))
