"""Create and change programme records: one audited, permission-re-checked transaction each."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Model

from stdlink.core.permissions import outside_message, read_only_message
from stdlink.core.services.audit import log_change, snapshot
from stdlink.programme.scoping import can


def _region(obj: Model):
    lookup = getattr(type(obj), "region_lookup", None)
    if not lookup:
        return None
    node = obj
    for part in lookup.split("__"):
        node = getattr(node, part, None)
        if node is None:
            return None
    return node


def audit(
    *, acting_user, obj: Model, action: str, before: dict | None = None, note: str = ""
) -> None:
    log_change(
        acting_user=acting_user,
        obj=obj,
        action=action,
        before=before,
        after=snapshot(obj) if action != "delete" else None,
        note=note,
        region=_region(obj),
    )


@transaction.atomic
def create_record(*, acting_user, obj: Model, perm: str, m2m: dict | None = None) -> Model:
    """Save a new record; roll back unless `acting_user` holds `perm` over it once saved."""
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    if not can(acting_user, obj, perm):
        raise PermissionDenied(outside_message(acting_user))
    audit(acting_user=acting_user, obj=obj, action="create")
    return obj


@transaction.atomic
def update_record(*, acting_user, obj: Model, perm: str, m2m: dict | None = None) -> Model:
    """Save changes to `obj` (already carrying the new values) after re-checking the permission
    on both the stored row (locked) and the changed one."""
    model = type(obj)
    stored = model._default_manager.select_for_update().get(pk=obj.pk)
    if not can(acting_user, stored, perm):
        raise PermissionDenied(read_only_message(acting_user))
    before = snapshot(stored)
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    if not can(acting_user, obj, perm):
        raise PermissionDenied(outside_message(acting_user))
    audit(acting_user=acting_user, obj=obj, action="update", before=before)
    return obj
