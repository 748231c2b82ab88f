"""ICS, CCS and Chinese official list (NMPA) importers on the real reference files."""

from __future__ import annotations

import json

import pytest

from stdlink.catalog.importers.base import ImportFailed
from stdlink.catalog.importers.ccs import import_ccs
from stdlink.catalog.importers.cn_list import clean, import_cn_list
from stdlink.catalog.importers.ics import import_ics
from stdlink.catalog.models import CCS, ICS, Body, CodeFamily, ImportBatch, Relation, Standard
from stdlink.cli import main as stdlink_main


@pytest.fixture
def ref(shared_data):
    return shared_data / "reference"


@pytest.fixture
def nmpa(ref):
    return ref / "cn-standards" / "nmpa_medical_device_standards.json"


# --- ICS ------------------------------------------------------------------------------------


def test_ics_table(db, ref):
    b = import_ics(ref / "ics" / "ics_ed7.csv")
    assert (b.read, b.created_count, b.errors) == (1381, 1381, [])
    assert ICS.objects.count() == 1381
    assert {lv: ICS.objects.filter(level=lv).count() for lv in (1, 2, 3)} == {1: 40, 2: 401, 3: 940}
    leaf = ICS.objects.get(code="03.120.10")
    assert leaf.parent.code == "03.120" and leaf.parent.parent.code == "03"
    assert leaf.name_en == "Quality management and quality assurance"
    assert ICS.objects.get(code="01.020").notes == "Including terminography"
    again = import_ics(ref / "ics" / "ics_ed7.csv")
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 1381)


def test_ics_takes_over_codes_first_seen_in_records(db, ref):
    ICS.objects.create(code="03.120.10", level=3, name_en="from a record", from_record=True)
    b = import_ics(ref / "ics" / "ics_ed7.csv")
    assert (b.created_count, b.updated_count) == (1380, 1)
    row = ICS.objects.get(code="03.120.10")
    assert not row.from_record and row.name_en == "Quality management and quality assurance"


def test_ics_bad_row_rolls_back(db, ref, tmp_path, row_counts):
    lines = (ref / "ics" / "ics_ed7.csv").read_text(encoding="utf-8").splitlines()
    lines[11] = "1.2.3,2,Broken,,"  # data row 10
    bad = tmp_path / "ics.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = row_counts()
    with pytest.raises(ImportFailed) as info:
        import_ics(bad)
    e = info.value.errors[0]
    assert (e["record"], e["field"]) == (10, "code") and "ics.csv" in e["file"]
    assert row_counts() == before
    b = import_ics(bad, skip_invalid=True)
    assert b.created_count == 1380 and [x["record"] for x in b.errors] == [10]


def test_ics_wrong_encoding(db, tmp_path, row_counts):
    bad = tmp_path / "ics.csv"
    bad.write_bytes("code,level,description\n01,1,Généralités\n".encode("latin-1"))
    before = row_counts()
    with pytest.raises(ImportFailed) as info:
        import_ics(bad)
    assert info.value.errors[0]["field"] == "(encoding)"
    assert row_counts() == before


# --- CCS ------------------------------------------------------------------------------------


def test_ccs_tables(db, ref):
    b = import_ccs([ref / "ccs"])
    assert b.errors == []
    assert {lv: CCS.objects.filter(level=lv).count() for lv in (1, 2, 3)} == {
        1: 24,
        2: 225,
        3: 1608,
    }
    a00 = CCS.objects.get(code="A00")
    # level 3 has two columns named "代码 / Code": the second is the parent, read by position
    assert a00.name_zh == "标准化、质量管理" and a00.parent.code == "A00/09"
    assert a00.parent.parent.code == "A" and a00.parent.parent.name_zh == "综合"
    assert a00.name_en.startswith("Standardization")
    # the BOM is not part of the first code
    assert CCS.objects.filter(code="A").exists()
    # upstream typo FF2 (for K22) kept as given, with a warning
    ff2 = CCS.objects.get(code="FF2")
    assert ff2.parent.code == "K20/29" and ff2.name_zh == "异步电机"
    assert any(w["field"].startswith("code") for w in b.warnings)
    again = import_ccs([ref / "ccs"])
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 1857)


