"""Counties: the built-in list and `stdlink import counties FILE` (validated, atomic, idempotent)."""

from __future__ import annotations

import pytest

from stdlink.core.models import Region
from stdlink.programme.counties import CountyImportError, import_counties


def test_builtin_counties(db):
    counties = Region.objects.filter(level="county")
    assert counties.count() == 90
    xihu = Region.objects.get(code="330106")
    assert xihu.parent.code == "330100" and xihu.path == "330000/330100/330106/"
    assert Region.objects.get(code="330782").name_zh == "义乌市"
    per_city = {c.code: c.children.count() for c in Region.objects.filter(level="city")}
    assert per_city["330100"] == 13 and per_city["330900"] == 4


def test_import_is_idempotent(db):
    text = "code,name_zh,name_en,parent_code\n330106,西湖区,Xihu District,330100\n"
    result = import_counties(text)
    assert (result.created, result.updated, result.unchanged) == (0, 0, 1)
    result = import_counties(text.replace("Xihu District", "West Lake"))
    assert result.updated == 1


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("code,name,parent\n", "header"),
        ("code,name_zh,name_en,parent_code\n33010X,甲,A,330100\n", "row 2, code"),
        ("code,name_zh,name_en,parent_code\n330199,甲,A,339900\n", "unknown city"),
        ("code,name_zh,name_en,parent_code\n330299,甲,A,330100\n", "does not belong"),
        ("code,name_zh,name_en,parent_code\n330199,甲,A,330100\n330199,乙,B,330100\n", "duplicate"),
    ],
)
def test_bad_file_stores_nothing(db, body, message):
    before = Region.objects.count()
    with pytest.raises(CountyImportError) as exc:
        import_counties(
            "code,name_zh,name_en,parent_code\n330198,新区,New,330100\n" if False else body,
            "bad.csv",
        )
    assert message in str(exc.value) and "bad.csv" in str(exc.value)
    assert Region.objects.count() == before


def test_cli(db, tmp_path, capsys):
    from stdlink.cli import main

    path = tmp_path / "c.csv"
    path.write_text(
        "code,name_zh,name_en,parent_code\n330199,测试区,Test,330100\n", encoding="utf-8"
    )
    assert main(["import", "counties", str(path)]) == 0
    assert Region.objects.get(code="330199").parent.code == "330100"
    path.write_text("code,name_zh,name_en,parent_code\nbad,测试区,Test,330100\n", encoding="utf-8")
    assert main(["import", "counties", str(path)]) == 1
    assert "row 2" in capsys.readouterr().err
