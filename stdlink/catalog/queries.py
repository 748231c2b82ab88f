"""Read-side queries shared by the pages and the API."""

from __future__ import annotations

from django.db.models import Count, Q

from stdlink.catalog.models import Body, Relation, Standard


def home_stats() -> dict:
    by_body_status: dict[str, dict[str, int]] = {}
    for row in Standard.objects.values("body__code", "status").annotate(n=Count("id")):
        by_body_status.setdefault(row["body__code"], {})[row["status"]] = row["n"]
    bodies = {b.code: b for b in Body.objects.filter(code__in=by_body_status)}
    statuses = [s for s, _ in Standard.Status.choices]
    rows = []
    for code, counts in sorted(by_body_status.items(), key=lambda kv: -sum(kv[1].values())):
        rows.append(
            {
                "body": bodies[code],
                "total": sum(counts.values()),
                "counts": [counts.get(s, 0) for s in statuses],
            }
        )
    totals = [sum(r["counts"][i] for r in rows) for i in range(len(statuses))]
    return {
        "rows": rows,
        "status_labels": [label for _, label in Standard.Status.choices],
        "statuses": statuses,
        "totals": totals,
        "grand_total": sum(totals),
        "annex1_count": Body.objects.filter(annex1=True).count(),
        "relation_count": Relation.objects.count(),
    }


def bodies_with_standards() -> list[Body]:
    """Bodies that have standards (the list page's body menu), cached: on the full catalogue the
    DISTINCT join costs about as much as the rest of the page."""
    from django.core.cache import cache

    bodies = cache.get("catalog:bodies-with-standards")
    if bodies is None:
        bodies = list(
            Body.objects.filter(pk__in=Standard.objects.values("body_id").distinct()).order_by(
                "code"
            )
        )
        cache.set("catalog:bodies-with-standards", bodies, 300)
    return bodies


def lookup(text: str) -> list[Standard]:
    """Standards matching an identifier as people write it (exact first, then the work)."""
    try:
        from stdlink.pubid import ParseError, key
    except ImportError:  # pragma: no cover - the identifier library is part of the package
        return list(Standard.objects.filter(identifier__iexact=text)[:50])
    try:
        exact = key(text, level="exact")
        work = key(text, level="work")
    except ParseError:
        return list(Standard.objects.filter(identifier__iexact=text)[:50])
    found = list(Standard.objects.filter(key=exact)[:50])
    if found:
        return found
    return list(Standard.objects.filter(Q(work_key=work)).order_by("-year")[:50])


def standard_context(standard: Standard) -> dict:
    titles: dict[str, list] = {}
    for title in standard.titles.all():
        titles.setdefault(title.language or "—", []).append(title)
    relations_out = standard.relations_out.select_related("target").order_by(
        "type", "target_identifier"
    )
    relations_in = standard.relations_in.select_related("source").order_by("type")
    editions = (
        (
            Standard.objects.filter(work_key=standard.work_key)
            .exclude(pk=standard.pk)
            .order_by("-year", "identifier")[:50]
        )
        if standard.work_key
        else []
    )
    parsed = None
    try:
        from stdlink.pubid import ParseError, parse

        try:
            parsed = parse(standard.identifier).to_dict()
        except ParseError as exc:
            parsed = {"error": str(exc)}
    except ImportError:
        parsed = None
    return {
        "standard": standard,
        "titles": titles,
        "dates": standard.dates.all(),
        "ics": standard.ics.all(),
        "ccs": standard.ccs.all(),
        "committees": standard.committees.all(),
        "relations_out": relations_out[:500],
        "relations_out_count": relations_out.count(),
        "relations_in": relations_in[:500],
        "relations_in_count": relations_in.count(),
        "editions": editions,
        "parsed": parsed,
        "source_records": standard.source_records.all(),
    }
