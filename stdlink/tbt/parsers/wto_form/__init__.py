"""The WTO notification form (G/TBT/1/Rev.15 items 1–11) in English or its Chinese translation,
as plain text, .docx or .html, or pasted; addenda, revisions and corrigenda as free text that
names their base symbol.

``parse_text`` finds the header (symbol, distribution date, the kind word), then either the
numbered items (form mode) or, for free-text documents, a title line and the body; the lines
"相关文件 / Related documents" and "意见反馈截止日期 / Final date for comments" are read in both.
"""

from __future__ import annotations

import re

from ...classify import codes
from ...classify.symbols import find_symbols, parse_symbol
from ..record import Notification, TbtParseError
from .readers import read_docx, read_html, read_text

__all__ = ["parse_text", "read_docx", "read_html", "read_text"]

# field → label pattern (zh | en); the number in front is optional.
_LABELS: list[tuple[str, str]] = [
    ("member", r"通报成员|通報成員|Notifying Member"),
    ("agency", r"负责机构|負責機構|Agency responsible"),
    ("article", r"通报依据的条款|通報依據的條款|Notified under Article"),
    ("products", r"覆盖的产品|覆蓋的產品|Products covered"),
    (
        "title",
        r"通报标题[^:：\n]{0,16}|通報標題[^:：\n]{0,16}|Title, number of pages and language\(s\) of the notified document|Title of the notified document|Title",
    ),
    ("description", r"内容简述|內容簡述|Description of content"),
    ("objective", r"目的和理由[^:：\n]{0,30}|Objective and rationale[^:\n]{0,80}"),
    ("relevant", r"相关文件|相關文件|Relevant documents|Related documents"),
    ("adoption", r"拟批准日期|擬批准日期|Proposed date of adoption"),
    ("entry_into_force", r"拟生效日期|擬生效日期|Proposed date of entry into force"),
    ("deadline", r"意见反馈截止日期|意見反饋截止日期|Final date for comments"),
    ("texts", r"文本可从以下机构得到[^:：\n]{0,20}|Texts? available from[^:\n]{0,60}"),
]
_ITEM_RE = [
    # "4. 覆盖的产品：玩具", or the label alone on its line (a table cell) with the value below
    (
        name,
        re.compile(
            rf"^\s*(?:(?:\d{{1,2}})\s*[.、．)]\s*)?(?:{pat})\s*(?:[:：]\s*(?P<v>.*)|[:：]?\s*$)",
            re.I,
        ),
    )
    for name, pat in _LABELS
]
# Lines that are always read, in free-text documents too.
_ALWAYS = {"relevant", "deadline"}
_DIST_RE = re.compile(
    r"^\s*(?:分发日期|分發日期|Distribution date|Date of distribution)\s*[:：]\s*(?P<v>.*)$", re.I
)
_HEADER_LINES = re.compile(
    r"^\s*(世界贸易组织|世界貿易組織|WORLD TRADE ORGANI[SZ]ATION|技术性贸易壁垒委员会|技術性貿易壁壘委員會|"
    r"Committee on Technical Barriers to Trade|Original:.*|原文[:：].*)\s*$",
    re.I,
)
_KIND_WORDS = re.compile(
    r"^\s*(通报|通報|补遗|補遺|修订|修訂|勘误|勘誤|增补|補充|补充|NOTIFICATION|Addendum|Revision|Corrigendum|Supplement)\s*$",
    re.I,
)
_FORM_MARK = re.compile(
    r"^\s*(?:1\s*[.、．)]\s*)?(?:通报成员|通報成員|Notifying Member)\s*(?:[:：]|$)", re.I | re.M
)
_NOT_TITLE = re.compile(r"^(以下|The aim|.*would like to inform|.*hereby|.*wishes to inform)", re.I)
_ZH_LANG = re.compile(r"^(?P<t>.*?)\s*（(?P<l>[^（）\d]{1,30})）\s*$", re.S)
_EN_LANG = re.compile(r"^(?P<t>.*?)\s*\((?P<l>[A-Za-z][A-Za-z ,;/]{1,40})\)\s*$", re.S)

HEADER_SPLIT = re.compile(
    r"(?m)^\s*(?:世界贸易组织|世界貿易組織|WORLD TRADE ORGANI[SZ]ATION)\s*$", re.I
)


def _clean(v: str | None) -> str | None:
    if v is None:
        return None
    v = v.strip()
    return v or None


def split_title_language(value: str | None, lang: str) -> tuple[str | None, str | None]:
    """'标题（英语）' → ('标题', '英语'); 'Title (4 page(s), in English) (English)' → (…, 'English')."""
    if not value:
        return None, None
    m = _ZH_LANG.match(value)
    if m:
        return _clean(m["t"]), m["l"].strip()
    m = _EN_LANG.match(value)
    if (
        m
        and re.search(r"[A-Za-z]", m["l"])
        and not re.search(r"\b(pages?|page\(s\)|in)\b", m["l"], re.I)
    ):
        return _clean(m["t"]), m["l"].strip()
    return value.strip() or None, None


def _language_of(text: str) -> str:
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk * 3 >= latin else "en"


