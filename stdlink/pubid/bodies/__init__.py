"""One module per body grammar; dispatch on the leading token.

``RENDERERS`` maps a neutral body code to its renderer; ``dispatch`` picks the grammar from
the first word so that one call normally runs one grammar.
"""

from __future__ import annotations

import re

from ..cn_codes import NATIONAL, SECTOR
from ..model import Identifier, ParseError
from . import bsi, catalogue, cen, cn, ieee, iso, itu, jis, misc, national, nist

RENDERERS = {
    "ISO": iso.render,
    "IEC": iso.render,
    "CN": cn.render,
    "ITU": itu.render,
    "JIS": jis.render,
    "CEN": cen.render,
    "BSI": bsi.render,
    "ETSI": misc.render_etsi,
    "CCSDS": misc.render_ccsds,
    "GOST": misc.render_gost,
    "ASTM": misc.render_astm,
    "IEEE": ieee.render,
    "NIST": nist.render,
    "NATIONAL": national.render,
}
for _b in ("CIE", "BIPM", "OIML", "ECMA", "IHO", "IALA"):
    RENDERERS[_b] = catalogue.render

_ISO_LEADS = {
    "ISO",
    "IEC",
    "CISPR",
    "IWA",
    "IECEE",
    "IECEX",
    "IECQ",
    "IECRE",
    "FPRISO",
    "PRF",
    "NP",
    "WD",
    "CD",
    "DIWA",
    "AWI",
    "PWI",
    "PNW",
    "ANW",
    "GUIDE",
    "ИСО",
    "МЭК",
    "РУКОВОДСТВО",
    "РУКОВОДСТВА",
    "FDIS",
    "DIS",
    "JTC",
    "OECD",
    "IDF",
    "SAE",
}
LEADS: dict[str, object] = {k: iso.parse for k in _ISO_LEADS}
LEADS.update({"JIS": jis.parse, "JISTR": jis.parse})
LEADS.update({k: nist.parse for k in ("NIST", "NBS", "NISTIR", "FIPS", "NSRDS")})
LEADS.update(
    {k: ieee.parse for k in ("IEEE", "ANSI", "AIEE", "IRE", "ASA", "USAS", "NESC", "NACE", "STD")}
)
LEADS.update(
    {
        "ETSI": misc.parse_etsi,
        "CCSDS": misc.parse_ccsds,
        "ГОСТ": misc.parse_gost,
        "GOST": misc.parse_gost,
        "ASTM": misc.parse_astm,
        "ADJ": misc.parse_astm,
    }
)
LEADS.update(
    {
        k: cen.parse
        for k in ("EN", "PREN", "FPREN", "ENV", "HD", "CWA", "CEN", "CLC", "CENELEC", "CR")
    }
)
LEADS.update(
    {
        k: bsi.parse
        for k in (
            *("BS", "PD", "PAS", "DD", "BSI", "FLEX", "NA", "DISC", "HANDBOOK", "TS"),
            *("PP", "BIP", "AMD", "DBS", "SUPPLEMENT"),
        )
    }
)
LEADS.update({"ITU": itu.parse, "RECOMMENDATION": itu.parse, "REC": itu.parse})
for _code in list(NATIONAL) + list(SECTOR) + ["DB", "T", "Q"]:
    LEADS.setdefault(_code.upper(), cn.parse)
# national and regional bodies of the table in national.py; shared leads are decided below
_NATIONAL_LEADS = (
    "GSO SASO EAS DEAS FDEAS KS DKS US DUS TZS DTZS RS DRS BIF IS SNI TCVN QCVN TIS MS SS PNS "
    "CNS ДСТУ DSTU СТБ STB СТ ST O OZ ЎЗ NBR ABNT IRAM SANS AS NZS UL DIN NF UNE ES EOS NOM NMX PROY CSA"
).split()
for _code in _NATIONAL_LEADS:
    LEADS.setdefault(_code, national.parse)
