"""The state of the vector build per model: progress for `stdlink embeddings status` (and the
jobs page once the build runs as a background job), and the token naming the index file."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return uuid.uuid4().hex[:16]


class VectorBuild(models.Model):
    class State(models.TextChoices):
        IDLE = "idle", _("idle")
        RUNNING = "running", _("running")
        DONE = "done", _("done")
        FAILED = "failed", _("failed")

    model = models.CharField(max_length=16, unique=True)
    # Names this database's index file: a restored or rolled-back database never reads an
    # index built for other rows.
    token = models.CharField(max_length=16, default=new_token)
    state = models.CharField(max_length=8, choices=State.choices, default=State.IDLE)
    done = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    started = models.DateTimeField(null=True, blank=True)
    finished = models.DateTimeField(null=True, blank=True)
    seconds = models.FloatField(default=0.0)
    message = models.TextField(blank=True)

    class Meta:
        verbose_name = _("vector build")
        verbose_name_plural = _("vector builds")

    def __str__(self) -> str:
        return f"{self.model}: {self.state} {self.done}/{self.total}"
