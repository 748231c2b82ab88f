"""The standards list exports the filtered table (all pages, the chosen columns) as .xlsx and .csv,
and formula-like text stays text."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from stdlink.catalog.models import Body, Standard
from stdlink.core.spreadsheets import rows_to_csv, rows_to_xlsx


@pytest.fixture
def standards(db):
    iso = Body.objects.get(code="ISO")
    iec = Body.objects.get(code="IEC")
    for i in range(60):
        Standard.objects.create(
            uid=f"iso-{i}",
            identifier=f"ISO {1000 + i}:2020",
            key=f"iso-{i}",
            work_key=f"iso-{i}",
            body=iso,
            title_en=f"Widgets part {i}",
            status="current",
            year=2020,
            source="iso",
        )
    Standard.objects.create(
        uid="iec-x",
        identifier="IEC 1",
        key="iec-x",
        work_key="iec-x",
        body=iec,
        title_en='=HYPERLINK("http://evil")',
        status="withdrawn",
        year=2001,
        source="iec",
    )


def test_xlsx_export_has_every_filtered_row_not_just_the_page(client, standards):
    response = client.get("/standards/?body=ISO&export=xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="standards.xlsx"'
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert len(rows) == 61  # header + 60 standards, though a page shows 50
    assert {r[0] for r in rows[1:]} == {f"ISO {1000 + i}:2020" for i in range(60)}


def test_csv_export_follows_the_column_choice_and_keeps_formulas_inert(client, standards):
    response = client.get("/standards/?body=IEC&col=status&export=csv", HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Identifier", "Title", "Status"]
    assert rows[1] == ["IEC 1", "'=HYPERLINK(\"http://evil\")", "withdrawn"]


def test_xlsx_writer_stores_formula_text_as_text():
    ws = load_workbook(io.BytesIO(rows_to_xlsx([["a"], ["=1+1"], ["-5"], [3]]))).active
    cells = [row[0] for row in ws.iter_rows()]
    assert cells[1].value == "=1+1" and cells[1].data_type == "s"
    assert cells[3].value == 3
    assert rows_to_csv([["=1+1", "x"]]).decode("utf-8-sig").strip() == "'=1+1,x"


def test_column_choice_hides_columns_on_the_page(client, standards):
    page = client.get("/standards/?col=year", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    table = page[page.index('id="standard-table"') : page.index("</table>")]
    assert ">Year" in table and ">Committee<" not in table and ">Status<" not in table
