"""Monthly reports: a city opens and submits its month (collecting its submitted surveys and
achievements), the province accepts it or returns it with a comment."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from stdlink.core.permissions import denied_message, outside_message
from stdlink.core.services.audit import snapshot
from stdlink.programme.models import Achievement, MonthlyReport, Programme, Survey
from stdlink.programme.scoping import can
from stdlink.programme.services.records import audit


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def month_end(month: dt.date) -> dt.date:
    nxt = (month.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return nxt - dt.timedelta(days=1)


def due_date(programme: Programme, month: dt.date) -> dt.date:
    return month_end(month) + dt.timedelta(days=programme.report_due_days)


def running_programmes(month: dt.date):
    """Plans with monthly reporting that run during `month` (the officer picks when several)."""
    return Programme.objects.filter(
        monthly_reporting=True, start__lte=month_end(month), end__gte=month
    ).order_by("-start")


def programme_for(month: dt.date) -> Programme:
    prog = (
        Programme.objects.filter(
            monthly_reporting=True, start__lte=month_end(month), end__gte=month
        )
        .order_by("-start")
        .first()
        or Programme.objects.filter(monthly_reporting=True).order_by("-start").first()
    )
    if prog is None:
        raise ValidationError("没有需要按月报送的专项行动 / no programme with monthly reporting")
    return prog


@transaction.atomic
def open_report(
    *, acting_user, region, month: dt.date, is_demo: bool = False, programme=None
) -> MonthlyReport:
    """Open a city's month; `programme` is the officer's choice when several plans run."""
    if region.level != "city":
        raise ValidationError("月报按设区市报送 / monthly reports are per city")
    month = month_start(month)
    report, created = MonthlyReport.objects.get_or_create(
        region=region,
        month=month,
        defaults={"programme": programme or programme_for(month), "is_demo": is_demo},
    )
    if not can(acting_user, report, "programme.add_monthlyreport"):
        raise PermissionDenied(outside_message(acting_user))
    if created:
        audit(acting_user=acting_user, obj=report, action="create")
    return report


def _records(report: MonthlyReport):
    for model in (Survey, Achievement):
        yield model.objects.filter(
            unit__region__path__startswith=report.region.path,
            month=report.month,
            state="submitted",
            monthly_report__isnull=True,
        )


@transaction.atomic
def submit_report(
    *, acting_user, report: MonthlyReport, comments: str | None = None
) -> MonthlyReport:
    report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
    if not can(acting_user, report, "programme.submit_monthlyreport"):
        raise PermissionDenied(denied_message(acting_user, "programme.submit_monthlyreport"))
    before = snapshot(report)
    report.submit()  # TransitionNotAllowed unless draft or returned
    if comments is not None:
        report.comments = comments
    report.submitted_by = acting_user
    report.submitted_at = timezone.now()
    report.submission_count += 1
    report.save()
    for qs in _records(report):
        qs.update(monthly_report=report)
    audit(acting_user=acting_user, obj=report, action="transition", before=before, note="submit")
    return report


@transaction.atomic
def review_report(
    *, acting_user, report: MonthlyReport, accept: bool, comment: str = ""
) -> MonthlyReport:
    report = MonthlyReport.objects.select_for_update().get(pk=report.pk)
    if not can(acting_user, report, "programme.review_monthlyreport"):
        raise PermissionDenied(denied_message(acting_user, "programme.review_monthlyreport"))
    if not accept and not comment.strip():
        raise ValidationError("退回时请填写意见 / a comment is required to return a report")
    before = snapshot(report)
    if accept:
        report.accept()
    else:
        report.return_()
    report.review_comment = comment
    report.reviewed_by = acting_user
    report.reviewed_at = timezone.now()
    report.save()
    audit(
        acting_user=acting_user,
        obj=report,
        action="transition",
        before=before,
        note="accept" if accept else "return",
    )
    return report


@transaction.atomic
def mark_typical(*, acting_user, achievement: Achievement, typical: bool) -> Achievement:
    achievement = Achievement.objects.select_for_update().get(pk=achievement.pk)
    if not can(acting_user, achievement, "programme.review_monthlyreport"):
        raise PermissionDenied(denied_message(acting_user, "programme.review_monthlyreport"))
    if typical and not (
        achievement.monthly_report_id and achievement.monthly_report.state == "accepted"
    ):
        raise ValidationError(
            "只能从已采纳的月报中选取典型案例 / only achievements of accepted "
            "monthly reports can be typical cases"
        )
    before = snapshot(achievement)
    achievement.typical_case = typical
    achievement.save(update_fields=["typical_case", "updated"])
    audit(
        acting_user=acting_user,
        obj=achievement,
        action="update",
        before=before,
        note="typical case",
    )
    return achievement


def overdue_months(regions, today: dt.date | None = None) -> list[tuple]:
    """(city, month, due date, report or None) for every month of a monthly-reporting programme
    that ended more than the programme's grace period ago without a submitted report."""
    from stdlink.core.models import Region

    today = today or timezone.localdate()
    cities = (
        [r for r in regions if r.level == "city"]
        if regions is not None
        else list(Region.objects.filter(level="city"))
    )
    reports = {(r.region_id, r.month): r for r in MonthlyReport.objects.filter(region__in=cities)}
    out = []
    for prog in Programme.objects.filter(monthly_reporting=True):
        month = month_start(prog.start)
        while month <= prog.end:
            due = due_date(prog, month)
            if due >= today:
                break
            for city in cities:
                report = reports.get((city.pk, month))
                if report is None or report.state in ("draft", "returned"):
                    out.append((city, month, due, report))
            month = month_end(month) + dt.timedelta(days=1)
    return out
