"""django-tables2 tables of the programme's record lists, built from each Resource's columns.

Cells read as `display()` shows them (also on the detail pages) (choice labels, state badges, 2026年11月);
exports (`?export=xlsx|csv` through `stdlink.core.tables`) get the plain words, never HTML.
"""

from __future__ import annotations

import django_tables2 as tables
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.translation import gettext as _


def display(obj, name: str):
    """A field's value as people read it: choice labels, state badges, months as 2026年11月."""
    from django.template.loader import render_to_string

    from stdlink.core.templatetags.months import month_label

    model_field = obj._meta.get_field(name)
    if model_field.many_to_many:
        return ", ".join(str(o) for o in getattr(obj, name).all()) or "—"
    if name == "state":
        return render_to_string(
            "programme/_state_badge.html",
            {"state": obj.state, "label": obj.get_state_display()},
        )
    if model_field.choices:
        return getattr(obj, f"get_{name}_display")()
    value = getattr(obj, name)
    if name == "month" and value:
        return month_label(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, FieldFile):
        return value.name.rsplit("/", 1)[-1] if value else "—"
    return "—" if value in (None, "") else value


class DisplayColumn(tables.Column):
    """A model field shown as people read it."""

    def __init__(self, field_name: str, **kwargs) -> None:
        self.field_name = field_name
        super().__init__(accessor=tables.A("pk"), **kwargs)

    def render(self, record, **kwargs):
        return display(record, self.field_name)

    def value(self, record, **kwargs):
        return strip_tags(str(self.render(record))).strip()


def table_for(res) -> type[tables.Table]:
    """A Table class for a programme Resource: its list columns, the first one linking the record."""
    attrs = {}
    for i, name in enumerate(res.columns):
        field = res.model._meta.get_field(name)
        attrs[name] = DisplayColumn(
            name,
            verbose_name=field.verbose_name,
            order_by=None if field.many_to_many else (name,),
            orderable=not field.many_to_many,
            linkify=(
                (lambda record, key=res.key: reverse(f"programme:{key}-detail", args=[record.pk]))
                if i == 0
                else None
            ),
            attrs={"td": {"class": "text-nowrap"}} if name in ("month", "state") else {},
        )
    meta = type(
        "Meta",
        (),
        {
            "attrs": {"class": "table table-sm table-hover align-middle", "id": "record-table"},
            "sequence": list(res.columns),
            "optional_columns": tuple(res.columns[1:]),
        },
    )
    attrs["Meta"] = meta
    return type(f"{res.model.__name__}Table", (tables.Table,), attrs)
