"""Annex 2 / Annex 3 as Excel, in the annex layout: row 1 the annex title, row 2 the annex's
Chinese headers in the annex's order plus 填报月份 (YYYY-MM), one row per unit and month.

Import is all-or-nothing: the whole file is validated first (exact headers, dates, formula
injection, field formats, units within the importer's jurisdiction) and every problem is reported
as `文件 / file X, 第 N 行 / row N, 第 M 列 / column M (header): problem`; only a clean file is
stored, in one transaction, each row audited. Export prefixes text starting with = + - @ with an
apostrophe so that spreadsheet programs never evaluate it.
"""

from __future__ import annotations

import datetime as dt
import io
import re

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from stdlink.core.services.audit import snapshot
from stdlink.core.spreadsheets import NUMBER_FIELDS, cell_text, refuses, set_cell
from stdlink.core.uploads import iter_xlsx_rows, validate_upload
from stdlink.programme.models import MONTH_HEADER, Unit
from stdlink.programme.models.survey import AnnexForm
from stdlink.programme.scoping import can, scoped
from stdlink.programme.services.records import audit

MONTH_RE = re.compile(r"^(\d{4})[-/.年](\d{1,2})(?:[-/.月](\d{1,2})日?)?月?$")


class AnnexImportError(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


__all__ = ["NUMBER_FIELDS", "AnnexImportError", "export_xlsx", "headers", "import_xlsx"]


def headers(model: type[AnnexForm]) -> list[str]:
    return [h for _, h in model.ANNEX_FIELDS] + [MONTH_HEADER]


def export_xlsx(model: type[AnnexForm], records) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = model.ANNEX_TITLE[:31]
    cols = headers(model)
    ws.cell(row=1, column=1, value=model.ANNEX_TITLE).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(cols))
    for j, h in enumerate(cols, start=1):
        cell = ws.cell(row=2, column=j, value=h)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(j)].width = 16 if j <= 7 else 30
    for i, rec in enumerate(records, start=3):
        for j, (field, _) in enumerate(model.ANNEX_FIELDS, start=1):
            set_cell(ws, i, j, str(getattr(rec, field) or ""))
        ws.cell(row=i, column=len(cols), value=rec.month.strftime("%Y-%m"))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_text = cell_text


def _month(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date().replace(day=1)
    if isinstance(value, dt.date):
        return value.replace(day=1)
    m = MONTH_RE.match(_text(value))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)).replace(day=1)
    except ValueError:
        return None


def import_xlsx(model: type[AnnexForm], upload, *, acting_user, is_demo: bool = False) -> dict:
    """Validate then store every row of `upload`; returns counts, raises AnnexImportError."""
    name = getattr(upload, "name", "upload.xlsx")
    try:
        validate_upload(upload, allowed={"xlsx"})
    except ValidationError as exc:
        raise AnnexImportError([f"文件 / file {name}: {'; '.join(exc.messages)}"]) from None
    try:
        return _import_rows(model, iter_xlsx_rows(upload, name), name, acting_user, is_demo)
    except ValidationError as exc:
        raise AnnexImportError([f"文件 / file {name}: {'; '.join(exc.messages)}"]) from None


