"""The one search interface: `search(SearchQuery) -> SearchResult`, whatever the backend.

Ranking (docs/decisions/0004-search-backends.md):
1. identifier match (exact key, same work, parts of the work, a corrected near miss, a bare
   document number), then
2. the query as a phrase in a title, then
3. every query term in a title, then
4. terms found in other fields (committee, body, ICS names).
Within a tier: current before upcoming/unknown before withdrawn or replaced, base documents
before amendments, then the engine's relevance, then recency.

Free text also goes to the semantic channel (`stdlink.semantic`: titles nearest in meaning,
across languages); its list and the lexical one are fused by reciprocal rank below the
identifier hits, which stay first (docs/decisions/0013-semantic-search.md). Each hit says why it
matched: identifier, words, meaning.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field, replace

from django.db import connection
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from stdlink.search import facets as facetlib
from stdlink.search import identifiers, segment
from stdlink.search.backends.base import (
    BODY,
    BROAD,
    CAP,
    COMMITTEE,
    DOCTYPE,
    ICS_FIELDS,
    ID,
    PRIOR,
    PUBLISHER,
    RELEVANCE,
    STATUS,
    STATUS_RANK,
    TIER,
    VERSION_RANK,
    WORK_KEY,
    YEAR,
    Backend,
    Row,
    SqlFilters,
    TextQuery,
    rows_by_committee,
    rows_by_ids,
)
from stdlink.search.highlight import mark, pattern
from stdlink.search.sanitize import MAX_QUERY_LENGTH, QueryError, clean

__all__ = ["Hit", "QueryError", "SearchQuery", "SearchResult", "get_backend", "search"]

MAX_PER_PAGE = 100
MAX_PAGE = 1000
#: Tier of a hit (lower first).
IDENTIFIER, PHRASE, TITLE, OTHER, MEANING = 0, 1, 2, 3, 4
TIER_NAMES = {
    IDENTIFIER: "identifier",
    PHRASE: "phrase",
    TITLE: "title",
    OTHER: "other",
    MEANING: "meaning",
}

WHY_LABELS = {
    "identifier": _("identifier"),
    "words": _("words"),
    "translation": _("English words"),
    "meaning": _("meaning"),
}

#: The semantic channel: on unless a caller (a benchmark) turns it off.
SEMANTIC = True
#: Standards taken from the semantic channel, and the least cosine (retrieval model) a title
#: needs to count as "near in meaning" (below it the nearest titles of nonsense queries).
SEMANTIC_K = 60
SEMANTIC_MIN_COSINE = 0.45
SEMANTIC_MARGIN = 0.20
#: Reciprocal-rank fusion weights of the lexical and semantic lists, and how deep into the
#: lexical list fusion reaches (beyond it the lexical order stands). When no hit has every
#: word (relaxed) the lexical list is weaker evidence.
FUSE_DEPTH = 200
W_LEXICAL = 1.0
W_LEXICAL_RELAXED = 0.5
W_SEMANTIC = 0.5
#: A Chinese query is also searched by words in English (glossary + CC-CEDICT rendering): the
#: lexical ranking's priors (current, base documents, works with many editions) then apply to
#: the international records too.
W_TRANSLATED = 1.0
#: The RRF constant of the fusion (tuned on the full catalogue: a small constant lets the
#: agreement of two lists outweigh one list's rank; the lexical rows keep their order).
OTHERS_K = 5
#: Lexical first hits of these tiers stay first whatever the other lists say.
PROTECTED_TIERS = (PHRASE, TITLE)


@dataclass
class SearchQuery:
    q: str = ""
    body: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    doctype: tuple[str, ...] = ()
    ics: tuple[str, ...] = ()
    committee: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    page: int = 1
    per_page: int = 20

    def filters(self) -> SqlFilters:
        return SqlFilters(
            body=frozenset(self.body),
            status=frozenset(self.status),
            doctype=frozenset(self.doctype),
            ics=frozenset(self.ics),
            committee=frozenset(self.committee),
            year_from=self.year_from,
            year_to=self.year_to,
        )


@dataclass
class Hit:
    id: int
    identifier: str
    title: str
    title_zh: str
    title_en: str
    status: str
    year: int | None
    body: str
    committee: str
    score: float
    match: str  # identifier | phrase | title | other | meaning
    why: tuple[str, ...] = ()  # identifier, words, translation, meaning: what found it
    title_zh_rendered: str = ""  # a Chinese title for a record without one
    title_zh_source: str = ""  # "adoption" (an adopting standard's title) or "machine"
    ranks: dict = field(default_factory=dict)  # lexical / semantic / fused rank (1-based)
    title_html: SafeString = field(default_factory=lambda: SafeString(""))
    subtitle_html: SafeString = field(default_factory=lambda: SafeString(""))

    @property
    def why_label(self) -> str:
        """Why it matched, in the reader's language ("words · meaning")."""
        return " · ".join(str(WHY_LABELS.get(w, w)) for w in self.why)

    @property
    def status_label(self) -> str:
        from stdlink.catalog.models import Standard

        return str(dict(Standard.Status.choices).get(self.status, self.status))

    def as_dict(self) -> dict:
        return {
            "id": self.id,
            "identifier": self.identifier,
            "title": self.title,
            "title_zh": self.title_zh,
            "title_en": self.title_en,
            "status": self.status,
            "year": self.year,
            "body": self.body,
            "committee": self.committee,
            "score": self.score,
            "match": self.match,
            "why": list(self.why),
            "title_zh_rendered": self.title_zh_rendered,
            "title_zh_source": self.title_zh_source,
            "snippet": str(self.title_html),
        }


