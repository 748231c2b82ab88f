"""Regions (counties below the built-in cities) managed by the province."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from stdlink.core.models import Region
from stdlink.core.permissions import has_perm
from stdlink.core.services.audit import log_change, snapshot


@transaction.atomic
def save_region(*, acting_user, region: Region) -> Region:
    """Create or change a region (the form has already validated it)."""
    codename = "core.change_region" if region.pk else "core.add_region"
    if not has_perm(acting_user, codename):
        raise PermissionDenied(_("Only the province manages regions."))
    before = snapshot(Region.objects.get(pk=region.pk)) if region.pk else None
    region.save()
    log_change(
        acting_user=acting_user,
        obj=region,
        action="update" if before else "create",
        before=before,
        region=region,
    )
    return region
