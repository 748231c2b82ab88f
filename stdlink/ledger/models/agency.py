"""Agencies (ministries, commissions, bureaus, provincial departments) and their aliases."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Agency(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", _("national")
        PROVINCIAL = "provincial", _("provincial")
        MUNICIPAL = "municipal", _("municipal")
        COLLECTIVE = "collective", _("collective / placeholder")
        UNKNOWN = "unknown", _("unknown")

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    level = models.CharField(
        _("level"), max_length=12, choices=Level.choices, default=Level.UNKNOWN
    )
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    # False for agencies first met in an imported document and not in the built-in registry.
    verified = models.BooleanField(_("verified"), default=False)
    builtin = models.BooleanField(_("built-in"), default=False)

    class Meta:
        ordering = ["level", "name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name


class AgencyAlias(models.Model):
    class Kind(models.TextChoices):
        ALIAS = "alias", _("alias or abbreviation")
        FORMER = "former", _("former name")

    alias = models.CharField(_("alias"), max_length=120, unique=True)
    agency = models.ForeignKey(
        Agency, on_delete=models.CASCADE, related_name="aliases", verbose_name=_("agency")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices, default=Kind.ALIAS)
    builtin = models.BooleanField(_("built-in"), default=False)

    class Meta:
        ordering = ["alias"]
        verbose_name = _("agency alias")
        verbose_name_plural = _("agency aliases")

    def __str__(self) -> str:
        return f"{self.alias} → {self.agency.name}"
