from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def queue():
    """Huey in immediate mode: enqueued jobs run synchronously in this process (in-memory
    queue), which is how the unit tests run the worker. Autouse: no test writes into the
    development queue (var/queue.sqlite3) or holds a connection to the test database."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield HUEY
    HUEY.storage.flush_all() if hasattr(HUEY.storage, "flush_all") else None
    HUEY.immediate = False


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (the enqueue) as the test's block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
