"""NIST and NBS technical series: ``NIST SP 800-53r5``, ``NBS HB 44e2``, ``FIPS 140-2``.

The series code is a closed list (about 50 series), so ``NIST WRONG-SERIE 800-11`` is rejected.
Machine-readable forms (``NIST.SP.800-53r5``) and legacy spellings (``NISTIR``, ``LCIRC``,
``Rev. n``, ``Vol. n``, ``Part n``, ``ver``) are folded to the short form; the short-form
suffix markers (r, e, v, pt, ver, upd, sup, language, stage) are kept in ``extra`` as written
after normalisation.
"""

from __future__ import annotations

import re

from ..model import Identifier, ParseError

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
NIST_RE = re.compile(
    rf"^(?:(?P<pub>NIST|NBS)(?P<sep>[ .]))?(?P<series>{_SERIES_ALT})(?P<stage>\(\w+\))?(?P<sep2>[ .])"
    r"(?P<number>\d[\w-]*?|[A-Z][A-Za-z-]*\d[\w-]*?|ADHOC|e\d+)"
    r"(?P<rest>(?:[ .,;].*|[a-z/(].*|[A-Z]?(?:pt|r|e|v|ver|sup|upd|p|P)[\w.-]*)?)$"
)
RENAME = {"LCIRC": "LC", "NISTIR": "IR"}


def parse(s: str) -> Identifier:
    t = s
    if t.startswith("NISTIR"):
        t = "NIST IR" + t[6:]
    t = re.sub(r"^(NIST|NBS)\.", r"\1 ", t)
    m = NIST_RE.match(t)
    if not m:
        pos = 5 if t.startswith(("NIST ", "NBS ")) else 0
        raise ParseError(
            s, pos, "a NIST/NBS series code (SP, IR, FIPS, HB, TN …) and number", "NIST"
        )
    series = RENAME.get(m.group("series"), m.group("series"))
    number = m.group("number")
    rest = m.group("rest") or ""
    mr = m.group("sep2") == "." and (m.group("sep") in (".", None))
    if mr and rest.startswith("."):
        rest = " " + rest[1:]
    rest = re.sub(r",? Rev\. ?(\d+)", r" Rev. \1", rest)
    rest = re.sub(r",? (?:Vol\.|Volume) ?(\d+)", r"v\1", rest)
    rest = re.sub(r",? Part (\d+)", r"pt\1", rest)
    rest = re.sub(r" ?Ver\. ?", "ver", rest)
    stage = (m.group("stage") or "").strip("()").lower() or None
    return Identifier(
        body="NIST",
        publisher=m.group("pub") or "",
        series=series,
        number=number,
        extra=rest or None,
        stage=stage,
        flags=("mr",) if (mr and not m.group("pub")) else (),
        raw=s,
    )


def render(i: Identifier, profile: str = "default") -> str:
    if profile == "mr":
        rest = (i.extra or "").replace(" ", ".")
        return ".".join(x for x in (i.publisher, i.series) if x) + "." + i.number + rest
    head = " ".join(x for x in (i.publisher, i.series) if x)
    if "mr" in i.flags:
        head = ".".join(x for x in (i.publisher, i.series) if x)
        return f"{head}.{i.number}{(i.extra or '').replace(' ', '.')}"
    out = f"{head} {i.number}{i.extra or ''}"
    if i.stage:
        out += " " + {"1pd": "ipd"}.get(i.stage, i.stage)
    return out
