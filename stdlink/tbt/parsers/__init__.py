"""Django-free parsers for WTO TBT notifications: one folder per source format, one record type.

- ``wto_form``: the notification form (items 1–11) in English or Chinese, .txt/.docx/.html or
  pasted; addenda, revisions and corrigenda as free text naming their base symbol;
- ``eping_excel``: the ePing Excel export (also saved as CSV: found by its header row);
- ``eping_json``: ePing API results ``{items, totalCount}``.

``parse_bytes(data, name)`` detects the format by content (not by the file name), parses, and
classifies every record (:func:`stdlink.tbt.classify.enrich`). Errors are :class:`TbtParseError`
naming the file, record and field.
"""

from __future__ import annotations

from pathlib import Path

from .record import Notification, TbtParseError

__all__ = [
    "Notification",
    "TbtParseError",
    "detect_format",
    "parse_bytes",
    "parse_path",
    "parse_pasted",
]

MAX_BYTES = 20 * 1024 * 1024


def detect_format(data: bytes) -> str:
    """xlsx | docx | json | html | csv | txt, from the content (csv: an ePing export saved as
    CSV, recognised by its header row; any other text is a form)."""
    if data[:4] == b"PK\x03\x04":
        import io
        import zipfile

        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return "binary"
        if "xl/workbook.xml" in names:
            return "xlsx"
        if "word/document.xml" in names:
            return "docx"
        return "binary"
    if b"\x00" in data[:4096]:
        return "binary"
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head[:1] in (b"{", b"["):
        return "json"
    if (
        head.startswith((b"<!doctype html", b"<html"))
        or b"<body" in head
        or b"<p" in head[:200]
        or b"<div" in head[:200]
    ):
        return "html"
    from .eping_excel import is_eping_csv

    if is_eping_csv(data):
        return "csv"
    return "txt"


def parse_bytes(
    data: bytes, name: str = "", *, enrich: bool = True, reference=None
) -> list[Notification]:
    from . import eping_excel, eping_json, wto_form

    if len(data) > MAX_BYTES:
        raise TbtParseError(
            f"文件过大（上限 {MAX_BYTES // 1024 // 1024} MB）/ file too large (limit {MAX_BYTES // 1024 // 1024} MB)",
            source=name,
            field="file",
        )
    if not data.strip():
        raise TbtParseError("文件为空 / the file is empty", source=name, field="file")
    fmt = detect_format(data)
    if fmt == "binary":
        raise TbtParseError(
            "不支持的文件类型（应为 .txt/.docx/.html/.xlsx/.csv/.json）/ unsupported file type (expected .txt, .docx, .html, .xlsx, .csv or .json)",
            source=name,
            field="file",
        )
    if fmt == "xlsx":
        records = eping_excel.parse_workbook(data, name)
    elif fmt == "csv":
        records = eping_excel.parse_csv(data, name)
    elif fmt == "json":
        records = eping_json.parse_json(data, name)
    else:
        text = (
            wto_form.read_docx(data, name)
            if fmt == "docx"
            else (
                wto_form.read_html(data, name) if fmt == "html" else wto_form.read_text(data, name)
            )
        )
        docs = wto_form.split_documents(text)
        records = [
            wto_form.parse_text(t, name if len(docs) == 1 else f"{name}#{i + 1}")
            for i, t in enumerate(docs)
        ]
        for r in records:
            r.source = name
    if enrich:
        from ..classify import enrich as _enrich

        for r in records:
            _enrich(r, reference)
    return records


def parse_path(path: str | Path, **kw) -> list[Notification]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TbtParseError(
            f"无法读取文件 / cannot read the file ({exc.strerror})", source=str(p), field="file"
        ) from exc
    return parse_bytes(data, str(p), **kw)


def parse_pasted(text: str, *, enrich: bool = True, reference=None) -> list[Notification]:
    return parse_bytes((text or "").encode("utf-8"), "pasted", enrich=enrich, reference=reference)
