"""Standards bodies (the 39 of seed 000 Annex 1 are built in) and Chinese code families."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Body(models.Model):
    class Kind(models.TextChoices):
        INTERNATIONAL = "international", _("international")
        REGIONAL = "regional", _("regional")
        NATIONAL = "national", pgettext_lazy("body kind", "national")
        FOREIGN_ADVANCED = "foreign-advanced", _("foreign advanced")
        SECTOR = "sector", _("sector (industry)")
        LOCAL = "local", _("local")
        GROUP = "group", _("group (association)")
        ENTERPRISE = "enterprise", _("enterprise")

    code = models.CharField(_("code"), max_length=32, unique=True)
    name_zh = models.CharField(_("Chinese name"), max_length=128, blank=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(
        _("country"),
        max_length=2,
        blank=True,
        help_text=_("ISO 3166-1 alpha-2; blank for international bodies"),
    )
    website = models.URLField(_("website"), blank=True)
    annex1 = models.BooleanField(_("on Annex 1 list"), default=False, db_index=True)
    annex1_no = models.PositiveSmallIntegerField(_("Annex 1 number"), null=True, blank=True)
    builtin = models.BooleanField(_("built-in"), default=False)

    class Meta:
        ordering = ["annex1_no", "code"]
        verbose_name = _("standards body")
        verbose_name_plural = _("standards bodies")

    def __str__(self) -> str:
        return self.code

    @property
    def display_name(self) -> str:
        if (get_language() or "").startswith("en"):
            return self.name_en or self.name_zh or self.code
        return self.name_zh or self.name_en or self.code


class CodeFamily(models.Model):
    """A Chinese standard code prefix: GB, GB/T, GB/Z, QB/T, DB33/T, T/, Q/ ..."""

    class Scope(models.TextChoices):
        NATIONAL = "national", pgettext_lazy("body kind", "national")
        SECTOR = "sector", _("sector")
        LOCAL = "local", _("local")
        GROUP = "social-group", _("group")
        ENTERPRISE = "enterprise", _("enterprise")

    class Nature(models.TextChoices):
        MANDATORY = "mandatory", _("mandatory")
        RECOMMENDED = "recommended", _("recommended")
        GUIDANCE = "guidance", _("guidance")
        NONE = "", _("not applicable")

    code = models.CharField(_("code"), max_length=16, unique=True)
    prefix = models.CharField(_("prefix"), max_length=12, db_index=True)
    scope = models.CharField(_("scope"), max_length=16, choices=Scope.choices)
    nature = models.CharField(_("nature"), max_length=12, choices=Nature.choices, blank=True)
    name_zh = models.CharField(_("Chinese name"), max_length=64, blank=True)
    name_en = models.CharField(_("English name"), max_length=128, blank=True)
    issuer_zh = models.CharField(_("issuing administration"), max_length=128, blank=True)
    body = models.ForeignKey(
        Body,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="code_families",
        verbose_name=_("body"),
    )

    class Meta:
        ordering = ["scope", "code"]
        verbose_name = _("Chinese code family")
        verbose_name_plural = _("Chinese code families")

    def __str__(self) -> str:
        return self.code
