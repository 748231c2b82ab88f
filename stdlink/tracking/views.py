"""Tracking pages. Reading is public (adoptions and rates are facts about published standards);
confirming or rejecting suggestions needs tracking.add_adoption; watch-lists are the user's own."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.catalog.models import ICS, Committee, Standard
from stdlink.core.permissions import has_perm, perm, public
from stdlink.core.spreadsheets import rows_to_xlsx
from stdlink.tracking import services
from stdlink.tracking.filtersets import AdoptionFilterSet
from stdlink.tracking.forms import DecisionForm, RateListForm, WatchForm
from stdlink.tracking.gaps import gap_queryset
from stdlink.tracking.models import Adoption, WatchItem
from stdlink.tracking.outdated import outdated_adoptions
from stdlink.tracking.rate import DENOMINATORS, GROUPINGS, conversion_rate
from stdlink.tracking.resolve import is_international
from stdlink.tracking.suggest import suggest, suggest_domestic

CONFIRM = "tracking.add_adoption"


def _chart(result) -> dict:
    groups = [g for g in result.groups if g.denominator and g.rate is not None][:20]
    return {
        "labels": [g.label[:40] for g in groups],
        "rates": [round(g.rate * 100, 1) for g in groups],
        "target": round(result.target * 100, 1),
        "rateLabel": str(_("Conversion rate (%)")),
        "targetLabel": str(_("Target (seed 001)")),
    }


def _rate_context(result, by, denominator, form) -> dict:
    return {
        "result": result,
        "by": by,
        "denominator": denominator,
        "groupings": GROUPINGS,
        "chart_groups": [g for g in result.groups if g.denominator][:20],
        "chart_data": _chart(result),
        "target_percent": f"{result.target * 100:.0f} %",
        "list_form": form,
        "n_adoptions": Adoption.objects.count(),
    }


def _xlsx(filename: str, header: list[str], rows: list[list]) -> HttpResponse:
    """An .xlsx download through core.spreadsheets (formula-like text shown, never evaluated)."""
    resp = HttpResponse(
        rows_to_xlsx([header, *rows], sheet_title=filename.rsplit(".", 1)[0]),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    resp["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp


@public
def overview(request: HttpRequest) -> HttpResponse:
    by = request.GET.get("by", "ics")
    by = by if by in GROUPINGS else "ics"
    denominator = request.GET.get("denominator", "all")
    denominator = denominator if denominator in DENOMINATORS and denominator != "list" else "all"
    result = conversion_rate(by=by, denominator=denominator)
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            "conversion-rate.xlsx",
            [
                _("Group"),
                _("Adopted (IDT/MOD)"),
                _("International standards"),
                _("Rate"),
                _("Scope"),
            ],
            [
                [g.label, g.numerator, g.denominator, g.rate, result.scope.describe()["zh"]]
                for g in result.groups
            ]
            + [
                [
                    _("Total"),
                    result.total.numerator,
                    result.total.denominator,
                    result.total.rate,
                    result.scope.describe()["en"],
                ]
            ],
        )
    return render(
        request, "tracking/overview.html", _rate_context(result, by, denominator, RateListForm())
    )


@perm("tracking.view_adoption")
@require_POST
def rate_list(request: HttpRequest) -> HttpResponse:
    """The conversion rate over a list the user uploads (one identifier a line, .txt/.csv/.xlsx)."""
    form = RateListForm(request.POST, request.FILES)
    if not form.is_valid():
        for err in form.errors.values():
            messages.error(request, " ".join(err))
        return redirect("tracking:overview")
    try:
        identifiers = form.identifiers()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("tracking:overview")
    result = conversion_rate(
        by=form.cleaned_data["by"] or "", denominator="list", identifiers=identifiers
    )
    return render(
        request,
        "tracking/overview.html",
        _rate_context(result, form.cleaned_data["by"], "list", form),
    )


@public
def adoption_list(request: HttpRequest) -> HttpResponse:
    qs = Adoption.objects.select_related("domestic", "intl").order_by("domestic__identifier")
    fs = AdoptionFilterSet(request.GET, queryset=qs)
    rows = fs.qs if fs.is_valid() else qs.none()
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            "adoptions.xlsx",
            [
                _("Domestic standard"),
                _("Title"),
                _("International standard"),
                _("Degree"),
                _("Source"),
                _("Evidence"),
            ],
            [
                [
                    a.domestic.identifier,
                    a.domestic.title_zh,
                    a.intl_identifier,
                    a.degree,
                    a.get_source_display(),
                    a.evidence,
                ]
                for a in rows
            ],
        )
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    return render(request, "tracking/adoption_list.html", {"filter": fs, "page": page})


@public
def outdated(request: HttpRequest) -> HttpResponse:
    all_rows = outdated_adoptions()
    rows = all_rows
    sector = request.GET.get("sector", "").strip()
    committee = request.GET.get("committee", "").strip()
    if sector:
        rows = [r for r in rows if r.sector == sector]
    if committee:
        rows = [r for r in rows if r.committee == committee]
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            "outdated-adoptions.xlsx",
            [
                _("Domestic standard"),
                _("Adopted edition"),
                _("Current edition"),
                _("Years behind"),
                _("Reason"),
                _("Committee"),
                _("What changed"),
            ],
            [
                [
                    r.domestic,
                    r.adopted,
                    r.current or "",
                    r.years_behind,
                    r.reason,
                    r.committee,
                    "; ".join(r.changes),
                ]
                for r in rows
            ],
        )
    return render(
        request,
        "tracking/outdated.html",
        {
            "rows": rows,
            "sectors": sorted({r.sector for r in all_rows}),
            "committees": sorted({r.committee for r in all_rows if r.committee}),
            "sector": sector,
            "committee": committee,
        },
    )


@public
def gaps(request: HttpRequest) -> HttpResponse:
    ics = request.GET.get("ics", "").strip()[:16]
    committee = request.GET.get("committee", "").strip()[:64]
    q = request.GET.get("q", "").strip()[:100]
    qs = gap_queryset(ics=ics, committee=committee, q=q)
    if request.GET.get("format") == "xlsx":
        return _xlsx(
            "gaps.xlsx",
            [_("International standard"), _("Title"), _("Committee"), _("Year")],
            [
                [
                    s.identifier,
                    s.title_en,
                    (s.committee.code.strip() if s.committee else ""),
                    s.year,
                ]
                for s in qs[:20000]
            ],
        )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "tracking/gaps.html",
        {
            "page": page,
            "ics": ics,
            "committee": committee,
            "q": q,
            "ics_fields": ICS.objects.filter(level=1).order_by("code"),
            "can_plan": has_perm(request.user, "programme.add_project"),
        },
    )


@public
def counterparts(request: HttpRequest, pk: int) -> HttpResponse:
    """One standard's counterparts: adoptions recorded and suggestions (both directions)."""
    standard = get_object_or_404(Standard.objects.select_related("body"), pk=pk)
    context = {"standard": standard, "can_confirm": has_perm(request.user, CONFIRM)}
    if is_international(standard.identifier):
        context["reverse"] = suggest_domestic(standard.identifier)
    else:
        context["suggestion"] = suggest(standard.identifier, standard.title_zh or None)
        context["adoptions"] = standard.adoptions_made.select_related("intl")
        context["form"] = DecisionForm()
    return render(request, "tracking/counterparts.html", context)


