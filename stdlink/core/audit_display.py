"""The audit log in words: who (the person's name), what (the record's kind and name), and each
change as field label: before → after with choice labels and related records' names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

#: never shown: bookkeeping, secrets and derived values
HIDDEN = {"id", "created", "updated", "password", "path", "last_login"}


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    row: object
    person: str
    kind: str
    name: str
    changes: list[Change]
    note: str = ""


def note_words(note: str) -> str:
    """The services' short notes ("submit", "password reset") in the reader's language."""
    words = {
        "submit": _("submitted"),
        "accept": _("accepted"),
        "return": _("returned"),
        "reopen": _("reopened as draft"),
        "approve": _("approved"),
        "reject": _("rejected"),
        "password reset": _("new one-time password"),
        "activate": _("account reactivated"),
        "deactivate": _("account deactivated"),
        "typical case": _("typical case"),
    }
    return str(words.get(note, note))


def model_for(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def kind_label(label: str) -> str:
    model = model_for(label)
    return str(model._meta.verbose_name) if model else label


def _field_by_attname(model, attname: str):
    for field in model._meta.concrete_fields:
        if field.attname == attname:
            return field
    return None


def _words(field, value, related: dict) -> str:
    if value in (None, ""):
        return "—"
    if field is None:
        return str(value)
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation and field.many_to_one:
        return related.get((field.related_model, value), f"#{value}")
    if isinstance(field, models.DateTimeField) and isinstance(value, str):
        parsed = parse_datetime(value)
        if parsed is not None:
            return date_format(localtime(parsed), "Y-m-d H:i")
    if field.attname == "unit_id" and field.model._meta.label_lower == "core.membership":
        return related.get(("unit", value), f"#{value}")
    return str(value)


def _collect_related(rows) -> dict:
    """One query per related model for every id mentioned on the page (no query per cell)."""
    wanted: dict = {}
    units: set = set()
    for row in rows:
        model = model_for(row.model)
        if model is None:
            continue
        for data in (row.before or {}, row.after or {}):
            for attname, value in data.items():
                field = _field_by_attname(model, attname)
                if value in (None, "") or field is None:
                    continue
                if field.is_relation and field.many_to_one:
                    wanted.setdefault(field.related_model, set()).add(value)
                elif attname == "unit_id" and row.model == "core.membership":
                    units.add(value)
    out = {}
    for model, ids in wanted.items():
        for obj in model._default_manager.filter(pk__in=ids):
            out[(model, obj.pk)] = _person(obj) if _is_user(model) else str(obj)
    if units:
        unit_model = model_for("programme.unit")
        if unit_model is not None:
            for pk, name in unit_model.objects.filter(pk__in=units).values_list("pk", "name"):
                out[("unit", pk)] = name
    return out


def _is_user(model) -> bool:
    from django.contrib.auth import get_user_model

    return issubclass(model, get_user_model())


def _person(user) -> str:
    if user is None:
        return _("system")
    full = (user.get_full_name() or "").strip()
    return full or user.get_username()


def describe(rows) -> list[Entry]:
    rows = list(rows)
    related = _collect_related(rows)
    out = []
    for row in rows:
        model = model_for(row.model)
        before, after = row.before or {}, row.after or {}
        changes = []
        keys = [k for k in (list(before) + [k for k in after if k not in before])]
        for key in keys:
            if key in HIDDEN or before.get(key) == after.get(key):
                continue
            if row.action == "create" and after.get(key) in (None, "", False):
                continue
            field = _field_by_attname(model, key) if model else None
            if field is not None and field.name in HIDDEN:
                continue
            label = str(field.verbose_name) if field is not None else key
            changes.append(
                Change(
                    label,
                    "" if row.action == "create" else _words(field, before.get(key), related),
                    "" if row.action == "delete" else _words(field, after.get(key), related),
                )
            )
        out.append(
            Entry(
                row=row,
                person=_person(row.actor),
                kind=kind_label(row.model),
                name=row.object_repr,
                changes=changes,
                note=note_words(row.note),
            )
        )
    return out


def local_time(value: dt.datetime) -> str:
    return date_format(localtime(value), "Y-m-d H:i:s")
