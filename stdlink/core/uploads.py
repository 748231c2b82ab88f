"""Upload validation shared by every app: size limit and type by content (magic bytes), not name.

`validate_upload(f, allowed={"xlsx", "pdf"})` returns the detected kind or raises a
ValidationError with a bilingual message naming the file.
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError

# kind -> (leading bytes, human label)
_MAGIC: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "zip": (b"PK\x03\x04",),
    "gz": (b"\x1f\x8b",),
}
# Office Open XML files are zip archives told apart by the part they must contain.
_OOXML = {"xlsx": "xl/workbook.xml", "docx": "word/document.xml", "pptx": "ppt/presentation.xml"}


def detect_kind(head: bytes, fileobj=None) -> str | None:
    """The kind of a file from its first bytes (and, for zip-based formats, its parts)."""
    for kind, magics in _MAGIC.items():
        if any(head.startswith(m) for m in magics):
            if kind != "zip":
                return kind
            if fileobj is None:
                return "zip"
            try:
                fileobj.seek(0)
                names = set(zipfile.ZipFile(fileobj).namelist())
            except zipfile.BadZipFile:
                return None
            finally:
                fileobj.seek(0)
            for ooxml, part in _OOXML.items():
                if part in names:
                    return ooxml
            return "zip"
    if b"\x00" not in head:
        try:
            head.decode("utf-8")
            return "txt"
        except UnicodeDecodeError:
            # A multi-byte character cut at the end of the sniffed block is still text (the
            # incremental decoder keeps an incomplete trailing sequence instead of failing).
            try:
                codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
                return "txt"
            except UnicodeDecodeError:
                return None
    return None


def validate_upload(upload, allowed: Iterable[str], max_bytes: int | None = None) -> str:
    """Check an uploaded file's size and real type; return its kind."""
    allowed = set(allowed)
    limit = max_bytes or settings.STDLINK_MAX_UPLOAD_BYTES
    name = getattr(upload, "name", "upload")
    size = getattr(upload, "size", None)
    if size is None:
        upload.seek(0, 2)
        size = upload.tell()
    upload.seek(0)
    if size == 0:
        raise ValidationError(f"文件“{name}”为空 / file {name!r} is empty")
    if size > limit:
        raise ValidationError(
            f"文件“{name}”过大（{size} 字节，上限 {limit}）/ file {name!r} is too large "
            f"({size} bytes, limit {limit})"
        )
    head = upload.read(4096)
    upload.seek(0)
    kind = detect_kind(head, upload)
    if kind not in allowed:
        raise ValidationError(
            f"文件“{name}”的类型不受支持（检测为 {kind or '未知'}，允许 {', '.join(sorted(allowed))}）"
            f" / file {name!r} has an unsupported type (detected {kind or 'unknown'}, "
            f"allowed {', '.join(sorted(allowed))})"
        )
    return kind
