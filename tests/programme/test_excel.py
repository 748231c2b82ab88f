"""Annex 2/3 Excel: round trip in the annex layout, and malformed files rejected with row and column,
storing nothing."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from stdlink.core.models import AuditLog
from stdlink.programme.excel import AnnexImportError, export_xlsx, headers, import_xlsx
from stdlink.programme.models import Achievement, Survey

MODELS = [Survey, Achievement]


def _upload(rows: list[list], name: str = "t.xlsx", title: str | None = None) -> SimpleUploadedFile:
    wb = Workbook()
    ws = wb.active
    if title:
        ws.append([title])
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return SimpleUploadedFile(name, buf.getvalue())


def _row(model, unit_name: str, month="2021-04", **over) -> list:
    values = {
        "unit_name": unit_name,
        "contact": "赵六",
        "mobile": "13812345678",
        "email": "z@example.com",
        "phone": "0571-88888888",
    }
    values.update(over)
    return [
        values.get(f, f"{h}内容") if f not in ("address", "fax", "position") else ""
        for f, h in model.ANNEX_FIELDS
    ] + [month]


@pytest.mark.parametrize("model", MODELS)
def test_round_trip(world, personas, model):
    recs = list(model.objects.filter(unit=world.unit_a))
    data = export_xlsx(model, recs)
    ws = load_workbook(io.BytesIO(data)).active
    assert ws.cell(1, 1).value == model.ANNEX_TITLE
    assert [c.value for c in ws[2]] == headers(model)
    assert headers(model)[0] == "单位名称" and headers(model)[-1] == "填报月份"
    # Change the month and re-import: a new record per row, identical annex fields.
    ws.cell(3, len(headers(model))).value = "2021-05"
    buf = io.BytesIO()
    ws.parent.save(buf)
    counts = import_xlsx(
        model, SimpleUploadedFile("round.xlsx", buf.getvalue()), acting_user=personas.editor_a
    )
    assert counts == {"created": 1, "updated": 0}
    new = model.objects.get(unit=world.unit_a, month=dt.date(2021, 5, 1))
    for field, _h in model.ANNEX_FIELDS:
        assert getattr(new, field) == getattr(recs[0], field), field
    assert AuditLog.objects.filter(action="import", object_id=str(new.pk)).exists()


@pytest.mark.parametrize("model", MODELS)
def test_import_updates_draft_idempotently(world, personas, model):
    up = lambda: _upload([headers(model), _row(model, world.unit_a.name)], title=model.ANNEX_TITLE)  # noqa: E731
    assert import_xlsx(model, up(), acting_user=personas.editor_a) == {"created": 1, "updated": 0}
    assert import_xlsx(model, up(), acting_user=personas.editor_a) == {"created": 0, "updated": 1}


def _bad_cases(model):
    good = headers(model)
    wrong = list(good)
    wrong[2] = "联系人姓名"
    n = len(good)
    return [
        ("wrong header", [wrong], "第 1 行 / row 1, 第 3 列 / column 3"),
        (
            "bad date",
            [good, _row(model, "杭州甲公司", month="2021-13")],
            f"第 2 行 / row 2, 第 {n} 列 / column {n} (填报月份)",
        ),
        (
            "formula",
            [good, _row(model, "杭州甲公司", contact='=HYPERLINK("http://x")')],
            "第 2 行 / row 2, 第 3 列 / column 3 (联系人)",
        ),
        (
            "plus",
            [
                good,
                _row(model, "杭州甲公司"),
                _row(model, "杭州甲公司", month="2021-06", email="@evil"),
            ],
            "第 3 行 / row 3, 第 7 列 / column 7 (电子邮箱)",
        ),
        (
            "bad mobile",
            [good, _row(model, "杭州甲公司", mobile="12345")],
            f"第 2 行 / row 2, 第 {[f for f, _ in model.ANNEX_FIELDS].index('mobile') + 1} 列",
        ),
        ("other city's unit", [good, _row(model, "宁波乙公司")], "no such unit"),
    ]


@pytest.mark.parametrize("model", MODELS)
def test_malformed_files_store_nothing(world, personas, model):
    for label, rows, expected in _bad_cases(model):
        before = (model.objects.count(), AuditLog.objects.count())
        with pytest.raises(AnnexImportError) as exc:
            import_xlsx(model, _upload(rows, name="bad.xlsx"), acting_user=personas.editor_a)
        assert expected in str(exc.value), (label, str(exc.value))
        assert "bad.xlsx" in str(exc.value)
        assert (model.objects.count(), AuditLog.objects.count()) == before, label


def test_oversized_and_non_excel_files(world, personas, settings):
    settings.STDLINK_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(AnnexImportError) as exc:
        import_xlsx(
            Survey, _upload([headers(Survey)], name="big.xlsx"), acting_user=personas.editor_a
        )
    assert "too large" in str(exc.value) and "big.xlsx" in str(exc.value)
    settings.STDLINK_MAX_UPLOAD_BYTES = 10_000_000
    with pytest.raises(AnnexImportError) as exc:
        import_xlsx(
            Survey, SimpleUploadedFile("x.xlsx", b"a,b\n1,2\n"), acting_user=personas.editor_a
        )
    assert "unsupported type" in str(exc.value)


def test_export_neutralises_formulas(world, personas):
    s = world.records_a["surveys"]
    s.other_needs = "=1+1"
    s.save()
    ws = load_workbook(io.BytesIO(export_xlsx(Survey, [s]))).active
    col = headers(Survey).index("其他需求") + 1
    # A text cell with Excel's quote prefix: shown as typed, never evaluated, text unchanged.
    assert ws.cell(3, col).value == "=1+1"
    assert ws.cell(3, col).data_type == "s"
    assert ws.cell(3, col).quotePrefix


@pytest.mark.parametrize("model", MODELS)
def test_export_imports_again_with_plus_phone_numbers(world, personas, model):
    """F9: "+86 …" is neutralised on export in a way the import reads back."""
    rec = model.objects.get(unit=world.unit_a)
    phone_fields = [f for f, _h in model.ANNEX_FIELDS if f in ("phone", "fax")]
    assert phone_fields
    for field in phone_fields:
        setattr(rec, field, "+86 571 8888 0000")
    rec.save()
    data = export_xlsx(model, [rec])
    ws = load_workbook(io.BytesIO(data)).active
    ws.cell(3, len(headers(model))).value = "2021-06"
    buf = io.BytesIO()
    ws.parent.save(buf)
    counts = import_xlsx(
        model, SimpleUploadedFile("again.xlsx", buf.getvalue()), acting_user=personas.editor_a
    )
    assert counts == {"created": 1, "updated": 0}
    new = model.objects.get(unit=world.unit_a, month=dt.date(2021, 6, 1))
    for field in phone_fields:
        assert getattr(new, field) == "+86 571 8888 0000"


def test_files_of_older_exports_import_too(world, personas):
    """Exports before the fix put an apostrophe inside the text; the import undoes it."""
    row = _row(Survey, "杭州甲公司", phone="'+86 571 8888 0000")
    import_xlsx(Survey, _upload([headers(Survey), row]), acting_user=personas.editor_a)
    assert Survey.objects.get(unit=world.unit_a, month=dt.date(2021, 4, 1)).phone == (
        "+86 571 8888 0000"
    )
    row = _row(Survey, "杭州甲公司", month="2021-07", other_needs="'=1+1")
    with pytest.raises(AnnexImportError, match="formula"):
        import_xlsx(Survey, _upload([headers(Survey), row]), acting_user=personas.editor_a)


def test_inflating_upload_is_refused_quickly(client, world, personas):
    """F1: the probe's bomb (2,000,000 tiny rows) gets a 400 naming the limit; nothing parsed."""
    from tests.core.xlsx_bombs import tiny_rows, xlsx_with_sheet

    client.force_login(personas.editor_a)
    before = Survey.objects.count()
    bomb = SimpleUploadedFile("bomb.xlsx", xlsx_with_sheet(tiny_rows(2_000_000)))
    response = client.post(reverse("programme:surveys-import"), {"file": bomb})
    assert response.status_code == 400
    body = response.content.decode()
    assert "bomb.xlsx" in body and "exceeds the limit" in body
    assert Survey.objects.count() == before


