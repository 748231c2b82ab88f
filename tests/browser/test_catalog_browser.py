"""Headless Chromium: home page → filter the list → a standard's detail page (real records)."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def real_catalogue(shared_data):
    """The first ISO records of the real stream, imported through the real importer."""
    from stdlink.catalog.importers.relaton import import_paths

    import_paths([shared_data / "relaton" / "iso.yaml.gz"], limit=300)
    import_paths([shared_data / "relaton" / "iec.yaml.gz"], limit=100)


def test_home_filter_detail(page, real_catalogue):
    from stdlink.catalog.models import Standard

    base = page.base_url
    page.goto(base + "/")
    assert page.locator("#counts-by-body").is_visible()
    assert page.locator("#counts-by-body").inner_text().count("ISO") >= 1

    page.goto(base + "/standards/")
    page.select_option("#id_body", "IEC")  # htmx swaps the results on change
    page.wait_for_url("**/standards/?*body=IEC*")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#standard-table tbody tr td:first-child a')]"
        ".every(a => a.textContent.trim().length > 0)"
    )
    expected = Standard.objects.filter(body__code="IEC").count()
    assert expected > 0
    assert str(expected) in page.locator("#result-count").inner_text()

    first = page.locator("#standard-table tbody tr td:first-child a").first
    identifier = first.inner_text().strip()
    first.click()
    page.wait_for_selector("#std-identifier")
    assert page.locator("#std-identifier").inner_text().strip() == identifier
    assert page.locator("#titles").is_visible()
