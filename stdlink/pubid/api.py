"""``GET /api/v1/identifiers/parse?id=…`` — public, read-only (the lead mounts ``router``).

Returns the parsed components (``Identifier.to_dict()`` plus the work/edition/exact keys); a
string that is not an identifier is a 400 with a bilingual message, the position and what the
grammar expected there.  This is the only module of ``stdlink.pubid`` that imports Django.
"""

from __future__ import annotations

from ninja import Router, Status

from stdlink.core.api_auth import PUBLIC

from . import ParseError, key, parse

PERMISSION = "public"

router = Router(tags=["identifiers"])


@router.get(
    "/identifiers/parse",
    auth=PUBLIC,
    response={200: dict, 400: dict},
    summary="Parse and normalise a standard identifier / 解析标准编号",
)
def parse_identifier(request, id: str, hint: str | None = None):  # noqa: A002 - API name
    try:
        ident = parse(id, hint=hint)
    except ParseError as exc:
        return Status(
            400,
            {
                "detail": f"无法解析标识符 / cannot parse identifier: {id}",
                "position": exc.position,
                "expected": exc.expected,
            },
        )
    data = ident.to_dict()
    data["keys"] = {level: key(ident, level) for level in ("work", "edition", "exact")}
    return Status(200, data)
