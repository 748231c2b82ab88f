"""A small real catalogue for the build tests: the ISO tea works from the Relaton stream."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

TEA = re.compile(r"^ISO (?:3720|11287|3103|6078|1839|1572|1573|1574|1575|1576|1577|1578)\b")


@pytest.fixture(scope="session")
def tea_slice(shared_data, tmp_path_factory) -> Path:
    from tests.search.loader import slice_stream

    out = tmp_path_factory.mktemp("tea") / "iso" / "iso.yaml"
    out.parent.mkdir(parents=True)
    slice_stream(shared_data / "relaton" / "iso.yaml.gz", lambda i: bool(TEA.match(i)), out)
    return out


@pytest.fixture
def tea(db, tea_slice, settings, tmp_path):
    """The tea works imported (vectors not built); the index file in a temporary VAR_DIR."""
    from stdlink.semantic.services.store import forget
    from tests.search.loader import load_relaton

    settings.VAR_DIR = tmp_path
    forget()
    ids = load_relaton(tea_slice)
    yield ids
    forget()