def test_header_is_checked_before_the_rows_are_read(world, personas, settings):
    settings.STDLINK_XLSX_MAX_ROWS = 5
    rows = [["wrong", "header"]] + [["x"]] * 50
    with pytest.raises(AnnexImportError, match="header must be"):
        import_xlsx(Survey, _upload(rows), acting_user=personas.editor_a)
    rows = [headers(Survey)] + [
        _row(Survey, "杭州甲公司", month=f"2020-{m:02d}") for m in range(1, 11)
    ]
    with pytest.raises(AnnexImportError, match="number of rows"):
        import_xlsx(Survey, _upload(rows), acting_user=personas.editor_a)


def test_import_and_export_pages(client, world, personas):
    client.force_login(personas.reader_a)
    assert client.get(reverse("programme:surveys-import")).status_code == 403
    export = client.get(reverse("programme:surveys-export"))
    assert export.status_code == 200
    ws = load_workbook(io.BytesIO(export.content)).active
    names = {ws.cell(r, 1).value for r in range(3, ws.max_row + 1)}
    assert names == {"杭州甲公司"}  # region B's survey is not exported to region A
    client.force_login(personas.user_b)
    ws = load_workbook(io.BytesIO(client.get(reverse("programme:surveys-export")).content)).active
    assert {ws.cell(r, 1).value for r in range(3, ws.max_row + 1)} == {"宁波乙公司"}
    client.force_login(personas.editor_a)
    bad = _upload([headers(Survey), _row(Survey, "杭州甲公司", month="not a month")], name="b.xlsx")
    response = client.post(reverse("programme:surveys-import"), {"file": bad})
    assert response.status_code == 400
    assert "第 2 行 / row 2" in response.content.decode()
    good = _upload([headers(Survey), _row(Survey, "杭州甲公司")], name="g.xlsx")
    response = client.post(reverse("programme:surveys-import"), {"file": good})
    assert response.status_code == 302
    assert Survey.objects.filter(unit=world.unit_a, month=dt.date(2021, 4, 1)).exists()
