"""Headless Chromium: the province opens a Chinese standard, sees its suggestions, confirms one,
and finds the adoption on the IEC record's page and in the conversion rate."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _login(page, username: str) -> None:
    page.goto(page.base_url + "/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "pw-" + username)
    page.locator("#id_password").press("Enter")
    page.wait_for_load_state()


def test_confirm_a_suggestion(page, personas):
    from stdlink.tracking.models import Adoption

    from .conftest import make_standard

    gb = make_standard(
        "SAC",
        "GB 9706.237-2020",
        year=2020,
        title_zh="医用电气设备 第2-37部分：超声诊断和监护设备的基本安全和基本性能专用要求",
    )
    iec = make_standard(
        "IEC",
        "IEC 60601-2-37:2007",
        year=2007,
        title_en="Medical electrical equipment - Part 2-37: Particular requirements for the basic safety and essential performance of ultrasonic medical diagnostic and monitoring equipment",
    )
    make_standard("IEC", "IEC 60601-2-37:2024", year=2024, title_en=iec.title_en)
    base = page.base_url

    _login(page, personas.admin.username)
    page.goto(f"{base}/tracking/standards/{gb.pk}/")
    first = page.locator("[data-testid=suggestions] .list-group-item").first
    assert "IEC 60601-2-37:2007" in first.inner_text()  # the 2024 edition is newer than the GB
    first.locator("select[name=degree]").select_option("MOD")
    first.locator("button[value=confirm]").click()
    page.wait_for_load_state()
    assert Adoption.objects.filter(
        domestic=gb, intl=iec, degree="MOD", source="suggestion"
    ).exists()

    page.goto(f"{base}/standards/{iec.pk}/")
    panel = page.locator("[data-testid=adoption-panel]")
    assert "GB 9706.237-2020" in panel.inner_text()

    page.goto(f"{base}/tracking/?by=body")
    assert "1 / 1" in page.locator("body").inner_text().replace(",", "")