@dataclass
class SearchResult:
    q: str
    hits: list[Hit]
    total: int
    facets: facetlib.Facets
    page: int
    per_page: int
    took_ms: float
    did_you_mean: str | None = None
    committee: str | None = None
    identifier: str | None = None
    relaxed: bool = False  # no hit had every term; hits have some of them
    truncated: bool = False
    facets_exact: bool = True  # False: a broad query's facets count its best CAP hits
    # Query help when nothing (or no query) was found: (Chinese word, English) pairs to search
    # in English, and the whole query in English.
    suggestions: list[tuple[str, str]] = field(default_factory=list)
    english: str = ""

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def as_dict(self) -> dict:
        return {
            "q": self.q,
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "took_ms": round(self.took_ms, 2),
            "did_you_mean": self.did_you_mean,
            "committee": self.committee,
            "identifier": self.identifier,
            "relaxed": self.relaxed,
            "facets_exact": self.facets_exact,
            "suggestions": [{"zh": zh, "en": en} for zh, en in self.suggestions],
            "english": self.english,
            "hits": [h.as_dict() for h in self.hits],
            "facets": self.facets.as_dict(),
        }


_backends: dict[str, Backend] = {}


def get_backend() -> Backend:
    """The backend for the default database: FTS5 on SQLite, tsvector on PostgreSQL."""
    vendor = connection.vendor
    backend = _backends.get(vendor)
    if backend is None:
        if vendor == "postgresql":
            from stdlink.search.backends.postgres import PostgresBackend

            backend = PostgresBackend()
        elif vendor == "sqlite":
            from stdlink.search.backends.sqlite_fts5 import SQLiteFTS5Backend

            backend = SQLiteFTS5Backend()
        else:
            raise RuntimeError(f"no search backend for database vendor {vendor!r}")
        _backends[vendor] = backend
    return backend


def text_query(text: str) -> TextQuery:
    """The backend query for free text: terms plus the phrase forms for the phrase tier."""
    terms = tuple(segment.query_terms(text))
    runs = [m.group(0).lower() for m in segment.TOKEN_RE.finditer(text)]
    if segment.HAS_CJK.search(text):
        return TextQuery(terms=terms, compact="".join(runs))
    return TextQuery(terms=terms, phrase=" " + " ".join(runs) + " " if runs else "")


def _identifier_rows(
    analysis: identifiers.Analysis, backend: Backend
) -> tuple[dict[int, int], str | None]:
    """({id: ident_rank}, did-you-mean identifier) for the identifier part of a query."""
    if analysis.exact_key is not None:
        from stdlink.search.models import SearchDoc

        ranks = identifiers.key_matches(analysis)
        if ranks:
            return ranks, None

        def best_identifier(ids) -> str | None:
            doc = (
                SearchDoc.objects.filter(id__in=ids)
                .order_by("version_rank", "status_rank", "-year")
                .values_list("identifier")
                .first()
            )
            return doc[0] if doc else None

        # "ISO 27001" is ISO/IEC 27001: the joint publisher people leave out.
        joint = identifiers.joint_variant(analysis)
        if joint is not None:
            ranks = identifiers.key_matches(joint)
            if ranks:
                return ranks, best_identifier(list(ranks))
        suggestion = identifiers.did_you_mean(analysis)
        if suggestion:
            ids = list(
                SearchDoc.objects.filter(work_key=suggestion).values_list("id", flat=True)[:500]
            )
            if ids:
                return {pk: identifiers.FUZZY for pk in ids}, best_identifier(ids)
        return {}, None
    if analysis.number is not None:
        tokens = segment.words(analysis.number)
        candidates = backend.ident_token_ids(tokens)
        return identifiers.number_matches(analysis.number, analysis.number_year, candidates), None
    return {}, None