@perm(CONFIRM)
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    domestic = get_object_or_404(Standard, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a candidate and a degree."))
        return redirect("tracking:counterparts", pk=pk)
    candidate = get_object_or_404(Standard, pk=form.cleaned_data["candidate"])
    if form.cleaned_data["decision"] == "confirm":
        services.confirm_suggestion(
            domestic=domestic,
            candidate=candidate,
            degree=form.cleaned_data["degree"],
            acting_user=request.user,
        )
        messages.success(
            request,
            _("Recorded: %(d)s adopts %(i)s.")
            % {"d": domestic.identifier, "i": candidate.identifier},
        )
    else:
        services.reject_suggestion(
            domestic=domestic,
            candidate=candidate,
            acting_user=request.user,
            comment=form.cleaned_data["comment"],
        )
        messages.info(
            request, _("%(i)s will not be suggested again.") % {"i": candidate.identifier}
        )
    return redirect("tracking:counterparts", pk=pk)


@perm("tracking.view_watchitem")
def watch_list(request: HttpRequest) -> HttpResponse:
    items = WatchItem.objects.filter(owner=request.user).select_related(
        "standard", "committee", "ics"
    )
    return render(request, "tracking/watch_list.html", {"items": items})


@perm("tracking.add_watchitem")
@require_POST
def watch_add(request: HttpRequest) -> HttpResponse:
    form = WatchForm(request.POST)
    std = com = ics = None
    if not form.is_valid():
        messages.error(request, _("Choose a standard, a committee or an ICS field to watch."))
        return redirect("tracking:watch")
    if sid := form.cleaned_data.get("standard"):
        std = get_object_or_404(Standard, pk=sid)
    elif cid := form.cleaned_data.get("committee"):
        com = get_object_or_404(Committee, pk=cid)
    elif code := form.cleaned_data.get("ics"):
        ics = get_object_or_404(ICS, code=code)
    else:
        messages.error(request, _("Choose a standard, a committee or an ICS field to watch."))
        return redirect("tracking:watch")
    item = services.add_watch(acting_user=request.user, standard=std, committee=com, ics=ics)
    messages.success(request, _("Watching %(x)s.") % {"x": item})
    return redirect(request.POST.get("next") if _safe_next(request) else "tracking:watch")


@perm("tracking.delete_watchitem")
@require_POST
def watch_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(WatchItem, pk=pk, owner=request.user)
    services.remove_watch(acting_user=request.user, item=item)
    messages.info(request, _("No longer watching %(x)s.") % {"x": item})
    return redirect("tracking:watch")


def _safe_next(request: HttpRequest) -> bool:
    from django.utils.http import url_has_allowed_host_and_scheme

    nxt = request.POST.get("next", "")
    return bool(nxt) and url_has_allowed_host_and_scheme(nxt, allowed_hosts={request.get_host()})


def standard_panel(request: HttpRequest, standard: Standard) -> str | None:
    """The adoption panel on the catalogue's standard page (registered in apps.py)."""
    made = list(standard.adoptions_made.select_related("intl"))
    received = list(standard.adoptions_received.select_related("domestic"))
    watching = (
        request.user.is_authenticated
        and WatchItem.objects.filter(owner=request.user, standard=standard).exists()
    )
    return render_to_string(
        "tracking/_standard_panel.html",
        {
            "standard": standard,
            "made": made,
            "received": received,
            # an identical adoption's Chinese title is the best Chinese title an ISO/IEC record has
            "zh_title": next(
                (a for a in received if a.degree == "IDT" and a.domestic.title_zh), None
            )
            if not standard.title_zh
            else None,
            "can_watch": has_perm(request.user, "tracking.add_watchitem") and not watching,
            "watching": watching,
        },
        request=request,
    )
