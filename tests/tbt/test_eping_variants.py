"""ePing exports as users produce them: workbooks and CSV built here, API JSON in its shapes.

The workbooks are written with openpyxl in the test (reading goes through core.uploads, as in
production). Column names, envelope and item fields follow reference/SOURCES.md and
reference/tbt_notification_schema_and_seed.json; symbols are numbered 9500+ (no hidden data).
"""

from __future__ import annotations

import io
import json
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from stdlink.tbt.parsers import TbtParseError, detect_format, parse_bytes

EPING = [
    "Notifying Member",
    "Document symbol",
    "Distribution date",
    "Title",
    "Description",
    "Products covered",
    "HS code(s)",
    "ICS code(s)",
    "Objectives",
    "Proposed date of adoption",
    "Proposed date of entry into force",
    "Final date for comments",
    "Link to notification(EN)",
]
ROW = {
    "Notifying Member": "Kenya",
    "Document symbol": "G/TBT/N/KEN/9501",
    "Distribution date": "2025-10-14",
    "Title": "Toys — Safety requirements",
    "Description": "This Kenya Standard specifies safety requirements for toys.",
    "Products covered": "Toys",
    "HS code(s)": "9503",
    "ICS code(s)": "97.200.50",
    "Objectives": "Protection of human health or safety (TBT)",
    "Proposed date of adoption": "To be determined",
    "Proposed date of entry into force": "6 months after adoption",
    "Final date for comments": "2025-12-13",
    "Link to notification(EN)": "https://docs.wto.org/example",
}


def xlsx(*sheets: tuple[str, list[list]], merge: tuple[int, str] | None = None) -> bytes:
    """A workbook of ``(title, rows)`` sheets; ``merge`` = (sheet index, range) to merge."""
    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    if merge:
        wb.worksheets[merge[0]].merge_cells(merge[1])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def table(header=EPING, **overrides) -> list[list]:
    row = {**ROW, **overrides}
    return [list(header), [row.get(h) for h in header]]


def one(data: bytes, reference, name="export.xlsx"):
    [rec] = parse_bytes(data, name, reference=reference)
    return rec


def assert_base_fields(rec):
    assert rec.symbol == "G/TBT/N/KEN/9501" and rec.source_format == "eping_excel"
    assert [m.iso3 for m in rec.members] == ["KEN"]
    assert rec.title == ROW["Title"] and rec.products_text == "Toys"
    assert rec.hs_codes == ["9503"] and rec.ics_codes == ["97.200.50"]
    assert rec.dates["distribution"].iso() == "2025-10-14"
    assert rec.dates["comment_deadline"].iso() == "2025-12-13"
    assert rec.source_url == ROW["Link to notification(EN)"]
    assert rec.objectives  # normalised from the ePing wording


# -- headers ---------------------------------------------------------------------------------


def _renamed(f):
    return [(f(h), h) for h in EPING]


API_NAMES = {
    "Notifying Member": "notifyingMember",
    "Document symbol": "documentSymbol",
    "Distribution date": "distributionDate",
    "Title": "titlePlain",
    "Description": "descriptionPlain",
    "Products covered": "productsFreeText",
    "HS code(s)": "hsCodes",
    "Final date for comments": "commentDeadlineDate",
    "Link to notification(EN)": "linkToNotification",
}


@pytest.mark.parametrize(
    "columns",  # (header as written, the export's name of that column or None)
    [
        pytest.param(_renamed(str.lower), id="lower-case"),
        pytest.param(_renamed(str.upper), id="upper-case"),
        pytest.param(_renamed(lambda h: f"  {h.replace(' ', '  ')}\n"), id="spacing"),
        pytest.param(
            _renamed(lambda h: h.replace("(s)", "s").replace("(EN)", " (EN)")), id="punctuation"
        ),
        pytest.param(_renamed(lambda h: h.replace(" ", "_")), id="underscores"),
        pytest.param(list(reversed(_renamed(str))), id="reversed-order"),
        pytest.param([(API_NAMES.get(h, h), h) for h in EPING], id="api-field-names"),
        pytest.param(
            [("No.", None), *_renamed(str), ("Keywords", None), ("Area", None)],
            id="extra-columns",
        ),
    ],
)
def test_header_variants(columns, reference):
    header = [h for h, _ in columns]
    row = [ROW[name] if name else "x" for _, name in columns]
    rec = one(xlsx(("Notifications", [header, row])), reference)
    assert_base_fields(rec)