def _ident_key(row: Row, ident: dict[int, int], number_query: bool) -> tuple:
    rank = ident[row[ID]]
    preference = identifiers.PUBLISHER_PREFERENCE.get(row[PUBLISHER], 2) if number_query else 0
    # The exact edition asked for first; then current before withdrawn, full documents before
    # derivative versions before amendments, the work itself before its parts.
    return (
        0 if rank == identifiers.EXACT else 1,
        row[STATUS_RANK],
        row[VERSION_RANK],
        rank,
        preference,
        len(row[WORK_KEY]) if rank == identifiers.PART else 0,
        -(row[YEAR] or 0),
        -row[PRIOR],
        row[ID],
    )


def _listing_key(row: Row) -> tuple:
    """Order of a committee listing (no text to rank by): current, base documents, the works
    with most editions (the committee's core standards), recency."""
    return (row[STATUS_RANK], row[VERSION_RANK], -row[PRIOR], -(row[YEAR] or 0), row[ID])


def _score(tier: int, ident_rank: int | None, relevance: float) -> float:
    """A display score: higher is better, in bands of 10 per tier."""
    if tier == IDENTIFIER:
        return round(40.0 - (ident_rank or 0), 3)
    relevance = max(relevance, 0.0)
    return round(10.0 * (3 - min(tier, OTHER)) + relevance / (1.0 + relevance) * 9.0, 3)


def _too_long(raw: str) -> bool:
    try:
        clean(raw[: MAX_QUERY_LENGTH * 8], truncate=False)
    except QueryError:
        return True
    return False


@dataclass
class _Candidates:
    """Everything about a query that does not depend on the page or the reader's language."""

    merged: list[Row]
    total: int
    counts: dict
    ident: dict[int, int]
    tq: TextQuery | None
    filters: SqlFilters
    did_you_mean: str | None = None
    committee: str | None = None
    identifier: str | None = None
    relaxed: bool = False
    facets_exact: bool = True
    lexical: dict[int, int] = field(default_factory=dict)  # id -> rank in the lexical list
    semantic: dict[int, int] = field(default_factory=dict)  # id -> rank in the semantic list
    translated: dict[int, int] = field(default_factory=dict)  # id -> rank by English words


# Broad queries ("safety", "ISO": tens of thousands of matches) cost tens of milliseconds to
# rank and count; their candidates are kept briefly, per process. Keyed by text and filters;
# emptied when this process changes the index, and entries expire so that other processes'
# index updates show within CACHE_TTL seconds.
CACHE_SIZE = 256
CACHE_TTL = 60.0
CACHE_MIN_MS = 15.0
_cache: OrderedDict[tuple, tuple[float, _Candidates]] = OrderedDict()
_cache_lock = threading.Lock()


def invalidate_cache() -> None:
    with _cache_lock:
        _cache.clear()


def _cached(key: tuple) -> _Candidates | None:
    with _cache_lock:
        entry = _cache.get(key)
        if entry is None:
            return None
        if time.monotonic() - entry[0] > CACHE_TTL:
            del _cache[key]
            return None
        _cache.move_to_end(key)
        return entry[1]


def _remember(key: tuple, value: _Candidates) -> None:
    with _cache_lock:
        _cache[key] = (time.monotonic(), value)
        _cache.move_to_end(key)
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)


