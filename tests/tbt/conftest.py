"""Fixtures for the TBT tests: the dev notifications, their truth, and the reference tables."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="session")
def tbt_dev(shared_data):
    path = shared_data / "tbt-dev"
    if not path.is_dir():
        pytest.skip(f"no tbt-dev data at {path}")
    return path


@pytest.fixture(scope="session")
def truth(tbt_dev) -> dict[str, dict]:
    out = {}
    with (tbt_dev / "notifications.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["symbol"]] = rec
    return out


@pytest.fixture(scope="session")
def reference(shared_data):
    from stdlink.tbt.classify.reference import load

    return load(shared_data)


@pytest.fixture(autouse=True)
def _jobs_run_inline():
    """The "tbt.match" job and notify's delivery jobs run in this process (Huey immediate mode)."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield
    HUEY.immediate = False


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what waits for the commit (the matching job, notify) at the end of the block."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
