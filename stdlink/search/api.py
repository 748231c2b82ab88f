"""``GET /api/v1/search?q=…&body=…&status=…&page=…`` — public: hits, facets and the time taken.

A query over the length limit or a malformed parameter is a 400 with a bilingual message; any
other text (operators, quotes, control characters) is searched as plain words.
"""

from __future__ import annotations

from ninja import Router, Status

from stdlink.core.api_auth import PUBLIC
from stdlink.search.interface import search
from stdlink.search.params import query_from_params
from stdlink.search.sanitize import QueryError

PERMISSION = "public"

router = Router(tags=["search"])


@router.get(
    "/search",
    auth=PUBLIC,
    response={200: dict, 400: dict},
    summary="Search standards / 检索标准",
    description="Parameters: q, body, status, doctype, ics (two-digit field), committee, "
    "year_from, year_to (or year=2010-2019), page, per_page (≤ 100). Repeat or comma-separate "
    "facet values.",
)
def search_standards(request, q: str = ""):
    try:
        query = query_from_params(request.GET)
        result = search(query, strict=True)
    except QueryError as exc:
        return Status(400, {"detail": str(exc)})
    return Status(200, result.as_dict())
