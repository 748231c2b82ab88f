"""The regular expression of a written unit (simple or compound: mg/kg, µg/cm² per week, 毫克/千克),
built from `units.UNIT_WORDS`; shared by segmentation and indicator extraction."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .units import UNIT_WORDS


def alternation(words: Iterable[str]) -> str:
    """Longest first; ASCII words end at a word boundary ("m" is not the start of "Marking")."""
    parts = []
    for w in sorted(words, key=len, reverse=True):
        esc = re.escape(w)
        parts.append(esc + r"(?![A-Za-z])" if w[-1].isalpha() and w.isascii() else esc)
    return "|".join(parts)


UNIT_ATOM = alternation(UNIT_WORDS)
# atoms joined by a quotient (/, per, 每) or a product dot (MΩ·km, N·m)
UNIT_PATTERN = rf"(?:{UNIT_ATOM})(?:\s*(?:/|per\s|每)\s*(?:{UNIT_ATOM})|·(?:{UNIT_ATOM}))*"
