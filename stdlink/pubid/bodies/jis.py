"""JIS (Japanese Industrial Standards): ``JIS [TR|TS] X nnnn[-p]:yyyy[/AMD n:yyyy]``.

The division letter (A–Z) is a series, not part of the number.  Glued forms (``JISX0208``,
``TS Z0030-1``), ``AMENDMENT``/``CORR`` spellings and the Japanese "all parts" marker
（規格群）are repaired; ``SYMBOL n`` sheets and ``/EXPL`` explanations are supplements.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement

JIS_RE = re.compile(
    r"^(?:(?P<pub>JIS)[\s/]?)?(?:(?P<type>TR|TS)\s?)?(?P<series>[A-Z])\s?(?P<number>\d{4,5}[A-Z]?)"
    # before 2000 JIS wrote the year after a hyphen ("JIS X 0208-1990"): a final four-digit
    # 19xx/20xx is that year, not a part, and is rendered ":yyyy" as ISO's legacy "-yyyy" is
    r"(?:-(?!(?:19|20)\d\d(?:$|[/ (]))(?P<part>\d+)"
    r"(?:-(?!(?:19|20)\d\d(?:$|[/ (]))(?P<sub>\d+(?:-(?!(?:19|20)\d\d(?:$|[/ (]))\d+)*))?)?"
    r"(?::(?P<year>\d{4})|-(?P<lyear>(?:19|20)\d\d)(?=$|[/ (]))?"
    # a reaffirmation mark after the year ("JIS B 0031:2003R", "(R2018)") is kept as written
    r"(?P<reaff>R(?=$|[/ (])|\s?\(R\s?\d{4}\))?"
)
SUPP_RE = re.compile(
    r"\s?/\s?(?P<tok>AMD|AMENDMENT|CORRIGENDUM|CORR|COR|EXPLANATION|EXPL|ERRATUM)\.?\s?(?P<num>\d+)?"
    r"(?::(?P<year>\d{4})(?P<reaff>R(?=$|[/ (]))?)?"
)
# sheets of symbol standards: "SYMBOL 61900", "SYMBOL JD110", "SYMBOL Washing process" (the
# JIS catalogue names some symbol sets instead of numbering them; kept as written)
SYMBOL_RE = re.compile(
    r"\s(?:(?P<tok>SYMBOL|AMENDMENT|AMD)\s(?P<num>\d+)"
    r"|(?P<stok>SYMBOL)\s(?P<snum>[A-Z]{1,3}\d+|[A-Z][A-Za-z]*(?: [A-Za-z]+)*$))"
    r"(?::(?P<year>\d{4}))?"
)
LANG_RE = re.compile(r"\s?\((?P<l>[EJ])\)")
_SUPP = {
    "AMD": "amd",
    "AMENDMENT": "amd",
    "CORRIGENDUM": "cor",
    "CORR": "cor",
    "COR": "cor",
    "EXPL": "expl",
    "EXPLANATION": "expl",
    "ERRATUM": "errata",
    "SYMBOL": "symbol",
}
_RENDER = {
    "amd": "AMD",
    "cor": "CORRIGENDUM",
    "expl": "EXPL",
    "errata": "ERRATUM",
    "symbol": "SYMBOL",
}


def parse(s: str) -> Identifier:
    m = JIS_RE.match(s)
    if not m:
        raise ParseError(
            s, 4 if s.startswith("JIS") else 0, "a division letter and number (JIS X 0208)", "JIS"
        )
    pos = m.end()
    supps = []
    langs: tuple[str, ...] = ()
    all_parts = False
    while pos < len(s):
        sm = SUPP_RE.match(s, pos) or SYMBOL_RE.match(s, pos)
        if sm:
            t = _SUPP[sm.group("tok") or sm.groupdict().get("stok")]
            supps.append(
                Supplement(
                    type=t,
                    number=sm.group("num") or sm.groupdict().get("snum"),
                    year=sm.group("year"),
                    label="space"
                    if sm.re is SYMBOL_RE
                    else ("reaff" if sm.groupdict().get("reaff") else None),
                )
            )
            pos = sm.end()
            continue
        lm = LANG_RE.match(s, pos)
        if lm:
            langs = ({"E": "en", "J": "ja"}[lm.group("l")],)
            pos = lm.end()
            continue
        if s.startswith(" (all parts)", pos):
            all_parts = True
            pos += 12
            continue
        raise ParseError(s, pos, "'/AMD n:yyyy', '/CORRIGENDUM n:yyyy', '/EXPL' or the end", "JIS")
    return Identifier(
        body="JIS",
        publisher="JIS",
        type=(m.group("type") or "").lower() or None,
        series=m.group("series"),
        number=m.group("number"),
        part=m.group("part"),
        subpart=m.group("sub"),
        year=m.group("year") or m.group("lyear"),
        extra=m.group("reaff") or None,
        supplements=tuple(supps),
        languages=langs,
        all_parts=all_parts,
        raw=s,
    )


def render(ident: Identifier, profile: str = "default") -> str:
    out = "JIS " if profile != "no_publisher" else ""
    if ident.type:
        out += ident.type.upper() + " "
    out += f"{ident.series} {ident.number}"
    if ident.part:
        out += "-" + ident.part
        if ident.subpart:
            out += "-" + ident.subpart
    if ident.year:
        out += ":" + ident.year
    if ident.extra:
        out += ident.extra
    for sup in ident.supplements:
        tok = _RENDER.get(sup.type, sup.type.upper())
        out += (" " if sup.label == "space" else "/") + tok
        if sup.number:
            out += " " + sup.number
        if sup.year:
            out += ":" + sup.year
        if sup.label == "reaff":  # reaffirmation mark after the amendment year, as written
            out += "R"
    if ident.languages:
        out += "(" + ident.languages[0][0].upper() + ")"
    if ident.all_parts:
        out += "（規格群）"
    return out
