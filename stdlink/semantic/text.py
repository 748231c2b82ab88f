"""Text preparation before encoding: standard numbers carry no meaning for a sentence encoder
(``ISO 9001:2015`` and ``GB/T 19001-2016`` would only pull unrelated numbers together), so they
are stripped from titles and queries first."""

from __future__ import annotations

import re

from stdlink.pubid.cn_codes import NATIONAL, SECTOR

# Bodies whose identifiers appear in titles and queries. Chinese codes come from pubid's table.
_BODIES = sorted(
    {
        "ISO",
        "IEC",
        "ITU-T",
        "ITU-R",
        "ITU",
        "IEEE",
        "ASTM",
        "ASME",
        "EN",
        "CEN",
        "CENELEC",
        "ETSI",
        "BS",
        "DIN",
        "NF",
        "JIS",
        "KS",
        "GOST",
        "CIE",
        "OIML",
        "IWA",
        "ECMA",
        "UL",
        "ANSI",
        "SAE",
        "API",
        "NFPA",
        "AS",
        "NZS",
        "CSA",
        "UNE",
        "IS",
        "SN",
        "CISPR",
    }
    | NATIONAL
    | set(SECTOR),
    key=len,
    reverse=True,
)
_PREFIX = "|".join([*(re.escape(b) for b in _BODIES), r"T(?=\s*/)"])  # T/CAS group standards
# BODY[/BODY…][/T|/Z|/TS|/TR…] [letter]NUMBER[-part][.sub][:year|-year][/Amd…]
_IDENT = re.compile(
    rf"(?<![A-Za-z])(?:{_PREFIX})(?:\s*/\s*[A-Z]{{1,5}})*\s*(?:[A-Z]{{1,2}}\s*)?"
    r"\d[\w.]*(?:[-‑–:/]\s*\d[\w.]*)*(?:\s*/\s*(?:Amd|Cor|AMD|COR)\s*\d+(?:[:-]\d{4})?)*",
)
# A bare dotted or dashed standard number left over ("9001:2015", "60335-2-9").
_BARE = re.compile(r"(?<![\w])\d{2,}(?:[-:.]\d+)+(?![\w])")
_SPACE = re.compile(r"\s+")
_PUNCT_EDGE = re.compile(r"^[\s\-–—:;,.·/]+|[\s\-–—:;,.·/]+$")


def strip_numbers(title: str) -> str:
    """The title without standard identifiers and bare standard numbers.

    >>> strip_numbers("GB/T 19001-2016 质量管理体系 要求")
    '质量管理体系 要求'
    >>> strip_numbers("ISO 9001:2015 Quality management systems")
    'Quality management systems'

    A title that is nothing but an identifier comes back empty.
    """
    text = _IDENT.sub(" ", title or "")
    text = _BARE.sub(" ", text)
    text = _SPACE.sub(" ", text)
    return _PUNCT_EDGE.sub("", text)
