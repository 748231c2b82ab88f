"""The shared import machinery: stream splitting, the worker pool, source precedence on
overlapping records, and standards orphaned when a document's identifier changes."""

from __future__ import annotations

import gzip

import pytest

from stdlink.catalog.importers.relaton import import_paths, reader
from stdlink.catalog.models import Relation, SourceRecord, Standard
from stdlink.pubid import key


def _docs(path) -> list[tuple[int, str, bytes]]:
    return list(reader.documents(reader.expand([path])[0]))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        # no leading ---, a BOM, a document-end marker, a comment-only preamble
        (b"\xef\xbb\xbfa: 1\n---\nb: 2\n...\n", [b"a: 1\n", b"---\nb: 2\n...\n"]),
        (b"# comment\n---\na: 1\n--- \nb: 2\n", [b"---\na: 1\n", b"--- \nb: 2\n"]),
        # '----' and '---x' are content, not separators; CRLF separators are
        (b"---\na: '\n----\n'\n---\r\nb: 2", [b"---\na: '\n----\n'\n", b"---\r\nb: 2"]),
        (b"", []),
    ],
)
def test_stream_split_keeps_raw_bytes(tmp_path, data, expected):
    p = tmp_path / "x.yaml"
    p.write_bytes(data)
    assert [raw for _i, _loc, raw in _docs(p)] == expected


def test_split_across_read_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(reader, "BLOCK", 7)  # separators straddle block boundaries
    body = b"".join(b"---\nid: %d\nx: '%s'\n" % (i, b"-" * i) for i in range(40))
    p = tmp_path / "x.yaml.gz"
    p.write_bytes(gzip.compress(body))
    docs = _docs(p)
    assert len(docs) == 40
    assert b"".join(raw for _i, _loc, raw in docs) == body
    assert [loc for _i, loc, _raw in docs][:2] == ["x.yaml.gz#0", "x.yaml.gz#1"]


def test_worker_pool_gives_the_same_rows(db, relaton_slices, row_counts):
    paths = [relaton_slices[s] for s in ("iso", "itu-t", "oiml")]
    a = import_paths(paths, workers=2)
    counts = row_counts()
    uids = set(Standard.objects.values_list("uid", flat=True))
    Standard.objects.all().delete()
    b = import_paths(paths, workers=0)
    assert row_counts() == counts
    assert set(Standard.objects.values_list("uid", flat=True)) == uids
    assert (a.read, a.created_count) == (b.read, b.created_count)


@pytest.mark.parametrize("order", [("iec", "iso"), ("iso", "iec")])
def test_publisher_source_wins_whatever_the_order(db, relaton_slices, order):
    for src in order:
        import_paths([relaton_slices[src]])
    s = Standard.objects.get(uid=key("ISO/IEC 27001:2022"))
    assert s.source == "iso" and s.body.code == "ISO"
    assert set(s.source_records.values_list("source", flat=True)) == {"iso", "iec"}
    assert s.stage  # ISO's stage code, not the IEC webstore's
    assert s.titles.filter(language="fr").exists()


def test_document_whose_identifier_changes_leaves_no_orphan(db, tmp_path, row_counts):
    p = tmp_path / "cie.yaml"
    doc = (
        "---\nschema-version: v1.2.9\nid: X\ntitle:\n- content: A lamp\n  type: main\n"
        "docid:\n- id: CIE 999:2001\n  type: CIE\n  primary: true\n"
        "relation:\n- type: updates\n  bibitem:\n    docid:\n    - id: CIE 998:1990\n"
        "      type: CIE\n"
    )
    p.write_text(doc, encoding="utf-8")
    import_paths([p])
    before = row_counts()
    p.write_text(doc.replace("CIE 999:2001", "CIE 999:2002"), encoding="utf-8")
    b = import_paths([p])
    assert b.stats["orphans_deleted"] == 1
    assert list(Standard.objects.values_list("identifier", flat=True)) == ["CIE 999:2002"]
    assert row_counts() == before
    assert Relation.objects.get().source.identifier == "CIE 999:2002"
    assert SourceRecord.objects.get().standard.identifier == "CIE 999:2002"
