"""Keeping the index in step with the catalogue: incremental updates and full rebuilds.

`update(ids)` re-indexes (or drops) the given standards and is called after every import batch
commits (`catalog.signals.standards_changed`, connected in apps.py). `reindex()` rebuilds
everything, first writing the jieba domain dictionary from the catalogue's Chinese titles and CCS
names. Both write SearchDoc rows through the ORM and the text columns through the backend.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count

from stdlink.search import segment
from stdlink.search.identifiers import status_group

log = logging.getLogger(__name__)

CHUNK = 2000
_SUPPLEMENT = re.compile(r"/(?:[A-Z]*AMD|[A-Z]*COR|ADD|SUPPL|AMEND|ERRAT|XG|ISH)|修改单")
_PUBLISHER = re.compile(r"[A-Z]+")
_SUBCOMMITTEE = re.compile(r"/(?:SC|WG|JWG|AHG|PT|MT)\b.*$")


def publisher_of(work_key: str) -> str:
    """The letters a key starts with ("ISO", "GB", "YY", "JISQ"): identifiers of one publisher
    are compared with each other for "did you mean"."""
    m = _PUBLISHER.match(work_key or "")
    return m.group(0) if m else (work_key or "")[:8]


def _distinct(text: str) -> str:
    return " ".join(dict.fromkeys(text.split()))


_DERIVATIVE = re.compile(r"\s(?:RLV|CMV|EXV|SER|PRV)$")


def version_rank(identifier: str, key: str) -> int:
    """0 base document or consolidated version, 1 derivative version, 2 supplement."""
    if _SUPPLEMENT.search((key or identifier).upper()) or _SUPPLEMENT.search(identifier.upper()):
        return 2
    return 1 if _DERIVATIVE.search(identifier.upper()) else 0


def _compact(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", (text or "").lower())


def _top_committee(committee) -> str:
    if committee is None:
        return ""
    node, seen = committee, 0
    while node.parent_id and seen < 5:
        node, seen = node.parent, seen + 1
    return _SUBCOMMITTEE.sub("", node.code) if node is committee else node.code


#: Part 1 of a multipart standard is its general part, the entry point of the series
#: (IEC 60601-1, GB 9706.1, IEC 60335-1): a small boost among otherwise equal hits.
GENERAL_PART_BONUS = 0.7


def _general_part(identifier: str) -> bool:
    from stdlink.pubid import ParseError, parse

    try:
        parsed = parse(identifier)
    except (ParseError, ValueError):
        return False
    return parsed.part == "1" and not parsed.subpart


def _norm(*titles: str) -> str:
    parts = []
    for title in titles:
        runs = [m.group(0).lower() for m in segment.TOKEN_RE.finditer(title or "")]
        if runs:
            parts.append(" ".join(runs))
    return " " + " | ".join(parts) + " " if parts else ""


def document(standard, editions: int) -> tuple[dict, dict[str, str]]:
    """(SearchDoc fields, text columns) for one standard."""
    from stdlink.search.models import SearchDoc  # noqa: F401 - documents the target

    ics = list(standard.ics.all())
    committee = standard.committee
    zh_words, zh_pieces = segment.index_text(standard.title_zh)
    other_words, other_pieces = [], []
    other_texts = [
        standard.body.code,
        standard.body.name_en,
        standard.body.name_zh,
        standard.doctype.replace("-", " "),
    ]
    if committee is not None:
        other_texts += [committee.code, committee.name_en, committee.name_zh]
    for code in ics:
        other_texts += [code.code, code.name_en, code.name_zh]
    for text in other_texts:
        w, p = segment.index_text(text)
        other_words.append(w)
        other_pieces.append(p)
    ident = " ".join(
        [*segment.words(standard.identifier), _compact(standard.work_key), _compact(standard.key)]
    )
    # Each column is indexed as a set of words: a word repeated in a title ("医用电气设备 …
    # 轻离子束医用电气设备") does not make the standard more relevant than its siblings.
    texts = {
        "ident": _distinct(ident),
        "title_zh": _distinct(zh_words),
        "title_en": _distinct(" ".join(segment.words(standard.title_en))),
        "title_other": _distinct(" ".join(segment.words(standard.title_other))),
        "zh_pieces": _distinct(zh_pieces),
        "other": _distinct(" ".join(x for x in other_words + other_pieces if x)),
    }
    compact = "".join(
        m.group(0).lower()
        for m in segment.TOKEN_RE.finditer(f"{standard.title_zh} {standard.title_other}")
    )
    fields = {
        "id": standard.pk,
        "identifier": standard.identifier,
        "key": standard.key,
        "work_key": standard.work_key,
        "publisher": publisher_of(standard.work_key),
        "title_zh": standard.title_zh,
        "title_en": standard.title_en,
        "title_other": standard.title_other,
        "title_norm": _norm(standard.title_en, standard.title_zh, standard.title_other),
        "title_compact": compact,
        "status": standard.status,
        "status_rank": status_group(standard.status),
        "year": standard.year,
        "body": standard.body.code,
        "doctype": standard.doctype,
        "committee": _top_committee(committee),
        "committee_path": committee.code if committee is not None else "",
        "ics_fields": (" " + " ".join(sorted({c.code[:2] for c in ics})) + " ") if ics else "",
        "version_rank": version_rank(standard.identifier, standard.key),
        "prior": math.log1p(max(editions, 1))
        + (GENERAL_PART_BONUS if _general_part(standard.identifier) else 0.0),
    }
    return fields, texts


def _standards(ids: list[int]):
    from stdlink.catalog.models import Standard

    return (
        Standard.objects.filter(pk__in=ids)
        .select_related("body", "committee", "committee__parent", "committee__parent__parent")
        .prefetch_related("ics")
        .only(
            "id",
            "identifier",
            "key",
            "work_key",
            "title_zh",
            "title_en",
            "title_other",
            "status",
            "year",
            "doctype",
            "body__code",
            "body__name_en",
            "body__name_zh",
            "committee__code",
            "committee__name_en",
            "committee__name_zh",
            "committee__parent_id",
            "committee__parent__code",
            "committee__parent__parent_id",
            "committee__parent__parent__code",
        )
    )


def _write_chunk(ids: list[int], edition_counts: dict[str, int] | None = None) -> int:
    from stdlink.catalog.models import Standard
    from stdlink.search.interface import get_backend, invalidate_cache
    from stdlink.search.models import SearchDoc

    standards = list(_standards(ids))
    if edition_counts is None:
        keys = {s.work_key for s in standards}
        edition_counts = dict(
            Standard.objects.filter(work_key__in=keys)
            .values_list("work_key")
            .annotate(n=Count("id"))
            .values_list("work_key", "n")
        )
    docs, texts = [], {}
    for standard in standards:
        fields, text = document(standard, edition_counts.get(standard.work_key, 1))
        docs.append(SearchDoc(**fields))
        texts[standard.pk] = text
    backend = get_backend()
    with transaction.atomic():
        SearchDoc.objects.filter(pk__in=ids).delete()
        backend.delete(ids)
        SearchDoc.objects.bulk_create(docs, batch_size=500)
        backend.write(texts)
    invalidate_cache()
    return len(docs)


def update(ids: Iterable[int]) -> int:
    """Re-index these standards (and the other editions of their works, whose prior changes);
    ids that no longer exist are dropped from the index. Returns the number indexed."""
    from stdlink.catalog.models import Standard

    ids = sorted({int(i) for i in ids})
    if not ids:
        return 0
    work_keys = set()
    for start in range(0, len(ids), CHUNK):
        work_keys.update(
            Standard.objects.filter(pk__in=ids[start : start + CHUNK]).values_list(
                "work_key", flat=True
            )
        )
    siblings: set[int] = set()
    keys = sorted(k for k in work_keys if k)
    for start in range(0, len(keys), 500):
        siblings.update(
            Standard.objects.filter(work_key__in=keys[start : start + 500]).values_list(
                "pk", flat=True
            )
        )
    all_ids = sorted(set(ids) | siblings)
    done = 0
    for start in range(0, len(all_ids), CHUNK):
        done += _write_chunk(all_ids[start : start + CHUNK])
    return done


def build_dictionary() -> None:
    from stdlink.catalog.models import CCS, Standard

    titles = Standard.objects.exclude(title_zh="").values_list("title_zh", flat=True).iterator()
    names = CCS.objects.exclude(name_zh="").values_list("name_zh", flat=True)
    segment.build_dictionary(titles, names)


def reindex(*, progress: bool | None = False) -> int:
    """Rebuild the whole index (dictionary first). Returns the number of documents indexed."""
    from stdlink.catalog.models import Standard
    from stdlink.clitools import progress as bar
    from stdlink.search.interface import get_backend, invalidate_cache
    from stdlink.search.models import SearchDoc

    build_dictionary()
    with transaction.atomic():
        SearchDoc.objects.all().delete()
        get_backend().clear()
    invalidate_cache()
    edition_counts = dict(
        Standard.objects.values_list("work_key")
        .annotate(n=Count("id"))
        .values_list("work_key", "n")
    )
    ids = list(Standard.objects.order_by("pk").values_list("pk", flat=True))
    chunks = [ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)]
    done = 0
    for chunk in bar(chunks, desc="reindex", unit="chunk", total=len(chunks), enabled=progress):
        done += _write_chunk(chunk, edition_counts)
    return done


def on_standards_changed(sender, standard_ids=(), batch=None, **kwargs) -> None:
    """Receiver of catalog.signals.standards_changed (sent after the import batch commits)."""
    try:
        update(standard_ids)
    except Exception:  # the import is committed; a stale index is repaired by `search reindex`
        log.exception(
            "search index update failed for %d standards; run `stdlink search reindex`",
            len(standard_ids),
        )
