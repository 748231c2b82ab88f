"""Upload validation: size and type by content, table-driven."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from stdlink.core.uploads import validate_upload


def _zip(part: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(part, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "allowed", "expected"),
    [
        ("a.pdf", b"%PDF-1.7 ...", {"pdf"}, "pdf"),
        ("a.png", b"\x89PNG\r\n\x1a\n....", {"png", "jpg"}, "png"),
        ("a.jpg", b"\xff\xd8\xff\xe0....", {"png", "jpg"}, "jpg"),
        ("a.xlsx", _zip("xl/workbook.xml"), {"xlsx"}, "xlsx"),
        ("a.docx", _zip("word/document.xml"), {"docx", "txt"}, "docx"),
        ("政策.txt", "一、总体要求".encode(), {"txt"}, "txt"),
    ],
)
def test_accepts_real_types(name, content, allowed, expected):
    assert validate_upload(SimpleUploadedFile(name, content), allowed) == expected


@pytest.mark.parametrize(
    ("name", "content", "allowed", "message"),
    [
        ("a.xlsx", b"%PDF-1.7", {"xlsx"}, "unsupported type"),  # renamed PDF
        ("a.xlsx", _zip("word/document.xml"), {"xlsx"}, "detected docx"),
        ("a.pdf", b"MZ\x90\x00\x03\x00\x00\x00", {"pdf"}, "unsupported type"),  # an executable
        ("a.txt", b"", {"txt"}, "empty"),
        ("big.pdf", b"%PDF-" + b"0" * 2048, {"pdf"}, "too large"),
    ],
)
def test_rejects_with_a_message_naming_the_file(name, content, allowed, message):
    with pytest.raises(ValidationError) as exc:
        validate_upload(SimpleUploadedFile(name, content), allowed, max_bytes=1024)
    text = " ".join(exc.value.messages)
    assert message in text and name in text


# --- F1: inflating archives are refused from the central directory, before any parsing ------

from tests.core.xlsx_bombs import tiny_rows, whitespace, xlsx_with_sheet  # noqa: E402


def test_two_million_row_bomb_is_refused_before_parsing(monkeypatch):
    data = xlsx_with_sheet(tiny_rows(2_000_000))
    assert len(data) < 2 * 1024 * 1024  # small enough for every upload limit

    def no_parsing(*args, **kwargs):
        raise AssertionError("the workbook was parsed")

    monkeypatch.setattr("openpyxl.load_workbook", no_parsing)
    with pytest.raises(ValidationError) as exc:
        validate_upload(SimpleUploadedFile("bomb.xlsx", data), {"xlsx"})
    message = " ".join(exc.value.messages)
    assert "bomb.xlsx" in message and "xl/worksheets/sheet1.xml" in message


@pytest.mark.parametrize(
    ("limits", "expected"),
    [
        ({"STDLINK_ARCHIVE_MAX_RATIO": 100}, "compression ratio"),
        ({"STDLINK_ARCHIVE_MAX_MEMBER": 2 * 1024 * 1024}, "uncompressed size of"),
        ({"STDLINK_ARCHIVE_MAX_UNCOMPRESSED": 2 * 1024 * 1024}, "total uncompressed size"),
        ({"STDLINK_ARCHIVE_MAX_MEMBERS": 3}, "number of archive members"),
    ],
)
def test_archive_limits(settings, limits, expected):
    data = xlsx_with_sheet(whitespace(4 * 1024 * 1024))  # ratio ~1,000
    for key, value in {
        "STDLINK_ARCHIVE_MAX_RATIO": 10**6,
        "STDLINK_ARCHIVE_MAX_MEMBER": 10**9,
        "STDLINK_ARCHIVE_MAX_UNCOMPRESSED": 10**9,
        "STDLINK_ARCHIVE_MAX_MEMBERS": 1000,
        **limits,
    }.items():
        setattr(settings, key, value)
    with pytest.raises(ValidationError) as exc:
        validate_upload(SimpleUploadedFile("w.xlsx", data), {"xlsx"})
    assert expected in " ".join(exc.value.messages)


def test_docx_is_checked_too():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b" " * (40 * 1024 * 1024))
    with pytest.raises(ValidationError, match="word/document.xml"):
        validate_upload(SimpleUploadedFile("p.docx", buf.getvalue()), {"docx", "txt"})


def test_rows_and_columns_are_limited_while_streaming(settings):
    from openpyxl import Workbook

    from stdlink.core.uploads import iter_xlsx_rows

    settings.STDLINK_XLSX_MAX_ROWS = 10
    settings.STDLINK_XLSX_MAX_COLUMNS = 5
    wb = Workbook()
    for i in range(20):
        wb.active.append([i, "a"])
    buf = io.BytesIO()
    wb.save(buf)
    rows = iter_xlsx_rows(SimpleUploadedFile("r.xlsx", buf.getvalue()))
    assert [next(rows)[0] for _ in range(10)] == list(range(10))
    with pytest.raises(ValidationError, match="number of rows"):
        next(rows)
    wb = Workbook()
    wb.active.append(["a", None, None, None, None, None, "far"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(ValidationError, match="number of columns"):
        list(iter_xlsx_rows(SimpleUploadedFile("c.xlsx", buf.getvalue())))


# --- F12: oversized bodies are refused before they are read ------------------------------------


def test_oversized_body_is_refused_by_its_length(client, settings):
    settings.STDLINK_MAX_UPLOAD_BYTES = 1000
    response = client.generic(
        "POST", "/programme/surveys/import/", b"x" * 10, CONTENT_LENGTH=str(10**9)
    )
    assert response.status_code == 413
    assert "too large" in response.content.decode()


def test_oversized_upload_stops_while_streaming(client, personas, settings):
    settings.STDLINK_MAX_UPLOAD_BYTES = 1000
    client.force_login(personas.editor_a)
    big = SimpleUploadedFile("big.xlsx", b"PK\x03\x04" + b"0" * 5000)
    response = client.post("/programme/surveys/import/", {"file": big})
    assert response.status_code == 400
    # Refused while the body was read: the import view never ran.
    assert "programme/import.html" not in [t.name for t in response.templates]


def test_search_page_states_the_query_limit(client, db):
    from stdlink.search.sanitize import MAX_QUERY_LENGTH

    body = client.get("/search/").content.decode()
    assert f'maxlength="{MAX_QUERY_LENGTH}"' in body
    assert f"{MAX_QUERY_LENGTH} 个字符" in body  # F13, in the page's language


def test_every_spreadsheet_reader_goes_through_core_uploads():
    """F1: the inflation guard and the streamed, limited reader are the only way to open a
    workbook; an app calling openpyxl.load_workbook itself would bypass them."""
    from pathlib import Path

    import stdlink

    root = Path(stdlink.__file__).parent
    readers = sorted(
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if "load_workbook" in p.read_text(encoding="utf-8")
    )
    assert readers == ["core/uploads.py"]
