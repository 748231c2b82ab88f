"""Upload validation shared by every app: size limit and type by content (magic bytes), not name.

`validate_upload(f, allowed={"xlsx", "pdf"})` returns the detected kind or raises a
ValidationError with a bilingual message naming the file. Zip-based files (xlsx, docx, pptx, zip)
are also checked for inflation from the archive's central directory before anything parses them
(`check_archive`), and every spreadsheet is read through `iter_xlsx_rows`, which streams the
first sheet with row and column limits (`iter_xlsx_sheets` for every sheet; `iter_csv_rows` for
a CSV file under the same limits).
"""

from __future__ import annotations

import codecs
import zipfile
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.core.files.uploadhandler import FileUploadHandler

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
                return "txt" if _gb18030_text(head) else None
    return None


def _gb18030_text(head: bytes) -> bool:
    """Chinese text in GB18030/GBK (older Chinese editors' default): decodes, holds Chinese
    characters and no control characters (a character may be cut at the block's end)."""
    for cut in range(4):
        try:
            text = head[: len(head) - cut].decode("gb18030")
        except UnicodeDecodeError:
            continue
        chinese = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
        control = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
        return chinese > 0 and control == 0
    return False


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
    if kind in ("xlsx", "docx", "pptx", "zip"):
        check_archive(upload, name)
    return kind


class LimitedUploadHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS: stops reading a multipart body once its files pass
    STDLINK_MAX_UPLOAD_BYTES (a chunked body has no Content-Length for the middleware to check)."""

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self.received = 0

    def receive_data_chunk(self, raw_data, start):
        self.received += len(raw_data)
        if self.received > settings.STDLINK_MAX_UPLOAD_BYTES:
            raise RequestDataTooBig(
                f"上传超过上限 / upload exceeds {settings.STDLINK_MAX_UPLOAD_BYTES} bytes"
            )
        return raw_data

    def file_complete(self, file_size):
        return None


def _limit(setting: str) -> int:
    return int(getattr(settings, setting, DEFAULT_LIMITS[setting]))


# Spreadsheet and archive limits (settings of the same names override them). A real annex file of
# a whole province is a few MB uncompressed with a compression ratio of about 10; the probe's
# bombs inflate 290 KB to 98 MB (ratio 340) and 880 KB to 900 MB (ratio 1,000).
DEFAULT_LIMITS = {
    "STDLINK_ARCHIVE_MAX_UNCOMPRESSED": 64 * 1024 * 1024,  # all members together
    "STDLINK_ARCHIVE_MAX_MEMBER": 32 * 1024 * 1024,  # any one member
    "STDLINK_ARCHIVE_MAX_RATIO": 100,  # uncompressed / compressed, members over 1 MB
    "STDLINK_ARCHIVE_MAX_MEMBERS": 1000,
    "STDLINK_XLSX_MAX_ROWS": 20000,
    "STDLINK_XLSX_MAX_COLUMNS": 200,
}
_RATIO_FLOOR = 1024 * 1024  # small parts (styles, a short sheet) may compress better than that


def _too_big(name: str, what: str, zh: str, value: int, limit: int) -> ValidationError:
    return ValidationError(
        f"文件“{name}”{zh}超出上限（{value:,}，上限 {limit:,}）/ file {name!r}: {what} "
        f"({value:,}) exceeds the limit ({limit:,})"
    )


def check_archive(upload, name: str | None = None) -> None:
    """Refuse a zip archive (xlsx, docx …) that would inflate beyond the limits.

    Reads only the central directory (sizes declared per member), never a member's data; a
    member whose data inflates beyond its declared size is caught by `iter_xlsx_rows`'s
    streaming limits and by zipfile's own CRC/size check.
    """
    name = name or getattr(upload, "name", "upload")
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise ValidationError(
            f"文件“{name}”不是有效的压缩包 / file {name!r} is not a valid archive ({exc})"
        ) from None
    finally:
        upload.seek(0)
    if len(infos) > _limit("STDLINK_ARCHIVE_MAX_MEMBERS"):
        raise _too_big(
            name,
            "number of archive members",
            "的压缩包成员数",
            len(infos),
            _limit("STDLINK_ARCHIVE_MAX_MEMBERS"),
        )
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > _limit("STDLINK_ARCHIVE_MAX_MEMBER"):
            raise _too_big(
                name,
                f"uncompressed size of {info.filename}",
                f"中 {info.filename} 解压后的大小",
                info.file_size,
                _limit("STDLINK_ARCHIVE_MAX_MEMBER"),
            )
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR and ratio > _limit("STDLINK_ARCHIVE_MAX_RATIO"):
            raise _too_big(
                name,
                f"compression ratio of {info.filename}",
                f"中 {info.filename} 的压缩比",
                int(ratio),
                _limit("STDLINK_ARCHIVE_MAX_RATIO"),
            )
    if total > _limit("STDLINK_ARCHIVE_MAX_UNCOMPRESSED"):
        raise _too_big(
            name,
            "total uncompressed size",
            "解压后的总大小",
            total,
            _limit("STDLINK_ARCHIVE_MAX_UNCOMPRESSED"),
        )


def iter_xlsx_rows(upload, name: str | None = None) -> Iterator[tuple]:
    """The first sheet's rows as value tuples, streamed (openpyxl read-only) with limits.

    Call `validate_upload(upload, {"xlsx"})` first (it checks the archive). Rows beyond
    STDLINK_XLSX_MAX_ROWS or a value beyond column STDLINK_XLSX_MAX_COLUMNS raise a
    ValidationError at the row where the limit is passed, so a caller that checks the header on
    the first rows never reads the rest of a bad file. Formula cells read as their formula text
    ("=…"), so the formula rule sees them.
    """
    sheets = iter_xlsx_sheets(upload, name)
    try:
        for _title, rows in sheets:
            yield from rows
            return
    finally:
        sheets.close()  # closes the workbook now, not when the generator is collected


def iter_xlsx_sheets(upload, name: str | None = None) -> Iterator[tuple[str, Iterator[tuple]]]:
    """Every worksheet in workbook order as ``(title, rows)``; ``rows`` streams like
    `iter_xlsx_rows` (same limits, per sheet). For files whose table may sit on any sheet (a
    cover or notes sheet first): read a sheet's first rows, and move on to the next sheet
    without reading the rest of it."""
    from openpyxl import load_workbook

    name = name or getattr(upload, "name", "upload")
    upload.seek(0)
    try:
        wb = load_workbook(upload, read_only=True, data_only=False)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the user's file problem
        raise ValidationError(
            f"文件“{name}”无法读取 / file {name!r} cannot be read ({exc})"
        ) from None
    try:
        for ws in wb.worksheets:
            yield ws.title, _limited_rows(ws.iter_rows(values_only=True), name)
    finally:
        wb.close()


def _limited_rows(rows: Iterable[tuple], name: str) -> Iterator[tuple]:
    max_rows = _limit("STDLINK_XLSX_MAX_ROWS")
    max_cols = _limit("STDLINK_XLSX_MAX_COLUMNS")
    for n, row in enumerate(rows, start=1):
        if n > max_rows:
            raise _too_big(name, "number of rows", "的行数", n, max_rows)
        if len(row) > max_cols:
            if any(v not in (None, "") for v in row[max_cols:]):
                raise _too_big(
                    name, f"row {n}: number of columns", f"第 {n} 行的列数", len(row), max_cols
                )
            row = row[:max_cols]
        yield tuple(row)


CSV_DELIMITERS = (",", ";", "\t")


def decode_text(data: bytes, name: str) -> str:
    """Text of an uploaded text file: UTF-8 (with or without BOM), else GB18030 (what Excel and
    WPS save as "CSV" on a Chinese system)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            f"文件“{name}”不是 UTF-8 或 GB18030 文本 / file {name!r} is not UTF-8 or GB18030 text"
        ) from None


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the one of , ; tab that splits its first lines into the most
    columns (Excel writes ";" where the decimal separator is a comma)."""
    import csv
    import io

    head = text[:8192]
    best, best_cols = ",", 0
    for delim in CSV_DELIMITERS:
        try:
            rows = list(csv.reader(io.StringIO(head), delimiter=delim))[:10]
        except csv.Error:
            continue
        cols = max((len(r) for r in rows), default=0)
        if cols > best_cols:
            best, best_cols = delim, cols
    return best


def iter_csv_rows(data: bytes, name: str = "upload.csv") -> Iterator[tuple]:
    """A CSV file's rows as tuples of text (None for an empty cell), with the spreadsheet row and
    column limits of `iter_xlsx_rows`. Encoding and delimiter are detected; a leading apostrophe
    that `core.spreadsheets.rows_to_csv` put before formula-like text is left to `cell_text`."""
    import csv
    import io

    text = decode_text(data, name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=csv_delimiter(text))
    try:
        for row in _limited_rows(reader, name):
            yield tuple(v if v.strip() else None for v in row)
    except csv.Error as exc:
        raise ValidationError(
            f"文件“{name}”不是有效的 CSV / file {name!r} is not valid CSV ({exc})"
        ) from None
