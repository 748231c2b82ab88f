"""A verbatim grammar for catalogue bodies and for the long tail of legacy forms.

Some publishers' identifiers have little structure beyond "publisher + designation"
(BIPM meeting reports, IALA slugs, CIE ``x050-PP029``), and several bodies carry legacy forms
that upstream PubID libraries themselves only round-trip (BSI ``BS 2782-10:Method 1006:1978``).
For these the designation is kept verbatim (whitespace collapsed) in ``extra`` and the
neutral fields that can be read reliably — the first number, a trailing ``:yyyy``/``(yyyy)``
year — are filled in.  The publisher must still be known, and the designation must contain a
letter or digit, so arbitrary text is rejected rather than accepted.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError

NUM_RE = re.compile(r"[A-Za-z]*(\d+[A-Za-z]?(?:[.-]\d+)*)")
YEAR_RE = re.compile(r"(?:[:\s(-])((?:1[89]|20)\d\d)\)?(?:-\d\d)?$")
# otherwise the first ":yyyy" (the document's date before a trailing note: "BS 1234:2010 AMD5")
COLON_YEAR_RE = re.compile(r":((?:1[89]|20)\d\d)(?!\d)")


def verbatim(body: str, publisher: str, rest: str, s: str, pos: int, **kw) -> Identifier:
    rest = rest.strip()
    if not rest or not any(c.isalnum() for c in rest):
        raise ParseError(s, pos, "a document designation after the publisher", body)
    nm = NUM_RE.search(rest)
    ym = YEAR_RE.search(rest) or COLON_YEAR_RE.search(rest)
    return Identifier(
        body=body,
        publisher=publisher,
        type=kw.pop("type", "verbatim"),
        number=nm.group(1) if nm else rest,
        year=ym.group(1) if ym else None,
        extra=rest,
        raw=s,
        **kw,
    )


def render_verbatim(ident: Identifier, sep: str = " ") -> str:
    if ident.publisher:
        return f"{ident.publisher}{sep}{ident.extra}"
    return ident.extra or ident.number
