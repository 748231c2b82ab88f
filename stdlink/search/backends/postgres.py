"""PostgreSQL full-text backend (when DATABASE_URL points at PostgreSQL).

Column `search_searchdoc.document` (migration 0002): a tsvector built from the same pre-segmented
text as the FTS5 table, with weights A identifier, B titles, C Chinese title pieces, D other
fields. Chinese tokens and identifiers use the 'simple' configuration; English text 'english'
(Snowball stemming). Ranking: ts_rank_cd with the same column order of importance as FTS5's bm25.
User input is bound as parameters to plainto_tsquery, never parsed as tsquery syntax.
"""

from __future__ import annotations

from django.db import connection

from stdlink.search.backends.base import (
    CAP,
    DOC_COLUMNS,
    FACET_GROUP,
    ORDER,
    Backend,
    Row,
    SqlFilters,
    TextQuery,
    _where,
)
from stdlink.search.segment import HAS_CJK

# ts_rank_cd weights are given as {D, C, B, A}.
RANK = "ts_rank_cd('{{0.1, 0.2, 0.5, 1.0}}', d.document, {q}, 1)"
VECTOR = (
    "setweight(to_tsvector('simple', %s), 'A') || "
    "setweight(to_tsvector('simple', %s), 'B') || "
    "setweight(to_tsvector('english', %s), 'B') || "
    "setweight(to_tsvector('english', %s), 'B') || "
    "setweight(to_tsvector('simple', %s), 'C') || "
    "setweight(to_tsvector('english', %s), 'D')"
)
COLUMNS = ("ident", "title_zh", "title_en", "title_other", "zh_pieces", "other")


def _token(token: str, params: list) -> str:
    if HAS_CJK.search(token):
        params.append(token)
        return "plainto_tsquery('simple', %s)"
    params.extend([token, token])
    return "(plainto_tsquery('english', %s) || plainto_tsquery('simple', %s))"


def _piece(token: str, params: list) -> str:
    # Tokens are runs of letters/digits (segment.TOKEN_RE): no quote can occur in them.
    params.append(f"'{token}':CD")
    return "to_tsquery('simple', %s)"


def tsquery(query: TextQuery) -> tuple[str, list]:
    """SQL for the tsquery of `query` and its parameters."""
    params: list = []
    parts = []
    for term in query.terms:
        alts = []
        for n, alt in enumerate(term):
            if n:  # a Chinese word's bigrams: only where bigrams are indexed (weights C, D)
                tokens = " && ".join(_piece(t, params) for t in alt)
            else:
                tokens = " && ".join(_token(t, params) for t in alt)
            alts.append(f"({tokens})")
        parts.append("(" + " || ".join(alts) + ")")
    return (" || " if query.any_term else " && ").join(parts), params


def _match(query: TextQuery, filters: SqlFilters) -> tuple[str, list]:
    q, params = tsquery(query)
    return _where(f"d.document @@ ({q})", filters)[0], [*params, *filters.sql()[1]]


class PostgresBackend(Backend):
    name = "postgresql"

    def text_rows(self, query: TextQuery, filters: SqlFilters, limit: int = CAP) -> list[Row]:
        if not query.terms:
            return []
        q, qp = tsquery(query)
        where, wp = _match(query, filters)
        if query.compact:
            phrase_sql, pp = "strpos(d.title_compact, %s) > 0", [query.compact]
        elif query.phrase:
            phrase_sql, pp = "strpos(d.title_norm, %s) > 0", [query.phrase]
        else:
            phrase_sql, pp = "false", []
        sql = (
            f"SELECT d.id, CASE WHEN {phrase_sql} THEN 1 "
            f"WHEN ts_filter(d.document, '{{b,c}}') @@ ({q}) THEN 2 ELSE 3 END, "
            f"d.status_rank, d.version_rank, "
            f"round(({RANK.format(q='(' + q + ')')} * (1.0 + 0.1 * d.prior))::numeric, 2)"
            f"::float, {DOC_COLUMNS} "
            f"FROM search_searchdoc d WHERE {where} {ORDER} LIMIT {int(limit)}"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [*pp, *qp, *qp, *wp])
            return cur.fetchall()

    def broad_rows(self, query: TextQuery, limit: int = CAP) -> list[Row]:
        """The best `limit` matches by rank alone, then ranked like text_rows."""
        q, qp = tsquery(query)
        where, wp = _match(query, SqlFilters())
        if query.compact:
            phrase_sql, pp = "strpos(d.title_compact, %s) > 0", [query.compact]
        elif query.phrase:
            phrase_sql, pp = "strpos(d.title_norm, %s) > 0", [query.phrase]
        else:
            phrase_sql, pp = "false", []
        rank = RANK.format(q="(" + q + ")")
        sql = (
            f"SELECT d.id, CASE WHEN {phrase_sql} THEN 1 "
            f"WHEN ts_filter(d.document, '{{b,c}}') @@ ({q}) THEN 2 ELSE 3 END, "
            f"d.status_rank, d.version_rank, "
            f"round((m.s * (1.0 + 0.1 * d.prior))::numeric, 2)::float, {DOC_COLUMNS} "
            f"FROM (SELECT d.id, {rank} AS s FROM search_searchdoc d WHERE {where} "
            f"ORDER BY 2 DESC LIMIT {int(limit)}) m JOIN search_searchdoc d ON d.id = m.id "
            f"{ORDER}"
        )
        with connection.cursor() as cur:
            cur.execute(sql, [*pp, *qp, *qp, *wp])
            return cur.fetchall()

    def count(self, query: TextQuery, filters: SqlFilters) -> int:
        where, params = _match(query, filters)
        with connection.cursor() as cur:
            cur.execute(f"SELECT count(*) FROM search_searchdoc d WHERE {where}", params)
            return cur.fetchone()[0]

    def facet_groups(self, query: TextQuery, filters: SqlFilters) -> list[tuple]:
        where, params = _match(query, filters)
        with connection.cursor() as cur:
            cur.execute(FACET_GROUP.format(source="search_searchdoc d", where=where), params)
            return cur.fetchall()

    def ident_token_ids(self, tokens: list[str], limit: int = 3000) -> list[tuple[int, str, str]]:
        if not tokens:
            return []
        with connection.cursor() as cur:
            cur.execute(
                "SELECT d.id, d.work_key, d.key FROM search_searchdoc d "
                "WHERE ts_filter(d.document, '{a}') @@ phraseto_tsquery('simple', %s) "
                f"LIMIT {int(limit)}",
                [" ".join(tokens)],
            )
            return cur.fetchall()

    def bare(self, query: TextQuery, limit: int = 20) -> list[int]:
        q, qp = tsquery(query)
        where, wp = _match(query, SqlFilters())
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT d.id FROM search_searchdoc d WHERE {where} "
                f"ORDER BY {RANK.format(q='(' + q + ')')} DESC LIMIT {int(limit)}",
                [*wp, *qp],
            )
            return [r[0] for r in cur.fetchall()]

    def write(self, texts: dict[int, dict[str, str]]) -> None:
        rows = [(*(cols.get(c, "") for c in COLUMNS), pk) for pk, cols in texts.items()]
        with connection.cursor() as cur:
            cur.executemany(f"UPDATE search_searchdoc SET document = {VECTOR} WHERE id = %s", rows)

    def delete(self, ids: list[int]) -> None:
        """Nothing to do: the vector lives on the SearchDoc row, which the indexer deletes."""

    def clear(self) -> None:
        """Nothing to do: clearing SearchDoc clears the vectors."""