def _candidates(text: str, filters: SqlFilters, limit: int) -> _Candidates:
    backend = get_backend()
    analysis = identifiers.analyse(text)
    ident, did_you_mean = _identifier_rows(analysis, backend)
    identifier = (
        analysis.normalized
        if analysis.exact_key is not None and ident and not did_you_mean
        else None
    )

    free = text
    committee = None
    if analysis.committee:
        exists = rows_by_committee(analysis.committee, SqlFilters(), limit=1)
        if exists:
            committee = analysis.committee
            free = analysis.free_text
            if not filters.committee:
                filters = replace(filters, committee=frozenset({analysis.committee}))
    if analysis.exact_key is not None and ident and not analysis.rest:
        free = ""  # an identifier answered by key: its hits are the work's documents

    ident_rows = rows_by_ids(list(ident), filters) if ident else []
    number_query = analysis.number is not None
    ident_rows.sort(key=lambda r: _ident_key(r, ident, number_query))
    ident_ids = {r[ID] for r in ident_rows}

    tq = text_query(free) if free else None
    text_rows: list[Row] = []
    capped = relaxed = False
    text_total = 0
    facets_exact = True
    broad = False
    if tq is not None and tq.terms and not filters.sql()[0] and not ident_rows:
        matches = backend.count(tq, filters)
        broad = matches > BROAD and limit <= CAP
    if broad:
        text_rows = backend.broad_rows(tq, limit)
        text_total = matches
        facets_exact = False
    elif tq is not None and tq.terms:
        text_rows = backend.text_rows(tq, filters, limit)
        if not text_rows and not ident_rows and len(tq.terms) > 1:
            tq = replace(tq, any_term=True)
            text_rows = backend.text_rows(tq, filters, limit)
            relaxed = bool(text_rows)
        capped = len(text_rows) >= limit
        text_total = backend.count(tq, filters) if capped else len(text_rows)
    elif committee and not ident_rows:
        text_rows = rows_by_committee(committee, filters)
        text_rows.sort(key=_listing_key)
        text_total = len(text_rows)

    rest = [r for r in text_rows if r[ID] not in ident_ids]
    lexical = {r[ID]: n for n, r in enumerate(rest, start=1)}
    sem_rows = _semantic_rows(free, filters, ident_ids) if tq is not None and tq.terms else []
    semantic = {r[ID]: n for n, r in enumerate(sem_rows, start=1)}
    en_rows = (
        _translated_rows(free, filters, ident_ids, backend)
        if tq is not None and tq.terms and SEMANTIC
        else []
    )
    translated = {r[ID]: n for n, r in enumerate(en_rows, start=1)}
    extra = [r for r in {r[ID]: r for r in sem_rows + en_rows}.values() if r[ID] not in lexical]
    rest = fuse_rows(rest, sem_rows, en_rows, relaxed=relaxed or not text_rows)
    merged = ident_rows + rest
    total = text_total + len(ident_rows) - (len(text_rows) - len(lexical)) + len(extra)
    if capped and not broad:
        counts = facetlib.count_groups(backend.facet_groups(tq, filters))
        fetched = {t[ID] for t in text_rows}
        counts = facetlib.count_groups(
            [
                (r[BODY], r[STATUS], r[DOCTYPE], r[COMMITTEE], r[YEAR], r[ICS_FIELDS], 1)
                for r in ident_rows + extra
                if r[ID] not in fetched
            ],
            into=counts,
        )
    else:
        counts = facetlib.count_rows(merged)
    return _Candidates(
        merged=merged,
        total=total,
        counts=counts,
        ident=ident,
        tq=tq,
        filters=filters,
        did_you_mean=did_you_mean,
        committee=committee,
        identifier=identifier,
        relaxed=relaxed,
        facets_exact=facets_exact,
        lexical=lexical,
        semantic=semantic,
        translated=translated,
    )


_LETTER = re.compile(r"[^\W\d_]")


def _semantic_rows(free: str, filters: SqlFilters, exclude: set[int]) -> list[Row]:
    """Rows of the standards nearest in meaning to `free`, best first, within the filters."""
    from django.conf import settings

    if not SEMANTIC or not settings.SEMANTIC_SEARCH or not _LETTER.search(free):
        return []  # numbers and punctuation have no meaning to look for
    from stdlink.semantic.services import nearest_standards

    also = ()
    if segment.HAS_CJK.search(free):
        from stdlink.semantic.glossary import to_english

        english = to_english(free)
        also = (english,) if english and english != free else ()
    near = nearest_standards(
        free,
        k=SEMANTIC_K,
        min_cosine=SEMANTIC_MIN_COSINE,
        margin=SEMANTIC_MARGIN,
        also=also,
    )
    # editions sharing a title share its score: current base documents first among them
    score = {pk: s for pk, s in near if pk not in exclude}
    if not score:
        return []
    rows = rows_by_ids(list(score), filters)
    # an international original before the national adoptions that share its title (JIS Q 13485)
    rows.sort(
        key=lambda r: (
            -score[r[ID]],
            identifiers.PUBLISHER_PREFERENCE.get(r[PUBLISHER], 2),
            r[STATUS_RANK],
            r[VERSION_RANK],
            -(r[YEAR] or 0),
        )
    )
    # Meaning hits are shown like "other" hits: tier MEANING, no engine relevance.
    return [(r[ID], MEANING, *r[2:]) for r in rows]


