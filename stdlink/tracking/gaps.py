"""Gap list: current international standards that no domestic standard adopts (IDT/MOD)."""

from __future__ import annotations

from django.db.models import QuerySet

from stdlink.catalog.models import Standard
from stdlink.tracking.rate import DEFAULT_BODIES, adopted_works, base_documents


def gap_queryset(
    *, bodies=DEFAULT_BODIES, ics: str = "", committee: str = "", q: str = ""
) -> QuerySet[Standard]:
    """Current ISO/IEC/ITU base documents whose work has no IDT/MOD adoption by a Chinese standard."""
    adopted = set(adopted_works())
    qs = base_documents(bodies).exclude(work_key__in=adopted)
    if ics:
        qs = qs.filter(ics__code__startswith=ics).distinct()
    if committee:
        qs = qs.filter(committee__code__iexact=committee)
    if q:
        qs = qs.filter(identifier__icontains=q) | qs.filter(title_en__icontains=q)
    return qs.select_related("body", "committee").order_by("body__code", "identifier")
