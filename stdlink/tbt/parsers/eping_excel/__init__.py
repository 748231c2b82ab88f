"""The ePing export: one notification a row under ePing's column names, as .xlsx or as CSV.

Columns (``reference/SOURCES.md`` and ``reference/tbt_notification_schema_and_seed.json``):
Notifying Member, Document symbol, Distribution date, Title, Description, Products covered,
HS code(s), ICS code(s), Objectives, Proposed date of adoption, Proposed date of entry into
force, Final date for comments, Link to notification(EN). A workbook built from the ePing API
names them as the API does (documentSymbol, notifyingMember, hsCodes …): both are read.

What real exports do, and what is read (decision 0015, amendment "ePing export variants"):
- headers in any case, spacing, punctuation and order, with extra or missing optional columns
  (compared on letters and digits only); a title or blank rows above the header (the first
  ``HEADER_SCAN`` rows are searched); several sheets (the first with the header is read);
- dates as Excel dates, Excel serial numbers, or text in any form `classify.dates` reads;
- HS/ICS codes as numbers (950300, 9503.0, 807.2 → "0807.20") or text separated by ";" "," line
  breaks or spaces; placeholders ("N/A", "-") as empty; blank, merged or trailing rows skipped;
- SPS symbols (an export of both areas) skipped; a row with content but no symbol, or a header
  without the "Document symbol" column, is a `TbtParseError` naming file, sheet, row and field.

Workbooks are opened only through ``stdlink.core.uploads`` (archive check, streamed rows with
limits); CSV rows come from ``core.uploads.iter_csv_rows`` under the same limits.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime

from ...classify import codes
from ...classify.symbols import find_symbols
from ..record import Notification, TbtParseError

# field -> accepted column names: the export's own name first (used in messages), then the ePing
# API's name for the same field, then names earlier versions of this reader accepted.
COLUMNS: dict[str, tuple[str, ...]] = {
    "member": ("Notifying Member", "notifyingMember", "member"),
    "symbol": ("Document symbol", "documentSymbol", "symbol"),
    "distribution_date": ("Distribution date", "distributionDate"),
    "title": ("Title", "titlePlain"),
    "description": ("Description", "descriptionPlain"),
    "products_text": (
        "Products covered",
        "productsFreeTextPlain",
        "productsFreeText",
        "productsText",
        "products",
    ),
    "hs": ("HS code(s)", "hsCodes", "hsCodeText", "HS code"),
    "ics": ("ICS code(s)", "ICS code"),
    "objective": ("Objectives", "objective"),
    "proposed_adoption_date": ("Proposed date of adoption",),
    "proposed_entry_into_force": (
        "Proposed date of entry into force",
        "proposedEntryIntoForceDate",
        "proposedEntryIntoForceDateText",
    ),
    "comment_deadline": ("Final date for comments", "commentDeadlineDate", "comment deadline"),
    "source_url": (
        "Link to notification(EN)",
        "linkToNotification",
        "Link to notification",
        "notifiedDocumentLink",
        "link",
    ),
}
REQUIRED = ("symbol",)
DATE_FIELDS = frozenset(
    {"distribution_date", "proposed_adoption_date", "proposed_entry_into_force", "comment_deadline"}
)
HEADER_SCAN = 30  # rows searched for the header on each sheet
MAX_ROWS = 200_000
# A cell that only says "nothing here": read as empty, so it never overrides another source.
PLACEHOLDERS = frozenset(
    {"-", "--", "---", "–", "—", "n/a", "na", "n.a.", "#n/a", "null", "none", "nil"}
)
# Excel serial day numbers of plausible notification dates (1954–2119), in a date column.
_SERIAL_RANGE = (20_000, 80_000)


def _key(h: object) -> str:
    """Compare key of a column name: letters and digits, case-folded ("HS code(s)" = "hsCodes")."""
    return re.sub(r"[^0-9a-z]", "", str(h or "").casefold())


_BY_KEY: dict[str, str] = {}
for _field, _names in COLUMNS.items():
    for _name in _names:
        _BY_KEY.setdefault(_key(_name), _field)


def header_fields(row: Iterable[object]) -> dict[str, int]:
    """field -> column index for the ePing column names in ``row`` (the first of each wins)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(row):
        if isinstance(cell, str):
            field = _BY_KEY.get(_key(cell))
            if field and field not in found:
                found[field] = i
    return found


