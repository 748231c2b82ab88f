"""CCS (中国标准文献分类法) importer: `import_ccs(paths)` reads the level CSVs of
metanorma/cn-ccs-codes (../shared/data/reference/ccs/cat-level1..3.csv, or their directory).

The files are UTF-8 with a BOM, and level 3 has two columns both named "代码 / Code" (the code
and its level-2 parent), so every file is read by position: code, Chinese name, English name,
then for levels 2 and 3: parent, Chinese notes, English notes. The level follows from the code:
`A` (category), `A00/09` (level-2 range), `A00` (level 3). Upserts on `code`, idempotent.
"""

from __future__ import annotations

import re
from pathlib import Path

from stdlink.catalog.importers.base import BatchRunner, ImportFailed, Writer
from stdlink.catalog.importers.tables import read_csv, upsert_codes

__all__ = ["ImportFailed", "import_ccs"]

_LEVELS = (
    (1, re.compile(r"^[A-Z]$")),
    (2, re.compile(r"^[A-Z]\d{2}/\d{2}$")),
    (3, re.compile(r"^[A-Z]\d{2}$")),
)


def _files(paths: list[Path | str]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        out.extend(sorted(p.glob("*.csv")) if p.is_dir() else [p])
    return out


def _level(code: str) -> int:
    for level, rx in _LEVELS:
        if rx.match(code):
            return level
    return 0


def import_ccs(
    paths: list[Path | str] | Path | str,
    *,
    skip_invalid: bool = False,
    limit: int | None = None,
    progress: bool = False,
    acting_user=None,
):
    from stdlink.catalog.models import CCS

    if isinstance(paths, (str, Path)):
        paths = [paths]
    files = _files(paths)
    runner = BatchRunner(
        "ccs",
        [str(f) for f in files] or [str(p) for p in paths],
        skip_invalid=skip_invalid,
        acting_user=acting_user,
        progress=progress,
        resolve=False,
    )

    def body(run: BatchRunner, writer: Writer) -> None:
        if not files:
            run.skip_invalid = False
            run.error(",".join(map(str, paths)), None, "(file)", "没有 CSV 文件 / no CSV files")
            return
        rows: list[dict] = []
        for f in files:
            label = str(f)
            header, data = read_csv(f, run, label)
            if not header:
                run.skip_invalid = False
                continue
            if not header[0].lower().endswith("code") and "代码" not in header[0]:
                run.skip_invalid = False
                run.error(
                    label,
                    None,
                    "(header)",
                    f"first column must be the code / 第一列应为代码, got {header[0]!r}",
                )
                continue
            for i, r in enumerate(data[:limit] if limit else data):
                run.read += 1
                r = [c.strip() for c in r] + [""] * (6 - len(r))
                code = r[0]
                level = _level(code)
                if (
                    not level
                    and re.match(r"^[A-Z0-9]{1,6}$", code)
                    and len(r) > 3
                    and _level(r[3]) == 2
                ):
                    # Upstream typo kept as given (level-3 row `FF2` under K20/29, where the
                    # table has no K22 异步电机): stored, with a warning.
                    level = 3
                    run.warn(
                        label,
                        i,
                        "code (column 1)",
                        f"不规范的 CCS 代码，按原样保存 / irregular CCS code kept as given: "
                        f"{code!r} under {r[3]}",
                    )
                if not level:
                    run.error(
                        label, i, "code (column 1)", f"不是 CCS 代码 / not a CCS code: {code!r}"
                    )
                    continue
                if not r[1]:
                    run.error(label, i, "名称 / Name (column 2)", "empty / 名称为空")
                    continue
                parent = "" if level == 1 else r[3]
                if level == 2 and not parent:
                    parent = code[0]
                if parent and _level(parent) != level - 1:
                    run.error(
                        label,
                        i,
                        "parent (column 4)",
                        f"上级代码 {parent!r} 不是第 {level - 1} 级 / parent {parent!r} is "
                        f"not a level-{level - 1} code",
                    )
                    continue
                notes = r[4] if level > 1 else ""
                if level > 1 and r[5]:
                    notes = f"{notes}\n{r[5]}".strip()
                rows.append(
                    {
                        "code": code,
                        "level": level,
                        "parent": parent,
                        "name_zh": r[1][:200],
                        "name_en": r[2][:400],
                        "notes": notes,
                    }
                )
        if not run.failed and rows:
            upsert_codes(CCS, rows, run, writer)

    return runner.run(body)
