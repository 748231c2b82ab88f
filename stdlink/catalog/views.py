"""Catalogue pages. Views stay thin: filtering lives in filtersets, look-ups in queries."""

from __future__ import annotations

from django.core.cache import cache
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode

from stdlink.catalog import queries
from stdlink.catalog.filtersets import (
    BodyFilterSet,
    CommitteeFilterSet,
    ICSFilterSet,
    StandardFilterSet,
)
from stdlink.catalog.forms import standard_filter_form
from stdlink.catalog.models import CCS, ICS, Body, Committee, Standard
from stdlink.catalog.tables import StandardTable
from stdlink.core import panels
from stdlink.core.paging import CappedPaginator
from stdlink.core.permissions import public
from stdlink.core.tables import column_choices, configure, export_response, filter_state

PAGE_SIZE = 50


def _page(request: HttpRequest, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


@public
def home(request: HttpRequest) -> HttpResponse:
    stats = cache.get("catalog:home-stats")
    if stats is None:
        stats = queries.home_stats()
        cache.set("catalog:home-stats", stats, 60)
    return render(request, "catalog/home.html", stats)


@public
def standard_list(request: HttpRequest) -> HttpResponse:
    # Only the columns the table can show (a full row carries JSON fields that cost more), ordered
    # by the std_year_ident index. CappedPaginator caches the count, caps page numbers and fetches
    # the page's rows by ids (core.paging), so no page number makes the database walk the whole
    # catalogue; _link_rows computes the rows' links and labels once per page.
    qs = (
        Standard.objects.select_related("body", "committee")
        .only(*StandardTable.FIELDS)
        .order_by("-year", "identifier")
    )
    filterset = StandardFilterSet(request.GET, queryset=qs)
    standard_filter_form(filterset.form)  # before validation binds the fields (labels)
    table = configure(
        request, StandardTable(filterset.qs), per_page=PAGE_SIZE, paginator_class=CappedPaginator
    )
    export = export_response(request, table, "standards")
    if export is not None:
        return export
    _link_rows(row.record for row in table.page.object_list)
    template = "catalog/_standard_rows.html" if request.htmx else "catalog/standard_list.html"
    return render(
        request,
        template,
        {
            "filter": filterset,
            "table": table,
            "page": table.page,
            "columns": column_choices(table),
            "bodies": queries.bodies_with_standards(),
            "filter_key": filter_state(request),
        },
    )


def _link_rows(rows) -> None:
    """Each row's links and status label, computed once per page rather than per row (reversing
    URLs and get_status_display's lazy choices were half of the list page's time)."""
    detail = reverse("catalog:standard-detail", args=[0])[: -len("0/")]
    labels = {value: str(label) for value, label in Standard.Status.choices}
    committees: dict[str, str] = {}
    for s in rows:
        s.url = f"{detail}{s.pk}/"
        s.status_label = labels.get(s.status, s.status)
        if s.committee is not None:
            code = s.committee.code
            if code not in committees:
                committees[code] = reverse("catalog:committee-detail", args=[code])
            s.committee_url = committees[code]


@public
def standard_detail(request: HttpRequest, pk: int) -> HttpResponse:
    standard = get_object_or_404(
        Standard.objects.select_related("body", "committee", "committee__parent"), pk=pk
    )
    context = queries.standard_context(standard)
    # Capabilities (tracking, TBT) add their panels here without catalog importing them.
    context["panels"] = panels.render("standard_detail", request, standard)
    return render(request, "catalog/standard_detail.html", context)


@public
def standard_lookup(request: HttpRequest) -> HttpResponse:
    """/standards/lookup?id=GB/T19001-2016 → the standard's page (or the list of its editions)."""
    text = request.GET.get("id", "").strip()
    matches = queries.lookup(text) if text else []
    if len(matches) == 1:
        return redirect("catalog:standard-detail", pk=matches[0].pk)
    if not matches:
        raise Http404(f"未找到标准 / no standard matches {text!r}")
    return redirect(
        f"{reverse('catalog:standard-list')}?{urlencode({'work_key': matches[0].work_key})}"
    )


@public
def body_list(request: HttpRequest) -> HttpResponse:
    qs = Body.objects.annotate(n=Count("standards")).order_by("-annex1", "annex1_no", "code")
    filterset = BodyFilterSet(request.GET, queryset=qs)
    return render(request, "catalog/body_list.html", {"filter": filterset, "bodies": filterset.qs})


@public
def body_detail(request: HttpRequest, code: str) -> HttpResponse:
    body = get_object_or_404(Body, code=code)
    labels = dict(Standard.Status.choices)
    by_status = [
        dict(row, label=labels.get(row["status"], row["status"]))
        for row in body.standards.values("status").annotate(n=Count("id")).order_by("-n")
    ]
    committees = (
        body.committees.filter(parent__isnull=True)
        .annotate(n=Count("standards"))
        .order_by("code")[:500]
    )
    recent = body.standards.order_by("-published", "-id")[:20]
    return render(
        request,
        "catalog/body_detail.html",
        {
            "body": body,
            "by_status": by_status,
            "committees": committees,
            "recent": recent,
            "families": body.code_families.all(),
        },
    )


@public
def committee_list(request: HttpRequest) -> HttpResponse:
    qs = (
        Committee.objects.select_related("body", "parent")
        .annotate(n=Count("standards"))
        .order_by("code")
    )
    filterset = CommitteeFilterSet(request.GET, queryset=qs)
    return render(
        request,
        "catalog/committee_list.html",
        {"filter": filterset, "page": _page(request, filterset.qs, 100)},
    )


@public
def committee_detail(request: HttpRequest, code: str) -> HttpResponse:
    committee = get_object_or_404(Committee.objects.select_related("body", "parent"), code=code)
    standards = committee.standards.select_related("body").order_by("-year", "identifier")
    return render(
        request,
        "catalog/committee_detail.html",
        {
            "committee": committee,
            "children": committee.children.order_by("code"),
            "page": _page(request, standards),
        },
    )


@public
def ics_list(request: HttpRequest) -> HttpResponse:
    qs = ICS.objects.all()
    if not request.GET:
        qs = qs.filter(level=1)
    filterset = ICSFilterSet(request.GET, queryset=qs)
    return render(request, "catalog/ics_list.html", {"filter": filterset, "codes": filterset.qs})


@public
def ics_detail(request: HttpRequest, code: str) -> HttpResponse:
    ics = get_object_or_404(ICS.objects.select_related("parent"), code=code)
    standards = (
        Standard.objects.filter(ics__code__startswith=ics.code)
        .distinct()
        .select_related("body")
        .order_by("-year", "identifier")
    )
    return render(
        request,
        "catalog/ics_detail.html",
        {"ics": ics, "children": ics.children.order_by("code"), "page": _page(request, standards)},
    )


@public
def ccs_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    qs = CCS.objects.all()
    if q:
        qs = qs.filter(Q(code__istartswith=q) | Q(name_zh__icontains=q) | Q(name_en__icontains=q))
    else:
        qs = qs.filter(level=1)
    return render(request, "catalog/ccs_list.html", {"codes": qs.order_by("code")[:500], "q": q})


@public
def ccs_detail(request: HttpRequest, code: str) -> HttpResponse:
    ccs = get_object_or_404(CCS.objects.select_related("parent", "parent__parent"), code=code)
    standards = ccs.standards.select_related("body").order_by("-year", "identifier")
    if ccs.level < 3:
        below = CCS.objects.filter(Q(parent=ccs) | Q(parent__parent=ccs)).values("pk")
        standards = (
            Standard.objects.filter(Q(ccs=ccs) | Q(ccs__in=below))
            .distinct()
            .select_related("body")
            .order_by("-year", "identifier")
        )
    return render(
        request,
        "catalog/ccs_detail.html",
        {"ccs": ccs, "children": ccs.children.order_by("code"), "page": _page(request, standards)},
    )
