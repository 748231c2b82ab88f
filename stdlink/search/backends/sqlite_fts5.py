"""SQLite FTS5 backend: the embedded default.

Table `search_standardfts` (migration 0002), rowid = Standard.id, columns
ident | title_zh | title_en | title_other | zh_pieces | other, tokenizer `porter unicode61`.
Text arrives pre-segmented (segment.py). User input never reaches FTS5 syntax: every token is
bound inside a double-quoted string, and the expression is passed as a parameter.
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

TABLE = "search_standardfts"
COLUMNS = ("ident", "title_zh", "title_en", "title_other", "zh_pieces", "other")
TITLE_COLUMNS = ("title_zh", "title_en", "title_other", "zh_pieces")
PIECE_COLUMNS = "zh_pieces other"
#: bm25 column weights, in COLUMNS order: identifier > titles > other fields.
WEIGHTS = (10.0, 5.0, 5.0, 3.0, 0.5, 1.0)
_BM25 = f"bm25({TABLE}, {', '.join(str(w) for w in WEIGHTS)})"
#: Relevance in whole bm25 points: hits closer than that are equally relevant, and the
#: ranking's next keys (recency, then the prior) decide between them.
RELEVANCE = f"round(-{_BM25} * (1.0 + 0.1 * d.prior), 0)"


def quote(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def match_expression(query: TextQuery, columns: tuple[str, ...] = ()) -> str:
    parts = []
    for term in query.terms:
        alts = []
        for n, alt in enumerate(term):
            tokens = " AND ".join(quote(t) for t in alt)
            if n:  # a Chinese word's bigrams: only where bigrams are indexed
                alts.append(f"{{{PIECE_COLUMNS}}} : ({tokens})")
            else:
                alts.append(f"({tokens})" if len(alt) > 1 else tokens)
        parts.append("(" + " OR ".join(alts) + ")" if len(alts) > 1 else alts[0])
    expr = (" OR " if query.any_term else " AND ").join(parts)
    if columns:
        expr = "{" + " ".join(columns) + "} : (" + expr + ")"
    return expr


def _phrase_sql(query: TextQuery) -> tuple[str, list]:
    if query.compact:
        return "instr(d.title_compact, %s) > 0", [query.compact]
    if query.phrase:
        return "instr(d.title_norm, %s) > 0", [query.phrase]
    return "0", []


_JOIN = f"{TABLE} JOIN search_searchdoc d ON d.id = {TABLE}.rowid"


class SQLiteFTS5Backend(Backend):
    name = "sqlite-fts5"

    def text_rows(self, query: TextQuery, filters: SqlFilters, limit: int = CAP) -> list[Row]:
        if not query.terms:
            return []
        phrase_sql, phrase_params = _phrase_sql(query)
        where, fparams = _where(f"{TABLE} MATCH %s", filters)
        sql = (
            f"SELECT d.id, CASE WHEN {phrase_sql} THEN 1 WHEN {TABLE}.rowid IN "
            f"(SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s) THEN 2 ELSE 3 END, "
            f"d.status_rank, d.version_rank, {RELEVANCE}, {DOC_COLUMNS} "
            f"FROM {_JOIN} WHERE {where} {ORDER} LIMIT {int(limit)}"
        )
        params = [
            *phrase_params,
            match_expression(query, TITLE_COLUMNS),
            match_expression(query),
            *fparams,
        ]
        with connection.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def broad_rows(self, query: TextQuery, limit: int = CAP) -> list[Row]:
        """The best `limit` matches by bm25 alone, then ranked like text_rows: for queries with
        tens of thousands of matches, where ranking every match is what costs."""
        phrase_sql, phrase_params = _phrase_sql(query)
        sql = (
            f"SELECT d.id, CASE WHEN {phrase_sql} THEN 1 WHEN m.id IN "
            f"(SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s) THEN 2 ELSE 3 END, "
            f"d.status_rank, d.version_rank, round(m.s * (1.0 + 0.1 * d.prior), 0), "
            f"{DOC_COLUMNS} FROM (SELECT rowid AS id, -{_BM25} AS s FROM {TABLE} "
            f"WHERE {TABLE} MATCH %s ORDER BY {_BM25} LIMIT {int(limit)}) m "
            f"JOIN search_searchdoc d ON d.id = m.id {ORDER}"
        )
        with connection.cursor() as cur:
            cur.execute(
                sql,
                [*phrase_params, match_expression(query, TITLE_COLUMNS), match_expression(query)],
            )
            return cur.fetchall()

    def count(self, query: TextQuery, filters: SqlFilters) -> int:
        extra, fparams = filters.sql()
        source = _JOIN if extra else TABLE
        where, _ = _where(f"{TABLE} MATCH %s", filters)
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT count(*) FROM {source} WHERE {where}", [match_expression(query), *fparams]
            )
            return cur.fetchone()[0]

    def facet_groups(self, query: TextQuery, filters: SqlFilters) -> list[tuple]:
        where, fparams = _where(f"{TABLE} MATCH %s", filters)
        with connection.cursor() as cur:
            cur.execute(
                FACET_GROUP.format(source=_JOIN, where=where), [match_expression(query), *fparams]
            )
            return cur.fetchall()

    def ident_token_ids(self, tokens: list[str], limit: int = 3000) -> list[tuple[int, str, str]]:
        if not tokens:
            return []
        expr = "ident : " + quote(" ".join(tokens))
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT d.id, d.work_key, d.key FROM {TABLE} JOIN search_searchdoc d "
                f"ON d.id = {TABLE}.rowid WHERE {TABLE} MATCH %s LIMIT {int(limit)}",
                [expr],
            )
            return cur.fetchall()

    def bare(self, query: TextQuery, limit: int = 20) -> list[int]:
        with connection.cursor() as cur:
            cur.execute(
                f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s ORDER BY {_BM25} "
                f"LIMIT {int(limit)}",
                [match_expression(query)],
            )
            return [r[0] for r in cur.fetchall()]

    def write(self, texts: dict[int, dict[str, str]]) -> None:
        if not texts:
            return
        self.delete(list(texts))
        placeholders = ", ".join(["%s"] * (len(COLUMNS) + 1))
        rows = [(pk, *(cols.get(c, "") for c in COLUMNS)) for pk, cols in texts.items()]
        with connection.cursor() as cur:
            cur.executemany(
                f"INSERT INTO {TABLE} (rowid, {', '.join(COLUMNS)}) VALUES ({placeholders})", rows
            )

    def delete(self, ids: list[int]) -> None:
        with connection.cursor() as cur:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                cur.execute(
                    f"DELETE FROM {TABLE} WHERE rowid IN ({', '.join(['%s'] * len(chunk))})", chunk
                )

    def clear(self) -> None:
        with connection.cursor() as cur:
            cur.execute(f"DELETE FROM {TABLE}")
