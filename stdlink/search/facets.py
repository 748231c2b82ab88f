"""Facets with counts: body, status, document type, ICS field, committee, year range.

Counts are over the current (filtered) result. When the candidates were all fetched they are
counted here; beyond the fetch cap the backend groups every match in one SQL query.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from stdlink.search.backends.base import (
    BODY,
    COMMITTEE,
    DOCTYPE,
    ICS_FIELDS,
    STATUS,
    YEAR,
    Row,
    SqlFilters,
)

FACETS = ("body", "status", "doctype", "ics", "committee", "year")
#: Year ranges: (value, first year, last year).
YEAR_BUCKETS = (
    ("2020-", 2020, None),
    ("2010-2019", 2010, 2019),
    ("2000-2009", 2000, 2009),
    ("1990-1999", 1990, 1999),
    ("-1989", None, 1989),
)
LIMITS = {"body": 30, "status": 10, "doctype": 12, "ics": 20, "committee": 15, "year": 10}


Filters = SqlFilters


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class Facets:
    body: list[FacetValue] = field(default_factory=list)
    status: list[FacetValue] = field(default_factory=list)
    doctype: list[FacetValue] = field(default_factory=list)
    ics: list[FacetValue] = field(default_factory=list)
    committee: list[FacetValue] = field(default_factory=list)
    year: list[FacetValue] = field(default_factory=list)

    def as_dict(self) -> dict[str, list[dict]]:
        return {
            name: [
                {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                for v in getattr(self, name)
            ]
            for name in FACETS
        }


def year_bucket(year: int | None) -> str:
    if year is None:
        return ""
    for value, first, last in YEAR_BUCKETS:
        if (first is None or year >= first) and (last is None or year <= last):
            return value
    return ""


def count_rows(rows: list[Row]) -> dict[str, Counter]:
    """Facet counts over fetched candidate rows."""
    counts = {
        "body": Counter(r[BODY] for r in rows),
        "status": Counter(r[STATUS] for r in rows),
        "doctype": Counter(r[DOCTYPE] for r in rows),
        "committee": Counter(r[COMMITTEE] for r in rows if r[COMMITTEE]),
        "year": Counter(year_bucket(r[YEAR]) for r in rows),
        "ics": Counter(),
    }
    for fields, n in Counter(r[ICS_FIELDS] for r in rows).items():
        for code in (fields or "").split():
            counts["ics"][code] += n
    return counts


def count_groups(groups: list[tuple], into: dict[str, Counter] | None = None) -> dict[str, Counter]:
    """Facet counts from grouped rows (body, status, doctype, committee, year, ics_fields, n)."""
    counts = into or {name: Counter() for name in FACETS}
    for body, status, doctype, committee, year, ics_fields, n in groups:
        counts["body"][body] += n
        counts["status"][status] += n
        counts["doctype"][doctype] += n
        if committee:
            counts["committee"][committee] += n
        counts["year"][year_bucket(year)] += n
        for code in (ics_fields or "").split():
            counts["ics"][code] += n
    return counts


def _labels_ics(codes: list[str]) -> dict[str, str]:
    from django.utils.translation import get_language

    from stdlink.catalog.models import ICS

    en = (get_language() or "").startswith("en")
    out = {}
    for code, name_en, name_zh in ICS.objects.filter(code__in=codes).values_list(
        "code", "name_en", "name_zh"
    ):
        out[code] = (name_en if en else name_zh or name_en) or ""
    return out


def build(counts: dict[str, Counter], filters: Filters) -> Facets:
    from stdlink.catalog.labels import doctype_label
    from stdlink.catalog.models import Standard

    status_labels = dict(Standard.Status.choices)
    facets = Facets()
    for name in ("body", "doctype", "committee", "ics"):
        selected = getattr(filters, name)
        items = [(v, n) for v, n in counts[name].most_common() if v or name == "doctype"]
        items = items[: LIMITS[name]]
        shown = {v for v, _ in items}
        items += [(v, counts[name].get(v, 0)) for v in sorted(selected) if v not in shown]
        labels = _labels_ics([v for v, _ in items]) if name == "ics" and items else {}
        values = []
        for v, n in items:
            label = v
            if name == "ics":
                label = f"{v} {labels.get(v, '')}".strip()
            elif name == "doctype":
                label = doctype_label(v) if v else "—"
            values.append(FacetValue(v, label, n, v in selected))
        setattr(facets, name, values)
    facets.status = [
        FacetValue(v, str(status_labels.get(v, v)), counts["status"][v], v in filters.status)
        for v, _ in Standard.Status.choices
        if counts["status"].get(v) or v in filters.status
    ]
    for value, first, last in YEAR_BUCKETS:
        n = counts["year"].get(value, 0)
        selected = (
            filters.year_from == first
            and filters.year_to == last
            and (first is not None or last is not None)
        )
        if n or selected:
            facets.year.append(
                FacetValue(
                    value,
                    value.replace("-", "–") if value[0] != "-" else "≤ " + value[1:],
                    n,
                    selected,
                )
            )
    return facets


def year_range(value: str) -> tuple[int | None, int | None]:
    """The (from, to) years of a year-facet value."""
    for v, first, last in YEAR_BUCKETS:
        if v == value:
            return first, last
    return None, None
