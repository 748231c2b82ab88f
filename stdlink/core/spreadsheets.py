"""One rule for spreadsheet formula injection, used by every import, form and export.

A cell whose text starts with one of these characters is evaluated as a formula by Excel,
WPS and LibreOffice when it is typed in or read from CSV. The rule:

- forms and imports refuse such text (`refuses(field, text)`), except digits and phone
  punctuation in telephone fields ("+86 571 …");
- exports write such text as an explicit text cell with Excel's quote prefix (`text_cell`,
  `set_cell`): the program shows it and never evaluates it, and the cell holds exactly the text,
  so the file imports again unchanged;
- imports read a cell's text with `cell_text`, which also undoes the leading apostrophe that
  earlier exports put inside the text.
"""

from __future__ import annotations

import re

from openpyxl.cell.cell import Cell

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# Telephone fields, whatever the model: "+86 …" is a number there, and their own validators
# reject anything else.
NUMBER_FIELDS = frozenset({"phone", "fax", "mobile", "telephone", "tel"})
# "+86 571 8888 0000", "-5", "(0571) 8888-0000": digits and punctuation can call no function,
# so a phone number or a signed number is data, not a formula.
_PLAIN_NUMBER = re.compile(r"[+\-]?[\d\s().+\-]*")


def is_formula(text: object) -> bool:
    """Would a spreadsheet evaluate this text? (Strict: exports protect every such cell.)"""
    return isinstance(text, str) and text.lstrip(" ").startswith(FORMULA_PREFIXES)


def is_plain_number(text: object) -> bool:
    """Digits and phone punctuation only: acceptable on import in a telephone or number field."""
    return isinstance(text, str) and bool(_PLAIN_NUMBER.fullmatch(text.strip()))


def refuses(field: str, text: object) -> bool:
    """Must a form or import refuse `text` for `field`? (Formula text, except phone numbers.)"""
    return is_formula(text) and not (field in NUMBER_FIELDS and is_plain_number(text))


def text_cell(ws, value: object) -> object:
    """`value` for `ws.append`: formula-like text becomes a quote-prefixed text cell."""
    if not is_formula(value):
        return value
    cell = Cell(ws, value=value)
    cell.data_type = "s"  # openpyxl would store "=…" as a formula
    cell.quotePrefix = True  # what Excel sets when a user types '=…: shown, never evaluated
    return cell


def set_cell(ws, row: int, column: int, value: object) -> Cell:
    """`ws.cell(row, column, value)` with the same protection as `text_cell`."""
    cell = ws.cell(row=row, column=column)
    cell.value = value
    if is_formula(value):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def cell_text(value: object) -> str:
    """A cell's value as stripped text for an import; "'=x" written by old exports reads "=x"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and is_formula(text[1:]):
        text = text[1:]
    return text


def rows_to_xlsx(rows, *, sheet_title: str = "Sheet1") -> bytes:
    """An .xlsx file of ``rows`` (first row: headers). Formula-like text is written as a
    quote-prefixed text cell (`text_cell`): shown exactly as it is, never evaluated."""
    import io

    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title[:31] or "Sheet1"
    for row in rows:
        ws.append([text_cell(ws, value) for value in row])
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
