"""`parse_document`: cleaned text → header facts, tasks, clauses, deadlines, KPI targets."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from stdlink.ledger.parser.agencies import AgencyRegistry, default_registry
from stdlink.ledger.parser.clean import clean_text
from stdlink.ledger.parser.deadlines import find_deadlines, task_deadline
from stdlink.ledger.parser.errors import PolicyParseError
from stdlink.ledger.parser.kpi import find_kpis
from stdlink.ledger.parser.model import (
    ParsedClause,
    ParsedDeadline,
    ParsedDocument,
    ParsedSection,
    ParsedTask,
)
from stdlink.ledger.parser.responsibility import find_clauses, parse_clause
from stdlink.ledger.parser.structure import Node, Outline, outline

_DOC_NUMBER = re.compile(
    r"^([\u4e00-\u9fff]{1,16})\s*[〔\[［【（(]\s*(\d{4})\s*[〕\]］】）)]\s*(\d{1,5})\s*号$"
)
_ISSUED = re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日$")
_NOTICE_TITLE = re.compile(r"^.{0,40}关于.+的(通知|意见|决定|函|批复|报告)$")
_ISSUER_IN_TEXT = re.compile(r"([\u4e00-\u9fff（）]{2,24}?)(?:联合)?印发(?:了)?《")
MAX_CHARS = 2_000_000


def read_source(data: bytes, name: str = "") -> str:
    """Text from file bytes: .docx (paragraphs and tables) or UTF-8/GB18030 text.

    Raises PolicyParseError for empty or binary input.
    """
    if not data or not data.strip():
        raise PolicyParseError("empty", "文件为空", "the file is empty", source=name)
    if data[:4] == b"PK\x03\x04":
        return _read_docx(data, name)
    if b"\x00" in data[:4096] or len(data) > MAX_CHARS * 4:
        raise PolicyParseError(
            "binary",
            "不是文本或 .docx 文件（检测到二进制内容）",
            "not a text or .docx file (binary content)",
            source=name,
        )
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _control_share(text) > 0.01:
            break
        return text
    raise PolicyParseError(
        "encoding",
        "无法识别文本编码（支持 UTF-8、GB18030）",
        "unrecognised text encoding (UTF-8 and GB18030 are supported)",
        source=name,
    )


def _control_share(text: str) -> float:
    bad = sum(1 for ch in text[:20000] if ord(ch) < 32 and ch not in "\n\r\t\f")
    return bad / max(1, min(len(text), 20000))


def _read_docx(data: bytes, name: str) -> str:
    try:
        import docx

        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        if "is not a Word file" in str(exc):  # another Office file (.xlsx, .pptx)
            raise PolicyParseError(
                "docx", "不是 Word（.docx）文件", "not a Word (.docx) file", source=name
            ) from None
        raise PolicyParseError(
            "docx",
            f"无法读取 .docx 文件（{exc}）",
            f"cannot read the .docx file ({exc})",
            source=name,
        ) from None
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)


def parse_document(
    text: str, *, source_name: str = "", registry: AgencyRegistry | None = None
) -> ParsedDocument:
    """Parse a policy document's text. Raises PolicyParseError on unusable input."""
    registry = registry or default_registry()
    if text is None or not text.strip():
        raise PolicyParseError("empty", "文本为空", "the text is empty", source=source_name)
    if "\x00" in text[:4096] or _control_share(text) > 0.01:
        raise PolicyParseError(
            "binary",
            "文本含有二进制内容，无法解析",
            "the text contains binary content and cannot be parsed",
            source=source_name,
        )
    cleaned = clean_text(text)
    if not re.search(r"[\u4e00-\u9fff]", cleaned):
        raise PolicyParseError(
            "no-chinese",
            "文本中没有中文内容，不像政策文件",
            "the text has no Chinese content; it does not look like a policy document",
            source=source_name,
        )
    tree = outline(cleaned)
    leaves = tree.leaves()
    if not leaves:
        raise PolicyParseError(
            "no-numbering",
            "未找到编号任务（一、/（一）/1. 等），无法建立台账",
            "no numbered tasks found (一、 / （一） / 1. ...); nothing to put on the ledger",
            source=source_name,
        )

    header = tree.header
    doc_number = _doc_number(header)
    title = _title(header, source_name)
    issuers = _issuers(header, tree, registry)
    issued = _issued(header + tree.trailing)
    default_deadline = _default_deadline(header, title, doc_number)

    warnings: list[str] = []
    unknown: list[str] = []
    tasks: list[ParsedTask] = []
    inherited: list[str] = []
    inherited_raw = ""
    for order, node in enumerate(leaves, start=1):
        task = _task(node, order)
        clauses: list[ParsedClause] = []
        pending: tuple[list[str], str] | None = None
        for start, end, content in find_clauses(task.text):
            raw = task.text[start:end]
            result = parse_clause(raw, content, registry)
            clauses.append(result.clause)
            unknown += [u for u in result.unknown if u not in unknown]
            if result.inherited:
                pending = (result.inherited, raw)
        if inherited:
            already = {a for c in clauses for a in (*c.leads, *c.cos)}
            extra = [a for a in inherited if a not in already]
            if extra:
                clauses.append(ParsedClause(raw=inherited_raw, leads=[], cos=extra, inherited=True))
        if pending is not None:  # "以下均需…" applies from the next task on
            inherited, inherited_raw = pending
        task.clauses = clauses
        task.deadline = task_deadline(task.heading, task.text)
        if task.deadline is None and default_deadline is not None:
            task.deadline = default_deadline
            task.deadline_inherited = True
        year = task.deadline.end.year if task.deadline and task.deadline.end else None
        task.kpis = find_kpis(task.text, default_year=year, task_number=task.number)
        tasks.append(task)
    for task in tasks:
        if not task.clauses and _expects_clauses(tasks):
            warnings.append(f"{task.number} 未找到责任单位 / no responsible agency found")

    preamble = "\n".join(header)
    doc_year = default_deadline.end.year if default_deadline and default_deadline.end else None
    kpis = find_kpis(preamble, default_year=doc_year) + [k for t in tasks for k in t.kpis]
    level = _level(doc_number, issuers, tasks, registry)
    sections = [ParsedSection(_number(n), n.label, _heading(n)) for n in tree.sections()]
    return ParsedDocument(
        source_name=source_name,
        title=title,
        doc_number=doc_number,
        issuers=issuers,
        issued=issued,
        level=level,
        text=cleaned,
        tasks=tasks,
        sections=sections,
        kpis=kpis,
        default_deadline=default_deadline,
        unknown_agencies=unknown,
        warnings=warnings,
    )


