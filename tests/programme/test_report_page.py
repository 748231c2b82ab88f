"""The monthly report page: its figures, its plan (chosen when several run), one review form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stdlink.programme.models import MonthlyReport, Programme
from stdlink.programme.services.filing import submit_form

pytestmark = pytest.mark.django_db


def test_report_page_shows_figures_plan_and_one_review_form(client, world, personas):
    survey = world.records_a["surveys"]
    submit_form(acting_user=personas.editor_a, obj=survey)
    report = world.records_a["reports"]
    client.force_login(personas.admin)
    from stdlink.programme.services.reports import submit_report

    submit_report(acting_user=personas.editor_a, report=report)
    page = client.get(reverse("programme:reports-detail", args=[report.pk]))
    html = page.content.decode()
    assert page.context["figures"]["surveys"] == 1
    assert page.context["figures"]["demands"] == 1
    assert 'id="report-figures"' in html and str(report.programme) in html
    assert "2021年3月" in html
    assert html.count('name="decision"') == 2 and 'type="radio"' in html  # accept / return
    assert html.count('name="comment"') == 1
    assert 'data-state="submitted"' in html and "已提交" in html


def test_officer_chooses_the_plan_when_several_run(client, world, personas):
    first = Programme.objects.filter(monthly_reporting=True).first()
    other = Programme.objects.create(
        code="demo-second",
        name_zh="第二个方案",
        start=dt.date(2021, 1, 1),
        end=dt.date(2022, 12, 31),
        monthly_reporting=True,
    )
    client.force_login(personas.editor_a)
    listing = client.get(reverse("programme:reports-list")).content.decode()
    assert 'name="programme"' in listing and "第二个方案" in listing
    client.post(
        reverse("programme:reports-open"),
        {"region": personas.region_a.pk, "month": "2021-07", "programme": other.pk},
    )
    assert (
        MonthlyReport.objects.get(region=personas.region_a, month="2021-07-01").programme == other
    )
    assert first != other
