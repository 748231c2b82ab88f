"""Headless Chromium: a unit user files a demand survey through the web form and submits it; the
city officer opens the month and submits it to the province."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, username: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_unit_files_survey_and_city_submits_month(page):
    from stdlink.core.models import Region
    from stdlink.programme.models import MonthlyReport, Survey, Unit
    from tests.conftest import make_user
    from tests.programme.conftest import unit_user, uscc

    unit = Unit.objects.create(
        name="杭州浏览器测试公司",
        kind="enterprise",
        uscc=uscc(7),
        region=Region.objects.get(code="330106"),
    )
    unit_user("unit_web", unit)
    make_user("officer_web", "city_officer", "330100")
    base = page.base_url

    _login(page, "unit_web")
    page.goto(base + "/programme/surveys/new/")
    page.select_option("#id_month", "2021-04")
    page.fill("#id_unit_name", "杭州浏览器测试公司")
    page.fill("#id_contact", "王工")
    page.fill("#id_mobile", "13812345678")
    page.fill("#id_email", "wang@example.com")
    page.fill("#id_proposed_standards", "智能泵阀通用技术要求")
    page.click("#save")
    page.wait_for_selector("#submit-form")
    page.click("#submit-form")
    page.wait_for_selector("#confirm-submit")  # a confirmation before submitting
    assert Survey.objects.get(unit=unit).state == "draft"
    page.click("#confirm-submit-button")
    page.wait_for_selector("#state")
    survey = Survey.objects.get(unit=unit)
    assert survey.state == "submitted"
    page.context.clear_cookies()

    _login(page, "officer_web")
    page.goto(base + "/programme/reports/")
    page.select_option("#open-report select[name=region]", label="杭州市")
    page.select_option("#open-report select[name=month]", "2021-04")
    page.click("#open-report button[type=submit]")
    page.wait_for_selector("#submit-report-button")
    assert "杭州浏览器测试公司" in page.inner_text("#report-surveys")
    page.click("#submit-report-button")
    page.wait_for_selector("#report-state")
    report = MonthlyReport.objects.get(region__code="330100", month="2021-04-01")
    assert report.state == "submitted"
    survey.refresh_from_db()
    assert survey.monthly_report_id == report.pk


def test_dashboard_runs_under_the_content_security_policy(page):
    """F11: the by-city chart and the programme selector work from static scripts; the browser
    reports no CSP violation."""
    from tests.conftest import make_user

    make_user("prov_web", "province_admin", "330000")
    violations: list[str] = []
    page.on(
        "console", lambda m: violations.append(m.text) if "Content Security" in m.text else None
    )
    _login(page, "prov_web")
    page.goto(page.base_url + "/programme/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => !!window.Chart && !!Chart.getChart('city-chart')")
    assert violations == []
