"""Relaton import batches on a fresh database: dangling relations resolved later, manifest
locators, directories of record files, the standards_changed signal, a whole small stream."""

from __future__ import annotations

import pytest

from stdlink.catalog.importers.relaton import import_paths
from stdlink.catalog.models import Relation, SourceRecord, Standard
from stdlink.pubid import key


def std(ident: str) -> Standard:
    return Standard.objects.get(uid=key(ident))


def test_relations_resolved_after_batch_including_earlier_dangling(db, relaton_slices, tmp_path):
    """A relation stored before its target exists is resolved by a later batch, even though
    its own record is unchanged (skipped) in that batch."""
    docs = relaton_slices["iso"].read_text(encoding="utf-8").split("\n---\n")

    def doc(ident: str) -> str:
        d = next(d for d in docs if f"\ndocid:\n- id: {ident}\n" in d)
        return "---\n" + d.removeprefix("---\n").rstrip("\n") + "\n"

    f = tmp_path / "iso.yaml"
    f.write_text(doc("ISO 9001:2008"), encoding="utf-8")
    import_paths([f])
    rel = {
        "source__identifier": "ISO 9001:2008",
        "raw_type": "updates",
        "target_identifier": "ISO 9001:2015",
    }
    assert Relation.objects.get(**rel).target is None
    f.write_text(doc("ISO 9001:2008") + doc("ISO 9001:2015"), encoding="utf-8")
    b = import_paths([f])
    assert (b.unchanged_count, b.created_count) == (1, 1)
    assert Relation.objects.get(**rel).target == std("ISO 9001:2015")
    cd = Relation.objects.get(source__identifier="ISO 9001:2015", target_identifier="ISO/CD 9001.2")
    assert cd.target is None  # the draft is not imported: kept unresolved


def test_manifest_locator_and_limit(db, relaton_dir):
    b = import_paths([relaton_dir / "iho.yaml.gz"], limit=3)
    assert b.read == 3
    locs = set(SourceRecord.objects.values_list("locator", flat=True))
    assert all(loc.startswith("data/") and loc.endswith(".yaml") for loc in locs), locs


def test_directory_of_record_files(db, relaton_slices, tmp_path):
    """A relaton-data checkout: one record file per document, locator = repo path."""
    d = tmp_path / "relaton-data-iala" / "data"
    d.mkdir(parents=True)
    for i, doc in enumerate(
        relaton_slices["iala"].read_text(encoding="utf-8").split("\n---\n")[:5]
    ):
        (d / f"rec{i}.yaml").write_text("---\n" + doc.removeprefix("---\n") + "\n")
    b = import_paths([d.parent])
    assert b.read == 5
    assert set(SourceRecord.objects.values_list("source", flat=True)) == {"iala"}
    assert SourceRecord.objects.filter(locator="data/rec0.yaml").exists()


def test_signal_sent_on_commit(db, relaton_slices, django_capture_on_commit_callbacks):
    from stdlink.catalog.signals import standards_changed

    got = []

    def receiver(sender, standard_ids, batch, **kw):
        got.append((len(standard_ids), batch.pk))

    standards_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            b = import_paths([relaton_slices["cie"]])
    finally:
        standards_changed.disconnect(receiver)
    assert got == [(Standard.objects.count(), b.pk)]


@pytest.mark.slow
def test_whole_small_stream(db, relaton_dir, row_counts):
    b = import_paths([relaton_dir / "iho.yaml.gz", relaton_dir / "iala.yaml.gz"])
    assert b.read == 131 + 863 and not b.errors
    assert SourceRecord.objects.count() == 131 + 863
    # IHO: 131 records, 86 distinct docids, editions told apart by uid
    assert Standard.objects.filter(source="iho").count() >= 86
    before = row_counts()
    again = import_paths([relaton_dir / "iho.yaml.gz", relaton_dir / "iala.yaml.gz"])
    assert again.unchanged_count == 131 + 863 and row_counts() == before


def test_itu_r_legacy_never_wins_the_fields(db, relaton_dir, tmp_path):
    """relaton-data-itu-r is superseded by relaton-data-itu: on shared ids the new record keeps
    the fields whichever stream comes first; both source records are kept."""
    from stdlink.catalog.importers.relaton import reader

    def first_docs(src: str, locs: set[str]) -> bytes:
        inp = reader.expand([relaton_dir / f"{src}.yaml.gz"])[0]
        return b"".join(raw for _i, loc, raw in reader.documents(inp) if loc in locs)

    (tmp_path / "itu-r.yaml").write_bytes(first_docs("itu-r", {"data/itu-r-bo-1130-4.yaml"}))
    (tmp_path / "itu-r-legacy.yaml").write_bytes(
        first_docs("itu-r-legacy", {"data/ITU-R_BO_1130-4.yaml"})
    )
    for order in (["itu-r-legacy.yaml", "itu-r.yaml"], ["itu-r.yaml", "itu-r-legacy.yaml"]):
        Standard.objects.all().delete()
        SourceRecord.objects.all().delete()
        import_paths([tmp_path / name for name in order])
        s = Standard.objects.get(identifier="ITU-R BO.1130-4")
        assert s.source == "itu-r"
        assert sorted(s.source_records.values_list("source", flat=True)) == [
            "itu-r",
            "itu-r-legacy",
        ]
