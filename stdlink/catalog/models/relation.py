"""Relations between standards, with the raw source type kept beside the normalised one."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Relation(models.Model):
    class Type(models.TextChoices):
        REPLACES = "replaces", _("replaces")
        REPLACED_BY = "replaced_by", _("replaced by")
        AMENDS = "amends", _("amends")
        AMENDED_BY = "amended_by", _("amended by")
        CORRECTS = "corrects", _("corrects")
        CORRECTED_BY = "corrected_by", _("corrected by")
        ADOPTS = "adopts", _("adopts")
        ADOPTED_BY = "adopted_by", _("adopted by")
        EQUIVALENT = "equivalent", _("equivalent")
        PART_OF = "part_of", _("part of")
        HAS_PART = "has_part", _("has part")
        EDITION_OF = "edition_of", _("edition of")
        HAS_EDITION = "has_edition", _("has edition")
        INSTANCE_OF = "instance_of", _("instance of")
        HAS_INSTANCE = "has_instance", _("has instance")
        TRANSLATED_FROM = "translated_from", _("translated from")
        COMPLEMENTS = "complements", _("complement of")
        MANIFESTATION = "manifestation", _("has manifestation")
        RELATED = "related", _("related")

    class Degree(models.TextChoices):
        IDT = "IDT", _("identical (IDT)")
        MOD = "MOD", _("modified (MOD)")
        NEQ = "NEQ", _("not equivalent (NEQ)")
        NONE = "", _("not applicable")

    source = models.ForeignKey(
        "catalog.Standard",
        on_delete=models.CASCADE,
        related_name="relations_out",
        verbose_name=_("from"),
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, db_index=True)
    target_identifier = models.CharField(_("target identifier"), max_length=255)
    target_key = models.CharField(_("target key"), max_length=255, db_index=True)
    target = models.ForeignKey(
        "catalog.Standard",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="relations_in",
        verbose_name=pgettext_lazy("relation", "target"),
    )
    degree = models.CharField(
        _("adoption degree"), max_length=3, choices=Degree.choices, blank=True
    )
    raw_type = models.CharField(_("raw type"), max_length=40)
    raw_description = models.CharField(_("raw description"), max_length=255, blank=True)
    # Set when the stored edge differs from what the raw type says (e.g. ISO life-cycle links).
    corrected = models.BooleanField(_("corrected"), default=False)

    class Meta:
        ordering = ["source", "type", "target_identifier"]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def __str__(self) -> str:
        return f"{self.source} {self.type} {self.target_identifier}"
