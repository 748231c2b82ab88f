"""Relaton importer on real records of all 14 streams (slices, see conftest.py), imported once
for the module; each test runs in its own savepoint. Batch-level behaviour on a fresh database
is in test_import_batches.py."""

from __future__ import annotations

import pytest

from stdlink.catalog.importers.relaton import import_paths
from stdlink.catalog.models import (
    Body,
    Committee,
    ImportBatch,
    Relation,
    SourceRecord,
    Standard,
    StandardDate,
    Title,
)
from stdlink.pubid import key
from tests.catalog.conftest import FIRST, QUIRKS, SOURCES


@pytest.fixture
def imported(db, slices_imported_once):
    """The 14 slices imported once for this module (rolled back at its end)."""
    return ImportBatch.objects.get(pk=slices_imported_once)


def std(ident: str) -> Standard:
    return Standard.objects.get(uid=key(ident))


def test_every_stream_imports(imported):
    b = imported
    assert b.state == ImportBatch.State.SUCCEEDED
    expected = sum(FIRST + len(QUIRKS.get(s, [])) for s in SOURCES)
    assert b.read == expected
    assert b.errors == []
    # one SourceRecord per document, whatever merged into one Standard
    assert SourceRecord.objects.count() == expected
    assert b.created_count + b.stats["records_merged"] == expected
    sources = set(Standard.objects.values_list("source", flat=True))
    assert sources == set(SOURCES)
    for s in SOURCES:
        assert b.stats["sources"][s]["read"] == FIRST + len(QUIRKS.get(s, []))


def test_reimport_is_idempotent(imported, relaton_slices, row_counts):
    before = row_counts()
    updated = dict(Standard.objects.values_list("uid", "updated"))
    again = import_paths([relaton_slices[s] for s in SOURCES])
    assert again.unchanged_count == again.read == imported.read
    assert again.created_count == again.updated_count == 0
    assert row_counts() == before
    assert dict(Standard.objects.values_list("uid", "updated")) == updated


def test_changed_record_is_rewritten_in_place(imported, relaton_slices, tmp_path, row_counts):
    src = relaton_slices["iso"].read_text(encoding="utf-8")
    changed = src.replace("Quality management systems", "QMS (changed)", 1)
    assert changed != src
    p = tmp_path / "iso.yaml"
    p.write_text(changed, encoding="utf-8")
    before = row_counts()
    b = import_paths([p])
    assert b.updated_count == 1 and b.created_count == 0
    assert b.unchanged_count == b.read - 1
    assert row_counts() == before  # children replaced, not added


def test_iso_v1_record(imported):
    s = std("ISO 9001:2015")
    assert s.body.code == "ISO" and s.source == "iso"
    assert s.stage == "90.92" and s.status == "current"
    assert s.doctype == "international-standard"
    assert s.title_en.startswith("Quality management systems")
    assert s.committee.code == "ISO/TC 176/SC 2"
    assert s.committee.parent.code == "ISO/TC 176"
    assert {i.code for i in s.ics.all()} == {"03.100.70", "03.120.10"}
    assert s.published.year == 2015 and s.year == 2015
    assert {t.language for t in s.titles.all()} >= {"en", "fr"}
    assert s.dates.filter(type="published").exists()


def test_iso_record_with_top_level_ext_fields(imported, relaton_slices):
    # the first ISO document (data/cd-iwa-45.yaml) keeps doctype/ics/editorialgroup at the top
    text = relaton_slices["iso"].read_text(encoding="utf-8").split("\n---\n")[0]
    assert "\nics:" in text and "\neditorialgroup:" in text and "\n  ics:" not in text
    sr = SourceRecord.objects.get(source="iso", locator="iso.yaml#0")
    s = sr.standard
    assert s.doctype
    assert s.ics.exists()
    assert s.committee is not None


