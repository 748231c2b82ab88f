"""Headless Chromium at a desktop width (1366 px) and a phone width (390 px): the public pages and
the API documentation render with no sideways scrolling, no request to another host and no
console error. Every request that does not go to the live server is recorded and aborted, so the
API docs test also proves Swagger UI renders with the network cut off.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"desktop": (1366, 900), "phone": (390, 844)}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


@pytest.fixture
def catalogue(shared_data, tmp_path, settings):
    """Real ISO and IEC records, the real ICS table, and the search index over them."""
    from stdlink.catalog.importers.ics import import_ics
    from stdlink.catalog.importers.relaton import import_paths
    from stdlink.search import indexer

    settings.VAR_DIR = tmp_path
    import_ics(shared_data / "reference" / "ics" / "ics_ed7.csv")
    import_paths([shared_data / "relaton" / "iso.yaml.gz"], limit=300)
    import_paths([shared_data / "relaton" / "iec.yaml.gz"], limit=60)
    indexer.reindex()


@pytest.fixture
def open_page(browser, live_server):
    """open_page(path, viewport) → (page, problems): a fresh context per call, network guarded."""
    contexts = []

    def _open(path: str, viewport: str, wait_for: str | None = None):
        width, height = VIEWPORTS[viewport]
        context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": height})
        contexts.append(context)
        problems: dict[str, list[str]] = {"foreign": [], "console": []}

        def guard(route):
            host = urlparse(route.request.url).hostname or ""
            if host in LOCAL_HOSTS:
                route.continue_()
            else:
                problems["foreign"].append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.set_default_timeout(20000)
        page.on(
            "console",
            lambda msg: problems["console"].append(msg.text) if msg.type == "error" else None,
        )
        page.on("pageerror", lambda exc: problems["console"].append(str(exc)))
        page.goto(live_server.url + path, wait_until="networkidle")
        if wait_for:
            page.wait_for_selector(wait_for)
        return page, problems

    yield _open
    for context in contexts:
        context.close()


def _overflow(page) -> int:
    return page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")


def _paths():
    from stdlink.catalog.models import Standard

    standard = (
        Standard.objects.filter(relations_out__isnull=False, ics__isnull=False).first()
        or Standard.objects.first()
    )
    return {
        "home": ("/", "#counts-by-body"),
        "standards list": ("/standards/", "#standard-table"),
        "standard page": (f"/standards/{standard.pk}/", "#std-identifier"),
        "search": ("/search/?q=" + "质量管理", "#hits"),
        "search en": ("/search/?q=safety", "#hits li.hit"),
        "api docs": ("/api/v1/docs", "#swagger-ui .opblock"),
        "style guide": ("/style-guide/", "#components"),
    }


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_pages_fit_stay_local_and_log_no_errors(open_page, catalogue, viewport):
    failures = []
    for name, (path, selector) in _paths().items():
        page, problems = open_page(path, viewport, wait_for=selector)
        overflow = _overflow(page)
        if overflow > 0:
            failures.append(f"{name} ({path}) scrolls sideways by {overflow}px at {viewport}")
        if problems["foreign"]:
            failures.append(f"{name} asked another host: {problems['foreign'][:3]}")
        if problems["console"]:
            failures.append(f"{name} console errors: {problems['console'][:3]}")
    assert failures == []


def test_api_docs_render_offline(open_page, catalogue):
    page, problems = open_page("/api/v1/docs", "desktop", wait_for="#swagger-ui .opblock")
    assert page.locator("#swagger-ui .opblock").count() >= 5
    assert "/api/v1/standards" in page.locator("#swagger-ui").inner_text()
    assert problems == {"foreign": [], "console": []}


def test_phone_navigation_collapses_and_filters_open_in_a_drawer(open_page, catalogue):
    page, problems = open_page("/standards/", "phone", wait_for="#standard-table")
    nav = page.locator("#site-nav")
    assert not nav.is_visible()  # collapsed behind the toggler
    header_height = page.evaluate("() => document.querySelector('.site-header').offsetHeight")
    assert header_height <= 80
    page.click(".navbar-toggler")
    page.wait_for_selector("#site-nav.show")
    assert page.locator("#site-nav a.nav-link.active").inner_text().strip() != ""
    page.click(".navbar-toggler")
    assert not page.locator("#standard-filters").is_visible()
    page.click("button[data-bs-target='#standard-filters']")
    page.wait_for_selector("#standard-filters.show")
    assert page.locator("#standard-filters #id_body").is_visible()
    assert problems["console"] == []


def test_relations_shown_once_and_technical_details_folded(open_page, catalogue):
    from stdlink.catalog.models import Relation

    relation = Relation.objects.filter(target__isnull=False).select_related("source").first()
    page, _problems = open_page(f"/standards/{relation.source_id}/", "desktop", "#relations")
    links = page.eval_on_selector_all(
        "#relations a[href^='/standards/']", "els => els.map(e => e.getAttribute('href'))"
    )
    assert f"/standards/{relation.target_id}/" in links
    assert len(links) == len(set(links))  # each related standard once
    assert not page.locator("#technical-details dl").is_visible()
    page.click("#technical-details summary")
    assert page.locator("#technical-details dl").is_visible()


@pytest.mark.parametrize("width", [1366, 1200, 992, 390])
def test_signed_in_header_fits_with_the_longest_menu(browser, live_server, personas, width):
    """The province administrator has the most menu entries; the header stays one line and the
    page does not scroll sideways at any width."""
    context = browser.new_context(locale="zh-CN", viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.fill("#id_username", "prov_admin")
    page.fill("#id_password", "pw-prov_admin")
    page.click("#login-form button[type=submit]")
    page.wait_for_load_state()
    page.goto(live_server.url + "/bodies/ISO/", wait_until="networkidle")
    assert _overflow(page) <= 0
    assert page.evaluate("() => document.querySelector('.site-header').offsetHeight") <= 80
    if width >= 1200:  # below, the menu (with the identity) is behind the toggler
        page.click("button.identity")
        assert "浙江省" in page.inner_text("#identity-card")
    context.close()