def _expects_clauses(tasks: list[ParsedTask]) -> bool:
    return sum(1 for t in tasks if t.clauses) >= len(tasks) / 2


def _number(node: Node) -> str:
    return ".".join(n.label for n in node.path())


def _heading(node: Node) -> str:
    if node.kind == "ord":
        return (node.label + (node.lines[0] if node.lines else "")).strip()
    return node.heading


def _task(node: Node, order: int) -> ParsedTask:
    section = " / ".join(_heading(n) for n in node.path()[:-1])
    text = node.text
    if node.kind == "ord":
        text = node.label + text
    return ParsedTask(
        number=_number(node),
        label=node.label,
        order=order,
        heading=_heading(node),
        text=text,
        section=section,
    )


def _doc_number(header: list[str]) -> str:
    for line in header[:12]:
        m = _DOC_NUMBER.match(line.strip())
        if m:
            return f"{m.group(1)}〔{m.group(2)}〕{m.group(3)}号"
    return ""


def _title(header: list[str], source_name: str) -> str:
    for line in header[:12]:
        if _NOTICE_TITLE.match(line) and "。" not in line:
            return line
    for line in header[:12]:
        if line.startswith("# "):
            return line[2:].strip()
    for line in header[:12]:
        if (
            6 <= len(line) <= 60
            and line[-1] not in "。：:，"
            and "：" not in line
            and not _DOC_NUMBER.match(line)
            and not _ISSUED.match(line)
            and re.search(r"(计划|方案|纲要|意见|通知|规划|办法|细则|要点)", line)
        ):
            return line
    return Path(source_name).stem if source_name else "未命名政策文件"


def _issuers(header: list[str], tree: Outline, registry: AgencyRegistry) -> list[str]:
    out: list[str] = []
    for line in header[:30]:
        tokens = line.split()
        if tokens and all(registry.lookup(t) for t in tokens):
            out += [registry.lookup(t) for t in tokens if registry.lookup(t) not in out]
    if out:
        return out
    for line in header[:12]:
        m = _NOTICE_TITLE.match(line)
        if m:
            prefix = line.split("关于", 1)[0]
            canonical = _known_suffix(prefix, registry)
            if canonical:
                return [canonical]
    for line in header:
        for m in _ISSUER_IN_TEXT.finditer(line):
            canonical = _known_suffix(m.group(1), registry)
            if canonical:
                return [canonical]
    return out


def _known_suffix(text: str, registry: AgencyRegistry) -> str | None:
    """The longest tail of `text` that names a known agency ("日前省政府办公厅" → 省政府办公厅)."""
    for i in range(len(text) - 1):
        canonical = registry.lookup(text[i:])
        if canonical:
            return canonical
    return None


def _issued(lines: list[str]) -> dt.date | None:
    for line in lines:
        m = _ISSUED.match(line.strip())
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                continue
    return None


def _default_deadline(header: list[str], title: str, doc_number: str) -> ParsedDeadline | None:
    """The period the whole document covers (its title's period, or a 'by' date its preamble
    states for all the work, as 004's 明确2023年年底前重点工作)."""
    m = re.search(r"（(\d{4})年?[-—至](\d{4})年）", title)
    if m:
        found = find_deadlines(m.group(0).strip("（）"))
        if found:
            return found[0]
    for line in header:
        if line == title or _DOC_NUMBER.match(line):
            continue
        if re.search(r"(明确|完成|部署).{0,4}\d{4}年.{0,6}(重点工作|任务|目标)", line) or re.search(
            r"\d{4}年.{0,6}(重点工作)", line
        ):
            found = [d for d in find_deadlines(line) if d.end]
            if found:
                return found[0]
    return None


def _level(
    doc_number: str, issuers: list[str], tasks: list[ParsedTask], registry: AgencyRegistry
) -> str:
    if doc_number.startswith("国"):
        return "national"
    if doc_number.startswith("浙"):
        return "provincial"
    levels = [registry.level(a) for a in issuers]
    if not levels:
        levels = [registry.level(a) for t in tasks for a in t.leads]
    levels = [lv for lv in levels if lv in ("national", "provincial", "municipal")]
    if levels:
        return max(set(levels), key=levels.count)
    return "unknown"
