"""State changes and files: submit / reopen Annex forms, Excel import and export, project stages,
subsidy payments, expert registrations, typical cases."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_fsm import TransitionNotAllowed

from stdlink.core.forms import error_summary
from stdlink.core.permissions import perm, require_write
from stdlink.programme import excel, forms
from stdlink.programme.models import Achievement, Expert, Project, Survey
from stdlink.programme.scoping import fetch, scoped
from stdlink.programme.services import filing, projects, reports
from stdlink.programme.services.records import create_record
from stdlink.programme.views.resources import ACHIEVEMENTS, SURVEYS

ANNEX = {"surveys": (Survey, SURVEYS), "achievements": (Achievement, ACHIEVEMENTS)}


def _error(request: HttpRequest, exc: Exception) -> None:
    if isinstance(exc, ValidationError):
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.error(
            request, _("This change is not allowed in the current state: %(e)s") % {"e": exc}
        )


def annex_action(kind: str, action: str):
    """POST submits or reopens; GET on submit shows the confirmation page first."""
    model, res = ANNEX[kind]

    @perm(res.change)
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        obj, can_write = fetch(request.user, model.objects.all(), res.view_perm, res.change, pk=pk)
        require_write(can_write, request.user)
        if request.method != "POST":
            if action != "submit" or obj.state != "draft":
                return redirect(f"programme:{kind}-detail", pk=pk)
            missing = [str(model._meta.get_field(f).verbose_name) for f in obj.missing_for_submit()]
            return render(
                request,
                "programme/annex_confirm.html",
                {"obj": obj, "res": res, "missing": missing},
            )
        fn = filing.submit_form if action == "submit" else filing.reopen_form
        try:
            fn(acting_user=request.user, obj=obj)
            messages.success(request, _("Submitted.") if action == "submit" else _("Reopened."))
        except (ValidationError, TransitionNotAllowed) as exc:
            _error(request, exc)
        return redirect(f"programme:{kind}-detail", pk=pk)

    return view


ANNEX_LABELS = {"surveys": "附件2", "achievements": "附件3"}


def annex_print(kind: str):
    """The filled annex laid out as the paper table, for printing and stamping."""
    model, res = ANNEX[kind]

    @perm(res.view_perm)
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        from stdlink.programme.models import MONTH_HEADER

        obj, _w = fetch(request.user, model.objects.all(), res.view_perm, pk=pk)
        rows = [(header, getattr(obj, name) or "") for name, header in model.ANNEX_FIELDS]
        return render(
            request,
            "programme/annex_print.html",
            {
                "obj": obj,
                "res": res,
                "rows": rows,
                "annex_label": ANNEX_LABELS[kind],
                "month_header": MONTH_HEADER,
            },
        )

    return view


def annex_export(kind: str):
    model, res = ANNEX[kind]

    @perm(res.view_perm)
    def view(request: HttpRequest) -> HttpResponse:
        qs = scoped(request.user, model.objects.all(), res.view_perm)
        qs = res.filterset(request.GET, queryset=qs).qs.order_by("month", "unit_name")
        response = HttpResponse(
            excel.export_xlsx(model, qs),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        name = f"{model.ANNEX_TITLE}-{dt.date.today():%Y%m%d}.xlsx"
        response["Content-Disposition"] = (
            f"attachment; filename=\"{kind}.xlsx\"; filename*=UTF-8''"
            + __import__("urllib.parse").parse.quote(name)
        )
        return response

    return view


def annex_import(kind: str):
    model, res = ANNEX[kind]

    @perm(res.add)
    def view(request: HttpRequest) -> HttpResponse:
        form = forms.UploadForm(request.POST or None, request.FILES or None)
        errors: list[str] = []
        if request.method == "POST" and form.is_valid():
            try:
                counts = excel.import_xlsx(
                    model, form.cleaned_data["file"], acting_user=request.user
                )
            except excel.AnnexImportError as exc:
                errors = exc.errors
            else:
                messages.success(
                    request, _("Imported: %(created)d new, %(updated)d updated.") % counts
                )
                return redirect(f"programme:{kind}-list")
        status = 400 if errors else 200
        return render(
            request,
            "programme/import.html",
            {
                "res": res,
                "form": form,
                "errors": errors,
                "headers": excel.headers(model),
                "title": _("Import %(what)s") % {"what": model._meta.verbose_name_plural},
            },
            status=status,
        )

    return view


@perm("programme.change_project")
@require_POST
def project_move(request: HttpRequest, pk: int) -> HttpResponse:
    project, can_write = fetch(
        request.user,
        Project.objects.all(),
        "programme.view_project",
        "programme.change_project",
        pk=pk,
    )
    require_write(can_write, request.user)
    form = forms.ProjectStageForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
        return redirect("programme:projects-detail", pk=pk)
    standard = None
    ident = form.cleaned_data["standard_identifier"].strip()
    if ident:
        from stdlink.catalog.models import Standard

        standard = Standard.objects.filter(identifier=ident).first()
        if standard is None:
            messages.warning(
                request,
                _("Standard %(id)s is not in the catalogue yet; link it later.") % {"id": ident},
            )
    try:
        projects.move_project(
            acting_user=request.user,
            project=project,
            stage=form.cleaned_data["stage"],
            on=form.cleaned_data["on"],
            standard=standard,
        )
        messages.success(request, _("Stage changed."))
    except (ValidationError, TransitionNotAllowed) as exc:
        _error(request, exc)
    return redirect("programme:projects-detail", pk=pk)


def _add_child(
    request: HttpRequest,
    form_class,
    parent_field: str,
    parent,
    codename: str,
    success: str,
    detail_url: str,
) -> HttpResponse:
    """Create a record that belongs to `parent` from the POSTed form (audited), then go back."""
    data = request.POST.copy()
    data[parent_field] = parent.pk
    form = form_class(data, user=request.user, codename=codename)
    if form.is_valid():
        create_record(acting_user=request.user, obj=form.save(commit=False), perm=codename)
        messages.success(request, success)
    else:
        messages.error(request, error_summary(form.errors))
    return redirect(detail_url, pk=parent.pk)


@perm("programme.add_subsidypayment")
@require_POST
def project_payment(request: HttpRequest, pk: int) -> HttpResponse:
    project, _w = fetch(request.user, Project.objects.all(), "programme.view_project", pk=pk)
    return _add_child(
        request,
        forms.SubsidyPaymentForm,
        "project",
        project,
        "programme.add_subsidypayment",
        _("Payment recorded."),
        "programme:projects-detail",
    )


@perm("programme.add_expertregistration")
@require_POST
def expert_register(request: HttpRequest, pk: int) -> HttpResponse:
    expert, can_write = fetch(
        request.user,
        Expert.objects.all(),
        "programme.view_expert",
        "programme.change_expert",
        pk=pk,
    )
    require_write(can_write, request.user)
    return _add_child(
        request,
        forms.ExpertRegistrationForm,
        "expert",
        expert,
        "programme.add_expertregistration",
        _("Saved."),
        "programme:experts-detail",
    )


@perm("programme.review_monthlyreport")
@require_POST
def achievement_typical(request: HttpRequest, pk: int) -> HttpResponse:
    obj, _w = fetch(request.user, Achievement.objects.all(), "programme.view_achievement", pk=pk)
    try:
        reports.mark_typical(
            acting_user=request.user, achievement=obj, typical=request.POST.get("typical") == "1"
        )
        messages.success(request, _("Saved."))
    except (ValidationError, PermissionDenied) as exc:
        _error(request, exc)
    return redirect("programme:achievements-detail", pk=pk)
