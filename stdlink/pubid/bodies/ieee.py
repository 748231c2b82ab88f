"""IEEE standards and drafts (also ANSI/IEEE, AIEE, IRE, and IEC/IEEE or ISO/IEC/IEEE co-publications
written the IEEE way).

Shapes handled structurally::

    PUBS [Std|No] [A-Z]nnn[.n][a] [-yyyy|:yyyy|, yyyy Edition] {/Cor n-yyyy|/Amd n-yyyy}
        [ (relation clauses…)] [ Redline| - Redline]
    PUBS [Unapproved|Approved|Active …] [Draft] [Std] Pnnn[.n][a][-REV…]/Dn[.n], Month [d,] yyyy
    PUBS Pnnn/D-n-yyyy-mm           (the Relaton catalogue's draft form, kept as written)

Month names are expanded (``Sept`` → ``September``), ``:yyyy``/``.yyyy`` become ``-yyyy``, and
approval qualifiers are dropped from the short rendering (they are flags).  Relation clauses
("(Revision of …)", "(Incorporates …)") are kept verbatim in ``extra``; anything else that
starts with an IEEE-family publisher is kept verbatim too (the v1 gem's own fixtures only
round-trip many of these).
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement
from . import generic

_PUB = r"(?:IEEE|ANSI|AIEE|IRE|ASA|NESC|ISO|IEC|ASTM|CSA|NACE|ASHRAE)"
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
    rf"^{PUBS} (?P<st>Std|STD|No\.?|no\.?)\s?(?P<num>[A-Z]{{0,3}}\d+(?:\.\d+)*[a-zA-Z]?[a-z]*"
    r"(?:-(?!(?:19|20)\d\d(?:$|[ (/]))\d{1,5}(?=-\d{4}|$|[ /:]))?)"
    r"(?:(?:[-.:]|, )(?P<year>\d{4})(?P<ed> Edition)?)?(?P<lang>\(E\))?"
    r"(?P<supp>(?:/(?:Cor|Amd)\.?\s?\d+-\d{4})*)(?P<rest>(?: \([^()]*(?:\([^()]*\)[^()]*)*\))*)"
    r"(?P<red> Redline| - Redline)?$"
)
BARE_RE = re.compile(
    rf"^{PUBS} (?P<num>[A-Z]{{0,2}}\d+(?:\.\d+)*[a-z]?)(?:[-:](?P<year>\d{{4}}))?(?P<lang>\(E\))?"
    r"(?P<rest>(?: \([^()]*\))*)$"
)
PDATE_RE = re.compile(
    rf"^{PUBS} (?P<num>P[A-Z]?\d+(?:[.-]\d+)*[a-z]?), (?P<mon>[A-Z][a-z]+) (?P<dy>\d{{4}})$"
)
EDITION_RE = re.compile(
    rf"^{PUBS} (?:Std )?(?P<num>[A-Z]?\d+(?:[.-]\d+)*) (?:Edition (?P<ed>\d+\.\d+)|"
    r"(?P<ord>First|Second|Third|Fourth) edition) (?P<dy>\d{4})-(?P<dm>\d\d)$"
)
_ORD = {"First": "1.0", "Second": "2.0", "Third": "3.0", "Fourth": "4.0"}
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


DRAFT_RE = re.compile(
    rf"^{PUBS} (?P<st>(?:Active )?(?:Unapproved |Approved )?(?:Draft )?(?:Std )?)?"
    r"(?P<num>P[A-Z]?\d+(?:[.-]\d+)*[a-zA-Z]*(?:-REV[a-z]*)?)"
    r"(?:\s?[/_ ]\s?(?:REV)?D(?P<d>[0-9][\w.]*))"
    r"(?:,? (?P<mon>[A-Z][a-z]+)\.?,? ?(?:(?P<day>\d{1,2}), )?(?P<dy>\d{4}|\d{2}))?$"
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


def parse(s: str) -> Identifier:
    if "/ " in s:
        s = re.sub(r"(?<=[A-Z])/ (?=[A-Z])", "/", s)
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
            year=m.group("dy"),
            month=_MONTH_BY_NUM.get(m.group("dm")),
            flags=("edition",),
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
    if m:
        pub, co = _pubs(m.group("pubs"))
        supps = tuple(
            Supplement(type=x.group(1).lower(), number=x.group(2), year=x.group(3))
            for x in re.finditer(r"/(Cor|Amd)\.?\s?(\d+)-(\d{4})", m.group("supp") or "")
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
        return Identifier(
            body="IEEE",
            publisher=pub,
            copublishers=co,
            type="draft",
            number=m.group("num"),
            version=m.group("d"),
            year=dy,
            month=_month(m.group("mon")),
            day=m.group("day"),
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
            flags=("bare",) + (("lang-e",) if m.group("lang") else ()),
            raw=s,
        )
    lm = LEAD_RE.match(s)
    if lm:
        from dataclasses import replace

        ident = generic.verbatim("IEEE", None, s, s, 0)
        return replace(ident, publisher=lm.group("pubs").split("/")[0])
    raise ParseError(s, 0, "an IEEE-family publisher (IEEE, ANSI, AIEE ...)", "IEEE")


def render(i: Identifier, profile: str = "default") -> str:
    if i.type == "verbatim":
        return i.extra or ""
    pubs = "/".join([i.publisher or "IEEE", *i.copublishers])
    std = "Std " if "IEEE" in pubs else ""
    if "edition" in i.flags:
        return f"{pubs} {std}{i.number} Edition {i.edition}, {i.month} {i.year}"
    if i.type == "project":
        return f"{pubs} Std {i.number}, {i.month} {i.year}"
    flags = dict(f.split("=", 1) if "=" in f else (f, f) for f in i.flags)
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
        out = f"{pubs} Draft Std {i.number}/D{i.version}"
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
            if q:
                out = f"{pubs} {q} Draft Std {i.number}/D{i.version}"
        if i.year:
            out += ", " + (f"{i.month} " if i.month else "") + (f"{i.day}, " if i.day else "")
            out += i.year
        return out
    if "bare" in flags:
        out = f"{pubs} {std}{i.number}"
    else:
        out = f"{pubs} {flags.get('st', 'Std')} {i.number}"
    if i.year:
        out += "-" + i.year
    if "lang-e" in flags:
        out += "(E)"
    for sup in i.supplements:
        out += f"/{sup.type.capitalize()} {sup.number}-{sup.year}"
    if i.extra:
        out += i.extra
    if "red" in flags:
        out += flags["red"]
    return out
