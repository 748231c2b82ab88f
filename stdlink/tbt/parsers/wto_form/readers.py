"""Text out of the formats a form arrives in: .txt (UTF-8 or GB18030), .docx, .html."""

from __future__ import annotations

import io
import re

from ..record import TbtParseError


def read_text(data: bytes, source: str = "") -> str:
    if b"\x00" in data[:4096]:
        raise TbtParseError(
            "不是文本文件（含二进制内容）/ not a text file (binary content)",
            source=source,
            field="file",
        )
    for enc in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    raise TbtParseError(
        "无法识别文本编码 / cannot decode the text (UTF-8 or GB18030 expected)",
        source=source,
        field="file",
    )


def read_docx(data: bytes, source: str = "") -> str:
    """Paragraphs and table rows of a .docx in document order, one line each."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph

        doc = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - python-docx raises several types on bad input
        raise TbtParseError(
            f"无法读取 .docx / cannot read the .docx ({type(exc).__name__})",
            source=source,
            field="file",
        ) from exc
    lines: list[str] = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                cells = []
                for c in row.cells:
                    t = c.text.strip()
                    if t and (not cells or cells[-1] != t):
                        cells.append(t)
                lines.extend(cells)  # a label cell and its value cell become two lines
    return "\n".join(lines)


_BLOCK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/tr|/h\d|/td|/th)\b[^>]*>")


def read_html(data: bytes | str, source: str = "") -> str:
    """Visible text of an HTML page, one line per block; scripts and styles dropped."""
    import lxml.html

    raw = data if isinstance(data, str) else read_text(data, source)
    if not raw.strip():
        raise TbtParseError("文件为空 / the page is empty", source=source, field="file")
    raw = _BLOCK.sub(lambda m: m.group(0) + "\n", raw)
    try:
        tree = lxml.html.fromstring(raw)
    except Exception as exc:  # noqa: BLE001
        raise TbtParseError(
            f"无法解析 HTML / cannot parse the HTML ({type(exc).__name__})",
            source=source,
            field="file",
        ) from exc
    for bad in tree.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    text = tree.text_content()
    lines = [re.sub(r"[ \t]+", " ", ln).strip() for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out)
