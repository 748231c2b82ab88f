"""The workbench is the landing page after login and is made for each role."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from stdlink.programme.models import MonthlyReport, Survey
from tests.programme.conftest import unit_user, world  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def test_login_lands_on_the_workbench(client, personas):
    response = client.post(reverse("login"), {"username": "editor_a", "password": "pw-editor_a"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:workbench")


def test_province_workbench(client, world, personas):  # noqa: F811
    report = world.records_a["reports"]
    MonthlyReport.objects.filter(pk=report.pk).update(state="submitted")
    client.force_login(personas.admin)
    page = client.get(reverse("accounts:workbench"))
    html = page.content.decode()
    assert page.context["role"] == "province"
    assert [r.pk for r in page.context["awaiting"]] == [report.pk]
    assert 'id="overdue-grid"' in html and "杭州市" in html and "宁波市" in html
    grid = page.context["grid"]
    assert len(grid["months"]) == 6 and len(grid["rows"]) == 11
    assert 'id="targets-at-risk"' in html and 'id="recent-imports"' in html
    assert "年" in html and "月" in html  # months as 2026年11月


def test_city_workbench_lists_drafts_and_units_without_survey(client, world, personas):  # noqa: F811
    from stdlink.core.models import Region
    from stdlink.programme.models import Unit
    from tests.programme.conftest import uscc

    lonely = Unit.objects.create(
        name="没有调查表的公司",
        kind="enterprise",
        uscc=uscc(77),
        region=Region.objects.get(code="330106"),
    )
    client.force_login(personas.editor_a)
    page = client.get(reverse("accounts:workbench"))
    assert page.context["role"] == "city"
    assert [u.pk for u in page.context["without_survey"]] == [lonely.pk]
    drafts = [f for f, _url, _kind in page.context["drafts"]]
    assert world.records_a["surveys"] in drafts
    assert world.records_b["surveys"] not in drafts  # Ningbo's draft is not Hangzhou's business
    assert [c.code for c, _r in page.context["this_month"]] == ["330100"]
    assert page.context["month"] == timezone.localdate().replace(day=1)


def test_unit_workbench_shows_own_forms_and_the_alerts_slot(client, world):  # noqa: F811
    user = unit_user("ua", world.unit_a)
    client.force_login(user)
    page = client.get(reverse("accounts:workbench"))
    html = page.content.decode()
    assert page.context["role"] == "unit"
    assert list(page.context["surveys"]) == list(Survey.objects.filter(unit=world.unit_a))
    assert 'data-slot="watch-alerts"' in html
    assert "宁波乙公司" not in html


def test_account_without_role_is_told_whom_to_ask(client, db):
    from tests.conftest import make_user

    client.force_login(make_user("nobody", None, None))
    page = client.get(reverse("accounts:workbench"))
    assert page.context["role"] == "none"
    assert 'id="no-role"' in page.content.decode()


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(reverse("accounts:workbench"))
    assert response.status_code == 302 and reverse("login") in response["Location"]
