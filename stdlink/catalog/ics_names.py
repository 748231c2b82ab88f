"""Chinese names of the ICS fields and groups (levels 1–2), built-in data.

Source: ``stdlink/catalog/data/ics_zh.csv`` — the 40 fields and 401 groups of ICS edition 7
(the codes of ../shared/data/reference/ics/ics_ed7.csv), named in the wording of the Chinese
edition of the ICS (《国际标准分类法》, SAC / Standards Press of China), e.g. 01 综合、术语学、
标准化、文献; 13 环境和保健、安全; 97 家用和商用设备、文娱、体育. Groups added in edition 7
(25.030 增材制造, 27.075 氢能技术, 35.210 云计算 ...) follow the same style. ICS itself
belongs to ISO; the ICS table is imported from the reference data, these names fill its empty
``name_zh`` (a name entered by hand is never overwritten).
"""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "ics_zh.csv"


@cache
def names() -> dict[str, str]:
    """code → Chinese name, for every ICS field and group."""
    with DATA.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: row["name_zh"] for row in csv.DictReader(fh)}


def apply() -> int:
    """Fill the empty Chinese names of stored ICS codes; returns how many rows changed."""
    from stdlink.catalog.models import ICS

    table = names()
    todo = list(ICS.objects.filter(code__in=table.keys(), name_zh=""))
    for obj in todo:
        obj.name_zh = table[obj.code]
    ICS.objects.bulk_update(todo, ["name_zh"], batch_size=500)
    return len(todo)
