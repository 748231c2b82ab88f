"""IEEE standards and drafts (also ANSI/IEEE, AIEE, IRE, and IEC/IEEE or ISO/IEC/IEEE co-publications
written the IEEE way).

Shapes handled structurally::

    PUBS [Std|No] [A-Z]nnn[.n][a] [-yyyy|:yyyy|, yyyy Edition] {/Cor n-yyyy|/Amd n-yyyy}
        [ (relation clauses…)] [ Redline| - Redline]
    PUBS [Unapproved|Approved|Active …] [Draft] [Std] Pnnn[.n][a][-REV…]/Dn[.n], Month [d,] yyyy
    PUBS Pnnn/D-n-yyyy-mm           (the Relaton catalogue's draft form, kept as written)

Month names are expanded (``Sept`` → ``September``), ``:yyyy``/``.yyyy`` become ``-yyyy``, and
approval qualifiers are dropped from the short rendering (they are flags).

An identifier is a *head* followed by bracketed clauses and an optional redline marker::

    ID     = HEAD [ " and " ALT | " " ALT ] { " (" CLAUSE ")" } [ " - Redline" ]
    CLAUSE = RELATION | ALT | note
    RELATION = ("Revision of" | "Incorporates" | "incorporating" | "Amendment to" |
                "Supplement to" | "Includes [Supplement]" | "Supersedes" | "Adoption of") ID-list

- a relation becomes a :class:`~stdlink.pubid.model.Relation` whose targets are parsed by this
  grammar ("Revision of A, incorporating B, and C" gives two relations); relations are
  re-emitted in the canonical order alternative, supersedes, incorporates, supplement to,
  revision of, amendment to, includes, adoption of (pubid-v1), each with its own wording;
- a dual identifier ("ANSI C37.61-1973 and IEEE Std 321-1973", "IEEE 1076.4 IEC 61691-5 …",
  "P1635/ASHRAE 21") or a bracketed identifier ("AIEE No 41-1930 (ASA C29A-1930)") is a
  combined identifier: the second one is kept in ``adopted`` (``adoption="dual"``) and
  rendered in brackets after the first, as written (no "Std" inserted, "(E)" dropped);
- anything else in brackets ("(Trial Use)", "(R2010)") is a note kept verbatim in ``extra``.

Drafts may carry an ISO stage instead of a draft number (``P15288/CD1``, ``CD P23026:2013``,
``P15288-DIS-1403``) and a corrigendum (``P1900.6-2011/Cor1/D3``); a publisher-less project
number (``P802-REV/D2.0``) is an IEEE project.  The National Electrical Safety Code has its
own forms (``C2-1997 National Electrical Safety Code``, ``2017 NESC(R) Handbook``,
``Draft NESC(R), June 2011``).  Anything else that starts with an IEEE-family publisher is
kept verbatim (the v1 gem's own fixtures only round-trip many of these).
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Relation, Supplement
from . import generic

# USAS: the USA Standards Institute, ANSI's name from 1966 to 1969 ("USAS C57.12.00-1968")
_PUB = r"(?:IEEE|ANSI|AIEE|IRE|ASA|USAS|NESC|ISO|IEC|ASTM|CSA|NACE|ASHRAE)"
PUBS = rf"(?P<pubs>{_PUB}(?:\s?/\s?{_PUB})*)"
MONTHS = {
    m[:3].lower(): m
    for m in (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )
}
MONTHS["sept"] = "September"
STD_RE = re.compile(
    # a dotted year ("IEEE Std 581.1978", "1244-5.2000") is a year, not a number component
    rf"^{PUBS} (?P<st>(?:(?:Active )?(?:Unapproved |Approved )?Draft )?Std|STD|No\.?|no\.?)\s?(?P<num>[A-Z]{{0,3}}\d+(?:\.(?!(?:19|20)\d\d(?:$|[ (/]))\d+)*[a-zA-Z]?[a-z]*"
    r"(?:-(?!(?:19|20)\d\d(?:$|[ (/]))\d{1,5}(?=[-.]\d{4}|$|[ /:]))?)"
    r"(?:(?:[-.:]|, )(?P<year>\d{4})(?P<ed> Edition)?)?(?P<lang>\(E\))?"
    r"(?P<supp>(?:/(?:Cor|Amd)\.?\s?\d+[-:]\d{4})*)(?P<rest>(?: \([^()]*(?:\([^()]*\)[^()]*)*\))*)"
    r"(?P<red> Redline| - Redline)?$"
)
BARE_RE = re.compile(
    # "IEEE/ASTM SI 10-2016": the joint metric-practice standard keeps its "SI" designation
    rf"^{PUBS} (?P<num>(?:SI )?[A-Z]{{0,2}}\d+(?:\.\d+)*(?:[a-z]|[A-Z]{{1,2}})?)(?:[-:](?P<year>\d{{4}}))?(?P<lang>\(E\))?"
    r"(?P<rest>(?: \([^()]*\))*)$"
)
PDATE_RE = re.compile(
    rf"^{PUBS} (?P<num>P[A-Z]?\d+(?:[.-]\d+)*[a-z]?), (?P<mon>[A-Z][a-z]+) (?P<dy>\d{{4}})$"
)
EDITION_RE = re.compile(
    rf"^{PUBS} (?:Std )?(?P<num>[A-Z]?\d+(?:[.-]\d+)*) (?:Edition (?P<ed>\d+\.\d+)|"
    r"(?P<ord>First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth) edition)"
    r"(?: (?P<dy>\d{4})-(?P<dm>\d\d)(?:-(?P<dd>\d\d))?|, (?P<mon>[A-Z][a-z]+) (?P<my>\d{4}))$"
)
# "IEC 62525-Edition 1.0 - 2007" and its rendering "IEC 62525-2007 Edition 1.0"
EDITION_Y_RE = re.compile(
    rf"^{PUBS} (?:Std )?(?P<num>[A-Z]?\d+(?:[.-]\d+)*?)(?:-Edition (?P<ed>\d+\.\d+) - (?P<y>\d{{4}})|"
    r"-(?P<y2>\d{4}) Edition (?P<ed2>\d+\.\d+))$"
)
_ORD = {
    w: f"{i + 1}.0"
    for i, w in enumerate(
        "First Second Third Fourth Fifth Sixth Seventh Eighth Ninth Tenth".split()
    )
}
_MONTH_BY_NUM = {
    f"{i + 1:02d}": m
    for i, m in enumerate(
        (
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        )
    )
}


def _clauses(text: str | None) -> str | None:
    """Relation clauses: capitalised keyword, 'Std' inserted after a bare IEEE publisher."""
    if not text:
        return None
    text = re.sub(r"\((\w)", lambda m: "(" + m.group(1).upper(), text)
    return re.sub(r"\b((?:ANSI/)?IEEE) (?=[A-Z]?\d)", r"\1 Std ", text)


_MON_ALT = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,? ?\d"
DRAFT_RE = re.compile(
    rf"^{PUBS} (?P<st>(?:Active )?(?:Unapproved |Approved )?(?:Draft )?(?:Std )?)?"
    r"(?P<num>P[A-Z]?\d+(?:\.\d+|-(?!(?:19|20)\d\d/Cor)\d+)*[a-zA-Z]*(?:-REV[a-z]*)?"
    r"|(?:PSI )?[A-Z]?\d+(?:\.\d+)*[a-z]?(?= ?/D\d))"
    r"(?:-(?:19|20)\d\d(?=/Cor))?(?:/Cor ?(?P<cor>\d+))?(?:, \d{4} Edition)?"
    r"(?:/(?P<apub>ASHRAE|ASTM|CSA|NACE|ANSI) (?P<anum>[\w.-]+?))?"
    # the draft number may be glued to the project ("P802.11ajD8.0") or to the month
    # ("/D14June 2010"), or written with "-" or "_" ("P2410-D4", "P1003.1_D4 , Jan 2008")
    r"(?:(?:\s?[/_ ]\s?|-(?=D\d)|(?=D\d))(?:(?:REV)?D(?P<d>[0-9](?:(?!" + _MON_ALT + r")[\w.])*)"
    r"|(?P<stg>CD|DIS|FDIS|PRF)(?P<si>\d*)))"
    r"(?::(?P<cy>\d{4}))?"
    # the date is a month name and a year ("Jul 07" is July 2007); "Rev 18" is not a date
    r"(?:\s?,?\s?(?P<mon>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)\.?,? ?"
    r"(?:(?P<day>\d{1,2}), )?(?P<dy>\d{4}|\d{2}))?$"
)
# ISO stages written before the project number or between it and a date code
STAGE_DRAFT_RE = re.compile(
    rf"^{PUBS} (?:(?P<stg>CD|DIS|FDIS|PRF)(?P<si>\d*) (?P<num>P[A-Z]?\d+(?:\.\d+)*(?:-\d{{1,3}})*)"
    r"(?::(?P<cy>\d{4}))?|(?P<num2>P[A-Z]?\d+(?:\.\d+)*)-(?P<stg2>CD|DIS|FDIS)-(?P<cy2>\d{4}))$"
)
# the year-first rendering of those: "ISO/IEC/IEEE Draft Std P23026-2013/CD"
YFIRST_RE = re.compile(
    rf"^{PUBS} Draft Std (?P<num>P[A-Z]?\d+(?:\.\d+)*(?:-\d{{1,3}})?)-(?P<cy>\d{{4}})"
    r"/(?:D(?P<d>[0-9][\w.]*)|(?P<stg>CD|DIS|FDIS|PRF)(?P<si>\d*))$"
)
RDRAFT_RE = re.compile(
    rf"^{PUBS} (?P<st>Unapproved Std |Std )?(?P<num>P[A-Z]?\d+(?:\.\d+)*[a-zA-Z]*(?:-\d+)*)"
    r"/D-(?P<d>[\d.]+)(?:-(?P<dy>\d{4})(?:-(?P<dm>\d\d))?)?$"
)
LEAD_RE = re.compile(rf"^{PUBS}\b")


def _month(m: str | None) -> str | None:
    if not m:
        return None
    return MONTHS.get(m[:4].lower() if m[:4].lower() == "sept" else m[:3].lower())


def _pubs(text: str) -> tuple[str, tuple[str, ...]]:
    ps = [p.strip() for p in text.split("/")]
    return ps[0], tuple(ps[1:])


def _parse_head(s: str, verbatim: bool = True) -> Identifier | None:
    """One identifier without combined parts (the grammar before relation clauses)."""
    m = EDITION_RE.match(s)
    if m:
        pub, co = _pubs(m.group("pubs"))
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="std",
            number=m.group("num"),
            edition=m.group("ed") or _ORD[m.group("ord")],
            year=m.group("dy") or m.group("my"),
            month=_MONTH_BY_NUM.get(m.group("dm")) or _month(m.group("mon")),
            day=str(int(m.group("dd"))) if m.group("dd") else None,
            flags=("edition",),
            raw=s,
        )
    m = EDITION_Y_RE.match(s)
    if m:
        pub, co = _pubs(m.group("pubs"))
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="std",
            number=m.group("num"),
            edition=m.group("ed") or m.group("ed2"),
            year=m.group("y") or m.group("y2"),
            flags=("edition",),
            raw=s,
        )
    m = STAGE_DRAFT_RE.match(s) or YFIRST_RE.match(s)
    if m:
        pub, co = _pubs(m.group("pubs"))
        gd = m.groupdict()
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="draft",
            number=gd.get("num") or gd["num2"],
            version=gd.get("d"),
            stage=gd.get("stg") or gd.get("stg2"),
            iteration=gd.get("si") or None,
            year=gd.get("cy") or gd.get("cy2"),
            flags=("yfirst",) if (gd.get("cy") or gd.get("cy2")) else (),
            raw=s,
        )
    m = PDATE_RE.match(s)
    if m:
        pub, co = _pubs(m.group("pubs"))
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="project",
            number=m.group("num"),
            year=m.group("dy"),
            month=_month(m.group("mon")),
            raw=s,
        )
    m = STD_RE.match(s)
    if m and "Draft" in m.group("st") and m.group("num").startswith("P"):
        m = None  # an unapproved draft of a project is a draft, not a standard
    if m:
        pub, co = _pubs(m.group("pubs"))
        supps = tuple(
            Supplement(type=x.group(1).lower(), number=x.group(2), year=x.group(3))
            for x in re.finditer(r"/(Cor|Amd)\.?\s?(\d+)[-:](\d{4})", m.group("supp") or "")
        )
        st = m.group("st")
        flags = []
        if st in ("STD",) or st.lower().startswith("no"):
            flags.append("st=" + st)
        if m.group("red"):
            flags.append("red=" + m.group("red"))
        if m.group("lang"):
            flags.append("lang-e")
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="std",
            number=m.group("num"),
            year=m.group("year"),
            supplements=supps,
            extra=_clauses(m.group("rest")),
            flags=tuple(flags),
            raw=s,
        )
    m = RDRAFT_RE.match(s)
    if m:
        pub, co = _pubs(m.group("pubs"))
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="draft",
            number=m.group("num"),
            version=m.group("d"),
            year=m.group("dy"),
            month=m.group("dm"),
            flags=("relaton",) + (("st=" + m.group("st").strip(),) if m.group("st") else ()),
            raw=s,
        )
    m = DRAFT_RE.match(s)
    if m and m.group("cy") and m.group("dy"):
        m = None  # two dates: not a draft designation this grammar knows
    if m:
        pub, co = _pubs(m.group("pubs"))
        dy = m.group("dy")
        if dy and len(dy) == 2:
            dy = "20" + dy
        st = m.group("st") or ""
        flags = tuple(
            f
            for f in (
                "unapproved" if "Unapproved" in st else None,
                "approved" if "Approved" in st else None,
                "active" if "Active" in st else None,
            )
            if f
        )
        if m.group("cy"):
            dy = m.group("cy")
            flags += ("yfirst",)
        alt = ()
        if m.group("apub"):  # "P1635/ASHRAE 21_D4": a project numbered by two publishers
            alt = (
                Identifier(
                    body="IEEE",
                    publisher=m.group("apub"),
                    type="std",
                    number=m.group("anum"),
                    flags=("bare", "alt"),
                ),
            )
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="draft",
            number=m.group("num"),
            version=m.group("d"),
            stage=m.group("stg"),
            iteration=m.group("si") or None,
            year=dy,
            month=_month(m.group("mon")),
            day=m.group("day"),
            supplements=(Supplement(type="cor", number=m.group("cor")),) if m.group("cor") else (),
            adopted=alt,
            adoption="dual" if alt else None,
            flags=flags,
            raw=s,
        )
    m = BARE_RE.match(s)
    if m:
        pub, co = _pubs(m.group("pubs"))
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="std",
            number=m.group("num"),
            year=m.group("year"),
            extra=_clauses(m.group("rest")),
            flags=("bare",)
            + (("lang-e",) if m.group("lang") else ())
            + (("iso-year",) if ":" in s and "IEEE" not in m.group("pubs") else ()),
            raw=s,
        )
    lm = LEAD_RE.match(s)
    if lm and verbatim:
        from dataclasses import replace

        ident = generic.verbatim("IEEE", None, s, s, 0)
        return replace(ident, publisher=lm.group("pubs").split("/")[0])
    if not verbatim:
        return None
    raise ParseError(s, 0, "an IEEE-family publisher (IEEE, ANSI, AIEE ...)", "IEEE")


_PUB_WORD = r"(?:IEEE|ANSI|AIEE|IRE|ASA|USAS|NESC|ISO|IEC|ASTM|CSA|NACE|ASHRAE)"
# where a second identifier may start inside a head ("IEEE 1076.4 IEC 61691-5 …")
_DUAL_AT_RE = re.compile(rf" (?={_PUB_WORD}(?:[ /]|\d))")
_GLUED_RE = re.compile(rf"^({_PUB_WORD})(?=\d)")
_RELATIONS = (
    # ANSI accredited-standards wording: a document renumbered ("redesignated") from another,
    # possibly revised or reaffirmed at the same time
    ("revision_redesignation_of", re.compile(r"^[Rr]evision and [Rr]edesignation of ")),
    ("reaffirmation_of", re.compile(r"^[Rr]eaffirmation of ")),
    ("redesignation_of", re.compile(r"^[Rr]edesignation of ")),
    ("revision_of", re.compile(r"^(?:[Rr]evision of|REVISION OF) ")),
    ("incorporates", re.compile(r"^(?:[Ii]ncorporates|[Ii]ncorporating) ")),
    ("amendment_to", re.compile(r"^[Aa]mendment to ")),
    ("supplement_to", re.compile(r"^[Ss]upplement to ")),
    ("includes_supplement", re.compile(r"^[Ii]ncludes [Ss]upplement ")),
    ("includes", re.compile(r"^[Ii]ncludes ")),
    ("supersedes", re.compile(r"^[Ss]upersedes ")),
    ("adoption_of", re.compile(r"^[Aa]doption of ")),
)
# canonical order of the clauses (pubid-v1): alternatives first, then these
_ORDER = (
    "supersedes",
    "incorporates",
    "supplement_to",
    "revision_redesignation_of",
    "reaffirmation_of",
    "redesignation_of",
    "revision_of",
    "amendment_to",
    "includes",
    "includes_supplement",
    "adoption_of",
)
_SUBCLAUSE_RE = re.compile(
    r"(?:, |/|; )(?=(?:[Ii]ncorporat|[Rr]evision of|[Ss]upersedes|[Aa]mendment to|[Ii]ncludes |"
    r"[Rr]edesignation of|[Rr]eaffirmation of))"
)
_TARGET_SPLIT_RE = re.compile(rf"(?:,? and |, )(?={_PUB_WORD}[ /]|Std )")
_AS_AMENDED_RE = re.compile(r" as amended by ")
_REDLINE_RE = re.compile(r"(?P<red> Redline| - Redline)$")


def _trailing_groups(s: str) -> tuple[str, list[str]]:
    """Split "HEAD (a) (b (c))" into the head and the top-level bracket groups at its end."""
    groups: list[str] = []
    end = len(s)
    while end > 0 and s[end - 1] == ")":
        depth = 0
        i = end - 1
        while i >= 0:
            c = s[i]
            if c == ")":
                depth += 1
            elif c == "(":
                depth -= 1
                if depth == 0:
                    break
            i -= 1
        if i <= 0 or s[i - 1] != " ":
            break
        groups.insert(0, s[i + 1 : end - 1])
        end = i - 1
    return s[:end], groups


def _member(text: str, inherit: str | None) -> Identifier | None:
    """A related or combined identifier; None when the text is not one."""
    text = text.strip()
    if text.startswith("Std ") and inherit:
        text = f"{inherit} {text}"
    text = _GLUED_RE.sub(r"\1 ", text)
    if not LEAD_RE.match(text):
        return None
    try:
        return _parse_head(text, verbatim=False)
    except ParseError:
        return None


def _targets(text: str, inherit: str | None) -> tuple[Identifier, ...] | None:
    out = []
    for piece in _TARGET_SPLIT_RE.split(text):
        ident = _member(piece, inherit)
        if ident is None:
            return None
        out.append(ident)
    return tuple(out)


def _relations(text: str, inherit: str | None) -> list[Relation] | None:
    """ "Revision of A, incorporating B, and C" → [revision_of A, incorporates B C]."""
    out = []
    for sub in _SUBCLAUSE_RE.split(text):
        found = next(((k, rx.match(sub)) for k, rx in _RELATIONS if rx.match(sub)), None)
        if found is None:
            return None
        kind, m = found
        assert m is not None
        rest = sub[m.end() :]
        if kind == "amendment_to":
            base, _, amended = rest.partition(" as amended by ")
            tg = _targets(base, inherit)
            more = _targets(amended, inherit) if amended else ()
            if tg is None or more is None or len(tg) != 1:
                return None
            out.append(Relation(kind, tg + more))
            continue
        tg = _targets(rest, inherit)
        if tg is None:
            return None
        out.append(Relation(kind, tg))
    return out


def _as_alt(ident: Identifier) -> Identifier:
    from dataclasses import replace

    flags = tuple(f for f in ident.flags if f != "lang-e") + ("alt",)
    return replace(ident, flags=flags, raw="")


_DASH_SPACE_RE = re.compile(r"(?<=\d) -(?=(?:19|20)\d\d\b)|(?<=\d)- (?=(?:19|20)\d\d\b)")


def parse(s: str) -> Identifier:
    if "/ " in s:
        s = re.sub(r"(?<=[A-Z])/ (?=[A-Z])", "/", s)
    n = _nesc(s)
    if n is not None:
        return n
    if s[:1] == "P" and re.match(r"P[A-Z]?\d", s):
        s = "IEEE " + s  # a bare project number is an IEEE project
    elif s[:4] == "Std " and re.match(r"Std [A-Z]?\d", s):
        s = "IEEE " + s  # "Std 802.15.4j-2013": IEEE's own word, the publisher left out
    # a space on one side of the year's dash ("C37.102 -2006", "C62.35- 2010") is a typo
    if " -" in s or "- " in s:
        s = _DASH_SPACE_RE.sub("-", s)
    ident = _parse_combined(s)
    if ident is not None:
        return ident
    c = _CSA_DUAL_RE.match(s) if "/CSA " in s else None
    if c:
        ident = _csa_dual(s, c)
        if ident is not None:
            return ident
    return _parse_head(s)  # type: ignore[return-value]


# IEEE standards published jointly with CSA carry both designations, joined by "/":
# "IEEE Std 844.1-2017/CSA C22.2 No. 293.1-17"; the CSA one is kept as an adopted member
_CSA_DUAL_RE = re.compile(r"^(?P<a>(?:IEEE|ANSI)\b.*?\d{4})/(?P<b>CSA [A-Z].*)$")


def _csa_dual(s: str, c: re.Match) -> Identifier | None:
    from dataclasses import replace

    from . import national

    first = _parse_head(c.group("a"), verbatim=False)
    if first is None or first.type == "verbatim":
        return None
    try:
        second = national.parse(c.group("b"))
    except ParseError:
        return None
    return replace(first, adopted=(second,), adoption="slash", raw=s)


def _parse_combined(s: str) -> Identifier | None:
    """Heads with relation clauses or a second identifier; None when there is neither."""
    from dataclasses import replace

    rm = _REDLINE_RE.search(s)
    text = s[: rm.start()] if rm else s
    head, groups = _trailing_groups(text)
    if " and " not in head and not groups and not _DUAL_AT_RE.search(head):
        return None
    lead = LEAD_RE.match(head)
    if not lead:
        return None
    pubs = lead.group("pubs").split("/")
    inherit = "IEEE" if "IEEE" in pubs else pubs[0]
    first = None
    alts: list[Identifier] = []
    if " and " in head:
        a, _, b = head.partition(" and ")
        first, second = _member(a, None), _member(b, inherit)
        if first is None or second is None:
            return None
        alts.append(second)
    else:
        first = _member(head, None)
        if first is None:
            for m in _DUAL_AT_RE.finditer(head):
                a, b = head[: m.start()], head[m.end() :]
                first, second = _member(a, None), _member(b, inherit)
                if first is not None and second is not None:
                    alts.append(second)
                    break
            else:
                return None
    relations: list[Relation] = []
    notes: list[str] = []
    for g in groups:
        rel = _relations(g, inherit)
        if rel is not None:
            relations.extend(rel)
            continue
        alt = _member(g, None)
        if alt is not None and alt.type != "verbatim":
            alts.append(alt)
            continue
        notes.append(g)
    if not alts and not relations:
        return None  # notes only: kept as written by the single-identifier grammar
    if first.type == "verbatim" or first.extra:
        return None
    relations.sort(key=lambda r: _ORDER.index(r.kind))
    flags = first.flags + (("red=" + rm.group("red"),) if rm else ())
    return replace(
        first,
        adopted=first.adopted + tuple(_as_alt(x) for x in alts),
        adoption="dual" if (alts or first.adopted) else None,
        relations=tuple(relations),
        extra="".join(f" ({x})" for x in notes) or None,
        flags=flags,
        raw=s,
    )


NESC_RE = re.compile(
    r"^(?:(?P<c2>C2)-(?P<cy>\d{4}) National Electric(?:al)? Safety Code(?: \(NESC\))?"
    r"|(?:IEEE Std )?(?P<hy>\d{4}) NESC(?:\(R\)|®)? Handbook(?:, (?P<ed>[A-Z][a-z]+) Edition)?"
    r"|Draft (?P<long>National Electrical Safety Code|NESC(?:\(R\)|®)?), (?P<mon>[A-Z][a-z]+)"
    r" (?P<dy>\d{4}))$"
)


def _nesc(s: str) -> Identifier | None:
    """The National Electrical Safety Code (ANSI C2), its handbook and its drafts."""
    if "NESC" not in s and "Safety Code" not in s:
        return None
    m = NESC_RE.match(s)
    if not m:
        return None
    if m.group("c2"):
        return Identifier(
            body="IEEE",
            publisher="IEEE",
            series="C",
            type="nesc",
            number="2",
            year=m.group("cy"),
            raw=s,
        )
    if m.group("hy"):
        return Identifier(
            body="IEEE",
            publisher="IEEE",
            type="nesc-handbook",
            number="NESC",
            year=m.group("hy"),
            edition=m.group("ed"),
            raw=s,
        )
    return Identifier(
        body="IEEE",
        publisher="IEEE",
        type="nesc-draft",
        number="NESC",
        year=m.group("dy"),
        month=_month(m.group("mon")),
        flags=("nesc-long",) if m.group("long").startswith("National") else (),
        raw=s,
    )


def render(i: Identifier, profile: str = "default") -> str:
    if i.type == "verbatim":
        return i.extra or ""
    out = _render_head(i, profile)
    if i.adoption == "slash":
        from ..render import render as render_any

        return out + "".join("/" + render_any(a) for a in i.adopted)
    for alt in i.adopted:
        out += f" ({render(alt, profile)})"
    for rel in i.relations:
        out += _render_relation(rel, profile)
    if (
        i.extra
        and i.type in ("draft", "project", "nesc", "nesc-handbook", "nesc-draft")
        or (i.extra and "edition" in i.flags)
    ):
        out += i.extra
    for f in i.flags:
        if f.startswith("red="):
            out += f[4:]
    return out


_REL_WORDS = {
    "revision_of": "Revision of",
    "revision_redesignation_of": "Revision and Redesignation of",
    "reaffirmation_of": "Reaffirmation of",
    "redesignation_of": "Redesignation of",
    "incorporates": "Incorporates",
    "amendment_to": "Amendment to",
    "supplement_to": "Supplement to",
    "includes": "Includes",
    "includes_supplement": "Includes Supplement",
    "supersedes": "Supersedes",
    "adoption_of": "Adoption of",
}


def _join(items: list[str], last: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + last + items[-1]


def _render_relation(rel: Relation, profile: str) -> str:
    ts = [render(t, profile) for t in rel.targets]
    word = rel.label or _REL_WORDS[rel.kind]
    if rel.kind == "incorporates":
        body = ", and ".join(ts)
    elif rel.kind == "amendment_to":
        body = ts[0]
        if len(ts) > 1:
            body += " as amended by " + (ts[1] if len(ts) == 2 else _join(ts[1:], ", and "))
    elif rel.kind == "supersedes" and len(ts) > 2:
        body = ", ".join(ts)
    else:
        body = " and ".join(ts)
    return f" ({word} {body})"


def _render_head(i: Identifier, profile: str) -> str:
    if i.type == "nesc":
        return f"C{i.number}-{i.year} National Electrical Safety Code"
    if i.type == "nesc-handbook":
        out = f"IEEE Std {i.year} NESC(R) Handbook"
        return out + (f", {i.edition} Edition" if i.edition else "")
    if i.type == "nesc-draft":
        name = "National Electrical Safety Code" if "nesc-long" in i.flags else "NESC(R)"
        return f"Draft {name}, {i.month} {i.year}"
    pubs = "/".join([i.publisher or "IEEE", *i.copublishers])
    flags = dict(f.split("=", 1) if "=" in f else (f, f) for f in i.flags)
    alt = "alt" in flags
    # the joint IEEE/ASTM metric practice is designated "SI 10" (draft "PSI 10"), never "Std"
    si = i.number.startswith(("SI ", "PSI "))
    std = "Std " if "IEEE" in pubs and not alt and not si else ""
    if "edition" in i.flags:
        if not i.month:
            return f"{pubs} {std}{i.number}-{i.year} Edition {i.edition}"
        day = f" {i.day}," if i.day else ""
        return f"{pubs} {std}{i.number} Edition {i.edition}, {i.month}{day} {i.year}"
    if i.type == "project":
        return f"{pubs} Std {i.number}, {i.month} {i.year}"
    if i.type == "draft":
        if "relaton" in flags:
            out = (
                f"{pubs} "
                + (flags["st"] + " " if "st" in flags else "")
                + f"{i.number}/D-{i.version}"
            )
            if i.year:
                out += "-" + i.year + (f"-{i.month}" if i.month else "")
            return out
        q = ""
        if profile == "full":
            q = " ".join(
                x
                for x in (
                    "Active" if "active" in flags else None,
                    "Unapproved" if "unapproved" in flags else None,
                    "Approved" if "approved" in flags else None,
                )
                if x
            )
        # "Std" is IEEE's word: an ANSI draft is "ANSI Draft PC63.10/D14" (pubid-ieee v1)
        word = "Draft Std" if "IEEE" in pubs else "Draft"
        out = f"{pubs} {q + ' ' if q else ''}{word} {i.number}"
        if si and not q and "st" not in flags:
            out = f"{pubs} {i.number}"
        if "yfirst" in flags and i.year:
            out += "-" + i.year
        for sup in i.supplements:
            out += f"/{sup.type.capitalize()} {sup.number}"
        if i.version:
            out += f"/D{i.version}"
        elif i.stage:
            out += f"/{i.stage}{i.iteration or ''}"
        if i.year and "yfirst" not in flags:
            out += ", " + (f"{i.month} " if i.month else "") + (f"{i.day}, " if i.day else "")
            out += i.year
        return out
    if "bare" in flags:
        out = f"{pubs} {std}{i.number}"
    else:
        out = f"{pubs} {flags.get('st', 'Std')} {i.number}"
    if i.year:
        out += (":" if "iso-year" in flags else "-") + i.year
    if "lang-e" in flags:
        out += "(E)"
    for sup in i.supplements:
        out += f"/{sup.type.capitalize()} {sup.number}-{sup.year}"
    if i.extra:
        out += i.extra
    return out
