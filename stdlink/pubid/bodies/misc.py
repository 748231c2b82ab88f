"""Smaller grammars: ETSI, CCSDS, GOST, ASTM.

ETSI   ``ETSI <deliverable> nnn nnn[-p[-s]][/A1|/C1] (Vx.y.z|ed.n) (yyyy-mm)`` — the GSM token
       in old GTS references is dropped (v1 convention); ISG prefixes (``NFV-SEC``) kept.
CCSDS  ``CCSDS nnn.p-B-i[-S] [Cor. n] [- French Translated]`` — book colour letter is the type.
GOST   ``ГОСТ [Р] [ИСО/МЭК…] nnnn[.p]-yy(yy)[/ISO …| (ISO …)]`` — Cyrillic to Latin on output,
       identical adoptions after "/", modified adoptions in brackets (both kept as relations).
ASTM   ``ASTM [ISO/ASTM] Lnnnn[/LnnnnM]-yy[(yyyy)][eN]`` plus manuals, data series, adjuncts and
       research reports, whose designations are kept verbatim.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement
from . import generic

# ---------------------------------------------------------------------------------------------
ETSI_RE = re.compile(
    r"^ETSI (?P<type>[A-Z][A-Za-z-]*)(?: GSM)? (?P<isg>[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)? )?"
    r"(?P<number>\d+(?:[ .]\d+)?)(?:-(?P<part>\d+(?:-\d+)*))?"
    r"(?P<supp>(?:/[AC]\d+)*)"
    r"(?: (?P<ver>V\d+\.\d+\.\d+|ed\.\d+))?(?: \((?P<year>\d{4})-(?P<month>\d\d)\))?$"
)


def parse_etsi(s: str) -> Identifier:
    m = ETSI_RE.match(s)
    if not m:
        if s.startswith("ETSI "):
            return generic.verbatim("ETSI", "ETSI", s[5:], s, 5)
        raise ParseError(s, 0, "'ETSI <deliverable> <number> V<x.y.z> (<yyyy-mm>)'", "ETSI")
    supps = tuple(
        Supplement(type={"A": "amd", "C": "cor"}[x[0]], number=x[1:])
        for x in m.group("supp").split("/")[1:]
    )
    return Identifier(
        body="ETSI",
        publisher="ETSI",
        type=m.group("type").lower(),
        series=(m.group("isg") or "").strip() or None,
        number=m.group("number"),
        part=m.group("part"),
        version=m.group("ver"),
        year=m.group("year"),
        month=m.group("month"),
        supplements=supps,
        raw=s,
    )


def render_etsi(i: Identifier, profile: str = "default") -> str:
    if i.type == "verbatim":
        return generic.render_verbatim(i)
    out = f"ETSI {i.type.upper() if i.type != 'i-ets' else 'I-ETS'} "
    if i.series:
        out += i.series + " "
    out += i.number + (f"-{i.part}" if i.part else "")
    for sup in i.supplements:
        out += "/" + {"amd": "A", "cor": "C"}[sup.type] + (sup.number or "")
    if i.version:
        out += " " + i.version
    if i.year:
        out += f" ({i.year}-{i.month})"
    return out


# ---------------------------------------------------------------------------------------------
CCSDS_RE = re.compile(
    # the secretariat's own procedures have a letter before the number ("CCSDS A02.1-Y-4")
    r"^CCSDS (?P<number>[A-Z]?\d+)(?:\.(?P<part>\d+))?-(?P<type>[BGMYOR])(?:-(?P<ed>\d+))?"
    r"(?P<s>-S)?(?: Cor\. (?P<cor>\d+))?(?P<tr> - [A-Z][a-z]+ Translated)?$"
)


def parse_ccsds(s: str) -> Identifier:
    m = CCSDS_RE.match(s)
    if not m:
        if s.startswith("CCSDS "):
            return generic.verbatim("CCSDS", "CCSDS", s[6:], s, 6)
        raise ParseError(s, 0, "'CCSDS nnn.p-B-i'", "CCSDS")
    supps = (Supplement(type="cor", number=m.group("cor")),) if m.group("cor") else ()
    flags = tuple(x for x in ("historic" if m.group("s") else None,) if x)
    return Identifier(
        body="CCSDS",
        publisher="CCSDS",
        number=m.group("number"),
        part=m.group("part"),
        type=m.group("type"),
        edition=m.group("ed"),
        supplements=supps,
        flags=flags,
        extra=m.group("tr"),
        raw=s,
    )


def render_ccsds(i: Identifier, profile: str = "default") -> str:
    if i.type == "verbatim":
        return generic.render_verbatim(i)
    out = f"CCSDS {i.number}" + (f".{i.part}" if i.part else "") + f"-{i.type}"
    if i.edition:
        out += "-" + i.edition
    if "historic" in i.flags:
        out += "-S"
    for sup in i.supplements:
        out += f" Cor. {sup.number}"
    if i.extra:
        out += i.extra
    return out


# ---------------------------------------------------------------------------------------------
_CYR = {
    "ГОСТ": "GOST",
    "Р": "R",
    "ИСО": "ISO",
    "МЭК": "IEC",
    "ТО": "TR",
    "ТС": "TS",
    "ТУ": "TS",
    "МФС": "ISP",
    "ЕН": "EN",
    "СИСПР": "CISPR",
}
_CYR_RE = re.compile(r"ГОСТ|ИСО|МЭК|МФС|СИСПР|ТО|ТС|ТУ|ЕН|(?<=ГОСТ )Р|(?<=GOST )Р")
# a reference in the Soviet-era style inside the brackets: "ИСО 4136-89", "ИСО 3534.1-93"
# (an ISO/IEC number of the time, at most four digits, then a two-digit year after "-");
# kept as written, with its year read.  Later references carry ":yyyy" and are parsed.
_GOST_OLD_REF_RE = re.compile(
    r"^(?P<pub>ISO/IEC|ISO|IEC|CISPR|EN)(?:/(?:TR|TS))? (?P<n>\d{1,4})(?:[.-]\d+)*-(?P<yy>\d\d)$"
)


def _gost_member(text: str) -> Identifier:
    from . import dispatch

    o = _GOST_OLD_REF_RE.match(text)
    if o:
        yy = int(o.group("yy"))
        return Identifier(
            body="GOST",
            publisher=None,
            type="verbatim",
            number=o.group("n"),
            year=str((1900 if yy > 30 else 2000) + yy),
            extra=text,
            raw=text,
        )
    return dispatch(text, None)


GOST_RE = re.compile(
    r"^GOST(?P<r> R)?(?: (?P<adopt>(?:ISO/IEC|ISO|IEC|EN)(?:[/ ](?:TR|TS|ISP))?))? "
    r"(?P<number>\d+(?:\.\d+)*)(?:-(?P<part>\d+(?:-\d+)*?))??(?:\s?-\s?(?P<year>\d{4}|\d{2}))?"
    r"(?P<tail>(?:/| \().*)?$"
)


def parse_gost(s: str) -> Identifier:
    t = _CYR_RE.sub(lambda m: _CYR[m.group(0)], s)
    m = GOST_RE.match(t)
    if not m:
        raise ParseError(s, 5, "'ГОСТ [Р] nnnn-yyyy'", "GOST")
    adopted: tuple[Identifier, ...] = ()
    tail = m.group("tail")
    degree = None
    if tail:
        inner = tail[1:] if tail.startswith("/") else tail[2:-1]
        if not tail.startswith("/") and not tail.endswith(")"):
            raise ParseError(s, len(s), "')'", "GOST")
        # "(ISO 19650-1:2018, MOD)": the degree of correspondence (GOST 1.5) closes the list
        d = re.search(r",\s*(IDT|MOD|NEQ|EQV)$", inner)
        if d:
            degree, inner = d.group(1), inner[: d.start()]
        adopted = tuple(_gost_member(x.strip()) for x in inner.split(", "))
    return Identifier(
        body="GOST",
        publisher="GOST R" if m.group("r") else "GOST",
        number=m.group("number"),
        part=m.group("part"),
        year=m.group("year"),
        adopted=adopted,
        adoption=("IDT" if tail and tail.startswith("/") else "MOD") if tail else None,
        flags=(f"degree={degree}",) if degree else (),
        series=m.group("adopt"),
        raw=s,
    )


def render_gost(i: Identifier, profile: str = "default") -> str:
    from ..render import render

    out = i.publisher or "GOST"
    if i.series:
        out += " " + i.series
    out += " " + i.number + (f"-{i.part}" if i.part else "") + (f"-{i.year}" if i.year else "")
    if i.adopted:
        inner = ", ".join(a.extra or "" if a.type == "verbatim" else render(a) for a in i.adopted)
        deg = next((f[7:] for f in i.flags if f.startswith("degree=")), None)
        if deg:
            inner += ", " + deg
        out += ("/" + inner) if i.adoption == "IDT" else f" ({inner})"
    return out


# ---------------------------------------------------------------------------------------------
ASTM_RE = re.compile(
    r"^(?:(?P<pub>ASTM|ISO/ASTM) )?(?P<letter>[A-Z])?(?P<number>\d+)(?P<dual>/[A-Z]?\d+M)?"
    r"(?:-(?P<year>\d{2}[a-z]?))?(?:\((?P<reap>\d{4})\))?(?:e(?P<ed>\d+))?$"
)


_ASTM_NUM_RE = re.compile(r"(?:MNL|MONO|DS|STP|JAI|ADJ[A-Z]?)(\d+)|RR:[A-Z]\d+-(\d+)")


def parse_astm(s: str) -> Identifier:
    m = ASTM_RE.match(s)
    if not m:
        if s.startswith("ASTM "):
            ident = generic.verbatim("ASTM", "ASTM", s[5:], s, 5)
            n = _ASTM_NUM_RE.match(s, 5)
            if n:
                from dataclasses import replace

                ident = replace(ident, number=n.group(1) or n.group(2), year=None)
            return ident
        if s.startswith("ADJ"):
            return generic.verbatim("ASTM", None, s, s, 0)
        raise ParseError(s, 0, "'ASTM Lnnnn-yy'", "ASTM")
    y = m.group("year")
    year = None
    flags: tuple[str, ...] = ()
    if y:
        yy = int(y[:2])
        year = str((2000 if yy < 50 else 1900) + yy)
        if y[2:]:
            # "D2148-22a": the second revision of 2022; the year stays a year, the letter
            # tells the revisions of that year apart (and so stays in the edition key)
            flags = ("yrev=" + y[2:],)
    return Identifier(
        body="ASTM",
        publisher=m.group("pub") or "ASTM",
        series=m.group("letter"),
        number=m.group("number"),
        year=year,
        extra=m.group("dual"),
        revision=m.group("reap"),
        edition=m.group("ed"),
        flags=flags,
        raw=s,
    )


def render_astm(i: Identifier, profile: str = "default") -> str:
    if i.type == "verbatim":
        return generic.render_verbatim(i)
    out = f"{i.publisher} {i.series or ''}{i.number}{i.extra or ''}"
    if i.year:
        out += "-" + i.year[2:]
        out += next((f[5:] for f in i.flags if f.startswith("yrev=")), "")
    if i.revision:
        out += f"({i.revision})"
    if i.edition:
        out += f"e{i.edition}"
    return out
