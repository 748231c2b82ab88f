"""The WTO notification form (G/TBT/1/Rev.15 items 1–11) in English or its Chinese translation,
as plain text, .docx or .html, or pasted; addenda, revisions and corrigenda as free text that
names their base symbol.

``parse_text`` finds the header (symbol, distribution date, the kind word), then either the
numbered items (form mode) or, for free-text documents, a title line and the body; the lines
"相关文件 / Related documents" and "意见反馈截止日期 / Final date for comments" are read in both.
"""

from __future__ import annotations

import re

from ...classify import codes, dates
from ...classify.symbols import ANY_SYMBOL_RE as _ANY_SYMBOL
from ...classify.symbols import find_symbols, fold_width, normalise_any, parse_symbol
from ..record import Notification, TbtParseError
from .readers import read_docx, read_html, read_text

__all__ = ["parse_text", "read_docx", "read_html", "read_text"]

# field → label pattern (zh | traditional | en), with the wordings Chinese TBT sites use beside
# the official translation (通报方, 主管机构, 所涉产品, 拟采用日期, 提意见截止日期 ...).
_LABELS: list[tuple[str, str]] = [
    ("member", r"通报成员(?:国)?|通报方|通报国|通報成員|通報方|Notifying Member"),
    (
        "agency",
        r"负责机构|主管机构|负责部门|主管部门|負責機構|主管機構|Agency responsible|Responsible agency",
    ),
    ("article", r"通报依据的?条款|通報依據的?條款|Notified under Article"),
    (
        "products",
        r"覆盖的产品|所涉产品|涵盖的产品|涉及的?产品|产品范围|覆蓋的產品|所涉產品|涵蓋的產品"
        r"|Products covered(?:\s*\((?:[^()\n]|\([^()\n]*\))*\))?",
    ),
    (
        "title",
        r"通报标题[^:：\n]{0,16}|通報標題[^:：\n]{0,16}|标题|標題|Title, number of pages and language\(s\) of the notified document|Title of the notified document|Title",
    ),
    ("description", r"内容简述|内容摘要|内容概述|內容簡述|內容摘要|Description of content"),
    (
        "objective",
        r"目的和理由[^:：\n]{0,30}|目的與理由[^:：\n]{0,30}|Objective and rationale[^:\n]{0,80}",
    ),
    ("relevant", r"相关文件|相關文件|Relevant documents|Related documents"),
    (
        "adoption",
        r"拟批准日期|拟采用日期|拟通过日期|擬批准日期|擬採用日期|擬通過日期|Proposed date of adoption",
    ),
    ("entry_into_force", r"拟生效日期|擬生效日期|Proposed date of entry into force"),
    (
        "deadline",
        r"意见反馈截止日期|提意见截止日期|意见截止日期|评议截止日期|提交意见截止日期|意見反饋截止日期"
        r"|提意見截止日期|評議截止日期|Final date for comments",
    ),
    (
        "texts",
        r"文本可从以下机构得到[^:：\n]{0,40}|文本可從以下機構得到[^:：\n]{0,40}"
        r"|Texts? available from[^:\n]{0,200}",
    ),
    # Sub-lines of items 1 and 2 in the full form: they end the item above and are not read.
    (
        "local_government",
        r"If applicable, name of local government involved[^:\n]{0,40}"
        r"|如可能，?列出涉及的地方政府名称[^:：\n]{0,30}",
    ),
    (
        "comments_agency",
        r"Name and address \(including telephone[^:\n]{0,300}|如与上述机构不同[^:：\n]{0,120}",
    ),
]
# The item number in front is optional and written many ways: "1." "1、" "1 ." "1)" "（1）"
# "[1]" "Item 1:" "第1项" "１．".
_NUM = (
    r"(?:(?:Item|第)\s*)?"
    r"(?:[(（\[【]\s*[0-9０-９]{1,2}\s*[)）\]】]|[0-9０-９]{1,2}(?:\s*(?:[.、．)）:：]|项|項))?)"
)
_ITEM_RE = [
    # "4. 覆盖的产品：玩具", or the label alone on its line (a table cell) with the value below
    (
        name,
        re.compile(
            rf"^\s*(?:{_NUM}\s*)?(?:{pat})\s*(?:[:：]\s*(?P<v>.*)|[:：]?\s*$"
            # the full English form ticks the article without a colon: "Article 2.9.2 [X], ..."
            + (r"|(?P<v2>\d.*))" if name == "article" else ")"),
            re.I,
        ),
    )
    for name, pat in _LABELS
]
# An item number alone on its line ("5." above "Title: ..."), or a label broken over two lines.
_NUM_ONLY = re.compile(rf"^\s*{_NUM}\s*$", re.I)
_NUMBERED = re.compile(rf"^\s*{_NUM}\s*\S", re.I)
# Lines that are always read, in free-text documents too.
_ALWAYS = {"relevant", "deadline", "title"}
# A rule line between the cover note and the body of an addendum ("_______________").
_RULE_LINE = re.compile(r"^\s*[_\-=—*]{5,}\s*$")
_DIST_RE = re.compile(
    r"^\s*(?:分发日期|分發日期|Distribution date|Date of distribution)\s*[:：]\s*(?P<v>.*)$", re.I
)
_HEADER_LINES = re.compile(
    r"^\s*(世界贸易组织|世界貿易組織|WORLD TRADE ORGANI[SZ]ATION|技术性贸易壁垒委员会|技術性貿易壁壘委員會|"
    r"Committee on Technical Barriers to Trade(?:\s+Original:.*)?|Original:.*|原文[:：].*)\s*$",
    re.I,
)
# Page furniture of WTO documents copied from the PDF: the job number "(25-6789)", "Page: 1/3",
# "- 2 -", "第 1 页 / 共 3 页".
_PAGE_LINE = re.compile(
    r"^\s*(?:\(\d{2}-\d{3,5}\)\s*)?(?:Page:?\s*\d+\s*/\s*\d+|-\s*\d+\s*-|第\s*\d+\s*页(?:\s*[/，,]?\s*共\s*\d+\s*页)?|\(\d{2}-\d{3,5}\))\s*$",
    re.I,
)
# A label broken over two lines: the first ends mid-phrase, or the second goes on in lower case.
_LABEL_BREAK_END = re.compile(r"(?:[,，、(（]|\b(?:of|the|and|or|in|for)|[和及或的])\s*$", re.I)
_KIND_WORDS = re.compile(
    r"^\s*(通报|通報|补遗|補遺|修订|修訂|勘误|勘誤|增补|補充|补充|NOTIFICATION|Addendum|Revision|Corrigendum|Supplement)\s*$",
    re.I,
)
_FORM_MARK = re.compile(rf"^\s*(?:{_NUM}\s*)?(?:{_LABELS[0][1]})\s*(?:[:：]|$)", re.I | re.M)
_NOT_TITLE = re.compile(
    r"^(以下|The aim|The following|.*would like to inform|.*hereby|.*wishes to inform)", re.I
)
_REQUESTED_BY = re.compile(
    r"根据\s*(\S+?)\s*代表团的要求|应\s*(\S+?)\s*的要求"
    r"|at the request of the delegation of\s+(?:the\s+)?([^.,;\n]+?)\s*[.,;\n]",
    re.I,
)
_ZH_LANG = re.compile(r"^(?P<t>.*?)\s*（(?P<l>[^（）\d]{1,30})）\s*$", re.S)
_EN_LANG = re.compile(r"^(?P<t>.*?)\s*\((?P<l>[A-Za-z][A-Za-z ,;/]{1,40})\)\s*$", re.S)

