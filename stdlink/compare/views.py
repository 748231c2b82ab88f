"""Thin views of the comparison workbench and the public mutual-recognition catalogue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_fsm import TransitionNotAllowed

from stdlink.compare import exports, forms
from stdlink.compare import services as svc
from stdlink.compare.filtersets import ComparisonFilterSet, RecognitionFilterSet
from stdlink.compare.models import Comparison, ComparisonRow, ComparisonState, Recognition
from stdlink.core.forms import error_summary
from stdlink.core.permissions import (
    can,
    get_for_user,
    memberships_with,
    perm,
    public,
    scope_queryset,
)

VIEW = "compare.view_comparison"
ADD = "compare.add_comparison"
REVIEW = "compare.review_comparison"
CONFIRM = "compare.confirm_comparison"

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _owner(user):
    """(region, unit) a new comparison of `user` belongs to: the unit of a unit user, else the
    region of the user's first membership that may add comparisons."""
    from stdlink.core.models import Region

    for m in memberships_with(user, ADD):
        if m.role.scope == "unit" and m.unit_id:
            from stdlink.programme.models import Unit

            unit = Unit.objects.select_related("region").get(pk=m.unit_id)
            return unit.region, unit
        return m.region, None
    if user.is_superuser:
        return Region.objects.get(level="province"), None
    raise PermissionDenied(_("No region in which you may add comparisons."))


def _fetch(request: HttpRequest, pk: int, change: str | None = None):
    qs = Comparison.objects.select_related("region", "created_by", "confirmed_by").prefetch_related(
        "documents", "reviewers"
    )
    return get_for_user(request.user, qs, VIEW, change, pk=pk)


@perm(VIEW)
def comparison_list(request: HttpRequest) -> HttpResponse:
    qs = scope_queryset(
        request.user,
        Comparison.objects.select_related("region").prefetch_related("documents"),
        VIEW,
    )
    filterset = ComparisonFilterSet(request.GET, queryset=qs)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "compare/list.html",
        {
            "page": page,
            "filter": filterset,
            "can_add": can_add(request.user),
            "title": _("Comparisons"),
        },
    )


def can_add(user) -> bool:
    return bool(memberships_with(user, ADD)) or getattr(user, "is_superuser", False)


@perm(ADD)
def comparison_create(request: HttpRequest) -> HttpResponse:
    form = forms.ComparisonForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        region, unit = _owner(request.user)
        try:
            comparison = svc.create_comparison(
                acting_user=request.user,
                region=region,
                unit=unit,
                title=form.cleaned_data["title"],
                product_field=form.cleaned_data["product_field"],
                doc_a=form.cleaned_data["doc_a"],
                doc_b=form.cleaned_data["doc_b"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Comparison created: %(n)d rows.") % {"n": comparison.rows.count()}
            )
            return redirect("compare:detail", pk=comparison.pk)
    return render(request, "compare/create.html", {"form": form, "title": _("New comparison")})


def _highlight(text: str, indicators: list[dict]) -> str:
    """The clause text with its indicators wrapped in <mark> (everything escaped)."""
    out, pos = [], 0
    for ind in sorted(indicators, key=lambda i: i.get("start", 0)):
        start, end = ind.get("start", 0), ind.get("end", 0)
        if start < pos or end > len(text) or start >= end:
            continue
        out.append(escape(text[pos:start]))
        tip = f"{ind.get('quantity', '')}: {ind.get('comparator', '')} {ind.get('value')} {ind.get('unit', '')}"
        out.append(
            f'<mark class="indicator indicator-{escape(ind.get("comparator", ""))}" title="{escape(tip)}">'
            f"{escape(text[start:end])}</mark>"
        )
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out).replace("\n", "<br>"))  # noqa: S308 - every piece is escaped above


