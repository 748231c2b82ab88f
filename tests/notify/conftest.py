from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def queue(immediate_queue):
    """Every test here runs queued jobs at once (tests/conftest.py immediate_queue)."""
    return immediate_queue
