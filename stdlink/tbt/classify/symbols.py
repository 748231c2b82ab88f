"""WTO document symbols: G/TBT/N/KEN/1170/Add.2, G/TBT/Notif.95.180, G/SPS/N/TUR/9.

``parse_symbol`` normalises the spelling (case of Add/Rev/Corr/Suppl, spaces, the Chinese
"补遗2" form) and splits it into root, suffix chain, kind and number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

KINDS = {"ADD": "addendum", "REV": "revision", "CORR": "corrigendum", "SUPPL": "supplement"}
_SUFFIX_SPELL = {"ADD": "Add", "REV": "Rev", "CORR": "Corr", "SUPPL": "Suppl"}
_ZH_SUFFIX = {"补遗": "Add", "增补": "Add", "修订": "Rev", "勘误": "Corr", "补充": "Suppl"}

# A member code is letters (KEN, EU, TPKM); the number is digits; suffixes repeat.
_TBT_RE = re.compile(
    r"G\s*/\s*TBT\s*/\s*N\s*/\s*(?P<member>[A-Za-z]{2,4})\s*/\s*(?P<num>\d{1,6})"
    r"(?P<suffixes>(?:\s*/\s*(?:Add|Rev|Corr|Suppl)\s*\.?\s*\d{1,3})*)"
    r"(?P<zh>(?:补遗|增补|修订|勘误)\s*\d{1,3})?(?![0-9A-Za-z])",
    re.IGNORECASE,
)
_OLD_RE = re.compile(
    r"G\s*/\s*TBT\s*/\s*Notif\s*\.\s*(?P<yy>\d{2})\s*\.\s*(?P<num>\d{1,4})(?![0-9A-Za-z])", re.I
)
_ANY_RE = re.compile(
    r"G\s*/\s*(?:TBT|SPS)\s*/\s*N\s*/\s*[A-Za-z]{2,4}\s*/\s*\d{1,6}"
    r"(?:\s*/\s*(?:Add|Rev|Corr|Suppl)\s*\.?\s*\d{1,3})*"
    r"|G\s*/\s*TBT\s*/\s*Notif\s*\.\s*\d{2}\s*\.\s*\d{1,4}",
    re.IGNORECASE,
)
# Public: every WTO notification symbol (TBT or SPS), for callers that need the match spans.
ANY_SYMBOL_RE = _ANY_RE
_SUFFIX_RE = re.compile(r"(Add|Rev|Corr|Suppl)\s*\.?\s*(\d{1,3})", re.I)


@dataclass(frozen=True)
class Symbol:
    symbol: str  # normalised
    member_code: str | None  # KEN, EU, TPKM (None for the 1995-97 G/TBT/Notif series)
    root: str  # G/TBT/N/KEN/1170
    suffixes: tuple[tuple[str, int], ...]  # (("Add", 2),)
    kind: str
    number: int | None

    @property
    def base(self) -> str | None:
        """The symbol this one amends: itself minus its last suffix (None for a new one)."""
        if not self.suffixes:
            return None
        return self.root + "".join(f"/{s}.{n}" for s, n in self.suffixes[:-1])


def fold_width(text: str) -> str:
    """Full-width letters, digits and punctuation ("Ｇ／ＴＢＴ／Ｎ", "／Ａｄｄ．１") as ASCII.

    Chinese pages type symbols with an input method left in full-width mode; NFKC maps those
    characters (and only compatibility forms) to their ASCII counterparts."""
    return unicodedata.normalize("NFKC", text) if text and not text.isascii() else text


def parse_symbol(text: str) -> Symbol | None:
    """The TBT symbol at the start of ``text`` (after spaces), or None when it is not one."""
    if not text:
        return None
    s = fold_width(text).strip()
    m = _TBT_RE.match(s)
    if m:
        root = f"G/TBT/N/{m['member'].upper()}/{int(m['num'])}"
        suffixes = [
            (_SUFFIX_SPELL[k.upper()], int(n)) for k, n in _SUFFIX_RE.findall(m["suffixes"] or "")
        ]
        if m["zh"]:
            zm = re.match(r"(补遗|增补|修订|勘误)\s*(\d+)", m["zh"])
            suffixes.append((_ZH_SUFFIX[zm[1]], int(zm[2])))
        symbol = root + "".join(f"/{k}.{n}" for k, n in suffixes)
        if suffixes:
            kind, number = KINDS[suffixes[-1][0].upper()], suffixes[-1][1]
        else:
            kind, number = "new", None
        return Symbol(symbol, m["member"].upper(), root, tuple(suffixes), kind, number)
    m = _OLD_RE.match(s)
    if m:
        symbol = f"G/TBT/Notif.{m['yy']}.{int(m['num'])}"
        return Symbol(symbol, None, symbol, (), "new", None)
    return None


def normalise_any(text: str) -> str:
    """Normalise any WTO notification symbol (TBT or SPS) found as a whole string."""
    s = re.sub(r"\s+", "", fold_width(text).strip())
    sym = parse_symbol(s)
    if sym:
        return sym.symbol
    s = re.sub(
        r"/(add|rev|corr|suppl)\.?(\d+)",
        lambda m: f"/{_SUFFIX_SPELL[m[1].upper()]}.{m[2]}",
        s,
        flags=re.I,
    )
    return s.upper().replace("/ADD.", "/Add.").replace("/REV.", "/Rev.").replace("/CORR.", "/Corr.")


def find_symbols(text: str) -> list[str]:
    """Every WTO notification symbol in ``text``, normalised, in order, without repeats."""
    out: list[str] = []
    for m in _ANY_RE.finditer(fold_width(text or "")):
        s = normalise_any(m.group(0))
        if s not in out:
            out.append(s)
    return out