def _translated_rows(
    free: str, filters: SqlFilters, exclude: set[int], backend: Backend
) -> list[Row]:
    """Lexical rows for the English rendering of a Chinese query (every term must match)."""
    from django.conf import settings

    if not settings.SEMANTIC_SEARCH or not segment.HAS_CJK.search(free):
        return []
    from stdlink.semantic.glossary import to_english

    english = to_english(free)
    if not english or english == free or segment.HAS_CJK.search(english):
        return []
    tq = text_query(english)
    if not tq.terms:
        return []
    rows = backend.text_rows(tq, filters, FUSE_DEPTH)
    return [r for r in rows if r[ID] not in exclude]


def fuse_rows(
    lexical: list[Row],
    semantic: list[Row],
    translated: list[Row] = (),
    *,
    relaxed: bool = False,
) -> list[Row]:
    """The lexical rows with the rows only the semantic channel (or the English words of a
    Chinese query) found merged in by reciprocal rank.

    When every query word matched, the lexical list keeps its own order over its first
    FUSE_DEPTH rows (its tiers, editions and priors are deliberate); a row beyond them or not in
    it scores sum(w / (OTHERS_K + rank)) over the other lists and goes before the first lexical
    row scoring less (W_LEXICAL / (OTHERS_K + rank)); a lexical first hit whose title has the
    query's words (phrase or title tier) stays first. When only some words matched
    (``relaxed``) the three lists are fused by reciprocal rank, the lexical one weighted
    W_LEXICAL_RELAXED.
    """
    if not semantic and not translated:
        return lexical
    from stdlink.semantic.fusion import rrf

    head, tail = lexical[:FUSE_DEPTH], lexical[FUSE_DEPTH:]
    head_ids = {r[ID] for r in head}
    by_id = {r[ID]: r for r in tail}
    by_id.update({r[ID]: r for r in semantic})
    by_id.update({r[ID]: r for r in translated})
    lists = [[r[ID] for r in semantic], [r[ID] for r in translated]]
    if relaxed:
        # Only some of the query's words matched: the lexical list is one weak list among the
        # others and all are fused by reciprocal rank, so a title that the English words or
        # the meaning put first is not held at its relaxed lexical rank (职业健康安全管理体系:
        # ISO 45001 is the English words' first hit and the relaxed list's 442nd).
        by_id.update({r[ID]: r for r in head})
        fused = rrf(
            [[r[ID] for r in head], *lists],
            k=OTHERS_K,
            weights=(W_LEXICAL_RELAXED, W_SEMANTIC, W_TRANSLATED),
        )
        placed = {pk for pk, _score in fused}
        return [by_id[pk] for pk, _score in fused] + [r for r in tail if r[ID] not in placed]
    # A row only beyond the fusion depth of the lexical list (or not in it) can be moved up.
    others = [
        (by_id[pk], score)
        for pk, score in rrf(lists, k=OTHERS_K, weights=(W_SEMANTIC, W_TRANSLATED))
        if pk not in head_ids
    ]
    out: list[Row] = []
    i = j = 0
    if head and head[0][TIER] in PROTECTED_TIERS:
        out.append(head[0])
        i = 1
    while i < len(head) or j < len(others):
        lex_score = W_LEXICAL / (OTHERS_K + i + 1) if i < len(head) else -1.0
        if j < len(others) and others[j][1] > lex_score:
            out.append(others[j][0])
            j += 1
        else:
            out.append(head[i])
            i += 1
    placed = {r[ID] for r, _score in others}
    return out + [r for r in tail if r[ID] not in placed]


