"""Units (单位): enterprises, universities, institutes, associations, testing bodies."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.programme import uscc
from stdlink.programme.models.base import ProgrammeRecord


def validate_uscc(value: str) -> None:
    reason = uscc.problem(value)
    if reason:
        raise ValidationError(f"统一社会信用代码{reason}", code="uscc")


class Unit(ProgrammeRecord):
    class Kind(models.TextChoices):
        ENTERPRISE = "enterprise", _("enterprise")
        UNIVERSITY = "university", _("university")
        INSTITUTE = "institute", _("research institute")
        ASSOCIATION = "association", _("association")
        TESTING = "testing", _("testing body")
        OTHER = "other", _("other")

    name = models.CharField(_("unit name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    region = models.ForeignKey(
        "core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )
    uscc = models.CharField(
        _("unified social credit code"), max_length=18, unique=True, validators=[validate_uscc]
    )
    address = models.CharField(_("address"), max_length=255, blank=True)

    region_lookup = "region"
    unit_lookup = "pk"

    class Meta:
        ordering = ["region__path", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.uscc = (self.uscc or "").strip().upper()
        super().save(*args, **kwargs)


class Contact(ProgrammeRecord):
    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("unit")
    )
    name = models.CharField(_("contact person"), max_length=64)
    position = models.CharField(_("position"), max_length=64, blank=True)
    phone = models.CharField(_("telephone"), max_length=32, blank=True)
    mobile = models.CharField(_("mobile"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)

    class Meta:
        ordering = ["unit", "name"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})"