def _import_rows(model: type[AnnexForm], stream, name: str, acting_user, is_demo: bool) -> dict:
    # The header is checked on the first rows before the rest of the sheet is read.
    first = next(stream, None)
    head = [first] if first is not None else []
    if first and _text(first[0]) == model.ANNEX_TITLE:  # the annex title row
        second = next(stream, None)
        if second is not None:
            head.append(second)
    rows = head
    expected = headers(model)
    header_row = 2 if first and _text(first[0]) == model.ANNEX_TITLE else 1
    errors: list[str] = []

    def where(r: int, c: int) -> str:
        label = expected[c - 1] if c - 1 < len(expected) else "?"
        return f"文件 / file {name}, 第 {r} 行 / row {r}, 第 {c} 列 / column {c} ({label})"

    got = [_text(v) for v in (rows[header_row - 1] if len(rows) >= header_row else [])]
    while got and not got[-1]:
        got.pop()
    if got != expected:
        for c in range(1, max(len(got), len(expected)) + 1):
            have = got[c - 1] if c - 1 < len(got) else ""
            want = expected[c - 1] if c - 1 < len(expected) else ""
            if have != want:
                errors.append(
                    f"{where(header_row, c)}: 表头应为 / header must be {want!r}, "
                    f"实际为 / got {have!r}"
                )
        raise AnnexImportError(errors)

    rows = [*head, *stream]  # bounded by STDLINK_XLSX_MAX_ROWS while streaming
    units = scoped(acting_user, Unit.objects.all(), f"programme.add_{model._meta.model_name}")
    by_name: dict[str, list[Unit]] = {}
    for u in units:
        by_name.setdefault(u.name, []).append(u)
    parsed: list[tuple[int, AnnexForm]] = []
    seen: dict[tuple, int] = {}
    for r, row in enumerate(rows[header_row:], start=header_row + 1):
        cells = list(row) + [None] * (len(expected) - len(row))
        if not any(_text(v) for v in cells):
            continue
        values: dict[str, str] = {}
        row_errors = len(errors)
        for c, (field, _) in enumerate(model.ANNEX_FIELDS, start=1):
            text = _text(cells[c - 1])
            if refuses(field, text):
                errors.append(
                    f"{where(r, c)}: 单元格以 = + - @ 开头（公式注入风险），已拒绝 / cell "
                    f"starts with = + - @ (formula injection), rejected"
                )
            values[field] = text
        month = _month(cells[len(expected) - 1])
        if month is None:
            errors.append(
                f"{where(r, len(expected))}: 日期无效，应为 YYYY-MM / bad date "
                f"{_text(cells[len(expected) - 1])!r}, expected YYYY-MM"
            )
        matches = by_name.get(values["unit_name"], [])
        if len(matches) != 1:
            problem = (
                "不在您管辖范围内的单位或单位不存在 / no such unit in your jurisdiction"
                if not matches
                else "单位名称不唯一 / unit name is ambiguous"
            )
            errors.append(f"{where(r, 1)}: {problem}: {values['unit_name']!r}")
        if len(errors) > row_errors:
            continue
        unit = matches[0]
        if (unit.pk, month) in seen:
            errors.append(
                f"{where(r, 1)}: 与第 {seen[(unit.pk, month)]} 行重复 / duplicates row "
                f"{seen[(unit.pk, month)]}"
            )
            continue
        seen[(unit.pk, month)] = r
        obj = model.objects.filter(unit=unit, month=month).first() or model(
            unit=unit, month=month, is_demo=is_demo
        )
        if obj.pk and obj.state != "draft":
            errors.append(
                f"{where(r, 1)}: 该单位本月的表已提交，不能覆盖 / this unit's form for "
                f"{month:%Y-%m} is already submitted"
            )
            continue
        for field, value in values.items():
            setattr(obj, field, value)
        try:
            obj.full_clean(exclude=["unit", "monthly_report", "state"])
        except ValidationError as exc:
            for field, messages in exc.message_dict.items():
                cols = [i for i, (f, _) in enumerate(model.ANNEX_FIELDS, start=1) if f == field]
                c = cols[0] if cols else len(expected)
                errors.append(f"{where(r, c)}: {'; '.join(messages)}")
            continue
        parsed.append((r, obj))
    if errors:
        raise AnnexImportError(errors)
    if not parsed:
        raise AnnexImportError([f"文件 / file {name}: 没有数据行 / no data rows"])
    created = updated = 0
    with transaction.atomic():
        for r, obj in parsed:
            before = None
            if obj.pk:
                before = snapshot(type(obj).objects.select_for_update().get(pk=obj.pk))
            obj.save()
            if not can(acting_user, obj, f"programme.add_{model._meta.model_name}"):
                raise PermissionDenied(
                    f"第 {r} 行 / row {r}: 不在您的管辖范围内 / outside your jurisdiction"
                )
            audit(
                acting_user=acting_user,
                obj=obj,
                action="import",
                before=before,
                note=f"{name} row {r}",
            )
            if before:
                updated += 1
            else:
                created += 1
    return {"created": created, "updated": updated}
