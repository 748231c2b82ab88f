"""Inflating spreadsheets built in the test (no file committed): a real workbook from openpyxl whose
first sheet is replaced by a stream that compresses extremely well."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator

from openpyxl import Workbook


def xlsx_with_sheet(chunks: Iterator[bytes], header: list[str] | None = None) -> bytes:
    """An .xlsx whose sheet1.xml is `chunks` (written deflated, streamed)."""
    wb = Workbook()
    if header:
        wb.active.append(header)
    base = io.BytesIO()
    wb.save(base)
    out = io.BytesIO()
    with zipfile.ZipFile(base) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with dst.open(info.filename, "w", force_zip64=True) as f:
                    for chunk in chunks:
                        f.write(chunk)
            else:
                dst.writestr(info, src.read(info.filename))
    return out.getvalue()


def tiny_rows(n: int) -> Iterator[bytes]:
    """The probe's bomb: `n` one-cell rows (2,000,000 rows: ~98 MB of XML, ~0.3 MB zipped)."""
    yield (
        b'<?xml version="1.0" encoding="UTF-8"?><worksheet '
        b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    )
    block = 10_000
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>'  # rows may omit their number
    for start in range(0, n, block):
        yield row * min(block, n - start)
    yield b"</sheetData></worksheet>"


def whitespace(n_bytes: int) -> Iterator[bytes]:
    """A sheet that is mostly whitespace (the probe's second file: 880 KB → 900 MB)."""
    yield b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    chunk = b" " * (1024 * 1024)
    for _ in range(n_bytes // len(chunk)):
        yield chunk
    yield b"<sheetData/></worksheet>"
