"""Monthly reports, the province's target list (目标清单) and typical cases (典型案例)."""

from __future__ import annotations

import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_fsm import TransitionNotAllowed
from openpyxl import Workbook

from stdlink.core.forms import error_summary
from stdlink.core.permissions import has_perm, perm
from stdlink.core.spreadsheets import text_cell
from stdlink.programme import forms
from stdlink.programme.filtersets import MonthlyReportFilterSet
from stdlink.programme.models import Achievement, MonthlyReport, Survey
from stdlink.programme.scoping import fetch, scoped
from stdlink.programme.services import reports as svc

VIEW = "programme.view_monthlyreport"


def _user_cities(user) -> list:
    from stdlink.core.models import Region

    return [r for r in Region.objects.filter(level="city") if has_perm(user, VIEW, r)]


@perm(VIEW)
def report_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(request.user, MonthlyReport.objects.select_related("region", "programme"), VIEW)
    filterset = MonthlyReportFilterSet(request.GET, queryset=qs)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    overdue = svc.overdue_months(_user_cities(request.user))
    return render(
        request,
        "programme/report_list.html",
        {
            "page": page,
            "filter": filterset,
            "overdue": overdue[-60:],
            "overdue_count": len(overdue),
            "open_form": forms.MonthlyReportOpenForm(user=request.user),
            "can_open": has_perm(request.user, "programme.add_monthlyreport"),
            "title": MonthlyReport._meta.verbose_name_plural,
        },
    )