def _is_header(found: dict[str, int]) -> bool:
    return all(f in found for f in REQUIRED) and len(found) >= 2


def _text(v: object) -> str | None:
    from stdlink.core.spreadsheets import cell_text

    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date().isoformat() if not (v.hour or v.minute or v.second) else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    s = cell_text(v)
    if not s or s.casefold() in PLACEHOLDERS:
        return None
    return s


def _date(v: object) -> str | None:
    if isinstance(v, datetime):
        return v.date().isoformat()  # a date column: the time of an Excel date is not stated
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        if _SERIAL_RANGE[0] <= v <= _SERIAL_RANGE[1]:
            from openpyxl.utils.datetime import from_excel

            return from_excel(v).date().isoformat()
    return _text(v)


def _number_code(v: int | float, field: str) -> str:
    """A code Excel stored as a number, with the zeros the number lost: HS has an even number
    of digits in each part (807.2 → "0807.20", 80720 → "080720"); ICS is NN.NNN (67.1 → "67.100")."""
    if isinstance(v, float) and not v.is_integer():
        whole, _, frac = repr(v).partition(".")
    else:
        whole, frac = str(int(v)), ""
    if field == "hs":
        whole = whole.zfill(len(whole) + len(whole) % 2)
        frac += "0" * (len(frac) % 2)
    else:
        whole, frac = whole.zfill(2), frac.ljust(3, "0") if frac else ""
    return f"{whole}.{frac}" if frac else whole


def _codes_cell(v: object, field: str) -> str | None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return _number_code(v, field)
    return _text(v)


def _value(row: tuple, header: dict[str, int], field: str) -> str | None:
    i = header.get(field)
    if i is None or i >= len(row):
        return None
    v = row[i]
    if field in DATE_FIELDS:
        return _date(v)
    if field in ("hs", "ics"):
        return _codes_cell(v, field)
    return _text(v)


def _where(sheet: str | None, rownum: int) -> str:
    return f"sheet {sheet!r}, row {rownum}" if sheet is not None else f"row {rownum}"


def _records(row: tuple, header: dict[str, int], source: str, where: str) -> list[Notification]:
    get = {f: _value(row, header, f) for f in header}
    symbol = get.get("symbol")
    if not symbol:
        raise TbtParseError(
            "缺少通报编号 / the document symbol is empty",
            source=source,
            record=where,
            field=COLUMNS["symbol"][0],
        )
    symbols = [s.strip() for s in re.split(r"[,;，；\n]", symbol) if s.strip()]
    # an export of both areas: SPS notifications are not this importer's
    symbols = [s for s in symbols if not re.match(r"G\s*/\s*SPS\s*/", s, re.I)]
    out = []
    for sym in symbols:
        n = Notification(
            symbol=sym,
            source=f"{source}#{where}",
            source_format="eping_excel",
            text_language="en",
        )
        n.member = get.get("member")
        n.distribution_date = get.get("distribution_date")
        n.title = get.get("title")
        n.description = get.get("description")
        n.products_text = get.get("products_text")
        n.hs_codes = codes.hs_field(get.get("hs"))
        n.ics_codes = codes.ics_field(get.get("ics"))
        if not n.ics_codes and n.products_text:
            n.ics_codes = codes.ics_from_text(n.products_text)
        n.objective = get.get("objective")
        n.proposed_adoption_date = get.get("proposed_adoption_date")
        n.proposed_entry_into_force = get.get("proposed_entry_into_force")
        n.comment_deadline = get.get("comment_deadline")
        n.source_url = get.get("source_url")
        # parallel symbols in the cell, and those the description names
        found = find_symbols(n.description or "")
        n.related_symbols = [s for s in dict.fromkeys([*symbols, *found]) if s != sym]
        out.append(n)
    return out


