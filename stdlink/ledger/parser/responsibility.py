"""Responsibility clauses: who leads a task and who shares it.

Forms recognised (in the cleaned text):
- 〔A、B牵头，C、D等按职责分工负责〕 (State Council style, seeds 001 and 004);
- 〔A、B、C等按职责分工负责〕 without 牵头: by the State Council convention the first listed
  agency leads and the others are co-responsible (`lead_by_convention`);
- （责任单位：A、B、C） (Zhejiang style, seed 002): same convention, first listed leads;
- （牵头单位：A；配合单位：B、C） and 由A牵头，B配合 (explicit roles);
- collective placeholders (各有关部门, 地方人民政府 …) are never made lead by convention;
- "以下均需X负责，不再列出" inside a clause: X is co-responsible for every later task
  (returned separately so the document parser can apply it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stdlink.ledger.parser.agencies import AgencyRegistry
from stdlink.ledger.parser.model import ParsedClause

_BRACKET = re.compile(r"〔([^〔〕]+)〕")
_INHERIT = re.compile(
    r"以下(?:均|都|各项)?(?:需|由)?(.+?)(?:负责|参与)[，,]?\s*(?:不再|均不再)(?:一一)?列出"
)
_ROLE_WORDS = re.compile(r"牵头|负责|配合|参与|责任单位|协办|主办")
_INLINE = re.compile(r"由([^，。；（）]{2,60}?)牵头[，,]([^，。；（）]{2,80}?)(?:配合|参与)")
_LABELLED = re.compile(
    r"(牵头单位|主要责任单位|责任单位|配合单位|协同单位|参与单位|负责单位)[：:]\s*([^；;]+)"
)


@dataclass
class ClauseResult:
    clause: ParsedClause
    inherited: list[str] = field(default_factory=list)  # agencies for all later tasks
    unknown: list[str] = field(default_factory=list)


def find_paren_clauses(text: str) -> list[tuple[int, int, str]]:
    """（…） groups (nesting allowed) that name responsible agencies: (start, end, content)."""
    out = []
    depth, start = 0, -1
    for i, ch in enumerate(text):
        if ch == "（":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
            if depth == 0:
                content = text[start + 1 : i]
                if _is_clause_content(content):
                    out.append((start, i + 1, content))
    return out


def _is_clause_content(content: str) -> bool:
    if re.match(r"^(牵头单位|主要责任单位|责任单位|配合单位|负责单位)[：:]", content):
        return True
    return bool(re.search(r"(按职责分工负责|牵头|负责)$", content)) and len(content) <= 200


def find_clauses(text: str) -> list[tuple[int, int, str]]:
    """Every responsibility clause in a task's text, in order: (start, end, content)."""
    found = [
        (m.start(), m.end(), m.group(1))
        for m in _BRACKET.finditer(text)
        if not re.fullmatch(r"\d{4}", m.group(1)) and _ROLE_WORDS.search(m.group(1))
    ]
    found += find_paren_clauses(text)
    found += [(m.start(), m.end(), m.group(0)) for m in _INLINE.finditer(text)]
    return sorted(found)


def split_agencies(text: str, registry: AgencyRegistry) -> list[str]:
    """'A、B等部门和C' → ['A', 'B', 'C'] (registry names containing 、 or 和 stay whole)."""
    text = text.strip().strip("。，,；;")
    protected: dict[str, str] = {}
    for i, name in enumerate(registry.names_with("、")):
        if name in text:
            token = f"\x00{i}\x00"
            protected[token] = name
            text = text.replace(name, token)
    text = re.sub(r"等(?:部门|单位|有关部门)?和", "、", text)
    text = re.sub(r"[，,]", "、", text)
    # 、 inside brackets belongs to one name: 各市、县（市、区）人民政府, 省编办（省跑改办、…）.
    text = _protect_bracketed(text, protected)
    out: list[str] = []
    for piece in text.split("、"):
        piece = re.sub(r"等(?:部门|单位|有关部门|相关部门)?$", "", piece.strip())
        for token, name in protected.items():
            piece = piece.replace(token, name)
        if not piece:
            continue
        if registry.lookup(piece) is None and "和" in piece:
            out += _split_on_and(piece, registry)
        else:
            out.append(piece)
    return out


