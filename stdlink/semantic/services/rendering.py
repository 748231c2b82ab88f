"""Chinese titles where a record has none: a confirmed adoption's Chinese title when one exists
(GB/T 19001 for ISO 9001), else a glossary rendering marked as machine rendering."""

from __future__ import annotations

import time
from collections.abc import Iterable

from stdlink.semantic import glossary
from stdlink.semantic.glossary import to_chinese

ADOPTION, MACHINE = "adoption", "machine"
#: A glossary rendering is shown when at least this share of the title's words was rendered.
MIN_COVERAGE = 0.6


_learned = False


def learn_from_adoptions() -> int:
    """Grow the glossary from the catalogue's adoptions (a Chinese record adopting an
    international one, IDT or MOD): element pairs of their two titles. Once per process."""
    global _learned
    from stdlink.catalog.models import Relation

    _learned = True
    rows = (
        Relation.objects.filter(type=Relation.Type.ADOPTS, source__title_zh__gt="")
        .exclude(degree=Relation.Degree.NEQ)
        .exclude(target__isnull=True)
        .values_list("source__title_zh", "target__title_en")
    )
    return glossary.add_terms(
        pair for zh, en in rows.iterator() for pair in glossary.pairs_from_adoption(zh, en)
    )


_adopted: tuple[float, dict[str, str]] | None = None
ADOPTIONS_TTL = 60.0  # seconds a process keeps its map of adopted works


def adopted_titles() -> dict[str, str]:
    """{work key of an international standard: Chinese title of a record adopting it (IDT or
    MOD)}, kept per process for ADOPTIONS_TTL seconds (adoptions are few and change with
    imports)."""
    global _adopted
    from django.db import connection

    from stdlink.catalog.models import Relation

    now = time.monotonic()
    if _adopted is None or now - _adopted[0] > ADOPTIONS_TTL or connection.in_atomic_block:
        work_zh: dict[str, str] = {}
        for wk, zh in (
            Relation.objects.filter(type=Relation.Type.ADOPTS, source__title_zh__gt="")
            .exclude(degree=Relation.Degree.NEQ)
            .exclude(target__isnull=True)
            .values_list("target__work_key", "source__title_zh")
        ):
            work_zh.setdefault(wk, zh)
        _adopted = (now, work_zh)
    return _adopted[1]


def chinese_titles(standard_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """{pk: (Chinese title, "adoption" | "machine")} for those of these standards that have an
    English title and no Chinese one."""
    from stdlink.catalog.models import Standard

    rows = list(
        Standard.objects.filter(pk__in=list(standard_ids), title_zh="")
        .exclude(title_en="")
        .values_list("pk", "work_key", "title_en")
    )
    return render(rows)


def render(rows: Iterable[tuple[int, str, str]]) -> dict[int, tuple[str, str]]:
    """chinese_titles for (pk, work key, English title) rows already at hand."""
    rows = list(rows)
    if not rows:
        return {}
    if not _learned:
        learn_from_adoptions()
    work_zh = adopted_titles()
    out: dict[int, tuple[str, str]] = {}
    for pk, wk, en in rows:
        if wk in work_zh:
            out[pk] = (work_zh[wk], ADOPTION)
            continue
        zh, coverage = to_chinese(en)
        if coverage >= MIN_COVERAGE:
            out[pk] = (zh, MACHINE)
    return out
