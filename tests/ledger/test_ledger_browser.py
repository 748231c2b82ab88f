"""Headless Chromium: log in, open a document's ledger page, filter its tasks by agency."""

from __future__ import annotations

import pytest

from tests.conftest import make_user
from tests.ledger.conftest import seed_path

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_login_open_document_filter_by_agency(page):
    from stdlink.ledger.models import Agency
    from stdlink.ledger.services import import_text

    make_user("reader_l", "city_viewer", "330100")
    doc = import_text(
        seed_path("004").read_text(encoding="utf-8"), source_name="004.txt", acting_user=None
    ).document
    base = page.base_url
    page.goto(f"{base}/accounts/login/?next=/ledger/documents/{doc.pk}/")
    page.fill("input[name=username]", "reader_l")
    page.fill("input[name=password]", "pw-reader_l")
    page.click("form:has(input[name=password]) button[type=submit]")
    page.wait_for_selector("#doc-title")
    assert page.locator("#doc-number").inner_text().strip() == "国市监标技发〔2022〕64号"
    assert page.locator("#task-table tbody tr").count() == 33

    shangwu = Agency.objects.get(name="商务部")
    page.select_option("#f-agency", str(shangwu.pk))
    page.select_option("#id_role", "lead")
    page.click("#f-submit")
    page.wait_for_url(f"**/ledger/documents/{doc.pk}/?*agency={shangwu.pk}*")
    rows = page.locator("#task-table tbody tr")
    assert rows.count() == 1
    assert rows.first.get_attribute("data-task") == "十六"
    assert "商务部" in rows.first.locator("td.lead").inner_text()
