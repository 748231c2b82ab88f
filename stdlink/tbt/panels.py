"""The TBT panel on a catalogue standard's page: notifications citing the standard (registered
in core.panels' "standard_detail" slot when that registry is present)."""

from __future__ import annotations

from django.db.models import Q
from django.template.loader import render_to_string


def standard_panel(request, standard) -> str | None:
    from stdlink.tbt.models import Notification

    qs = (
        Notification.objects.filter(
            Q(cited_standards__standard=standard) | Q(cited_standards__work_key=standard.work_key)
        )
        .distinct()
        .order_by("-distribution_date")[:20]
    )
    notes = list(qs)
    if not notes:
        return None
    return render_to_string("tbt/_standard_panel.html", {"notifications": notes}, request=request)


def register() -> None:
    try:
        from stdlink.core import panels
    except ImportError:  # core.panels arrives with the tracking branch
        return
    panels.register("standard_detail", "tbt", standard_panel)
