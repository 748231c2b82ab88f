"""What every programme record shares: a demo flag and the path to its unit (for unit users)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import TimestampedModel

DEMO_PREFIX = "【演示】"


class ProgrammeRecord(TimestampedModel):
    """A programme record. `unit_lookup` names the path to the owning unit's id (None: no unit),
    used to scope unit users (role scope "unit") to their own unit's records."""

    is_demo = models.BooleanField(_("demo record"), default=False, db_index=True)

    region_lookup = "unit__region"
    unit_lookup: str | None = "unit_id"

    class Meta:
        abstract = True
