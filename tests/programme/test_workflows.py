"""State machines: Annex forms (draft → submitted), projects (stages, no going back), monthly
reports (draft → submitted → accepted | returned → submitted), with the illegal moves refused."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_fsm import TransitionNotAllowed

from stdlink.core.models import AuditLog
from stdlink.programme.models import Project, SubsidyPayment, SubsidyPolicy
from stdlink.programme.services.filing import reopen_form, submit_form
from stdlink.programme.services.projects import move_project
from stdlink.programme.services.reports import (
    overdue_months,
    review_report,
    submit_report,
)
from stdlink.programme.subsidy import subsidy_status

D = dt.date


def test_form_submit_and_illegal_resubmit(world, personas):
    s = world.records_a["surveys"]
    submit_form(acting_user=personas.editor_a, obj=s)
    s.refresh_from_db()
    assert s.state == "submitted" and s.submitted_at
    with pytest.raises(TransitionNotAllowed):
        submit_form(acting_user=personas.editor_a, obj=s)
    with pytest.raises(PermissionDenied):
        reopen_form(acting_user=personas.reader_a, obj=s)
    reopen_form(acting_user=personas.editor_a, obj=s)
    s.refresh_from_db()
    assert s.state == "draft"


def test_submit_needs_required_fields(world, personas):
    s = world.records_a["surveys"]
    s.contact = ""
    s.save()
    with pytest.raises(ValidationError, match="联系人"):
        submit_form(acting_user=personas.editor_a, obj=s)


def test_submit_views(client, world, personas):
    s = world.records_a["surveys"]
    url = reverse("programme:surveys-submit", args=[s.pk])
    client.force_login(personas.reader_a)
    assert client.post(url).status_code == 403
    client.force_login(personas.user_b)
    assert client.post(url).status_code == 404
    client.force_login(personas.editor_a)
    # GET asks for confirmation and changes nothing; POST submits.
    confirm = client.get(url)
    assert confirm.status_code == 200 and b'id="confirm-submit-button"' in confirm.content
    s.refresh_from_db()
    assert s.state == "draft"
    assert client.post(url).status_code == 302
    s.refresh_from_db()
    assert s.state == "submitted"
    # A submitted form cannot be edited, and its page offers no edit link.
    edit = client.get(reverse("programme:surveys-edit", args=[s.pk]))
    assert edit.status_code == 302
    detail = client.get(reverse("programme:surveys-detail", args=[s.pk]))
    assert b'id="edit-link"' not in detail.content
    assert b'id="submit-form"' not in detail.content


def test_project_stages_and_subsidy(world, personas):
    p = world.records_a["projects"]
    p.proposed_on = D(2020, 7, 1)
    p.save()
    policy = SubsidyPolicy.objects.get(code="zj-2020-proposal")
    p.subsidy_policy = policy
    p.save()
    assert not subsidy_status(p).policy_set  # the seed sets no amounts
    policy.amount, policy.advance_ratio = Decimal("500000"), Decimal("0.4")
    policy.save()
    assert subsidy_status(p).due == 0
    p = move_project(acting_user=personas.editor_a, project=p, stage="accepted", on=D(2020, 9, 1))
    st = subsidy_status(p)
    assert (st.advance, st.due, st.outstanding) == (
        Decimal("200000.00"),
        Decimal("200000.00"),
        Decimal("200000.00"),
    )
    SubsidyPayment.objects.create(
        project=p, kind="advance", amount=Decimal("200000"), paid_on=D(2020, 10, 1)
    )
    p = move_project(acting_user=personas.editor_a, project=p, stage="dis", on=D(2021, 5, 1))
    with pytest.raises(TransitionNotAllowed):
        move_project(acting_user=personas.editor_a, project=p, stage="wd", on=D(2021, 6, 1))
    p = move_project(acting_user=personas.editor_a, project=p, stage="published", on=D(2022, 3, 1))
    st = subsidy_status(p)
    assert (st.due, st.paid, st.outstanding) == (
        Decimal("500000"),
        Decimal("200000"),
        Decimal("300000"),
    )
    for stage in ("withdrawn", "fdis", "accepted"):
        with pytest.raises(TransitionNotAllowed):
            move_project(acting_user=personas.editor_a, project=p, stage=stage, on=D(2022, 4, 1))
    with pytest.raises(PermissionDenied):
        move_project(
            acting_user=personas.user_b,
            project=world.records_a["projects"],
            stage="withdrawn",
            on=D(2022, 4, 1),
        )
    p.role = Project.Role.PARTICIPANT
    assert subsidy_status(p).reason  # lead projects only
    assert AuditLog.objects.filter(model="programme.project", action="transition").count() == 3


def test_project_move_view_matrix(client, world, personas):
    p = world.records_a["projects"]
    url = reverse("programme:projects-move", args=[p.pk])
    data = {"stage": "accepted", "on": "2021-01-05"}
    client.force_login(personas.reader_a)
    assert client.post(url, data).status_code == 403
    client.force_login(personas.user_b)
    assert client.post(url, data).status_code == 404
    client.force_login(personas.editor_a)
    assert client.post(url, data).status_code == 302
    p.refresh_from_db()
    assert p.stage == "accepted" and p.accepted_on == D(2021, 1, 5)


def test_monthly_report_cycle(world, personas):
    report = world.records_a["reports"]
    survey = world.records_a["surveys"]
    submit_form(acting_user=personas.editor_a, obj=survey)
    with pytest.raises(PermissionDenied):
        submit_report(acting_user=personas.reader_a, report=report)
    with pytest.raises(PermissionDenied):
        submit_report(acting_user=personas.user_b, report=report)
    with pytest.raises(TransitionNotAllowed):
        review_report(acting_user=personas.admin, report=report, accept=True)  # still a draft
    report = submit_report(acting_user=personas.editor_a, report=report, comments="三月")
    survey.refresh_from_db()
    assert survey.monthly_report_id == report.pk
    assert (
        world.records_a["achievements"]
        .__class__.objects.get(pk=world.records_a["achievements"].pk)
        .monthly_report_id
        is None
    )  # still a draft
    with pytest.raises(TransitionNotAllowed):
        submit_report(acting_user=personas.editor_a, report=report)
    with pytest.raises(PermissionDenied):  # only the province reviews
        review_report(acting_user=personas.editor_a, report=report, accept=True)
    with pytest.raises(ValidationError):
        review_report(acting_user=personas.admin, report=report, accept=False, comment=" ")
    report = review_report(
        acting_user=personas.admin, report=report, accept=False, comment="请补充"
    )
    assert report.state == "returned"
    report = submit_report(acting_user=personas.editor_a, report=report)
    assert report.submission_count == 2
    report = review_report(acting_user=personas.admin, report=report, accept=True)
    assert report.state == "accepted"
    with pytest.raises(TransitionNotAllowed):
        review_report(acting_user=personas.admin, report=report, accept=False, comment="x")
    with pytest.raises(ValidationError):  # part of a submitted report: no reopening
        reopen_form(acting_user=personas.editor_a, obj=survey)
    notes = list(
        AuditLog.objects.filter(model="programme.monthlyreport").values_list("note", flat=True)
    )
    assert sorted(notes) == ["accept", "return", "submit", "submit"]


def test_report_views_and_lists(client, world, personas):
    report = world.records_a["reports"]
    submit_form(acting_user=personas.editor_a, obj=world.records_a["surveys"])
    client.force_login(personas.reader_a)
    assert client.get(reverse("programme:reports-detail", args=[report.pk])).status_code == 200
    assert client.post(reverse("programme:reports-submit", args=[report.pk])).status_code == 403
    client.force_login(personas.user_b)
    assert client.get(reverse("programme:reports-detail", args=[report.pk])).status_code == 404
    assert client.post(reverse("programme:reports-submit", args=[report.pk])).status_code == 404
    client.force_login(personas.editor_a)
    assert (
        client.post(
            reverse("programme:reports-submit", args=[report.pk]), {"comments": "x"}
        ).status_code
        == 302
    )
    assert (
        client.post(
            reverse("programme:reports-review", args=[report.pk]), {"decision": "accept"}
        ).status_code
        == 403
    )
    client.force_login(personas.admin)
    assert (
        client.post(
            reverse("programme:reports-review", args=[report.pk]), {"decision": "accept"}
        ).status_code
        == 302
    )
    report.refresh_from_db()
    assert report.state == "accepted"
    page = client.get(reverse("programme:target-list"))
    assert page.status_code == 200 and "标准A" in page.content.decode()
    assert "标准B" not in page.content.decode()  # region B's report is not accepted
    xlsx = client.get(reverse("programme:target-list") + "?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(personas.editor_a)
    assert "标准A" in client.get(reverse("programme:target-list")).content.decode()
    client.force_login(personas.user_b)
    assert "标准A" not in client.get(reverse("programme:target-list")).content.decode()


def test_typical_cases_from_accepted_reports_only(client, world, personas):
    a = world.records_a["achievements"]
    submit_form(acting_user=personas.editor_a, obj=a)
    report = submit_report(acting_user=personas.editor_a, report=world.records_a["reports"])
    url = reverse("programme:achievements-typical", args=[a.pk])
    client.force_login(personas.admin)
    client.post(url, {"typical": "1"})
    a.refresh_from_db()
    assert not a.typical_case  # the report is not accepted yet
    review_report(acting_user=personas.admin, report=report, accept=True)
    client.force_login(personas.editor_a)
    assert client.post(url, {"typical": "1"}).status_code == 403
    client.force_login(personas.admin)
    client.post(url, {"typical": "1"})
    a.refresh_from_db()
    assert a.typical_case
    assert "成果A" in client.get(reverse("programme:typical-cases")).content.decode()


def test_overdue_months(world, personas):
    from stdlink.core.models import Region

    hz = Region.objects.get(code="330100")
    # 2021-03 has a draft report: overdue once 10 days after month end have passed.
    assert any(m == D(2021, 3, 1) for _c, m, _d, _r in overdue_months([hz], D(2021, 4, 11)))
    assert not any(m == D(2021, 3, 1) for _c, m, _d, _r in overdue_months([hz], D(2021, 4, 10)))
    report = submit_report(acting_user=personas.editor_a, report=world.records_a["reports"])
    assert report.state == "submitted"
    assert not any(m == D(2021, 3, 1) for _c, m, _d, _r in overdue_months([hz], D(2021, 5, 1)))
    # Every month from 2020-06 to 2021-02 is missing for Hangzhou.
    months = {m for c, m, _d, _r in overdue_months([hz], D(2021, 5, 1))}
    assert D(2020, 6, 1) in months and D(2021, 4, 1) not in months


def test_open_report_view(client, world, personas):
    url = reverse("programme:reports-open")
    client.force_login(personas.reader_a)
    assert client.post(url, {"region": personas.region_a.pk, "month": "2021-04"}).status_code == 403
    client.force_login(personas.editor_a)
    response = client.post(url, {"region": personas.region_b.pk, "month": "2021-04"})
    assert response.status_code == 302 and response["Location"].endswith("/reports/")
    response = client.post(url, {"region": personas.region_a.pk, "month": "2021-04"})
    assert "/reports/" in response["Location"] and response["Location"] != "/programme/reports/"
