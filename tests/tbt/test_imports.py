"""Storing notifications: idempotent on the symbol, chains linked, malformed input stores nothing,
reference tables from STDLINK_DATA_DIR, and `stdlink tbt show --json`."""

from __future__ import annotations

import json
from datetime import date

import pytest

from stdlink.tbt.parsers import TbtParseError

TODAY = date(2026, 12, 6)


@pytest.fixture
def countries(db, shared_data):
    from stdlink.tbt.services.reference import import_countries

    import_countries(shared_data / "reference/countries/countries_iso_zh_wto_bri.csv")


def _files(tbt_dev, *names):
    out = []
    for n in names:
        p = tbt_dev / "forms" / n if n.endswith(".txt") else tbt_dev / n
        out.append((str(p), p.read_bytes()))
    return out


def test_reference_tables(db, shared_data):
    from stdlink.tbt.models import Country, HsCode, IcsHsPair
    from stdlink.tbt.services.reference import import_countries, import_hs

    n = import_countries(shared_data / "reference/countries/countries_iso_zh_wto_bri.csv")
    assert n == Country.objects.count() == 250
    assert (
        import_countries(shared_data / "reference/countries/countries_iso_zh_wto_bri.csv") == n
    )  # idempotent
    eu = Country.objects.get(code="EU")
    assert (eu.wto_member, eu.bri, eu.eping_member_id) == (True, False, "U918")
    assert Country.objects.filter(bri=True, wto_member=False).count() == 22
    codes, pairs = import_hs(shared_data / "reference/hs")
    assert HsCode.objects.count() == codes and HsCode.objects.get(code="95").description_zh
    assert IcsHsPair.objects.count() == pairs
    import_hs(shared_data / "reference/hs")
    assert IcsHsPair.objects.count() == pairs


def test_import_forms_and_excel_is_idempotent_and_merges(countries, tbt_dev):
    from stdlink.tbt.models import Notification
    from stdlink.tbt.services.imports import import_files

    forms = sorted(p.name for p in (tbt_dev / "forms").glob("*.txt"))
    res = import_files(_files(tbt_dev, *forms), today=TODAY)
    assert len(res.created) == 66 and Notification.objects.count() == 66
    # the Excel export adds what the English forms lack (HS 271210 for KEN/1170/Add.2)
    res2 = import_files(_files(tbt_dev, "eping-export-dev.xlsx"), today=TODAY)
    assert not res2.created and Notification.objects.count() == 66
    n = Notification.objects.get(symbol="G/TBT/N/KEN/1170/Add.2")
    assert [h.digits for h in n.hs_codes.all()] == ["271210"]
    assert n.products_text == "Petroleum jelly"
    # again: nothing changes
    res3 = import_files(_files(tbt_dev, "eping-export-dev.xlsx"), today=TODAY)
    assert not res3.created and not res3.updated


def test_addendum_updates_base_and_joins_chain(countries, reference):
    from stdlink.tbt.models import Notification
    from stdlink.tbt.parsers import parse_pasted
    from stdlink.tbt.services.imports import import_records

    base = (
        "G/TBT/N/USA/9001\nDistribution date: 2026-11-01\nNOTIFICATION\n1. Notifying Member: United States\n"
        "4. Products covered: Toys (HS 9503)\n5. Title: Toy safety (2 pages, in English) (English)\n"
        "10. Final date for comments: 60 days from notification\n"
    )
    add = (
        "G/TBT/N/USA/9001/Add.1\nDistribution date: 2026-12-01\nAddendum\n\n"
        "The comment period has been extended.\nFinal date for comments: 2027-02-15\n"
        "Related documents: G/TBT/N/USA/9001\n"
    )
    # the addendum arrives first: it waits for its base
    import_records(parse_pasted(add, reference=reference), today=TODAY)
    import_records(parse_pasted(base, reference=reference), today=TODAY)
    b = Notification.objects.get(symbol="G/TBT/N/USA/9001")
    a = Notification.objects.get(symbol="G/TBT/N/USA/9001/Add.1")
    assert a.base == b and a.root_symbol == b.symbol
    assert b.comment_deadline == date(2027, 2, 15) and b.status == "open"
    assert a.changes == {"comment_deadline": ["2026-12-31", "2027-02-15"]}
    import_records(parse_pasted(add, reference=reference), today=TODAY)  # again
    a.refresh_from_db()
    assert a.changes == {"comment_deadline": ["2026-12-31", "2027-02-15"]}


