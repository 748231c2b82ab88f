"""Distinct title texts and their vectors; which standards carry which title."""

from __future__ import annotations

import hashlib

import numpy as np
from django.db import models
from django.utils.translation import gettext_lazy as _


def digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


class TitleText(models.Model):
    """One distinct title text (standard numbers stripped), encoded once however many records
    carry it: the editions of a work share their titles, so 189k records have far fewer texts.
    Vectors are float32 bytes, L2-normalised (NULL until the build reaches them)."""

    digest = models.CharField(max_length=40, unique=True)
    text = models.TextField()
    language = models.CharField(max_length=8, blank=True)
    usem3 = models.BinaryField(null=True)
    e5 = models.BinaryField(null=True)

    class Meta:
        verbose_name = _("title text")
        verbose_name_plural = _("title texts")

    def __str__(self) -> str:
        return self.text

    @staticmethod
    def vector(blob: bytes | memoryview | None) -> np.ndarray | None:
        return None if blob is None else np.frombuffer(bytes(blob), dtype=np.float32)


class StandardTitle(models.Model):
    """A standard's title in one language, pointing at its shared TitleText."""

    standard = models.ForeignKey(
        "catalog.Standard", on_delete=models.CASCADE, related_name="semantic_titles"
    )
    title = models.ForeignKey(TitleText, on_delete=models.CASCADE, related_name="links")
    language = models.CharField(max_length=8, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["standard", "title"], name="semantic_std_title_uniq")
        ]
        indexes = [models.Index(fields=["title", "standard"], name="semantic_title_std")]

    def __str__(self) -> str:
        return f"{self.standard_id} → {self.title_id}"