# "TS 1:1998" is BSI's (and renders the same either way); "TS EN ..." is Türkiye's
_TS_TR_RE = re.compile(r"^TS (?:EN|ISO|IEC|HD|CISPR)\b")
# "ANSI/UL 1449", "ANSI/ASHRAE 15" are national; "ANSI C37.61", "ANSI/IEEE Std 1" stay IEEE
_ANSI_NAT_RE = re.compile(r"^ANSI/UL\b", re.I)
# Israel's "SI 1001 Part 1" vs BIPM's "SI Brochure"; "E DIN ...", "CAN/CSA-..." drafts/joint
_NAT_MISC_RE = re.compile(r"^(?:SI \d|E DIN |CAN/CSA|มอก)")
# ITU file-name and URL forms and unprefixed Operational Bulletins / Radio Regulations
_SHARED_LEADS = frozenset(
    ("TS", "ANSI", "SI", "E", "CAN", "T", "R", "D", "ITU", "OB", "OPERATIONAL", "RADIO", "ANNEX")
)
_ITU_RE = re.compile(
    r"^(?:ITU[- ])?[TRD]-REC-|^OB[. ]\d|^Operational Bulletin|^Radio Regulations|^Annex to ITU"
)
_LEAD_RE = re.compile(r"[A-Za-zА-Яа-яЁёЎў]+")
_WDOC_RE = iso.WDOC_RE
# ISO/IEC/IEEE documents written the IEEE way ("P24765/D3", "Std 8802-A", "Edition 2.0")
_IEEE_IN_ISO_RE = re.compile(
    r"IEEE (?:Std |Draft |CD |DIS |FDIS )?P\d|/IEEE Std|[ -]Edition \d|"
    r"^[^:]* (?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth) edition"
    r"|IEEE P\d|/IEEE [A-Z]+ P"
)
_IEEE_PROJECT_RE = re.compile(r"P[A-Z]?\d+(?:[.-]\d+)*[a-zA-Z]*(?:-REV[a-z]*)?(?:-\d{4})?/")
_CATALOGUE = {
    "CIE",
    "OIML",
    "ECMA",
    "IHO",
    "IALA",
    "BIPM",
    "CIPM",
    "CGPM",
    "JCRB",
    "JCGM",
    "METROLOGIA",
    "KCDB",
    "CODATA",
}
_BSI_DC_RE = re.compile(r"^\d{2}/\d{5,8} DC$")
_JIS_BARE_RE = re.compile(r"^T[RS] [A-Z] ?\d{4}")


def dispatch(s: str, hint: str | None) -> Identifier:
    if "|" in s:
        # joint publications written "ISO 8262-2 | IDF 124-2:2005" (v2) or "ISO 5537|IDF 26"
        # (v1): both identifiers are kept, and so is the spacing (keys ignore it)
        from dataclasses import replace

        first, bar, second = s.partition("|")
        if not first.strip() or not second.strip():
            raise ParseError(s, s.index("|"), "an identifier on both sides of '|'")
        a, b = dispatch(first.strip(), hint), dispatch(second.strip(), hint)
        joint = " | " if first.endswith(" ") or second.startswith(" ") else "|"
        return replace(a, adopted=a.adopted + (b,), adoption=joint, raw=s)
    m = _LEAD_RE.match(s[1:] if s.startswith("(AMD ") else s)
    lead = m.group(0).upper() if m else ""
    if "/" in s and " " not in s:  # committee documents are written without spaces
        w = _WDOC_RE.match(s)
        if w and (w.group("type") or s[0].isdigit()):
            return iso.parse_wdoc(s, w)
    if not lead or s[0].isdigit():
        if _BSI_DC_RE.match(s):
            return bsi.parse_dc(s)
    fn = LEADS.get(lead)
    if lead in _SHARED_LEADS or not lead:
        # leads shared between bodies: decided by the shape that follows
        if _TS_TR_RE.match(s) or _ANSI_NAT_RE.match(s) or _NAT_MISC_RE.match(s):
            fn = national.parse
        elif _ITU_RE.match(s):
            fn = itu.parse
    if (
        fn is iso.parse
        and (hint == "IEEE" or _IEEE_IN_ISO_RE.search(s))
        and not s.startswith(("IECEE ", "IECEx ", "IECQ ", "IECRE "))
    ):
        fn = ieee.parse
    if fn is None and s.startswith("Draft BS "):
        fn = bsi.parse
    if fn is None and (_IEEE_PROJECT_RE.match(s) or "NESC" in s or "Safety Code" in s):
        fn = ieee.parse  # "P802-REV/D2.0", "Draft NESC(R), June 2011", "C2-1997 National …"
    if fn is None and (lead.startswith("CC") or lead in _CATALOGUE):
        fn = catalogue.parse
    if lead in ("TR", "TS") and (hint == "JIS" or _JIS_BARE_RE.match(s)):
        fn = jis.parse
    if fn is None and lead:
        for cut in range(len(lead) - 1, 1, -1):  # glued "ISO9001", "GB18352"
            fn = LEADS.get(lead[:cut])
            if fn is not None:
                break
    if fn is None:
        raise ParseError(s, 0, "a known publisher (ISO, IEC, GB, JIS, ITU-T ...)")
    try:
        return fn(s)  # type: ignore[operator]
    except ParseError:
        # ISO/IEC/IEEE documents catalogued the IEEE way ("ISO/IEC/IEEE 8802.1Q/Amd1-2016")
        if fn is iso.parse and "IEEE" in s:
            return ieee.parse(s)
        raise
