"""ITU-T / ITU-R / ITU-D Recommendations and their supplements.

Shape::

    [Recommendation] ITU-X [REC-]S.nnn[.n][-rev][/S.nnn] [(mm/yyyy)|(yyyy)]
        {Suppl. n | Amd n | Cor. n | Err. n | Annex X | App. n [(date)]}

The series letter and number are split (``G.780`` → series G, number 780; ``V.574-5`` →
revision 5 in ``part``).  ITU-R's older reference forms (``ITU-R 234-1/7:``, ``P.3/BL/7``,
``S.[4/BL/2]:``) have no further structure worth modelling; they are kept verbatim as the
code so that they round-trip and still key consistently.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement

HEAD_RE = re.compile(
    r"^(?P<annex>Annex to )?(?:Recommendation\s+|Rec\.\s+)?(?P<pub>ITU(?:-(?P<sector>[TRD]))?)"
    r"(?:\s?(?:REC|Rec\.|Recommendation)(?=[\s-])[\s-])?\s?"
)
# the form of ITU's URLs and file names: "T-REC-G.711-198811-I", "R-REC-BT.500-14-201910-I!!PDF-E"
TREC_RE = re.compile(
    r"^(?:ITU[- ])?(?P<sector>[TRD])-REC-(?P<code>[A-Z]{1,3}\.(?:Imp)?[0-9A-Za-z]+(?:\.\d+)*(?:-\d{1,3})?)"
    r"(?:-(?P<year>(?:19|20)\d\d)(?P<month>\d\d))?(?:-(?P<status>[IPST]))?(?:!!?.*)?$"
)
# Regulatory publications (Radio Regulations and its companions), with the edition year
RR_RE = re.compile(r"(?P<rp>RRX|RR5|RR|ROP|HFBS)(?=$|[ (])")
RR_WORDS_RE = re.compile(
    r"^(?:ITU(?:-R)? )?Radio Regulations(?:,? (?:Edition of |edition )?(?P<y>\d{4}))?$", re.I
)
# Operational Bulletin dates are written "1.VII.2020" (day, Roman month, year)
OB_DATE_RE = re.compile(r"\s*-\s*(?P<day>\d{1,2})\.(?P<rm>[IVX]+)\.(?P<year>\d{4})")
UNDOTTED_RE = re.compile(
    r"(?P<number>\d+)(?:-(?P<rev>\d+))?\s?\((?:(?P<month>\d{1,2})/)?(?P<year>\d{4})\)$"
)
LANG_SUFFIX_RE = re.compile(r"-(?P<lang>[EFSCRA])(?=$)")
_LANG = {"E": "en", "F": "fr", "S": "es", "C": "zh", "R": "ru", "A": "ar"}
_LANG_BACK = {v: k for k, v in _LANG.items()}
CODE_RE = re.compile(
    # a trailing capital is part of the number ("G.650.1B", a companion Recommendation)
    r"(?:REC-)?(?P<series>[A-Z]{1,3}|SG\d+)(?:\.(?P<imp>Imp)?(?P<number>\d+[a-z]?(?:\.\d+[a-z]?)*[A-Z]?|[A-Z]+"
    r"(?=$|[ (]))(?:-(?P<rev>\d+))?(?P<dual>(?:/[A-Z]{1,3}\.\d+(?:\.\d+)*(?:-\d+)?)+)?"
    r"|(?= Suppl))(?=$|[ (])"
)
OB_RE = re.compile(r"(?:OB\.?|Operational Bulletin)\s?(?:No\.\s?)?(?P<number>\d+(?:-[A-Z])?)")
DATE_RE = re.compile(r"\s?\((?:(?P<month>\d{1,2})/)?(?P<year>\d{4})\)")
SUPP_RE = re.compile(
    r"[\s/](?P<tok>Suppl\.?|Amd\.?|Amend\.?|Technical Cor\.|Cor\.?|Corr\.?|Err\.?|Add\.|Annex|"
    r"App\.?|Appendix|Imp\.?)\s?(?P<num>[0-9]+(?:\.[0-9]+)?|[A-Z]\d*\+?|[IVX]+)(?=$|[ (/])"
)
# qualifiers written after the code: "V.22 bis", "D.200 R", "H.245 (V15)", "Q.3941.1 v.1"
QUAL_RE = re.compile(r" (?:bis|ter|quater|R|attachment|series|\(V\d+\)|v\.\d+)(?=$|[ (])")
# a single capital after the number names a separate sheet of the Recommendation, listed on
# its own in ITU's catalogue ("Q.2931 C", "R.38 A"): it belongs to the number, so the sheets
# keep distinct work keys ("D.200 R", revised, stays a qualifier above)
SHEET_RE = re.compile(r" [A-QS-Z](?=$|[ (])")
VERBATIM_RE = re.compile(r"(?P<code>[^\s()]+)$")
_SUPP_TYPES = {
    "SUPPL": "suppl",
    "AMD": "amd",
    "AMEND": "amd",
    "COR": "cor",
    "CORR": "cor",
    "ERR": "errata",
    "ANNEX": "annex",
    "APP": "appendix",
    "APPENDIX": "appendix",
    "IMP": "imp",
}
_SUPP_RENDER = {
    "suppl": "Suppl.",
    "amd": "Amd",
    "cor": "Cor.",
    "errata": "Err.",
    "annex": "Annex",
    "appendix": "App.",
    "imp": "Imp.",
}
_ROMAN = {
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
}


def parse(s: str) -> Identifier:
    from dataclasses import replace

    t = TREC_RE.match(s)
    if t:  # "T-REC-G.711-198811-I" → "ITU-T G.711 (11/1988)"; the status letter is not identity
        date = f" ({t.group('month')}/{t.group('year')})" if t.group("year") else ""
        return replace(parse(f"ITU-{t.group('sector')} {t.group('code')}{date}"), raw=s)
    w = RR_WORDS_RE.match(s)
    if w:
        return replace(parse("ITU-R RR" + (f" ({w.group('y')})" if w.group("y") else "")), raw=s)
    if s.startswith(("OB.", "OB ", "Operational Bulletin")):
        s = "ITU-T " + s  # the Operational Bulletin is published by TSB (pubid-itu v1: ITU-T OB)
    h = HEAD_RE.match(s)
    if not h:
        raise ParseError(s, 0, "'ITU-T', 'ITU-R' or 'ITU-D'", "ITU")
    pub = h.group("pub")
    pos = h.end()
    annex = ("annex-to",) if h.group("annex") else ()
    ob = OB_RE.match(s, pos)
    if ob:
        year = month = None
        pos = ob.end()
        d = OB_DATE_RE.match(s, pos) or DATE_RE.match(s, pos)
        if d:
            year = d.group("year")
            month = _ROMAN[d.group("rm")] if "rm" in d.groupdict() else d.group("month")
            pos = d.end()
        if pos != len(s):
            raise ParseError(s, pos, "a date ('- 1.VII.2020' or '(07/2020)') or the end", "ITU")
        return Identifier(
            body="ITU",
            publisher=pub,
            type="ob",
            number=ob.group("number"),
            year=year,
            month=month and month.zfill(2),
            flags=annex,
            raw=s,
        )
    rr = RR_RE.match(s, pos) if pub == "ITU-R" else None
    if rr:
        d = DATE_RE.match(s, rr.end())
        end = d.end() if d else rr.end()
        if end != len(s):
            raise ParseError(s, end, "the edition year '(yyyy)' or the end", "ITU")
        return Identifier(
            body="ITU",
            publisher=pub,
            type="rr",
            number=rr.group("rp"),
            year=d.group("year") if d else None,
            month=d.group("month") if d else None,
            raw=s,
        )
    lang = LANG_SUFFIX_RE.search(s)
    if lang and lang.start() > pos:
        inner = parse(s[: lang.start()])
        return replace(inner, languages=(_LANG[lang.group("lang")],), raw=s)
    m = CODE_RE.match(s, pos)
    if not m:
        e = re.match(r"(?P<series>[A-Z])-(?P<number>\d+)(?P<q>(?: series)?)(?=$| )", s[pos:])
        if e:
            rest = parse(f"{pub} {e.group('series')}.{e.group('number')}{s[pos + e.end() :]}")
            from dataclasses import replace

            return replace(
                rest,
                series=e.group("series") + "-",
                extra=e.group("q") or None,
                flags=rest.flags + ("dash",),
                raw=s,
            )
        u = UNDOTTED_RE.match(s, pos)
        if u:  # R-sector documents without a series ("ITU-R 52 (2014)", handbooks, opinions)
            return Identifier(
                body="ITU",
                publisher=pub,
                type="undotted",
                number=u.group("number"),
                part=u.group("rev"),
                year=u.group("year"),
                month=u.group("month") and u.group("month").zfill(2),
                raw=s,
            )
        v = VERBATIM_RE.match(s, pos)
        rng = re.match(r"([A-Z]{1,3})\.(\d+)-[A-Z]{1,3}\.\d+(?: \(\d\d/\d{4}\))?$", s[pos:])
        if v and re.search(r"\d", v.group("code")):
            code = v.group("code")
            nm = re.match(r"(?:(?P<series>[A-Z]{1,3})\.)?\[?(?P<number>\d+)", code)
            return Identifier(
                body="ITU",
                publisher=pub,
                type="verbatim",
                number=nm.group("number") if nm else code,
                series=nm.group("series") if nm else None,
                extra=code,
                raw=s,
            )
        if rng:
            return Identifier(
                body="ITU",
                publisher=pub,
                type="range",
                series=rng.group(1),
                number=rng.group(2),
                extra=s[pos:],
                raw=s,
            )
        raise ParseError(s, pos, "a Recommendation code (series letter, '.', number)", "ITU")
    series = m.group("series")
    number = m.group("number") or ""
    flags = ("imp",) if m.group("imp") else ()
    pos = m.end()
    sh = SHEET_RE.match(s, pos)
    if sh and number:
        number += sh.group(0)
        pos = sh.end()
    qual = ""
    while True:
        q = QUAL_RE.match(s, pos)
        if not q:
            break
        qual += q.group(0)
        pos = q.end()
    year = month = None
    d = DATE_RE.match(s, pos)
    if d:
        year, month = d.group("year"), d.group("month")
        pos = d.end()
    supps: list[Supplement] = []
    while pos < len(s):
        sm = SUPP_RE.match(s, pos)
        if not sm:
            raise ParseError(
                s, pos, "a date (mm/yyyy), 'Suppl. n', 'Amd n', 'Cor. n' or the end", "ITU"
            )
        tok = sm.group("tok").rstrip(".").upper()
        typ = _SUPP_TYPES.get(tok) or {"TECHNICAL COR": "cor", "ADD": "add"}[tok]
        num = sm.group("num")
        if typ == "appendix":
            num = _ROMAN.get(num, num)
        pos = sm.end()
        sy = smo = None
        d = DATE_RE.match(s, pos)
        if d:
            sy, smo = d.group("year"), d.group("month")
            pos = d.end()
        supps.append(
            Supplement(
                type=typ,
                number=num,
                year=sy,
                month=smo and smo.zfill(2),
                label=sm.group("tok") if tok in ("TECHNICAL COR", "ADD") else None,
            )
        )
    if supps and year and not supps[-1].year and len(supps) == 1:
        # "G.780/Y.1351 (2004) Amend. 1": the date is the amendment's (pubid-v1 convention)
        last = supps[-1]
        supps[-1] = Supplement(
            type=last.type, number=last.number, year=year, month=month and month.zfill(2)
        )
        year = month = None
    return Identifier(
        body="ITU",
        publisher=pub,
        series=series,
        number=number,
        part=m.group("rev"),
        year=year,
        month=month and month.zfill(2),
        supplements=tuple(supps),
        extra=(m.group("dual") or "") + qual or None,
        flags=flags,
        raw=s,
    )


def _date(year: str | None, month: str | None) -> str:
    if not year:
        return ""
    return f" ({month}/{year})" if month else f" ({year})"


def render(ident: Identifier, profile: str = "default") -> str:
    pub = ident.publisher or "ITU"
    if ident.languages and ident.languages[0] in _LANG_BACK:
        from dataclasses import replace

        return render(replace(ident, languages=())) + "-" + _LANG_BACK[ident.languages[0]]
    if ident.type == "ob":
        out = f"{pub} OB No. {ident.number}" + _date(ident.year, ident.month)
        return ("Annex to " + out) if "annex-to" in ident.flags else out
    if ident.type == "undotted":
        return (
            f"{pub} {ident.number}"
            + (f"-{ident.part}" if ident.part else "")
            + _date(ident.year, ident.month)
        )
    if ident.type == "rr":
        return f"{pub} {ident.number}" + _date(ident.year, ident.month)
    if ident.type in ("verbatim", "range"):
        return f"{pub} {ident.extra}"
    code = ident.series or ""
    if "dash" in ident.flags:
        out = f"{pub} {code}{ident.number}{ident.extra or ''}" + _date(ident.year, ident.month)
        for sup in ident.supplements:
            out += f" {sup.label or _SUPP_RENDER[sup.type]} {sup.number}" + _date(
                sup.year, sup.month
            )
        return out
    if ident.number:
        code += "." + ("Imp" if "imp" in ident.flags else "") + ident.number
    if ident.part:
        code += "-" + ident.part
    if ident.extra:
        code += ident.extra
    out = f"{pub} {code}" + _date(ident.year, ident.month)
    if not ident.number and ident.extra:
        out = f"{pub} {ident.series}{ident.extra}" + _date(ident.year, ident.month)
    for sup in ident.supplements:
        out += f" {sup.label or _SUPP_RENDER[sup.type]} {sup.number}" + _date(sup.year, sup.month)
    return out
