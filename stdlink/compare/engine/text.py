"""Length-preserving normalisation: full-width digits, letters and punctuation become ASCII.

Offsets into the normalised text are offsets into the original, so indicators found in the
normalised text can be highlighted in the user's own text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EXTRA = {
    "\u2212": "-",  # minus sign
    "\u2012": "-",
    "\u2013": "-",  # en dash between numbers
    "\ufe63": "-",
    "\u301c": "~",  # wave dash
    "\uff5e": "~",  # full-width tilde
    "\u223c": "~",
    "\u3000": " ",
    "\u00a0": " ",
    "\u2264": "≤",
    "\u2266": "≤",
    "\u2265": "≥",
    "\u2267": "≥",
    "\uff1c": "<",
    "\uff1e": ">",
    "\u00b5": "µ",
    "\u03bc": "µ",
}


@lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    if ch in _EXTRA:
        return _EXTRA[ch]
    if ord(ch) < 128:
        return ch
    folded = unicodedata.normalize("NFKC", ch)
    if len(folded) != 1:
        return ch
    return _EXTRA.get(folded, folded)  # "⁻" folds to "−", then to "-"


def fold(text: str) -> str:
    """The same text with full-width forms folded to ASCII, character for character."""
    return "".join(_char(ch) for ch in text)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")


def language(text: str) -> str:
    """'zh' when Chinese characters make up a fair share of the letters, else 'en'."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    return "zh" if cjk * 3 >= latin else "en"
