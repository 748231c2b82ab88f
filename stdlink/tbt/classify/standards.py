"""Standards cited in a notification's title, products or description, parsed with stdlink.pubid.

Candidates are found by their body prefix (ISO, IEC, EN, GB/T, DEAS, KS, SNI, SASO, GSO, NOM ...)
followed by a number; each candidate goes through :func:`stdlink.pubid.parse`. What pubid cannot
parse (a national body it does not know yet) is kept as written with ``parsed=False`` so that it
still shows and can be matched by text.
"""

from __future__ import annotations

import re

from ..parsers.record import CitedStandard

_PREFIXES = [
    "ISO/IEC/IEEE",
    "ISO/IEC",
    "ISO/TS",
    "ISO/TR",
    "ISO",
    "IEC/TS",
    "IEC/TR",
    "IEC",
    "CISPR",
    "IEEE",
    "ITU-T",
    "ITU-R",
    "BS EN ISO",
    "BS EN",
    "BS",
    "DIN EN ISO",
    "DIN EN",
    "DIN",
    "NF EN",
    "EN ISO",
    "EN IEC",
    "EN",
    "GB/T",
    "GB/Z",
    "GB",
    "YY/T",
    "YY",
    "QB/T",
    "FZ/T",
    "SN/T",
    "FDUS EAS",
    "US EAS",
    "KS EAS",
    "RS EAS",
    "TZS EAS",
    "FDEAS",
    "DEAS",
    "EAS",
    "FDUS",
    "DUS",
    "KS",
    "DKS",
    "DRS",
    "RS",
    "DTZS",
    "TZS",
    "SNI",
    "SASO",
    "GSO",
    "UAE.S",
    "ASTM",
    "ANSI",
    "UL",
    "CSA",
    "NMX",
    "TIS",
    "CNS",
    "SI",
    "ES",
    "JIS",
    "AS/NZS",
    "NZS",
    "AS",
    "IS",
    "GOST",
    "STB",
    "DSTU",
    "TCVN",
    "PNS",
    "NTE INEN",
    "RTE INEN",
]
_PREFIX_RE = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_PREFIXES, key=len, reverse=True)
)
# Mexican official standards: NOM-101-SCTI-1994, PROY-NOM-223-SCFI/SAGARPA-2017
_NOM = re.compile(r"(?<![A-Za-z])(?P<id>(?:PROY-)?NOM-\d{3}-[A-Z0-9]+(?:/[A-Z0-9]+)*-\d{4})")

_CANDIDATE = re.compile(
    rf"(?<![A-Za-z0-9/])(?P<id>(?:{_PREFIX_RE})(?:[\s\-]?)(?:[A-Z]{{1,2}}\s?)?\d[\dA-Za-z]*(?:[.\-/]\d[\dA-Za-z]*)*"
    r"(?:\s*[-:：]\s*(?:19|20)\d{2})?(?:/(?:Amd|AMD|A|Cor)\s*\d+(?::\d{4})?)?)"
)


def _clean(s: str) -> str:
    s = re.sub(r"\s+", " ", s.replace("：", ":")).strip(" .,;-")
    s = re.sub(r"\s*:\s*", ":", s)
    return s


def find_standards(*texts: str | None) -> list[CitedStandard]:
    """Standards cited in the texts, in order of appearance, without repeats (by work key)."""
    from stdlink import pubid

    out: list[CitedStandard] = []
    seen: set[str] = set()
    for text in texts:
        matches = sorted(
            [*_NOM.finditer(text or ""), *_CANDIDATE.finditer(text or "")], key=lambda m: m.start()
        )
        taken_until = -1
        for m in matches:
            if m.start() < taken_until:
                continue
            taken_until = m.end()
            raw = _clean(m.group("id"))
            if not re.search(r"\d", raw):
                continue
            try:
                ident = pubid.parse(raw)
                normalized = pubid.render(ident)
                work = pubid.key(ident, "work")
                body = getattr(ident, "body", "") or ""
                parsed = True
            except Exception:  # noqa: BLE001 - pubid raises ParseError; any failure → keep as text
                normalized = raw
                work = re.sub(r"\s+", "", re.sub(r"[:：]\s*(19|20)\d{2}.*$", "", raw)).upper()
                body = raw.split()[0] if " " in raw else re.match(r"[A-Za-z/]+", raw).group(0)
                parsed = False
            if work in seen:
                continue
            seen.add(work)
            out.append(
                CitedStandard(
                    raw=raw, normalized=normalized, work_key=work, body=body, parsed=parsed
                )
            )
    return out
