"""ICS (International Classification for Standards) and CCS (中国标准文献分类法)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class _Classification(models.Model):
    code = models.CharField(_("code"), max_length=16, unique=True)
    level = models.PositiveSmallIntegerField(_("level"))
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("parent"),
    )
    name_en = models.CharField(_("English name"), max_length=400, blank=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # True when the code came only from a catalogue record, not from the reference table.
    from_record = models.BooleanField(_("seen only in records"), default=False)

    class Meta:
        abstract = True
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.display_name}".strip()

    @property
    def display_name(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en


class ICS(_Classification):
    class Meta(_Classification.Meta):
        verbose_name = _("ICS code")
        verbose_name_plural = _("ICS codes")


class CCS(_Classification):
    class Meta(_Classification.Meta):
        verbose_name = _("CCS code")
        verbose_name_plural = _("CCS codes")
