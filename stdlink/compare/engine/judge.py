"""Judgement of an aligned pair of requirements: is A stricter than, equal to or looser than B?

Per indicator: a maximum is stricter when lower, a minimum when higher, a range when narrower (it
lies inside the other), a test severity (voltage, energy, cycles, duration under "shall be") when
higher; values in different dimensions or of different kinds are "different". A clause's relation
combines its indicators; requirements without numbers compare by meaning and always need a
person to confirm.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import units
from .indicators import Indicator
from .text import fold

STRICTER, EQUAL, LOOSER, DIFFERENT = "stricter", "equal", "looser", "different"
# Meaning score (0..1) above which two number-free requirements are taken as saying the same.
SAME_MEANING = 0.6
_TOL = 1e-9
# Two limits of the same quantity this many orders of magnitude apart after unit conversion are
# taken as measured differently (another method or basis), not as a stricter or looser limit.
FAR_APART = 3.0


@dataclass
class Judgement:
    relation: str
    reason: str
    needs_confirmation: bool = False
    pairs: list[tuple[int, int, str]] = field(
        default_factory=list
    )  # (index in A, index in B, relation)


def _fmt(ind: Indicator) -> str:
    if ind.nil:
        return ind.text + (f" (LOD {_fmt_lod(ind)})" if ind.lod is not None else "")
    text = ind.text or str(ind.value)
    low = fold(text).lower()  # "μg/kg" written with a Greek mu names the unit µg/kg
    if ind.unit and ind.written_unit.lower() not in low and ind.unit.lower() not in low:
        text = f"{text} {ind.unit}"  # a table row whose unit stands in the header cell
    return text


def family(ind: Indicator) -> str:
    """The comparator family: a test severity ("shall withstand 1 250 V") is a minimum."""
    return "min" if ind.comparator == "eq" and ind.severity else ind.comparator


def same_dimension(a: Indicator, b: Indicator) -> bool:
    """Do two indicators measure in comparable units? "不得检出" (nil) fits any limit."""
    if a.nil or b.nil:
        return True
    if a.unit == b.unit or {a.unit, b.unit} == {"", "grade"}:
        return True  # "at least 4" against "不低于4级": a grade is a bare score
    return bool(a.written_unit and b.written_unit) and units.comparable(
        a.written_unit, b.written_unit
    )


def _same_family(a: Indicator, b: Indicator) -> bool:
    return family(a) == family(b) and same_dimension(a, b)


def _in_a_units(b: Indicator, a: Indicator):
    if a.nil or b.nil or not a.written_unit or not b.written_unit or a.unit == b.unit:
        return b.value
    if isinstance(b.value, list):
        return [units.convert(v, b.written_unit, a.written_unit) for v in b.value]
    return units.convert(b.value, b.written_unit, a.written_unit)


def _cmp(x: float, y: float) -> int:
    if abs(x - y) <= _TOL * max(1.0, abs(x), abs(y)):
        return 0
    return -1 if x < y else 1


def compare_indicators(a: Indicator, b: Indicator) -> tuple[str, str]:
    """(relation of a to b, reason) for two indicators of the same family."""
    if a.nil or b.nil:
        if a.nil and b.nil:
            lods = _lods(a, b)
            if lods is not None and _cmp(*lods) != 0:
                # the lower limit of detection finds less: "not detected" means more
                rel = STRICTER if lods[0] < lods[1] else LOOSER
                return (
                    rel,
                    f"双方均不得检出，检出限 {_fmt_lod(a)} 对 {_fmt_lod(b)}：检出限越低越严 / not "
                    f"detectable on both sides, limit of detection {_fmt_lod(a)} vs {_fmt_lod(b)}: "
                    "lower is stricter",
                )
            return EQUAL, f"双方均不得检出 / not detectable on both sides ({_fmt(a)}, {_fmt(b)})"
        if family(a if b.nil else b) != "max":
            return DIFFERENT, f"{_fmt(a)} 与 {_fmt(b)} 不可比 / not comparable"
        rel = STRICTER if a.nil else LOOSER
        return (
            rel,
            f"{_fmt(a)} 对 {_fmt(b)}：不得检出严于限量 / not detectable is stricter than a limit",
        )
    if same_dimension(a, b) and {family(a), family(b)} in ({"range", "max"}, {"range", "min"}):
        return _range_against_limit(a, b)
    if not _same_family(a, b):
        return DIFFERENT, f"{_fmt(a)} 与 {_fmt(b)} 不可比 / not comparable"
    bv = _in_a_units(b, a)
    apart = _orders_apart(a.value, bv) if a.unit != b.unit else 0.0
    if apart >= FAR_APART:
        # mg/m³ (chamber air) against mg/L (desiccator water) converts in pint but not in fact:
        # limits of one requirement are not thousands of times apart
        return DIFFERENT, (
            f"{_fmt(a)} 与 {_fmt(b)} 换算后相差约 {apart:.0f} 个数量级，测试方法或基准可能不同，"
            f"不作比较 / {_fmt(a)} and {_fmt(b)} are about {apart:.0f} orders of magnitude apart "
            "after conversion: probably another test method or basis; not compared"
        )
    # "< 20" against "≤ 20" is the same limit in practice (and 以下/以上 include the number by
    # Chinese convention): the difference is named in the reason, not judged.
    edge = (
        " （边界值含否不同 / boundary included on one side only）" if a.strict != b.strict else ""
    )
    if family(a) == "max":
        c = _cmp(a.value, bv)
        rel = {-1: STRICTER, 0: EQUAL, 1: LOOSER}[c]
        return (
            rel,
            f"上限 {_fmt(a)} 对 {_fmt(b)}：上限越低越严 / maximum {_fmt(a)} vs {_fmt(b)}: lower is stricter"
            + (edge if c == 0 else ""),
        )
    if family(a) == "min":
        c = _cmp(a.value, bv)
        rel = {1: STRICTER, 0: EQUAL, -1: LOOSER}[c]
        if a.severity or b.severity:
            return (
                rel,
                f"试验严酷度 {_fmt(a)} 对 {_fmt(b)}：越高越严 / test severity {_fmt(a)} vs {_fmt(b)}: higher is more severe",
            )
        return (
            rel,
            f"下限 {_fmt(a)} 对 {_fmt(b)}：下限越高越严 / minimum {_fmt(a)} vs {_fmt(b)}: higher is stricter"
            + (edge if c == 0 else ""),
        )
    if a.comparator == "range":
        (alo, ahi), (blo, bhi) = a.value, bv
        lo, hi = _cmp(alo, blo), _cmp(ahi, bhi)
        if lo == 0 and hi == 0:
            rel = EQUAL
        elif lo >= 0 and hi <= 0:
            rel = STRICTER
        elif lo <= 0 and hi >= 0:
            rel = LOOSER
        else:
            rel = DIFFERENT
        return (
            rel,
            f"范围 {_fmt(a)} 对 {_fmt(b)}：范围越窄越严 / range {_fmt(a)} vs {_fmt(b)}: narrower is stricter",
        )
    c = _cmp(a.value, bv)
    rel = EQUAL if c == 0 else DIFFERENT
    return rel, f"规定值 {_fmt(a)} 对 {_fmt(b)} / stated value {_fmt(a)} vs {_fmt(b)}"


def _orders_apart(av, bv) -> float:
    """Orders of magnitude between two values (or ranges, by their largest bounds); 0 when either
    is zero or the signs differ (no scale to speak of)."""
    x = max(av, key=abs) if isinstance(av, list) else av
    y = max(bv, key=abs) if isinstance(bv, list) else bv
    if x == 0 or y == 0 or (x < 0) != (y < 0):
        return 0.0
    return abs(math.log10(abs(x) / abs(y)))


def _lods(a: Indicator, b: Indicator) -> tuple[float, float] | None:
    """Both limits of detection in A's unit, when both are named in comparable units."""
    if a.lod is None or b.lod is None:
        return None
    if a.written_unit == b.written_unit or units.canonical(a.written_unit) == units.canonical(
        b.written_unit
    ):
        return a.lod, b.lod
    if a.written_unit and b.written_unit and units.comparable(a.written_unit, b.written_unit):
        return a.lod, units.convert(b.lod, b.written_unit, a.written_unit)
    return None


