"""Dates as notifications write them, with their precision, or the text when they are not dates.

Forms seen: 2009-01-12, 2017/06/05, 22/04/2018, 2025年10月14日, 2023年6月, 2021/09/, 2011/12,
2017 September 06, 13 June 1995, 20th December 2024, 2025-11-26T00:00:00 (ePing API); texts such
as 待定, 尚未确定, 不适用, "Not listed"; and relative periods for the comment deadline
(自通报之日起60天内, 通报之后60天, 自分发日期起60天, WTO秘书处分发后60天, "60 days from
notification", 通報之后2個月, 自2017年7月4日后90天) which :func:`comment_deadline` computes.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from ..parsers.record import DateValue

MONTHS = {
    m.lower(): i for i in range(1, 13) for m in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"

_PATTERNS: list[tuple[re.Pattern, str]] = [
    # ISO, with a time and zone when an API or a spreadsheet adds them (the date as stated is kept)
    (
        re.compile(
            r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
            r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?(?!\d)"
        ),
        "day",
    ),
    (re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号號]"), "day"),
    (re.compile(r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月(?!\s*\d)"), "month"),
    (re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})(?!\d)"), "day"),
    (re.compile(r"(?P<d>\d{1,2})[/.](?P<m>\d{1,2})[/.](?P<y>\d{4})"), "day"),
    (re.compile(r"(?P<y>\d{4})/(?P<m>\d{1,2})/?(?![\d/])"), "month"),
    (re.compile(rf"(?P<y>\d{{4}})\s+{_MON}\s+(?P<d>\d{{1,2}})(?!\d)", re.I), "day"),
    (
        re.compile(
            rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+|-){_MON},?(?:\s+|-)(?P<y>\d{{4}})", re.I
        ),
        "day",
    ),
    (re.compile(rf"{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I), "day"),
    (re.compile(rf"{_MON},?\s+(?P<y>\d{{4}})", re.I), "month"),
]

_UNDETERMINED = re.compile(
    r"^(待定|尚未确定|未确定|暂未确定|不适用|无|未定|待确定|tbd|tbc|to be (?:determined|confirmed|defined)"
    r"|not (?:yet )?(?:determined|defined|known)|not listed|n/?a|none|not applicable)[。.]?$",
    re.I,
)


def _build(m: re.Match, precision: str) -> date | None:
    g = m.groupdict()
    y = int(g["y"])
    mon = MONTHS[g["mon"].lower().rstrip(".")] if g.get("mon") else int(g["m"])
    d = int(g["d"]) if g.get("d") and precision == "day" else 1
    if not g.get("mon") and precision == "day" and mon > 12 >= d:
        mon, d = d, mon  # 12/31/2025: month first (Excel's US locale), unambiguous only here
    try:
        return date(y, mon, d)
    except ValueError:
        return None


def find_date(text: str, *, anchored: bool = False) -> tuple[date, str, re.Match] | None:
    """The first date in ``text`` (with its precision); ``anchored``: only at the start."""
    best = None
    for pat, precision in _PATTERNS:
        m = pat.match(text) if anchored else pat.search(text)
        if m and (best is None or m.start() < best[2].start()):
            d = _build(m, precision)
            if d is not None:
                best = (d, precision, m)
    return best


# A period written as a range ("between 1 Jan 2026 and 1 Jul 2026", "从2026年1月1日至7月1日"):
# its first date is the date, the wording is kept as the text.
_RANGE_START = re.compile(r"^\s*(?:between|from|自|从|從|介于|介於)\s*", re.I)
_RANGE_SEP = re.compile(r"^\s*(?:and|to|until|till|-|–|—|至|到|~|～)\s*", re.I)


def parse_date(raw: str | date | datetime | None) -> DateValue | None:
    """A :class:`DateValue` for a date field as written (None when the field is empty)."""
    if raw is None:
        return None
    if isinstance(raw, datetime):
        return DateValue(raw.date().isoformat(), raw.date(), "day")
    if isinstance(raw, date):
        return DateValue(raw.isoformat(), raw, "day")
    text = str(raw).strip()
    if not text:
        return None
    found = find_date(text, anchored=True)
    if found:
        d, precision, m = found
        rest = text[m.end() :].strip(" ,;，；。.")
        return DateValue(text, d, precision, rest or None)
    start = _RANGE_START.match(text)
    if start:
        found = find_date(text[start.end() :], anchored=True)
        if found:
            after = text[start.end() + found[2].end() :]
            sep = _RANGE_SEP.match(after)
            if sep and find_date(after[sep.end() :]):
                return DateValue(text, found[0], found[1], text)
    return DateValue(text, None, None, text)


# Relative periods. The base is the distribution (notification) date unless the text names a date.
_REL_DAYS = re.compile(r"(\d{1,3})\s*(?:天|日|days?|calendar days)", re.I)
_REL_WEEKS = re.compile(r"(\d{1,2})\s*(?:周|週|个星期|個星期|weeks?)", re.I)
_REL_MONTHS = re.compile(r"(\d{1,2})\s*(?:个月|個月|months?)", re.I)
# Periods written in words ("Sixty days from notification", "六十天", "两个月").
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "six": 6, "eight": 8, "twelve": 12,
    "thirty": 30, "forty-five": 45, "forty five": 45, "sixty": 60, "ninety": 90,
    "一百二十": 120, "九十": 90, "六十": 60, "四十五": 45, "三十": 30, "十二": 12,
    "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "六": 6, "八": 8,
}  # fmt: skip
_NUMBER_WORD_RE = re.compile(
    r"(?<![A-Za-z])("
    + "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
    + r")(?=\s*(?:\(\d+\)\s*)?(?:calendar\s+)?(?:days?|weeks?|months?|天|日|周|週|个|個))",
    re.I,
)


def _digits_for_words(text: str) -> str:
    """ "Sixty (60) days" → "60 days"; "六十天" → "60天"."""
    text = re.sub(r"(?<=[A-Za-z])\s*\((\d+)\)", "", text)
    return _NUMBER_WORD_RE.sub(lambda m: str(NUMBER_WORDS[m[1].lower()]), text)


_FROM_NOTIFICATION = re.compile(
    r"通报|通報|通知|分发|分發|notif|distribut|circulat|秘书处|WTO", re.I
)
_FROM_OTHER = re.compile(
    r"批准|批準|公布|发布|發布|公报|公報|adopt|publicat|entry into force|生效", re.I
)


def relative_rule(text: str) -> tuple[str, int, str] | None:
    """("distribution"|"date:YYYY-MM-DD", amount, "d"|"m") for a relative period, else None."""
    if _FROM_OTHER.search(text):
        return None
    text = _digits_for_words(text)
    found = find_date(text)
    rest = text[found[2].end() :] if found else text
    amount, unit = None, "d"
    if m := _REL_DAYS.search(rest):
        amount = int(m[1])
    elif m := _REL_WEEKS.search(rest):
        amount = int(m[1]) * 7
    elif m := _REL_MONTHS.search(rest):
        amount, unit = int(m[1]), "m"
    if amount is None:
        return None
    if found:
        return f"date:{found[0].isoformat()}", amount, unit
    if _FROM_NOTIFICATION.search(text) or re.fullmatch(r"\s*\d+\s*(天|days?)\s*[。.]?", text):
        return "distribution", amount, unit
    return None


def add_period(base: date, amount: int, unit: str) -> date:
    if unit == "d":
        return base + timedelta(days=amount)
    month = base.month - 1 + amount
    year = base.year + month // 12
    month = month % 12 + 1
    day = min(base.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def rule_label(rule: str) -> str:
    """Bilingual wording of a rule string such as "distribution+60d"."""
    base, _, period = rule.partition("+")
    amount, unit = int(period[:-1]), period[-1]
    unit_zh, unit_en = ("天", "days") if unit == "d" else ("个月", "months")
    if base == "distribution":
        return f"分发日期 + {amount} {unit_zh} / distribution date + {amount} {unit_en}"
    d = base.split(":", 1)[1]
    return f"{d} + {amount} {unit_zh} / {d} + {amount} {unit_en}"


def relative_date(raw: str | None, distribution: date | None) -> DateValue | None:
    """A date field that may be a relative period ("通报之后2個月"), computed when it can be."""
    value = parse_date(raw)
    if value is None or value.date is not None:
        return value
    rel = relative_rule(value.raw)
    if rel is None:
        return value
    base, amount, unit = rel
    value.rule = f"{base}+{amount}{unit}"
    start = distribution if base == "distribution" else date.fromisoformat(base.split(":", 1)[1])
    if start is not None:
        value.date = add_period(start, amount, unit)
        value.precision = "day"
    return value


def comment_deadline(raw: str | None, distribution: date | None) -> DateValue | None:
    """The final date for comments: a date as written, or computed from a relative period."""
    return relative_date(raw, distribution)


def is_undetermined(text: str) -> bool:
    return bool(_UNDETERMINED.match(text.strip()))
