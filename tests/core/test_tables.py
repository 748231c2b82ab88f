"""The standards list exports the filtered table (all pages, the chosen columns) as .xlsx and .csv,
and formula-like text stays text."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.test import RequestFactory
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
    assert rows[1] == ["IEC 1", '\'=HYPERLINK("http://evil")', "withdrawn"]


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


def _table(page: str) -> str:
    return page[page.index('id="standard-table"') : page.index("</table>")]


def test_lean_rows_write_one_labelled_cell_per_visible_column(client, standards):
    """core.tables.LeanRows writes the rows itself: each row has exactly the visible columns,
    in the header's order, each cell labelled with its header (the phone card layout)."""
    page = client.get(
        "/standards/?body=ISO&col=status&col=body&col=published", HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    table = _table(page)
    headers = re.findall(r'<th[^>]*scope="col">(?:<a[^>]*>)?([^<]+?)(?: <span|</a>|</th>)', table)
    assert headers == ["Identifier", "Title", "Status", "Body", "Published"]
    rows = re.findall(r"<tr>(.*?)</tr>", table.split("<tbody")[1], re.S)
    assert len(rows) == 50
    for row in rows:
        assert re.findall(r'data-label="([^"]+)"', row) == headers
    first = rows[0]
    assert re.search(
        r'<td class="nowrap" data-label="Identifier"><a href="/standards/\d+/">ISO', first
    )
    assert 'data-label="Body"><a href="/bodies/ISO/">ISO</a>' in first
    assert "status-badge" in first and ">current<" in first
    assert 'data-label="Published">—</td>' in first  # an empty value shows a dash
    assert ">Committee<" not in table


def test_lean_rows_escape_what_the_records_say(client, standards):
    Standard.objects.filter(uid="iso-0").update(title_en="<script>alert(1)</script> & more")
    page = client.get("/standards/?q=alert", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    table = _table(page)
    assert "<script>alert" not in table
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in table


def test_empty_lean_table_says_so(client, standards):
    page = client.get("/standards/?q=nothing-matches-this", HTTP_ACCEPT_LANGUAGE="en")
    assert "No standards match these filters." in _table(page.content.decode())


def test_filter_drawer_is_cached_per_filter_and_language_not_per_page(client, standards):
    """The standards list caches its rendered filter fields (public choices) under the filter
    values and the language; the page number and columns do not change them, a filter does."""
    from stdlink.core.tables import filter_state

    rf = RequestFactory()
    assert filter_state(rf.get("/standards/?page=3&sort=year&col=body&body=ISO&q=a")) == (
        filter_state(rf.get("/standards/?q=a&body=ISO"))
    )
    assert filter_state(rf.get("/standards/?body=ISO")) != filter_state(
        rf.get("/standards/?body=IEC")
    )

    def drawer(url, lang):
        page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
        return page[
            page.index('id="standard-filters-form"') : page.index(
                "</form>", page.index('id="standard-filters-form"')
            )
        ]

    iso_en = drawer("/standards/?body=ISO", "en")
    assert re.search(r'<option value="ISO"[^>]* selected', iso_en)
    assert drawer("/standards/?body=ISO&page=2", "en") == iso_en
    iec_en = drawer("/standards/?body=IEC", "en")
    assert re.search(r'<option value="IEC"[^>]* selected', iec_en)
    assert not re.search(r'<option value="ISO"[^>]* selected', iec_en)
    iso_zh = drawer("/standards/?body=ISO", "zh-hans")
    assert "Document type" in iso_en and "Document type" not in iso_zh
