"""Headless Chromium: a unit subscribes to HS 9503; the province imports a toy notification; the
alert appears with its colour and reason; the unit comments; the province consolidates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, username: str) -> None:
    page.context.clear_cookies()
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.click("form.form button[type=submit]")
    page.wait_for_load_state()


def test_subscribe_alert_comment_consolidate(page, shared_data):
    from stdlink.core.models import Membership, Region
    from stdlink.programme.models import Unit
    from stdlink.tbt.models import Alert, CommentCase
    from stdlink.tbt.services.reference import import_countries
    from tests.conftest import make_user
    from tests.tbt.test_views import uscc

    import_countries(shared_data / "reference/countries/countries_iso_zh_wto_bri.csv")
    unit = Unit.objects.create(
        name="杭州玩具浏览器公司",
        kind="enterprise",
        uscc=uscc(21),
        region=Region.objects.get(code="330100"),
    )
    user = make_user("toy_web", "unit_user", "330100")
    Membership.objects.filter(user=user).update(unit_id=unit.pk)
    make_user("prov_web", "province_admin", "330000")
    base = page.base_url

    # 1. the unit subscribes to HS 9503
    _login(page, "toy_web")
    page.goto(base + "/tbt/subscriptions/")
    page.fill("#id_name", "玩具出口")
    page.fill("#id_hs_codes", "9503")
    page.click("#subscription-form button[type=submit]")
    page.wait_for_selector("#subscription-table >> text=玩具出口")

    # 2. the province imports a toy notification (pasted form)
    _login(page, "prov_web")
    page.goto(base + "/tbt/import/")
    today = date.today()
    page.fill(
        "#id_text",
        f"世界贸易组织\nG/TBT/N/KEN/8888\n分发日期：{today.isoformat()}\n技术性贸易壁垒委员会\n通报\n\n"
        "1. 通报成员：肯尼亚\n3. 通报依据的条款：TBT 2.9.2\n4. 覆盖的产品：玩具 HS编码：9503.0089\n"
        "5. 通报标题，页数和使用语言：玩具安全强制性技术法规草案（英语）\n"
        "7. 目的和理由，如是紧急措施，说明紧急问题的性质：保护人类健康或安全\n10. 意见反馈截止日期：自通报之日起20天\n",
    )
    page.click("#import-form button[type=submit]")
    page.wait_for_selector("#chain")
    assert "G/TBT/N/KEN/8888" in page.inner_text("h1")

    # 3. the unit sees the graded alert with its reason
    _login(page, "toy_web")
    page.goto(base + "/tbt/alerts/")
    row = page.locator("#alert-table tr.alert-row").first
    assert "grade-red" in row.get_attribute("class")
    assert "红" in row.inner_text() and "HS4" in row.locator(".reason").inner_text()
    assert Alert.objects.get().grade == "red"

    # 4. the province opens a case; the unit answers
    _login(page, "prov_web")
    n_pk = Alert.objects.get().notification_id
    page.goto(base + f"/tbt/notifications/{n_pk}/")
    page.fill("#id_internal_deadline", (today + timedelta(days=7)).isoformat())
    page.click("#case-open-form button[type=submit]")
    page.wait_for_selector("#case-status")
    case = CommentCase.objects.get()
    _login(page, "toy_web")
    page.goto(base + f"/tbt/cases/{case.pk}/")
    page.fill("#answer-form textarea", "建议给予12个月过渡期。")
    page.click("#answer-form button[type=submit]")
    page.wait_for_selector(".answer >> text=建议给予12个月过渡期。")

    # 5. the province consolidates
    _login(page, "prov_web")
    page.goto(base + f"/tbt/cases/{case.pk}/")
    assert "建议给予12个月过渡期" in page.input_value("#consolidate-form textarea[name=text_zh]")
    page.fill("#consolidate-form textarea[name=text_en]", "A 12-month transition is suggested.")
    page.click("#consolidate-form button[type=submit]")
    page.wait_for_selector("#case-status >> text=已汇总")
    case.refresh_from_db()
    assert case.status == "consolidated" and "12" in case.text_en
