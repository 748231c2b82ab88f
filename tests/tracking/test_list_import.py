"""`stdlink import cn-list` reads CSV lists with the national platform's columns, adoptions included;
catalogue relations become adoptions; malformed lists store nothing."""

from __future__ import annotations

import csv
import json

import pytest

from stdlink.catalog.importers.cn_list import import_cn_list
from stdlink.catalog.models import Relation, Standard

HEADER = [
    "标准号",
    "中文标准名称",
    "发布日期",
    "实施日期",
    "标准状态",
    "采用国际标准号",
    "采用程度",
]


def _dev_rows(shared_data):
    nmpa = {
        i["number"]: i
        for i in json.loads(
            (shared_data / "reference/cn-standards/nmpa_medical_device_standards.json").read_text()
        )
    }
    pairs = [
        json.loads(line) for line in (shared_data / "adoption-dev/nmpa_adoptions_dev.jsonl").open()
    ]
    rows = []
    for p in pairs:
        item = nmpa.get(p["cn"])
        if item is None:
            continue
        rows.append(
            [
                p["cn"],
                item["title_zh"],
                item.get("approval_date", ""),
                item.get("effective_date", "")
                if item.get("effective_date", "")[:1].isdigit()
                else "",
                item["status_zh"],
                p["intl"] or "",
                p["degree"] or "",
            ]
        )
    return pairs, rows


@pytest.mark.django_db(transaction=True)
def test_csv_list_with_adoptions(tmp_path, shared_data):
    from stdlink.tracking.models import Adoption
    from stdlink.tracking.services import sync_catalogue_relations

    pairs, rows = _dev_rows(shared_data)
    path = tmp_path / "platform_list.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HEADER)
        w.writerows(rows)
    batch = import_cn_list(path)
    assert batch.state == "succeeded", batch.errors
    adopts = Relation.objects.filter(type="adopts", source__identifier__in=[r[0] for r in rows])
    with_intl = [r for r in rows if r[5]]
    assert adopts.count() == len(with_intl)
    sync_catalogue_relations()
    got = {(a.domestic.identifier, a.degree) for a in Adoption.objects.select_related("domestic")}
    want = {(p["cn"], p["degree"]) for p in pairs if p["intl"] and p["cn"] in {r[0] for r in rows}}
    assert want <= got
    # idempotent: the same list again changes nothing
    again = import_cn_list(path)
    assert again.created_count == 0 and again.updated_count == 0


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("content", "field"),
    [
        ("名称,日期\nA,B\n", "标准号"),
        (
            "标准号,中文标准名称,采用国际标准号,采用程度\nGB/T 1-2020,测试,ISO 1:2019,XYZ\n",
            "adoption_degree",
        ),
    ],
)
def test_malformed_list_stores_nothing(tmp_path, content, field):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    from stdlink.catalog.importers.base import ImportFailed

    before = Standard.objects.count()
    with pytest.raises(ImportFailed) as exc:
        import_cn_list(path)
    assert any(field in (e.get("field") or "") for e in exc.value.errors), exc.value.errors
    assert "bad.csv" in str(exc.value)
    assert Standard.objects.count() == before


@pytest.mark.django_db(transaction=True)
def test_gb18030_semicolon_list_reads_like_the_utf8_one(tmp_path, shared_data):
    """A list saved by Excel/WPS on a Chinese system (GB18030, ";" where the decimal separator is
    a comma) reads through core.uploads like the UTF-8 comma list."""
    _pairs, rows = _dev_rows(shared_data)
    path = tmp_path / "wps_list.csv"
    with path.open("w", encoding="gb18030", newline="") as fh:
        w = csv.writer(fh, delimiter=";")
        w.writerow(HEADER)
        w.writerows(rows[:20])
    batch = import_cn_list(path)
    assert batch.state == "succeeded", batch.errors
    first = Standard.objects.get(identifier=rows[0][0])
    assert first.title_zh == rows[0][1]


@pytest.mark.django_db(transaction=True)
def test_list_over_the_row_limit_is_refused_by_name(tmp_path, settings):
    from stdlink.catalog.importers.base import ImportFailed

    settings.STDLINK_XLSX_MAX_ROWS = 5
    path = tmp_path / "long.csv"
    lines = ["标准号,中文标准名称"] + [f"GB/T {n}-2020,测试{n}" for n in range(1, 10)]
    path.write_text("\n".join(lines), encoding="utf-8")
    before = Standard.objects.count()
    with pytest.raises(ImportFailed) as exc:
        import_cn_list(path)
    assert "long.csv" in str(exc.value) and "5" in str(exc.value)
    assert exc.value.errors[0]["field"] == "(file)"
    assert Standard.objects.count() == before
