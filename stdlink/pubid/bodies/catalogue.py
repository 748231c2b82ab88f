"""Bodies met in the Relaton catalogue whose identifiers are "publisher + designation".

CIE, BIPM (committees, CIPM/CGPM decisions, JCRB, JCGM, the journal Metrologia), OIML, ECMA,
IHO and IALA.  Their designations are regular enough to key (first number, trailing year,
a language letter in brackets) but varied enough that a full grammar would only restate the
strings; they are therefore kept verbatim (see ``generic``).  The publisher token is a closed
list, so unknown text is still rejected.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError
from . import generic

BIPM_LEAD_RE = re.compile(
    r"^(?P<pub>BIPM|CIPM|CGPM|JCRB|JCGM|Metrologia|CC[A-Z]{1,4}|KCDB|CODATA|SI)(?=[\s-])"
)
CAT_RE = re.compile(r"^(?P<pub>CIE|OIML|ECMA|IHO|IALA)(?P<sep>[\s-])")
LANG_RE = re.compile(r"\s?\((?:\d{4}, )?(?P<l>[EFSR])\)$")
_BODY = {"CIE": "CIE", "OIML": "OIML", "ECMA": "ECMA", "IHO": "IHO", "IALA": "IALA"}


def parse(s: str) -> Identifier:
    m = CAT_RE.match(s)
    if m:
        pub = m.group("pub")
        sep = m.group("sep")
        return generic.verbatim(
            _BODY[pub], pub, (sep if sep == "-" else "") + s[m.end() :], s, m.end()
        )
    m = BIPM_LEAD_RE.match(s)
    if m:
        return generic.verbatim("BIPM", m.group("pub"), s[m.end() :], s, m.end())
    raise ParseError(s, 0, "a catalogue publisher (CIE, BIPM, OIML, ECMA, IHO, IALA)")


def render(ident: Identifier, profile: str = "default") -> str:
    extra = ident.extra or ""
    if extra.startswith("-"):
        return f"{ident.publisher}{extra}"
    return generic.render_verbatim(ident)