def test_missing_optional_columns(reference):
    header = ["Document symbol", "Title", "HS code(s)"]
    rec = one(xlsx(("Sheet1", table(header))), reference)
    assert rec.title == ROW["Title"] and rec.hs_codes == ["9503"]
    assert rec.member is None and [m.iso3 for m in rec.members] == ["KEN"]  # from the symbol
    assert rec.distribution_date is None and "distribution" not in rec.dates


def test_title_row_blank_rows_and_merged_title_above_header(reference):
    rows = [["ePing — notifications export (Jan 2024 – today)"], [], [None, None], *table()]
    data = xlsx(("Notifications", rows), merge=(0, "A1:M1"))
    rec = one(data, reference)
    assert_base_fields(rec)
    assert rec.source == "export.xlsx#sheet 'Notifications', row 5"


def test_header_on_a_later_sheet(reference):
    cover = [["Exported from ePing"], ["Filters: TBT, all members"]]
    rec = one(xlsx(("About", cover), ("Notifications", table())), reference)
    assert_base_fields(rec)
    assert rec.source == "export.xlsx#sheet 'Notifications', row 2"


def test_trailing_blank_merged_and_placeholder_rows(reference):
    rows = [*table(), [None] * 13, [""] * 13, ["-", None, "N/A"], [None] * 13]
    data = xlsx(("Sheet1", rows), merge=(0, "A4:C4"))
    assert [r.symbol for r in parse_bytes(data, "e.xlsx", reference=reference)] == [
        "G/TBT/N/KEN/9501"
    ]


def test_repeated_header_rows_are_skipped(reference):
    rows = [*table(), *table(**{"Document symbol": "G/TBT/N/KEN/9502"})]
    recs = parse_bytes(xlsx(("Sheet1", rows)), "e.xlsx", reference=reference)
    assert [r.symbol for r in recs] == ["G/TBT/N/KEN/9501", "G/TBT/N/KEN/9502"]


# -- cell values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        (datetime(2025, 10, 14), "2025-10-14"),
        (datetime(2025, 10, 14, 9, 30), "2025-10-14"),
        (date(2025, 10, 14), "2025-10-14"),
        (45944, "2025-10-14"),  # an Excel serial day number without a date format
        (45944.0, "2025-10-14"),
        ("2025-10-14", "2025-10-14"),
        ("2025-10-14 00:00:00", "2025-10-14"),
        ("14/10/2025", "2025-10-14"),
        ("10/14/2025", "2025-10-14"),  # month first: unambiguous here
        ("14.10.2025", "2025-10-14"),
        ("2025/10/14", "2025-10-14"),
        ("14 October 2025", "2025-10-14"),
        ("Oct 14, 2025", "2025-10-14"),
        ("14-Oct-2025", "2025-10-14"),
        ("2025 October 14", "2025-10-14"),
    ],
)
def test_distribution_date_cells(value, iso, reference):
    rec = one(xlsx(("Sheet1", table(**{"Distribution date": value}))), reference)
    assert rec.dates["distribution"].iso() == iso
    assert rec.dates["comment_deadline"].iso() == "2025-12-13"


