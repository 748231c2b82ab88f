"""Deadlines and periods: 到2025年, 2023年年底前, 2020年6月-9月, 2021年1月-2022年6月,
2020年-2022年, 2024年上半年, 长期坚持 / 持续推进 (ongoing, no date).

`find_deadlines(text)` returns every phrase found, in order; titles in 《》 are skipped (a plan's
own period cited in another document's title is not a deadline) and so are past references
(截至2019年, 2018年以来).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from stdlink.ledger.parser.model import ParsedDeadline

_Y = r"(\d{4})\s*年?"
_PATTERNS: list[tuple[str, re.Pattern]] = [
    # 2023年6月30日前 (a full date counts only as a deadline, not as a signing date)
    ("ymd", re.compile(r"(?:到|至|于|在)?(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|以前|之前)")),
    # 2021年1月-2022年6月
    (
        "ym-ym",
        re.compile(r"(\d{4})年(\d{1,2})月\s*[-－—–~～至到]\s*(\d{4})年(\d{1,2})月(?:底|末)?"),
    ),
    # 2020年6月-9月
    ("ym-m", re.compile(r"(\d{4})年(\d{1,2})月\s*[-－—–~～至到]\s*(\d{1,2})月(?:底|末)?")),
    # 2020年-2022年, 2018-2020年
    ("y-y", re.compile(r"(\d{4})年?\s*[-－—–~～至到]\s*(\d{4})年(?:底|末)?")),
    # 2024年上半年 / 下半年 / 第一季度
    (
        "half",
        re.compile(
            r"(\d{4})年(上半年|下半年|第[一二三四]季度|[一二三四]季度)(?:底|末)?(?:前|以前)?"
        ),
    ),
    # 2023年6月底前, 2023年6月
    (
        "ym",
        re.compile(r"(?:到|至|于|在)?(\d{4})年(\d{1,2})月(?:底|末|份)?(?:前|以前|之前)?(?!\d|日)"),
    ),
    # 到2025年, 2023年年底前, 2022年底
    (
        "y",
        re.compile(r"(?:到|至|于|在)?(\d{4})年(?:年底|年末|底|末|内)?(?:前|以前|之前)?(?![\d月])"),
    ),
]
_ONGOING = re.compile(
    r"[（(〔\[]\s*(长期坚持|持续推进|持续开展|长期)\s*[）)〕\]]|"
    r"(?:完成)?时限[：:]\s*(长期坚持|持续推进|持续开展|长期)"
)
_PAST = re.compile(r"(截至|截止|自|从|去年|此前)\d?$")
_QUARTER_END = {"一": 3, "二": 6, "三": 9, "四": 12}


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _valid_year(year: int) -> bool:
    return 1949 <= year <= 2100


def _masked(text: str) -> str:
    """`text` with 《…》 titles blanked out (same length, so offsets stay valid)."""
    return re.sub(r"《[^《》]*》", lambda m: "\x00" * len(m.group()), text)


def find_deadlines(text: str) -> list[ParsedDeadline]:
    masked = _masked(text)
    taken = [False] * len(masked)
    found: list[tuple[int, ParsedDeadline]] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(masked):
            if any(taken[m.start() : m.end()]):
                continue
            before = masked[max(0, m.start() - 3) : m.start()] + m.group(0)[0]
            after = masked[m.end() : m.end() + 2]
            if _PAST.search(before) or after.startswith(("以来", "起")):
                continue
            deadline = _build(kind, m)
            if deadline is None:
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            found.append((m.start(), deadline))
    for m in _ONGOING.finditer(masked):
        word = m.group(1) or m.group(2)
        found.append((m.start(), ParsedDeadline(text=word, end=None, kind="ongoing")))
    return [d for _, d in sorted(found, key=lambda pair: pair[0])]


def _build(kind: str, m: re.Match) -> ParsedDeadline | None:
    g = m.groups()
    text = m.group(0).lstrip("到至于在")
    try:
        if kind == "ymd":
            return ParsedDeadline(text, dt.date(*map(int, g)), None, "by")
        if kind == "ym-ym":
            y1, m1, y2, m2 = map(int, g)
            return ParsedDeadline(text, _month_end(y2, m2), dt.date(y1, m1, 1), "period")
        if kind == "ym-m":
            y1, m1, m2 = map(int, g)
            return ParsedDeadline(text, _month_end(y1, m2), dt.date(y1, m1, 1), "period")
        if kind == "y-y":
            y1, y2 = map(int, g)
            if not (_valid_year(y1) and _valid_year(y2)) or y2 < y1:
                return None
            return ParsedDeadline(text, dt.date(y2, 12, 31), dt.date(y1, 1, 1), "period")
        if kind == "half":
            year = int(g[0])
            if g[1] == "上半年":
                return ParsedDeadline(text, dt.date(year, 6, 30), None, "by")
            if g[1] == "下半年":
                return ParsedDeadline(text, dt.date(year, 12, 31), None, "by")
            quarter = _QUARTER_END[g[1].strip("第季度")]
            return ParsedDeadline(text, _month_end(year, quarter), None, "by")
        if kind == "ym":
            year, month = int(g[0]), int(g[1])
            if not _valid_year(year):
                return None
            return ParsedDeadline(text, _month_end(year, month), None, "by")
        year = int(g[0])
        if not _valid_year(year):
            return None
        return ParsedDeadline(text, dt.date(year, 12, 31), None, "by")
    except ValueError:  # month 13 and the like
        return None


def task_deadline(heading: str, text: str) -> ParsedDeadline | None:
    """The deadline of a task: one stated in its heading wins; otherwise the latest date stated
    in its text (the task is done when its last dated part is), with every phrase in `text`."""
    head = find_deadlines(heading)
    if head:
        return head[0]
    found = find_deadlines(text)
    dated = [d for d in found if d.end is not None]
    if dated:
        latest = max(dated, key=lambda d: d.end)
        if len(dated) > 1:
            phrases = "；".join(dict.fromkeys(d.text for d in dated))
            return ParsedDeadline(phrases, latest.end, latest.start, latest.kind)
        return latest
    return found[0] if found else None
