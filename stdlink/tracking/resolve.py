"""Resolving international identifiers to catalogue records (editions, works, current edition)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from stdlink import pubid
from stdlink.catalog.models import Standard

INTL_BODIES = ("ISO", "IEC", "ITU")  # what counts under 采用国际标准管理办法 (2025)
_DATED = re.compile(r":\s*((?:19|20)\d\d)")


@dataclass(frozen=True)
class Resolved:
    identifier: str
    edition_key: str
    work_key: str
    dated: bool
    standard: Standard | None


def keys_of(identifier: str) -> tuple[str, str]:
    """(edition key, work key) of an identifier; the text itself when pubid cannot parse it."""
    try:
        return pubid.key(identifier, level="exact"), pubid.key(identifier, level="work")
    except Exception:  # noqa: BLE001 — unparseable forms are kept as written
        k = re.sub(r"\s+", "", identifier.upper())
        return k, re.sub(r":.*$", "", k)


def is_edition(s: Standard) -> bool:
    """An edition of the work a standard can adopt: not an amendment or corrigendum, not a draft,
    not a redline or commented version (they share their edition's key). A consolidated CSV
    edition is one: Chinese covers cite those."""
    return (
        "/AMD" not in s.key
        and "/COR" not in s.key
        and s.status != Standard.Status.DRAFT
        and not s.identifier.endswith((" RLV", " CMV"))
    )


def dated_year(identifier: str) -> int | None:
    """The year of a dated reference ("ISO 9001:2015" → 2015), None when undated."""
    m = _DATED.search(identifier)
    return int(m.group(1)) if m else None


def current_edition(work_key: str) -> Standard | None:
    """The catalogue's current edition of a work (newest base document, current status first)."""
    eds = [s for s in Standard.objects.filter(work_key=work_key) if is_edition(s)]
    if not eds:
        return None
    eds.sort(
        key=lambda s: (
            s.status == Standard.Status.CURRENT,
            s.year or 0,
            "CSV" in s.key,  # a consolidated version of the same year carries the amendments
        ),
        reverse=True,
    )
    return eds[0]


def resolve(identifier: str) -> Resolved:
    edition_key, work_key = keys_of(identifier)
    dated = bool(_DATED.search(identifier))
    standard = None
    if dated:
        standard = (
            Standard.objects.filter(key=edition_key).first()
            or Standard.objects.filter(key=edition_key + "CSV").first()
        )
    else:
        standard = current_edition(work_key)
    return Resolved(identifier, edition_key, work_key, dated, standard)


def is_international(identifier: str) -> bool:
    return identifier.upper().startswith(("ISO", "IEC", "ITU", "CISPR"))