@pytest.mark.parametrize(
    ("value", "written", "digits"),
    [
        (950300, ["950300"], ["950300"]),
        (9503, ["9503"], ["9503"]),
        (9503.0, ["9503"], ["9503"]),
        (8516.1, ["8516.10"], ["851610"]),  # a trailing zero the number lost
        (807.2, ["0807.20"], ["080720"]),  # and a leading one
        (80720, ["080720"], ["080720"]),
        (95, ["95"], ["95"]),
        ("9503; 9504", ["9503", "9504"], ["9503", "9504"]),
        ("9503, 9504", ["9503", "9504"], ["9503", "9504"]),
        ("9503\n9504", ["9503", "9504"], ["9503", "9504"]),
        ("9503 9504", ["9503", "9504"], ["9503", "9504"]),
        ("9503.00.89;8516.79", ["9503.00.89", "8516.79"], ["95030089", "851679"]),
        ("8516 79 10", ["8516 79 10"], ["85167910"]),  # one tariff line written with spaces
        ("N/A", [], []),
        ("-", [], []),
    ],
)
def test_hs_cells(value, written, digits, reference):
    rec = one(xlsx(("Sheet1", table(**{"HS code(s)": value}))), reference)
    assert rec.hs_codes == written
    assert [h.digits for h in rec.hs if not h.inferred] == digits


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("97.200.50", ["97.200.50"]),
        ("97.200.50; 13.120", ["97.200.50", "13.120"]),
        ("97.200.50, 13.120", ["97.200.50", "13.120"]),
        ("97.200.50\n13.120", ["97.200.50", "13.120"]),
        ("97.200.50 13.120", ["97.200.50", "13.120"]),
        (13.12, ["13.120"]),  # a number: ICS groups are three digits
        (97, ["97"]),
        ("N/A", []),
    ],
)
def test_ics_cells(value, written, reference):
    rec = one(xlsx(("Sheet1", table(**{"ICS code(s)": value}))), reference)
    assert rec.ics_codes == written


def test_placeholders_are_empty(reference):
    rec = one(
        xlsx(
            (
                "Sheet1",
                table(
                    **{
                        "Notifying Member": "-",
                        "Title": "N/A",
                        "Description": "—",
                        "Final date for comments": "n/a",
                        "Proposed date of adoption": "#N/A",
                    }
                ),
            )
        ),
        reference,
    )
    assert rec.member is rec.title is rec.description is rec.comment_deadline is None
    assert rec.proposed_adoption_date is None
    assert [m.iso3 for m in rec.members] == ["KEN"]


@pytest.mark.parametrize(
    ("member", "symbol", "iso3"),
    [
        ("United States of America", "G/TBT/N/USA/9510", ["USA"]),
        ("United States", "G/TBT/N/USA/9510", ["USA"]),
        ("European Union", "G/TBT/N/EU/9510", ["EU"]),
        ("European Union (EU)", "G/TBT/N/EU/9510", ["EU"]),
        ("Korea, Republic of", "G/TBT/N/KOR/9510", ["KOR"]),
        ("Republic of Korea", "G/TBT/N/KOR/9510", ["KOR"]),
        ("Viet Nam", "G/TBT/N/VNM/9510", ["VNM"]),
        ("Türkiye", "G/TBT/N/TUR/9510", ["TUR"]),
        ("Turkiye", "G/TBT/N/TUR/9510", ["TUR"]),
        ("Côte d'Ivoire", "G/TBT/N/CIV/9510", ["CIV"]),
        ("Cote d'Ivoire", "G/TBT/N/CIV/9510", ["CIV"]),
        ("Chinese Taipei", "G/TBT/N/TPKM/9510", ["TWN"]),
        ("Kingdom of Saudi Arabia", "G/TBT/N/SAU/9510", ["SAU"]),
        ("Plurinational State of Bolivia", "G/TBT/N/BOL/9510", ["BOL"]),
        ("Czech Republic", "G/TBT/N/CZE/9510", ["CZE"]),
        ("United Kingdom", "G/TBT/N/GBR/9510", ["GBR"]),
        ("KENYA", "G/TBT/N/KEN/9510", ["KEN"]),
    ],
)
def test_member_spellings(member, symbol, iso3, reference):
    row = {"Notifying Member": member, "Document symbol": symbol}
    rec = one(xlsx(("Sheet1", table(**row))), reference)
    assert [m.iso3 for m in rec.members] == iso3
    # the name alone (the 1995–97 symbols carry no member code)
    row["Document symbol"] = "G/TBT/Notif.95.950"
    rec = one(xlsx(("Sheet1", table(**row))), reference)
    assert [m.iso3 for m in rec.members] == iso3


