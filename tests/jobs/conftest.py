from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def queue(immediate_queue):
    """Every test here runs queued jobs at once (tests/conftest.py immediate_queue)."""
    return immediate_queue


@pytest.fixture(autouse=True)
def _uploads_in_tmp(settings, tmp_path):
    """Uploaded files go to a temporary MEDIA_ROOT, never into the working tree's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def worker_thread():
    """A real Huey consumer (one worker thread and the scheduler) inside the test process, on an
    in-memory queue: jobs run asynchronously, as under `stdlink worker`, against the test
    database."""
    from huey.contrib.djhuey import HUEY
    from huey.storage import MemoryStorage

    HUEY.immediate = False  # a real consumer, not immediate mode
    saved = HUEY.storage
    HUEY.storage = MemoryStorage(HUEY.name)
    consumer = HUEY.create_consumer(
        workers=1, worker_type="thread", periodic=False, initial_delay=0.05, max_delay=0.2
    )
    consumer.scheduler.start()
    for _, worker in consumer.worker_threads:
        worker.start()
    yield consumer
    consumer.stop(graceful=True)
    HUEY.storage = saved


def login_browser(page, user) -> None:
    """Sign `user` in for the browser page (a session made by Django's test client)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": page.base_url}]
    )
