"""Chinese standard codes: national (GB, GB/T, GB/Z ...), sector (QB/T, JB/T ...), local
(DBnn, DBnn/T), group (T/ORG) and enterprise (Q/ORG), with 修改单 (``/XGn-yyyy``).

Grammar (identifiers-reference.md §6)::

    code [/T|/Z] [␠] number[.part...] [(all parts)] [-yyyy] {/XGn-yyyy}

The em dash of official typesetting is folded to "-" by the repairs; the separator is not
stored (both spellings are the same identifier).  Sector codes come from the closed table in
``cn_codes`` so that an unknown two-letter code is rejected with its position, not guessed.
"""

from __future__ import annotations

import re

from ..cn_codes import NATIONAL, REGIONS, SECTOR
from ..model import Identifier, ParseError, Supplement

_SECTOR_ALT = "|".join(sorted(SECTOR, key=len, reverse=True))
_NATIONAL_ALT = "|".join(sorted(NATIONAL, key=len, reverse=True))
_INTL = r"(?:ISO|IEC|ITU|EN|IEEE|ASTM|CISPR|OIML|CAC|IWA)\b[^()]*"
_INTL_B = r"(?:ISO|IEC|ITU|EN|IEEE|ASTM|CISPR|OIML|CAC|IWA)\b[^(),]*(?:\([^()]*\)[^(),]*)?"
CN_RE = re.compile(
    rf"^(?:(?P<nat_code>{_NATIONAL_ALT})|(?P<local>DB(?P<region>\d{{2}}(?:\d{{2}})?))"
    rf"|(?P<group>[TQ])/\s?(?P<org>[A-Z][A-Z0-9]*?[A-Z]?)|(?P<sector>{_SECTOR_ALT}))"
    r"(?:/(?P<nature>T|Z)|(?P<slash>/))?\s?"
    r"(?P<number>\d+[A-Z]?)(?:\.(?P<part>\d+(?:\.\d+)*))?"
    r"(?P<all>\s?\(all parts\))?"
    r"(?:\s?-\s?(?P<year>\d{4}|\d{2}))?"
    r"(?P<xg>(?:\s?/\s?XG\d+(?:\s?-\s?\d{4})?)*)"
    # the adopted international document, as covers and adoption statements write it:
    # "GB/T 19001-2016/ISO 9001:2015" (identical), "… (ISO 9001:2015, MOD)"
    r"(?:\s?/\s?(?P<adopt>" + _INTL + r")|\s?\((?P<badopt>" + _INTL_B + r")"
    r"(?:\s?,\s?(?P<deg>IDT|MOD|NEQ|EQV|idt|mod|neq|eqv))?\))?$"
)
XG_RE = re.compile(r"XG(\d+)(?:\s?-\s?(\d{4}))?")
LEAD_RE = re.compile(r"^(?:[A-Z]{1,4}(?:\d{2,4})?|[TQ])")


def parse(s: str) -> Identifier:
    m = CN_RE.match(s)
    if m is None:
        raise _error(s)
    g = m.group
    nature = g("nature")
    if g("nat_code"):
        code = g("nat_code")
        scope, prefix, issuer, publisher = "national", code, code, code
    elif g("local"):
        region = g("region")
        if region[:2] not in REGIONS:
            raise ParseError(s, 2, f"a region code ({', '.join(sorted(REGIONS)[:4])} ...)", "CN")
        scope, prefix, issuer, publisher = "local", "DB", region, "DB" + region
    elif g("group"):
        org = g("org")
        prefix = g("group")
        scope = "social-group" if prefix == "T" else "enterprise"
        issuer, publisher = org, f"{prefix}/{org}"
        if nature:
            raise ParseError(s, m.start("nature"), "a number (no /T or /Z after T/ or Q/)", "CN")
    else:
        code = g("sector")
        scope, prefix, issuer, publisher = "sector", code, code, code
    if scope in ("social-group", "enterprise"):
        nat = None
    else:
        nat = nature or "mandatory"
    supps = tuple(
        Supplement(type="xg", number=x.group(1), year=x.group(2))
        for x in XG_RE.finditer(g("xg") or "")
    )
    adopted: tuple[Identifier, ...] = ()
    adoption = None
    if g("adopt") or g("badopt"):
        from . import dispatch

        text = (g("adopt") or g("badopt")).strip()
        try:
            adopted = (dispatch(text, None),)
        except ParseError:
            raise ParseError(
                s,
                m.start("adopt") if g("adopt") else m.start("badopt"),
                "an adopted identifier (ISO 9001:2015 …)",
                "CN",
            ) from None
        adoption = "IDT-slash" if g("adopt") else (g("deg") or "bracket").upper()
        if adoption == "BRACKET":
            adoption = "bracket"
    return Identifier(
        body="CN",
        publisher=publisher,
        number=g("number"),
        part=g("part"),
        year=g("year"),
        all_parts=bool(g("all")),
        supplements=supps,
        scope=scope,
        prefix=prefix,
        issuer=issuer,
        nature=nat,
        flags=("slash",) if g("slash") else (),
        adopted=adopted,
        adoption=adoption,
        raw=s,
    )


def _error(s: str) -> ParseError:
    """Locate the failure: unknown code, missing number, malformed year."""
    head = re.match(r"^(?:[TQ]/[A-Z0-9]+|DB\d*|[A-Za-z]+)(?:/[TZ]?)?\s?", s)
    if head is None:
        return ParseError(s, 0, "a Chinese standard code (GB, GB/T, QB/T, DB33/T, T/…, Q/…)", "CN")
    code = re.match(r"[A-Za-z]+", s)
    c = code.group(0) if code else ""
    if not (c in NATIONAL or c in SECTOR or c.startswith("DB") or s[:2] in ("T/", "Q/")):
        return ParseError(s, 0, "a known national or sector code (GB, QB, JB, YY ...)", "CN")
    pos = head.end()
    if pos >= len(s) or not s[pos].isdigit():
        return ParseError(s, pos, "a standard number", "CN")
    m = re.match(r"\d+[A-Z]?(?:\.\d+)*", s[pos:])
    pos += m.end() if m else 0
    return ParseError(s, pos, "'-yyyy' (year), '/XGn-yyyy' or the end", "CN")


def render(ident: Identifier, profile: str = "default") -> str:
    out = ident.publisher or ""
    if ident.nature in ("T", "Z"):
        out += "/" + ident.nature
    elif "slash" in ident.flags:
        out += "/"
    out += " " + ident.number
    if ident.part:
        out += "." + ident.part
    if ident.all_parts:
        out += " (all parts)"
    if ident.year:
        out += "-" + ident.year
    for sup in ident.supplements:
        out += f"/XG{sup.number}" + (f"-{sup.year}" if sup.year else "")
    if ident.adopted:
        from ..render import render as render_any

        inner = render_any(ident.adopted[0])
        if ident.adoption == "IDT-slash":
            out += "/" + inner
        elif ident.adoption in ("IDT", "MOD", "NEQ", "EQV"):
            out += f" ({inner}, {ident.adoption})"
        else:
            out += f" ({inner})"
    return out
