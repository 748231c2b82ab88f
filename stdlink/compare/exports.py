"""Exports: the 标准比对分析表 (comparison analysis table) as .xlsx and .docx, and the
mutual-recognition catalogue as .xlsx. Every text cell goes through core.spreadsheets.text_cell."""

from __future__ import annotations

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from stdlink.compare.engine.compare import degree_for
from stdlink.compare.models import Comparison, Relation
from stdlink.core.spreadsheets import text_cell


def relation_label(relation: str) -> str:
    return str(dict(Relation.choices).get(relation, relation))


def _indicator_text(items: list[dict]) -> str:
    return "; ".join(i.get("text") or str(i.get("value")) for i in items)


def summary(comparison: Comparison, rows=None) -> dict:
    """Counts of the final judgements (overrides included) and the degree they suggest."""
    rows = list(rows if rows is not None else comparison.rows.all())
    counts = {value: 0 for value, _label in Relation.choices}
    for r in rows:
        counts[r.final_relation] = counts.get(r.final_relation, 0) + 1
    degree, reason = degree_for(
        [(r.a_number or None, r.b_number or None, r.final_relation) for r in rows]
    )
    return {
        "counts": counts,
        "labelled": [(relation_label(k), v, k) for k, v in counts.items()],
        "degree": degree,
        "degree_reason": reason,
        "to_confirm": sum(1 for r in rows if r.needs_confirmation and not r.reviewed_at),
        "reviewed": sum(1 for r in rows if r.reviewed_at),
        "total": len(rows),
    }


def table_rows(comparison: Comparison) -> list[list[str]]:
    """The analysis table's body: 序号, 项目, A clause, A requirement, B clause, B requirement, result, note."""
    out = []
    for i, r in enumerate(comparison.rows.all(), start=1):
        note = r.reason
        if r.override:
            reviewer, suggested = _("Reviewer"), _("suggested")
            note = f"{reviewer}: {r.comment} ({suggested}: {relation_label(r.relation)})"
        out.append(
            [
                str(i),
                r.a_title or r.b_title,
                r.a_number,
                r.a_text,
                r.b_number,
                r.b_text,
                relation_label(r.final_relation),
                note,
            ]
        )
    return out


def headers(comparison: Comparison) -> list[str]:
    a, b = comparison.document("a"), comparison.document("b")
    return [
        _("No."),
        _("Item"),
        _("Clause in %(doc)s") % {"doc": a.label if a else "A"},
        _("Requirement in %(doc)s") % {"doc": a.label if a else "A"},
        _("Clause in %(doc)s") % {"doc": b.label if b else "B"},
        _("Requirement in %(doc)s") % {"doc": b.label if b else "B"},
        _("Result"),
        _("Explanation"),
    ]


def _facts(comparison: Comparison) -> list[tuple[str, str]]:
    a, b = comparison.document("a"), comparison.document("b")
    s = summary(comparison)
    counts = "，".join(f"{label} {n}" for label, n, _k in s["labelled"])
    return [
        (_("Standard compared (A)"), f"{a.code} {a.title}".strip() if a else ""),
        (_("Reference standard (B)"), f"{b.code} {b.title}".strip() if b else ""),
        (_("product field"), comparison.product_field),
        (_("state"), str(comparison.get_state_display())),
        (_("Summary"), counts),
        (_("suggested degree"), f"{s['degree']} — {s['degree_reason']}"),
        (
            _("confirmed by"),
            f"{comparison.confirmed_by or ''} {timezone.localtime(comparison.confirmed_at):%Y-%m-%d}"
            if comparison.confirmed_at
            else "—",
        ),
    ]


def comparison_xlsx(comparison: Comparison) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "比对分析表"
    ws.append([text_cell(ws, _("Standard comparison analysis table"))])
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    ws.append([text_cell(ws, comparison.title)])
    for label, value in _facts(comparison):
        ws.append([text_cell(ws, label), text_cell(ws, value)])
        ws.merge_cells(start_row=ws.max_row, start_column=2, end_row=ws.max_row, end_column=8)
    ws.append([])
    ws.append([text_cell(ws, h) for h in headers(comparison)])
    head_row = ws.max_row
    for cell in ws[head_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    for row in table_rows(comparison):
        ws.append([text_cell(ws, v) for v in row])
    for col, width in enumerate([6, 18, 10, 45, 10, 45, 10, 40], start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    for row in ws.iter_rows(min_row=head_row):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def comparison_docx(comparison: Comparison) -> bytes:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_heading(_("Standard comparison analysis table"), level=1)
    document.add_paragraph(comparison.title)
    facts = document.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for label, value in _facts(comparison):
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
    document.add_paragraph()
    hdr = headers(comparison)
    table = document.add_table(rows=1, cols=len(hdr))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, hdr, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in table_rows(comparison):
        cells = table.add_row().cells
        for cell, text in zip(cells, row, strict=True):
            cell.text = text or ""
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(9)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


RECOGNITION_HEADERS = [
    "Chinese standard number",
    "Chinese standard title",
    "partner standard number",
    "partner standard title",
    "partner country (ISO3)",
    "partner country",
    "Belt and Road country",
    "product field",
    "degree of correspondence",
    "recognised on",
]


def recognitions_xlsx(entries) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "标准互认目录"
    ws.append([text_cell(ws, _(h)) for h in RECOGNITION_HEADERS])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for e in entries:
        ws.append(
            [
                text_cell(ws, e.cn_code),
                text_cell(ws, e.cn_title),
                text_cell(ws, e.partner_code),
                text_cell(ws, e.partner_title),
                text_cell(ws, e.country_code),
                text_cell(ws, e.country_zh or e.country_en),
                _("yes") if e.belt_and_road else _("no"),
                text_cell(ws, e.product_field),
                e.degree,
                e.recognised_on.isoformat(),
            ]
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
