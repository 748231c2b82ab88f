"""Secretariats and convenorships held by units, and registered experts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.programme.models.base import ProgrammeRecord


class Secretariat(ProgrammeRecord):
    class Kind(models.TextChoices):
        TC = "tc", _("technical committee secretariat")
        SC = "sc", _("subcommittee secretariat")
        CONVENOR = "convenor", _("working group convenorship")

    unit = models.ForeignKey(
        "programme.Unit",
        on_delete=models.PROTECT,
        related_name="secretariats",
        verbose_name=_("unit"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    body = models.ForeignKey(
        "catalog.Body", on_delete=models.PROTECT, related_name="+", verbose_name=_("body")
    )
    committee_code = models.CharField(
        _("committee"), max_length=64, help_text=_("e.g. ISO/TC 321, ISO/TC 34/SC 8")
    )
    committee = models.ForeignKey(
        "catalog.Committee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("catalogue committee"),
    )
    title = models.CharField(_("committee title"), max_length=200, blank=True)
    established_on = models.DateField(_("since"))
    ended_on = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["committee_code"]
        verbose_name = _("secretariat or convenorship")
        verbose_name_plural = _("secretariats and convenorships")

    def __str__(self) -> str:
        return f"{self.committee_code} ({self.get_kind_display()})"


class Expert(ProgrammeRecord):
    unit = models.ForeignKey(
        "programme.Unit", on_delete=models.PROTECT, related_name="experts", verbose_name=_("unit")
    )
    name = models.CharField(_("name"), max_length=64)
    field = models.CharField(_("field"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("registered expert")
        verbose_name_plural = _("registered experts")

    def __str__(self) -> str:
        return self.name


class ExpertRegistration(ProgrammeRecord):
    expert = models.ForeignKey(
        Expert, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("expert")
    )
    body = models.ForeignKey(
        "catalog.Body", on_delete=models.PROTECT, related_name="+", verbose_name=_("body")
    )
    committee_code = models.CharField(_("committee"), max_length=64, blank=True)
    committee = models.ForeignKey(
        "catalog.Committee",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("catalogue committee"),
    )
    position = models.CharField(
        _("position"), max_length=64, blank=True, help_text=_("expert, convenor, chair …")
    )
    registered_on = models.DateField(_("registered on"))

    region_lookup = "expert__unit__region"
    unit_lookup = "expert__unit_id"

    class Meta:
        ordering = ["registered_on"]
        verbose_name = _("expert registration")
        verbose_name_plural = _("expert registrations")

    def __str__(self) -> str:
        return f"{self.expert} · {self.committee_code or self.body}"


class GroupStandardTranslation(ProgrammeRecord):
    """A foreign-language version of a "浙江制造" group standard."""

    unit = models.ForeignKey(
        "programme.Unit",
        on_delete=models.PROTECT,
        related_name="translations",
        verbose_name=_("unit"),
    )
    code = models.CharField(_("standard code"), max_length=64, help_text=_("e.g. T/ZZB 1234-2020"))
    title_zh = models.CharField(_("Chinese title"), max_length=300)
    language = models.CharField(
        _("language"),
        max_length=8,
        default="en",
        help_text=_("ISO 639-1 code, e.g. en, fr, es, ru, ar"),
    )
    title_translated = models.CharField(_("translated title"), max_length=300)
    published_on = models.DateField(_("published on"))
    standard = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("catalogue standard"),
    )

    class Meta:
        ordering = ["-published_on"]
        unique_together = [("code", "language")]
        verbose_name = _("foreign-language group standard")
        verbose_name_plural = _("foreign-language group standards")

    def __str__(self) -> str:
        return f"{self.code} [{self.language}]"
