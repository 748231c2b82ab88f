"""Input repairs applied before any grammar sees the text.

Identifiers are copied from PDFs, Word files, Chinese typeset documents and web pages, so the
same identifier arrives with full-width letters (ＧＢ／Ｔ), an ideographic space (U+3000), em or
en dashes, non-breaking hyphens and doubled spaces.  These are *typography*, not content:
the grammar reference (§3 rule 1) says they all fold to ASCII.  Missing spaces ("GB/T19001")
are repaired by each body grammar, which knows where a space belongs.

Repairs never guess content: anything the table below does not cover is passed through and
the grammar reports it with a position.
"""

from __future__ import annotations

import re
import unicodedata

# Dash-like characters that typesetters use for the ASCII hyphen-minus.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u30fc\uff70\u2500\u2e3a"
_TRANSLATE = {ord(c): "-" for c in _DASHES}
_TRANSLATE.update(
    {
        0x3000: " ",  # ideographic space
        0x00A0: " ",  # no-break space
        0x2002: " ",
        0x2003: " ",
        0x2009: " ",
        0x202F: " ",
        0x200B: "",  # zero-width space
        0x2122: "",  # trade mark sign (IEEE catalogue), NFKC would turn it into "TM"
        0x00AE: "",
        0xFEFF: "",
        0x3001: ",",  # ideographic comma
        0xFF0F: "/",
        0xFF1A: ":",
        0x2044: "/",  # fraction slash
        0x2215: "/",
    }
)
_SPACES_RE = re.compile(r"\s+")
# "ISO 9001 : 2015", "IS 1293 :2019": a spaced colon before a year is the year separator
_SPACED_COLON_RE = re.compile(
    r"(?<=\w)\s+:\s*(?=(?:1[89]|20)\d\d\b)|(?<=\w):\s+(?=(?:1[89]|20)\d\d\b)"
)


def repair(text: str) -> str:
    """Return ``text`` with typographic variants folded to ASCII and whitespace collapsed."""
    if not isinstance(text, str):
        raise TypeError(f"identifier must be a str, not {type(text).__name__}")
    if text.isascii():
        s = text
    else:
        s = text.translate(_TRANSLATE)
        if not s.isascii():
            if "（規格群）" in s:
                s = s.replace("（規格群）", " (all parts)")
            s = s.replace("（所有部分）", " (all parts)")
            # NFKC folds full-width Latin letters and digits (ＧＢ１９００１ → GB19001).
            s = unicodedata.normalize("NFKC", s).translate(_TRANSLATE)
    if "  " in s or "\t" in s or "\n" in s or s[:1] == " " or s[-1:] == " ":
        s = _SPACES_RE.sub(" ", s).strip()
    if " :" in s or ": " in s:
        s = _SPACED_COLON_RE.sub(":", s)
    return s
