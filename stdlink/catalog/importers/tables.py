"""Shared code of the classification-table importers (ICS, CCS): strict reading of a CSV file and
an upsert of code rows that counts created / updated / unchanged and links parents by code."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from stdlink.catalog.importers.base import BatchRunner, Writer


def read_text(path: Path, run: BatchRunner, label: str) -> str | None:
    """The file as UTF-8 text (a BOM is dropped); a located error and None when it is not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        run.error(label, None, "(file)", f"无法读取 / cannot read: {exc}")
        return None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        run.error(label, None, "(encoding)", "UTF-16 text: expected UTF-8 / 应为 UTF-8 编码")
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        run.error(
            label,
            None,
            "(encoding)",
            f"not UTF-8 text / 非 UTF-8 编码: byte 0x{data[exc.start]:02x} at line {line}",
        )
        return None


def read_csv(path: Path, run: BatchRunner, label: str) -> tuple[list[str], list[list[str]]]:
    """(header, data rows); ([], []) after reporting an error. Rows are read by position."""
    text = read_text(path, run, label)
    if text is None:
        return [], []
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        run.error(label, None, "(csv)", f"invalid CSV / CSV 格式错误: {exc}")
        return [], []
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        run.error(label, None, "(file)", "empty file / 空文件")
        return [], []
    return [c.strip() for c in rows[0]], rows[1:]


def upsert_codes(
    model,
    rows: list[dict],
    run: BatchRunner,
    writer: Writer,
    fields: tuple[str, ...] = ("level", "name_en", "name_zh", "notes"),
) -> None:
    """Upsert classification rows {code, level, parent, name_en, name_zh, notes} on `code`.

    Rows first seen in catalogue records (`from_record=True`) are taken over by the table.
    Parents are linked by code after all rows are in, so file order does not matter."""
    existing = {o.code: o for o in model.objects.all()}
    new, changed = [], []
    for row in rows:
        obj = existing.get(row["code"])
        if obj is None:
            obj = model(code=row["code"], from_record=False, **{f: row[f] for f in fields})
            new.append(obj)
            existing[obj.code] = obj
            continue
        diff = obj.from_record or any(getattr(obj, f) != row[f] for f in fields)
        if diff:
            for f in fields:
                setattr(obj, f, row[f])
            obj.from_record = False
            changed.append(obj)
        else:
            run.unchanged += 1
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(changed, [*fields, "from_record"], batch_size=500)
    writer.created += len(new)
    writer.updated += len(changed)
    ids = dict(model.objects.values_list("code", "id"))
    parents = []
    missing = 0
    touched = {o.code for o in new} | {o.code for o in changed}
    current = dict(model.objects.values_list("code", "parent_id"))
    for row in rows:
        pid = ids.get(row["parent"]) if row["parent"] else None
        if row["parent"] and pid is None:
            missing += 1
        if current.get(row["code"]) != pid:
            obj = existing[row["code"]]
            obj.id = ids[row["code"]]
            obj.parent_id = pid
            parents.append(obj)
            if row["code"] not in touched:  # only the parent link changed
                run.unchanged -= 1
                writer.updated += 1
    model.objects.bulk_update(parents, ["parent"], batch_size=500)
    if missing:
        run.warn(
            ",".join(run.files),
            None,
            "parent",
            f"{missing} 条记录的上级代码不在表中 / rows whose parent code is not in the "
            "table (import the other levels too)",
        )
