"""Abstract base models every record can mix in (NetBox-style feature mixins)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class TimestampedModel(models.Model):
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class RegionScopedModel(TimestampedModel):
    """A record that belongs to a region: users outside that region's subtree cannot see it (404)."""

    region = models.ForeignKey(
        "core.Region", on_delete=models.PROTECT, related_name="+", verbose_name=_("region")
    )

    #: the lookup from this model to its Region, used by scope filters (override when indirect).
    region_lookup = "region"

    class Meta:
        abstract = True