def parse_tables(
    tables: Iterable[tuple[str | None, Iterator[tuple]]], source: str = ""
) -> list[Notification]:
    """Records of the first table (sheet) whose first rows hold the ePing header.

    ``tables`` yields ``(sheet title or None, rows)``; a sheet without the header within
    ``HEADER_SCAN`` rows is left after those rows. A header lacking a required column, no header
    at all, or a header without rows raises :class:`TbtParseError`.
    """
    scanned: list[str] = []
    near: tuple[str, dict[str, int]] | None = None  # a header that lacks a required column
    for sheet, rows in tables:
        if sheet is not None:
            scanned.append(sheet)
        header: dict[str, int] | None = None
        header_where = ""
        out: list[Notification] = []
        for rownum, row in enumerate(rows, start=1):
            if header is None:
                if rownum > HEADER_SCAN:
                    break
                found = header_fields(row)
                if _is_header(found):
                    header, header_where = found, _where(sheet, rownum)
                elif len(found) >= 3 and near is None:
                    near = (_where(sheet, rownum), found)
                continue
            if rownum > MAX_ROWS:
                raise TbtParseError(
                    f"超过 {MAX_ROWS} 行 / more than {MAX_ROWS} rows",
                    source=source,
                    record=_where(sheet, rownum),
                    field="rows",
                )
            if all(_text(c) is None for c in row):
                continue  # blank, merged-away, placeholder-only or trailing formatted rows
            if _is_header(header_fields(row)):
                continue  # the header repeated (exports joined together)
            out.extend(_records(row, header, source, _where(sheet, rownum)))
        if header is not None:
            if not out:
                raise TbtParseError(
                    "表头下没有通报行 / no notification rows under the header",
                    source=source,
                    record=header_where,
                    field="rows",
                )
            return out
    if near is not None:
        where, found = near
        missing = [COLUMNS[f][0] for f in REQUIRED if f not in found]
        raise TbtParseError(
            f"表头缺少必需的列：{'、'.join(missing)} / the header lacks the required column(s): "
            f"{', '.join(missing)}",
            source=source,
            record=where,
            field=", ".join(missing),
        )
    sheets = f" (sheets: {', '.join(scanned)})" if scanned else ""
    raise TbtParseError(
        f"前 {HEADER_SCAN} 行中找不到 ePing 表头（需要“Document symbol”列）/ no ePing header row "
        f"with a 'Document symbol' column in the first {HEADER_SCAN} rows{sheets}",
        source=source,
        field="header",
    )


def parse_workbook(data: bytes, source: str = "") -> list[Notification]:
    # The one way this project opens a workbook (core.uploads): the archive's declared sizes are
    # checked before anything inflates, and rows are streamed with limits (issue 9, F1).
    from django.core.exceptions import ValidationError

    from stdlink.core.uploads import check_archive, iter_xlsx_sheets

    name = source or "workbook.xlsx"
    f = io.BytesIO(data)
    try:
        check_archive(f, name)
        sheets = iter_xlsx_sheets(f, name)
        try:
            return parse_tables(sheets, source)
        finally:
            sheets.close()
    except ValidationError as exc:
        raise TbtParseError(
            f"无法读取 Excel 文件 / cannot read the workbook: {' '.join(exc.messages)}",
            source=source,
            field="file",
        ) from None


def parse_csv(data: bytes, source: str = "") -> list[Notification]:
    """The same columns saved as CSV (UTF-8 or GB18030; "," ";" or tab)."""
    from django.core.exceptions import ValidationError

    from stdlink.core.uploads import iter_csv_rows

    try:
        return parse_tables([(None, iter_csv_rows(data, source or "export.csv"))], source)
    except ValidationError as exc:
        raise TbtParseError(
            f"无法读取 CSV 文件 / cannot read the CSV file: {' '.join(exc.messages)}",
            source=source,
            field="file",
        ) from None


def is_eping_csv(data: bytes) -> bool:
    """Is this text an ePing export saved as CSV (the header within its first rows)?"""
    import csv

    from stdlink.core.uploads import csv_delimiter

    head = data[:65536]
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = head.decode(encoding)
            break
        except UnicodeDecodeError:
            # a character cut at the end of the sniffed block
            try:
                text = head[:-3].decode(encoding)
                break
            except UnicodeDecodeError:
                continue
    else:
        return False
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
        for i, row in enumerate(reader):
            if i >= HEADER_SCAN:
                break
            if _is_header(header_fields(row)):
                return True
    except csv.Error:
        return False
    return False


__all__ = [
    "COLUMNS",
    "find_symbols",
    "header_fields",
    "is_eping_csv",
    "parse_csv",
    "parse_tables",
    "parse_workbook",
]
