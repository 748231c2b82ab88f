"""Reference tables loaded from STDLINK_DATA_DIR by `stdlink import countries|hs` (never committed)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Country(models.Model):
    """An ISO 3166 country or territory, or the European Union (code "EU")."""

    code = models.CharField(_("code"), max_length=3, unique=True)  # ISO alpha-3, or "EU"
    iso2 = models.CharField(_("ISO alpha-2"), max_length=2, blank=True)
    iso_numeric = models.CharField(_("ISO numeric"), max_length=3, blank=True)
    name_zh = models.CharField(_("Chinese name"), max_length=100)
    name_en = models.CharField(_("English name"), max_length=100)
    wto_member = models.BooleanField(_("WTO member"), default=False)
    bri = models.BooleanField(_("Belt and Road"), default=False)
    eping_member_id = models.CharField(_("ePing member id"), max_length=8, blank=True)
    region = models.CharField(_("world region"), max_length=60, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self) -> str:
        return f"{self.display_name} ({self.code})"

    @property
    def display_name_zh(self) -> str:
        from stdlink.tbt.data.members import WTO_NAMES

        return WTO_NAMES.get(self.code, (self.name_zh, self.name_en))[0]

    @property
    def display_name_en(self) -> str:
        from stdlink.tbt.data.members import WTO_NAMES

        return WTO_NAMES.get(self.code, (self.name_zh, self.name_en))[1]

    @property
    def display_name(self) -> str:
        return (
            self.display_name_en
            if (get_language() or "").startswith("en")
            else self.display_name_zh
        )


class HsCode(models.Model):
    """A Harmonized System 2022 code (chapter, heading or subheading)."""

    code = models.CharField(_("code"), max_length=6, unique=True)
    level = models.PositiveSmallIntegerField(_("level"))  # 2, 4, 6
    parent_code = models.CharField(_("parent"), max_length=6, blank=True)
    section = models.CharField(_("section"), max_length=5, blank=True)
    description_en = models.TextField(_("English description"), blank=True)
    description_zh = models.TextField(_("Chinese description"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("HS code")
        verbose_name_plural = _("HS codes")

    def __str__(self) -> str:
        return f"{self.code} {self.description_zh or self.description_en}"[:120]


class IcsHsPair(models.Model):
    """A reference ICS → HS6 correspondence, used both ways to infer missing codes."""

    ics = models.CharField(_("ICS code"), max_length=16, db_index=True)
    hs6 = models.CharField(_("HS6"), max_length=6, db_index=True)

    class Meta:
        ordering = ["ics", "hs6"]
        constraints = [models.UniqueConstraint(fields=["ics", "hs6"], name="tbt_icshs_unique")]
        verbose_name = _("ICS–HS pair")
        verbose_name_plural = _("ICS–HS pairs")

    def __str__(self) -> str:
        return f"{self.ics} → {self.hs6}"
