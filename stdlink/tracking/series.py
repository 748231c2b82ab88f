"""Series correspondences: rules that give the international counterpart from the domestic number alone.

Each rule is data (``SERIES`` below): a pattern over the domestic number without its year and the
international work it corresponds to, with the part mapping written as a template. They encode
well-established correspondences of Chinese series that adopt ISO/IEC series part by part (GB 9706.x
↔ IEC 60601-x, GB/T 16886.x ↔ ISO 10993-x …) and single standards that always adopt one work
(GB/T 19001 ↔ ISO 9001). A rule proposes; the catalogue decides whether the work exists, and the
edition rule (the international edition must not be newer than the domestic one) still applies.
Where a series renumbers its parts (GB/T 2423.1 = IEC 60068-2-1, GB 4706.x = IEC 60335-2-y) there is
no rule: title similarity finds those.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class SeriesRule:
    pattern: str  # regex over "PREFIX NUMBER" without the year, e.g. "GB 9706.237"
    templates: tuple[
        str, ...
    ]  # international works; {1}, {2} … are the groups, leading zeros dropped
    source: str

    def apply(self, number: str) -> list[str]:
        m = re.fullmatch(self.pattern, number)
        if not m:
            return []
        groups = [str(int(g)) if g and g.isdigit() else (g or "") for g in m.groups()]
        return [t.format(None, *groups) for t in self.templates]


_MED = "GB 9706 / YY 9706 medical electrical equipment series (adopts IEC 60601 and IEC 80601 part by part)"
SERIES: tuple[SeriesRule, ...] = (
    SeriesRule(r"(?:GB|YY)(?:/T)? 9706\.1", ("IEC 60601-1",), _MED),
    SeriesRule(r"(?:GB|YY)(?:/T)? 9706\.1(\d\d)", ("IEC 60601-1-{1}",), _MED),
    SeriesRule(r"(?:GB|YY)(?:/T)? 9706\.2(\d\d)", ("IEC 60601-2-{1}", "IEC 80601-2-{1}"), _MED),
    SeriesRule(
        r"GB/T 16886\.(\d+)",
        ("ISO 10993-{1}", "ISO/TS 10993-{1}"),
        "GB/T 16886 biological evaluation ↔ ISO 10993",
    ),
    SeriesRule(r"GB/T 17626\.(\d+)", ("IEC 61000-4-{1}",), "GB/T 17626 EMC testing ↔ IEC 61000-4"),
    SeriesRule(
        r"GB/T 18268\.1", ("IEC 61326-1",), "GB/T 18268 EMC of measurement equipment ↔ IEC 61326"
    ),
    SeriesRule(
        r"GB/T 18268\.2(\d)",
        ("IEC 61326-2-{1}",),
        "GB/T 18268 EMC of measurement equipment ↔ IEC 61326",
    ),
    SeriesRule(
        r"GB 4793\.1", ("IEC 61010-1",), "GB 4793 safety of laboratory equipment ↔ IEC 61010"
    ),
    SeriesRule(
        r"GB 4943\.1", ("IEC 62368-1",), "GB 4943.1 audio/video, ICT equipment ↔ IEC 62368-1"
    ),
    SeriesRule(r"GB 4706\.1", ("IEC 60335-1",), "GB 4706.1 household appliances ↔ IEC 60335-1"),
    SeriesRule(r"GB/T 4208", ("IEC 60529",), "GB/T 4208 IP code ↔ IEC 60529"),
    SeriesRule(r"GB 4824", ("CISPR 11",), "GB 4824 ISM equipment emissions ↔ CISPR 11"),
    SeriesRule(r"GB/T 19001", ("ISO 9001",), "GB/T 19001 ↔ ISO 9001"),
    SeriesRule(r"GB/T 19000", ("ISO 9000",), "GB/T 19000 ↔ ISO 9000"),
    SeriesRule(r"GB/T 24001", ("ISO 14001",), "GB/T 24001 ↔ ISO 14001"),
    SeriesRule(r"GB/T 45001", ("ISO 45001",), "GB/T 45001 ↔ ISO 45001"),
    SeriesRule(r"GB/T 27025", ("ISO/IEC 17025",), "GB/T 27025 ↔ ISO/IEC 17025"),
    SeriesRule(r"GB/T 22080", ("ISO/IEC 27001",), "GB/T 22080 ↔ ISO/IEC 27001"),
    SeriesRule(r"(?:GB/T 42061|YY/T 0287)", ("ISO 13485",), "medical-device QMS ↔ ISO 13485"),
    SeriesRule(
        r"(?:GB/T 42062|YY/T 0316)", ("ISO 14971",), "medical-device risk management ↔ ISO 14971"
    ),
    SeriesRule(
        r"(?:GB|YY)(?:/T)? (?:16174|0989)\.(\d+)",
        ("ISO 14708-{1}",),
        "active implantable devices ↔ ISO 14708",
    ),
    SeriesRule(r"YY(?:/T)? 0285\.(\d+)", ("ISO 10555-{1}",), "intravascular catheters ↔ ISO 10555"),
    SeriesRule(r"YY(?:/T)? 0916\.(\d+)", ("ISO 80369-{1}",), "small-bore connectors ↔ ISO 80369"),
    SeriesRule(r"YY(?:/T)? 0809\.(\d+)", ("ISO 7206-{1}",), "hip-joint prostheses ↔ ISO 7206"),
    SeriesRule(
        r"GB(?:/T)? 4234\.(\d+)",
        ("ISO 5832-{1}",),
        "metallic materials for surgical implants ↔ ISO 5832",
    ),
    SeriesRule(r"GB/T 42168\.(\d+)", ("ISO 29943-{1}",), "condoms and lubricants ↔ ISO 29943"),
    SeriesRule(
        r"GB/T 44353\.(\d+)", ("ISO 22442-{1}",), "animal tissues for medical devices ↔ ISO 22442"
    ),
    SeriesRule(
        r"GB/T 18281\.(\d+)",
        ("ISO 11138-{1}",),
        "biological indicators for sterilization ↔ ISO 11138",
    ),
    SeriesRule(
        r"GB/T 18279\.(\d+)", ("ISO 11135-{1}", "ISO/TS 11135-{1}"), "EO sterilization ↔ ISO 11135"
    ),
    SeriesRule(
        r"GB/T 18278\.(\d+)",
        ("ISO 17665-{1}", "ISO/TS 17665-{1}"),
        "moist heat sterilization ↔ ISO 17665",
    ),
    SeriesRule(r"GB/T 18280\.(\d+)", ("ISO 11137-{1}",), "radiation sterilization ↔ ISO 11137"),
    SeriesRule(
        r"GB/T 19633\.(\d+)",
        ("ISO 11607-{1}",),
        "packaging for terminally sterilized devices ↔ ISO 11607",
    ),
    SeriesRule(r"YY/T 0466\.(\d+)", ("ISO 15223-{1}",), "symbols for medical devices ↔ ISO 15223"),
    SeriesRule(r"YY(?:/T)? 0664", ("IEC 62304",), "medical device software life cycle ↔ IEC 62304"),
    SeriesRule(r"YY/T 1474", ("IEC 62366-1",), "usability engineering ↔ IEC 62366-1"),
)

_NUMBER = re.compile(r"^(?P<prefix>[A-Z]+(?:/[TZ])?)\s*(?P<num>\d+(?:\.\d+)*)")


def domestic_number(identifier: str) -> str | None:
    """'GB 9706.237-2020' → 'GB 9706.237' (prefix and number, no year)."""
    m = _NUMBER.match(identifier.strip())
    return f"{m['prefix']} {m['num']}" if m else None


def series_candidates(identifier: str) -> list[tuple[str, str]]:
    """(international work, rule source) for every rule the domestic number matches."""
    number = domestic_number(identifier)
    if not number:
        return []
    out = []
    for rule in SERIES:
        for work in rule.apply(number):
            out.append((work, rule.source))
    return out