def _products(n: Notification, value: str | None) -> None:
    if not value:
        return
    text, hs_dedicated, ics_dedicated = codes.split_trailing_fields(value)
    n.products_text = _clean(text)
    n.hs_codes = codes.hs_field(hs_dedicated) if hs_dedicated else []
    if not n.hs_codes and n.products_text:
        n.hs_codes = codes.hs_from_text(n.products_text) or codes.hs_bare(n.products_text)
    n.ics_codes = codes.ics_field(ics_dedicated) if ics_dedicated else []
    if not n.ics_codes and n.products_text:
        n.ics_codes = codes.ics_from_text(n.products_text)


def split_documents(text: str) -> list[str]:
    """Several forms pasted one after another → one text each (split at the WTO header)."""
    starts = [m.start() for m in HEADER_SPLIT.finditer(text)]
    if len(starts) <= 1:
        return [text]
    parts = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    if text[: starts[0]].strip():
        parts[0] = text[: starts[0]] + parts[0]
    return parts


def parse_text(text: str, source: str = "", *, record_hint: str = "") -> Notification:
    """Parse one notification form (text). Raises TbtParseError naming what is missing."""
    if text is None or not text.strip():
        raise TbtParseError(
            "文件为空 / the form is empty", source=source, record=record_hint, field="symbol"
        )
    text = (
        text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u3000", " ")
    )
    text = text.replace("\ufeff", "")
    lines = text.split("\n")

    # -- header: the symbol is the first line that is a TBT symbol (or the first symbol at all)
    sym_line = None
    for i, line in enumerate(lines[:15]):
        if parse_symbol(line.strip()) and re.fullmatch(
            r"\s*G\s*/\s*TBT\S*(?:\s*/\s*\S+)*\s*", line
        ):
            sym_line = i
            break
    if sym_line is None:
        other = find_symbols("\n".join(lines[:15]))
        if other and not parse_symbol(other[0]):
            raise TbtParseError(
                f"{other[0]} 不是 TBT 通报编号 / is not a TBT notification symbol",
                source=source,
                record=other[0],
                field="symbol",
            )
        raise TbtParseError(
            "找不到 TBT 通报编号（G/TBT/N/...）/ no TBT notification symbol (G/TBT/N/...) in the header",
            source=source,
            record=record_hint,
            field="symbol",
        )
    sym = parse_symbol(lines[sym_line].strip())
    n = Notification(symbol=sym.symbol, source=source, source_format="wto_form")
    n.text_language = _language_of(text)
    form_mode = bool(_FORM_MARK.search(text))

    fields: dict[str, list[str]] = {}
    current: str | None = None
    body: list[str] = []
    for idx, line in enumerate(lines):
        if idx == sym_line:
            continue
        m = _DIST_RE.match(line)
        if m and n.distribution_date is None:
            n.distribution_date = _clean(m["v"])
            current = None
            continue
        if idx < sym_line + 6 and (
            _HEADER_LINES.match(line) or (n.kind_label is None and _KIND_WORDS.match(line))
        ):
            if _KIND_WORDS.match(line):
                n.kind_label = line.strip()
            continue
        if _HEADER_LINES.match(line) and idx < sym_line:
            continue
        matched = False
        for name, rx in _ITEM_RE:
            if not form_mode and name not in _ALWAYS:
                continue
            mm = rx.match(line)
            if mm:
                current = name
                fields.setdefault(name, []).append(mm["v"] or "")
                matched = True
                break
        if matched:
            continue
        if current and (form_mode or current not in _ALWAYS):
            fields[current].append(line)
        elif not form_mode:
            body.append(line)
        elif line.strip() and not fields:
            body.append(line)  # text before item 1 in a form: ignored below

    def val(name: str) -> str | None:
        return _clean("\n".join(fields.get(name, [])))

    n.member = val("member")
    n.agency = val("agency")
    n.article = val("article")
    _products(n, val("products"))
    n.title, n.language = split_title_language(val("title"), n.text_language)
    n.description = val("description")
    n.objective = val("objective")
    relevant = val("relevant")
    n.related_symbols = [s for s in find_symbols(relevant or "") if s != n.symbol]
    n.proposed_adoption_date = val("adoption")
    n.proposed_entry_into_force = val("entry_into_force")
    n.comment_deadline = val("deadline")
    n.texts_available_from = val("texts")

    if not form_mode:
        body_lines = [b.strip() for b in body if b.strip()]
        if body_lines:
            first = body_lines[0]
            if len(first) <= 150 and not _NOT_TITLE.match(first) and not first.endswith("。"):
                n.title = first
                n.description = _clean("\n".join(body_lines[1:]))
            else:
                n.description = _clean("\n".join(body_lines))
        if not n.member:
            m = re.search(r"根据\s*(\S+?)\s*代表团的要求|应\s*(\S+?)\s*的要求", text)
            if m:
                n.member = m.group(1) or m.group(2)
    elif sym.kind != "new" and not any(fields.get(k) for k in ("member", "title", "description")):
        raise TbtParseError(
            "表格没有内容 / the form has no items", source=source, record=n.symbol, field="items"
        )
    if form_mode and not n.member:
        raise TbtParseError(
            "缺少第 1 项通报成员 / item 1 (notifying member) is empty",
            source=source,
            record=n.symbol,
            field="member",
        )
    return n
