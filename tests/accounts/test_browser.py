"""Headless Chromium at 1366 and 390 px: each role's landing page and an Annex form fit the width,
load nothing from another host and log no console errors."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [1366, 390]


def _watch(page) -> dict:
    seen = {"hosts": set(), "errors": []}
    page.on("request", lambda r: seen["hosts"].add(urlparse(r.url).hostname))
    page.on(
        "console",
        lambda m: (
            seen["errors"].append(f"{m.text} {m.location.get('url')}")
            if m.type == "error"
            else None
        ),
    )
    page.on("pageerror", lambda e: seen["errors"].append(str(e)))
    page.on(
        "response",
        lambda r: seen["errors"].append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    return seen


def _login(page, username: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def _check(page, seen) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    if overflow > 0:
        wide = page.evaluate(
            """() => [...document.querySelectorAll('body *')]
              .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth)
              .slice(0, 5).map(e => e.tagName + '.' + e.className + '#' + e.id)"""
        )
        raise AssertionError(f"{page.url} scrolls sideways by {overflow}px: {wide}")
    host = urlparse(page.base_url).hostname
    assert seen["hosts"] <= {host}, f"requests to other hosts: {seen['hosts'] - {host}}"
    # The site icon belongs to base.html (branch ui); everything else must load.
    errors = [e for e in seen["errors"] if "/favicon.ico" not in e]
    assert errors == [], errors


@pytest.fixture
def people(db):
    from stdlink.core.models import Membership, Region, Role
    from stdlink.programme.models import Unit
    from tests.accounts.conftest import uscc
    from tests.conftest import make_user

    unit = Unit.objects.create(
        name="杭州浏览器测试有限公司",
        kind="enterprise",
        uscc=uscc(31),
        region=Region.objects.get(code="330100"),
        address="杭州市西湖区文三路 1 号",
    )
    make_user("prov_web", "province_admin", "330000", first_name="省局管理员")
    make_user("city_web", "city_officer", "330100", first_name="杭州市局")
    ent = make_user("unit_web", None, None, first_name="王小明")
    Membership.objects.create(
        user=ent, role=Role.objects.get(code="unit_user"), region=unit.region, unit_id=unit.pk
    )
    return unit


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    "username, marker",
    [("prov_web", "#overdue-grid"), ("city_web", "#this-month"), ("unit_web", "#my-surveys")],
)
def test_landing_page_per_role(page, people, width, username, marker):
    page.set_viewport_size({"width": width, "height": 900})
    seen = _watch(page)
    _login(page, username)
    assert page.url.endswith("/workbench/")
    page.wait_for_selector(marker)
    _check(page, seen)


@pytest.mark.parametrize("width", WIDTHS)
def test_annex_form_as_a_unit(page, people, width):
    page.set_viewport_size({"width": width, "height": 900})
    seen = _watch(page)
    _login(page, "unit_web")
    page.goto(page.base_url + "/programme/achievements/new/")
    page.wait_for_selector("#record-form")
    assert page.input_value("#id_unit_name") == "杭州浏览器测试有限公司"
    assert page.locator("#id_unit").get_attribute("type") == "hidden"
    assert page.locator("input[name=promotion_willing][type=radio]").count() == 2
    _check(page, seen)
    page.fill("#id_contact", "王小明")
    page.check("input[name=promotion_willing][value=愿意]")
    page.click("#save")
    page.wait_for_selector("#print-link")
    page.click("#print-link")
    page.wait_for_selector("#annex-sheet")
    assert "参与标准国际化活动成果情况表" in page.inner_text("#annex-sheet")
    _check(page, seen)
