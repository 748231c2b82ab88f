"""ICS table importer: `import_ics(path)` reads a CSV with the columns `code, level, description,
descriptionFull, notes` (metanorma/iso-ics-codes flattened, ../shared/data/reference/ics/) and
upserts `ICS` rows on `code` (idempotent; rows first met in records are taken over)."""

from __future__ import annotations

import re
from pathlib import Path

from stdlink.catalog.importers.base import BatchRunner, ImportFailed, Writer
from stdlink.catalog.importers.tables import read_csv, upsert_codes

__all__ = ["ImportFailed", "import_ics"]

_CODE = re.compile(r"^\d{2}(\.\d{3}(\.\d{2})?)?$")
REQUIRED = ("code", "level", "description")


def import_ics(
    path: Path | str,
    *,
    skip_invalid: bool = False,
    limit: int | None = None,
    progress: bool = False,
    acting_user=None,
):
    from stdlink.catalog.models import ICS
    from stdlink.clitools import progress as bar

    path = Path(path)
    label = str(path)
    runner = BatchRunner(
        "ics",
        [label],
        skip_invalid=skip_invalid,
        acting_user=acting_user,
        progress=progress,
        resolve=False,
    )

    def body(run: BatchRunner, writer: Writer) -> None:
        header, data = read_csv(path, run, label)
        if not header:
            run.skip_invalid = False
            return
        low = [h.lower() for h in header]
        missing = [c for c in REQUIRED if c not in low]
        if missing:
            run.skip_invalid = False
            run.error(label, None, "(header)", f"缺少列 / missing columns: {', '.join(missing)}")
            return
        col = {c: low.index(c) for c in ("code", "level", "description", "notes") if c in low}
        rows = []
        for i, r in enumerate(
            bar(data[:limit] if limit else data, desc="ics", enabled=None if progress else False)
        ):
            run.read += 1

            def cell(c, r=r):
                return r[col[c]].strip() if c in col and col[c] < len(r) else ""

            code, level = cell("code"), cell("level")
            if not _CODE.match(code):
                run.error(label, i, "code", f"不是 ICS 代码 / not an ICS code: {code!r}")
                continue
            depth = code.count(".") + 1
            if level != str(depth):
                run.error(
                    label,
                    i,
                    "level",
                    f"level {level!r} does not match code {code} "
                    f"(expected {depth}) / 层级与代码不符",
                )
                continue
            name = cell("description")
            if not name:
                run.error(label, i, "description", "empty / 名称为空")
                continue
            rows.append(
                {
                    "code": code,
                    "level": depth,
                    "parent": code.rsplit(".", 1)[0] if depth > 1 else "",
                    "name_en": name[:400],
                    "notes": cell("notes"),
                }
            )
        if not run.failed:
            # name_zh is not in the ICS table: Chinese names entered by hand are kept, and the
            # built-in names of the fields and groups (catalog/ics_names.py) fill the empty ones.
            upsert_codes(ICS, rows, run, writer, fields=("level", "name_en", "notes"))
            from stdlink.catalog import ics_names

            ics_names.apply()

    return runner.run(body)
