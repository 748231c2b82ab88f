"""Excel export in the usual 台账 layout: 序号, 任务, 牵头单位, 配合单位, 完成时限, 进展情况."""

from __future__ import annotations

import io
from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill

from stdlink.core.spreadsheets import text_cell
from stdlink.ledger.models import PolicyDocument, Task

HEADERS = ["序号", "任务", "牵头单位", "配合单位", "完成时限", "进展情况"]
STATUS_ZH = {"not_started": "未启动", "in_progress": "推进中", "done": "已完成"}


def progress_text(task: Task) -> str:
    status = "已逾期" if task.overdue else STATUS_ZH.get(task.status, task.status)
    notes = list(task.notes.all())
    if notes:
        latest = notes[0]
        return f"{status}：{latest.text}（{latest.created:%Y-%m-%d}）"
    return status


def workbook(document: PolicyDocument | None, tasks: Iterable[Task], *, title: str = "") -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "工作台账"
    heading = title or (
        f"{document.title}（{document.doc_number}）工作台账"
        if document and document.doc_number
        else f"{document.title if document else ''}工作台账"
    )
    ws.append([text_cell(ws, heading)])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADERS))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(HEADERS)
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for task in tasks:
        content = f"{task.heading}\n{task.text}" if task.text != task.heading else task.heading
        ws.append(
            [
                text_cell(ws, v)
                for v in (
                    task.label,
                    content,
                    "、".join(task.lead_names),
                    "、".join(task.co_names),
                    task.deadline_text or (task.deadline.isoformat() if task.deadline else ""),
                    progress_text(task),
                )
            ]
        )
    for column, width in zip("ABCDEF", (10, 70, 28, 40, 18, 30), strict=True):
        ws.column_dimensions[column].width = width
    for row in ws.iter_rows(min_row=3):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A3"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
