"""One rule for spreadsheet formula injection, used by every import, form and export.

A cell whose text starts with one of these characters is evaluated as a formula by Excel,
WPS and LibreOffice. Imports reject such text; exports prefix it with an apostrophe so it is
shown, never run.
"""

from __future__ import annotations

import re

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# "+86 571 8888 0000", "-5", "(0571) 8888-0000": digits and punctuation can call no function,
# so a phone number or a signed number is data, not a formula.
_PLAIN_NUMBER = re.compile(r"[+\-]?[\d\s().+\-]*")


def is_formula(text: object) -> bool:
    """Would a spreadsheet evaluate this text? (Strict: exports prefix every such cell.)"""
    return isinstance(text, str) and text.lstrip(" ").startswith(FORMULA_PREFIXES)


def is_plain_number(text: object) -> bool:
    """Digits and phone punctuation only: acceptable on import in a telephone or number field."""
    return isinstance(text, str) and bool(_PLAIN_NUMBER.fullmatch(text.strip()))


def safe_cell(value: object) -> object:
    """The value as a spreadsheet cell that displays but never evaluates."""
    return "'" + value if is_formula(value) else value


def rows_to_xlsx(rows, *, sheet_title: str = "Sheet1") -> bytes:
    """An .xlsx file of ``rows`` (first row: headers). Formula-like text is written as a
    quote-prefixed text cell: shown exactly as it is, never evaluated."""
    import io

    from openpyxl import Workbook
    from openpyxl.cell.cell import Cell

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title[:31] or "Sheet1"
    for row in rows:
        out = []
        for value in row:
            if is_formula(value):
                cell = Cell(ws, value=value)
                cell.data_type = "s"
                cell.quotePrefix = True
                value = cell
            out.append(value)
        ws.append(out)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def rows_to_csv(rows) -> bytes:
    """UTF-8 CSV (with BOM, so Excel and WPS read Chinese right) of ``rows``; formula-like text
    gets a leading apostrophe, the only protection a CSV file can carry."""
    import csv
    import io

    buf = io.StringIO()
    writer = csv.writer(buf)
    for row in rows:
        writer.writerow(["'" + v if is_formula(v) else v for v in row])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")