def _fmt_lod(ind: Indicator) -> str:
    return f"{ind.lod:g} {ind.unit}".strip()


def _distance(a: Indicator, b: Indicator) -> float:
    """How far apart two indicators' values are (orders of magnitude); 0 when equal."""
    try:
        bv = _in_a_units(b, a)
    except Exception:  # pint: incompatible or offset units
        return 10.0
    av = a.value
    if isinstance(av, list) or isinstance(bv, list):
        av = av if isinstance(av, list) else [av, av]
        bv = bv if isinstance(bv, list) else [bv, bv]
        return sum(_distance_num(x, y) for x, y in zip(av, bv, strict=True)) / 2
    return _distance_num(av, bv)


def _distance_num(x: float, y: float) -> float:
    if x == y:
        return 0.0
    if x == 0 or y == 0 or (x < 0) != (y < 0):
        return 1.0 + abs(x - y)
    return abs(math.log10(abs(x) / abs(y)))


def _range_against_limit(a: Indicator, b: Indicator) -> tuple[str, str]:
    """A range against a one-sided limit: the range is stricter when its own bound on that side is
    at least as strict (it also bounds the other side); else the two differ."""
    bv = _in_a_units(b, a)
    if family(a) == "range":
        lo, hi = a.value
        ok = (hi <= bv + _TOL) if family(b) == "max" else (lo >= bv - _TOL)
        rel = STRICTER if ok else DIFFERENT
    else:
        lo, hi = bv
        ok = (hi <= a.value + _TOL) if family(a) == "max" else (lo >= a.value - _TOL)
        rel = LOOSER if ok else DIFFERENT
    return (
        rel,
        f"范围与单侧限值 {_fmt(a)} 对 {_fmt(b)} / range against a one-sided limit: {_fmt(a)} vs {_fmt(b)}",
    )


