"""Reading a SearchQuery from request parameters (pages and API share it)."""

from __future__ import annotations

from collections.abc import Mapping

from stdlink.search import facets
from stdlink.search.interface import SearchQuery
from stdlink.search.sanitize import QueryError, clean

MULTI = ("body", "status", "doctype", "ics", "committee")


def _int(value: str | None, name: str, low: int, high: int) -> int | None:
    if value in (None, ""):
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise QueryError(f"参数 {name} 应为整数 / {name} must be an integer") from None
    if not low <= number <= high:
        raise QueryError(f"参数 {name} 超出范围 / {name} must be between {low} and {high}")
    return number


def _values(params: Mapping, name: str) -> tuple[str, ...]:
    raw = params.getlist(name) if hasattr(params, "getlist") else params.get(name) or []
    if isinstance(raw, str):
        raw = [raw]
    out = []
    for value in raw:
        for part in str(value).split(","):
            part = clean(part)[:64]
            if part:
                out.append(part)
    return tuple(dict.fromkeys(out))[:20]


def query_from_params(params: Mapping, *, per_page: int = 20) -> SearchQuery:
    """A SearchQuery from GET parameters; raises QueryError (bilingual) for a bad value."""
    year_from = _int(params.get("year_from"), "year_from", 1000, 2999)
    year_to = _int(params.get("year_to"), "year_to", 1000, 2999)
    year = params.get("year")
    if year:  # a year-facet value such as "2010-2019"
        year_from, year_to = facets.year_range(str(year))
    return SearchQuery(
        q=str(params.get("q") or ""),
        body=_values(params, "body"),
        status=_values(params, "status"),
        doctype=_values(params, "doctype"),
        ics=_values(params, "ics"),
        committee=_values(params, "committee"),
        year_from=year_from,
        year_to=year_to,
        page=_int(params.get("page"), "page", 1, 1000) or 1,
        per_page=_int(params.get("per_page"), "per_page", 1, 100) or per_page,
    )
