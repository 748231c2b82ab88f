"""County-level divisions: a CSV (code,name_zh,name_en,parent_code) validated as a whole and loaded
in one transaction; re-running it changes nothing. The built-in list is data/zhejiang_counties.csv
(the 90 county-level divisions of Zhejiang, GB/T 2260)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

BUILTIN_CSV = Path(__file__).parent / "data" / "zhejiang_counties.csv"
HEADER = ["code", "name_zh", "name_en", "parent_code"]
CODE = re.compile(r"^\d{6}$")


class CountyImportError(Exception):
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class CountyImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0


def read_rows(text: str, name: str) -> list[dict]:
    """Parse and validate; raise CountyImportError listing every located problem."""
    from stdlink.core.models import Region

    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    rows = list(reader)
    if not rows or [h.strip() for h in rows[0]] != HEADER:
        got = ",".join(rows[0]) if rows else ""
        raise CountyImportError(
            [
                f"文件 / file {name}, 第 1 行 / row 1: 表头应为 / header must be "
                f"{','.join(HEADER)} (got {got!r})"
            ]
        )
    cities = {r.code: r for r in Region.objects.filter(level__in=["city"])}
    errors: list[str] = []
    seen: set[str] = set()
    out: list[dict] = []
    for lineno, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        where = f"文件 / file {name}, 第 {lineno} 行 / row {lineno}"
        if len(row) != 4:
            errors.append(f"{where}: 应有 4 列 / expected 4 columns, got {len(row)}")
            continue
        code, zh, en, parent = (c.strip() for c in row)
        if not CODE.match(code):
            errors.append(f"{where}, code: 代码应为 6 位数字 / code must be 6 digits ({code!r})")
            continue
        if code in seen:
            errors.append(f"{where}, code: 代码重复 / duplicate code {code}")
        seen.add(code)
        if not zh:
            errors.append(f"{where}, name_zh: 中文名称为空 / Chinese name is empty")
        if parent not in cities:
            errors.append(f"{where}, parent_code: 未知的设区市 / unknown city {parent!r}")
        elif code[:4] != parent[:4] or code == parent:
            errors.append(f"{where}, code: 代码 {code} 不属于 / does not belong to {parent}")
        out.append({"code": code, "name_zh": zh, "name_en": en, "parent": cities.get(parent)})
    if errors:
        raise CountyImportError(errors)
    return out


def import_counties(text: str, name: str = "counties.csv") -> CountyImportResult:
    from stdlink.core.models import Region

    rows = read_rows(text, name)
    result = CountyImportResult()
    with transaction.atomic():
        existing = {r.code: r for r in Region.objects.filter(code__in=[r["code"] for r in rows])}
        for row in rows:
            region = existing.get(row["code"])
            if region is None:
                Region.objects.create(
                    code=row["code"],
                    name_zh=row["name_zh"],
                    name_en=row["name_en"],
                    level="county",
                    parent=row["parent"],
                )
                result.created += 1
            elif (region.name_zh, region.name_en, region.parent_id, region.level) != (
                row["name_zh"],
                row["name_en"],
                row["parent"].pk,
                "county",
            ):
                region.name_zh, region.name_en = row["name_zh"], row["name_en"]
                region.parent, region.level = row["parent"], "county"
                region.save()
                result.updated += 1
            else:
                result.unchanged += 1
    return result


def load_builtin() -> CountyImportResult:
    return import_counties(BUILTIN_CSV.read_text(encoding="utf-8"), BUILTIN_CSV.name)
