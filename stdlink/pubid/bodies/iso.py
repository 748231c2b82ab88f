"""ISO and IEC grammar (they share one: IEC documents are routinely co-published as ISO/IEC).

Shape (after repair)::

    [stage] PUB[/COPUB...][/|␠][stage][␠type|/type] NUMBER[-PART[-SUBPART]][.ITER]
        [:YEAR[-MM]|-YEAR] [ED n] {/[stage ]SUPP [n][.iter][:YEAR]} {+AMDn:YEAR} [VAP]
        [(lang[,lang])] [(all parts)]

The head (publishers, stages, document types, typed stages such as DTR = TR at the enquiry
stage) is read token by token against closed vocabularies, so an unknown word stops the head
and is reported with its position instead of being guessed at.  The tail is one precompiled
regular expression.  Legacy spellings (``-yyyy`` dates, ``/n`` parts, Roman parts of ISO/R
recommendations, ``NWIP``, ``FprISO``, ``FPDAM`` ...) are accepted and rendered in the
current form (``pubid-v1`` conventions, see identifiers-reference.md §3-4).
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement

PUBLISHERS = {
    "ISO": "ISO",
    "IEC": "IEC",
    "IEEE": "IEEE",
    "ASTM": "ASTM",
    "SAE": "SAE",
    "CIE": "CIE",
    "ASME": "ASME",
    "OECD": "OECD",
    "HL7": "HL7",
    "CEI": "IEC",  # French: "ISO/CEI 17025", "Guide ISO/CEI 98-3" (rendered ISO/IEC)
    "UNDP": "UNDP",
    "IDF": "IDF",
    "CIW": "CIW",
    "CISPR": "CISPR",
    "IECEE": "IECEE",
    "IECEX": "IECEx",
    "IECQ": "IECQ",
    "IECRE": "IECRE",
    "OIV": "OIV",
    "IULTCS": "IULTCS",
    "ISTA": "ISTA",
    "IIW": "IIW",
    "ECMA": "ECMA",
    "IUPAC": "IUPAC",
    "ITU": "ITU",
    "UN": "UN",
    "WHO": "WHO",
    "CEN": "CEN",
    "CENELEC": "CENELEC",
    "IALA": "IALA",
    "IMO": "IMO",
    "OIML": "OIML",
    "IAEA": "IAEA",
    "IFLA": "IFLA",
    "AOAC": "AOAC",
    "IAF": "IAF",
    "ILAC": "ILAC",
    "IIR": "IIR",
    "IFT": "IFT",
    "CSA": "CSA",
}
# stage token (upper) -> canonical abbreviation
STAGES = {
    "NP": "NP",
    "NWIP": "NP",
    "AWI": "AWI",
    "PWI": "PWI",
    "WD": "WD",
    "CD": "CD",
    "PRECD": "PreCD",
    "FCD": "FCD",
    "DIS": "DIS",
    "FDIS": "FDIS",
    "PRF": "PRF",
    "PNW": "PNW",
    "ANW": "ANW",
    "CDV": "CDV",
    "ACD": "ACD",
    "ADTR": "ADTR",
    "ADTS": "ADTS",
    "AFDIS": "AFDIS",
    "BPUB": "BPUB",
    "DECDISH": "DECDISH",
    "PCC": "PCC",
    "PPUB": "PPUB",
    "RFDIS": "RFDIS",
    "CAN": "CAN",
    "DEL": "DEL",
    "NADIS": "NADIS",
    "PRVC": "PRVC",
    "RDISH": "RDISH",
    "DPAS": None,
    "DTR": None,
    "DTS": None,
}
STAGES = {k: v for k, v in STAGES.items() if v}
TYPES = {
    "TR": "tr",
    "TS": "ts",
    "PAS": "pas",
    "GUIDE": "guide",
    "IWA": "iwa",
    "ISP": "isp",
    "TTA": "tta",
    "R": "r",
    "DATA": "data",
    "DIR": "dir",
    "SRD": "srd",
    "OD": "od",
    "CA": "ca",
    "IS": "is",
    "TEC": "tec",
}
TYPE_RENDER = {
    "tr": "TR",
    "ts": "TS",
    "pas": "PAS",
    "guide": "Guide",
    "iwa": "IWA",
    "isp": "ISP",
    "tta": "TTA",
    "r": "R",
    "data": "DATA",
    "dir": "DIR",
    "srd": "SRD",
    "od": "OD",
    "ca": "CA",
    "tec": "TEC",
}
# typed stages: token -> (stage, type)
TYPED = {
    "DTR": ("DIS", "tr"),
    "DTS": ("DIS", "ts"),
    "FDTR": ("FDIS", "tr"),
    "FDTS": ("FDIS", "ts"),
    "DPAS": ("DIS", "pas"),
    "FDPAS": ("FDIS", "pas"),
    "DGUIDE": ("DIS", "guide"),
    "FDGUIDE": ("FDIS", "guide"),
    "DIWA": ("DIS", "iwa"),
    "FDIWA": ("FDIS", "iwa"),
    "PDTR": ("CD", "tr"),
    "PDTS": ("CD", "ts"),
    "DISP": ("DIS", "isp"),
    "FDISP": ("FDIS", "isp"),
    "DTTA": ("DIS", "tta"),
    "PDISP": ("CD", "isp"),
}
# rendering of typed stages (stage, type) -> token
TYPED_RENDER = {
    ("DIS", "tr"): "DTR",
    ("DIS", "ts"): "DTS",
    ("FDIS", "tr"): "FDTR",
    ("FDIS", "ts"): "FDTS",
    ("DIS", "pas"): "DPAS",
    ("FDIS", "pas"): "FDPAS",
    ("DIS", "guide"): "DGuide",
    ("FDIS", "guide"): "FDGuide",
    ("DIS", "iwa"): "DIWA",
    ("FDIS", "iwa"): "FDIWA",
    ("DIS", "isp"): "DISP",
    ("FDIS", "isp"): "FDISP",
}
STAGE_CODES = {
    "PWI": "00.00",
    "NP": "10.00",
    "AWI": "20.00",
    "WD": "20.20",
    "PreCD": "29.00",
    "CD": "30.00",
    "FCD": "40.00",
    "DIS": "40.00",
    "FDIS": "50.00",
    "PRF": "60.00",
}
HEAD_RE = re.compile(r"[ /]*([A-Za-z][A-Za-z0-9]*)")
GLUED_RE = re.compile(r"([A-Za-z]+?)(\d.*)?$")

# supplement tokens (upper, dots removed) -> (type, stage or None)
SUPP = {
    "AMD": ("amd", None),
    "AMENDMENT": ("amd", None),
    "COR": ("cor", None),
    "CORR": ("cor", None),
    "ADD": ("add", None),
    "SUPPL": ("suppl", None),
    "SUP": ("suppl", None),
    "EXT": ("ext", None),
    "ISH": ("ish", None),
    "FRAG": ("frag", None),
    "DAMD": ("amd", "DIS"),
    "DAM": ("amd", "DIS"),
    "FDAMD": ("amd", "FDIS"),
    "FDAM": ("amd", "FDIS"),
    "PDAM": ("amd", "CD"),  # legacy "proposed draft amendment" = today's CD Amd
    "FPDAM": ("amd", "DIS"),
    "DCOR": ("cor", "DIS"),
    "FDCOR": ("cor", "FDIS"),
    "DAD": ("add", "DIS"),
    "DADD": ("add", "DIS"),
    "FDAD": ("add", "FDIS"),
    "DSUPPL": ("suppl", "DIS"),
    "FDSUPPL": ("suppl", "FDIS"),
    "PDCOR": ("cor", "CD"),
    "FCOR": ("cor", "FDIS"),
    "FPDCOR": ("cor", "DIS"),
    "FPDAMD": ("amd", "DIS"),
    "DEXT": ("ext", "DIS"),
    "A": ("amd", None),
    "C": ("cor", None),
}
SUPP_RE = re.compile(
    r"\s*(?P<sep>/|\+|\s)\s*(?:(?P<stage>NP|AWI|PWI|WD|CD|DIS|FDIS|PRF|PreCD|preCD)\s+)?"
    r"(?P<tok>FDAmd|FDAM|FPDAM|PDAM|pDAM|DAmd|DAM|FDCor|FDCOR|FCOR|FPDCOR|PDCor|PDCOR|pDCOR|DCor|DCOR|"
    r"DAD|DAdd|FDAD|DSuppl|A(?=\d)|"
    r"FDSuppl|DExt|AMENDMENT|Amd|AMD|amd|Cor|COR|CORR|cor|Add|ADD|Suppl|SUPPL|Sup|SUP|Ext|EXT|"
    r"ISH|FRAG)"
    # a fragment of a corrigendum is numbered "FRAGC1" (IEC 60050 fragments)
    r"\.?\s*(?P<num>(?<=FRAG)C\d+|\d+)?(?:\.(?P<iter>\d+))?(?::(?P<year>\d{4})(?:-(?P<month>\d{2}))?)?"
    r"(?:\s*(?:ED|Ed\.?)\s*(?P<ed>\d+(?:\.\d+)?))?(?=$|[/+ (])"
)
TAIL_RE = re.compile(
    r"(?P<number>\d+[A-Za-z]?|[A-Z][A-Za-z]*-?[A-Z0-9]+(?=[-: ]|$))"
    r"(?:(?:(?P<psep>-)(?!(?:1[89]|20)\d\d(?![\d:A-Z]))(?P<part>[A-Z]?\d+[A-Z]*|[A-Z]{1,4}\d*))"
    r"|(?:/(?P<lpart>\d+|[IVX]+)(?=[-: ]|$)))?"
    r"(?:-(?!(?:1[89]|20)\d\d(?![\d:A-Z]))(?P<sub>\d+[A-Z]*(?:-\d+)*))?"
    r"(?:\.(?P<iter>\d+))?"
    r"(?:(?P<ysep>[:-])(?P<year>\d{4})(?:-(?P<month>\d{2}))?|:(?P<undated>-+))?"
    r"(?:\s*(?:ED|Ed\.?|Edition)\s*(?P<ed>\d+(?:\.\d+)?)|\s+(?P<ed1>Ed)(?=$|[/(]))?"
)
# "Second edition 2011-06-15", "Edition 3.0 2010-05": the edition, and the date of that edition
ORD_ED_RE = re.compile(
    r",?\s*(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+edition"
    r"|(?:Edition|ED)\s*(?P<num>\d+(?:\.\d+)?))"
    r",?(?:\s+(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?)?(?=$|\s*\()",
    re.I,
)
ORDINALS = {
    w: str(i + 1)
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth".split()
    )
}
VAP_RE = re.compile(
    r"\s+(?P<vap>(?:CSV|RLV|EXV|CMV|PAC|SER|PRV|DB)(?:-(?:CSV|RLV|EXV|CMV))?)(?=$|[/ (])"
)
LANG_RE = re.compile(r"\s*\((?P<langs>[A-Za-z]{1,3}(?:\s*[,/-]\s*[A-Za-z]{1,5})*)\)")
ALLPARTS_RE = re.compile(r"\s*\(all parts\)", re.I)
LANG_LETTERS = {
    "E": "en",
    "F": "fr",
    "R": "ru",
    "S": "es",
    "A": "ar",
    "D": "de",
    "C": "zh",
    "J": "ja",
    "I": "it",
    "P": "pt",
    "X": "mul",
}
ROMAN = {
    "I": "1",
    "II": "2",
    "III": "3",
    "IV": "4",
    "V": "5",
    "VI": "6",
    "VII": "7",
    "VIII": "8",
    "IX": "9",
    "X": "10",
    "XI": "11",
    "XII": "12",
}
TC_RE = re.compile(
    r"^(?P<pubs>[A-Z]+(?:/[A-Z]+)*)[/ ](?P<rest>(?:TC|JTC|TMB|SC|WG|DMT|CASCO|COPOLCO|DEVCO|"
    r"TC/SC|PC|JCG|JAG|JWG|AG|SG|SMB|CAB|ACEA|ACOS|ACSEC|ACTAD|SYC)\b.*?)\s*N\s*(?P<n>\d+)"
    r"(?::(?P<year>\d{4}))?$"
)
# The Directives, written out: "Part n", a consolidated supplement of ISO, IEC or JTC 1
# ("Part 1 -- Consolidated ISO Supplement", or no part: "IEC Supplement"), then a year.
DIRECTIVES_RE = re.compile(
    r"^(?P<pubs>ISO/IEC|ISO|IEC) Directives,? (?:Part (?P<n>\d+)"
    r"(?: -- Consolidated (?P<sup>ISO|IEC|JTC 1) Supplement)?|(?P<sup2>ISO|IEC|JTC 1) Supplement)"
    r"(?::(?P<year>\d{4}))?$"
)
# "DIR n [WHO] [SUP][:yyyy] [Edition n]"; the JTC 1 Supplement is "DIR JTC 1 SUP" and the
# JTC 1 Directives themselves "JTC 1 DIR" (either order accepted); "Ed n" is "Edition n".
DIR_RE = re.compile(
    r"^(?P<pubs>ISO(?:/IEC)?|IEC|JTC ?1)(?P<jtc> JTC 1)? DIR(?: (?P<n>\d+|JTC 1))?"
    r"(?: (?P<who>ISO/IEC|ISO|IEC|JTC 1))?"
    r"(?P<sup> SUP)?(?::(?P<year>\d{4}))?(?: Ed(?:ition|\.)? ?(?P<ed>\d+))?$"
)


def _err(s: str, pos: int, expected: str) -> ParseError:
    return ParseError(s, pos, expected, "ISO/IEC")


def _langs(text: str) -> tuple[str, ...]:
    out = []
    for t in re.split(r"\s*[,/-]\s*", text):
        if len(t) == 1:
            code = LANG_LETTERS.get(t.upper())
            if code is None:
                raise ValueError(t)
            out.append(code)
        else:
            out.append(t.lower())
    return tuple(out)


# IEC committee documents: "<committee>/<number>[A][(F)]/<document type>", where the committee
# is a TC/SC ("61", "3D", "CIS/D"), a board or advisory group ("SMB", "ACOS", "SEG12"), a
# systems committee ("SyCAAL", "SyCSmartEnergy") or a JTC 1 subcommittee ("JTC1-SC27").  The
# document-type vocabulary is closed (IEC's list), so free text never looks like one.
WDOC_TYPES = (
    "AC AGD CC CCDV CD CDM CDV DA DC DISH DL DPAS DTR DTS DV FDIS INF ISH MCR MTG NP PAS PNW "
    "PRVC Q QP R RM RQ RR RV RVA RVC RVD RVDISH RVDPAS RVDTR RVDTS RVN SBP"
).split()
WDOC_RE = re.compile(
    r"^(?P<tc>[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)*?)/(?P<num>\d+[A-Z]?(?:\([A-Z]\))?)"
    r"(?:/(?P<type>" + "|".join(sorted(WDOC_TYPES, key=len, reverse=True)) + r"))?$"
)
TRF_RE = re.compile(r"^(?P<pub>IECEE|IECEx) TRF (?P<num>[^:]+?)(?::(?P<year>\d{4}))?$", re.I)
FREE_RE = re.compile(
    r"^(?P<pub>IEC|CISPR|IECQ|IECEE|IECEx|IECRE)(?: (?P<num>[A-Za-z].*?|[^:]*[A-Za-z][^:]*?))?"
    r"(?::(?P<year>\d{4}))?$"
)
WPROG_RE = re.compile(
    r"^(?:IEC )?(?:(?P<t1>SRD|TR|TS|PAS) )?(?:(?P<st1>PWI|PNW|ANW)|(?P<st2>PWI|PNW|ANW) (?P<t2>SRD|TR|TS|PAS))"
    r" (?P<num>[A-Za-z0-9]+-\d+(?:-\d+)*)(?: ED(?P<ed>\d+))?$"
)
SHEET_RE = re.compile(r"/(?P<sheet>\d{1,2})(?=:|$)")


# conformity-assessment scheme documents: "IECEE OD-2020:2023", "IECEx OD 233 Ed. 2.0",
# "IECQ 03-1:2020", "IECRE 01:2023" (the edition token is kept as the scheme writes it)
SCHEME_RE = re.compile(
    r"^(?P<pub>IECEE|IECEx|IECQ|IECRE) (?:(?P<od>OD)(?P<sep>[- ]))?"
    r"(?P<num>\d+[A-Z]?(?:-\d+[A-Z]?)*)(?::(?P<year>\d{4})(?:-(?P<month>\d\d))?)?"
    r"(?:\s*(?P<edtok>Ed\.\s?|Ed\s|Edition\s|ED\s?)(?P<ed>\d+(?:\.\d+)?))?$"
)


def parse(s: str, body_hint: str | None = None) -> Identifier:
    """Parse an ISO/IEC-family identifier (already repaired)."""
    if not s.isascii():
        s = _decyrillic(s)
    if s.startswith("IEC") and s[3:4] in "EQR":
        m = SCHEME_RE.match(s)
        if m:
            return Identifier(
                body="IEC",
                publisher=m.group("pub"),
                type="scheme",
                series=(m.group("od") + m.group("sep")) if m.group("od") else None,
                number=m.group("num").split("-", 1)[0],
                part=m.group("num").split("-", 1)[1] if "-" in m.group("num") else None,
                year=m.group("year"),
                month=m.group("month"),
                edition=m.group("ed"),
                flags=("edtok=" + m.group("edtok"),) if m.group("edtok") else (),
                raw=s,
            )
    if s.startswith("IEC ") and "PWI " in s or "PNW " in s or "ANW " in s:
        m = WPROG_RE.match(s)
        if m and not re.match(r"\d{5}", m.group("num")):  # a committee, not a document number
            return _wprog(s, m)
    try:
        return _parse(s)
    except ParseError:
        m = WDOC_RE.match(s)
        if m:
            return parse_wdoc(s, m)
        m = TRF_RE.match(s)
        if m:
            num = m.group("num").replace(";", "&")
            num = re.sub(r"^cispr", "CISPR", num)
            pub = "IECEE" if m.group("pub").upper() == "IECEE" else "IECEx"
            return Identifier(
                body="IEC", publisher=pub, type="trf", number=num, year=m.group("year"), raw=s
            )
        m = WPROG_RE.match(s)
        if m:
            return _wprog(s, m)
        m = FREE_RE.match(s)
        if m and (m.group("num") or m.group("pub") == "CISPR"):
            return Identifier(
                body="IEC",
                publisher={"IECEX": "IECEx", "CISPR": "IEC"}.get(
                    m.group("pub").upper(), m.group("pub")
                ),
                type="free",
                number=m.group("num") or m.group("pub"),
                year=m.group("year"),
                raw=s,
            )
        raise


def _wprog(s: str, m: re.Match) -> Identifier:
    """IEC working programme: "PWI 100-44 ED1" → "IEC PWI 100-44 ED1" (pubid-iec v1)."""
    t1, t2 = m.group("t1"), m.group("t2")
    return Identifier(
        body="IEC",
        publisher="IEC",
        type=(t1 or t2 or "").lower() or "wprog",
        stage=m.group("st1") or m.group("st2"),
        number=m.group("num"),
        edition=m.group("ed"),
        flags=("wprog",),
        raw=s,
    )


def parse_wdoc(s: str, m: re.Match) -> Identifier:
    """An IEC committee document ("61/6500/CDV", "SMB/8001/R", "JTC1-SC27/300/RVN")."""
    return Identifier(
        body="IEC",
        publisher=None,
        series=m.group("tc"),
        type="wdoc",
        number=m.group("num"),
        stage=m.group("type"),
        raw=s,
    )


# a Directives part bundled with a consolidated supplement: "ISO/IEC DIR 1:2022 + IEC SUP:2022"
DIR_BUNDLE_RE = re.compile(
    r"^(?P<base>.+?) \+ (?P<who>ISO/IEC|ISO|IEC|JTC 1) (?:SUP|Supplement)"
    r"(?::(?P<year>\d{4})(?:-(?P<month>\d\d))?)?$"
)


def _parse(s: str) -> Identifier:
    b = DIR_BUNDLE_RE.match(s) if " + " in s else None
    if b and ("DIR" in b.group("base") or "Directives" in b.group("base")):
        from dataclasses import replace

        base = _parse(b.group("base"))
        if base.type != "dir" or base.extra:
            raise _err(s, len(b.group("base")), "a Directives part before '+ … SUP'")
        sup = Identifier(
            body="ISO",
            publisher=None,
            type="dir",
            number="",
            year=b.group("year"),
            month=b.group("month"),
            extra=f"{b.group('who')} SUP",
            flags=("bare",),
        )
        return replace(base, adopted=(sup,), adoption="bundle", raw=s)
    m = DIR_RE.match(s) or DIRECTIVES_RE.match(s)
    if m:
        return _directive(s, m)
    m = TC_RE.match(s)
    if m:
        pubs = m.group("pubs").split("/")
        return Identifier(
            body=_body(pubs[0]),
            publisher=pubs[0],
            copublishers=tuple(pubs[1:]),
            type="ndoc",
            series=m.group("rest").strip(),
            number=m.group("n"),
            year=m.group("year"),
            flags=("n-space",) if re.search(r" N \d", s) and "TC 46 " not in s else (),
            raw=s,
        )
    pubs: list[str] = []
    stage = None
    typ = None
    head_iter = None
    pos = 0
    n = len(s)
    guide_glue = False
    while pos < n:
        m = HEAD_RE.match(s, pos)
        if not m:
            break
        word = m.group(1)
        up = word.upper()
        if up in PUBLISHERS and up != "ISO" or up == "ISO":
            pubs.append(PUBLISHERS[up])
        elif up.startswith("FPR") and up[3:] in PUBLISHERS:
            stage = "PRF"
            pubs.append(PUBLISHERS[up[3:]])
        elif up in STAGES:
            stage = STAGES[up]
        elif up in TYPED:
            stage, typ = TYPED[up]
        elif up in TYPES:
            if up == "IS" and not pubs:
                break
            if typ and typ != "is" and up == "IWA":
                pass
            typ = TYPES[up]
        elif up in ("D", "FD") and s[m.end() : m.end() + 6].upper() == " GUIDE":
            stage = "DIS" if up == "D" else "FDIS"
            guide_glue = True
        else:
            g = GLUED_RE.match(word)
            head = g.group(1).upper() if g else ""
            if (
                g
                and g.group(2)
                and (head in PUBLISHERS or head in TYPES or head in TYPED or head in STAGES)
            ):
                # glued "ISO9001", "ISO/TR27957": take the letters, leave the digits
                if head in PUBLISHERS:
                    pubs.append(PUBLISHERS[head])
                elif head in TYPES:
                    typ = TYPES[head]
                elif head in TYPED:
                    stage, typ = TYPED[head]
                else:
                    stage = STAGES[head]
                    nxt = s[m.end() : m.end() + 2]
                    if g.group(2).isdigit() and nxt[:1] == " " and nxt[1:].isdigit():
                        # "ISO/CD2 14065": the stage's iteration, written v1-style as "CD 14065.2"
                        head_iter = g.group(2)
                        pos = m.end()
                        continue
                pos = m.start(1) + len(g.group(1))
                continue
            break
        pos = m.end()
    del guide_glue
    if not pubs and typ != "iwa":
        raise _err(s, 0, "a publisher (ISO, IEC, ISO/IEC ...)")
    rest_start = pos
    while rest_start < n and s[rest_start] in " /":
        rest_start += 1
    m = TAIL_RE.match(s, rest_start)
    if not m:
        raise _err(s, rest_start, "a document number")
    number = m.group("number")
    part = m.group("part")
    sub = m.group("sub")
    subpart = None
    if m.group("lpart"):
        part = ROMAN.get(m.group("lpart"), m.group("lpart"))
    if sub:
        subpart = sub
    year = m.group("year")
    extra = None
    if not year:
        shm = SHEET_RE.match(s, m.end())
        if shm:
            extra = "/" + shm.group("sheet")
            m2 = re.compile(r":(\d{4})").match(s, shm.end())
            year = m2.group(1) if m2 else None
            m_end = m2.end() if m2 else shm.end()
        else:
            m_end = m.end()
    else:
        m_end = m.end()
    ysep = m.group("ysep")
    if year and ysep == "-" and not part and m.group("psep") is None and False:
        pass
    iteration = m.group("iter") or head_iter
    ed = m.group("ed") or ("1" if m.group("ed1") else None)
    undated = bool(m.group("undated"))
    pos = m_end
    supplements: list[Supplement] = []
    ed_month = None
    vap = None
    langs: tuple[str, ...] = ()
    all_parts = False
    while pos < n:
        sm = SUPP_RE.match(s, pos)
        if sm:
            tok = sm.group("tok").upper().rstrip(".")
            stype, sstage = SUPP[tok]
            if sm.group("stage"):
                st = sm.group("stage")
                sstage = "PreCD" if st.lower() == "precd" else st
                if tok in ("DAMD", "DAM") or tok.startswith("D") and len(tok) > 3:
                    pass
            if sm.group("sep") == " " and not sstage and not sm.group("num"):
                break
            if sm.group("sep") == " " and tok not in ("AMD", "COR"):
                break
            label = None
            if sm.group("sep") == " ":
                label = "space"
            elif sm.group("tok") in ("DCor", "FDCor"):
                label = "Cor"  # mixed-case house style kept; v1 writes DCOR/FDCOR
            elif not sstage and sm.group("num") and sm.group("tok") in _STYLES:
                written = s[sm.start("tok") : sm.start("num")]
                if written in (sm.group("tok"), sm.group("tok") + " "):
                    label = written
            supplements.append(
                Supplement(
                    type=stype,
                    number=sm.group("num"),
                    year=sm.group("year"),
                    month=sm.group("month"),
                    stage=sstage,
                    iteration=sm.group("iter"),
                    edition=sm.group("ed"),
                    consolidated=sm.group("sep") == "+",
                    label=label,
                )
            )
            pos = sm.end()
            continue
        vm = VAP_RE.match(s, pos)
        if vm:
            vap = vm.group("vap")
            pos = vm.end()
            continue
        lm = LANG_RE.match(s, pos)
        if lm:
            try:
                langs = _langs(lm.group("langs"))
            except ValueError:
                raise _err(s, lm.start("langs"), "a language code") from None
            pos = lm.end()
            continue
        am = ALLPARTS_RE.match(s, pos)
        if am:
            all_parts = True
            pos = am.end()
            continue
        om = ORD_ED_RE.match(s, pos)
        if om and not supplements and (om.group("ord") or om.group("y")):
            ed = ORDINALS[om.group("ord").lower()] if om.group("ord") else om.group("num")
            if not year and om.group("y"):
                year, ed_month = om.group("y"), om.group("m")
            pos = om.end()
            continue
        em = re.compile(r"\s*(?:ED|Ed\.?)\s*(\d+(?:\.\d+)?)").match(s, pos)
        if em and supplements:
            last = supplements[-1]
            supplements[-1] = Supplement(**{**_sdict(last), "edition": em.group(1)})
            pos = em.end()
            continue
        raise _err(s, pos, "a supplement (/Amd n:yyyy, /Cor n:yyyy), a language (en) or the end")
    if stage == "PRF" and pubs and pubs[0] == "ISO" and False:
        stage = None
    publisher = pubs[0] if pubs else None
    if typ == "iwa" and publisher == "ISO" and len(pubs) == 1:
        publisher = None
    copubs = tuple(pubs[1:])
    body = _body(publisher or "ISO")
    flags: tuple[str, ...] = ()
    if body == "ISO" and ed and not copubs and not stage and _IEC_STYLE_RE.match(s):
        # the IEC webstore's style for ISO documents it sells: "ISO PAS 81346-101 ED1"
        # (type after a space, edition kept); ISO's own style is "ISO/PAS 81346-101"
        flags = ("iec-style",)
    return Identifier(
        body=body,
        publisher=publisher,
        copublishers=copubs,
        type=typ,
        stage=stage,
        iteration=iteration,
        number=number,
        part=part,
        subpart=subpart,
        year=year,
        month=m.group("month") or ed_month,
        edition=ed,
        languages=langs,
        all_parts=all_parts,
        undated=undated,
        supplements=tuple(supplements),
        vap=vap,
        extra=extra,
        flags=flags,
        raw=s,
    )


_IEC_STYLE_RE = re.compile(r"^ISO (?:TR|TS|PAS) \d+(?:-\d+)* ED\d")

# Both official house styles are kept as written ("Amd 1" in ISO's catalogue, "AMD1" in IEC's
# webstore); keys fold case and spacing, so the two spellings still match.
_STYLES = {"Amd", "AMD", "Cor", "COR"}


def _sdict(sup: Supplement) -> dict:
    return {k: getattr(sup, k) for k in sup.__dataclass_fields__}


def _body(pub: str) -> str:
    return "IEC" if pub in ("IEC", "CISPR", "IECEE", "IECEx", "IECQ", "IECRE") else "ISO"


def _directive(s: str, m: re.Match) -> Identifier:
    gd = m.groupdict()
    pubs = (gd.get("pubs") or "ISO/IEC").split("/")
    sup = gd.get("sup")
    who = gd.get("who")
    if m.re is DIRECTIVES_RE:
        who = gd.get("sup") or gd.get("sup2")
        sup = " SUP" if who else None
    n = gd.get("n")
    if n == "JTC 1" and not who:
        if sup:
            # "DIR JTC 1 SUP": the JTC 1 Supplement of the Directives
            n, who = None, "JTC 1"
        else:
            n = None
    elif gd.get("jtc"):
        if n or who or sup:
            raise _err(s, 0, "the JTC 1 Directives alone ('ISO/IEC JTC 1 DIR[:yyyy]')")
        n = "JTC 1"
    extra = " ".join(x for x in (who, "SUP" if sup else None) if x) or None
    if n == "JTC 1" or (gd.get("n") == "JTC 1" and not extra):
        return Identifier(
            body="ISO",
            publisher=pubs[0],
            copublishers=tuple(pubs[1:]),
            type="dir",
            number="",
            series="JTC 1",
            year=gd.get("year"),
            raw=s,
        )
    return Identifier(
        body="ISO",
        publisher=pubs[0],
        copublishers=tuple(pubs[1:]),
        type="dir",
        number=n or "",
        year=gd.get("year"),
        edition=gd.get("ed"),
        extra=extra,
        raw=s,
    )


_CYR = {
    "ИСО": "ISO",
    "МЭК": "IEC",
    "ТО": "TR",
    "ТС": "TS",
    "ТУ": "TS",
    "МФС": "ISP",
    "Руководство": "Guide",
    "Руководства": "Guide",
    "ОПМС": "FDIS",  # окончательный проект международного стандарта
    "ПМС": "DIS",  # проект международного стандарта
    "ПДТО": "CD TR",
    "ДТО": "DTR",
    "ДТС": "DTS",
}
_CYR_RE = re.compile("|".join(sorted(_CYR, key=len, reverse=True)))


def _decyrillic(s: str) -> str:
    return _CYR_RE.sub(lambda m: _CYR[m.group(0)], s)


# ---------------------------------------------------------------------------------------------
# rendering
# ---------------------------------------------------------------------------------------------
def _supp_iso(sup: Supplement, with_edition: bool) -> str:
    t = sup.type
    if sup.consolidated:
        return _supp_plus(sup, "ISO")
    name = {
        "amd": "Amd",
        "cor": "Cor",
        "add": "Add",
        "suppl": "Suppl",
        "ext": "Ext",
        "ish": "ISH",
        "frag": "FRAG",
    }.get(t, t)
    st = sup.stage
    if st:
        if st in ("DIS", "FDIS"):
            short = {"amd": "AM", "cor": "COR", "add": "AD", "suppl": "Suppl", "ext": "Ext"}[t]
            if t == "cor" and sup.label == "Cor":
                short = "Cor"
            head = ("D" if st == "DIS" else "FD") + short
        elif st == "PDAM":
            head = "PDAM"
        else:
            head = f"{st} {name}"
    else:
        head = name
    out = "/" + head
    if sup.number:
        out += " " + sup.number
        if sup.iteration:
            out += "." + sup.iteration
    if sup.year:
        out += ":" + sup.year
    if with_edition and sup.edition:
        out += " ED" + sup.edition
    return out


def _supp_plus(sup: Supplement, body: str) -> str:
    """A consolidated supplement: IEC's "+AMD1:2013"; an ISO document keeps the house style
    as written ("ISO 1234:2010+Amd 1:2012")."""
    if body != "IEC" and sup.label and sup.label != "space" and not sup.stage and sup.number:
        out = "+" + sup.label + sup.number
        return out + (":" + sup.year if sup.year else "")
    return "+" + _supp_iec_token(sup)


def _supp_iec_token(sup: Supplement) -> str:
    name = {
        "amd": "AMD",
        "cor": "COR",
        "ish": "ISH",
        "frag": "FRAG",
        "add": "ADD",
        "suppl": "SUP",
        "ext": "EXT",
    }.get(sup.type, sup.type.upper())
    out = name + (sup.number or "")
    if sup.year:
        out += ":" + sup.year
        if sup.month:
            out += "-" + sup.month
    if sup.edition:
        out += " ED" + sup.edition
    return out


def render_head(ident: Identifier) -> str:
    """Publisher, stage and type: 'ISO/IEC DTR', 'ISO/TR', 'ISO Guide', 'IEC TS', 'IWA'."""
    iec = ident.body == "IEC"
    pubs = ([ident.publisher] if ident.publisher else []) + list(ident.copublishers)
    pub = "/".join(pubs)
    typ = ident.type
    st = ident.stage
    tokens: list[str] = []
    if typ == "iwa":
        tr = TYPED_RENDER.get((st, typ)) if st else None
        if tr:
            return tr if not pub else f"{pub} {tr}"
        head = "IWA" if not pub else f"{pub} IWA"
        return f"{st} {head}" if st else head
    tstr = TYPE_RENDER.get(typ) if typ and typ != "is" else None
    if iec and tstr == "Guide":
        tstr = "GUIDE"
    if st and tstr and (st, typ) in TYPED_RENDER:
        tokens.append(TYPED_RENDER[(st, typ)])
        if iec:
            return pub + ("/" if typ == "pas" else " ") + tokens[0]
    elif st and tstr:
        tokens.append(st)
        tokens.append(tstr)
    elif st:
        tokens.append(st)
    elif tstr:
        tokens.append(tstr)
    if not tokens:
        return pub
    if iec and st and tstr:
        return f"{pub} " + " ".join(tokens)
    sep = "/"
    if (
        ident.copublishers
        or (tokens[0] in ("Guide", "GUIDE", "DIR"))
        or (typ == "guide" and st and (tokens[0] not in ("DGuide", "FDGuide")))
    ):
        sep = " "
    if (iec or "iec-style" in ident.flags) and tokens[0] in (
        "TR",
        "TS",
        "PAS",
        "GUIDE",
        "SRD",
        "OD",
        "CA",
        "TEC",
    ):
        sep = " "
    return pub + sep + " ".join(tokens)


def render_number(ident: Identifier, with_year: bool = True) -> str:
    out = ident.number
    if ident.part:
        out += "-" + ident.part
        if ident.subpart:
            out += "-" + ident.subpart
    if ident.iteration and ident.stage:
        out += "." + ident.iteration
    if ident.extra:
        out += ident.extra
    if with_year:
        if ident.year:
            out += ":" + ident.year
            if ident.month and ident.body == "IEC":
                pass
        elif ident.undated:
            out += ":--"
    return out


def render(ident: Identifier, profile: str = "default") -> str:
    with_edition = profile in ("long", "with_edition")
    if ident.type == "wdoc":
        return f"{ident.series}/{ident.number}" + (f"/{ident.stage}" if ident.stage else "")
    if ident.type == "scheme":
        out = f"{ident.publisher} {ident.series or ''}{ident.number}"
        if ident.part:
            out += "-" + ident.part
        if ident.year:
            out += ":" + ident.year + (f"-{ident.month}" if ident.month else "")
        if ident.edition:
            tok = next((f[6:] for f in ident.flags if f.startswith("edtok=")), "ED")
            out += " " + tok + ident.edition
        return out
    if ident.type in ("trf", "free"):
        out = (
            f"{ident.publisher} TRF {ident.number}"
            if ident.type == "trf"
            else (f"{ident.publisher} {ident.number}")
        )
        return out + (f":{ident.year}" if ident.year else "")
    if "wprog" in ident.flags or ident.type == "srd" and ident.stage in ("PWI", "PNW", "ANW"):
        t = "" if ident.type in ("wprog", None) else ident.type.upper() + " "
        return f"IEC {t}{ident.stage} {ident.number}" + (
            f" ED{ident.edition}" if ident.edition else ""
        )
    if ident.type == "ndoc":
        # committee documents ("ISO/TC 184/SC 4 N1110"); "N 100" spacing is kept as written
        pubs = "/".join([ident.publisher or "ISO", *ident.copublishers])
        jsep = " " if (ident.series or "").startswith("JTC") and ident.copublishers else "/"
        nsep = " " if "n-space" in ident.flags else ""
        out = f"{pubs}{jsep}{ident.series} N{nsep}{ident.number}"
        if ident.year:
            out += ":" + ident.year
        return out
    if ident.type == "dir" and "bare" in ident.flags:
        out = ident.extra or ""
        if ident.year:
            out += ":" + ident.year + (f"-{ident.month}" if ident.month else "")
        return out
    if ident.type == "dir" and ident.adoption == "bundle":
        from dataclasses import replace

        return render(replace(ident, adopted=(), adoption=None)) + " + " + render(ident.adopted[0])
    if ident.type == "dir":
        pubs = "/".join([ident.publisher or "ISO", *ident.copublishers])
        out = f"{pubs} DIR" if not ident.series else f"{pubs} {ident.series} DIR"
        if ident.number:
            out += " " + ident.number
        if ident.extra:
            out += " " + ident.extra
        if ident.year:
            out += ":" + ident.year
        if ident.edition:
            out += " Edition " + ident.edition
        return out
    out = render_head(ident)
    out = (out + " " if out else "") + render_number(ident)
    iec = ident.body == "IEC"
    if with_edition and ident.edition:
        out += " ED" + ident.edition
    elif (iec or "iec-style" in ident.flags) and ident.edition:
        out += " ED" + ident.edition
    plain = [s for s in ident.supplements if not s.consolidated]
    cons = [s for s in ident.supplements if s.consolidated]
    if cons:
        # IEC consolidated versions: "+AMDn:yyyy" chain, the VAP, then later corrigenda
        last = max(i for i, sup in enumerate(ident.supplements) if sup.consolidated)
        for sup in ident.supplements[: last + 1]:
            if sup.consolidated:
                out += _supp_plus(sup, ident.body)
            else:
                out += _render_supp(ident, sup, with_edition)
        if ident.vap:
            out += " " + ident.vap
        for sup in ident.supplements[last + 1 :]:
            out += _render_supp(ident, sup, with_edition)
    else:
        for sup in plain:
            out += _render_supp(ident, sup, with_edition)
        if ident.vap:
            out += " " + ident.vap
    if ident.languages:
        sep = "-" if iec and False else ","
        out += "(" + sep.join(ident.languages) + ")"
    if ident.all_parts:
        out += " (all parts)"
    return out


def _render_supp(ident: Identifier, sup: Supplement, with_edition: bool) -> str:
    if sup.label and sup.label not in ("space",) and not sup.stage:
        out = "/" + sup.label + (sup.number or "")
        if sup.iteration:
            out += "." + sup.iteration
        if sup.year:
            out += ":" + sup.year
        if sup.edition and (with_edition or ident.body == "IEC"):
            out += " ED" + sup.edition
        return out
    if ident.body == "IEC" or sup.type in ("ish", "frag"):
        tok = _supp_iec_token(sup)
        if sup.stage:
            tok = sup.stage + " " + tok
        return "/" + tok
    if sup.label == "space":
        return " " + _supp_iso(sup, with_edition)[1:]
    return _supp_iso(sup, with_edition)
