"""Malformed input: every error names file, record index and field, and nothing partial is stored
(the catalogue tables have exactly the rows they had before). Only the failed ImportBatch row is
kept, as the record of the attempt."""

from __future__ import annotations

import gzip

import pytest

from stdlink.catalog.importers.base import ImportFailed
from stdlink.catalog.importers.relaton import import_paths
from stdlink.catalog.models import ImportBatch, SourceRecord, Standard
from stdlink.cli import main as stdlink_main


def docs_of(path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    return ["---\n" + d.removeprefix("---\n").rstrip("\n") + "\n" for d in text.split("\n---\n")]


@pytest.fixture
def baseline(db, relaton_slices, row_counts):
    """Something already in the catalogue, so 'nothing changed' is checked against real rows."""
    import_paths([relaton_slices["cie"]])
    return row_counts()


def expect_failure(paths, row_counts, baseline, *, record, field, name=None) -> ImportFailed:
    with pytest.raises(ImportFailed) as info:
        import_paths(paths)
    exc = info.value
    first = exc.errors[0]
    assert first["record"] == record, exc.errors
    assert first["field"] == field, exc.errors
    fname = name or paths[0].name
    assert fname in first["file"]
    # the bilingual message names file, record and field
    assert fname in exc.message and f"record {record}" in exc.message and field in exc.message
    assert "回滚" in exc.message and "rolled back" in exc.message
    assert row_counts() == baseline
    batch = ImportBatch.objects.order_by("-id").first()
    assert batch.state == ImportBatch.State.FAILED and batch.errors
    return exc


def test_truncated_gzip(relaton_dir, tmp_path, row_counts, baseline):
    data = (relaton_dir / "iala.yaml.gz").read_bytes()
    bad = tmp_path / "iala.yaml.gz"
    bad.write_bytes(data[: len(data) // 2])
    exc = expect_failure([bad], row_counts, baseline, record=exc_index(bad), field="(file)")
    assert "truncated or corrupt gzip" in exc.errors[0]["message"]
    with pytest.raises(ImportFailed):  # skipping bad records does not cover an unreadable file
        import_paths([bad], skip_invalid=True)
    assert row_counts() == baseline


def exc_index(path) -> int:
    """How many complete documents precede the truncation (where the reader stops)."""
    from stdlink.catalog.importers.relaton import reader

    n = 0
    for item in reader.documents(reader.expand([path])[0]):
        if isinstance(item, reader.ReadError):
            return item.index
        n += 1
    raise AssertionError("no read error")


def test_not_gzip_at_all(tmp_path, row_counts, baseline):
    bad = tmp_path / "iho.yaml.gz"
    bad.write_bytes(b"---\nid: plain text, not gzip\n")
    expect_failure([bad], row_counts, baseline, record=0, field="(file)")


def test_invalid_yaml_mid_stream(relaton_slices, tmp_path, row_counts, baseline):
    docs = docs_of(relaton_slices["iala"])
    docs[7] = docs[7].replace("title:", "title: [unclosed\n  bad: {", 1)
    bad = tmp_path / "iala.yaml"
    bad.write_text("".join(docs), encoding="utf-8")
    exc = expect_failure([bad], row_counts, baseline, record=7, field="(yaml)")
    assert "line" in exc.errors[0]["message"]
    assert Standard.objects.filter(source="iala").count() == 0  # records 0-6 not kept


@pytest.mark.parametrize(
    ("source", "index", "old", "new", "field"),
    [
        ("iso", 3, "docid:\n- id:", "docid: 5\nx-docid:\n- id:", "docid"),
        ("iala", 2, "docidentifier:\n", "docidentifier: 5\nx-docidentifier:\n", "docidentifier"),
        ("iso", 4, "date:\n", 'date: "x"\nx-date:\n', "date"),
        (
            "iso",
            5,
            "- type: published\n  value: ",
            "- type: published\n  value: not-a-date\n  x: ",
            "date[0].value",
        ),
        ("iala", 4, "title:\n", "title: true\nx-title:\n", "title"),
        ("iso", 6, "ext:\n", "ext: [1, 2]\nx-ext:\n", "ext"),
    ],
)
def test_wrong_field_types(
    relaton_slices, tmp_path, row_counts, baseline, source, index, old, new, field
):
    docs = docs_of(relaton_slices[source])
    assert old in docs[index]
    docs[index] = docs[index].replace(old, new, 1)
    bad = tmp_path / f"{source}.yaml"
    bad.write_text("".join(docs), encoding="utf-8")
    expect_failure([bad], row_counts, baseline, record=index, field=field)


def test_latin1_bytes(relaton_slices, tmp_path, row_counts, baseline):
    docs = docs_of(relaton_slices["iso"])
    raw = [d.encode("utf-8") for d in docs]
    raw[2] = raw[2] + "x-note: caf\u00e9\n".encode("latin-1")  # é as the single byte 0xe9
    bad = tmp_path / "iso.yaml"
    bad.write_bytes(b"".join(raw))
    exc = expect_failure([bad], row_counts, baseline, record=2, field="(encoding)")
    assert "0xe9" in exc.errors[0]["message"]


def test_utf16_file(relaton_slices, tmp_path, row_counts, baseline):
    bad = tmp_path / "iho.yaml"
    bad.write_bytes(relaton_slices["iho"].read_text(encoding="utf-8").encode("utf-16"))
    expect_failure([bad], row_counts, baseline, record=0, field="(encoding)")


def test_missing_file(tmp_path, row_counts, baseline):
    with pytest.raises(ImportFailed) as info:
        import_paths([tmp_path / "nope.yaml.gz"])
    assert "nope.yaml.gz" in info.value.message
    assert row_counts() == baseline


def test_unknown_field_is_kept_and_warned(db, relaton_slices, tmp_path):
    docs = docs_of(relaton_slices["iala"])
    docs[1] = docs[1].rstrip("\n") + "\nx-local-note:\n  reviewer: 张三\n"
    f = tmp_path / "iala.yaml"
    f.write_text("".join(docs), encoding="utf-8")
    b = import_paths([f])
    assert b.state == ImportBatch.State.SUCCEEDED and b.read == len(docs)
    w = [w for w in b.warnings if w["field"] == "x-local-note"]
    assert w and w[0]["record"] == 1 and "iala.yaml" in w[0]["file"]
    s = SourceRecord.objects.get(locator="iala.yaml#1").standard
    assert s.extra["unknown_fields"] == {"x-local-note": {"reviewer": "张三"}}


def test_skip_invalid_lists_skipped_records(db, relaton_slices, tmp_path):
    docs = docs_of(relaton_slices["iala"])
    docs[3] = docs[3].replace("docidentifier:\n", "docidentifier: 5\nx:\n", 1)
    docs[9] = docs[9].replace("title:", "title: [unclosed\n  bad: {", 1)
    f = tmp_path / "iala.yaml"
    f.write_text("".join(docs), encoding="utf-8")
    b = import_paths([f], skip_invalid=True)
    assert b.state == ImportBatch.State.SUCCEEDED
    assert [(e["record"], e["field"]) for e in b.errors] == [(3, "docidentifier"), (9, "(yaml)")]
    assert b.skipped_count == 2 and b.read == len(docs)
    assert SourceRecord.objects.count() == len(docs) - 2
    assert not SourceRecord.objects.filter(locator__in=["iala.yaml#3", "iala.yaml#9"]).exists()


def test_cli_exit_codes(relaton_slices, tmp_path, capsys, row_counts, baseline):
    docs = docs_of(relaton_slices["iala"])
    docs[5] = docs[5].replace("docidentifier:\n", "docidentifier: 5\nx:\n", 1)
    f = tmp_path / "iala.yaml"
    f.write_text("".join(docs), encoding="utf-8")
    assert stdlink_main(["import", "relaton", str(f), "--no-progress"]) == 1
    err = capsys.readouterr().err
    assert "iala.yaml" in err and "record 5" in err and "docidentifier" in err
    assert row_counts() == baseline
    assert stdlink_main(["import", "relaton", str(f), "--skip-invalid", "--no-progress"]) == 0
    out = capsys.readouterr().out
    assert "skipped" in out and "record 5" in out
    assert (
        stdlink_main(
            ["import", "relaton", str(relaton_slices["ecma"]), "--limit", "3", "--no-progress"]
        )
        == 0
    )
    assert Standard.objects.filter(source="ecma").count() == 3


def test_gzip_stream_of_a_slice(db, relaton_slices, tmp_path):
    """A .yaml.gz stream without a manifest beside it: locators are file#index."""
    gz = tmp_path / "etsi.yaml.gz"
    with gzip.open(gz, "wb") as f:
        f.write(relaton_slices["etsi"].read_bytes())
    b = import_paths([gz])
    assert b.read == len(docs_of(relaton_slices["etsi"]))
    assert SourceRecord.objects.filter(locator="etsi.yaml.gz#0").exists()
