"""Headless Chromium: a city officer uploads two documents, reviews a row, overrides one
judgement with a comment, confirms the comparison and exports the 标准比对分析表 as .xlsx."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_upload_review_override_confirm_export(page, shared_data):
    from stdlink.compare.models import Comparison
    from tests.conftest import make_user

    make_user("officer_cmp", "city_officer", "330100")
    base = page.base_url
    page.goto(base + "/accounts/login/")
    page.fill("#id_username", "officer_cmp")
    page.fill("#id_password", "pw-officer_cmp")
    page.press("#id_password", "Enter")  # submit the login form whatever its design
    page.wait_for_load_state()

    page.goto(base + "/compare/new/")
    page.fill("#id_title", "婴幼儿针织服装 对标")
    page.fill("#id_product_field", "纺织品")
    page.fill("#id_a_code", "T/ZZB 2101—2024")
    page.set_input_files("#id_a_file", str(shared_data / "compare-dev" / "textile.zh.txt"))
    page.fill("#id_b_code", "RS-TX 12:2022")
    page.set_input_files("#id_b_file", str(shared_data / "compare-dev" / "textile.en.txt"))
    page.click("#run-comparison")
    page.wait_for_selector("#rows")
    comparison = Comparison.objects.get(title="婴幼儿针织服装 对标")
    assert page.locator("#rows tbody tr").count() == comparison.rows.count() == 9
    assert page.locator("#row-1 mark.indicator").count() == 2  # 16 mg/kg and 20 mg/kg highlighted
    assert page.inner_text("#suggested-degree") == "MOD"

    # review row 1 as suggested
    page.click("#row-1 form.review-form button[type=submit]")
    page.wait_for_selector("#row-1 .badge.text-bg-success")
    # override the number-free drawstring row (3.7 / 5.7) with a comment
    row7 = comparison.rows.get(a_number="3.7")
    sel = f"#row-{row7.position}"
    page.select_option(f"{sel} select", "stricter")
    page.fill(f"{sel} textarea", "本标准禁止任何绳带，范围更广")
    page.click(f"{sel} form.review-form button[type=submit]")
    page.wait_for_selector(f"{sel} .badge.text-bg-warning")
    assert "本标准禁止任何绳带" in page.inner_text(sel)
    assert page.inner_text("#comparison-state") == "审核中"

    page.click("#confirm-comparison")
    page.wait_for_selector("#comparison-state")
    assert page.inner_text("#comparison-state") == "已确认"
    assert page.locator("#recognition-form").count() == 1

    with page.expect_download() as info:
        page.click("#export-xlsx")
    path = info.value.path()
    ws = load_workbook(io.BytesIO(open(path, "rb").read())).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "标准比对分析表"
    drawstring = next(r for r in rows if r[2] == "3.7")
    assert drawstring[4] == "5.7" and drawstring[6] == "严于"
    comparison.refresh_from_db()
    assert comparison.state == "confirmed"
