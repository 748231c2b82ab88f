"""Import bookkeeping: one ImportBatch per run, one SourceRecord per source document (lossless)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class State(models.TextChoices):
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed (rolled back)")

    source = models.CharField(_("source format"), max_length=32)
    files = models.JSONField(_("files"), default=list)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.RUNNING
    )
    started = models.DateTimeField(_("started"), auto_now_add=True)
    finished = models.DateTimeField(_("finished"), null=True, blank=True)
    read = models.PositiveIntegerField(_("records read"), default=0)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    skipped_count = models.PositiveIntegerField(_("skipped"), default=0)
    errors = models.JSONField(
        _("errors"), default=list, blank=True, help_text=_("[{file, record, field, message}]")
    )
    timings = models.JSONField(_("timings (s)"), default=dict, blank=True)
    # Non-fatal findings (unknown fields kept in Standard.extra, identifiers that pubid could
    # not parse ...): [{file, record, field, message}], capped.
    warnings = models.JSONField(_("warnings"), default=list, blank=True)
    # Per-source figures: records per source, relations stored/resolved, key fallbacks ...
    stats = models.JSONField(_("statistics"), default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-started"]
        verbose_name = _("import batch")
        verbose_name_plural = _("import batches")

    def __str__(self) -> str:
        return f"{self.source} {self.started:%Y-%m-%d %H:%M} {self.state}"


class SourceRecord(models.Model):
    """A source document byte for byte (zlib-compressed), so the import loses nothing and a
    record can be exported back in its own format."""

    source = models.CharField(_("source"), max_length=32)
    locator = models.CharField(
        _("locator"), max_length=255, help_text=_("repo path, file name or file#index")
    )
    format = models.CharField(_("format"), max_length=16, default="relaton-yaml")
    raw = models.BinaryField(_("raw record (zlib)"))
    content_hash = models.CharField(max_length=40)
    standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="source_records",
    )
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        unique_together = [("source", "locator")]
        verbose_name = _("source record")
        verbose_name_plural = _("source records")

    def __str__(self) -> str:
        return f"{self.source}:{self.locator}"

    def text(self) -> str:
        import zlib

        return zlib.decompress(bytes(self.raw)).decode("utf-8")