HEADER_SPLIT = re.compile(
    r"(?m)^\s*(?:世界贸易组织|世界貿易組織|WORLD TRADE ORGANI[SZ]ATION)\s*$", re.I
)


_SYMBOL_LABEL = re.compile(
    r"^\s*(?:文件编号|文件編號|通报编号|通報編號|通报号|通報號|编号|編號|Document symbol|Symbol)\s*[:：]\s*",
    re.I,
)
_SYMBOL_SEP = re.compile(r"^(?:\s*(?:[,，、;；]|\band\b|及|和)?\s*)$", re.I)


def _symbol_line(line: str) -> list[str]:
    """The TBT symbols of a header line that holds nothing else ("G/TBT/N/ARE/500,
    G/TBT/N/BHR/600" for a Gulf notification; "文件编号：G／TBT／N／CHN／1"), else []."""
    text = fold_width(_SYMBOL_LABEL.sub("", line)).strip()
    if not text or not re.match(r"G\s*/\s*TBT", text, re.I):
        return []
    one = parse_symbol(text)
    if (
        one
        and re.fullmatch(r"G\s*/\s*TBT\S*(?:\s*/\s*\S+)*", text, re.I)
        and len(_ANY_SYMBOL.findall(text)) <= 1
    ):
        return [one.symbol]  # one symbol, perhaps with a Chinese suffix ("/117补遗2")
    spans = list(_ANY_SYMBOL.finditer(text))
    gaps = [text[a.end() : b.start()] for a, b in zip(spans, spans[1:], strict=False)]
    if (
        not spans
        or spans[0].start() != 0
        or text[spans[-1].end() :].strip(" .。")
        or not all(_SYMBOL_SEP.match(g) for g in gaps)
    ):
        return []
    found = [normalise_any(m.group(0)) for m in spans]
    return found if parse_symbol(found[0]) else []


def _match_item(line: str, form_mode: bool) -> tuple[str, re.Match] | None:
    for name, rx in _ITEM_RE:
        if not form_mode and name not in _ALWAYS:
            continue
        mm = rx.match(line)
        if mm:
            return name, mm
    return None


