"""Chinese official standard lists: `import_cn_list(path)`.

Formats: the JSON array below, and CSV/XLSX lists with the national platform's column names
(标准号, 中文标准名称, 英文标准名称, 发布日期, 实施日期, 标准状态, 代替标准号, 采用国际标准号, 采标名称,
采用程度, 国际标准分类号, 中国标准分类号 …; see ``COLUMNS``). An adoption (采用国际标准号 with
采用程度 IDT/MOD/NEQ) becomes a Relation ``adopts`` with its degree; several adopted documents are
separated by ``;`` or ``,``.

Tested on the NMPA medical-device list (../shared/data/reference/cn-standards/
nmpa_medical_device_standards.json: GB, GB/T, GB/Z, YY, YY/T). A JSON array of objects with
`number`, `title_zh`, `approval_date`, `effective_date`, `status_zh` (现行 / 即将实施 / 废止 /
被代替), optional `replaces` and `revision_kind`, and category columns `dir_name`, `l1`, `l2`.

- body: the code family's body (GB → SAC); for a sector family without one (YY) a Body named by
  the family prefix is created (kind sector, country CN, name = the issuing administration) and
  linked to the family;
- nature from the code family (GB mandatory, GB/T recommended, GB/Z guidance, YY/T recommended);
- status 现行 → current, 即将实施 → upcoming, 废止 → withdrawn, 被代替 → replaced;
- `replaces` → a Relation `replaces` (raw type `replaces`, raw description the revision kind);
- titles: double and full-width spaces collapsed; the raw item is kept in its SourceRecord
  (format `cn-list-json`), so nothing is lost;
- source name: the file stem's first token (`nmpa`), locator `<file name>#<id>`.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from pathlib import Path

from stdlink.catalog.importers.base import BatchRunner, ImportFailed, Writer, content_hash
from stdlink.catalog.importers.keys import identifier_keys
from stdlink.catalog.importers.record import Record, RelationRow
from stdlink.catalog.importers.tables import read_text

__all__ = ["ImportFailed", "import_cn_list"]

FORMAT = "cn-list-json"
STATUS = {
    "现行": "current",
    "即将实施": "upcoming",
    "废止": "withdrawn",
    "被代替": "replaced",
    "active": "current",
    "upcoming": "upcoming",
    "withdrawn": "withdrawn",
    "replaced": "replaced",
}
KNOWN = frozenset(
    "seq dir_name l1 l2 number title_zh title_en approval_date effective_date "
    "status_zh status id source_url source_note replaces revision_kind ics ccs "
    "withdrawn_date adopted adopted_title adoption_degree nature_zh".split()
)
# Official column names (national standards platform and openstd lists) → item keys.
COLUMNS = {
    "标准号": "number",
    "标准编号": "number",
    "中文标准名称": "title_zh",
    "标准名称": "title_zh",
    "标准中文名称": "title_zh",
    "英文标准名称": "title_en",
    "标准英文名称": "title_en",
    "发布日期": "approval_date",
    "实施日期": "effective_date",
    "标准状态": "status_zh",
    "状态": "status_zh",
    "代替标准号": "replaces",
    "代替标准": "replaces",
    "废止时间": "withdrawn_date",
    "废止日期": "withdrawn_date",
    "采用国际标准号": "adopted",
    "采用国际标准": "adopted",
    "采标名称": "adopted_title",
    "采用程度": "adoption_degree",
    "采标程度": "adoption_degree",
    "国际标准分类号": "ics",
    "ICS": "ics",
    "中国标准分类号": "ccs",
    "CCS": "ccs",
    "类别": "nature_zh",
    "标准性质": "nature_zh",
    "序号": "seq",
}
DEGREES = {
    "IDT": "IDT",
    "MOD": "MOD",
    "NEQ": "NEQ",
    "EQV": "MOD",
    "等同": "IDT",
    "修改": "MOD",
    "非等效": "NEQ",
}
_SPACES = re.compile(r"[\s\u3000]+")
_FAMILY = re.compile(r"^(T/|Q/|[A-Z]+\d*(?:/[TZ])?(?=[\s\d]))")
WRITE_CHUNK = 1000


class _Invalid(Exception):
    def __init__(self, field: str, message: str):
        self.field, self.message = field, message


def clean(text: str) -> str:
    """Collapse runs of spaces, full-width spaces included, into one ASCII space."""
    return _SPACES.sub(" ", text).strip()


def _text(item: dict, name: str, required: bool = False) -> str:
    v = item.get(name)
    if v is None or v == "":
        if required:
            raise _Invalid(name, "missing / 缺少该字段")
        return ""
    if not isinstance(v, str):
        raise _Invalid(name, f"expected text, got {type(v).__name__} / 应为文本")
    return v


_SYNC = re.compile(r"^与\s*(\S+?)\s*同步实施$")


def _date(item: dict, name: str, *, allow_sync: bool = False) -> tuple[dt.date | None, str]:
    """(date, raw). With `allow_sync`, "与GB9706.1-2020同步实施" (in force together with another
    standard) is kept as raw text without a date."""
    raw = _text(item, name).strip()
    if not raw:
        return None, ""
    try:
        return dt.date.fromisoformat(raw), raw
    except ValueError:
        if allow_sync and _SYNC.match(raw):
            return None, raw[:32]
        raise _Invalid(name, f"not a date YYYY-MM-DD / 日期格式错误: {raw!r}") from None


def map_item(item, *, index: int, locator: str, source: str, families: dict) -> Record:
    if not isinstance(item, dict):
        raise _Invalid("(record)", f"expected an object, got {type(item).__name__}")
    raw_bytes = json.dumps(item, ensure_ascii=False, indent=1).encode("utf-8")
    number = clean(_text(item, "number", required=True))
    title_raw = _text(item, "title_zh", required=True)
    title = clean(title_raw)
    status_raw = _text(item, "status_zh") or _text(item, "status")
    status = STATUS.get(status_raw.strip(), "")
    if status_raw and not status:
        raise _Invalid("status_zh", f"unknown status / 未知状态: {status_raw!r}")
    published, pub_raw = _date(item, "approval_date")
    implemented, impl_raw = _date(item, "effective_date", allow_sync=True)
    ident, key, work_key, _pub, _body, parsed, fb = identifier_keys(number)
    m = _FAMILY.match(number)
    fam = m[1] if m else ""
    family = families.get(fam)
    warnings = []
    if fb:
        warnings.append(("number", f"pubid cannot parse {number!r}: key by fallback"))
    if family is None:
        warnings.append(("number", f"unknown code family {fam!r} / 未知标准代号"))
    extra = {"category": [x for x in (item.get("dir_name"), item.get("l1"), item.get("l2")) if x]}
    for k in ("id", "seq", "source_url", "source_note", "revision_kind"):
        if item.get(k) not in (None, ""):
            extra[k] = item[k]
    if title != title_raw:
        extra["title_zh_raw"] = title_raw
    unknown = [k for k in item if k not in KNOWN]
    if unknown:
        extra["unknown_fields"] = {k: item[k] for k in unknown}
        warnings.extend((k, "unknown field kept in extra.unknown_fields") for k in unknown)
    dates = []
    if published:
        dates.append(("published", published, pub_raw))
    if impl_raw:
        dates.append(("implemented", implemented, impl_raw))
        if implemented is None:
            m = _SYNC.match(impl_raw)
            extra["implemented_with"] = m[1] if m else impl_raw
    relations = []
    fallbacks = int(fb)
    target = clean(_text(item, "replaces"))
    if target:
        for t in (x.strip() for x in re.split(r"[,，;；、]", target) if x.strip()):
            _i, t_key, *_rest, t_fb = identifier_keys(t)
            fallbacks += int(t_fb)
            relations.append(
                RelationRow(
                    "replaces", t[:255], t_key[:255], "replaces", _text(item, "revision_kind")[:255]
                )
            )
    relations.extend(_adoptions(item))
    for k in ("ics", "ccs", "nature_zh", "withdrawn_date"):
        if isinstance(item.get(k), str) and item[k].strip():
            extra[k] = item[k].strip()
    year = getattr(parsed, "year", None) if parsed is not None else None
    year = (
        int(year)
        if isinstance(year, (int, str)) and str(year).isdigit()
        else (published.year if published else None)
    )
    return Record(
        index=index,
        locator=locator[:255],
        raw=zlib.compress(raw_bytes, 6),
        content_hash=content_hash(raw_bytes),
        format=FORMAT,
        uid=key[:255],
        identifier=ident[:255],
        key=key[:255],
        work_key=work_key[:255],
        publisher=family["body"] if family else "",
        doctype="standard",
        title_zh=title,
        status=status or "unknown",
        stage=status_raw[:64],
        published=published,
        year=year,
        nature=family["nature"] if family else "",
        languages=["zh"],
        extra=extra,
        titles=[("zh", "Hans", "main", title)],
        dates=dates,
        relations=relations,
        warnings=warnings,
        key_fallbacks=fallbacks,
        links=[{"type": "src", "url": item["source_url"]}]
        if isinstance(item.get("source_url"), str) and item["source_url"]
        else [],
    )


def _adoptions(item: dict) -> list[RelationRow]:
    """采用国际标准号 (+ 采用程度) → `adopts` relations with their degree."""
    adopted = clean(_text(item, "adopted"))
    if not adopted or adopted in ("-", "—", "无"):
        return []
    degree_raw = clean(_text(item, "adoption_degree")).upper()
    degree = DEGREES.get(degree_raw, "")
    if degree_raw and not degree:
        raise _Invalid(
            "adoption_degree", f"unknown degree / 未知采用程度: {degree_raw!r} (IDT, MOD, NEQ)"
        )
    out = []
    for target in (x.strip() for x in re.split(r"[;；,，]\s*(?=[A-Z])", adopted) if x.strip()):
        _i, t_key, *_rest, _fb = identifier_keys(target)
        out.append(
            RelationRow(
                "adopts",
                target[:255],
                t_key[:255],
                "采用国际标准",
                degree_raw[:255],
                degree=degree,
            )
        )
    return out


def read_table(path: Path, data: bytes) -> list[dict]:
    """Rows of a CSV/XLSX list as item dicts (official column names mapped by ``COLUMNS``).
    Both are read through core.uploads (inflation check and row/column limits for .xlsx;
    encoding UTF-8 or GB18030, delimiter and the same limits for .csv)."""
    from django.core.exceptions import ValidationError

    from stdlink.core.uploads import check_archive, iter_csv_rows, iter_xlsx_rows

    try:
        if path.suffix.lower() == ".xlsx":
            with path.open("rb") as fh:
                check_archive(fh, path.name)
                rows = [list(r) for r in iter_xlsx_rows(fh, path.name)]
        else:
            rows = [list(r) for r in iter_csv_rows(data, path.name)]
    except ValidationError as exc:
        raise _Invalid("(file)", " ".join(exc.messages)) from None
    if not rows:
        return []
    header = [str(h or "").strip() for h in rows[0]]
    keys = [COLUMNS.get(h, COLUMNS.get(h.upper(), "")) for h in header]
    if "number" not in keys:
        raise _Invalid(
            "标准号", "no 标准号 column / 缺少“标准号”列: " + ", ".join(h for h in header if h)
        )
    items = []
    for row in rows[1:]:
        item = {}
        for k, h, v in zip(keys, header, row, strict=False):
            if v is None or str(v).strip() == "":
                continue
            if isinstance(v, dt.datetime):
                v = v.date().isoformat()
            elif isinstance(v, dt.date):
                v = v.isoformat()
            item[k or h] = str(v).strip()
        if item:
            items.append(item)
    return items


def _families(writer: Writer) -> dict:
    """code family → {nature, body code}; sector families without a body get one."""
    from stdlink.catalog.models import CodeFamily

    out = {}
    for fam in CodeFamily.objects.select_related("body"):
        out[fam.code] = {
            "nature": fam.nature,
            "body": fam.body.code if fam.body else "",
            "obj": fam,
        }
    return out


def _ensure_body(writer: Writer, family: dict) -> str:
    from stdlink.catalog.models import Body, CodeFamily

    if family["body"]:
        return family["body"]
    fam = family["obj"]
    code = fam.code.removesuffix("/T").removesuffix("/Z").rstrip("/")  # YY, DB33, T, Q
    kind = {
        "sector": Body.Kind.SECTOR,
        "local": Body.Kind.LOCAL,
        "social-group": Body.Kind.GROUP,
        "enterprise": Body.Kind.ENTERPRISE,
    }.get(fam.scope, Body.Kind.NATIONAL)
    body = writer.bodies.get(code) or writer._create_body(  # noqa: SLF001 - same package
        code,
        "SAC",
        kind=kind,
        country="CN",
        name_zh=fam.issuer_zh or fam.name_zh or code,
        name_en=f"{code} ({fam.scope} standards)",
    )
    CodeFamily.objects.filter(code__in=[code, f"{code}/T", f"{code}/Z"], body__isnull=True).update(
        body=body
    )
    family["body"] = body.code
    return body.code


def import_cn_list(
    path: Path | str,
    *,
    skip_invalid: bool = False,
    limit: int | None = None,
    progress: bool = False,
    acting_user=None,
):
    from stdlink.catalog.models import SourceRecord
    from stdlink.clitools import progress as bar

    path = Path(path)
    label = str(path)
    source = path.name.split(".")[0].split("_")[0].lower()[:32] or "cn-list"
    runner = BatchRunner(
        "cn-list", [label], skip_invalid=skip_invalid, acting_user=acting_user, progress=progress
    )

    def body(run: BatchRunner, writer: Writer) -> None:
        if path.suffix.lower() in (".csv", ".xlsx"):
            try:
                items = read_table(path, path.read_bytes())
            except _Invalid as exc:
                run.skip_invalid = False
                run.error(label, None, exc.field, exc.message)
                return
            except Exception as exc:  # noqa: BLE001 — a damaged spreadsheet is located, not a crash
                run.skip_invalid = False
                run.error(label, None, "(file)", f"{type(exc).__name__}: {exc}")
                return
            text = None
        else:
            text = read_text(path, run, label)
            if text is None:
                run.skip_invalid = False
                return
        try:
            items = json.loads(text) if text is not None else items
        except json.JSONDecodeError as exc:
            run.skip_invalid = False
            run.error(
                label,
                None,
                "(json)",
                f"invalid JSON at line {exc.lineno}, column {exc.colno} / JSON 格式错误: {exc.msg}",
            )
            return
        if isinstance(items, dict):  # {"items": [...]} envelopes
            items = next((v for v in items.values() if isinstance(v, list)), None)
        if not isinstance(items, list):
            run.skip_invalid = False
            run.error(label, None, "(json)", "expected a list of records / 应为记录列表")
            return
        families = _families(writer)
        known = dict(
            SourceRecord.objects.filter(source=source).values_list("locator", "content_hash")
        )
        buf: list[Record] = []
        rows = items[:limit] if limit is not None else items
        for i, item in enumerate(bar(rows, desc=source, enabled=None if progress else False)):
            run.read += 1
            ident = item.get("id") if isinstance(item, dict) else None
            locator = f"{path.name}#{ident if isinstance(ident, str) and ident else i}"
            try:
                rec = map_item(item, index=i, locator=locator, source=source, families=families)
            except _Invalid as exc:
                run.error(label, i, exc.field, exc.message, locator)
                continue
            if known.get(rec.locator) == rec.content_hash:
                run.unchanged += 1
                continue
            fam = _FAMILY.match(rec.identifier)
            family = families.get(fam[1]) if fam else None
            if family is not None:
                rec.publisher = _ensure_body(writer, family)
            buf.append(rec)
            if len(buf) >= WRITE_CHUNK and not run.failed:
                writer.write(buf, source, file=label)
                buf = []
        if buf and not run.failed:
            writer.write(buf, source, file=label)
        run.bump("read", run.read, source)

    return runner.run(body)
