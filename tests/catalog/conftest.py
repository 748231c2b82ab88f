"""Fixtures for the importer tests: small real slices of every Relaton stream.

`relaton_slices` writes, once per session, a plain `<source>.yaml` per stream with the first
`FIRST` documents plus named quirky records (by repo path, looked up in MANIFEST.tsv.gz), copied
byte for byte from `../shared/data/relaton/<source>.yaml.gz`.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

FIRST = 25

#: source → repo paths added to the first FIRST documents (the quirks the importer handles)
QUIRKS: dict[str, list[str]] = {
    # ISO 9001 life cycle (obsoletes/updates that do not mean what they say), an amendment and
    # a corrigendum, and ISO/IEC 27001 which the IEC repo also holds (iso_iec_27001_2022.yaml)
    "iso": [
        "data/iso-9001-1987.yaml",
        "data/iso-9001-1994-cor-1-1995.yaml",
        "data/iso-9001-1994.yaml",
        "data/iso-9001-2000.yaml",
        "data/iso-9001-2008-cor-1-2009.yaml",
        "data/iso-9001-2008.yaml",
        "data/iso-9001-2015-amd-1-2024.yaml",
        "data/iso-9001-2015-amd-1.yaml",
        "data/iso-9001-2015.yaml",
        "data/iso-iec-27001-2022-amd-1-2024.yaml",
        "data/iso-iec-27001-2022.yaml",
    ],
    # (and an IEC redline version, a product of its own that pubid keys like the standard)
    "iec": [
        "data/iso_iec_27001_2022.yaml",
        "data/iso_iec_27001_2022_amd1_2024.yaml",
        "data/cispr_11_2015.yaml",
        "data/cispr_11_2015_rlv.yaml",
    ],
    # IEC parts written with a dot, which pubid keys alike ("IEC61523:2023")
    # (and relations: updates + amends/corrects description, obsoletedBy, adoptedFrom)
    "ieee": [
        "data/IEC_61523.1-2023.yaml",
        "data/IEC_61523.4-2023.yaml",
        "data/AIEE_25-1952.yaml",
        "data/ANSI_C63.4A-2017.yaml",
        "data/ANSI_C63.5_COR1-2019.yaml",
        "data/IEC_60076.21-2011.yaml",
    ],
    # the same OIML publication under two file names, with its language instances
    "oiml": [
        "data/r106-1-1997.yaml",
        "data/r106-1-1997_eng.yaml",
        "data/r106-1-1997_fra.yaml",
        "data/r106-1_1997.yaml",
        "data/r106-1_1997_eng.yaml",
        "data/r106-1_1997_fra.yaml",
    ],
    # ECMA-262 editions 1-16 share the docid "ECMA-262"
    # (and ECMA-269 edition 3 in volumes 1 and 2: extent.locality volume)
    "ecma": [
        "data/ECMA-262-1.yaml",
        "data/ECMA-262-2.yaml",
        "data/ECMA-262-5_1.yaml",
        "data/ECMA-262-15.yaml",
        "data/ECMA-262-16.yaml",
        "data/ECMA-269-3-1.yaml",
        "data/ECMA-269-3-2.yaml",
    ],
    # v2 committee contributors (CCTF meetings), a meeting session partOf a meeting
    # (and Metrologia 1 1 1 / 11 1, whose compact keys are equal)
    "bipm": [
        "data/metrologia-1-1-1.yaml",
        "data/metrologia-11-1.yaml",
        "data/cct/meeting/29.yaml",
        "data/cctf/meeting/16.yaml",
        "data/cgpm/meeting/1.yaml",
        "data/cgpm/meeting/resolution/1927-01.yaml",
    ],
}

SOURCES = [
    "iso",
    "iec",
    "itu-t",
    "itu-r",
    "itu-r-legacy",
    "etsi",
    "cie",
    "bipm",
    "oiml",
    "ieee",
    "jis",
    "ecma",
    "iho",
    "iala",
]


def _manifest(relaton: Path) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    with gzip.open(relaton / "MANIFEST.tsv.gz", "rt", encoding="utf-8") as f:
        for line in f:
            src, idx, path = line.rstrip("\n").split("\t", 2)
            if src in QUIRKS and path in QUIRKS[src]:
                out.setdefault(src, {})[path] = int(idx)
    return out


@pytest.fixture(scope="session")
def relaton_dir(shared_data) -> Path:
    return shared_data / "relaton"


@pytest.fixture(scope="session")
def relaton_slices(relaton_dir, tmp_path_factory) -> dict[str, Path]:
    """source → a `<source>.yaml` with the first FIRST documents and the QUIRKS records."""
    from stdlink.catalog.importers.relaton import reader

    out_dir = tmp_path_factory.mktemp("relaton-slices")
    wanted = _manifest(relaton_dir)
    slices: dict[str, Path] = {}
    for src in SOURCES:
        extra = set(wanted.get(src, {}).values())
        assert len(extra) == len(QUIRKS.get(src, [])), f"{src}: quirk records not in manifest"
        last = max([FIRST - 1, *extra])
        inp = reader.expand([relaton_dir / f"{src}.yaml.gz"])[0]
        docs = []
        for item in reader.documents(inp, limit=last + 1):
            index, _loc, raw = item
            if index < FIRST or index in extra:
                docs.append(raw)
        path = out_dir / f"{src}.yaml"
        path.write_bytes(b"".join(docs))
        slices[src] = path
    return slices


@pytest.fixture(scope="module")
def slices_imported_once(django_db_setup, django_db_blocker, relaton_slices):
    """Import the 14 slices once per test module, inside a transaction rolled back at the end
    of the module (each test's `db` savepoint nests inside it). Yields the batch id."""
    from django.db import transaction

    from stdlink.catalog.importers.relaton import import_paths

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield import_paths([relaton_slices[s] for s in SOURCES]).pk
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def row_counts():
    """A function returning the row count of every catalogue table (rollback checks)."""
    from stdlink.catalog import models as m

    def counts() -> dict[str, int]:
        tables = [
            m.Standard,
            m.Title,
            m.StandardDate,
            m.Relation,
            m.SourceRecord,
            m.Committee,
            m.ICS,
            m.CCS,
            m.Body,
            m.CodeFamily,
            m.Standard.ics.through,
            m.Standard.committees.through,
            m.Standard.ccs.through,
        ]
        return {t._meta.db_table: t.objects.count() for t in tables}

    return counts