def test_adoption_addendum_sets_base_status(countries, tbt_dev, reference):
    from stdlink.tbt.models import Notification
    from stdlink.tbt.parsers import parse_pasted
    from stdlink.tbt.services.imports import import_files, import_records

    import_files(_files(tbt_dev, "G_TBT_N_KEN_1170_Add_2.en.txt"), today=TODAY)
    base = "G/TBT/N/KEN/1170\nDistribution date: 2022-01-10\nNOTIFICATION\n1. Notifying Member: Kenya\n5. Title: DEAS 126:2021 Petroleum jelly\n"
    import_records(parse_pasted(base, reference=reference), today=TODAY)
    b = Notification.objects.get(symbol="G/TBT/N/KEN/1170")
    assert b.status == "adopted"
    assert (
        Notification.objects.get(symbol="G/TBT/N/KEN/1170/Add.2").changes["status"][1] == "adopted"
    )


@pytest.mark.parametrize(
    "payload, field",
    [
        (b"", "file"),
        (b"\x00\x01\x02binary" * 50, "file"),
        (b"G/SPS/N/CAN/1\n1. Notifying Member: Canada\n", "symbol"),
        ("1. 通报成员：美国\n".encode(), "symbol"),
    ],
)
def test_malformed_input_stores_nothing(countries, tbt_dev, payload, field):
    from stdlink.core.models import AuditLog
    from stdlink.tbt.models import Notification
    from stdlink.tbt.services.imports import import_files

    good = _files(tbt_dev, "G_TBT_N_USA_553.zh.txt")
    with pytest.raises(TbtParseError) as e:
        import_files([*good, ("bad.txt", payload)], today=TODAY)
    assert e.value.source == "bad.txt" and e.value.field == field
    assert Notification.objects.count() == 0 and AuditLog.objects.count() == 0


