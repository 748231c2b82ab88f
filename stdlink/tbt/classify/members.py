"""Notifying members → countries: Chinese (simplified or traditional) and English names, ISO
codes, the symbol's member code, WTO names (欧洲联盟, 台澎金马单独关税区, Chinese Taipei), and
joint lists ("Burundi, Kenya, Rwanda, Tanzania and Uganda", "BRAZIL/MERCOSUR") split.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..data.members import (
    ALIASES,
    FORMAL_PREFIXES,
    FORMAL_SUFFIXES_EN,
    FORMAL_SUFFIXES_ZH,
    GROUP_ALIASES,
    GROUPS,
    WTO_NAMES,
)
from ..parsers.record import MemberRef
from .reference import Reference

# Symbol member codes that are not ISO alpha-3.
SYMBOL_CODES = {"EU": "EU", "EEC": "EU", "EC": "EU", "TPKM": "TWN"}


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def fold(name: str) -> str:
    """Compare key: simplified script, casefolded, spaces and trailing punctuation removed;
    Latin accents dropped ("Cote d'Ivoire" = "Côte d'Ivoire", "Turkiye" = "Türkiye")."""
    s = _t2s().convert(name or "")
    s = s.replace("（", "(").replace("）", ")").replace("’", "'")
    s = re.sub(r"\s+", " ", s).strip(" .。,;").casefold()
    if re.search(r"[\u4e00-\u9fff]", s):
        return s.replace(" ", "")
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _index(ref: Reference) -> dict[str, str]:
    cached = getattr(ref, "_member_index", None)
    if cached is not None:
        return cached
    idx: dict[str, str] = {}
    for iso3, row in ref.countries.items():
        for name in (row.get("name_en"), row.get("name_zh"), iso3, row.get("iso2")):
            if name:
                idx.setdefault(fold(name), iso3)
    # ISO's inverted long forms ("Bolivia, Plurinational State of") also by their short name,
    # unless another full name already is that name
    for iso3, row in ref.countries.items():
        head, comma, _ = (row.get("name_en") or "").partition(",")
        if comma and head.strip():
            idx.setdefault(fold(head), iso3)
    for alias, iso3 in ALIASES.items():
        idx[fold(alias)] = iso3
    for iso3, (zh, en) in WTO_NAMES.items():
        idx[fold(zh)] = iso3
        idx[fold(en)] = iso3
    ref._member_index = idx  # type: ignore[attr-defined]
    return idx


def member_ref(iso3: str, raw: str, ref: Reference) -> MemberRef:
    row = ref.countries.get(iso3, {})
    zh, en = WTO_NAMES.get(iso3, (row.get("name_zh", ""), row.get("name_en", "")))
    return MemberRef(
        raw=raw,
        iso3=iso3,
        name_zh=zh,
        name_en=en,
        wto_member=bool(row.get("wto_member", False)),
        bri=bool(row.get("bri", False)),
    )


def lookup(name: str, ref: Reference) -> str | None:
    """The alpha-3 code (or "EU") for one member name, or None; a formal style around a known
    short name ("Kingdom of Bahrain", "The Philippines", "阿曼苏丹国") is read as that name."""
    idx = _index(ref)
    key = fold(name)
    if key in idx:
        return idx[key]
    for short in _short_forms(key):
        if short in idx:
            return idx[short]
    return None


def _short_forms(key: str) -> list[str]:
    out = []
    # a name with its abbreviation in brackets: "European Union (EU)", "Türkiye (TUR)"
    bare = re.sub(r"\s*\([^()]*\)$", "", key)
    if bare and bare != key:
        out.append(bare)
    if re.search(r"[\u4e00-\u9fff]", key):
        out += [
            key[: -len(s)] for s in FORMAL_SUFFIXES_ZH if key.endswith(s) and len(key) > len(s) + 1
        ]
        return out
    for p in sorted(FORMAL_PREFIXES, key=len, reverse=True):
        if key.startswith(p + " "):
            out.append(key[len(p) + 1 :].strip())
    for s in FORMAL_SUFFIXES_EN:
        if key.endswith(s):
            out.append(key[: -len(s)].strip())
    return out


_SPLIT = re.compile(r"\s*(?:[,，、;；/]|\band\b|和|及|与)\s*", re.I)


def resolve(text: str | None, ref: Reference, symbol_code: str | None = None) -> list[MemberRef]:
    """Members named by a notifying-member text; falls back to the symbol's member code.

    A whole-name match wins over splitting ("特立尼达和多巴哥" is one country); a group name
    ("MERCOSUR", "东非共同体") stands for no member of its own.
    """
    out: list[MemberRef] = []
    raw = (text or "").strip()
    if raw:
        iso3 = lookup(raw, ref)
        if iso3:
            out.append(member_ref(iso3, raw, ref))
        else:
            for part in (p for p in _SPLIT.split(raw) if p.strip()):
                code = lookup(part, ref)
                if code and all(m.iso3 != code for m in out):
                    out.append(member_ref(code, part.strip(), ref))
    if not out and symbol_code:
        code = SYMBOL_CODES.get(symbol_code.upper(), symbol_code.upper())
        if code in ref.countries:
            out.append(member_ref(code, raw or symbol_code, ref))
    return out


def groups_named(text: str | None) -> list[str]:
    """Country groups named in a member text ("BRAZIL/MERCOSUR" → ["MERCOSUR"])."""
    found = []
    for part in _SPLIT.split(text or ""):
        key = GROUP_ALIASES.get(fold(part))
        if key and key not in found:
            found.append(key)
    return found


def group_members(group: str, ref: Reference) -> set[str]:
    """ISO alpha-3 codes of a group; "BRI" is every current Belt and Road country."""
    if group == "BRI":
        return {iso3 for iso3, row in ref.countries.items() if row.get("bri")}
    return set(GROUPS[group][2].split())
