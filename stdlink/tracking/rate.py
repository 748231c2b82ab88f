"""The international-standard conversion rate (国际标准转化率), reproducible and with its scope stated.

No official formula is published (see docs/decisions/0018). Every figure carries its scope:
- numerator: international standards of the denominator whose work a domestic (Chinese) standard
  adopts with one of ``degrees`` (IDT and MOD by default — NEQ is a correspondence, not an adoption,
  under 采用国际标准管理办法 2025); of which ``adopted_current`` adopt the current edition;
- denominator, chosen by the user:
  ``all`` — every current ISO/IEC/ITU standard in the catalogue (base documents: no amendments,
  corrigenda, consolidated duplicates or drafts);
  ``ics_with_cn`` — those classified in an ICS group (level 2) where at least one domestic adoption exists
  (the "fields with a Chinese counterpart" scope, as the 2018 figure of 85.47 % was counted);
  ``list`` — the identifiers the user uploads;
- ``as_of``: the date the figure was computed (the catalogue as it stood then).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from stdlink.catalog.models import Standard
from stdlink.tracking.models import Adoption
from stdlink.tracking.resolve import keys_of

TARGET = 0.85  # seed 001: 国际标准转化率 85 % 以上
DEFAULT_BODIES = ("ISO", "IEC", "ITU", "CISPR")
DENOMINATORS = ("all", "ics_with_cn", "list")
GROUPINGS = ("ics", "committee", "body", "sector")


@dataclass
class Scope:
    bodies: tuple[str, ...] = DEFAULT_BODIES
    statuses: tuple[str, ...] = ("current",)
    degrees: tuple[str, ...] = ("IDT", "MOD")
    denominator: str = "all"
    as_of: str = ""
    list_size: int = 0

    def describe(self) -> dict:
        return {
            "zh": (
                f"分子：被中国标准以{'/'.join(self.degrees)}采用的国际标准（按标准，不分版本）；"
                f"分母：{_DENOM_ZH[self.denominator]}（{'/'.join(self.bodies)}，状态：现行）；截至 {self.as_of}"
            ),
            "en": (
                f"Numerator: international standards adopted {'/'.join(self.degrees)} by a Chinese standard "
                f"(any edition of the work); denominator: {_DENOM_EN[self.denominator]} "
                f"({'/'.join(self.bodies)}, status current); as of {self.as_of}"
            ),
        }


_DENOM_ZH = {
    "all": "目录中全部现行 ISO/IEC/ITU 国际标准",
    "ics_with_cn": "有中国对应标准的 ICS 领域内的现行国际标准",
    "list": "用户上传清单中的国际标准",
}
_DENOM_EN = {
    "all": "all current ISO/IEC/ITU standards in the catalogue",
    "ics_with_cn": "current international standards in ICS fields with a Chinese counterpart",
    "list": "the international standards of the uploaded list",
}


@dataclass
class Figure:
    key: str
    label: str
    numerator: int = 0
    denominator: int = 0
    adopted_current: int = 0

    @property
    def rate(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    @property
    def percent(self) -> str:
        """The rate as people read it: 85.5 %."""
        return "—" if self.rate is None else f"{self.rate * 100:.1f} %"

    def as_dict(self) -> dict:
        d = asdict(self)
        d["rate"] = None if self.rate is None else round(self.rate, 4)
        return d


@dataclass
class RateResult:
    scope: Scope
    total: Figure
    groups: list[Figure] = field(default_factory=list)
    by: str = ""
    target: float = TARGET

    def as_dict(self) -> dict:
        return {
            "scope": asdict(self.scope) | {"description": self.scope.describe()},
            "total": self.total.as_dict(),
            "by": self.by,
            "groups": [g.as_dict() for g in self.groups],
            "target": self.target,
        }


def base_documents(bodies=DEFAULT_BODIES, statuses=("current",)):
    """International base documents: no supplements, no consolidated duplicates, no drafts."""
    return (
        Standard.objects.filter(body__code__in=bodies, status__in=statuses)
        .exclude(key__contains="/AMD")
        .exclude(key__contains="/COR")
        .exclude(key__endswith="CSV")
        .exclude(identifier__endswith=" RLV")  # redlines share their edition's key
        .exclude(identifier__endswith=" CMV")
    )


def adopted_works(degrees=("IDT", "MOD")) -> dict[str, set[str]]:
    """work key → edition keys adopted by a Chinese standard with one of `degrees`."""
    out: dict[str, set[str]] = defaultdict(set)
    rows = Adoption.objects.filter(degree__in=degrees, domestic__body__country="CN").values_list(
        "intl_work_key", "intl_key"
    )
    for work, edition in rows:
        out[work].add(edition.removesuffix("CSV"))
    return out


def _sector(identifier: str) -> str:
    head = identifier.split(" ")[0]
    return head


def conversion_rate(
    *,
    by: str = "",
    denominator: str = "all",
    identifiers: list[str] | None = None,
    bodies: tuple[str, ...] = DEFAULT_BODIES,
    degrees: tuple[str, ...] = ("IDT", "MOD"),
    as_of: dt.date | None = None,
) -> RateResult:
    if denominator not in DENOMINATORS:
        raise ValueError(f"denominator must be one of {DENOMINATORS}")
    if by and by not in GROUPINGS:
        raise ValueError(f"by must be one of {GROUPINGS}")
    scope = Scope(bodies=bodies, degrees=degrees, denominator=denominator)
    scope.as_of = (as_of or dt.date.today()).isoformat()
    adopted = adopted_works(degrees)

    docs = base_documents(bodies)
    if denominator == "list":
        wanted = {keys_of(i)[1] for i in (identifiers or []) if i.strip()}
        scope.list_size = len(wanted)
        docs = base_documents(bodies, statuses=("current", "replaced", "withdrawn")).filter(
            work_key__in=wanted
        )
    rows = list(
        docs.values("id", "key", "work_key", "body__code", "committee__code", "identifier", "year")
    )
    if denominator == "list":
        # one row per listed work: its current edition when there is one, else the newest
        best: dict[str, dict] = {}
        for r in rows:
            prev = best.get(r["work_key"])
            if prev is None or (r["year"] or 0) > (prev["year"] or 0):
                best[r["work_key"]] = r
        rows = list(best.values())
    else:
        seen_work: dict[str, dict] = {}
        for r in rows:  # one row per work (several current base documents of one work are rare)
            prev = seen_work.get(r["work_key"])
            if prev is None or (r["year"] or 0) > (prev["year"] or 0):
                seen_work[r["work_key"]] = r
        rows = list(seen_work.values())

    ics_of: dict[int, list[str]] = defaultdict(list)
    if by == "ics" or denominator == "ics_with_cn":
        through = Standard.ics.through.objects.filter(standard_id__in=[r["id"] for r in rows])
        for sid, code in through.values_list("standard_id", "ics__code"):
            ics_of[sid].append(code)
    if denominator == "ics_with_cn":
        groups_with_cn = {
            c[:6] for r in rows if r["work_key"] in adopted for c in ics_of.get(r["id"], [])
        }
        rows = [r for r in rows if any(c[:6] in groups_with_cn for c in ics_of.get(r["id"], []))]

    total = Figure("total", "total")
    grouped: dict[str, Figure] = {}
    for r in rows:
        hit = r["work_key"] in adopted
        current_hit = hit and r["key"].removesuffix("CSV") in adopted[r["work_key"]]
        keys = _group_keys(by, r, ics_of)
        for f in [total] + [grouped.setdefault(k, Figure(k, k)) for k in keys]:
            f.denominator += 1
            f.numerator += hit
            f.adopted_current += current_hit
    if by == "sector":
        grouped = _by_sector(degrees)
    groups = sorted(grouped.values(), key=lambda f: (-f.denominator, f.key))
    if by == "ics":
        _label_ics(groups)
    return RateResult(scope=scope, total=total, groups=groups, by=by)


def _group_keys(by: str, r: dict, ics_of) -> list[str]:
    if by == "ics":
        return sorted({c[:2] for c in ics_of.get(r["id"], [])}) or ["—"]
    if by == "committee":
        return [(r["committee__code"] or "—").strip()]
    if by == "body":
        return [r["body__code"]]
    return []


def _by_sector(degrees) -> dict[str, Figure]:
    """Adoptions counted by the adopting standard's Chinese code (GB, GB/T, YY, YY/T …)."""
    out: dict[str, Figure] = {}
    for ident, degree in Adoption.objects.filter(domestic__body__country="CN").values_list(
        "domestic__identifier", "degree"
    ):
        f = out.setdefault(_sector(ident), Figure(_sector(ident), _sector(ident)))
        f.denominator += 1  # adoptions recorded
        f.numerator += degree in degrees  # of which IDT/MOD
    return out


def _label_ics(groups: list[Figure]) -> None:
    from stdlink.catalog.models import ICS

    names = {
        c: (zh or en)
        for c, zh, en in ICS.objects.filter(level=1).values_list("code", "name_zh", "name_en")
    }
    for g in groups:
        if g.key in names:
            g.label = f"{g.key} {names[g.key]}"