def test_iso_life_cycle_relations_are_corrected(imported):
    """relaton-model.md §6: ISO `updates`/`obsoletes` do not mean what they say."""
    s2008 = std("ISO 9001:2008")
    rels = {(r.raw_type, r.target_identifier): r for r in s2008.relations_out.all()}
    # "updates ISO 9001:2015" on 2008 means: replaced by 2015
    r = rels[("updates", "ISO 9001:2015")]
    assert (r.type, r.corrected) == ("replaced_by", True)
    assert r.target == std("ISO 9001:2015")
    # "updates ISO 9001:2008/Cor 1:2009": corrected by its corrigendum
    r = rels[("updates", "ISO 9001:2008/Cor 1:2009")]
    assert (r.type, r.corrected) == ("corrected_by", True)
    # "obsoletes ISO 9001:2000" is literal
    r = rels[("obsoletes", "ISO 9001:2000")]
    assert (r.type, r.corrected) == ("replaces", False)
    assert r.target == std("ISO 9001:2000")
    # 2015: amended by Amd 1:2024, and "obsoletes" a draft that will replace it
    s2015 = std("ISO 9001:2015")
    rels = {(r.raw_type, r.target_identifier): r for r in s2015.relations_out.all()}
    assert rels[("updates", "ISO 9001:2015/Amd 1:2024")].type == "amended_by"
    draft = rels[("obsoletes", "ISO/CD 9001.2")]
    assert (draft.type, draft.corrected, draft.target) == ("replaced_by", True, None)
    # derived status: a withdrawn edition with a successor is `replaced`
    assert s2008.stage == "95.99" and s2008.status == "replaced"


def test_iec_iso_overlap_upserts_onto_the_iso_standard(imported):
    s = std("ISO/IEC 27001:2022")
    assert s.source == "iso"  # the publisher's own source wins the fields
    locs = sorted((r.source, r.locator) for r in s.source_records.all())
    assert [src for src, _ in locs] == ["iec", "iso"]
    assert Standard.objects.filter(uid=s.uid).count() == 1
    assert imported.stats["records_merged"] >= 2


def test_iec_record(imported):
    s = Standard.objects.get(identifier="CISPR 10:1971")
    assert s.body.code == "CISPR" and s.source == "iec"
    assert s.committee.code == "IEC/CISPR"
    assert (s.stage, s.status) == ("REVISED", "replaced")
    # the IEC webstore copy names ISO's committee the ISO way: one committee, not two
    assert not Committee.objects.filter(code__startswith="IEC/ISO").exists()


def test_ecma_editions_share_one_docid(imported):
    eds = Standard.objects.filter(identifier="ECMA-262")
    assert {s.edition for s in eds} == {"1", "2", "5.1", "15", "16"}
    assert "ECMA-262#ED5.1" in {s.uid for s in eds}
    assert len({s.uid for s in eds}) == 5
    ed2 = eds.get(edition="2")
    r1 = ed2.relations_out.get(target_key="ECMA-262#ED1")
    assert r1.raw_type == "updates"
    assert (r1.type, r1.corrected, r1.target.edition) == ("replaces", False, "1")
    r16 = ed2.relations_out.get(target_key="ECMA-262#ED15")
    assert (r16.type, r16.corrected) == ("replaced_by", True)
    assert not ed2.relations_out.filter(target_key=ed2.uid).exists()  # no self-edge
    assert ed2.status == "replaced" and eds.get(edition="16").status == "unknown"


def test_ecma_volumes_of_one_edition(imported):
    vols = Standard.objects.filter(identifier="ECMA-269", edition="3")
    assert {s.uid for s in vols} == {"ECMA-269#ED3#VOL1", "ECMA-269#ED3#VOL2"}


def test_ieee_relation_descriptions(imported):
    rows = set(
        Relation.objects.filter(source__source="ieee").values_list(
            "raw_type", "raw_description", "type", "corrected"
        )
    )
    assert ("updates", "revises", "replaces", False) in rows
    assert ("updates", "amends", "amends", False) in rows
    assert ("updates", "corrects", "corrects", False) in rows
    assert ("obsoletedBy", "", "replaced_by", False) in rows
    adopt = Relation.objects.get(source__identifier="IEC 60076.21-2011", raw_type="adoptedFrom")
    assert adopt.type == "adopts" and adopt.degree == ""  # no source fills the degree


def test_documents_pubid_would_merge_stay_apart(imported):
    ids = [
        "CISPR 11:2015",
        "CISPR 11:2015 RLV",
        "IEC 61523.1-2023",
        "IEC 61523.4-2023",
        "Metrologia 1 1 1",
        "Metrologia 11 1",
    ]
    rows = {s.identifier: s for s in Standard.objects.filter(identifier__in=ids)}
    assert set(rows) == set(ids)
    assert rows["CISPR 11:2015 RLV"].uid == "CISPR11:2015#RLV"
    assert rows["CISPR 11:2015 RLV"].key == rows["CISPR 11:2015"].key  # key stays pubid's
    assert rows["IEC 61523.1-2023"].uid == "IEC 61523.1-2023"
    assert rows["Metrologia 1 1 1"].uid == "METROLOGIA 1 1 1"