def match_indicators(a: list[Indicator], b: list[Indicator]) -> list[tuple[int, int]]:
    """Pairs of indicators that measure the same thing: same comparator family and comparable
    unit; among several candidates the closest values pair first (a clause naming lead and
    cadmium limits against two clauses naming one each)."""
    candidates = sorted(
        (
            (_distance(x, y), i, j)
            for i, x in enumerate(a)
            for j, y in enumerate(b)
            if _same_family(x, y)
        ),
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs = []
    for _d, i, j in candidates:
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    if not pairs:  # the same dimension with different comparators (a maximum against a range)
        for i, x in enumerate(a):
            for j, y in enumerate(b):
                if j not in used_b and same_dimension(x, y):
                    pairs.append((i, j))
                    used_b.add(j)
                    break
    return sorted(pairs)


def judge(a: list[Indicator], b: list[Indicator], meaning: float) -> Judgement:
    """The relation of requirement A to requirement B."""
    if not a and not b:
        if meaning >= SAME_MEANING:
            return Judgement(
                EQUAL,
                "无数值指标，按语义判断为一致，请人工确认 / no numeric indicator; same meaning, to be confirmed",
                True,
            )
        return Judgement(
            DIFFERENT,
            "无数值指标，语义不同，请人工确认 / no numeric indicator; meanings differ, to be confirmed",
            True,
        )
    if not a or not b:
        side = "A" if a else "B"
        return Judgement(
            DIFFERENT,
            f"仅{side}方有数值指标，请人工确认 / only {side} states a numeric indicator; to be confirmed",
            True,
        )
    pairs = match_indicators(a, b)
    if not pairs:
        return Judgement(
            DIFFERENT,
            "指标的量纲或类型不同，不可比 / the indicators measure different things",
            True,
        )
    results = []
    reasons = []
    for i, j in pairs:
        rel, reason = compare_indicators(a[i], b[j])
        results.append((i, j, rel))
        reasons.append(reason)
    rels = {r for _, _, r in results}
    if rels == {EQUAL}:
        relation = EQUAL
    elif rels <= {STRICTER, EQUAL}:
        relation = STRICTER
    elif rels <= {LOOSER, EQUAL}:
        relation = LOOSER
    else:
        relation = DIFFERENT
    extra = (len(a) - len(pairs), len(b) - len(pairs))
    needs = relation == DIFFERENT
    if any(extra):
        reasons.append(
            f"另有未对应指标 A {extra[0]} 项、B {extra[1]} 项 / unmatched indicators: A {extra[0]}, B {extra[1]}"
        )
        needs = True
    return Judgement(relation, "；".join(reasons), needs, results)
