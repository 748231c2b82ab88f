"""Identifier keys through `stdlink.pubid`, with a deterministic fallback that never fails."""

from __future__ import annotations

import re
from functools import lru_cache

_WS = re.compile(r"\s+")


def fallback_key(text: str) -> str:
    """Upper case, whitespace collapsed: used when pubid cannot parse an identifier."""
    return _WS.sub(" ", text).strip().upper()


@lru_cache(maxsize=200_000)
def identifier_keys(text: str, prefix: str = "") -> tuple[str, str, str, str, str, object, bool]:
    """(identifier, exact key, work key, publisher, body, parsed Identifier|None, fell_back).

    `prefix` is the source's own publisher token ("ITU-T", "IHO"): when pubid cannot parse an
    identifier that lacks it ("A.2 (11/2012)" in an ITU-T relation, "B-10" in IHO), the prefixed
    form is tried and, when it parses, becomes the identifier.
    """
    from stdlink.pubid import ParseError, key, parse

    candidates = [text]
    if prefix and not text.upper().startswith(prefix.upper()):
        candidates.append(f"{prefix} {text}")
    for cand in candidates:
        try:
            p = parse(cand)
            return (
                cand,
                key(p, "exact"),
                key(p, "work"),
                p.publisher or "",
                p.body or "",
                p,
                False,
            )
        except (ParseError, ValueError):
            continue
    fb = fallback_key(text)
    return text, fb, fb, "", "", None, True


_DIGITS = re.compile(r"\d+")
# digits separated by nothing but spaces, other than thousands grouping ("EN 300 328"):
# "Metrologia 1 1 1" and "Metrologia 11 1" have the same compact key "METROLOGIA111".
_SPACED_DIGITS = re.compile(r"\d\s+(?!\d{3}\b)\d")


def distinct_key(identifier: str, key: str) -> str:
    """`key`, unless the pubid key loses part of the identifier's numbers, in which case two
    different documents could share it ("IEC 61523.1-2023" and "IEC 61523.4-2023" both key to
    "IEC61523:2023"): then the whitespace-collapsed upper-case identifier. Used for the upsert
    key (`Standard.uid`) and relation targets, never for `Standard.key`."""
    if "".join(_DIGITS.findall(identifier)) != "".join(
        _DIGITS.findall(key)
    ) or _SPACED_DIGITS.search(identifier):
        return fallback_key(identifier)
    return key
