"""The comparison pipeline: segment both texts, extract indicators, align, judge, summarise."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from . import units
from .align import align, order_links
from .indicators import Indicator, extract
from .judge import (
    DIFFERENT,
    EQUAL,
    LOOSER,
    STRICTER,
    Judgement,
    family,
    judge,
    match_indicators,
    same_dimension,
)
from .segment import Clause, Document, is_comparable, segment
from .similarity import meaning_matrix

ONLY_A, ONLY_B = "only_a", "only_b"
RELATIONS = (STRICTER, EQUAL, LOOSER, DIFFERENT, ONLY_A, ONLY_B)

# Weights of meaning, indicators and position in a pair's alignment score, with and without the
# embedding service; a pair is aligned when its score clears THRESHOLD.
WEIGHTS_EMBEDDINGS = (0.55, 0.30, 0.15)
WEIGHTS_LEXICAL = (0.15, 0.55, 0.30)
THRESHOLD = 0.5
# Clauses left over by the order-keeping alignment are still paired, out of order, when their
# score is this high (standards do not always list requirements in the same order).
CROSS_THRESHOLD = 0.7
# Two requirements whose indicators measure different things (mg/kg against µg/cm²/week) are
# unlikely to be the same requirement: their score is scaled down.
INCOMPATIBLE_FACTOR = 0.5


@dataclass
class Row:
    a: Clause | None
    b: Clause | None
    relation: str
    reason: str
    needs_confirmation: bool
    indicators_a: list[Indicator] = field(default_factory=list)
    indicators_b: list[Indicator] = field(default_factory=list)
    score: float = 0.0
    meaning: float = 0.0

    def relation_label(self, languages: tuple[str, str]) -> str:
        return relation_name(self.relation, languages)


@dataclass
class Result:
    doc_a: Document
    doc_b: Document
    rows: list[Row]
    embeddings: bool

    @property
    def languages(self) -> tuple[str, str]:
        return (self.doc_a.language, self.doc_b.language)

    def summary(self) -> dict:
        counts = Counter(r.relation for r in self.rows)
        degree, why = suggest_degree(self)
        return {
            "counts": {k: counts.get(k, 0) for k in RELATIONS},
            "needs_confirmation": sum(1 for r in self.rows if r.needs_confirmation),
            "degree": degree,
            "degree_reason": why,
            "languages": list(self.languages),
            "embeddings": self.embeddings,
        }


def relation_name(relation: str, languages: tuple[str, str]) -> str:
    """only_a/only_b read only_zh/only_en when one document is Chinese and the other English."""
    if relation in (ONLY_A, ONLY_B) and set(languages) == {"zh", "en"}:
        return "only_" + (languages[0] if relation == ONLY_A else languages[1])
    return relation


def _indicator_affinity(a: list[Indicator], b: list[Indicator]) -> float:
    """How well two clauses' indicators fit each other: 1 same kind and unit; 0 nothing comparable."""
    if not a and not b:
        return 0.5
    if not a or not b:
        return 0.25
    best = 0.0
    for x in a:
        for y in b:
            if not same_dimension(x, y):
                continue
            closeness = _closeness(x, y)
            if family(x) == family(y):
                best = max(best, (1.0 if x.unit == y.unit else 0.9) * (0.7 + 0.3 * closeness))
            else:
                best = max(best, 0.5)
    return best


def _magnitude(ind: Indicator, unit: str) -> float | None:
    value = ind.value
    if isinstance(value, list):
        value = max(abs(v) for v in value)
    try:
        if ind.written_unit and unit and ind.written_unit != unit:
            value = units.convert(value, ind.written_unit, unit)
    except Exception:  # pint raises several types for incompatible or offset units
        return None
    return abs(value)


def _closeness(x: Indicator, y: Indicator) -> float:
    """1 for equal magnitudes, falling with their ratio: corresponding limits are of one order."""
    a, b = _magnitude(x, x.written_unit), _magnitude(y, x.written_unit)
    if a is None or b is None or a == 0 or b == 0:
        return 0.5
    return 1.0 / (1.0 + abs(math.log10(a / b)))


