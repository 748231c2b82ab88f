"""Administrative regions: province → city → county, stored with a materialised path."""

from __future__ import annotations

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Region(models.Model):
    class Level(models.TextChoices):
        PROVINCE = "province", _("province")
        CITY = "city", _("city")
        COUNTY = "county", _("county")

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("GB/T 2260 code"))
    name_zh = models.CharField(_("Chinese name"), max_length=64)
    name_en = models.CharField(_("English name"), max_length=64, blank=True)
    level = models.CharField(_("level"), max_length=10, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    # "330000/330100/330102/": a subtree is one indexed prefix match.
    path = models.CharField(max_length=128, db_index=True, editable=False)

    class Meta:
        ordering = ["path"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.display_name

    def save(self, *args, **kwargs) -> None:
        self.path = self.compute_path()
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        if (get_language() or "zh-hans").startswith("en") and self.name_en:
            return self.name_en
        return self.name_zh

    def compute_path(self) -> str:
        prefix = self.parent.path if self.parent_id else ""
        return f"{prefix}{self.code}/"

    def contains(self, other: Region | None) -> bool:
        return other is not None and other.path.startswith(self.path)

    def city(self) -> Region | None:
        """The city this region is or lies in (None for the province)."""
        node: Region | None = self
        while node is not None and node.level != self.Level.CITY:
            node = node.parent
        return node