def test_ccs_cli(db, ref, capsys):
    files = [str(ref / "ccs" / f"cat-level{n}.csv") for n in (1, 2, 3)]
    assert stdlink_main(["import", "ccs", *files, "--no-progress"]) == 0
    assert "1,857" in capsys.readouterr().out
    assert CCS.objects.count() == 1857


# --- cn-list (NMPA) -------------------------------------------------------------------------


def test_nmpa_list(db, nmpa):
    b = import_cn_list(nmpa)
    assert (b.read, b.created_count, b.errors) == (2141, 2141, [])
    assert Standard.objects.filter(source="nmpa").count() == 2141
    rows = json.loads(nmpa.read_text(encoding="utf-8"))
    named = [r for r in rows if "replaces" in r]
    targets = [r for r in named if r["replaces"].strip()]
    assert len(named) == 46
    rels = Relation.objects.filter(source__source="nmpa")
    assert rels.count() == len(targets) == 26
    assert set(rels.values_list("type", "raw_type")) == {("replaces", "replaces")}
    s = Standard.objects.get(identifier="YY 0055-2026")
    assert (s.status, s.stage, s.nature) == ("upcoming", "即将实施", "mandatory")
    assert s.body.code == "YY" and s.body.country == "CN" and not s.body.builtin
    assert CodeFamily.objects.get(code="YY/T").body == s.body
    r = s.relations_out.get()
    assert (r.target_identifier, r.raw_description) == ("YY 0055-2018", "修订")
    gbt = Standard.objects.get(identifier="GB/T 42061-2022")
    assert (gbt.body.code, gbt.nature, gbt.status) == ("SAC", "recommended", "current")
    assert {d.type: d.raw for d in gbt.dates.all()} == {
        "published": "2022-10-14",
        "implemented": "2023-11-01",
    }
    assert gbt.extra["category"] == ["通用技术领域", "医疗器械质量", "医疗器械质量"]
    assert Standard.objects.get(identifier="GB/Z 130-2025").nature == "guidance"
    # double / full-width spaces cleaned, raw kept
    spaced = Standard.objects.filter(source="nmpa", extra__has_key="title_zh_raw")
    assert spaced.count() >= 39
    one = spaced.first()
    assert "\u3000" not in one.title_zh and "  " not in one.title_zh
    assert clean(one.extra["title_zh_raw"]) == one.title_zh
    assert "\u3000" in one.source_records.get().text() or "  " in one.source_records.get().text()
    # "与GB9706.1-2020同步实施": no date, the raw text kept
    sync = Standard.objects.filter(extra__implemented_with="GB9706.1-2020")
    assert sync.count() == 3
    assert sync.first().dates.get(type="implemented").value is None
    again = import_cn_list(nmpa)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 2141)
    assert Relation.objects.filter(source__source="nmpa").count() == 26


def test_nmpa_malformed(db, nmpa, tmp_path, row_counts):
    rows = json.loads(nmpa.read_text(encoding="utf-8"))[:20]
    rows[4]["approval_date"] = "2022-13-45"
    rows[7]["number"] = 42
    bad = tmp_path / "nmpa_bad.json"
    bad.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    before = row_counts()
    with pytest.raises(ImportFailed) as info:
        import_cn_list(bad)
    errs = [(e["record"], e["field"]) for e in info.value.errors]
    assert errs == [(4, "approval_date"), (7, "number")]
    assert "nmpa_bad.json" in info.value.message and "approval_date" in info.value.message
    assert row_counts() == before
    b = import_cn_list(bad, skip_invalid=True)
    assert b.created_count == 18 and b.skipped_count == 2
    (tmp_path / "trunc.json").write_text(bad.read_text(encoding="utf-8")[:500])
    with pytest.raises(ImportFailed) as info:
        import_cn_list(tmp_path / "trunc.json")
    assert info.value.errors[0]["field"] == "(json)"
    assert ImportBatch.objects.filter(state="failed").count() == 2


def test_cn_list_cli(db, nmpa, capsys):
    assert stdlink_main(["import", "cn-list", str(nmpa), "--limit", "50", "--no-progress"]) == 0
    assert "50" in capsys.readouterr().out
    assert Standard.objects.filter(source="nmpa").count() == 50
    assert Body.objects.filter(code="SAC").exists()
