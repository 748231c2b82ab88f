"""NIST and NBS technical series: ``NIST SP 800-53r5``, ``NBS HB 44e2``, ``FIPS 140-2``.

Grammar (NIST PubID, short form)::

    [NIST|NBS] SERIES[(stage)] NUMBER {component} [ language] [ stage]
    NUMBER    = digits {-digits | -LETTER} [LETTER]          800-53, 8259A, 4-M-5, 102E-42
    component = ptN | vN | verN.N | eN | rN | /UpdN-yyyymm | sup… | Add. | index | errata

The series code is a closed list (about 50 series), so ``NIST WRONG-SERIE 800-11`` is rejected.
Components are parsed in any order and from their legacy spellings, then rendered in the
canonical short form (``pt`` part, ``v`` volume, ``ver`` version, ``e`` edition, ``r``
revision, supplement, ``/Upd`` update, translation, stage):

- machine-readable forms (``NIST.SP.800-53r5``, ``nbs.tn.671``, ``.spa``, ``.fpd``,
  ``.u1-199011``) and the legacy series names (``NISTIR``, ``LCIRC``, ``NBS report ;``,
  ``CS e104`` → ``CS-E 104``; NBS NSRDS is rendered ``NSRDS-NBS n``);
- long words: ``Part n``/``Pt n``/``pn``/``_n`` → ``ptn``, ``Vol. n``/Roman ``-II`` → ``vn``,
  ``Ver. n``/``-1.0`` after a volume → ``vern``, ``Rev. n``/``rev n`` → revision;
- edition dates: ``-yyyy`` (edition year; revision year for NIST handbooks), ``-yyyy-yy``,
  `` yyyyed.``, ``(n)``, ``-Mon yyyy`` → ``eyyyymm``, ``-MonDD/yyyy`` → ``eyyyymmdd``;
- updates: ``rMonyyyy``, ``rM/yyyy``, ``supM/yyyy``, ``-upd1``, ``/Upd1-yyyym``;
- supplements: ``supp``/``sup`` with a year, a letter or a number; a dated supplement
  (``supJuly1922``) is the supplement to the edition of that date (``e192207sup``);
- translations: ``es``/``sp``/``esp`` → ``spa``, ``viet`` → ``vie``, ``chi`` → ``zho``,
  ``port`` → ``por`` (ISO 639-3);
- a bare ``r`` is the first revision (``r1``); a single lower-case letter ends the number and
  is upper-cased (``800-38e`` → ``800-38E``).

The revision keeps its written style (``r4``, `` r4``, `` Rev. 4``, `` Rev.4``) because the
NIST catalogue writes all four; the style is left out of every key, so they all match.  Text the grammar does not know is kept verbatim after the
components (nothing is lost).
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError, Supplement

SERIES = {
    "SP",
    "IR",
    "FIPS",
    "HB",
    "TN",
    "GCR",
    "NCSTAR",
    "AMS",
    "CSWP",
    "OWMWP",
    "CIRC",
    "LC",
    "BH",
    "CS",
    "CSM",
    "RPT",
    "NSRDS",
    "MONO",
    "MN",
    "MP",
    "BMS",
    "BSS",
    "CIS",
    "CRPL",
    "TIBM",
    "TTB",
    "PC",
    "SIBS",
    "DCI",
    "EAB",
    "JRES",
    "JPCRD",
    "HR",
    "IRPL",
    "RB",
    "CHIPS",
    "TRS",
    "VTS",
    "AI",
    "LCIRC",
    "CRPL-F-A",
    "CRPL-F-B",
    "BRPD-CRPL-D",
    "CS-E",
    "PS",
    "SOCC",
    "CPS",
    "NBS",
    "SSP",
}
_SERIES_ALT = "|".join(sorted(SERIES, key=len, reverse=True))
HEAD_RE = re.compile(
    rf"^(?:(?P<pub>NIST|NBS)(?P<sep>[ .]))?(?P<series>{_SERIES_ALT})(?P<stage>\(\w+\))?(?P<sep2>[ .])"
)
NUM_START_RE = re.compile(r"\d+|v\d+n\d+|[A-Z][A-Za-z]*-[A-Za-z]*\d+(?=$|[ .])|ADHOC")
RENAME = {"LCIRC": "LC", "NISTIR": "IR"}
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    )
}
_MON = r"(?P<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
LANGS = {
    "es": "spa",
    "esp": "spa",
    "sp": "spa",
    "spa": "spa",
    "viet": "vie",
    "vie": "vie",
    "chi": "zho",
    "zho": "zho",
    "port": "por",
    "por": "por",
    "fre": "fra",
    "fra": "fra",
    "ger": "deu",
    "deu": "deu",
    "kor": "kor",
    "jpn": "jpn",
    "ara": "ara",
    "rus": "rus",
    "ind": "ind",
}
_LANG_ALT = "|".join(sorted(LANGS, key=len, reverse=True))
STAGES = {"ipd": "ipd", "1pd": "ipd", "2pd": "2pd", "3pd": "3pd", "fpd": "fpd", "wd": "wd"}
STAGES.update({"prd": "prd", "spd": "spd", "iprd": "iprd"})
_STAGE_ALT = "|".join(sorted(STAGES, key=len, reverse=True))
ROMAN = {"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5", "VI": "6", "VII": "7"}
ROMAN.update({"VIII": "8", "IX": "9", "X": "10"})
_YEAR = r"(?:1[89]|20)\d\d"

# number continuations, tried in order at the end of the number read so far
_N_YEAR_RANGE = re.compile(rf"-(?P<y>{_YEAR})-\d\d(?!\d)")
_N_YEAR = re.compile(rf"-(?P<y>{_YEAR})(?!\d|\.\d)")
_N_MONYEAR = re.compile(rf"-{_MON}(?P<d>\d\d?)?(?:/(?P<y>\d{{4}})|(?P<y2>\d{{4}}))")
_N_ROMAN = re.compile(r"-(?P<r>I{1,3}|IV|VI{0,3}|IX|X)(?=-|$)(?:-(?P<ver>\d+(?:\.\d+)+))?")
_N_SEG = re.compile(r"-(?P<seg>\d+|[A-Z](?![a-z])|[a-z](?=$|[ .]))")
_N_LETTER = re.compile(
    rf"(?P<l>[A-OQ-Z]|P(?!t?\d))(?:(?![a-z]{{2}})|(?=(?:{_LANG_ALT})(?:$|[ .])))"
)
_N_LOWER = re.compile(
    rf"(?P<l>[a-z])(?=$|[ .]|v\d|pt\d|r\d|e\d|r$|-{_YEAR}(?!\d)|[-.]add|-errata|-index)"
)

# components, tried in order at the current position
_C_PART = re.compile(
    r"(?:pt|Pt|PT|p|P|_|,? Part |,? Pt\.? ?)(?P<v>\d+(?:-\d+)?)(?P<tail>[A-Z](?![a-z]))?"
)
# "v1.1" with a dot is a version ("500-268v1.1" → ver1.1), "v2" a volume
_C_VOL = re.compile(r"(?:v|,? Vol\. ?|,? Volume )(?P<v>\d+)(?!\.\d)")
_C_VER = re.compile(r"(?:ver|-?v(?=\d+\.\d)|,? Ver\. ?|,? Version )(?P<v>\d+(?:\.\d+)*)")
_C_UPD_OLD = re.compile(rf"r(?:{_MON}(?P<y>\d{{4}})|(?P<m>\d\d?)/(?P<y2>\d{{4}}|\d\d))(?![\d])")
_C_REV = re.compile(
    r"(?P<st>r|,? rev\.? ?| r|,? Rev\. |,? Rev\.|,? Revision )(?P<v>\d+(?:[a-zA-Z](?![a-zA-Z]))?)?"
)
_C_ED = re.compile(rf"e(?P<v>\d+)(?:-(?P<y>{_YEAR}))?|\((?P<p>\d+)\)|,? (?P<y2>{_YEAR}) ?ed\.")
_C_SUP = re.compile(
    rf"(?:supp?| Suppl\.)(?:{_MON}(?P<y>\d{{4}})|(?P<m>\d\d?)/(?P<y2>\d{{4}})|-?(?P<y3>{_YEAR})(?!\d)"
    r"|(?P<n>\d+|[A-Z](?![a-z])))?"
)
_C_UPD = re.compile(r"(?:/Upd|[-.]upd|\.u)(?P<n>\d+)(?:-(?P<d>\d{4,8}))?")
_C_ADD = re.compile(r"(?:[.-]add|\.Add\.?| Add\.)(?:-(?P<n>\d+))?")
_C_WORD = re.compile(r"-?(?P<w>index|errata|insert)")
_C_LANG = re.compile(rf"(?:[ .])?(?P<l>{_LANG_ALT})(?=$|[ .])")
_C_STAGE = re.compile(rf"[ .](?P<s>{_STAGE_ALT})(?=$|[ .](?:{_LANG_ALT})$)", re.I)

_SUP_TYPES = ("sup", "index", "errata", "insert", "add")


def _err(s: str, pos: int, expected: str) -> ParseError:
    return ParseError(s, pos, expected, "NIST")


def _legacy(s: str) -> str:
    t = s
    if t[:4].lower() == "nbs." or t[:5].lower() == "nist.":
        # lower-case machine-readable form "nbs.tn.671": publisher and series are codes
        head, _, rest = t.partition(".")
        series, dot, rest2 = rest.partition(".")
        if dot:
            t = f"{head.upper()}.{series.upper()}.{rest2}"
    if t.startswith("NISTIR"):
        t = "NIST IR" + t[6:]
    if t.startswith("NSRDS-NBS "):
        t = "NBS NSRDS " + t[10:]
    t = re.sub(r"^NBS report ; ", "NBS RPT ", t)
    # "FIPS PUB 180-4" / "FIPS PUBS 46-3": the series' own long name, not part of the number
    t = re.sub(r"^((?:NIST |NBS )?FIPS) PUBS? (?=\d)", r"\1 ", t)
    t = re.sub(r"^(NIST|NBS)([ .])CS[ .]e(?=\d)", r"\1\2CS-E ", t)
    return t


DATED_RE = re.compile(r"^NIST[ .](?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)[ .](?P<n>\d+)$")


# bracketed draft stages and language names of translations, as NIST's own pages write them
# ("NIST IR 8259 (ipd)", "NIST SP 800-171r2 (Spanish)"), fold to the suffix forms; a bare
# "(Draft)" does not say which draft and is kept as written
_BRACKET_RE = re.compile(
    rf"\s?\((?:(?P<s>{_STAGE_ALT})|(?P<draft>Draft)|(?P<name>Spanish|Vietnamese|Chinese|Portuguese|French|German"
    r"|Korean|Japanese|Arabic|Russian|Indonesian))\)$",
    re.I,
)
_LANG_NAMES = {
    "spanish": "spa",
    "vietnamese": "vie",
    "chinese": "zho",
    "portuguese": "por",
    "french": "fra",
    "german": "deu",
    "korean": "kor",
    "japanese": "jpn",
    "arabic": "ara",
    "russian": "rus",
    "indonesian": "ind",
}


_GLUED_SERIES_RE = re.compile(rf"^((?:NIST|NBS) (?:{_SERIES_ALT}))(?=\d)")


def parse(s: str) -> Identifier:
    g = _GLUED_SERIES_RE.match(s)
    if g:  # "NIST SP800-53r5": the space between series and number is missing
        s = s[: g.end()] + " " + s[g.end() :]
    b = _BRACKET_RE.search(s)
    if b:
        from dataclasses import replace

        if b.group("draft"):
            suffix = "iprd"  # pubid-nist v1: "NIST SP 1800-19 (Draft)" → "… iprd"
        elif b.group("s"):
            suffix = STAGES[b.group("s").lower()]
        else:
            suffix = _LANG_NAMES[b.group("name").lower()]
        return replace(parse(s[: b.start()] + " " + suffix), raw=s)
    t = _legacy(s)
    dm = DATED_RE.match(t)
    if dm:
        return Identifier(
            body="NIST",
            publisher="NIST",
            type="dated",
            number=dm.group("n"),
            year=dm.group("y"),
            month=dm.group("m"),
            day=dm.group("d"),
            flags=("mr",) if t[4] == "." else (),
            raw=s,
        )
    m = HEAD_RE.match(t)
    if not m:
        pos = 5 if t.startswith(("NIST ", "NBS ")) else 0
        raise _err(s, pos, "a NIST/NBS series code (SP, IR, FIPS, HB, TN …) and number")
    pub = m.group("pub") or ""
    series = RENAME.get(m.group("series"), m.group("series"))
    mr = m.group("sep2") == "." and (m.group("sep") in (".", None))
    stage = (m.group("stage") or "").strip("()").lower() or None
    if stage:
        stage = STAGES.get(stage, stage)
    pos = m.end()
    nm = NUM_START_RE.match(t, pos)
    if not nm:
        raise _err(s, pos, "a document number")
    number = nm.group(0)
    pos = nm.end()
    comp: dict = {"stage": stage}
    rstyle = None
    n = len(t)
    num_end = pos  # where the number proper ends (for the verbatim fallback below)
    dated = False
    # -- the number and what is glued to it with "-" ---------------------------------------
    while pos < n:
        segs = number.count("-")
        if series == "IR" and segs == 1 and re.fullmatch(r"\d\d-\d+", number):
            x = re.compile(r"-(\d+)(?=$|[^\d])").match(t, pos)
            if x:  # NBS IR 80-2111-11: the third segment is a part
                comp["part"] = x.group(1)
                pos = x.end()
                continue
        if not (re.fullmatch(r"\d\d", number) and series in ("IR", "GCR")):
            x = _N_YEAR_RANGE.match(t, pos) or _N_YEAR.match(t, pos)
            if x and "edition" not in comp and "revision" not in comp:
                if series == "HB" and pub == "NIST":
                    comp["revision"] = x.group("y")  # NIST handbooks are revised yearly
                else:
                    comp["edition"] = x.group("y")
                pos = x.end()
                dated = True
                continue
        x = _N_MONYEAR.match(t, pos)
        if x:
            y = x.group("y") or x.group("y2")
            mon = MONTHS[x.group("mon")[:3].lower()]
            comp["edition"] = f"{y}{mon:02d}" + (f"{int(x.group('d')):02d}" if x.group("d") else "")
            pos = x.end()
            dated = True
            continue
        x = _N_ROMAN.match(t, pos)
        if x:
            comp["volume"] = ROMAN[x.group("r")]
            if x.group("ver"):
                comp["version"] = x.group("ver")
            pos = x.end()
            continue
        x = re.compile(r"-(\d)(?!\d|\.\d)").match(t, pos)
        if (
            x
            and number[-1:].isupper()
            and number[-2:-1].isdigit()
            and not series.startswith(("CS", "CRPL"))
        ):
            comp["revision"] = x.group(1)  # NIST SP 800-85A-4 is the fourth revision of 85A
            pos = x.end()
            continue
        if dated or len(comp) > 1:
            break  # nothing extends the number after a date, a volume or a revision
        x = _N_SEG.match(t, pos)
        if x:
            number += "-" + x.group("seg").upper()  # "NIST IR 6529-a" → 6529-A
            pos = num_end = x.end()
            continue
        x = _N_LETTER.match(t, pos)
        if x and number[-1:].isdigit():
            number += x.group("l")
            pos = num_end = x.end()
            continue
        x = _N_LOWER.match(t, pos)
        if x and number[-1:].isdigit() and x.group("l") != "r":
            number += x.group("l").upper()
            pos = num_end = x.end()
            continue
        break
    # -- components ------------------------------------------------------------------------
    addenda: list[Supplement] = []
    languages: list[str] = []
    while pos < n:
        if mr and t[pos] == "." and pos + 1 < n and not _C_UPD.match(t, pos):
            nxt = t[pos + 1 :]
            if not (_C_ADD.match(t, pos) or _C_LANG.match(t, pos) or _C_STAGE.match(t, pos)):
                # NIST.SP.800-38A.add: dots separate components in the machine-readable form
                t = t[:pos] + nxt
                n = len(t)
                continue
        x = _C_PART.match(t, pos)
        if x and "part" not in comp:
            v = x.group("v")
            if len(v) > 4 and re.fullmatch(rf"\d{_YEAR}", v) and x.group(0)[0] in "pP":
                comp["part"], comp["edition"] = v[0], v[1:]  # NBS.HB.28p11969
            else:
                comp["part"] = v
            if x.group("tail"):
                comp["part"] += x.group("tail")
            pos = x.end()
            continue
        x = _C_VOL.match(t, pos)
        if x and "volume" not in comp:
            comp["volume"] = x.group("v")
            pos = x.end()
            continue
        x = _C_VER.match(t, pos)
        if x and "version" not in comp:
            comp["version"] = x.group("v")
            pos = x.end()
            continue
        x = _C_UPD_OLD.match(t, pos)
        if x:
            if x.group("mon"):
                date = f"{x.group('y')}{MONTHS[x.group('mon')[:3].lower()]:02d}"
            else:
                y2 = x.group("y2")
                if len(y2) == 2:  # "NIST IR 4335r11/90": month/two-digit year of the update
                    y2 = ("19" if int(y2) >= 30 else "20") + y2
                date = f"{y2}{x.group('m')}"
            addenda.append(Supplement(type="upd", number="1", year=date))
            pos = x.end()
            continue
        x = _C_REV.match(t, pos)
        if x and "revision" not in comp and (x.group("v") or x.group("st") == "r"):
            st = x.group("st")
            v = x.group("v")
            if v is None:
                if t[x.end() : x.end() + 1].isalpha() and t[x.end() : x.end() + 3] != "sup":
                    break
                v = "1"  # "NBS IR 73-197r": the first revision
            comp["revision"] = v.upper()
            st = st.lstrip(",")
            if st in (" rev ", " rev", " rev.", " rev. ", " Revision "):
                st = "r"
            rstyle = st
            pos = x.end()
            continue
        x = _C_ED.match(t, pos)
        if x and "edition" not in comp:
            comp["edition"] = x.group("v") or x.group("p") or x.group("y2")
            if x.group("y"):
                comp["year"] = x.group("y")  # "NBS HB 44e2-1955": the year of edition 2
            pos = x.end()
            continue
        x = _C_SUP.match(t, pos)
        if x:
            sup = Supplement(type="sup")
            if x.group("mon"):
                date = f"{x.group('y')}{MONTHS[x.group('mon')[:3].lower()]:02d}"
                if "edition" not in comp:
                    comp["edition"] = date  # the supplement to the edition of that date
                else:
                    sup = Supplement(type="sup", year=date)
            elif x.group("y2"):
                addenda.append(sup)
                sup = Supplement(type="upd", number="1", year=f"{x.group('y2')}{x.group('m')}")
            elif x.group("y3"):
                sup = Supplement(type="sup", year=x.group("y3"))
            elif x.group("n"):
                sup = Supplement(type="sup", number=x.group("n"))
            addenda.append(sup)
            pos = x.end()
            continue
        x = _C_UPD.match(t, pos)
        if x:
            addenda.append(Supplement(type="upd", number=x.group("n"), year=x.group("d")))
            pos = x.end()
            continue
        x = _C_ADD.match(t, pos)
        if x:
            addenda.append(Supplement(type="add", number=x.group("n")))
            pos = x.end()
            continue
        x = _C_WORD.match(t, pos)
        if x:
            addenda.append(Supplement(type=x.group("w")))
            pos = x.end()
            continue
        x = _C_LANG.match(t, pos)
        if x:
            languages.append(LANGS[x.group("l")])
            pos = x.end()
            continue
        x = _C_STAGE.match(t, pos)
        if x and not comp.get("stage"):
            comp["stage"] = STAGES[x.group("s").lower()]
            pos = x.end()
            continue
        break
    rest = t[pos:] or None
    if rest and mr:
        rest = " " + rest[1:] if rest.startswith(".") else rest
    if rest and rest[0] not in " ,;(":
        # unknown text glued to the components: keep everything after the number as written,
        # so that the rendering re-parses to the same identifier
        comp = {"stage": comp.get("stage")}
        addenda, languages, rstyle = [], [], None
        rest = t[num_end:]
        if mr and rest.startswith("."):
            rest = " " + rest[1:]
    if series == "SP" and "part" not in comp and re.fullmatch(r"\d+-\d+[A-Z]", number):
        # NIST SP 800-56A: the letter is a part of SP 800-56
        comp["part"] = number[-1]
        number = number[:-1]
    flags = []
    if mr and not pub:
        flags.append("mr")
    if rstyle and rstyle != "r":
        flags.append("rstyle=" + rstyle)
    if pub == "NBS" and series == "NSRDS":
        flags.append("nsrds-nbs")
    return Identifier(
        body="NIST",
        publisher=pub,
        series=series,
        number=number,
        part=comp.get("part"),
        volume=comp.get("volume"),
        version=comp.get("version"),
        edition=comp.get("edition"),
        revision=comp.get("revision"),
        year=comp.get("year"),
        stage=comp.get("stage"),
        languages=tuple(languages),
        addenda=tuple(addenda),
        extra=rest,
        flags=tuple(flags),
        raw=s,
    )


def _suffix(i: Identifier, mr: bool) -> str:
    out = ""
    if i.part:
        out += i.part if (len(i.part) == 1 and i.part.isupper()) else "pt" + i.part
    if i.volume:
        out += "v" + i.volume
    if i.version:
        out += "ver" + i.version
    if i.edition:
        out += "e" + i.edition
    if i.revision:
        style = "r"
        for f in i.flags:
            if f.startswith("rstyle="):
                style = f[7:]
        out += ("r" if mr else style) + i.revision
    for a in i.addenda:
        if a.type == "upd":
            if mr:
                out += f".u{a.number or 1}" + (f"-{a.year}" if a.year else "")
            else:
                out += f"/Upd{a.number or 1}" + (f"-{a.year}" if a.year else "")
        elif a.type == "sup":
            out += "sup" + (a.year or a.number or "")
        elif a.type == "add":
            if mr:
                out += f".add-{a.number or 1}"
            else:
                out += " Add." + (f" {a.number}" if a.number and a.number != "1" else "")
        else:
            out += a.type
    if i.stage:  # the stage before the translation: "NIST SP 1262 ipd spa" (pubid-nist v1)
        out += ("." if mr else " ") + i.stage
    for lang in i.languages:
        out += ("." if mr else " ") + lang
    return out


def render(i: Identifier, profile: str = "default") -> str:
    if i.type == "dated":
        sep = "." if (profile == "mr" or "mr" in i.flags) else " "
        return f"NIST{sep}{i.year}-{i.month}-{i.day}{sep}{i.number}"
    if profile == "mr":
        rest = (i.extra or "").replace(" ", ".")
        head = ".".join(x for x in (i.publisher, i.series) if x)
        return f"{head}.{i.number}{_suffix(i, True)}{rest}"
    if "mr" in i.flags:
        head = ".".join(x for x in (i.publisher, i.series) if x)
        return f"{head}.{i.number}{_suffix(i, True)}{i.extra or ''}"
    if "nsrds-nbs" in i.flags:
        head = "NSRDS-NBS"
    else:
        head = " ".join(x for x in (i.publisher, i.series) if x)
    return f"{head} {i.number}{_suffix(i, False)}{i.extra or ''}"