@pytest.mark.parametrize(
    ("written", "symbol", "kind", "base"),
    [
        ("G/TBT/N/KEN/9501/Add.1", "G/TBT/N/KEN/9501/Add.1", "addendum", "G/TBT/N/KEN/9501"),
        ("G/TBT/N/KEN/9501/Rev.1", "G/TBT/N/KEN/9501/Rev.1", "revision", "G/TBT/N/KEN/9501"),
        (
            "G/TBT/N/KEN/9501/Rev.1/Add.2",
            "G/TBT/N/KEN/9501/Rev.1/Add.2",
            "addendum",
            "G/TBT/N/KEN/9501/Rev.1",
        ),
        (
            "G/TBT/N/KEN/9501/Add.1/Corr.1",
            "G/TBT/N/KEN/9501/Add.1/Corr.1",
            "corrigendum",
            "G/TBT/N/KEN/9501/Add.1",
        ),
        ("g/tbt/n/ken/9501/add.1", "G/TBT/N/KEN/9501/Add.1", "addendum", "G/TBT/N/KEN/9501"),
        (" G/TBT/N/KEN/9501 / Add. 1 ", "G/TBT/N/KEN/9501/Add.1", "addendum", "G/TBT/N/KEN/9501"),
    ],
)
def test_symbol_spellings(written, symbol, kind, base, reference):
    rec = one(xlsx(("Sheet1", table(**{"Document symbol": written}))), reference)
    assert (rec.symbol, rec.kind, rec.base_symbol) == (symbol, kind, base)


def test_joined_symbols_and_sps_rows(reference):
    rows = [
        *table(**{"Document symbol": "G/TBT/N/BDI/9501, G/TBT/N/KEN/9501"}),
        [ROW.get(h) if h != "Document symbol" else "G/SPS/N/KEN/9501" for h in EPING],
    ]
    recs = parse_bytes(xlsx(("Sheet1", rows)), "e.xlsx", reference=reference)
    assert [(r.symbol, r.related_symbols) for r in recs] == [
        ("G/TBT/N/BDI/9501", ["G/TBT/N/KEN/9501"]),
        ("G/TBT/N/KEN/9501", ["G/TBT/N/BDI/9501"]),
    ]


# -- refused exports -------------------------------------------------------------------------


def test_header_without_the_symbol_column_is_refused(reference):
    header = [h for h in EPING if h != "Document symbol"]
    data = xlsx(("About", [["x"]]), ("Notifications", [["ePing export"], *table(header)]))
    with pytest.raises(TbtParseError) as e:
        parse_bytes(data, "no-symbol.xlsx", reference=reference)
    err = e.value
    assert err.source == "no-symbol.xlsx" and err.field == "Document symbol"
    assert err.record == "sheet 'Notifications', row 2"
    assert "no-symbol.xlsx" in str(err) and "Document symbol" in str(err)


def test_no_header_names_the_sheets(reference):
    data = xlsx(("A", [["a", "b"], [1, 2]]), ("B", [["nothing"]]))
    with pytest.raises(TbtParseError) as e:
        parse_bytes(data, "plain.xlsx", reference=reference)
    assert e.value.field == "header" and "sheets: A, B" in str(e.value)


def test_row_without_symbol_names_its_row(reference):
    rows = [*table(), [ROW.get(h) if h != "Document symbol" else None for h in EPING]]
    with pytest.raises(TbtParseError) as e:
        parse_bytes(xlsx(("Sheet1", rows)), "gap.xlsx", reference=reference)
    assert (e.value.source, e.value.record, e.value.field) == (
        "gap.xlsx",
        "sheet 'Sheet1', row 3",
        "Document symbol",
    )


def test_refused_export_leaves_stored_data_unchanged(db, reference):
    from stdlink.tbt.models import Notification
    from stdlink.tbt.services.imports import import_files

    import_files([("first.xlsx", xlsx(("Sheet1", table())))], today=date(2026, 12, 6))
    before = Notification.objects.get(symbol="G/TBT/N/KEN/9501")
    changed = xlsx(("Sheet1", table(Title="A new title")))
    bad = xlsx(("Sheet1", table([h for h in EPING if h != "Document symbol"])))
    with pytest.raises(TbtParseError) as e:
        import_files([("changed.xlsx", changed), ("bad.xlsx", bad)], today=date(2026, 12, 6))
    assert e.value.source == "bad.xlsx"
    after = Notification.objects.get(symbol="G/TBT/N/KEN/9501")
    assert after.title == before.title == ROW["Title"] and Notification.objects.count() == 1


# -- CSV -------------------------------------------------------------------------------------


def _csv(rows, delimiter=",", encoding="utf-8-sig") -> bytes:
    import csv

    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter).writerows(rows)
    return buf.getvalue().encode(encoding)


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), (";", "utf-8"), ("\t", "gb18030")]
)
def test_csv_export(delimiter, encoding, reference):
    data = _csv([["ePing export"], [], *table()], delimiter, encoding)
    assert detect_format(data) == "csv"
    rec = one(data, reference, name="export.csv")
    assert_base_fields(rec)


