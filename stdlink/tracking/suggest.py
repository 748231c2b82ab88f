"""Counterpart suggestions: the international standards a Chinese standard adopts or may adopt, and back.

Signals, each giving a reason a person can check:
- series rules (``series.py``): the number alone names the international work;
- cross-lingual title similarity from the one embedding service (``stdlink.semantic``), standard
  numbers stripped from the titles, over the catalogue's stored title vectors;
- term-level evidence: glossary/CC-CEDICT renderings of the Chinese title found in the English title;
- ICS overlap when both records are classified;
- part-number agreement (weak: part numbers often differ between a GB and what it adopts);
- the edition rule: the international edition must not be newer than the domestic standard — a work
  whose first edition came later cannot have been adopted; otherwise the newest edition not newer
  than the domestic year is proposed.
A rejected suggestion is never offered again. ``none_likely`` says when even the best candidate is
weak: no series rule and the best title's cosine below ``NONE_LIKELY_COSINE`` (measured on the
development negatives, see bench/tracking.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stdlink.catalog.models import Standard
from stdlink.tracking.models import Adoption, SuggestionDecision
from stdlink.tracking.resolve import INTL_BODIES, is_edition, keys_of
from stdlink.tracking.series import series_candidates

INTL_BODY_CODES = (*INTL_BODIES, "CISPR")
_CJK = re.compile(r"[\u3400-\u9fff]")
# "第2-37部分：" of a Chinese title, as the English titles write it ("Part 2-37:"): CC-CEDICT
# renders 第 alone as a rank in the imperial examinations, which pulls the English query off topic.
SERIES_SCORE = 1.0
# No counterpart is likely when no series rule applies and the best title is not this close in
# meaning (retrieval-model cosine; measured on the dev pairs: negatives' best 0.45–0.75, positives'
# 0.57–0.95, see docs/benchmarks.md).
NONE_LIKELY_COSINE = 0.68
SEMANTIC_K = 200  # titles retrieved; several editions and languages share a work


@dataclass
class Candidate:
    identifier: str
    standard_id: int
    work_key: str
    title: str
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    signals: dict[str, float] = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {
            "identifier": self.identifier,
            "standard_id": self.standard_id,
            "title": self.title,
            "score": round(self.score, 4),
            "reasons": self.reasons,
        }


@dataclass
class Suggestion:
    number: str
    title: str
    candidates: list[Candidate]
    none_likely: bool
    adopted: list[str] = field(default_factory=list)  # what is already recorded

    def as_dict(self) -> dict:
        return {
            "number": self.number,
            "title": self.title,
            "candidates": [c.as_dict() for c in self.candidates],
            "none_likely": self.none_likely,
            "adopted": self.adopted,
        }


def _year(identifier: str) -> int | None:
    m = re.search(r"[-—:：]\s*((?:19|20)\d\d)\s*$", identifier.strip())
    return int(m.group(1)) if m else None


def _part(identifier: str) -> str | None:
    m = re.search(r"\d+[.\-](\d+)(?:[-—:：]\s*(?:19|20)\d\d)?\s*$", identifier.strip())
    return m.group(1) if m else None


def _editions(work_keys) -> dict[str, list[Standard]]:
    """Editions of each work that a standard can adopt, oldest first, in one query.

    Amendments and corrigenda are not what a standard adopts; redlines and commented versions
    duplicate an edition (a consolidated CSV edition stays: Chinese covers cite those)."""
    out: dict[str, list[Standard]] = {}
    bodies = _intl_body_ids()
    # the work-key index alone: a body condition in SQL makes SQLite scan a body's rows instead
    qs = Standard.objects.filter(work_key__in=list(work_keys)).only(
        "id", "identifier", "key", "work_key", "year", "status", "title_en", "title_zh", "body_id"
    )
    for s in qs:
        if s.body_id not in bodies or not is_edition(s):
            continue
        out.setdefault(s.work_key, []).append(s)
    for eds in out.values():
        eds.sort(key=lambda s: (s.year or 0, "CSV" not in s.key))
    return out


def _intl_body_ids() -> frozenset[int]:
    from stdlink.catalog.models import Body

    return frozenset(Body.objects.filter(code__in=INTL_BODY_CODES).values_list("id", flat=True))


def _edition_for(eds: list[Standard], domestic_year: int | None) -> tuple[Standard, bool]:
    """(edition to propose, plausible): newest not newer than the domestic year, else the first."""
    if domestic_year is None:
        return eds[-1], True
    older = [s for s in eds if (s.year or 0) <= domestic_year]
    if older:
        return older[-1], True
    return eds[0], False


def _semantic(text: str, k: int, *, country: str | None = None) -> list[tuple[int, float]]:
    """(standard pk, retrieval cosine) of the standards whose titles are nearest to `text`,
    best first, from the one embedding service (numbers stripped there). A Chinese text is also
    matched through its English rendering (glossary + CC-CEDICT): both models match English titles
    better from English. `country="CN"` keeps only Chinese records, else only ISO/IEC/ITU."""
    try:
        from stdlink.semantic.glossary import to_english
        from stdlink.semantic.models import StandardTitle
        from stdlink.semantic.services.nearest import nearest
    except ImportError:  # the embedding service is not installed: series rules only
        return []
    english = to_english(text) if _CJK.search(text) else ""
    near = nearest(text, k, also=(english,) if english and english != text else ())
    if not near:
        return []
    cos = {n.title_id: n.cosine for n in near}
    order = {n.title_id: i for i, n in enumerate(near)}
    links = StandardTitle.objects.filter(title_id__in=cos)
    if country:
        links = links.filter(standard__body__country=country)
    else:
        links = links.filter(standard__body__code__in=INTL_BODY_CODES)
    best: dict[int, tuple[int, float]] = {}
    for tid, sid in links.values_list("title_id", "standard_id"):
        cand = (order[tid], cos[tid])
        if sid not in best or cand < best[sid]:
            best[sid] = cand
    ranked = sorted(best.items(), key=lambda kv: kv[1][0])
    return [(sid, c) for sid, (_o, c) in ranked]


def _terms(text: str) -> list[tuple[str, str]]:
    try:
        from stdlink.semantic.glossary import terms
    except ImportError:
        return []
    try:
        return terms(text)
    except Exception:  # noqa: BLE001 — term reasons are a courtesy
        return []


def suggest(number: str, title: str | None = None, *, k: int = 5) -> Suggestion:
    """Top-k international counterparts of the Chinese standard `number` (title optional)."""
    number = number.strip()
    domestic = _find_domestic(number)
    if title is None and domestic is not None:
        title = domestic.title_zh or domestic.title_en
    title = title or ""
    dyear = _year(number) or (domestic.year if domestic else None)
    dpart = _part(number)
    cands: dict[str, Candidate] = {}

    series = [(keys_of(work)[1], source) for work, source in series_candidates(number)]
    hits = _semantic(title, SEMANTIC_K) if title else []
    work_of = dict(
        Standard.objects.filter(pk__in=[pk for pk, _ in hits]).values_list("id", "work_key")
    )
    editions = _editions({w for w, _ in series} | set(work_of.values()))

    def cand_for(work_key: str) -> Candidate | None:
        if work_key in cands:
            return cands[work_key]
        eds = editions.get(work_key)
        if not eds:
            return None
        std, plausible = _edition_for(eds, dyear)
        c = Candidate(std.identifier, std.pk, work_key, std.title_en or std.title)
        if any(e.status == Standard.Status.CURRENT for e in eds):
            c.signals["current"] = 1.0  # adoptions follow works that are still current
        if not plausible:
            c.signals["edition"] = -1.0
            c.reasons.append(
                f"版本晚于国内标准 / first edition {std.year} is newer than the domestic standard ({dyear})"
            )
        cands[work_key] = c
        return c

    for work, source in series:
        c = cand_for(work)
        if c is not None:
            c.signals["series"] = SERIES_SCORE
            c.reasons.insert(0, f"系列对应 / series rule: {source}")

    rank = 0
    for pk, sim in hits:
        work = work_of.get(pk)
        if work is None or (work in cands and "meaning" in cands[work].signals):
            continue
        c = cand_for(work)
        if c is None:
            continue
        c.signals["meaning"] = float(sim)
        c.signals["meaning_rank"] = rank
        c.reasons.append(f"标题语义相近 / title similarity {sim:.2f} (rank {rank + 1})")
        rank += 1

    # term-level evidence: words of two characters or more (single characters say little), once each
    terms = list(
        dict.fromkeys((zh, en) for zh, en in (_terms(title) if title else []) if len(zh) > 1)
    )
    ics_of = _ics_of(domestic, cands.values())
    dom_ics = ics_of.get(domestic.pk, set()) if domestic is not None else set()
    for c in cands.values():
        en = c.title.lower()
        shared = [f"{zh} = {e}" for zh, e in terms if e and e.lower() in en]
        if shared:
            c.signals["terms"] = min(1.0, len(shared) / max(3, len(terms)))
            c.reasons.append("术语 / terms: " + "; ".join(shared[:4]))
        if dpart and _part(c.identifier) == dpart:
            c.signals["part"] = 1.0
            c.reasons.append(f"部分号一致 / same part number ({dpart})")
        shared_ics = sorted(dom_ics & ics_of.get(c.standard_id, set()))
        if shared_ics:
            c.signals["ics"] = 1.0
            c.reasons.append("ICS: " + ", ".join(shared_ics[:3]))
        c.score = _score(c.signals)

    rejected = set()
    adopted = []
    if domestic is not None:
        rejected = set(
            SuggestionDecision.objects.filter(domestic=domestic).values_list(
                "candidate_work_key", flat=True
            )
        )
        adopted = list(
            Adoption.objects.filter(domestic=domestic).values_list("intl_identifier", flat=True)
        )
    ranked = sorted(
        (c for c in cands.values() if c.work_key not in rejected), key=lambda c: -c.score
    )[:k]
    none_likely = not ranked or (
        "series" not in ranked[0].signals
        and ranked[0].signals.get("meaning", 0.0) < NONE_LIKELY_COSINE
    )
    return Suggestion(number, title, ranked, none_likely, adopted)


_MAX_SCORE = 0.6 + 0.8 + 0.1 + 0.05 + 0.05 + 0.02


def _score(sig: dict[str, float]) -> float:
    """A 0–1 score: series rules are near-certain; similarity carries the rest."""
    meaning = sig.get("meaning", 0.0)
    s = 0.0
    if "series" in sig:
        s += 0.6
    s += 0.8 * _calibrate(meaning) if "meaning" in sig else 0.0
    s += 0.1 * sig.get("terms", 0.0) + 0.05 * sig.get("part", 0.0) + 0.05 * sig.get("ics", 0.0)
    s += 0.02 * sig.get("current", 0.0)
    if sig.get("edition", 0.0) < 0:
        s *= 0.3
    return s / _MAX_SCORE


# Similarity values of the embedding service are mapped to 0–1 by this calibration (see bench).
CALIBRATION = (0.0, 1.0)


def _calibrate(sim: float) -> float:
    lo, hi = CALIBRATION
    if hi <= lo:
        return 0.0
    return max(0.0, min(1.0, (sim - lo) / (hi - lo)))


def _ics_of(domestic: Standard | None, cands) -> dict[int, set[str]]:
    """ICS codes of the domestic record and the candidates, in one query (none when the domestic
    record is not classified: there is nothing to overlap with)."""
    if domestic is None:
        return {}
    through = Standard.ics.through.objects
    if not through.filter(standard_id=domestic.pk).exists():
        return {}
    out: dict[int, set[str]] = {}
    ids = [domestic.pk, *(c.standard_id for c in cands)]
    for sid, code in through.filter(standard_id__in=ids).values_list("standard_id", "ics__code"):
        out.setdefault(sid, set()).add(code)
    return out


def _find_domestic(number: str) -> Standard | None:
    try:
        key = keys_of(number)[0]
    except Exception:  # noqa: BLE001
        key = ""
    return (
        Standard.objects.filter(key=key).first()
        or Standard.objects.filter(identifier__iexact=number).first()
    )


def suggest_domestic(identifier: str, *, k: int = 10) -> dict:
    """For an international standard: the Chinese standards that adopt it, and those that may."""
    edition_key, work_key = keys_of(identifier)
    adopting = list(
        Adoption.objects.filter(intl_work_key=work_key)
        .select_related("domestic")
        .order_by("domestic__identifier")
    )
    intl = Standard.objects.filter(key=edition_key).first() or (
        Standard.objects.filter(work_key=work_key).order_by("-year").first()
    )
    maybe: list[dict] = []
    if intl is not None:
        hits = _semantic(intl.title_en or intl.title, 400, country="CN")
        known = {a.domestic_id for a in adopting}
        stds = Standard.objects.in_bulk([pk for pk, _ in hits])
        for pk, sim in hits:
            s = stds.get(pk)
            if s is None or pk in known:
                continue
            maybe.append(
                {"identifier": s.identifier, "title": s.title_zh, "score": round(float(sim), 4)}
            )
            if len(maybe) >= k:
                break
    return {
        "identifier": identifier,
        "adopted_by": [
            {"identifier": a.domestic.identifier, "degree": a.degree, "source": a.source}
            for a in adopting
        ],
        "may_correspond": maybe,
    }