def test_show_json(countries, tbt_dev, capsys):
    from stdlink.cli import main
    from stdlink.tbt.services.imports import import_files

    import_files(_files(tbt_dev, "G_TBT_N_TPKM_568.zh.txt", "G_TBT_N_IDN_118.zh.txt"), today=TODAY)
    assert main(["tbt", "show", "G/TBT/N/TPKM/568", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "symbol",
        "kind",
        "base_symbol",
        "members",
        "hs_codes",
        "ics_codes",
        "distribution_date",
        "comment_deadline",
        "proposed_adoption_date",
        "proposed_entry_into_force",
        "related_symbols",
        "cited_standards",
        "status",
    }
    assert data["members"] == [
        {
            "iso3": "TWN",
            "name_zh": "台澎金马单独关税区",
            "name_en": "Chinese Taipei",
            "wto_member": True,
            "bri": False,
        }
    ]
    assert (data["hs_codes"], data["comment_deadline"], data["proposed_adoption_date"]) == (
        ["95"],
        "2025-10-14",
        "待定",
    )
    assert data["proposed_entry_into_force"] == "2026-07-01" and data["related_symbols"] == [
        "G/TBT/N/TPKM/524"
    ]
    assert data["cited_standards"][0]["identifier"].startswith("CNS") and data["status"] == "closed"
    assert main(["tbt", "show", "G/TBT/N/IDN/118", "--json"]) == 0
    idn = json.loads(capsys.readouterr().out)
    assert idn["hs_codes"][:2] == ["72173011", "72173021"] and idn["members"][0]["bri"] is True
    assert main(["tbt", "show", "G/TBT/N/XXX/1"]) == 1


def test_web_import_kind(countries, tbt_dev, tmp_path):
    from stdlink.jobs.imports import KINDS, ImportRejected
    from stdlink.tbt.models import Notification

    kind = KINDS["tbt"]
    report = kind.run(
        [tbt_dev / "forms" / "G_TBT_N_USA_553.zh.txt", tbt_dev / "eping-export-dev.xlsx"]
    )
    assert (report["created"], report["state"]) == (19, "done")
    bad = tmp_path / "bad.txt"
    bad.write_text("G/SPS/N/CAN/1\n1. Notifying Member: Canada\n", encoding="utf-8")
    with pytest.raises(ImportRejected) as e:
        kind.run([tbt_dev / "forms" / "G_TBT_N_KEN_581.zh.txt", bad])
    assert "bad.txt" in e.value.report["errors"][0]
    assert not Notification.objects.filter(symbol="G/TBT/N/KEN/581").exists()


def test_cli_import(countries, tbt_dev, tmp_path, capsys):
    from stdlink.cli import main
    from stdlink.tbt.models import Notification

    assert (
        main(["import", "tbt", str(tbt_dev / "forms"), str(tbt_dev / "eping-export-dev.xlsx")]) == 0
    )
    assert "66" in capsys.readouterr().out and Notification.objects.count() == 66
    bad = tmp_path / "x.txt"
    bad.write_bytes(b"")
    assert main(["import", "tbt", str(bad)]) == 2
    assert "nothing stored" in capsys.readouterr().err
    assert main(["import", "tbt", str(tmp_path / "missing.txt")]) == 2


def test_cli_reference_imports(db, capsys, tmp_path, shared_data):
    """The default paths are the reference files of the real data (skipped, or failed under
    STDLINK_REQUIRE_DATA, when it is missing, like every test that reads it)."""
    from stdlink.cli import main
    from stdlink.tbt.models import Country, IcsHsPair

    assert (
        main(["import", "countries"]) == 0 and Country.objects.filter(code="KEN", bri=True).exists()
    )
    assert main(["import", "hs"]) == 0 and IcsHsPair.objects.exists()
    bad = tmp_path / "countries.csv"
    bad.write_text(
        "iso_numeric,alpha2,alpha3,name_en,name_zh,wto_member,bri_gfdc_2023,bri_joined,bri_exit,wb_region,wb_income_group,eping_member_id\n"
        "999,XX,TOOLONG,X,X,True,False,,,,,C999\n",
        encoding="utf-8",
    )
    before = Country.objects.count()
    assert main(["import", "countries", str(bad)]) == 2
    assert "row 2" in capsys.readouterr().err and Country.objects.count() == before


def test_malformed_variant_leaves_stored_records_unchanged(countries, tbt_dev, reference):
    """A batch that re-imports a stored record with new values plus a malformed variant (item 1
    empty above its sub-line) fails as a whole: the stored record keeps its values."""
    from stdlink.tbt.models import Notification
    from stdlink.tbt.services.imports import import_files

    base = (
        "G/TBT/N/USA/9400\nDistribution date: 14 October 2025\nNOTIFICATION\n"
        "Item 1: Notifying Member: United States of America\nItem 5: Title: Toy safety\n"
    )
    import_files([("base.txt", base.encode())], today=TODAY)
    before = Notification.objects.get(symbol="G/TBT/N/USA/9400")
    changed = base.replace("Toy safety", "Toy safety, revised")
    bad = (
        "G/TBT/N/USA/9401\nItem 1: Notifying Member:\n"
        "If applicable, name of local government involved (Article 3.2 and 7.2):\n"
    )
    with pytest.raises(TbtParseError) as e:
        import_files([("changed.txt", changed.encode()), ("bad.txt", bad.encode())], today=TODAY)
    assert (e.value.source, e.value.record, e.value.field) == (
        "bad.txt",
        "G/TBT/N/USA/9401",
        "member",
    )
    after = Notification.objects.get(symbol="G/TBT/N/USA/9400")
    assert after.title == before.title == "Toy safety"
    assert Notification.objects.count() == 1
