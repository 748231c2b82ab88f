"""The results page (/search/?q=…): hits with highlighted titles, facets in a side panel that
htmx refreshes together with the hits."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from stdlink.core.permissions import public
from stdlink.search.interface import search
from stdlink.search.params import query_from_params
from stdlink.search.sanitize import MAX_QUERY_LENGTH, QueryError

FACET_TITLES = {
    "body": _("Body"),
    "status": _("Status"),
    "doctype": _("Document type"),
    "ics": _("ICS field"),
    "committee": _("Committee"),
    "year": _("Year"),
}


def _url(params: list[tuple[str, str]]) -> str:
    return "?" + urlencode(params)


def _facet_groups(request: HttpRequest, facets) -> list[dict]:
    base = [(k, v) for k, values in request.GET.lists() for v in values if k != "page"]
    groups = []
    for name, title in FACET_TITLES.items():
        values = []
        for fv in getattr(facets, name):
            if name == "year":
                rest = [(k, v) for k, v in base if k not in ("year", "year_from", "year_to")]
                params = rest if fv.selected else [*rest, ("year", fv.value)]
            elif fv.selected:
                params = [(k, v) for k, v in base if not (k == name and v == fv.value)]
            else:
                params = [*base, (name, fv.value)]
            values.append(
                {
                    "value": fv.value,
                    "label": fv.label,
                    "count": fv.count,
                    "selected": fv.selected,
                    "url": _url(params),
                }
            )
        if values:
            groups.append({"name": name, "title": title, "values": values})
    return groups


@public
def results(request: HttpRequest) -> HttpResponse:
    error = None
    result = None
    status = 200
    try:
        query = query_from_params(request.GET)
        result = search(query)
    except QueryError as exc:
        error, status = str(exc), 400
    context = {
        "result": result,
        "error": error,
        "q": request.GET.get("q", ""),
        "max_query_length": MAX_QUERY_LENGTH,
        "facet_groups": _facet_groups(request, result.facets) if result else [],
    }
    if result is not None:
        context["start"] = (result.page - 1) * result.per_page + 1
        base = [(k, v) for k, values in request.GET.lists() for v in values if k != "page"]
        if result.page > 1:
            context["prev_url"] = _url([*base, ("page", str(result.page - 1))])
        if result.page < result.pages:
            context["next_url"] = _url([*base, ("page", str(result.page + 1))])
    template = "search/_results.html" if request.htmx else "search/results.html"
    return render(request, template, context, status=status)
