"""Text from the user's copy of a standard: .docx, .pdf with a text layer, .txt (UTF-8 / GB18030), or pasted text.

Errors are `CompareInputError` with a stable code: `empty`, `binary`, `no_text` (a scanned PDF
without a text layer), `unreadable` (a broken .docx/.pdf), `unsupported`.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from .errors import CompareInputError

# Fewer letters than this after extraction: the document has no usable text.
MIN_CHARS = 20


def _decode_text(data: bytes, name: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in data:
        raise CompareInputError(
            "binary", name, "是二进制文件，不是文本", "is a binary file, not text"
        )
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # Control characters other than whitespace mean a binary that happens to decode.
        bad = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
        if bad > max(2, len(text) // 100):
            break
        return text
    raise CompareInputError(
        "binary", name, "不是 UTF-8 或 GB18030 编码的文本", "is not text in UTF-8 or GB18030"
    )


def _docx_text(data: bytes, name: str) -> str:
    import docx

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # python-docx raises several types for a broken package
        raise CompareInputError(
            "unreadable", name, "无法作为 Word 文档读取", "cannot be read as a Word document"
        ) from exc
    lines: list[str] = []
    body = document.element.body
    # Paragraphs and tables in document order; a table row becomes one line of cells.
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row.iter():
                        if cell.tag.endswith("}tc"):
                            cells.append(
                                "".join(t.text or "" for t in cell.iter() if t.tag.endswith("}t"))
                            )
                    lines.append("\t".join(cells))
    return "\n".join(lines)


def _pdf_text(data: bytes, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise CompareInputError(
            "unreadable", name, "无法作为 PDF 读取", "cannot be read as a PDF"
        ) from exc
    text = "\n".join(pages)
    if sum(1 for ch in text if not ch.isspace()) < MIN_CHARS:
        raise CompareInputError(
            "no_text",
            name,
            "是没有文字层的 PDF（可能是扫描件），请先做文字识别或上传 Word/文本版",
            "is a PDF without a text layer (a scan?); run OCR first or upload the Word or text version",
        )
    return text


def sniff_kind(data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "unsupported"
        return "docx" if "word/document.xml" in names else "unsupported"
    return "txt"


def extract_text(data: bytes, name: str = "document") -> str:
    """The text of a document given as bytes; the kind is told by content, not by the name."""
    if not data or not data.strip():
        raise CompareInputError("empty", name, "为空", "is empty")
    kind = sniff_kind(data)
    if kind == "pdf":
        text = _pdf_text(data, name)
    elif kind == "docx":
        text = _docx_text(data, name)
    elif kind == "txt":
        text = _decode_text(data, name)
    else:
        raise CompareInputError(
            "unsupported",
            name,
            "的类型不受支持（允许 .docx、.pdf、.txt）",
            "has an unsupported type (allowed: .docx, .pdf, .txt)",
        )
    return check_text(text, name)


def check_text(text: str, name: str = "text") -> str:
    """Pasted or extracted text: normalise line ends, refuse an empty one."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    if sum(1 for ch in text if not ch.isspace()) < MIN_CHARS:
        raise CompareInputError("empty", name, "没有可比对的文字", "has no text to compare")
    return text


def read_path(path: str | Path) -> str:
    path = Path(path)
    return extract_text(path.read_bytes(), path.name)
