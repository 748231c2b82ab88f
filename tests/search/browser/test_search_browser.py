"""Headless Chromium: type a Chinese and an English query in the header box, click a facet.

In its own package so that it runs before the modules sharing the rolled-back fixture
catalogue (a live server needs committed data, and this test's flush clears it afterwards).
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def small_catalogue(shared_data, tmp_path, settings):
    from stdlink.search import indexer
    from tests.search.conftest import _slices
    from tests.search.loader import load_nmpa, load_relaton

    settings.VAR_DIR = tmp_path
    iso, iec = _slices(shared_data, tmp_path)
    load_relaton(iec)
    load_nmpa(shared_data / "reference" / "cn-standards" / "nmpa_medical_device_standards.json")
    indexer.reindex()


def test_chinese_and_english_queries_and_a_facet(page, small_catalogue):
    base = page.base_url
    page.goto(base + "/standards/")
    box = page.locator("form.header-search input[name=q]")
    box.fill("医用电气设备 安全")
    box.press("Enter")
    page.wait_for_url("**/search/?q=*")
    page.wait_for_selector("#hits li.hit")
    first = page.locator("#hits li.hit").first
    assert "医用电气设备" in first.locator(".hit-title").inner_text()
    assert first.locator(".hit-title mark").count() >= 1

    box = page.locator("#search-q")
    box.fill("household appliances safety")
    box.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#hits li.hit .hit-id')?.textContent.includes('IEC 60335')"
    )

    facet = page.locator("#facets [data-facet=status] a.facet-value").first
    label = facet.inner_text().strip()
    facet.click()  # htmx swaps hits and facets together and pushes the URL
    page.wait_for_url("**status=*")
    page.wait_for_selector("#facets [data-facet=status] a.facet-value.selected")
    assert label in page.locator("#facets a.selected").first.inner_text()
    assert page.locator("#hits li.hit").count() >= 1
