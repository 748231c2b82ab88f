"""Headless Chromium: an administrator uploads a small real Relaton stream on /imports/, watches
the progress bar (htmx polling) until the job is done, and reads the batch report."""

from __future__ import annotations

import pytest

from tests.jobs.conftest import login_browser
from tests.jobs.samples import relaton_stream

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_progress_report(page, personas, shared_data, worker_thread, tmp_path):
    from stdlink.catalog.models import SourceRecord

    upload = tmp_path / "cie.yaml.gz"
    upload.write_bytes(relaton_stream(shared_data, "cie", n=200))
    login_browser(page, personas.admin)

    page.goto(page.base_url + "/imports/")
    page.select_option("#id_kind", "relaton")
    page.set_input_files("#id_files", str(upload))
    page.click("#import-form button[type=submit]")

    page.wait_for_url("**/imports/*/")
    assert page.locator("#job-bar").count() == 1  # the progress card is on the page
    # htmx polls the card every second and swaps it until the job has finished
    page.wait_for_selector("#batch-report", timeout=60000)
    assert page.locator("#job-bar").get_attribute("value") == "100"
    assert page.locator("#job-bar").get_attribute("data-status") == "succeeded"
    assert page.locator("[data-count=created]").inner_text().replace(",", "") == "200"
    assert "200" in page.locator("#job-figures").inner_text()
    assert "新建" in page.locator("#batch-report").inner_text()
    assert SourceRecord.objects.filter(source="cie").count() == 200
