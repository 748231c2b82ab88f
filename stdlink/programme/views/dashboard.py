"""The programme dashboard: progress against every target, by city, the plan's phases and the
overdue months. Anyone may see it (province-wide and per-city aggregates only, no records);
overdue months and record links appear for signed-in officers within their scope."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from stdlink.core.permissions import has_perm, public
from stdlink.programme.metrics import progress_all
from stdlink.programme.models import Programme
from stdlink.programme.services.reports import overdue_months
from stdlink.programme.views.reports import _user_cities


def _timeline(programme: Programme, today: dt.date) -> dict:
    total = max((programme.end - programme.start).days, 1)
    phases = []
    for ph in programme.phases.all():
        left = 100 * (ph.start - programme.start).days / total
        width = 100 * ((ph.end - ph.start).days + 1) / total
        phases.append(
            {
                "phase": ph,
                "left": round(left, 2),
                "width": round(width, 2),
                "current": ph.start <= today <= ph.end,
                "done": ph.end < today,
            }
        )
    marker = None
    if programme.start <= today <= programme.end:
        marker = round(100 * (today - programme.start).days / total, 2)
    return {"phases": phases, "today": marker}


@public
def dashboard(request: HttpRequest) -> HttpResponse:
    programmes = list(Programme.objects.all())
    code = request.GET.get("programme")
    programme = next((p for p in programmes if p.code == code), None) or (
        programmes[0] if programmes else None
    )
    context = {
        "programmes": programmes,
        "programme": programme,
        "title": programme.display_name if programme else "",
    }
    if programme is None:
        return render(request, "programme/dashboard.html", context)
    today = timezone.localdate()
    targets = list(programme.targets.select_related("region", "programme"))
    overall = progress_all([t for t in targets if t.region_id is None])
    by_city = progress_all([t for t in targets if t.region_id is not None])
    chart = {
        "labels": [p.target.region.display_name for p in by_city],
        "target": [float(p.value) for p in by_city],
        "actual": [p.actual or 0 for p in by_city],
    }
    user = request.user
    show_overdue = has_perm(user, "programme.view_monthlyreport")
    context.update(
        {
            "overall": overall,
            "by_city": by_city,
            "chart": chart,
            "timeline": _timeline(programme, today),
            "today": today,
            "overdue": overdue_months(_user_cities(user), today) if show_overdue else None,
            "can_records": has_perm(user, "programme.view_unit"),
        }
    )
    return render(request, "programme/dashboard.html", context)