@pytest.mark.parametrize(
    ("ident", "uid"),
    [
        ("ISO 9001:2015", "ISO9001:2015"),
        ("ETSI EN 300 328 V2.2.2 (2019-07)", "ETSIEN300328V2.2.2(2019-07)"),  # thousands grouping
        ("IEC 61523.1-2023", "IEC 61523.1-2023"),
        ("Metrologia 11 1", "METROLOGIA 11 1"),
        ("CIE OP03 6-10", "CIE OP03 6-10"),
    ],
)
def test_distinct_key(ident, uid):
    from stdlink.catalog.importers.keys import distinct_key

    assert distinct_key(ident, key(ident)) == uid


def test_oiml_work_instance_and_duplicate_file_names(imported):
    work = Standard.objects.get(identifier="OIML R 106-1:1997")
    # r106-1-1997.yaml and r106-1_1997.yaml: one Standard, two SourceRecords
    assert work.source_records.count() == 2
    inst = {r.target_identifier: r for r in work.relations_out.filter(type="has_instance")}
    assert set(inst) == {"OIML R 106-1:1997 (E)", "OIML R 106-1:1997 (F)"}
    eng = inst["OIML R 106-1:1997 (E)"].target
    assert eng is not None and eng.relations_out.get(type="instance_of").target == work
    assert work.relations_out.get(raw_type="hasSuccessor").type == "replaced_by"


def test_itu_t_v2_record_with_relations(imported):
    s = Standard.objects.get(identifier="ITU-T A.1 (03/1993)")
    assert s.body.code == "ITU" and s.status == "withdrawn"
    assert s.committee.code == "ITU-T/TSAG"
    types = set(s.relations_out.values_list("raw_type", flat=True))
    assert types <= {"hasEdition", "complementOf"} and types
    assert s.relations_out.filter(type="has_edition").exists()


def test_bipm_v2_committee_contributor(imported):
    cctf = Committee.objects.get(code="BIPM/CCTF")
    assert cctf.name_en == "Consultative Committee for Time and Frequency"
    s = Standard.objects.get(identifier="CCTF 16th Meeting (2004)")
    assert s.committee == cctf and s.doctype == "meeting-report"
    session = Standard.objects.get(identifier="CCT 29th Meeting (2020)")
    assert set(session.relations_out.filter(raw_type="partOf").values_list("type", flat=True)) == {
        "part_of"
    }
    assert Title.objects.filter(standard=session, language="fr").exists()


def test_iho_list_of_lists_editorial_group(imported):
    s = Standard.objects.filter(source="iho", identifier="IHO B-1").first()
    assert s.committee is not None and s.committee.code.startswith("IHO/")
    assert s.status == "current" and s.uid.startswith("IHOB-1#ED")
    assert Committee.objects.filter(code="IHO/HSSC").exists()


OTHER_SOURCES = [  # source, the only status in the slice (None: several), a title language
    ("iala", "current", "en"),
    ("jis", None, "ja"),
    ("ieee", None, "en"),
    ("etsi", "unknown", "en"),
    ("cie", None, "en"),
    ("itu-r", "unknown", "en"),
    ("itu-r-legacy", "current", "en"),
]


def test_other_sources(imported):
    for source, status, title_lang in OTHER_SOURCES:
        rows = Standard.objects.filter(source=source)
        assert rows.count() >= FIRST - 5, source
        body = Body.objects.get(
            code={"itu-r": "ITU", "itu-r-legacy": "ITU"}.get(source, source.upper())
        )
        assert rows.filter(body=body).count() >= rows.count() // 2, source
        if status:
            assert set(rows.values_list("status", flat=True)) == {status}, source
        assert Title.objects.filter(standard__source=source, language=title_lang).exists(), source
        assert all(s.title for s in rows), source


def test_jis_committee_and_dates(imported):
    s = Standard.objects.get(identifier="JIS A 0001:1999")
    assert s.status == "current" and s.stage == "valid"
    assert s.committee is not None and s.committee.name_zh == ""  # Japanese name, not zh
    assert s.committee.name_en.startswith("一般社団法人")
    assert s.title_other_lang == "ja" and s.title_en
    assert StandardDate.objects.filter(standard=s, type="issued").exists()