def score_matrix(
    a: list[tuple[Clause, list[Indicator]]],
    b: list[tuple[Clause, list[Indicator]]],
    meaning: list[list[float]],
    embeddings: bool,
) -> list[list[float]]:
    wm, wi, wp = WEIGHTS_EMBEDDINGS if embeddings else WEIGHTS_LEXICAL
    n, m = len(a), len(b)
    out = []
    for i, (_, ia) in enumerate(a):
        row = []
        for j, (_, ib) in enumerate(b):
            pos = 1.0 - abs((i / (n - 1) if n > 1 else 0.5) - (j / (m - 1) if m > 1 else 0.5))
            aff = _indicator_affinity(ia, ib)
            s = wm * meaning[i][j] + wi * aff + wp * pos
            if ia and ib and aff == 0.0:
                s *= INCOMPATIBLE_FACTOR
            row.append(s)
        out.append(row)
    return out


def _comparable(doc: Document) -> list[tuple[Clause, list[Indicator]]]:
    items = []
    parents = {c.number.rsplit(".", 1)[0] for c in doc.clauses if "." in c.number}
    for clause in doc.clauses:
        inds = extract(clause.text, clause.title)
        if is_comparable(clause, bool(inds), bool(clause.number) and clause.number in parents):
            items.append((clause, inds))
    return items


def _indicator_line(clause: Clause, ind: Indicator) -> str:
    """The line (a table row, a sentence) an indicator stands in, for matching it by meaning."""
    text = clause.text
    start = text.rfind("\n", 0, ind.start) + 1
    end = text.find("\n", ind.end)
    end = end if end >= 0 else len(text)
    # A sentence naming several limits one after another ("抗张强度≥12.5 MPa，断裂伸长率≥150%"):
    # the part around this one, when that part names its quantity.
    cuts = [m.end() for m in _PART_SEP.finditer(text, start, ind.start)]
    part_start = max(cuts, default=start)
    stop = _PART_SEP.search(text, ind.end, end)
    part = text[part_start : stop.start() if stop else end].strip()
    if (part_start > start or stop) and len(_NAME_CHARS.findall(part.replace(ind.text, ""))) >= 2:
        return part
    line = text[start:end].strip()
    return line if len(line) > len(ind.text) + 1 else f"{ind.quantity} {line}"


_PART_SEP = re.compile(r"[，;；]|,(?!\d)")
_NAME_CHARS = re.compile(r"[A-Za-z\u4e00-\u9fff]")


def _compatible(ind: Indicator, others: list[Indicator]) -> bool:
    return any(family(ind) == family(o) and same_dimension(ind, o) for o in others)


def split_multi_indicator_clauses(
    many: list[tuple[Clause, list[Indicator]]],
    other: list[tuple[Clause, list[Indicator]]],
    pairs: set[tuple[int, int]],
    meaning_fn,
    flip: bool,
) -> dict[tuple[int, int], list[int]]:
    """One clause naming several indicators (a table of limits) against several clauses naming one
    each: each indicator goes to the clause of the other side that names a compatible indicator and
    reads most alike; returns {(i, j): [indicator numbers]} for those links (pairs get them too)."""
    side_pairs = {
        (j, i) if flip else (i, j) for i, j in pairs
    }  # (index in `many`, index in `other`)
    taken = {j for _, j in side_pairs}
    multi = [
        (i, p) for i, (_c, inds) in enumerate(many) if len(inds) >= 2 for p in range(len(inds))
    ]
    if not multi or not other:
        return {}
    lines = [_indicator_line(many[i][0], many[i][1][p]) for i, p in multi]
    meaning, _emb = meaning_fn(lines, [c.full_text for c, _ in other])
    # Greedy over all (indicator, clause) candidates, best first: a clause of the other side takes
    # one indicator of a multi-indicator clause (lead 90 and cadmium 75 named in one sentence go to
    # the lead and the cadmium clauses: equal meaning, as in one line, is broken by the closer value).
    candidates = []
    for row, (i, p) in enumerate(multi):
        ind = many[i][1][p]
        for j, (_c, inds) in enumerate(other):
            if (j in taken and (i, j) not in side_pairs) or not _compatible(ind, inds):
                continue
            if meaning[row][j] <= SPLIT_MEANING:
                continue
            closeness = max(
                (_closeness(ind, o) for o in inds if family(o) == family(ind)), default=0.0
            )
            # the clause it is aligned with comes first among near-equals (seat static load
            # 1 600 N and 10 times against a seat load clause naming both, not a back load clause)
            bonus = ALIGNED_BONUS if (i, j) in side_pairs else 0.0
            candidates.append((meaning[row][j] + bonus + 0.01 * closeness, i, p, j))
    assigned: dict[tuple[int, int], list[int]] = {}
    done_ind: set[tuple[int, int]] = set()
    for _score, i, p, j in sorted(candidates, reverse=True):
        # a clause of the other side takes as many indicators as it names itself
        if (i, p) in done_ind or len(assigned.get((i, j), [])) >= len(other[j][1]):
            continue
        assigned.setdefault((i, j), []).append(p)
        done_ind.add((i, p))
    return assigned


