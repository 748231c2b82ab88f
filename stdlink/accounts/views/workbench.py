"""The landing page after login: one workbench per role (ADR 0012).

Built from programme's own queries: `scoped()` for records, `overdue_months()` for late cities,
`metrics.progress_all()` for targets, and catalogue import batches for the province.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from stdlink.core.models import Region, Role
from stdlink.core.permissions import _memberships, has_perm, login
from stdlink.programme.scoping import scoped, unit_ids

GRID_MONTHS = 6


def role_of(user) -> str:
    """ "province", "city" (city and county officers and viewers), "unit" or "none"."""
    if user.is_superuser or has_perm(user, "programme.review_monthlyreport"):
        return "province"
    scopes = {m.role.scope for m in _memberships(user)}
    if Role.Scope.ALL in scopes:
        return "province"
    if Role.Scope.REGION in scopes:
        return "city"
    if Role.Scope.UNIT in scopes:
        return "unit"
    return "none"


def _months_back(today: dt.date, n: int) -> list[dt.date]:
    out, month = [], today.replace(day=1)
    for _i in range(n):
        month = (month - dt.timedelta(days=1)).replace(day=1)
        out.append(month)
    return list(reversed(out))


def _grid_end(today: dt.date) -> dt.date:
    """The month after the last reporting month that counts: today, or the end of the latest
    plan with monthly reporting when that lies in the past (its months stay visible)."""
    from django.db.models import Max

    from stdlink.programme.models import Programme

    last = Programme.objects.filter(monthly_reporting=True).aggregate(m=Max("end"))["m"]
    if last is not None and last < today:
        return (last.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    return today


def overdue_grid(cities, overdue, today: dt.date) -> dict:
    """Cities × the last GRID_MONTHS reporting months; a cell holds the overdue entry or None."""
    months = _months_back(_grid_end(today), GRID_MONTHS)
    late = {(city.pk, month): (due, report) for city, month, due, report in overdue}
    rows = []
    for city in cities:
        cells = [late.get((city.pk, m)) for m in months]
        rows.append({"city": city, "cells": cells, "late": sum(1 for c in cells if c)})
    return {"months": months, "rows": rows}


def targets_at_risk(today: dt.date) -> list:
    """Targets not yet met whose share done is below the share of the period gone by."""
    from stdlink.programme.metrics import progress_all
    from stdlink.programme.models import Target

    targets = Target.objects.select_related("programme", "region").filter(deadline__gte=today)
    out = []
    for p in progress_all(targets):
        if not p.has_source or p.met:
            continue
        start, end = p.target.programme.start, p.target.deadline
        elapsed = max(0, min(100, int(100 * (today - start).days / max((end - start).days, 1))))
        if p.percent < elapsed:
            out.append({"progress": p, "elapsed": elapsed})
    return sorted(out, key=lambda r: r["progress"].percent - r["elapsed"])


def _province(request, today) -> dict:
    from stdlink.catalog.models import ImportBatch
    from stdlink.programme.models import MonthlyReport
    from stdlink.programme.services.reports import overdue_months

    cities = list(Region.objects.filter(level="city"))
    return {
        "awaiting": scoped(
            request.user,
            MonthlyReport.objects.filter(state="submitted").select_related("region", "programme"),
            "programme.view_monthlyreport",
        ).order_by("submitted_at"),
        "grid": overdue_grid(cities, overdue_months(cities, today), today),
        "at_risk": targets_at_risk(today),
        "imports": ImportBatch.objects.order_by("-started")[:5],
    }


def _city(request, today) -> dict:
    from stdlink.programme.models import Achievement, MonthlyReport, Survey, Unit
    from stdlink.programme.services.reports import due_date, overdue_months, programme_for

    user = request.user
    cities = [
        r
        for r in Region.objects.filter(level="city")
        if has_perm(user, "programme.view_monthlyreport", r)
    ]
    month = today.replace(day=1)
    reports = scoped(
        user,
        MonthlyReport.objects.filter(month=month).select_related("region", "programme"),
        "programme.view_monthlyreport",
    )
    by_city = {r.region_id: r for r in reports}
    try:
        due = due_date(programme_for(month), month)
    except ValidationError:  # no programme with monthly reporting yet
        due = None
    drafts = [
        (form, reverse(f"programme:{key}-detail", args=[form.pk]), model._meta.verbose_name)
        for key, model in (("surveys", Survey), ("achievements", Achievement))
        for form in scoped(
            user, model.objects.filter(state="draft"), f"programme.view_{model._meta.model_name}"
        )[:50]
    ]
    without_survey = scoped(
        user,
        Unit.objects.filter(~Exists(Survey.objects.filter(unit=OuterRef("pk")))).select_related(
            "region"
        ),
        "programme.view_unit",
    )
    return {
        "month": month,
        "due": due,
        "this_month": [(city, by_city.get(city.pk)) for city in cities],
        "overdue": overdue_months(cities, today),
        "drafts": sorted(drafts, key=lambda d: (d[0].month, d[0].unit_name), reverse=True)[:50],
        "without_survey": without_survey[:50],
        "without_survey_count": without_survey.count(),
        "can_open": has_perm(user, "programme.add_monthlyreport"),
    }


def _unit(request, today) -> dict:
    from stdlink.programme.models import Achievement, Project, Survey, Unit

    user = request.user
    return {
        "units": Unit.objects.filter(pk__in=unit_ids(user)).select_related("region"),
        "surveys": scoped(user, Survey.objects.all(), "programme.view_survey")[:20],
        "achievements": scoped(user, Achievement.objects.all(), "programme.view_achievement")[:20],
        "projects": scoped(user, Project.objects.select_related("body"), "programme.view_project")[
            :20
        ],
        "can_add_survey": has_perm(user, "programme.add_survey"),
        "can_add_achievement": has_perm(user, "programme.add_achievement"),
    }


BUILDERS = {"province": _province, "city": _city, "unit": _unit}


@login
def workbench(request: HttpRequest) -> HttpResponse:
    role = role_of(request.user)
    today = timezone.localdate()
    context = {"role": role, "today": today}
    if role in BUILDERS:
        context.update(BUILDERS[role](request, today))
    return render(request, f"accounts/workbench_{role}.html", context)