@perm(VIEW)
def comparison_detail(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _can_write = _fetch(request, pk)
    rows = list(comparison.rows.select_related("reviewed_by"))
    editable = comparison.state != ComparisonState.CONFIRMED
    can_review = editable and can(request.user, comparison, REVIEW)
    for row in rows:
        row.a_html = _highlight(row.a_text, row.indicators.get("a", []))
        row.b_html = _highlight(row.b_text, row.indicators.get("b", []))
        if can_review:
            row.form = forms.ReviewForm(
                initial={"override": row.override, "comment": row.comment}, prefix=f"r{row.pk}"
            )
    can_confirm = can(request.user, comparison, CONFIRM)
    reviewers_form = None
    if editable and can(request.user, comparison, "compare.change_comparison"):
        reviewers_form = forms.ReviewersForm(
            candidates=svc.reviewer_candidates(comparison),
            initial={"reviewers": [str(u.pk) for u in comparison.reviewers.all()]},
        )
    recognition_form = None
    if (
        comparison.state == ComparisonState.CONFIRMED
        and can(request.user, comparison, "compare.view_comparison")
        and can_add_recognition(request.user, comparison)
    ):
        a, b = comparison.document("a"), comparison.document("b")
        recognition_form = forms.RecognitionForm(
            initial={
                "cn_code": a.code if a else "",
                "cn_title": a.title if a else "",
                "partner_code": b.code if b else "",
                "partner_title": b.title if b else "",
                "product_field": comparison.product_field,
                "degree": comparison.suggested_degree,
            }
        )
    return render(
        request,
        "compare/detail.html",
        {
            "comparison": comparison,
            "doc_a": comparison.document("a"),
            "doc_b": comparison.document("b"),
            "rows": rows,
            "summary": exports.summary(comparison, rows),
            "can_review": can_review,
            "can_confirm": can_confirm and editable,
            "can_reopen": can_confirm and not editable,
            "recognition_form": recognition_form,
            "reviewers_form": reviewers_form,
            "title": comparison.title,
        },
    )


def can_add_recognition(user, comparison: Comparison) -> bool:
    probe = Recognition(region=comparison.region)
    from stdlink.core.permissions import has_perm

    return has_perm(user, "compare.add_recognition", probe.region)


@perm(REVIEW)
@require_POST
def row_review(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    try:
        row = comparison.rows.get(pk=row_pk)
    except ComparisonRow.DoesNotExist:
        raise Http404 from None
    form = forms.ReviewForm(request.POST, prefix=f"r{row.pk}")
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
    else:
        try:
            svc.review_row(
                acting_user=request.user,
                row=row,
                override=form.cleaned_data["override"],
                comment=form.cleaned_data["comment"],
            )
            messages.success(request, _("Row %(n)d reviewed.") % {"n": row.position})
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
    return redirect(f"{comparison.get_absolute_url()}#row-{row.position}")


@perm("compare.change_comparison")
@require_POST
def comparison_reviewers(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    form = forms.ReviewersForm(request.POST, candidates=svc.reviewer_candidates(comparison))
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
    else:
        try:
            svc.set_reviewers(
                acting_user=request.user, comparison=comparison, reviewers=form.selected()
            )
            messages.success(request, _("Reviewers saved."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("compare:detail", pk=comparison.pk)


@perm(CONFIRM)
@require_POST
def comparison_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    try:
        svc.confirm_comparison(acting_user=request.user, comparison=comparison)
        messages.success(request, _("Comparison confirmed."))
    except TransitionNotAllowed:
        messages.error(request, _("This comparison cannot be confirmed in its present state."))
    return redirect("compare:detail", pk=comparison.pk)


@perm(CONFIRM)
@require_POST
def comparison_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    try:
        svc.reopen_comparison(acting_user=request.user, comparison=comparison)
        messages.success(request, _("Comparison reopened for review."))
    except (TransitionNotAllowed, ValidationError) as exc:
        messages.error(request, "; ".join(getattr(exc, "messages", [str(exc)])))
    return redirect("compare:detail", pk=comparison.pk)


@perm(VIEW)
def comparison_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    resp = HttpResponse(exports.comparison_xlsx(comparison), content_type=XLSX)
    resp["Content-Disposition"] = f'attachment; filename="comparison-{comparison.pk}.xlsx"'
    return resp


@perm(VIEW)
def comparison_docx(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    resp = HttpResponse(exports.comparison_docx(comparison), content_type=DOCX)
    resp["Content-Disposition"] = f'attachment; filename="comparison-{comparison.pk}.docx"'
    return resp


@perm("compare.add_recognition")
@require_POST
def recognition_add(request: HttpRequest, pk: int) -> HttpResponse:
    comparison, _w = _fetch(request, pk)
    form = forms.RecognitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
        return redirect("compare:detail", pk=comparison.pk)
    try:
        entry = svc.add_recognition(
            acting_user=request.user, comparison=comparison, **form.cleaned_data
        )
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
        return redirect("compare:detail", pk=comparison.pk)
    messages.success(request, _("Added to the mutual-recognition catalogue: %(e)s") % {"e": entry})
    return redirect("compare:recognitions")


def _recognitions(request: HttpRequest):
    qs = Recognition.objects.all()
    return RecognitionFilterSet(request.GET, queryset=qs)


@public
def recognition_list(request: HttpRequest) -> HttpResponse:
    filterset = _recognitions(request)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "compare/recognitions.html",
        {"page": page, "filter": filterset, "title": _("Mutual-recognition catalogue")},
    )


@public
def recognition_xlsx(request: HttpRequest) -> HttpResponse:
    resp = HttpResponse(exports.recognitions_xlsx(_recognitions(request).qs), content_type=XLSX)
    resp["Content-Disposition"] = 'attachment; filename="mutual-recognition.xlsx"'
    return resp
