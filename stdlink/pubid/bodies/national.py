"""National and regional bodies met in TBT notifications and Belt and Road trade: one table.

Most national standards bodies write their designations the same way:

    [draft] PUBLISHER [adoption prefix] [series letter] NUMBER[-PART...] [sep YEAR[-MM]]
        {+A1:yyyy | /Amd 1:yyyy ...} [Ed. n] [(ADOPTED, IDT) | /ADOPTED]

and differ only in a handful of conventions: the separator before the year (":" in SNI,
TCVN, MS, KS; "-" in СТБ, ST RK, TIS, NOM; "/" in Egypt's ES), how an adopted international
document is prefixed ("SNI ISO 9001", "IRAM-ISO 9001", "UNE-EN ISO 9001", "IS/ISO 9001",
"KS C IEC 60335-1", "DIN EN ISO 9001"), whether a series letter precedes the number
(Korea's KS, JIS-like) and whether dotted numbers are parts ("AS/NZS 60335.2.24").  These
conventions are the columns of ``BODIES``; one grammar reads them all.  Two families whose
structure genuinely differs have their own small rule: Mexico's NOM/NMX
(``NOM-003-SCFI-2014``, ``NMX-J-521/1-ANCE-2012``) and CSA (``CSA C22.2 No. 60335-1:16``).

Rules that hold for every row (and are what the tests check):

- separators, spacing and case of the publisher are repaired ("sni8211 : 2016" →
  "SNI 8211:2016"); the year separator is kept as written when it is one the body uses
  (ДСТУ changed from "-" to ":" in 2015, GSO documents are cited with both), so a canonical
  form is never rewritten into a form its body does not use; it is recorded as a style flag
  that no key sees, so both spellings share their keys;
- Cyrillic and Thai publishers are transliterated to the Latin form the body uses in English
  (ДСТУ → DSTU, СТБ → STB, СТ РК → ST RK, Ўз ДСт → O'z DSt, มอก. → TIS), as GOST is
  (pubid-gost: Cyrillic → Latin on output); adopted ИСО/МЭК/ЕН become ISO/IEC/EN;
- an adoption prefix becomes ``prefix`` and an ``adopted`` identifier (the international
  document, undated, parsed by its own grammar) so that "SASO GSO 2530:2021" can be resolved
  through "GSO 2530"; an adopted document stated after "/" or in brackets is parsed in full,
  with the degree of correspondence (IDT, MOD, NEQ) as ``adoption``;
- a draft marker ("DEAS", "DUS", "E DIN", "PROY-NOM") is the stage: dropped from the work
  key, so "DEAS 126:2021" and "EAS 126:2021" name the same work;
- Thai years are Buddhist-era years and stay as written (the input does not say more).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Identifier, ParseError, Supplement


@dataclass(frozen=True, slots=True)
class Body:
    code: str  # the publisher as rendered
    country: str  # ISO 3166-1 alpha-2 (or a region: EAC, GCC)
    aliases: tuple[str, ...] = ()  # other spellings (matched case-insensitively)
    year_sep: str = ":"  # canonical separator before the year
    year_seps: str = ":"  # separators the body uses (kept as written)
    adopt_sep: str = " "  # between publisher and adoption prefix ("IRAM-ISO", "IS/ISO")
    series: bool = False  # a series letter before the number ("KS C 9806")
    dot_part: bool = False  # dotted numbers are parts ("AS 1170.4")
    drafts: tuple[str, ...] = ()  # draft forms of the publisher ("DEAS")
    month: bool = False  # the year carries a month ("DIN 1988-200:2012-05")
    scope: str = "national"


# One row per publisher.  Sources: the bodies' catalogues and style rules (BIS "IS 302
# (Part 1):2008", BSN "SNI ISO 9001:2015", STAMEQ "TCVN 7447-5-52:2010", KATS "KS C IEC
# 60335-1", ABNT "ABNT NBR ISO 9001:2015", DIN "DIN EN ISO 9001:2015-11", UNE "UNE-EN ISO
# 9001:2015", IRAM "IRAM-ISO 9001:2015", EAC "EAS 126:2021" / "DEAS 126:2021", ...).
BODIES: tuple[Body, ...] = (
    Body("GSO", "GCC", year_seps=":/", scope="regional"),
    Body("SASO", "SA", year_seps=":/"),
    Body("EAS", "EAC", drafts=("DEAS", "FDEAS"), scope="regional"),
    Body("KS", "KE", drafts=("DKS",)),  # Kenya; "KS <letter> ..." is Korea (see _korea)
    Body("US", "UG", drafts=("DUS",)),
    Body("TZS", "TZ", drafts=("DTZS",)),
    Body("RS", "RW", drafts=("DRS",)),
    Body("BIF", "BI"),
    Body("IS", "IN", year_seps=":-", adopt_sep="/"),
    Body("SNI", "ID", year_seps=":-"),
    Body("TCVN", "VN", year_seps=":-"),
    Body("QCVN", "VN", year_seps=":-"),
    Body("TIS", "TH", aliases=("มอก.", "มอก"), year_sep="-", year_seps="-:"),
    Body("MS", "MY", year_seps=":-"),
    Body("SS", "SG", year_seps=":-"),
    Body("PNS", "PH", year_seps=":-"),
    Body("CNS", "TW", year_seps=":-"),
    Body("DSTU", "UA", aliases=("ДСТУ",), year_seps=":-"),
    Body("STB", "BY", aliases=("СТБ",), year_sep="-", year_seps="-:"),
    Body("ST RK", "KZ", aliases=("СТ РК", "СТ RK", "ST РК"), year_sep="-", year_seps="-:"),
    Body(
        "O'z DSt",
        "UZ",
        aliases=("O‘z DSt", "Oʻz DSt", "O’z DSt", "Oz DSt", "O'zDSt", "Ўз ДСт", "O`z DSt"),
        year_seps=":-",
    ),
    Body("NBR", "BR", aliases=("ABNT NBR",), year_seps=":-"),
    Body("IRAM", "AR", adopt_sep="-", year_seps=":-"),
    Body("SANS", "ZA", year_seps=":-"),
    Body("AS", "AU", dot_part=True, year_seps=":-"),
    Body("NZS", "NZ", dot_part=True, year_seps=":-"),
    Body("UL", "US", year_sep="-", year_seps="-:"),
    Body("DIN", "DE", month=True, drafts=("E DIN",), year_seps=":-"),
    Body("NF", "FR", year_seps=":-"),
    Body("UNE", "ES", adopt_sep="-", year_seps=":-"),
    Body("SI", "IL", year_seps=":-"),
    Body("TS", "TR", year_seps=":-"),
    Body("ES", "EG", aliases=("EOS",), year_sep="/", year_seps="/:-"),
)
BY_CODE = {b.code: b for b in BODIES}
# co-publisher pairs written with "/" ("AS/NZS", "ANSI/UL", "CAN/CSA")
JOINT = {"AS/NZS": ("AS", ("NZS",)), "ANSI/UL": ("UL", ()), "UL/ANSI": ("UL", ())}

# adoption prefixes, longest first; Cyrillic spellings fold to Latin
ADOPT = (
    "EN ISO/IEC",
    "EN ISO",
    "EN IEC",
    "ISO/IEC/IEEE",
    "ISO/IEC",
    "ISO/ASTM",
    "IEC/IEEE",
    "ISO",
    "IEC",
    "EN",
    "HD",
    "CEN/TS",
    "CEN/TR",
    "CLC/TS",
    "CLC/TR",
    "CEN ISO/TS",
    "CISPR",
    "GSO",
    "EAS",
    "IEEE",
    "ASTM",
    "CAC",
    "CXS",
    "OIML",
    "NM",
    "GOST R",
    "GOST",
    "ISP",
    "VDE",
    "SPEC",
)
_ADOPT_TYPES = ("TR", "TS", "PAS", "Guide", "GUIDE", "SPEC", "ISP")
_CYR_ADOPT = {"ИСО": "ISO", "МЭК": "IEC", "ЕН": "EN", "ГОСТ": "GOST", "ТО": "TR", "ТС": "TS"}
_CYR_ADOPT_RE = re.compile(r"(?<![А-Яа-я])(?:ГОСТ Р|ИСО|МЭК|ЕН|ГОСТ|ТО|ТС)(?![А-Яа-я])")

_alias = {}
for _b in BODIES:
    _alias[_b.code.upper()] = (_b, None)
    for _a in _b.aliases:
        _alias[_a.upper()] = (_b, None)
    for _d in _b.drafts:
        _alias[_d.upper()] = (_b, _d)
for _j in JOINT:
    _alias[_j] = (BY_CODE[JOINT[_j][0]], None)
_alias["ABNT NBR"] = (BY_CODE["NBR"], None)
_LEAD_RE = re.compile(
    r"^(?P<pub>" + "|".join(re.escape(a) for a in sorted(_alias, key=len, reverse=True)) + r")"
    r"(?:/(?!(?:ISO|IEC|EN|CISPR|GSO|EAS)\b)(?P<sub>[A-Z]{2,6})(?=[\s\d]))?"  # "PNS/BAFS 183:2016"
    r"(?P<sep>\s*[-/]\s*|\s+|(?=\d))",
    re.I,
)
_ADOPT_RE = re.compile(
    r"(?P<adopt>"
    + "|".join(re.escape(a) for a in ADOPT)
    + r")(?:(?P<tsep>[ /])(?P<atype>"
    + "|".join(_ADOPT_TYPES)
    + r"))?(?=[\s\d])\s*"
)
_SERIES_RE = re.compile(r"(?P<series>[A-Z])\s+(?=\d|[A-Z]{2,})")
_NUM = r"[A-Z]?\d+[A-Z]?"
_YEAR = r"(?:1[89]|20|25)\d\d"
TAIL_RE = re.compile(
    r"(?P<type>(?:TR|TS|SPEC|PAS)\s+)?"
    rf"(?P<number>{_NUM}(?:\.\d+[A-Z]?)*)"
    rf"(?P<parts>(?:-(?!{_YEAR}(?:[^\d.]|$))[A-Z]{{0,3}}\d*[A-Z]?(?:\.\d+)*(?<!-))*)"
    r"(?:\s*\(\s*Part\s*(?P<ppart>\d+[A-Z]?)(?:\s*/\s*Sec(?:tion)?\.?\s*(?P<psec>\d+))?\s*\))?"
    r"(?:\s+[Pp]art\s+(?P<wpart>\d+(?:\.\d+)*))?"
    rf"(?:(?P<ysep>\s*[:/]\s*|-)(?P<year>{_YEAR})(?:-(?P<month>\d\d)(?!\d))?)?"
)
SUPP_RE = re.compile(
    r"\s*(?P<sep>[+/])\s*(?P<tok>AMD|Amd|Amdt|AC|A|COR|Cor|C|Amendment|Corrigendum)\.?"
    rf"\s*(?P<num>\d+)?(?:(?P<ysep>[:-])(?P<year>{_YEAR}))?"
)
ED_RE = re.compile(r"\s*(?P<open>\()?\s*(?:Ed\.|Ed|Edition)\s*(?P<ed>\d+(?:\.\d+)?)\s*(?(open)\))")
BRACKET_RE = re.compile(r"\s*\((?P<inner>[^()]+?)(?:\s*,\s*(?P<deg>IDT|MOD|NEQ|EQV))?\)")
SLASH_RE = re.compile(r"\s*/\s*(?P<inner>(?:ISO|IEC|EN|CISPR|GSO|EAS|HD|ГОСТ|GOST|ИСО|МЭК)\b.+)$")
VDE_RE = re.compile(r"\s*[;,]?\s*(?P<vde>VDE\s+\d[\d-]*(?::\d{4}(?:-\d\d)?)?)$")

_STYLE = "style:"


def _err(s: str, pos: int, expected: str) -> ParseError:
    return ParseError(s, pos, expected, "national")


def lead(s: str) -> bool:
    """True when ``s`` starts with a national publisher of the table (for dispatch)."""
    return bool(_LEAD_RE.match(s))


def parse(s: str) -> Identifier:
    m = MEX_RE.match(s)
    if m:
        return _mexico(s, m)
    if s[:3].upper() in ("CSA", "CAN"):
        return _csa(s)
    if "ANSI/" in s[:5].upper():
        s = "ANSI/" + s[5:]
    t = (
        _CYR_ADOPT_RE.sub(lambda x: _CYR_ADOPT.get(x.group(0), "GOST R"), s)
        if not s.isascii()
        else s
    )
    m = _LEAD_RE.match(t)
    if not m:
        raise _err(s, 0, "a national publisher (GSO, SASO, EAS, IS, SNI, TCVN, KS, DIN ...)")
    word = m.group("pub").upper()
    body, draft = _alias[word]
    if draft:  # "DEAS" → stage D, "E DIN" → stage E (Entwurf)
        draft = draft[: len(draft) - len(body.code)].strip()
    flags: list[str] = []
    pubs = (body.code, ())
    if word in JOINT:
        pubs = JOINT[word] if word != "ANSI/UL" else ("ANSI", ("UL",))
    if word == "ABNT NBR":
        flags.append(_STYLE + "abnt")
    if word == "EOS":
        flags.append(_STYLE + "eos")
    sub = m.group("sub")
    pos = m.end()
    if body.code == "KS":
        k = _SERIES_RE.match(t, pos)
        if k:  # Korea writes a series letter ("KS C IEC 60335-1"); Kenya never does
            body = KOREA
    if (
        body.code == "ES"
        and word == "ES"
        and not t[pos : pos + 1].isdigit()
        and not _ADOPT_RE.match(t, pos)
    ):
        raise _err(s, pos, "a number after ES")
    series = None
    if body.series or body is KOREA:
        k = _SERIES_RE.match(t, pos)
        if k:
            series = k.group("series")
            pos = k.end()
    prefix = None
    atype = None
    am = _ADOPT_RE.match(t, pos)
    if am and not (am.group("adopt") in ("SPEC", "VDE") and body.code != "DIN"):
        prefix = am.group("adopt")
        if am.group("atype"):
            atype = am.group("tsep") + am.group("atype")
        pos = am.end()
        sep = m.group("sep").strip() or " "
        if sep != body.adopt_sep:
            flags.append(_STYLE + "asep=" + sep)
    elif m.group("sep").strip() in ("-", "/") and word not in JOINT:
        raise _err(s, m.start("sep"), "a space between the publisher and the number")
    if series is None and body.code == "NF":
        k = re.compile(r"([A-Z])\s?(?=\d\d-\d)").match(t, pos)  # "NF C 15-100" → "NF C15-100"
        if k:
            series = k.group(1)
            flags.append(_STYLE + "glued")
            pos = k.end()
    tm = TAIL_RE.match(t, pos)
    if not tm:
        raise _err(s, pos, "a document number")
    number = tm.group("number")
    parts = tm.group("parts")
    part = parts[1:] if parts else None
    subpart = None
    if tm.group("ppart"):
        part, subpart = tm.group("ppart"), tm.group("psec")
        flags.append(_STYLE + "paren-part")
    elif tm.group("wpart"):
        part = tm.group("wpart")
        flags.append(_STYLE + "word-part")
    elif body.dot_part and "." in number and not part:
        number, part = number.split(".", 1)
        flags.append(_STYLE + "dot-part")
    typ = (tm.group("type") or "").strip().lower() or None
    year = tm.group("year")
    month = tm.group("month")
    if year:
        ysep = tm.group("ysep").strip() or ":"
        if ysep not in body.year_seps:
            raise _err(s, tm.start("ysep"), f"'{body.year_sep}' before the year")
        if ysep != body.year_sep:
            flags.append(_STYLE + "ysep=" + ysep)
        if month and not body.month:
            raise _err(s, tm.start("month"), "the end after the year")
    pos = tm.end()
    supps: list[Supplement] = []
    edition = None
    adopted: tuple[Identifier, ...] = ()
    adoption = None
    extra = None
    n = len(t)
    while pos < n:
        sm = SUPP_RE.match(t, pos)
        if sm and (sm.group("num") or sm.group("year")):
            tok = sm.group("tok")
            stype = "cor" if tok.upper().startswith("C") and tok != "C" or tok == "AC" else "amd"
            if tok == "C":
                stype = "cor"
            supps.append(
                Supplement(
                    type=stype,
                    number=sm.group("num"),
                    year=sm.group("year"),
                    consolidated=sm.group("sep") == "+",
                    label=tok
                    + ("." if t[sm.end("tok") : sm.end("tok") + 1] == "." else "")
                    + (" " if sm.group("num") and t[sm.start("num") - 1] == " " else ""),
                    iteration=sm.group("ysep") if sm.group("ysep") == "-" else None,
                )
            )
            pos = sm.end()
            continue
        em = ED_RE.match(t, pos)
        if em and edition is None:
            edition = em.group("ed")
            if em.group("open"):
                flags.append(_STYLE + "ed-paren")
            pos = em.end()
            continue
        vm = VDE_RE.match(t, pos)
        if vm and body.code == "DIN":
            extra = vm.group("vde")
            pos = vm.end()
            continue
        bm = SLASH_RE.match(t, pos) or BRACKET_RE.match(t, pos)
        if bm and not adopted:
            inner = bm.group("inner").strip()
            adopted = tuple(_adopted(x.strip(), s) for x in inner.split(", ") if x.strip())
            deg = bm.groupdict().get("deg")
            if bm.re is SLASH_RE:
                adoption = "IDT-slash"
            else:
                adoption = deg or "bracket"
            pos = bm.end()
            continue
        raise _err(s, pos, "an amendment (+A1:yyyy), an adopted document in brackets or the end")
    if prefix and not adopted:
        adopted = _prefix_adopted(prefix, atype, number, part)
        adoption = "prefix"
    return Identifier(
        body="NATIONAL",
        publisher=pubs[0],
        copublishers=pubs[1],
        series=series or (sub and "/" + sub) or None,
        type=typ,
        stage=draft,
        number=number,
        part=part,
        subpart=subpart,
        year=year,
        month=month,
        edition=edition,
        supplements=tuple(supps),
        adopted=adopted,
        adoption=adoption,
        scope=body.scope,
        prefix=(prefix + (atype or "")) if prefix else None,
        issuer=body.country,
        extra=extra,
        flags=tuple(flags),
        raw=s,
    )


KOREA = Body("KS", "KR", series=True, year_seps=":-")


def _adopted(text: str, s: str) -> Identifier:
    from . import dispatch

    try:
        return dispatch(text, None)
    except ParseError:
        raise _err(
            s, s.find(text[:3]) if text[:3] in s else len(s), "an adopted identifier"
        ) from None


def _prefix_adopted(prefix: str, atype: str | None, number: str, part: str | None) -> tuple:
    from . import dispatch

    text = prefix + (atype or "") + " " + number + (f"-{part}" if part else "")
    try:
        return (replace(dispatch(text, None), raw=""),)
    except ParseError:
        return ()


def render(i: Identifier, profile: str = "default") -> str:
    from ..render import render as render_any

    if i.publisher in ("NOM", "NMX"):
        return _render_mexico(i)
    if i.publisher in ("CSA", "CAN/CSA", "CSA/ANSI"):
        return _render_csa(i)
    flags = {f[len(_STYLE) :] for f in i.flags if f.startswith(_STYLE)}
    body = BY_CODE.get(i.publisher or "") or (BY_CODE["UL"] if i.publisher == "ANSI" else None)
    if i.issuer == "KR":
        body = KOREA
    assert body is not None
    pub = "/".join([i.publisher or "", *i.copublishers])
    if "abnt" in flags:
        pub = "ABNT " + pub
    if "eos" in flags:
        pub = "EOS"
    if i.stage:
        pub = i.stage + (" " if i.stage == "E" else "") + pub
    if i.series and i.series.startswith("/"):
        pub += i.series
    out = pub
    if i.series and not i.series.startswith("/") and "glued" not in flags:
        out += " " + i.series
    if i.prefix:
        asep = next((f[5:] for f in flags if f.startswith("asep=")), body.adopt_sep)
        out += asep + i.prefix
    out += " "
    if i.series and "glued" in flags:
        out += i.series
    if i.type:
        out += i.type.upper() + " "
    out += i.number
    if i.part:
        if "paren-part" in flags:
            out += f" (Part {i.part}" + (f"/Sec {i.subpart}" if i.subpart else "") + ")"
        elif "word-part" in flags:
            out += f" Part {i.part}"
        elif "dot-part" in flags:
            out += "." + i.part
        else:
            out += "-" + i.part
    if i.year:
        ysep = next((f[5:] for f in flags if f.startswith("ysep=")), body.year_sep)
        out += ysep + i.year
        if i.month:
            out += "-" + i.month
    for sup in i.supplements:
        out += ("+" if sup.consolidated else "/") + (sup.label or "A")
        out += sup.number or ""
        if sup.year:
            out += (sup.iteration or ":") + sup.year
    if i.edition:
        out += f" (Ed. {i.edition})" if "ed-paren" in flags else f" Ed. {i.edition}"
    if i.extra:
        out += " " + i.extra
    if i.adopted and i.adoption != "prefix":
        inner = ", ".join(render_any(a) for a in i.adopted)
        if i.adoption == "IDT-slash":
            out += "/" + inner
        elif i.adoption in ("IDT", "MOD", "NEQ", "EQV"):
            out += f" ({inner}, {i.adoption})"
        else:
            out += f" ({inner})"
    return out


# ---------------------------------------------------------------------------------------------
# Mexico: NOM (mandatory) and NMX (voluntary) — "NOM-003-SCFI-2014", "NMX-J-521/1-ANCE-2012",
# "NMX-J-SAA-50001-ANCE-IMNC-2011", drafts "PROY-NOM-...".  Spaces for hyphens are repaired.
MEX_RE = re.compile(
    r"^(?P<proy>PROY[- ])?(?P<pub>NOM|NMX)[- ](?:(?P<series>EM|[A-Z]{1,3}(?:[- ][A-Z]{3})?)[- ])?"
    r"(?P<number>\d+[A-Z]?)(?:/(?P<part>\d+))?[- ](?P<issuer>[A-Z][A-Z0-9]*(?:[/-][A-Z][A-Z0-9]*)*?)"
    rf"(?:[- ](?P<year>{_YEAR}))?$",
    re.I,
)


def _mexico(s: str, m: re.Match) -> Identifier:
    series = m.group("series")
    return Identifier(
        body="NATIONAL",
        publisher=m.group("pub").upper(),
        series=series.upper().replace(" ", "-") if series else None,
        stage="PROY" if m.group("proy") else None,
        number=m.group("number"),
        part=m.group("part"),
        year=m.group("year"),
        issuer="MX",
        prefix=m.group("issuer").upper(),
        type="nom" if m.group("pub").upper() == "NOM" else "nmx",
        scope="national",
        raw=s,
    )


def _render_mexico(i: Identifier) -> str:
    out = ("PROY-" if i.stage else "") + i.publisher + "-"
    if i.series:
        out += i.series + "-"
    out += i.number + (f"/{i.part}" if i.part else "") + "-" + (i.prefix or "")
    if i.year:
        out += "-" + i.year
    return out


# ---------------------------------------------------------------------------------------------
# CSA Group: "CSA C22.2 No. 60335-1:16", "CAN/CSA-C22.2 No. 60950-1-07", "CSA Z462:21",
# "CAN/CSA-ISO 9001:16", "CSA B149.1:20".  Years are two digits (":16"; "-07" only in the
# older CAN/CSA- form); the component year is expanded like ASTM's.
CSA_RE = re.compile(
    r"^(?P<pub>CAN/CSA|CSA/ANSI|CSA)(?P<sep>[- ])(?:(?P<adopt>ISO/IEC|ISO|IEC|CISPR)[ -])?"
    r"(?P<series>[A-Z]{1,3}\d*(?:\.\d+)*)?(?:\s*No\.?\s*(?P<no>\d+(?:\.\d+)*[A-Z]?))?"
    r"(?:\s*(?P<num>(?<=[ -])\d+(?:\.\d+)*))?(?P<parts>(?:-\d+[A-Z]?)*?)"
    r"(?:(?P<ysep>:|-(?=\d\d$))(?P<year>\d\d|\d{4}))?$",
    re.I,
)


def _csa(s: str) -> Identifier:
    m = CSA_RE.match(s)
    if not m or not (m.group("series") or m.group("no") or m.group("num")):
        raise _err(s, 0, "a CSA designation ('CSA C22.2 No. 60335-1:16')")
    pub = m.group("pub").upper()
    y = m.group("year")
    flags = []
    if y and len(y) == 2:
        flags.append(_STYLE + "yy")
        y = str((2000 if int(y) < 50 else 1900) + int(y))
    if m.group("ysep") == "-":
        flags.append(_STYLE + "ysep=-")
    number = m.group("no") or m.group("num") or m.group("series")
    series = m.group("series") if (m.group("no") or m.group("num")) else None
    if m.group("no"):
        flags.append(_STYLE + "no")
    return Identifier(
        body="NATIONAL",
        publisher=pub,
        series=series,
        number=number,
        part=m.group("parts")[1:] or None,
        year=y,
        prefix=m.group("adopt").upper() if m.group("adopt") else None,
        issuer="CA",
        scope="national",
        flags=tuple(flags)
        + ((_STYLE + "sep= ",) if m.group("sep") == " " and pub != "CSA" else ()),
        raw=s,
    )


def _render_csa(i: Identifier) -> str:
    flags = {f[len(_STYLE) :] for f in i.flags if f.startswith(_STYLE)}
    sep = " " if i.publisher == "CSA" or "sep= " in flags else "-"
    out = i.publisher + sep
    if i.prefix:
        out += i.prefix + (" " if i.publisher == "CSA" else "-")
    if i.series:
        out += i.series + (" No. " if "no" in flags else " ")
    out += i.number + (f"-{i.part}" if i.part else "")
    if i.year:
        ysep = "-" if "ysep=-" in flags else ":"
        out += ysep + (i.year[2:] if "yy" in flags else i.year)
    return out


__all__ = ["BODIES", "Body", "lead", "parse", "render"]
