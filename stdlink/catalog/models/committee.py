"""Technical committees and subcommittees (ISO/TC 176/SC 2, IEC/TC 61, SAC/TC 151 ...)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Committee(models.Model):
    body = models.ForeignKey(
        "catalog.Body", on_delete=models.PROTECT, related_name="committees", verbose_name=_("body")
    )
    code = models.CharField(
        _("code"), max_length=255, unique=True, help_text=_("e.g. ISO/TC 176/SC 2 or SAC/TC 151")
    )
    kind = models.CharField(
        _("kind"), max_length=24, blank=True, help_text=_("TC, SC, WG, JTC, SG ...")
    )
    number = models.CharField(_("number"), max_length=24, blank=True)
    name_en = models.CharField(_("English name"), max_length=400, blank=True)
    name_zh = models.CharField(_("Chinese name"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("parent"),
    )
    secretariat = models.CharField(_("secretariat"), max_length=128, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")

    def __str__(self) -> str:
        return self.code

    @property
    def display_name(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.name_en or self.name_zh
        return self.name_zh or self.name_en
