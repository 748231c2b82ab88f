"""Adoption statements: which international standard a domestic standard adopts, and how.

Django-free. Finds every form the statement takes on covers, forewords, list pages and the national
platform's fields, and returns one :class:`Statement` per adopted document:

- double number on the cover — ``GB/T 19001—2016/ISO 9001:2015`` → IDT (an identical adoption is the
  only one that carries the international number beside its own, GB/T 20000.2);
- the cover line — ``(ISO 4049:2019, MOD)``, ``GB 16174.1—2024 (ISO 14708-1:2014,MOD)``, with the
  English title or "..." between number and degree;
- foreword verbs — 等同采用 / 修改采用 / 非等效采用 (and 翻译法/重新起草法, 等同转化), the older 等效采用
  (EQV, mapped to MOD as GB/T 20000.2-2001 did) and 参照采用 (REF, mapped to NEQ); English forewords
  "identical to", "redrafted and modified in relation to", "not equivalent to"; the old lower-case
  ``GB/T 19001-2000 idt ISO 9001:2000``;
- fields — 采用国际标准号 / 采用国际标准 / 采用标准 / 采标号 / "Adopted standard(s)" with 采用程度 or a
  degree after the number, or none (then the degree is unknown, ``None``).

An explicit degree always wins over the one a double number implies (``YY 0989.7-2017/ISO
14708-7:2013 (ISO 14708-7:2013, MOD)`` is MOD).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from stdlink import pubid

IDT, MOD, NEQ = "IDT", "MOD", "NEQ"
DEGREE_WORDS = {
    "IDT": IDT,
    "MOD": MOD,
    "NEQ": NEQ,
    "EQV": MOD,  # GB/T 20000.2-2001 replaced 等效 (eqv) with 修改 (MOD)
    "REF": NEQ,  # 参照采用: a correspondence, not an adoption
}
ZH_VERBS = {
    "等同采用": IDT,
    "等同转化": IDT,
    "修改采用": MOD,
    "修改转化": MOD,
    "等效采用": MOD,
    "非等效采用": NEQ,
    "参照采用": NEQ,
}

# International publishers whose documents count (ISO, IEC, ITU) and their joint/deliverable forms.
_PUB = (
    r"(?:ISO|IEC|CISPR|ITU-[TR])"
    r"(?:/(?:IEC|IEEE|ASTM|CIE|IDF|TS|TR|PAS|IS|DIS|FDIS|Guide))*"
    r"(?:\s+(?:TS|TR|PAS|IS|Guide|GUIDE))?"
)
_NUM = r"(?:[A-Z]\.\d+(?:\.\d+)*|\d+(?:-\d+)*)"
_YEAR = r"(?:\s*[:：]\s*(?:19|20)\d\d)"
_SUPPL = (
    r"(?:\s*(?:\+|/)\s*(?:AMD|Amd|amd|A|COR|Cor|cor|C)\s*\.?\s*\d+(?:\s*[:：\-]\s*(?:19|20)\d\d)?)"
)
INTL = rf"(?P<intl>{_PUB}\s*{_NUM}{_YEAR}?{_SUPPL}*(?:\s+(?:CSV|RLV|CMV))?)"
_INTL_ONLY = re.compile(INTL)

# Chinese numbers: GB, GB/T, GB/Z, sector codes (YY, YY/T …), local DBnn, group T/…, with year.
DOM = r"(?P<dom>(?:GB|[A-Z]{2}|DB\d{2})(?:/[TZ])?\s*\d+(?:\.\d+)*\s*[-—–]\s*(?:19|20)?\d\d)"

_DOUBLE = re.compile(DOM + r"\s*/\s*" + INTL)
_OLD_INFIX = re.compile(DOM + r"\s*\(?\s*(?P<deg>idt|eqv|neq|mod|IDT|EQV|NEQ|MOD)\s*\)?\s+" + INTL)
_PAREN = re.compile(r"[（(](?P<body>[^()（）]{4,500})[)）]")
_DEG_TAIL = re.compile(r"[,，;；、\s]\s*(?P<deg>IDT|MOD|NEQ|EQV|REF|idt|mod|neq|eqv)\s*\.?\s*$")
_ZH_VERB = re.compile(
    r"(?P<verb>非等效采用|等同采用|修改采用|等效采用|参照采用|等同转化|修改转化)\s*(?:了|国际标准|国际电工委员会|国际标准化组织)?\s*[《]?\s*"
    + INTL
)
_EN_VERB = re.compile(
    r"(?P<verb>identical(?:ly)?(?:\s+adoption)?\s+(?:to|with|of)|idt\s+|"
    r"(?:redrafted\s+and\s+)?modified\s+(?:adoption\s+of|in\s+relation\s+to|from|with\s+respect\s+to)|"
    r"not\s+equivalent\s+(?:to|with))\s+(?:the\s+)?(?:international\s+standard\s+)?" + INTL,
    re.IGNORECASE,
)
_FIELD = re.compile(
    r"(?:采用国际标准号|采用国际标准|采用标准号|采用标准|采标号|采标|Adopt(?:ed)?\s+[Ss]tandards?|"
    r"International\s+standards?\s+adopted)\s*[:：]?\s*['\"“]?\s*" + INTL
)
_FIELD_DEGREE = re.compile(
    r"\s*['\"”]?\s*(?:[,，;；]\s*|\s+)(?:(?:采用程度|采标程度|degree(?:\s+of\s+adoption)?)\s*[:：]?\s*)?"
    r"(?P<deg>IDT|MOD|NEQ|EQV|idt|mod|neq|eqv)\b"
)
_DEGREE_FIELD = re.compile(
    r"(?:采用程度|采标程度)\s*[:：]?\s*(?P<deg>IDT|MOD|NEQ|EQV|idt|mod|neq|eqv)"
)


@dataclass(frozen=True)
class Statement:
    """One adopted document as a statement states it."""

    intl: str  # the identifier, normalised by stdlink.pubid when it parses, else as written
    degree: str | None  # IDT / MOD / NEQ, None when the text does not say
    domestic: str | None  # the domestic number when the statement names it
    form: str  # double_number / cover / foreword / fields / infix
    evidence: str  # the text the statement was read from

    @property
    def dated(self) -> bool:
        return bool(re.search(r"[:：]\s*(?:19|20)\d\d", self.intl))


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return text.replace("—", "-").replace("–", "-").replace("－", "-")


def normalize_intl(raw: str) -> str:
    """Canonical form of an international identifier as Chinese covers write it."""
    s = re.sub(r"\s+", " ", raw.strip())
    s = re.sub(r"\s*([:：])\s*", ":", s)
    # Consolidated editions written "+A1:2012" on Chinese covers are "+AMD1:2012".
    s = re.sub(r"\s*\+\s*A(?:md|MD)?\s*\.?\s*(\d+)", r"+AMD\1", s)
    s = re.sub(r"\s*\+\s*C(?:or|OR)?\s*\.?\s*(\d+)", r"+COR\1", s)
    s = re.sub(r"(\+(?:AMD|COR)\d+)-((?:19|20)\d\d)", r"\1:\2", s)
    try:
        return pubid.normalize(s)
    except Exception:  # noqa: BLE001 — a form pubid does not know stays as written
        return s


def normalize_domestic(raw: str) -> str:
    s = re.sub(r"\s+", " ", raw.strip())
    try:
        return pubid.normalize(s)
    except Exception:  # noqa: BLE001
        return s


def _degree(word: str | None) -> str | None:
    return DEGREE_WORDS.get(word.upper()) if word else None


def _en_degree(verb: str) -> str:
    v = verb.lower()
    if v.startswith("not"):
        return NEQ
    if "modified" in v:
        return MOD
    return IDT


def parse_statements(text: str) -> list[Statement]:
    """Every adoption the text states, one per international document, best evidence first."""
    if not text:
        return []
    t = _clean(text)
    found: list[Statement] = []

    for m in _DOUBLE.finditer(t):
        found.append(
            Statement(
                normalize_intl(m["intl"]), IDT, normalize_domestic(m["dom"]), "double_number", m[0]
            )
        )
    for m in _OLD_INFIX.finditer(t):
        found.append(
            Statement(
                normalize_intl(m["intl"]),
                _degree(m["deg"]),
                normalize_domestic(m["dom"]),
                "infix",
                m[0],
            )
        )
    for m in _PAREN.finditer(t):
        body = m["body"]
        before = t[max(0, m.start() - 40) : m.start()]
        dom = re.search(DOM + r"\s*(?:/\s*" + _PUB + r"[^()（）]*)?\s*$", before)
        for seg in re.split(r"[;；]", body):
            im = _INTL_ONLY.search(seg)
            if not im or im.start() > 3:
                continue
            dm = _DEG_TAIL.search(seg)
            found.append(
                Statement(
                    normalize_intl(im["intl"]),
                    _degree(dm["deg"]) if dm else None,
                    normalize_domestic(dom["dom"]) if dom else None,
                    "cover",
                    m[0] if not dom else (dom[0].strip() + " " + m[0]),
                )
            )
    for m in _ZH_VERB.finditer(t):
        found.append(
            Statement(normalize_intl(m["intl"]), ZH_VERBS[m["verb"]], None, "foreword", m[0])
        )
    for m in _EN_VERB.finditer(t):
        found.append(
            Statement(normalize_intl(m["intl"]), _en_degree(m["verb"]), None, "foreword", m[0])
        )
    degree_field = _DEGREE_FIELD.search(t)
    for m in _FIELD.finditer(t):
        dm = _FIELD_DEGREE.match(t, m.end())
        deg = _degree(dm["deg"]) if dm else (_degree(degree_field["deg"]) if degree_field else None)
        found.append(
            Statement(normalize_intl(m["intl"]), deg, None, "fields", m[0] + (dm[0] if dm else ""))
        )
    return _merge(found)


_RANK = {"cover": 0, "foreword": 1, "fields": 2, "infix": 3, "double_number": 4}


def _merge(found: list[Statement]) -> list[Statement]:
    """One statement per international document: an explicit degree beats the double-number IDT."""
    by_key: dict[str, Statement] = {}
    order: list[str] = []
    for st in found:
        k = _work_edition_key(st.intl)
        prev = by_key.get(k)
        if prev is None:
            by_key[k] = st
            order.append(k)
            continue
        by_key[k] = _better(prev, st)
    # A dated and an undated mention of the same work: keep the dated one.
    out = [by_key[k] for k in order]
    dated_works = {_work_key(s.intl) for s in out if s.dated}
    return [s for s in out if s.dated or _work_key(s.intl) not in dated_works]


def _better(a: Statement, b: Statement) -> Statement:
    explicit_a = a.degree is not None and a.form != "double_number"
    explicit_b = b.degree is not None and b.form != "double_number"
    if explicit_a != explicit_b:
        keep = a if explicit_a else b
    elif (a.degree is None) != (b.degree is None):
        keep = a if a.degree else b
    else:
        keep = a if _RANK[a.form] <= _RANK[b.form] else b
    other = b if keep is a else a
    return Statement(
        keep.intl, keep.degree, keep.domestic or other.domestic, keep.form, keep.evidence
    )


def _work_edition_key(ident: str) -> str:
    try:
        return pubid.key(ident)
    except Exception:  # noqa: BLE001
        return re.sub(r"\s+", "", ident.upper())


def _work_key(ident: str) -> str:
    try:
        return pubid.key(ident, level="work")
    except Exception:  # noqa: BLE001
        return re.sub(r"[:：].*$", "", re.sub(r"\s+", "", ident.upper()))


def best_statement(text: str) -> Statement | None:
    """The adoption a text states for its main document (the first with the best evidence)."""
    sts = parse_statements(text)
    return sts[0] if sts else None


def counts_as_adoption(degree: str | None) -> bool:
    """ISO/IEC/ITU adopted IDT or MOD counts (采用国际标准管理办法 2025); NEQ is a correspondence."""
    return degree in (IDT, MOD)