def _value(m: re.Match) -> str:
    return m["v"] or m.groupdict().get("v2") or ""


def _join_label(line: str, nxt: str, unmatched: bool) -> tuple[str, int] | None:
    """``line`` and ``nxt`` as one line, when ``line`` is a label broken over two lines
    ("5. Title, number of pages and language(s) of the" / "notified document: ..."), with the
    offset where ``nxt`` starts; or None. An item number alone on its line joins the next."""
    first, second = line.rstrip(), nxt.strip()
    if _NUM_ONLY.match(first):
        return f"{first} {second}", len(first) + 1
    if re.search(r"[:：]", first) or not re.search(r"[:：]", second):
        return None
    if not (
        second[:1].islower()
        or _LABEL_BREAK_END.search(first)
        or (unmatched and _NUMBERED.match(first))
    ):
        return None
    sep = "" if re.search(r"[\u4e00-\u9fff]$", first) else " "
    return f"{first}{sep}{second}", len(first) + len(sep)


def _is_date_line(line: str) -> bool:
    """A line that is only a full date ("14 October 2025"): the WTO header's distribution date."""
    v = dates.parse_date(line.strip())
    return bool(v and v.date and v.precision == "day" and not v.text)


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
    header_symbols: list[str] = []
    for i, line in enumerate(lines[:15]):
        found = _symbol_line(line)
        if found:
            sym_line, header_symbols = i, found
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
    sym = parse_symbol(header_symbols[0])
    n = Notification(symbol=sym.symbol, source=source, source_format="wto_form")
    n.text_language = _language_of(text)
    form_mode = bool(_FORM_MARK.search(text))

    fields: dict[str, list[str]] = {}
    current: str | None = None
    body: list[str] = []
    skip: set[int] = set()
    for idx, line in enumerate(lines):
        if idx == sym_line or idx in skip:
            continue
        m = _DIST_RE.match(line)
        if m and n.distribution_date is None:
            n.distribution_date = _clean(m["v"])
            current = None
            continue
        # "NOTIFICATION" then "Addendum": the WTO header of an amendment names both
        generic = n.kind_label is None or re.fullmatch(
            r"通报|通報|NOTIFICATION", n.kind_label, re.I
        )
        if idx < sym_line + 6 and (
            _HEADER_LINES.match(line) or (generic and _KIND_WORDS.match(line))
        ):
            if _KIND_WORDS.match(line):
                n.kind_label = line.strip()
            continue
        if _HEADER_LINES.match(line) and idx < sym_line:
            continue
        if _PAGE_LINE.match(line) or (form_mode and _symbol_line(line) == [n.symbol]):
            continue  # page furniture, the symbol repeated at a page top of a form
        if not fields and not body and idx < sym_line + 8:
            # the header of the WTO document: the other members' symbols of a joint
            # notification, and the distribution date written without a label
            more = _symbol_line(line)
            if more and more != [n.symbol]:
                header_symbols.extend(s for s in more if s not in header_symbols)
                continue
            if n.distribution_date is None and _is_date_line(line):
                n.distribution_date = line.strip()
                continue
        hit = _match_item(line, form_mode) if line.strip() else None
        nxt = lines[idx + 1] if idx + 1 < len(lines) else ""
        if form_mode and (hit is None or not _value(hit[1]).strip()) and nxt.strip():
            joined = _join_label(line, nxt, hit is None)
            if joined is not None:
                hit2 = _match_item(joined[0], form_mode)
                if hit2 and _value(hit2[1]).strip() and hit2[1].start("v") > joined[1]:
                    hit = hit2
                    skip.add(idx + 1)
        if hit:
            current = hit[0]
            fields.setdefault(current, []).append(_value(hit[1]))
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
    n.related_symbols = []
    for s in [*header_symbols[1:], *find_symbols(relevant or "")]:
        if s != n.symbol and s not in n.related_symbols:
            n.related_symbols.append(s)
    n.proposed_adoption_date = val("adoption")
    n.proposed_entry_into_force = val("entry_into_force")
    n.comment_deadline = val("deadline")
    n.texts_available_from = val("texts")

    if not form_mode:
        body_lines = [b.strip() for b in body if b.strip() and not _RULE_LINE.match(b)]
        if n.title:  # the addendum form's own "Title:" line
            n.description = _clean("\n".join(body_lines))
        elif body_lines:
            first = body_lines[0]
            if len(first) <= 150 and not _NOT_TITLE.match(first) and not first.endswith("。"):
                n.title = first
                n.description = _clean("\n".join(body_lines[1:]))
            else:
                n.description = _clean("\n".join(body_lines))
        if not n.member:
            m = _REQUESTED_BY.search(text)
            if m:
                n.member = m.group(1) or m.group(2) or m.group(3)
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
