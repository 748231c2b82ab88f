"""Quantified targets: 达到85%以上, 不少于50个, 缩短至18个月以内, 超过300项, 40项以上.

A number with a unit becomes a target when it carries a comparator word (以上, 以内, 不少于 …) or
sits in a sentence that states a target year (到2025年 …, 力争 …). Figures about the past
(截至目前已累计…24项) have neither and are skipped. The indicator is the text of the clause around
the number, with connectives and comparator words removed.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from stdlink.ledger.parser.model import ParsedKpi

UNITS = (
    "个百分点",
    "个月",
    "万人次",
    "万元",
    "亿元",
    "万家",
    "万项",
    "%",
    "％",
    "个",
    "项",
    "家",
    "名",
    "人",
    "次",
    "件",
    "所",
    "天",
    "批",
    "条",
    "部",
    "套",
    "座",
    "倍",
    "年",
)
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
_PRE = (
    r"(达到|提高到|提升到|提高至|提升至|增加到|增长到|超过|不少于|不低于|不超过|不高于|缩短至|缩短到|"
    r"降低到|降低至|降至|减少到|控制在|至少|低于|高于|多于|少于)?"
)
_NUMBER = re.compile(
    rf"{_PRE}\s*(\d+(?:[,，]\d{{3}})*(?:\.\d+)?)\s*({_UNIT_RE})(以上|以内|以下|左右|及以上|内)?"
)
_TARGET_SENTENCE = re.compile(r"(到|至)\d{4}年|力争|目标|实现|确保|争取")
_LEAD_IN = re.compile(
    r"^(?:[，、；：]|到\d{4}年(?:底|末)?[，]?|力争|争取|确保|实现|推动|其中|并|,)+"
)
_PRE_WORDS = {
    "超过": ">",
    "多于": ">",
    "高于": ">",
    "不少于": ">=",
    "不低于": ">=",
    "至少": ">=",
    "不超过": "<=",
    "不高于": "<=",
    "缩短至": "<=",
    "缩短到": "<=",
    "降低到": "<=",
    "降低至": "<=",
    "降至": "<=",
    "减少到": "<=",
    "控制在": "<=",
    "低于": "<",
    "少于": "<",
}
_POST_WORDS = {"以上": ">=", "及以上": ">=", "以内": "<=", "内": "<=", "以下": "<=", "左右": "≈"}
_YEAR = re.compile(r"(?:到|至)(\d{4})年")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[。；！？\n])", text) if s.strip()]


def find_kpis(
    text: str, *, default_year: int | None = None, task_number: str | None = None
) -> list[ParsedKpi]:
    out: list[ParsedKpi] = []
    for sentence in _sentences(text):
        target_sentence = bool(_TARGET_SENTENCE.search(sentence))
        year_match = _YEAR.search(sentence)
        year = int(year_match.group(1)) if year_match else default_year
        for clause in re.split(r"[，；。]", sentence):
            pos = 0
            for m in _NUMBER.finditer(clause):
                pre, number, unit, post = m.groups()
                start = m.start()
                if unit == "年" or (
                    unit in ("个", "项")
                    and number.isdigit()
                    and len(number) == 4
                    and clause[m.end() : m.end() + 1] == "年"
                ):
                    continue
                if re.match(r"\d{4}年", clause[m.start(2) :]):
                    continue
                if not (pre or post or target_sentence):
                    continue
                comparator = _PRE_WORDS.get(pre or "") or _POST_WORDS.get(post or "") or "="
                if (
                    pre in ("达到", "提高到", "提升到", "提高至", "提升至", "增加到", "增长到")
                    and post
                ):
                    comparator = _POST_WORDS[post]
                indicator = _indicator(clause[pos:start], clause[m.end() :])
                pos = m.end()
                try:
                    value = Decimal(number.replace(",", "").replace("，", ""))
                except InvalidOperation:
                    continue
                if not indicator:
                    continue
                out.append(
                    ParsedKpi(
                        indicator=indicator,
                        comparator=comparator,
                        value=value,
                        unit="%" if unit == "％" else unit,
                        year=year,
                        raw=m.group(0).strip(),
                        task_number=task_number,
                    )
                )
    return out


def _indicator(before: str, after: str) -> str:
    before = re.sub(r"（以下简称[^（）]*）", "", before)
    before = _LEAD_IN.sub("", before.strip())
    before = re.sub(r"(达到|提高到|提升到|为)$", "", before).strip("、，：")
    # The noun after the number ("设立不少于50个国家标准验证点") completes a short verb.
    after = re.split(r"[，。；、（]", after, maxsplit=1)[0]
    after = re.sub(r"^(以上|以内|以下|左右)", "", after)
    if len(before) <= 4 and after:
        return (before + after).strip()
    return before or after.strip()