def search(query: SearchQuery, *, strict: bool = False) -> SearchResult:
    """Run `query`. With `strict`, an over-long query raises QueryError (the API answers 400);
    otherwise it is truncated. Malformed text never raises."""
    started = time.perf_counter()
    raw = query.q or ""
    text = clean(raw, truncate=not strict)
    per_page = max(1, min(int(query.per_page or 20), MAX_PER_PAGE))
    page = max(1, min(int(query.page or 1), MAX_PAGE))
    filters = query.filters()
    result = SearchResult(
        q=text,
        hits=[],
        total=0,
        facets=facetlib.Facets(),
        page=page,
        per_page=per_page,
        took_ms=0.0,
        truncated=len(raw) > MAX_QUERY_LENGTH and _too_long(raw),
    )
    if not text:
        result.took_ms = (time.perf_counter() - started) * 1000
        return result

    limit = max(CAP, page * per_page)
    key = (connection.vendor, text, filters, limit)
    found = _cached(key)
    if found is None:
        found = _candidates(text, filters, limit)
        if (time.perf_counter() - started) * 1000 >= CACHE_MIN_MS:
            _remember(key, found)
    result.total = found.total
    result.did_you_mean, result.committee = found.did_you_mean, found.committee
    result.identifier, result.relaxed = found.identifier, found.relaxed
    result.facets_exact = found.facets_exact
    result.facets = facetlib.build(found.counts, found.filters)
    start = (page - 1) * per_page
    result.hits = _hits(found.merged[start : start + per_page], found.ident, found.tq)
    rendered = _renderings(result.hits, found.merged[start : start + per_page])
    for n, hit in enumerate(result.hits, start=start + 1):
        hit.title_zh_rendered, hit.title_zh_source = rendered.get(hit.id, ("", ""))
        hit.why = _why(hit.id, found)
        hit.ranks = {
            "lexical": found.lexical.get(hit.id),
            "semantic": found.semantic.get(hit.id),
            "translated": found.translated.get(hit.id),
            "fused": n,
        }
    if not result.total:
        result.suggestions, result.english = query_help(text)
    result.took_ms = (time.perf_counter() - started) * 1000
    return result


def query_help(text: str) -> tuple[list[tuple[str, str]], str]:
    """English terms for the Chinese words of a query that found nothing (茶叶 → tea), and the
    whole query in English when that differs."""
    if not segment.HAS_CJK.search(text):
        return [], ""
    from stdlink.semantic.glossary import terms, to_english

    pairs = list(dict.fromkeys(terms(text)))[:8]
    english = to_english(text)
    return pairs, english if english != text and not segment.HAS_CJK.search(english) else ""


def _renderings(hits: list[Hit], rows: list[Row]) -> dict[int, tuple[str, str]]:
    """Chinese renderings of the hits without a Chinese title (adoption title or glossary)."""
    work = {r[ID]: r[WORK_KEY] for r in rows}
    todo = [(h.id, work.get(h.id, ""), h.title_en) for h in hits if not h.title_zh and h.title_en]
    if not todo:
        return {}
    from stdlink.semantic.services.rendering import render

    return render(todo)


def _why(pk: int, found: _Candidates) -> tuple[str, ...]:
    """The channels that found a hit: its identifier, its words, its meaning."""
    why = []
    if pk in found.ident:
        why.append("identifier")
    if pk in found.lexical:
        why.append("words")
    if pk in found.translated:
        why.append("translation")
    if pk in found.semantic:
        why.append("meaning")
    return tuple(why)


def _hits(window: list[Row], ident: dict[int, int], tq: TextQuery | None) -> list[Hit]:
    if not window:
        return []
    ids = [r[ID] for r in window]
    with connection.cursor() as cur:
        cur.execute(
            "SELECT id, identifier, title_zh, title_en, title_other, committee_path "
            f"FROM search_searchdoc WHERE id IN ({', '.join(['%s'] * len(ids))})",
            ids,
        )
        docs = {r[0]: r for r in cur.fetchall()}
    regex = pattern(tq.terms) if tq is not None else None
    english = (get_language() or "").startswith("en")
    hits = []
    for row in window:
        doc = docs.get(row[ID])
        if doc is None:
            continue
        _, identifier, zh, en, other, committee_path = doc
        title = (en or zh or other) if english else (zh or en or other)
        second = (zh if english else en) if (zh and en) else ""
        rank = ident.get(row[ID])
        tier = IDENTIFIER if rank is not None else row[TIER] if row[TIER] else OTHER
        hits.append(
            Hit(
                id=row[ID],
                identifier=identifier,
                title=title,
                title_zh=zh,
                title_en=en,
                status=row[STATUS],
                year=row[YEAR],
                body=row[BODY],
                committee=committee_path,
                score=_score(tier, rank, row[RELEVANCE]),
                match=TIER_NAMES[tier],
                title_html=mark(title, regex),
                subtitle_html=mark(second, regex),
            )
        )
    return hits