def test_csv_passes_the_upload_check_of_the_import_kind():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from stdlink.core.uploads import validate_upload
    from stdlink.jobs.imports import KINDS

    kind = KINDS["tbt"]
    data = _csv(table())
    assert validate_upload(SimpleUploadedFile("e.csv", data), kind.allowed) in kind.allowed


def test_a_form_is_not_taken_for_csv():
    form = b"G/TBT/N/KEN/9501\nNOTIFICATION\n1. Notifying Member: Kenya\n5. Title: Toys, safety\n"
    assert detect_format(form) == "txt"


def test_dev_export_rewritten_as_variants_reads_the_same(tbt_dev, reference):
    """The 18 dev rows, re-written with a title row on a second sheet, lower-case headers in
    reverse order and codes as numbers where they are numbers: the same records."""
    from stdlink.core.uploads import iter_xlsx_rows

    with (tbt_dev / "eping-export-dev.xlsx").open("rb") as fh:
        rows = [list(r) for r in iter_xlsx_rows(fh, "eping-export-dev.xlsx")]
    original = parse_bytes(
        (tbt_dev / "eping-export-dev.xlsx").read_bytes(), "a.xlsx", reference=reference
    )

    def numeric(v):
        return int(v) if isinstance(v, str) and v.isdigit() and not v.startswith("0") else v

    header = [h.lower() for h in rows[0]][::-1]
    body = [[numeric(v) for v in r][::-1] for r in rows[1:]]
    data = xlsx(("Read me", [["see next sheet"]]), ("Export", [["ePing"], [], header, *body]))
    variant = parse_bytes(data, "b.xlsx", reference=reference)
    fields = (
        "symbol member title description products_text hs_codes ics_codes objective "
        "distribution_date proposed_adoption_date proposed_entry_into_force comment_deadline "
        "related_symbols source_url"
    ).split()
    assert [[getattr(r, f) for f in fields] for r in variant] == [
        [getattr(r, f) for f in fields] for r in original
    ]


# -- ePing API JSON --------------------------------------------------------------------------

ITEM = {
    "id": 123456,
    "documentSymbol": "G/TBT/N/KEN/9520",
    "area": "TBT",
    "notificationType": "Regular notification",
    "notifyingMember": "Kenya",
    "title": "<p>Toys — Safety</p>",
    "titlePlain": "Toys — Safety",
    "descriptionPlain": "Specifies safety requirements for toys.",
    "productsFreeText": "Toys (HS code(s): 9503); (ICS code(s): 97.200.50)",
    "hsCodes": ["9503"],
    "objectives": [{"name": "Protection of human health or safety"}],
    "distributionDate": "2025-11-26T00:00:00",
    "commentDeadlineDate": "2026-01-25T00:00:00",
    "isOpenForComments": True,
    "proposedEntryIntoForceDate": None,
    "proposedEntryIntoForceDateText": "To be determined",
    "linkToNotification": "https://docs.wto.org/example",
}


def _json(doc) -> bytes:
    return json.dumps(doc).encode()


@pytest.mark.parametrize(
    "doc",
    [
        pytest.param({"items": [ITEM], "totalCount": 1}, id="search-envelope"),
        pytest.param({"items": [ITEM], "totalCount": 1, "endRow": 1}, id="getAll-envelope"),
        pytest.param([ITEM], id="bare-list"),
    ],
)
def test_json_envelopes(doc, reference):
    [rec] = parse_bytes(_json(doc), "r.json", reference=reference)
    assert (rec.symbol, rec.external_id, rec.source_format) == (
        "G/TBT/N/KEN/9520",
        "123456",
        "eping_json",
    )
    assert rec.title == "Toys — Safety" and rec.hs_codes == ["9503"]
    assert rec.ics_codes == ["97.200.50"] and rec.open_for_comments is True
    assert rec.distribution_date == "2025-11-26" and rec.comment_deadline == "2026-01-25"
    assert rec.proposed_entry_into_force == "To be determined"
    assert rec.objectives and [m.iso3 for m in rec.members] == ["KEN"]


