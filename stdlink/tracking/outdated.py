"""Adoptions that fell behind: the adopted international edition was revised, withdrawn or replaced."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field

from stdlink.catalog.models import Relation, Standard
from stdlink.tracking.models import Adoption
from stdlink.tracking.resolve import current_edition, dated_year


@dataclass
class Outdated:
    adoption_id: int
    domestic: str
    domestic_year: int | None
    sector: str
    adopted: str
    adopted_year: int | None
    degree: str
    reason: str  # newer_edition / withdrawn / replaced
    current: str | None
    current_year: int | None
    years_behind: int | None
    committee: str
    changes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)


def _year(s: Standard | None) -> int | None:
    return None if s is None else s.year


def outdated_adoptions(
    *, degrees=("IDT", "MOD", "NEQ"), today: dt.date | None = None
) -> list[Outdated]:
    """Every adoption whose international edition is no longer the current one, oldest gap first.

    Dated adoptions only: an undated reference always means the latest edition.
    """
    out: list[Outdated] = []
    qs = (
        Adoption.objects.filter(dated=True, degree__in=degrees)
        .select_related("domestic", "intl", "intl__committee")
        .order_by("domestic__identifier")
    )
    for a in qs:
        adopted = a.intl
        current = current_edition(a.intl_work_key)
        adopted_year = _year(adopted) or dated_year(a.intl_identifier)
        reason = ""
        no_current = current is None or current.status != Standard.Status.CURRENT
        if not no_current and (current.year or 0) > (adopted_year or 0):
            reason = "newer_edition"
        elif no_current:
            last = current or adopted
            if last is not None and last.status in (
                Standard.Status.WITHDRAWN,
                Standard.Status.REPLACED,
            ):
                reason = last.status
            current = None
        if not reason:
            continue
        changes = []
        if adopted is not None:
            for rel in adopted.relations_out.filter(
                type__in=[
                    Relation.Type.REPLACED_BY,
                    Relation.Type.AMENDED_BY,
                    Relation.Type.CORRECTED_BY,
                ]
            ):
                changes.append(f"{rel.get_type_display()} {rel.target_identifier}")
        out.append(
            Outdated(
                adoption_id=a.pk,
                domestic=a.domestic.identifier,
                domestic_year=a.domestic.year,
                sector=a.domestic.identifier.split(" ")[0],
                adopted=a.intl_identifier,
                adopted_year=adopted_year,
                degree=a.degree,
                reason=reason,
                current=current.identifier if current else None,
                current_year=_year(current),
                years_behind=(current.year - adopted_year)
                if (current and current.year and adopted_year)
                else None,
                committee=(adopted.committee.code if adopted and adopted.committee else "").strip(),
                changes=changes,
            )
        )
    out.sort(key=lambda o: (-(o.years_behind or 0), o.domestic))
    return out