# An indicator of a multi-indicator clause goes to another clause only when they read this alike.
SPLIT_MEANING = 0.5
# ... and among near-equal candidates, the clause the aligner already paired it with is preferred.
ALIGNED_BONUS = 0.1


def _room(a: list[tuple[Clause, list[Indicator]]], b: list[tuple[Clause, list[Indicator]]]):
    """For the aligner's one-to-many joins: a clause may join its neighbour's counterpart only
    when the neighbour leaves some of the counterpart's indicators unpaired (lead and cadmium in
    one clause against a lead clause and a cadmium clause), or when the counterpart states no
    number. A counterpart whose every limit the neighbour already answers (heat stability at
    40 °C, 24 h) has nothing left for a further clause (cold stability at -10 °C, 24 h)."""

    def room(side: str, k: int, other: int) -> bool:
        mine, theirs = (a[k][1], b[other][1]) if side == "a" else (b[k][1], a[other][1])
        if not theirs:
            return True
        return len(match_indicators(mine, theirs)) < len(theirs)

    return room


def _settle(
    subsets: dict[tuple[int, int], list[int]],
    pairs: set[tuple[int, int]],
    sizes: list[int],
    side: int,
) -> dict[tuple[int, int], list[int]]:
    """The indicators each link of a multi-indicator clause is judged on. A clause whose split
    indicators all went to the one clause it is linked to keeps them all (two clauses naming the
    same four heavy metals are compared on all four); a clause linked to several clauses gives
    the links the split did not serve the indicators left over (lead 0.15 to the lead clause
    when the meaning of "铅" was too faint and cadmium went to the cadmium clause)."""
    out: dict[tuple[int, int], list[int]] = {}
    for clause in {key[side] for key in subsets}:
        mine = {key: ps for key, ps in subsets.items() if key[side] == clause}
        links = {key for key in pairs if key[side] == clause}
        if len(links) <= 1 and len(mine) == 1:
            continue
        out.update(mine)
        left = [p for p in range(sizes[clause]) if not any(p in ps for ps in mine.values())]
        for key in links - set(mine):
            if left:
                out[key] = left
    return out


def compare_documents(doc_a: Document, doc_b: Document, meaning_fn=meaning_matrix) -> Result:
    a = _comparable(doc_a)
    b = _comparable(doc_b)
    meaning, embeddings = meaning_fn([c.full_text for c, _ in a], [c.full_text for c, _ in b])
    score = score_matrix(a, b, meaning, embeddings)
    links = align(score, THRESHOLD, cross_threshold=CROSS_THRESHOLD, room=_room(a, b))
    pairs = {(lk.a, lk.b) for lk in links if lk.a is not None and lk.b is not None}
    subset_a: dict[tuple[int, int], list[int]] = {}
    subset_b: dict[tuple[int, int], list[int]] = {}
    if embeddings:
        subset_a = split_multi_indicator_clauses(a, b, pairs, meaning_fn, flip=False)
        pairs |= set(subset_a)
        subset_a = _settle(subset_a, pairs, [len(inds) for _c, inds in a], 0)
        subset_b = {
            (i, j): ps
            for (j, i), ps in split_multi_indicator_clauses(
                b, a, pairs, meaning_fn, flip=True
            ).items()
        }
        pairs |= set(subset_b)
        subset_b = _settle(subset_b, pairs, [len(inds) for _c, inds in b], 1)
        links = order_links(pairs, len(a), len(b), score)
    rows: list[Row] = []
    for link in links:
        if link.a is None:
            clause, inds = b[link.b]
            rows.append(
                Row(None, clause, ONLY_B, "B 独有的要求 / requirement only in B", False, [], inds)
            )
            continue
        if link.b is None:
            clause, inds = a[link.a]
            rows.append(
                Row(clause, None, ONLY_A, "A 独有的要求 / requirement only in A", False, inds, [])
            )
            continue
        (ca, ia), (cb, ib) = a[link.a], b[link.b]
        key = (link.a, link.b)
        if key in subset_a:
            ia = [ia[p] for p in subset_a[key]]
        if key in subset_b:
            ib = [ib[p] for p in subset_b[key]]
        m = meaning[link.a][link.b]
        # Without embeddings, a number-free pair's meaning is only known through its alignment score.
        verdict: Judgement = judge(ia, ib, m if embeddings else score[link.a][link.b] + 0.1)
        rows.append(
            Row(
                ca,
                cb,
                verdict.relation,
                verdict.reason,
                verdict.needs_confirmation,
                ia,
                ib,
                link.score,
                m,
            )
        )
    return Result(doc_a, doc_b, rows, embeddings)


