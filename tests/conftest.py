"""Shared fixtures: the three fixed personas, data paths, and a headless Chromium for page tests.

Personas (STYLE.md §11): an editor in region A (杭州), a read-only user in region A, a user of
region B (宁波); plus a provincial administrator and the anonymous public.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from stdlink.env import data_dir

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data beside the project (STDLINK_DATA_DIR, default ../shared/data)."""
    path = data_dir()
    if not path.is_dir():
        if os.environ.get("STDLINK_REQUIRE_DATA"):
            pytest.fail(f"real data not found at {path} (STDLINK_REQUIRE_DATA is set)")
        pytest.skip(f"real data not found at {path} (set STDLINK_DATA_DIR)")
    return path


@dataclass
class Personas:
    region_a: object
    region_b: object
    province: object
    editor_a: object
    reader_a: object
    user_b: object
    admin: object


def make_user(username: str, role_code: str | None, region_code: str | None, **extra):
    from django.contrib.auth import get_user_model

    from stdlink.core.models import Membership, Region, Role

    user = get_user_model().objects.create_user(
        username=username, password="pw-" + username, **extra
    )
    if role_code:
        Membership.objects.create(
            user=user,
            role=Role.objects.get(code=role_code),
            region=Region.objects.get(code=region_code),
        )
    return user


@pytest.fixture
def personas(db) -> Personas:
    from stdlink.core.models import Region

    return Personas(
        region_a=Region.objects.get(code="330100"),
        region_b=Region.objects.get(code="330200"),
        province=Region.objects.get(code="330000"),
        editor_a=make_user("editor_a", "city_officer", "330100"),
        reader_a=make_user("reader_a", "city_viewer", "330100"),
        user_b=make_user("user_b", "city_officer", "330200"),
        admin=make_user("prov_admin", "province_admin", "330000"),
    )


def _browser_available() -> bool:
    return Path(CHROMIUM).exists() or bool(shutil.which("chromium"))


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (no browser download)."""
    if not _browser_available():
        if os.environ.get("STDLINK_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is required for browser tests (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} not installed")
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself stay synchronous, so the async-safety guard does not apply here.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(15000)
    pg.base_url = live_server.url  # type: ignore[attr-defined]
    yield pg
    context.close()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """PBKDF2 is slow on purpose, for real passwords; every test hashes with MD5 (persona
    passwords alone cost over a second per test otherwise)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Pages cache aggregates briefly; each test starts with an empty cache."""
    from django.core.cache import cache

    cache.clear()
    yield


@pytest.fixture
def immediate_queue():
    """Huey in immediate mode: enqueued jobs run synchronously in this process (in-memory
    queue), which is how the unit tests run the worker; no test writes into the development
    queue (var/queue.sqlite3). The jobs, notify and accounts tests use it for every test
    (their conftest's autouse `queue`)."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield HUEY
    HUEY.storage.flush_all() if hasattr(HUEY.storage, "flush_all") else None
    HUEY.immediate = False


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    """Run on_commit callbacks (notifications, enqueued jobs) as the test's block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
