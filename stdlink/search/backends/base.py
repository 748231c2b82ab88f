"""What every backend provides, and the parts they share (plain SQL over search_searchdoc).

Rows are plain tuples (the fields below, by position) sorted by the database: building objects
for thousands of candidates would cost more than the query itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from stdlink.search.segment import Term

# Row fields, by position.
(
    ID,
    TIER,
    STATUS_RANK,
    VERSION_RANK,
    RELEVANCE,
    YEAR,
    PRIOR,
    BODY,
    STATUS,
    DOCTYPE,
    COMMITTEE,
    COMMITTEE_PATH,
    ICS_FIELDS,
    WORK_KEY,
    KEY,
    PUBLISHER,
) = range(16)
Row = tuple

DOC_COLUMNS = (
    "d.year, d.prior, d.body, d.status, d.doctype, d.committee, d.committee_path, "
    "d.ics_fields, d.work_key, d.key, d.publisher"
)
#: The order of text hits: tier, current first, base documents first, relevance, recency.
ORDER = "ORDER BY 2, 3, 4, 5 DESC, COALESCE(d.year, 0) DESC, 1"
#: Text candidates fetched at most (facets are counted in SQL beyond this).
CAP = 2000
#: Above this many matches (and with no filter) only the engine's best CAP are ranked, and
#: facets count those (SearchResult.facets_exact is False).
BROAD = 10000


@dataclass(frozen=True)
class TextQuery:
    """A free-text query ready for a backend: every term must match (or any, when `any_term`),
    a term matches when one of its alternatives matches, an alternative is tokens that all must."""

    terms: tuple[Term, ...]
    any_term: bool = False
    phrase: str = ""  # " quality management " compared with SearchDoc.title_norm
    compact: str = ""  # "质量管理体系" compared with SearchDoc.title_compact


#: A committee and everything under it, as indexed range look-ups ("ISO/TC 176/…" sorts
#: between "ISO/TC 176/" and "ISO/TC 1760").
COMMITTEE_SQL = (
    "d.committee = %s OR d.committee_path = %s OR (d.committee_path > %s AND d.committee_path < %s)"
)


def committee_params(code: str) -> list[str]:
    return [code, code, code + "/", code + "0"]


@dataclass(frozen=True)
class SqlFilters:
    """Facet filters as SQL over search_searchdoc `d` (user values are parameters)."""

    body: frozenset[str] = frozenset()
    status: frozenset[str] = frozenset()
    doctype: frozenset[str] = frozenset()
    ics: frozenset[str] = frozenset()
    committee: frozenset[str] = frozenset()
    year_from: int | None = None
    year_to: int | None = None

    def sql(self) -> tuple[str, list]:
        clauses, params = [], []
        for column in ("body", "status", "doctype"):
            values = sorted(getattr(self, column))
            if values:
                clauses.append(f"d.{column} IN ({', '.join(['%s'] * len(values))})")
                params.extend(values)
        if self.ics:
            clauses.append("(" + " OR ".join(["d.ics_fields LIKE %s"] * len(self.ics)) + ")")
            params.extend(f"% {v} %" for v in sorted(self.ics))
        if self.committee:
            parts = []
            for code in sorted(self.committee):
                parts.append(COMMITTEE_SQL)
                params.extend(committee_params(code))
            clauses.append("(" + " OR ".join(parts) + ")")
        if self.year_from is not None:
            clauses.append("d.year >= %s")
            params.append(self.year_from)
        if self.year_to is not None:
            clauses.append("d.year <= %s")
            params.append(self.year_to)
        return (" AND ".join(clauses), params)


def _where(base: str, filters: SqlFilters) -> tuple[str, list]:
    extra, params = filters.sql()
    return (f"{base} AND {extra}" if extra else base), params


def doc_rows(where: str, params: list, filters: SqlFilters, limit: int = CAP) -> list[Row]:
    """Rows chosen by a plain WHERE clause (identifier and committee queries), unsorted."""
    from django.db import connection

    where, fparams = _where(where, filters)
    sql = (
        f"SELECT d.id, 0, d.status_rank, d.version_rank, CAST(0 AS REAL), {DOC_COLUMNS} "
        f"FROM search_searchdoc d WHERE {where} LIMIT {int(limit)}"
    )
    with connection.cursor() as cur:
        cur.execute(sql, [*params, *fparams])
        return cur.fetchall()


def rows_by_ids(ids: list[int], filters: SqlFilters) -> list[Row]:
    if not ids:
        return []
    return doc_rows(f"d.id IN ({', '.join(['%s'] * len(ids))})", list(ids), filters)


def rows_by_committee(code: str, filters: SqlFilters, limit: int = 20000) -> list[Row]:
    return doc_rows(f"({COMMITTEE_SQL})", committee_params(code), filters, limit)


FACET_GROUP = (
    "SELECT d.body, d.status, d.doctype, d.committee, d.year, d.ics_fields, count(*) "
    "FROM {source} WHERE {where} GROUP BY d.body, d.status, d.doctype, d.committee, "
    "d.year, d.ics_fields"
)


class Backend:
    """The contract: ranked text candidates (at most `limit`), their total, grouped facet
    counts, identifier-token look-ups, and writing the text columns."""

    name = "base"

    def text_rows(self, query: TextQuery, filters: SqlFilters, limit: int = CAP) -> list[Row]:
        raise NotImplementedError

    def broad_rows(self, query: TextQuery, limit: int = CAP) -> list[Row]:
        """Like text_rows without filters, ranking only the engine's best `limit` matches."""
        raise NotImplementedError

    def count(self, query: TextQuery, filters: SqlFilters) -> int:
        raise NotImplementedError

    def facet_groups(self, query: TextQuery, filters: SqlFilters) -> list[tuple]:
        """(body, status, doctype, committee, year, ics_fields, n) over every match."""
        raise NotImplementedError

    def ident_token_ids(self, tokens: list[str], limit: int = 3000) -> list[tuple[int, str, str]]:
        """(id, work_key, key) of documents whose identifier has these tokens in sequence."""
        raise NotImplementedError

    def bare(self, query: TextQuery, limit: int = 20) -> list[int]:
        """The plain backend query (top `limit` ids by the engine's own rank) for benchmarks."""
        raise NotImplementedError

    def write(self, texts: dict[int, dict[str, str]]) -> None:
        """Store the text columns of these documents (SearchDoc rows already written)."""
        raise NotImplementedError

    def delete(self, ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError
