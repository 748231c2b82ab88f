"""Ledger test helpers: the seed documents are read from the shared folder, never copied."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from stdlink.env import REPO_ROOT


def seeds_dir() -> Path:
    return Path(os.environ.get("STDLINK_SEEDS_DIR") or REPO_ROOT.parent / "shared" / "seeds")


def seed_path(prefix: str) -> Path:
    folder = seeds_dir()
    hits = sorted(folder.glob(f"{prefix}_*.txt")) if folder.is_dir() else []
    if not hits:
        if os.environ.get("STDLINK_REQUIRE_DATA"):
            pytest.fail(f"seed {prefix} not found in {folder}")
        pytest.skip(f"seed {prefix} not found in {folder} (set STDLINK_SEEDS_DIR)")
    return hits[0]


_CACHE: dict[str, object] = {}


def parsed_seed(prefix: str):
    """The parsed seed (parsed once per test session: parsing is pure)."""
    from stdlink.ledger.parser import parse_document

    if prefix not in _CACHE:
        path = seed_path(prefix)
        _CACHE[prefix] = parse_document(path.read_text(encoding="utf-8"), source_name=path.name)
    return _CACHE[prefix]


@pytest.fixture
def seed():
    return parsed_seed
