"""Classification of a parsed notification: symbol → kind/base, members → countries, HS/ICS
normalised and inferred, dates with precision, comment deadline computed, objectives normalised,
cited standards parsed, measure type and stage. Django-free; see ``enrich``.
"""

from __future__ import annotations

import re

from ..parsers.record import IcsCode, Notification, TbtParseError
from . import codes, dates, members, objectives, standards, symbols
from .reference import Reference, default_reference

__all__ = ["enrich", "Reference", "default_reference"]

_REGULATION = re.compile(
    r"技术法规|法规|条例|法令|规定|决议|decree|regulation|directive|law|order|rule|act\b|命令|公告",
    re.I,
)
_STANDARD = re.compile(
    r"标准|standard|\b(?:KS|DKS|DEAS|EAS|DRS|DUS|FDUS|SNI|TIS|CNS|GB|ISO|IEC|EN)\s?\d", re.I
)
_CONFORMITY = re.compile(
    r"合格评定|认证|检验|检测|测试|conformity assessment|certification|inspection|testing|认可|标志",
    re.I,
)
_MANDATORY = re.compile(r"强制|mandatory|compulsory|technical regulation|技术法规", re.I)

_ADOPTED = re.compile(
    r"通过|公布|发布|生效|adopted|published|entered into force|entry into force|enter into force|采纳|批准",
    re.I,
)
_WITHDRAWN = re.compile(r"撤回|撤销|withdraw|revoked|repeal", re.I)
_COMMENT_CHANGE = re.compile(
    r"评议期|意见反馈截止|comment period|final date for comments|征求意见|comments? (?:are|is) (?:invited|requested)",
    re.I,
)


def joint_members(sym, related: list[str], have: list[str], ref: Reference) -> list:
    """Members of a joint notification (the EAC, the Gulf states): each member notifies under
    its own symbol and lists the others' parallel symbols (same suffix chain) as related. They
    count as members when they and the notifying member all belong to one such group."""
    from .members import SYMBOL_CODES, group_members, member_ref

    others = []
    for rs in related:
        other = symbols.parse_symbol(rs)
        if other is None or other.suffixes != sym.suffixes or not other.member_code:
            continue
        code = SYMBOL_CODES.get(other.member_code, other.member_code)
        if code not in have and code not in others and code in ref.countries:
            others.append(code)
    if not others or not have:
        return []
    for group in ("EAC", "GCC"):
        members_of = group_members(group, ref)
        if have[0] in members_of and all(c in members_of for c in others):
            return [member_ref(c, c, ref) for c in others]
    return []


def measure_type(n: Notification) -> str:
    """technical_regulation | conformity_assessment | standard, from article and wording."""
    art = (n.article or "").replace(" ", "")
    text = " ".join(filter(None, [n.title, n.description, n.products_text]))
    if re.search(r"5\.6|5\.7", art):
        return "conformity_assessment"
    if _CONFORMITY.search(n.title or "") and not _STANDARD.search(n.title or ""):
        return "conformity_assessment"
    if _REGULATION.search(n.title or "") or _MANDATORY.search(text):
        return "technical_regulation"
    if _STANDARD.search(text):
        return "standard"
    return "technical_regulation" if re.search(r"2\.9|2\.10", art) else ""


def addendum_reasons(n: Notification) -> list[str]:
    """What an addendum reports: ticked reasons of the standard addendum form, or its wording."""
    text = n.description or ""
    reasons = []
    ticked = [m.group(1) for m in re.finditer(r"\[\s*[xX√✓]\s*\]\s*([^\[\]:：\n]+)", text)]
    if ticked:
        hay = " ".join(ticked)
    else:
        hay = " ".join(filter(None, [n.title, text]))
    if _COMMENT_CHANGE.search(hay):
        reasons.append("comment_period")
    if _WITHDRAWN.search(hay):
        reasons.append("withdrawn")
    if _ADOPTED.search(hay):
        reasons.append("adopted")
    if re.search(r"内容或范围|scope|content", hay, re.I) and ticked:
        reasons.append("scope_changed")
    if re.search(r"解释性指南|interpretive guidance", hay, re.I) and ticked:
        reasons.append("guidance")
    if re.search(r"最终措施文本|final measure|text of the final", hay, re.I):
        reasons.append("final_text")
    return reasons or ["other"]


def enrich(n: Notification, ref: Reference | None = None) -> Notification:
    """Fill the derived fields of ``n`` in place (and return it)."""
    ref = ref or default_reference()
    sym = symbols.parse_symbol(n.symbol)
    if sym is None:
        raise TbtParseError(
            f"{n.symbol!r} 不是 TBT 通报编号 / is not a TBT notification symbol (G/TBT/N/XXX/n)",
            source=n.source,
            record=n.symbol,
            field="symbol",
        )
    n.symbol = sym.symbol
    n.kind, n.kind_number, n.base_symbol, n.root_symbol = sym.kind, sym.number, sym.base, sym.root
    n.related_symbols = [
        s for s in (symbols.normalise_any(x) for x in n.related_symbols) if s != n.symbol
    ]

    n.members = members.resolve(n.member, ref, sym.member_code)
    for extra in joint_members(sym, n.related_symbols, [m.iso3 for m in n.members], ref):
        n.members.append(extra)

    # HS as notified, then ICS; infer each from the other where one side is missing.
    n.hs = [h for raw in n.hs_codes for h in codes.normalise_hs(raw)]
    n.ics = [IcsCode(c) for c in n.ics_codes]
    if not n.hs and n.ics:
        n.hs = codes.infer_hs_from_ics([i.code for i in n.ics], ref.ics_to_hs)
    if not n.ics and n.hs:
        n.ics = codes.infer_ics_from_hs(n.hs, ref.hs_to_ics)

    dist = dates.parse_date(n.distribution_date)
    d: dict = {}
    if dist:
        d["distribution"] = dist
    dist_date = dist.date if dist and dist.precision == "day" else None
    for key, raw in (
        ("proposed_adoption", n.proposed_adoption_date),
        ("proposed_entry_into_force", n.proposed_entry_into_force),
    ):
        v = dates.relative_date(raw, dist_date)
        if v:
            d[key] = v
    cd = dates.comment_deadline(n.comment_deadline, dist_date)
    if cd:
        d["comment_deadline"] = cd
    n.dates = d

    n.objectives = objectives.normalise(n.objective)
    n.cited_standards = standards.find_standards(n.title, n.products_text, n.description)
    n.measure_type = measure_type(n)
    if n.kind in ("addendum", "corrigendum", "supplement"):
        n.addendum_reasons = addendum_reasons(n)
    n.stage = "draft"
    if n.kind == "addendum" and "adopted" in n.addendum_reasons:
        n.stage = "adopted"
    if n.kind == "addendum" and "withdrawn" in n.addendum_reasons:
        n.stage = "withdrawn"
    return n