def compare_texts(text_a: str, text_b: str, meaning_fn=meaning_matrix) -> Result:
    return compare_documents(segment(text_a), segment(text_b), meaning_fn)


def suggest_degree(result: Result) -> tuple[str, str]:
    """IDT / MOD / NEQ for an engine result (see `degree_for`)."""
    return degree_for(
        [(id(r.a) if r.a else None, id(r.b) if r.b else None, r.relation) for r in result.rows]
    )


def degree_for(rows: list[tuple[object, object, str]]) -> tuple[str, str]:
    """IDT / MOD / NEQ per GB/T 20000.2 and ISO/IEC Guide 21-1 from (A clause, B clause, relation) rows.

    IDT: every requirement has a counterpart and all are equal (editorial changes only).
    MOD: technical deviations exist, but they are all identified row by row and at least two thirds
    of each side's requirements have a counterpart (the structure stays comparable).
    NEQ: fewer correspondences than that: a correspondence only, not an adoption.
    """
    if not rows:
        return "NEQ", "没有可比对的要求 / no comparable requirement"
    b_total = len({b for _, b, _ in rows if b is not None})
    b_matched = len({b for a, b, _ in rows if b is not None and a is not None})
    a_total = len({a for a, _, _ in rows if a is not None})
    a_matched = len({a for a, b, _ in rows if a is not None and b is not None})
    deviations = sum(1 for _, _, rel in rows if rel != EQUAL)
    if deviations == 0:
        return "IDT", "全部要求一一对应且一致 / every requirement corresponds and is equal"
    cover_b = b_matched / b_total if b_total else 0.0
    cover_a = a_matched / a_total if a_total else 0.0
    if cover_b >= 2 / 3 and cover_a >= 2 / 3:
        return "MOD", (
            f"{deviations} 处技术性差异均已逐条标明，B 的要求对应 {cover_b:.0%} / "
            f"{deviations} technical deviations, each identified; {cover_b:.0%} of B's requirements correspond"
        )
    return "NEQ", (
        f"B 的要求仅对应 {cover_b:.0%}，A 的要求对应 {cover_a:.0%} / only {cover_b:.0%} of B's and "
        f"{cover_a:.0%} of A's requirements correspond"
    )


def indicator_json(ind: Indicator) -> dict:
    return {
        "quantity": ind.quantity,
        "comparator": ind.comparator,
        "value": ind.value,
        "unit": ind.unit,
        "text": ind.text,
        "strict": ind.strict,
        "severity": ind.severity,
    }


def result_json(result: Result) -> dict:
    langs = result.languages
    return {
        "documents": {
            "a": {
                "language": result.doc_a.language,
                "title": result.doc_a.title,
                "clauses": len(result.doc_a.clauses),
            },
            "b": {
                "language": result.doc_b.language,
                "title": result.doc_b.title,
                "clauses": len(result.doc_b.clauses),
            },
        },
        "rows": [
            {
                "a": r.a.number if r.a else None,
                "b": r.b.number if r.b else None,
                "relation": r.relation_label(langs),
                "indicators": {
                    "a": [indicator_json(i) for i in r.indicators_a],
                    "b": [indicator_json(i) for i in r.indicators_b],
                },
                "reason": r.reason,
                "needs_confirmation": r.needs_confirmation,
                "a_title": r.a.title if r.a else "",
                "b_title": r.b.title if r.b else "",
                "score": round(r.score, 3),
            }
            for r in result.rows
        ],
        "summary": result.summary(),
    }


__all__ = [
    "compare_texts",
    "compare_documents",
    "result_json",
    "relation_name",
    "DIFFERENT",
    "EQUAL",
    "LOOSER",
    "STRICTER",
]
