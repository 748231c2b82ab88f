"""Objectives normalised to ePing's list (zh and en), from the item 7 text as written.

Form 7 is free text in the notifying member's words, or ePing's names with "(TBT)", or the
Chinese form's check boxes ("保护人类健康和安全[X] 保护环境[ ]"), where only ticked boxes count.
"""

from __future__ import annotations

import re

# code → (zh, en, patterns); order is ePing's.
OBJECTIVES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "health_safety": (
        "保护人类健康或安全",
        "Protection of human health or safety",
        (
            r"人类?(?:的)?(?:生命)?健康",
            r"人类安全",
            r"人身安全",
            r"人的生命和健康",
            r"消费者(?:的)?(?:健康|安全)",
            r"(?:食品|产品|公共)安全",
            r"human health",
            r"public health",
            r"\bsafety\b",
            r"health or safety",
            r"保护.{0,4}安全",
        ),
    ),
    "environment": (
        "保护环境",
        "Protection of the environment",
        (r"环境", r"environment", r"气候", r"climate", r"能源效率|能效|能源消耗|energy efficiency"),
    ),
    "consumer_information": (
        "消费者信息、标签",
        "Consumer information, labelling",
        (r"消费者信息", r"标签", r"标识", r"labell?ing", r"consumer information"),
    ),
    "deceptive_practices": (
        "防止欺诈行为和保护消费者",
        "Prevention of deceptive practices and consumer protection",
        (
            r"欺诈",
            r"欺骗",
            r"误导",
            r"消费者(?:权益|利益)?保护|保护消费者",
            r"deceptive",
            r"consumer protection",
        ),
    ),
    "quality": (
        "质量要求",
        "Quality requirements",
        (r"质量", r"quality"),
    ),
    "harmonization": (
        "协调",
        "Harmonization",
        (r"协调", r"统一", r"harmoni[sz]ation", r"国际标准一致"),
    ),
    "trade_facilitation": (
        "减少贸易壁垒、促进贸易",
        "Reducing trade barriers and facilitating trade",
        (
            r"贸易壁垒",
            r"促进贸易",
            r"公平贸易",
            r"trade barriers",
            r"facilitating trade",
            r"市场关系",
        ),
    ),
    "cost_saving": (
        "节约成本、提高生产力",
        "Cost saving and productivity enhancement",
        (r"节约成本|节省成本", r"生产力", r"cost saving", r"productivity"),
    ),
    "animal_plant": (
        "保护动植物生命或健康",
        "Protection of animal or plant life or health",
        (r"动物或植物", r"动植物", r"animal or plant"),
    ),
    "national_security": (
        "国家安全",
        "National security requirements",
        (r"国家安全", r"national security"),
    ),
    "other": ("其他", "Other", (r"^其他", r"\bothers?\b")),
}

_CHECKBOX = re.compile(r"\[\s*[xX✓√]?\s*\]")


def _ticked_segments(text: str) -> list[str] | None:
    """For check-box forms, the labels whose box is ticked; None when there are no boxes."""
    if not _CHECKBOX.search(text):
        return None
    out = []
    for m in re.finditer(r"([^\[\]]+?)\s*\[\s*([xX✓√]?)\s*\]", text):
        if m.group(2):
            out.append(m.group(1).strip())
    return out


def normalise(text: str | None) -> list[str]:
    """ePing objective codes found in ``text``, in ePing's order."""
    if not text:
        return []
    from .members import _t2s

    t = _t2s().convert(text)
    segments = _ticked_segments(t)
    hay = " ; ".join(segments) if segments is not None else t
    # "保护动物或植物的生命和安全" must not count as human safety.
    hay_h = re.sub(
        r"动物或植物的?生命和?(?:健康|安全)|animal or plant life or health", " ", hay, flags=re.I
    )
    found = []
    for code, (_zh, _en, pats) in OBJECTIVES.items():
        target = hay_h if code == "health_safety" else hay
        if any(re.search(p, target, re.I) for p in pats):
            found.append(code)
    return found


def label(code: str, lang: str = "zh") -> str:
    zh, en, _ = OBJECTIVES[code]
    return zh if lang == "zh" else en
