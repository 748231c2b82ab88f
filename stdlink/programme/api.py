"""Programme REST API under /api/v1/programme/. Every operation needs a view permission
(`require`), and every queryset goes through `scoped()` — the same region / unit rule as the pages
and exports; an object outside the caller's scope is a 404. Filters are the list pages' filter sets.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.http import Http404, HttpRequest
from django_fsm import TransitionNotAllowed
from ninja import Field, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from stdlink.core.api_auth import require
from stdlink.core.params import Pagination, checked
from stdlink.programme import filtersets as fs
from stdlink.programme.metrics import progress
from stdlink.programme.models import (
    Achievement,
    MonthlyReport,
    Project,
    Survey,
    Target,
    Unit,
)
from stdlink.programme.scoping import fetch, scoped

router = Router()


def _filtered(request: HttpRequest, qs, filterset, codename: str):
    qs = scoped(request.user, qs, codename)
    return checked(filterset(request.GET, queryset=qs))


class UnitSchema(Schema):
    id: int
    name: str
    kind: str
    uscc: str
    region: str = Field(..., alias="region.code")
    address: str
    is_demo: bool


class AnnexSchema(Schema):
    id: int
    unit_id: int
    month: dt.date
    state: str
    monthly_report_id: int | None
    fields: dict[str, str]

    @staticmethod
    def resolve_fields(obj) -> dict[str, str]:
        # Keyed by the annex's Chinese headers, in annex order.
        return {header: getattr(obj, f) or "" for f, header in obj.ANNEX_FIELDS}


class ProjectSchema(Schema):
    id: int
    unit_id: int
    title: str
    reference: str
    body: str = Field(..., alias="body.code")
    committee_code: str
    role: str
    stage: str
    proposed_on: dt.date | None
    accepted_on: dt.date | None
    published_on: dt.date | None
    standard_id: int | None


class TargetSchema(Schema):
    id: int
    programme: str = Field(..., alias="programme.code")
    code: str
    description_zh: str
    description_en: str
    value: Decimal
    comparator: str
    unit_zh: str
    deadline: dt.date
    region: str | None = Field(None, alias="region.code")
    metric: str
    actual: int | None = None
    percent: int | None = None


class ReportSchema(Schema):
    id: int
    region: str = Field(..., alias="region.code")
    month: dt.date
    state: str
    comments: str
    review_comment: str
    submission_count: int
    survey_ids: list[int]
    achievement_ids: list[int]

    @staticmethod
    def resolve_survey_ids(obj) -> list[int]:
        return [s.pk for s in obj.surveys.all()]

    @staticmethod
    def resolve_achievement_ids(obj) -> list[int]:
        return [a.pk for a in obj.achievements.all()]


@router.get("/units", response=list[UnitSchema], auth=require("programme.view_unit"))
@paginate(Pagination, page_size=50)
def list_units(request: HttpRequest):
    return _filtered(
        request, Unit.objects.select_related("region"), fs.UnitFilterSet, "programme.view_unit"
    )


@router.get("/units/{pk}", response=UnitSchema, auth=require("programme.view_unit"))
def get_unit(request: HttpRequest, pk: int):
    return fetch(request.user, Unit.objects.select_related("region"), "programme.view_unit", pk=pk)[
        0
    ]


@router.get("/surveys", response=list[AnnexSchema], auth=require("programme.view_survey"))
@paginate(Pagination, page_size=50)
def list_surveys(request: HttpRequest):
    return _filtered(request, Survey.objects.all(), fs.SurveyFilterSet, "programme.view_survey")


@router.get("/surveys/{pk}", response=AnnexSchema, auth=require("programme.view_survey"))
def get_survey(request: HttpRequest, pk: int):
    return fetch(request.user, Survey.objects.all(), "programme.view_survey", pk=pk)[0]


@router.get("/achievements", response=list[AnnexSchema], auth=require("programme.view_achievement"))
@paginate(Pagination, page_size=50)
def list_achievements(request: HttpRequest):
    return _filtered(
        request, Achievement.objects.all(), fs.AchievementFilterSet, "programme.view_achievement"
    )


@router.get("/achievements/{pk}", response=AnnexSchema, auth=require("programme.view_achievement"))
def get_achievement(request: HttpRequest, pk: int):
    return fetch(request.user, Achievement.objects.all(), "programme.view_achievement", pk=pk)[0]


@router.get("/projects", response=list[ProjectSchema], auth=require("programme.view_project"))
@paginate(Pagination, page_size=50)
def list_projects(request: HttpRequest):
    return _filtered(
        request,
        Project.objects.select_related("body"),
        fs.ProjectFilterSet,
        "programme.view_project",
    )


@router.get("/projects/{pk}", response=ProjectSchema, auth=require("programme.view_project"))
def get_project(request: HttpRequest, pk: int):
    return fetch(
        request.user, Project.objects.select_related("body"), "programme.view_project", pk=pk
    )[0]


@router.get("/targets", response=list[TargetSchema], auth=require("programme.view_target"))
def list_targets(request: HttpRequest):
    """Targets with progress computed from the records (province-wide figures)."""
    qs = checked(
        fs.TargetFilterSet(
            request.GET, queryset=Target.objects.select_related("programme", "region")
        )
    )
    out = []
    for t in qs:
        p = progress(t)
        t.actual, t.percent = p.actual, (p.percent if p.has_source else None)
        out.append(t)
    return out


@router.get("/reports", response=list[ReportSchema], auth=require("programme.view_monthlyreport"))
@paginate(Pagination, page_size=50)
def list_reports(request: HttpRequest):
    return _filtered(
        request,
        MonthlyReport.objects.select_related("region").prefetch_related("surveys", "achievements"),
        fs.MonthlyReportFilterSet,
        "programme.view_monthlyreport",
    )


@router.get("/reports/{pk}", response=ReportSchema, auth=require("programme.view_monthlyreport"))
def get_report(request: HttpRequest, pk: int):
    return fetch(
        request.user,
        MonthlyReport.objects.select_related("region"),
        "programme.view_monthlyreport",
        pk=pk,
    )[0]


@router.post(
    "/reports/{pk}/submit", response=ReportSchema, auth=require("programme.submit_monthlyreport")
)
def submit_report(request: HttpRequest, pk: int):
    """The city submits its month (collecting its submitted surveys and achievements)."""
    from stdlink.programme.services.reports import submit_report as submit

    report, can_write = fetch(
        request.user,
        MonthlyReport.objects.all(),
        "programme.view_monthlyreport",
        "programme.submit_monthlyreport",
        pk=pk,
    )
    if not can_write:
        raise Http404
    try:
        return submit(acting_user=request.user, report=report)
    except TransitionNotAllowed as exc:
        raise HttpError(409, f"状态不允许 / not allowed in state {report.state}") from exc