def test_json_other_wrappers_are_refused():
    """The reference documents {items, totalCount}; other wrappers are not guessed at."""
    with pytest.raises(TbtParseError) as e:
        parse_bytes(_json({"data": [ITEM]}), "d.json")
    assert e.value.field == "items"


@pytest.mark.parametrize(
    ("field", "value", "attr", "expected"),
    [
        ("hsCodes", "9503;9504", "hs_codes", ["9503", "9504"]),
        ("hsCodes", ["9503", "9504"], "hs_codes", ["9503", "9504"]),
        ("hsCodes", [950300, 9504], "hs_codes", ["950300", "9504"]),
        ("hsCodes", [{"code": "9503"}], "hs_codes", ["9503"]),
        ("hsCodes", None, "hs_codes", ["9503"]),  # then from the product text
        ("objectives", ["Harmonization", "Quality requirements"], "objective",
         "Harmonization; Quality requirements"),
        ("objectives", "Harmonization; Quality requirements", "objective",
         "Harmonization; Quality requirements"),
        ("objectives", None, "objective", None),
        ("notifyingMember", {"id": "C404", "name": "Kenya"}, "member", "Kenya"),
        ("notifyingMember", None, "member", None),
        ("notifyingMember", [{"name": "Kenya"}, {"name": "Uganda"}], "member", "Kenya, Uganda"),
        ("distributionDate", "2025-11-26T00:00:00Z", "distribution_date", "2025-11-26"),
        ("distributionDate", "2025-11-26T00:00:00.000+01:00", "distribution_date", "2025-11-26"),
        ("distributionDate", "2025-11-26", "distribution_date", "2025-11-26"),
        ("distributionDate", None, "distribution_date", None),
        ("titlePlain", None, "title", "Toys — Safety"),  # the HTML title, stripped
        ("linkToNotification", None, "source_url", None),
    ],
)  # fmt: skip
def test_json_field_shapes(field, value, attr, expected, reference):
    [rec] = parse_bytes(_json({"items": [{**ITEM, field: value}], "totalCount": 1}), "r.json",
                        reference=reference)  # fmt: skip
    assert getattr(rec, attr) == expected


def test_json_member_object_resolves_and_null_member_falls_back_to_symbol(reference):
    items = [
        {**ITEM, "notifyingMember": {"name": "Viet Nam"}, "documentSymbol": "G/TBT/N/VNM/9520"},
        {**ITEM, "notifyingMember": None, "documentSymbol": "G/TBT/N/USA/9520"},
    ]
    recs = parse_bytes(_json({"items": items, "totalCount": 2}), "r.json", reference=reference)
    assert [[m.iso3 for m in r.members] for r in recs] == [["VNM"], ["USA"]]


def test_json_joined_symbols_sps_and_seed_shape(reference):
    items = [
        {**ITEM, "documentSymbol": "G/TBT/N/BDI/9520, G/TBT/N/KEN/9520"},
        {**ITEM, "area": "SPS", "documentSymbol": "G/SPS/N/KEN/9520"},
        # the reference's seed examples: productsText and hsCodeText
        {
            "documentSymbol": "G/TBT/N/VNM/9521",
            "notifyingMember": "Viet Nam",
            "area": "TBT",
            "distributionDate": "2024-05-27",
            "title": "Mobile phones",
            "productsText": "Mobile phone using E-UTRA technology; HS code 8517.13.00",
            "hsCodeText": "85171",
        },
    ]
    recs = parse_bytes(_json({"items": items, "totalCount": 3}), "r.json", reference=reference)
    assert [(r.symbol, r.related_symbols) for r in recs] == [
        ("G/TBT/N/BDI/9520", ["G/TBT/N/KEN/9520"]),
        ("G/TBT/N/KEN/9520", ["G/TBT/N/BDI/9520"]),
        ("G/TBT/N/VNM/9521", []),
    ]
    assert recs[2].products_text.startswith("Mobile phone") and recs[2].hs_codes == ["85171"]


def test_json_item_without_symbol_is_located():
    with pytest.raises(TbtParseError) as e:
        parse_bytes(_json({"items": [{**ITEM, "documentSymbol": None}]}), "r.json")
    assert (e.value.source, e.value.record, e.value.field) == ("r.json", "123456", "documentSymbol")