@perm("programme.add_monthlyreport")
@require_POST
def report_open(request: HttpRequest) -> HttpResponse:
    form = forms.MonthlyReportOpenForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
        return redirect("programme:reports-list")
    try:
        report = svc.open_report(
            acting_user=request.user,
            region=form.cleaned_data["region"],
            month=form.cleaned_data["month"],
            programme=form.cleaned_data.get("programme"),
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("programme:reports-list")
    return redirect("programme:reports-detail", pk=report.pk)


def _included(report: MonthlyReport):
    if report.state in ("draft", "returned"):
        # What a submission would collect now (plus what a returned report already holds).
        base = {"unit__region__path__startswith": report.region.path, "month": report.month}
        surveys = Survey.objects.filter(**base).exclude(state="draft")
        achievements = Achievement.objects.filter(**base).exclude(state="draft")
        return surveys, achievements
    return report.surveys.all(), report.achievements.all()


@perm(VIEW)
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report, can_write = fetch(
        request.user,
        MonthlyReport.objects.select_related("region", "programme", "submitted_by", "reviewed_by"),
        VIEW,
        "programme.submit_monthlyreport",
        pk=pk,
    )
    surveys, achievements = _included(report)
    surveys, achievements = list(surveys), list(achievements)
    drafts = (
        Survey.objects.filter(
            unit__region__path__startswith=report.region.path, month=report.month, state="draft"
        ).count()
        + Achievement.objects.filter(
            unit__region__path__startswith=report.region.path, month=report.month, state="draft"
        ).count()
    )
    figures = {
        "surveys": len(surveys),
        "achievements": len(achievements),
        "units": len({f.unit_id for f in [*surveys, *achievements]}),
        "demands": sum(1 for f in surveys if f.proposed_standards or f.secretariat_intent),
        "typical": sum(1 for a in achievements if a.typical_case),
        "drafts": drafts,
    }
    return render(
        request,
        "programme/report_detail.html",
        {
            "report": report,
            "figures": figures,
            "surveys": surveys,
            "achievements": achievements,
            "drafts": drafts,
            "can_submit": can_write and report.state in ("draft", "returned"),
            "can_review": has_perm(request.user, "programme.review_monthlyreport")
            and report.state == "submitted",
            "submit_form": forms.MonthlyReportSubmitForm(instance=report),
            "review_form": forms.ReviewForm(),
            "due": svc.due_date(report.programme, report.month),
            "title": str(report),
        },
    )


@perm("programme.submit_monthlyreport")
@require_POST
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report, _w = fetch(
        request.user, MonthlyReport.objects.all(), VIEW, "programme.submit_monthlyreport", pk=pk
    )
    try:
        svc.submit_report(
            acting_user=request.user,
            report=report,
            comments=request.POST.get("comments", report.comments),
        )
        messages.success(request, _("Monthly report submitted."))
    except TransitionNotAllowed as exc:
        messages.error(
            request, _("This change is not allowed in the current state: %(e)s") % {"e": exc}
        )
    return redirect("programme:reports-detail", pk=pk)


@perm("programme.review_monthlyreport")
@require_POST
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report, _w = fetch(request.user, MonthlyReport.objects.all(), VIEW, pk=pk)
    form = forms.ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or return."))
        return redirect("programme:reports-detail", pk=pk)
    try:
        svc.review_report(
            acting_user=request.user,
            report=report,
            accept=form.cleaned_data["decision"] == "accept",
            comment=form.cleaned_data["comment"],
        )
        messages.success(request, _("Review saved."))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    except TransitionNotAllowed as exc:
        messages.error(
            request, _("This change is not allowed in the current state: %(e)s") % {"e": exc}
        )
    return redirect("programme:reports-detail", pk=pk)


TARGET_LIST_HEADERS = [
    "序号",
    "设区市",
    "单位名称",
    "拟制订国际标准或国外先进标准名称",
    "对应的国际标准化组织技术委员会或国内对口技术单位",
    "申请组建并承担国际标准化技术组织秘书处意向",
    "填报月份",
]
CASE_HEADERS = [
    "序号",
    "设区市",
    "单位名称",
    "形成成果情况",
    "主要内容和典型经验、方法",
    "经验、方法宣传推广意愿",
    "接待其他单位现场学习、观摩意愿",
    "填报月份",
]


def _xlsx(title: str, headers: list[str], rows: list[list]) -> HttpResponse:
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([text_cell(ws, title)])
    ws.append(headers)
    for row in rows:
        ws.append([text_cell(ws, str(v)) for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    response = HttpResponse(
        buf.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="export.xlsx"'
    return response


def target_list_rows(user) -> list[list]:
    qs = scoped(
        user,
        Survey.objects.filter(monthly_report__state="accepted").select_related(
            "unit__region__parent"  # region.city() reads the parent of a county
        ),
        "programme.view_survey",
    ).exclude(proposed_standards="", secretariat_intent="")
    rows = []
    for i, s in enumerate(qs.order_by("unit__region__path", "unit_name", "month"), start=1):
        city = s.unit.region.city()
        rows.append(
            [
                i,
                city.name_zh if city else "",
                s.unit_name,
                s.proposed_standards,
                s.committee,
                s.secretariat_intent,
                s.month.strftime("%Y-%m"),
            ]
        )
    return rows


def _table_or_xlsx(request, *, title, sheet: str, headers, rows, note) -> HttpResponse:
    """The same rows as a page, or as the province's Excel file with ?format=xlsx."""
    if request.GET.get("format") == "xlsx":
        return _xlsx(sheet, headers, rows)
    return render(
        request,
        "programme/table.html",
        {"title": title, "headers": headers, "rows": rows, "note": note},
    )


@perm("programme.view_survey")
def target_list(request: HttpRequest) -> HttpResponse:
    return _table_or_xlsx(
        request,
        title=_("Target list (目标清单)"),
        sheet="浙江省标准国际化目标清单",
        headers=TARGET_LIST_HEADERS,
        rows=target_list_rows(request.user),
        note=_("Demands from surveys in accepted monthly reports."),
    )


def typical_case_rows(user) -> list[list]:
    qs = scoped(
        user,
        Achievement.objects.filter(
            monthly_report__state="accepted", typical_case=True
        ).select_related("unit__region__parent"),
        "programme.view_achievement",
    )
    rows = []
    for i, a in enumerate(qs.order_by("unit__region__path", "unit_name", "month"), start=1):
        city = a.unit.region.city()
        rows.append(
            [
                i,
                city.name_zh if city else "",
                a.unit_name,
                a.results,
                a.main_content,
                a.promotion_willing,
                a.hosting_willing,
                a.month.strftime("%Y-%m"),
            ]
        )
    return rows


@perm("programme.view_achievement")
def typical_cases(request: HttpRequest) -> HttpResponse:
    return _table_or_xlsx(
        request,
        title=_("Typical cases (典型案例)"),
        sheet="浙江省标准国际化典型案例",
        headers=CASE_HEADERS,
        rows=typical_case_rows(request.user),
        note=_("Achievements of accepted monthly reports chosen by the province."),
    )
