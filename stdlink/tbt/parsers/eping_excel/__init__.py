"""The ePing Excel export: one notification a row under ePing's column names.

Columns (SOURCES.md): Notifying Member, Document symbol, Distribution date, Title, Description,
Products covered, HS code(s), ICS code(s), Objectives, Proposed date of adoption, Proposed date of
entry into force, Final date for comments, Link to notification(EN). HS and ICS are free text
with several codes separated by ';'. The header row is found by its "Document symbol" cell.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime

from ...classify import codes
from ...classify.symbols import find_symbols
from ..record import Notification, TbtParseError

COLUMNS = {
    "member": ("notifying member", "member"),
    "symbol": ("document symbol", "symbol"),
    "distribution_date": ("distribution date",),
    "title": ("title",),
    "description": ("description",),
    "products_text": ("products covered", "products"),
    "hs": ("hs code(s)", "hs codes", "hs code"),
    "ics": ("ics code(s)", "ics codes", "ics code"),
    "objective": ("objectives", "objective"),
    "proposed_adoption_date": ("proposed date of adoption",),
    "proposed_entry_into_force": ("proposed date of entry into force",),
    "comment_deadline": ("final date for comments", "comment deadline"),
    "source_url": ("link to notification(en)", "link to notification", "link"),
}
MAX_ROWS = 200_000


def _norm(h: object) -> str:
    return re.sub(r"\s+", " ", str(h or "")).strip().lower()


def _cell(v: object) -> str | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date().isoformat() if not (v.hour or v.minute) else v.isoformat()
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    s = str(v).strip()
    return s or None


def _getter(row: tuple, header: dict[str, int]):
    def get(key: str) -> str | None:
        i = header.get(key)
        return _cell(row[i]) if i is not None and i < len(row) else None

    return get


def parse_workbook(data: bytes, source: str = "") -> list[Notification]:
    # The one way this project opens a workbook (core.uploads): the archive's declared sizes are
    # checked before anything inflates, and rows are streamed with limits (issue 9, F1).
    from django.core.exceptions import ValidationError

    from stdlink.core.uploads import check_archive, iter_xlsx_rows

    name = source or "workbook.xlsx"
    f = io.BytesIO(data)
    out: list[Notification] = []
    try:
        check_archive(f, name)
        rows = iter_xlsx_rows(f, name)
        # the first sheet (ePing exports have one)
        header: dict[str, int] | None = None
        for rownum, row in enumerate(rows, start=1):
            if rownum > MAX_ROWS:
                raise TbtParseError(
                    f"超过 {MAX_ROWS} 行 / more than {MAX_ROWS} rows",
                    source=source,
                    record=f"row {rownum}",
                    field="rows",
                )
            if header is None:
                names = [_norm(c) for c in row]
                if "document symbol" in names:
                    header = {}
                    for key, aliases in COLUMNS.items():
                        for a in aliases:
                            if a in names:
                                header[key] = names.index(a)
                                break
                continue
            if not any(c not in (None, "") for c in row):
                continue
            get = _getter(row, header)
            where = f"row {rownum}"
            symbol = get("symbol")
            if not symbol:
                raise TbtParseError(
                    "缺少通报编号 / the document symbol is empty",
                    source=source,
                    record=where,
                    field="Document symbol",
                )
            symbols = [s.strip() for s in re.split(r"[,;，；\n]", symbol) if s.strip()]
            for sym in symbols:
                n = Notification(
                    symbol=sym,
                    source=f"{source}#{where}",
                    source_format="eping_excel",
                    text_language="en",
                )
                n.member = get("member")
                n.distribution_date = get("distribution_date")
                n.title = get("title")
                n.description = get("description")
                n.products_text = get("products_text")
                n.hs_codes = codes.hs_field(get("hs"))
                n.ics_codes = codes.ics_field(get("ics"))
                if not n.ics_codes and n.products_text:
                    n.ics_codes = codes.ics_from_text(n.products_text)
                n.objective = get("objective")
                n.proposed_adoption_date = get("proposed_adoption_date")
                n.proposed_entry_into_force = get("proposed_entry_into_force")
                n.comment_deadline = get("comment_deadline")
                n.source_url = get("source_url")
                # parallel symbols in the cell, and those the description names
                found = find_symbols(n.description or "")
                n.related_symbols = [s for s in dict.fromkeys([*symbols, *found]) if s != sym]
                out.append(n)
    except ValidationError as exc:
        raise TbtParseError(
            f"无法读取 Excel 文件 / cannot read the workbook: {' '.join(exc.messages)}",
            source=source,
            field="file",
        ) from None
    if not out:
        raise TbtParseError(
            "找不到 ePing 表头（Document symbol 列）或没有数据行 / no ePing header row (a 'Document symbol' column) or no rows",
            source=source,
            field="header",
        )
    return out


__all__ = ["parse_workbook", "find_symbols"]