def _protect_bracketed(text: str, protected: dict[str, str]) -> str:
    """Replace every 、 inside （…） by a token restored after splitting; a name written
    "各市、县（市、区）X" (a list head before the bracket) is kept whole too."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "（":
            depth += 1
        elif ch == "）" and depth:
            depth -= 1
        if ch == "、" and depth:
            token = "\x01"
            protected.setdefault(token, "、")
            out.append(token)
        else:
            out.append(ch)
    text = "".join(out)
    # 各市、县（市、区）…: the 、 before a bracketed county list joins the two administrative levels.
    return re.sub(r"(各[省市])、(?=[市县区州]（)", lambda m: m.group(1) + "\x01", text)


def _split_on_and(piece: str, registry: AgencyRegistry) -> list[str]:
    for i, ch in enumerate(piece):
        if ch == "和" and 0 < i < len(piece) - 1:
            left, right = piece[:i], piece[i + 1 :]
            if registry.lookup(left) and registry.lookup(right):
                return [left, right]
    return [piece]


def parse_clause(raw: str, content: str, registry: AgencyRegistry) -> ClauseResult:
    """Leads and co-responsible agencies of one clause (content without its brackets)."""
    inherited: list[str] = []
    m = _INHERIT.search(content)
    if m:
        inherited = split_agencies(m.group(1), registry)
        content = (content[: m.start()] + content[m.end() :]).strip("。；; ")
    leads_raw: list[str] = []
    cos_raw: list[str] = []
    convention = False
    labelled = list(_LABELLED.finditer(content))
    inline = _INLINE.fullmatch(content)
    if inline:
        leads_raw = split_agencies(inline.group(1), registry)
        cos_raw = split_agencies(inline.group(2), registry)
    elif labelled:
        for lm in labelled:
            names = split_agencies(lm.group(2), registry)
            if lm.group(1) in ("牵头单位", "主要责任单位"):
                leads_raw += names
            elif lm.group(1) in ("责任单位", "负责单位"):
                first, rest = _by_convention(names, registry)
                leads_raw += first
                cos_raw += rest
                convention = True
            else:
                cos_raw += names
    elif "牵头" in content:
        lead_part, _, co_part = content.partition("牵头")
        leads_raw = split_agencies(lead_part, registry)
        co_part = re.sub(r"^[，,、]", "", co_part)
        co_part = re.sub(r"(按职责分工)?(负责|配合|参与)$", "", co_part)
        cos_raw = split_agencies(co_part, registry) if co_part else []
    else:
        body = re.sub(r"(按职责分工|分别)?负责$", "", content)
        first, rest = _by_convention(split_agencies(body, registry), registry)
        leads_raw, cos_raw = first, rest
        convention = bool(first)

    unknown: list[str] = []

    def canon(names: list[str]) -> list[str]:
        out: list[str] = []
        for name in names:
            canonical, known = registry.resolve(name)
            if not known and canonical not in unknown:
                unknown.append(canonical)
            if canonical and canonical not in out:
                out.append(canonical)
        return out

    leads = canon(leads_raw)
    cos = [a for a in canon(cos_raw) if a not in leads]
    clause = ParsedClause(raw=raw, leads=leads, cos=cos, lead_by_convention=convention)
    return ClauseResult(clause=clause, inherited=canon(inherited), unknown=unknown)


def _by_convention(names: list[str], registry: AgencyRegistry) -> tuple[list[str], list[str]]:
    """The first listed agency leads, the rest are co-responsible; a placeholder never leads."""
    if names and not registry.is_collective(registry.resolve(names[0])[0]):
        return names[:1], names[1:]
    return [], names
