"""Audit rows are written by the service function that makes the change, in its transaction."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import Any

from django.db.models import Model
from django.db.models.fields.files import FieldFile

from stdlink.core.models import AuditLog


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or None
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return value


def snapshot(obj: Model | None) -> dict[str, Any] | None:
    """The concrete field values of `obj`, JSON-ready (foreign keys as ids)."""
    if obj is None:
        return None
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        data[field.attname] = _jsonable(getattr(obj, field.attname))
    return data


def log_change(
    *,
    acting_user,
    obj: Model,
    action: str,
    before: dict | None = None,
    after: dict | None = None,
    note: str = "",
    region=None,
) -> AuditLog:
    """Write one audit row; call inside the same transaction as the change."""
    if region is None:
        region = getattr(obj, "region", None) if hasattr(obj, "region_id") else None
    actor = acting_user if getattr(acting_user, "is_authenticated", False) else None
    return AuditLog.objects.create(
        actor=actor,
        action=action,
        model=obj._meta.label_lower,
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        region=region,
        before=before,
        after=after if after is not None else (snapshot(obj) if action != "delete" else None),
        note=note[:255],
    )
