"""Chinese titles where a record has none: a confirmed adoption's Chinese title when one exists
(GB/T 19001 for ISO 9001), else a glossary rendering marked as machine rendering."""

from __future__ import annotations

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


def chinese_titles(standard_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """{pk: (Chinese title, "adoption" | "machine")} for those of these standards that have an
    English title and no Chinese one."""
    from stdlink.catalog.models import Relation, Standard

    rows = list(
        Standard.objects.filter(pk__in=list(standard_ids), title_zh="")
        .exclude(title_en="")
        .values_list("pk", "work_key", "title_en")
    )
    if not rows:
        return {}
    if not _learned:
        learn_from_adoptions()
    out: dict[int, tuple[str, str]] = {}
    # Adoptions: a Chinese record adopting this standard (or another edition of its work).
    by_work = {wk: pk for pk, wk, _ in rows}
    adoptions = (
        Relation.objects.filter(type=Relation.Type.ADOPTS, source__title_zh__gt="")
        .filter(target__work_key__in=list(by_work))
        .exclude(degree=Relation.Degree.NEQ)
        .values_list("target__work_key", "source__title_zh")
    )
    work_zh = {}
    for wk, zh in adoptions:
        work_zh.setdefault(wk, zh)
    for pk, wk, en in rows:
        if wk in work_zh:
            out[pk] = (work_zh[wk], ADOPTION)
            continue
        zh, coverage = to_chinese(en)
        if coverage >= MIN_COVERAGE:
            out[pk] = (zh, MACHINE)
    return out
