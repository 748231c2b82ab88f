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
