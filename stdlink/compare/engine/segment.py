"""Clause segmentation of Chinese and English standards.

A line that opens with a plausible clause number (4, 4.2, 4.2.1, A.1, 第5章, full-width digits)
starts a clause; an annex heading (附录A, Annex A) starts an annex; 前言/Foreword and
引言/Introduction start un-numbered parts; everything before the first of these is front matter.
Headings, notes (注/NOTE), list items and table lines stay with the clause they follow. The kind
of a top-level clause is read from its heading (范围/Scope, 规范性引用文件/Normative references,
术语和定义/Terms and definitions, 试验方法/Test methods, ...) and inherited by its sub-clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .text import fold, language
from .unitwords import UNIT_PATTERN as _UNIT

# Kinds of clause.
FRONT_MATTER = "front_matter"
FOREWORD = "foreword"
INTRODUCTION = "introduction"
SCOPE = "scope"
REFERENCES = "normative_references"
TERMS = "terms"
REQUIREMENT = "requirement"
TEST_METHOD = "test_method"
INSPECTION = "inspection"
MARKING = "marking"
ANNEX_INFORMATIVE = "annex_informative"
BIBLIOGRAPHY = "bibliography"
CLASSIFICATION = "classification"

# Kinds whose clauses state requirements on the product (rows of a comparison).
REQUIREMENT_KINDS = {REQUIREMENT, MARKING}
# Kinds whose clauses become rows only when they name an indicator (a test severity, a sample size).
INDICATOR_KINDS = {TEST_METHOD, INSPECTION}

# Heading words of a top-level clause -> kind (first match wins; matched on the folded, lower-case title).
SECTION_WORDS: list[tuple[str, tuple[str, ...]]] = [
    (REQUIREMENT, ("要求", "requirement")),  # "要求和试验方法" is a requirements section
    (INTRODUCTION, ("引言", "introduction")),
    (FOREWORD, ("前言", "foreword")),
    (SCOPE, ("范围", "scope")),
    (REFERENCES, ("规范性引用文件", "引用标准", "引用文件", "normative reference")),
    (TERMS, ("术语", "定义", "缩略语", "符号", "terms", "definitions", "abbreviat", "symbols")),
    (
        TEST_METHOD,
        (
            "试验方法",
            "检验方法",
            "测试方法",
            "检测方法",
            "测定方法",
            "试验",
            "test method",
            "methods of test",
            "testing",
            "test procedure",
        ),
    ),
    (
        INSPECTION,
        ("检验规则", "抽样", "合格评定", "inspection", "sampling", "conformity assessment"),
    ),
    (
        MARKING,
        (
            "标志",
            "标识",
            "标签",
            "包装",
            "运输",
            "贮存",
            "使用说明",
            "marking",
            "labelling",
            "labeling",
            "packaging",
            "instructions",
        ),
    ),
    (BIBLIOGRAPHY, ("参考文献", "bibliography")),
    (CLASSIFICATION, ("分类", "型号", "规格", "classification", "designation")),
]

_UNNUMBERED = [
    (FOREWORD, re.compile(r"^\s*(前\s*言|foreword|preface)\s*$", re.I)),
    (INTRODUCTION, re.compile(r"^\s*(引\s*言|introduction)\s*$", re.I)),
    (BIBLIOGRAPHY, re.compile(r"^\s*(参\s*考\s*文\s*献|bibliography)\s*$", re.I)),
]

_ANNEX = re.compile(
    r"^\s*(?:附\s*录\s*([A-Z])|(?:annex|appendix)\s+([A-Z]))(?![A-Za-z])\s*[:.]?\s*(.*)$", re.I
)
_CHAPTER = re.compile(r"^\s*第\s*(\d{1,3})\s*章\s*(.*)$")
_NUMBERED = re.compile(
    r"^\s*((?:\d{1,3}|[A-Z])(?:\.\d{1,3}){0,5})\.?(?:\s+|(?=[\u4e00-\u9fff])|$)(.*)$"
)
_NOTE = re.compile(
    r"^\s*(注\s*\d*\s*[:：]|注\s*\d+\s|note\s*\d*\s*[:\-—]?\s|example\s*\d*\s*[:\-—]?|示例)", re.I
)
_UNIT_START = re.compile(
    r"(?:" + _UNIT + r")(?![A-Za-z\u4e00-\u9fff])|(?:" + _UNIT + r")\s*[,.;，。；]?\s*$"
)
_SENTENCE_END = re.compile(r"[。；;.:：]\s*$")


@dataclass
class Clause:
    number: str  # "3.1", "A.2", "A" for an annex, "" for an un-numbered part
    title: str
    kind: str
    level: int
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    index: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()

    @property
    def full_text(self) -> str:
        """Heading and body, as the clause reads (notes left out)."""
        return "\n".join(x for x in (self.title, self.text) if x).strip()

    @property
    def label(self) -> str:
        return self.number or self.kind


@dataclass
class Document:
    language: str
    clauses: list[Clause]
    title: str = ""

    def by_number(self, number: str) -> Clause | None:
        return next((c for c in self.clauses if c.number == number), None)


def _components(number: str) -> list:
    return [int(p) if p.isdigit() else p for p in number.split(".")]


def _key(part) -> int:
    return part if isinstance(part, int) else 1000 + ord(part)


def plausible_next(
    previous: list | None, candidate: list, max_gap: int = 25, top_gap: int = 12
) -> bool:
    """Could `candidate` follow clause `previous` (a sibling later on, a first child, a later ancestor's sibling)?"""
    if previous is None:
        return len(candidate) == 1 and isinstance(candidate[0], int) and candidate[0] <= 20
    if isinstance(candidate[0], str) and (
        not isinstance(previous[0], str) or candidate[0] != previous[0]
    ):
        return False  # an annex clause only after its annex heading
    for depth in range(len(previous), -1, -1):
        parent = previous[:depth]
        if len(candidate) != depth + 1 or candidate[:depth] != parent:
            continue
        last = candidate[depth]
        if not isinstance(last, int):
            continue
        before = previous[depth] if depth < len(previous) else 0
        before = before if isinstance(before, int) else 0
        if before < last <= before + (top_gap if depth == 0 else max_gap):
            return True
    return False


_LINE_END = re.compile(r"[。；;.!?！？:：)）]\s*$")
_ITEM_START = re.compile(
    r"^\s*(?:[a-z]\)|\d{1,2}\)|[（(][a-z0-9]{1,2}[)）]|[—–•·●▪-]\s|表\s*[A-Z]?\d|图\s*\d|table\s|figure\s)",
    re.I,
)
_CJK_END = re.compile(r"[\u4e00-\u9fff，、]$")
_CJK_START = re.compile(r"^[\u4e00-\u9fff，、。]")


def _continues(previous: str, line: str) -> bool:
    """Is `line` the rest of a sentence that `previous` left open?"""
    if "\t" in previous or "\t" in line:
        return False  # table rows stand alone
    if _LINE_END.search(fold(previous)) or _ITEM_START.match(fold(line)):
        return False
    return True


def _section_kind(title: str) -> str:
    low = fold(title).lower()
    for kind, words in SECTION_WORDS:
        if any(w in low for w in words):
            return kind
    return REQUIREMENT


def _split_heading(rest: str) -> tuple[str, str]:
    """(title, first body line) of the text after a clause number."""
    rest = rest.strip()
    if "\t" in rest:
        return "", rest
    # "5.1 甲醛含量：应不大于20 mg/kg", "5.1 Formaldehyde — The content shall ..."
    m = re.match(r"^(.{1,30}?)\s*(?:[:：]|\s[—–-]\s)\s*(.+)$", rest)
    if m and not re.search(r"应|不得|须|shall|must|should", m.group(1)):
        return m.group(1).strip(), m.group(2).strip()
    is_sentence = (
        _SENTENCE_END.search(rest)
        or len(rest) > 60
        or re.search(r"应|不得|须|shall|must|should", rest)
    )
    return ("", rest) if is_sentence else (rest, "")


def segment(text: str) -> Document:
    """Split a standard's text into clauses."""
    lines = text.split("\n")
    folded_lines = [fold(line) for line in lines]
    clauses: list[Clause] = []
    current = Clause("", "", FRONT_MATTER, 0)
    clauses.append(current)
    previous: list | None = None
    top_kind = FRONT_MATTER
    annex_kind = None

    def start(clause: Clause) -> Clause:
        clause.index = len(clauses)
        clauses.append(clause)
        return clause

    for raw, line in zip(lines, folded_lines, strict=True):
        stripped = line.strip()
        if not stripped:
            continue
        unnumbered = next((k for k, rx in _UNNUMBERED if rx.match(stripped)), None)
        if unnumbered:
            current = start(Clause("", raw.strip(), unnumbered, 0))
            top_kind = unnumbered
            continue
        m = _ANNEX.match(stripped)
        if m:
            letter = (m.group(1) or m.group(2)).upper()
            rest = m.group(3)
            informative = bool(re.search(r"资料性|informative", rest, re.I))
            title = (
                re.sub(r"^[(（][^)）]*[)）]\s*", "", raw.strip()[m.start(3) :]).strip()
                if rest
                else ""
            )
            # a normative annex is read like a clause of its own kind ("试验方法", "Labelling")
            annex_kind = ANNEX_INFORMATIVE if informative else _section_kind(title)
            top_kind = annex_kind
            current = start(Clause(letter, title, annex_kind, 1))
            previous = [letter]
            continue
        if (
            current.number.isalpha()
            and not current.lines
            and re.fullmatch(
                r"[(（]\s*(规范性|资料性|normative|informative)\s*[)）]", stripped, re.I
            )
        ):
            if re.search(r"资料性|informative", stripped, re.I):
                current.kind = top_kind = annex_kind = ANNEX_INFORMATIVE
            continue
        if (
            current.number.isalpha()
            and not current.title
            and not current.lines
            and not _NUMBERED.match(stripped)
            and len(stripped) <= 60
        ):
            # the annex title on its own line, after "附录A" and "（规范性）"
            current.title = raw.strip()
            if current.kind != ANNEX_INFORMATIVE:
                current.kind = top_kind = annex_kind = _section_kind(current.title)
            continue
        number = rest = None
        m = _CHAPTER.match(stripped)
        chapter = bool(m)
        if m:
            number, rest = m.group(1), m.group(2)
        else:
            m = _NUMBERED.match(stripped)
            if (
                m
                and not re.match(r"^[\s\-~%/.,:;)）×*]|^x\s*\d", m.group(2))
                and not _UNIT_START.match(m.group(2))
            ):
                number, rest = m.group(1), m.group(2)
        if number is not None:
            comps = _components(number)
            if plausible_next(previous, comps):
                title, body = _split_heading(
                    raw.strip()[len(raw.strip()) - len(rest.strip()) :] if rest.strip() else ""
                )
                top_level = len(comps) == 1 and isinstance(comps[0], int)
                if top_level and body and not title and not chapter:
                    # a top-level clause always has a heading: "6 samples shall be ..." is text
                    current.lines.append(raw.strip())
                    continue
                if top_level:
                    top_kind = _section_kind(title or body)
                current = start(Clause(number, title, top_kind, len(comps)))
                if body:
                    current.lines.append(body)
                previous = comps
                continue
        if _NOTE.match(stripped):
            current.notes.append(raw.strip())
        elif (
            current.kind != FRONT_MATTER
            and current.lines
            and _continues(current.lines[-1], raw.strip())
        ):
            # a sentence wrapped across lines (PDF text): "应不大于" / "16 mg/kg。"
            prev = current.lines[-1]
            glue = "" if _CJK_END.search(prev) or _CJK_START.match(raw.strip()) else " "
            current.lines[-1] = prev + glue + raw.strip()
        else:
            current.lines.append(raw.strip())
    if not clauses[0].lines and not clauses[0].notes:
        clauses.pop(0)
        for i, c in enumerate(clauses):
            c.index = i
    front = next((c for c in clauses if c.kind == FRONT_MATTER), None)
    title = ""
    if front:
        title = next(
            (line for line in front.lines if language(line) == "zh" or not re.search(r"\d", line)),
            "",
        )
    return Document(language=language(text), clauses=clauses, title=title)


# A parent clause's lead-in ("产品应符合下列要求：", "Toys shall meet 5.1.1 to 5.1.3.") up to this
# length, without an indicator, is part of its heading, not a requirement of its own.
LEAD_IN_CHARS = 80


# "应符合4.2～4.8的规定", "shall comply with 4.2 to 4.8", "见表1": a pointer to the document's own
# clauses or tables, not a requirement of its own (a pointer to another standard is one).
_SELF_REFERENCE = re.compile(
    r"^[^。；;.]{0,40}?(?:符合|满足|见|按|comply with|conform to|meet|given in|specified in|see)\s*"
    r"(?:the requirements (?:of|in)\s*|本文件\s*)?(?:第?\s*[A-Z]?\d+(?:\.\d+)+|表\s*[A-Z]?\d+|table\s+[A-Z]?\d+|clauses?\s+\d)"
    r"[^。；;]{0,30}[。；;.]?\s*$",
    re.I,
)


def is_comparable(clause: Clause, has_indicators: bool, has_children: bool = False) -> bool:
    """Does the clause state a requirement that belongs in the comparison?"""
    if not clause.text:
        return False  # a heading whose content is in its sub-clauses
    if not has_indicators and "\n" not in clause.text and _SELF_REFERENCE.match(fold(clause.text)):
        return False
    if has_children and not has_indicators and len(clause.text) <= LEAD_IN_CHARS:
        return False
    if clause.kind in REQUIREMENT_KINDS:
        return True
    return clause.kind in INDICATOR_KINDS and has_indicators
