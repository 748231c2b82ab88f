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
    return list(Body.objects.filter(standards__isnull=False).distinct().order_by("code"))


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
    from stdlink.catalog.labels import date_label, language_label

    dates = [
        {"type": d.type, "label": date_label(d.type), "value": d.value, "raw": d.raw}
        for d in standard.dates.all()
    ]
    # Chinese first, then English, then the rest.
    order = {"zh": 0, "en": 1}
    # The full title when the source gives one; its intro / main / part elements otherwise.
    def _shown(parts):
        full = [t for t in parts if t.type == "main"]
        return full or parts

    title_rows = [
        {"lang": lang, "label": language_label(lang), "parts": _shown(parts)}
        for lang, parts in sorted(titles.items(), key=lambda kv: (order.get(kv[0], 2), kv[0]))
    ]
    out_list = list(relations_out[:500])
    in_list = list(relations_in[:500])
    return {
        "standard": standard,
        "titles": titles,
        "title_rows": title_rows,
        "relation_groups": relation_groups(out_list, in_list),
        "date_rows": dates,
        "dates": standard.dates.all(),
        "ics": standard.ics.all(),
        "ccs": standard.ccs.all(),
        "committees": standard.committees.all(),
        "relations_out": out_list,
        "relations_out_count": relations_out.count(),
        "relations_in": in_list,
        "relations_in_count": relations_in.count(),
        "editions": editions,
        "parsed": parsed,
        "source_records": standard.source_records.all(),
    }


def relation_groups(relations_out, relations_in) -> list[dict]:
    """Relations grouped by meaning, each other standard shown once, seen from this standard.

    An incoming edge is turned round (B replaces A → A is replaced by B). A pair stored on both
    sides (A replaced_by B and B replaces A) is one entry; when the two sides disagree, the edge
    stored on this standard's own record wins.
    """
    from stdlink.catalog.labels import INVERSE, RELATION_GROUPS

    degrees = dict(Relation.Degree.choices)
    seen: dict[object, str] = {}
    entries: dict[str, list[dict]] = {}

    def add(rtype, other, identifier, degree):
        ident = other.pk if other is not None else identifier.strip().lower()
        if ident in seen:
            return
        seen[ident] = rtype
        entries.setdefault(rtype, []).append(
            {
                "standard": other,
                "identifier": identifier,
                "degree": degree,
                "degree_label": degrees.get(degree, degree) if degree else "",
            }
        )

    for r in relations_out:
        add(r.type, r.target, r.target_identifier, r.degree)
    for r in relations_in:
        add(INVERSE.get(r.type, r.type), r.source, r.source.identifier, r.degree)
    groups = []
    for rtype, label in RELATION_GROUPS:
        if rtype in entries:
            items = sorted(entries.pop(rtype), key=lambda e: e["identifier"])
            groups.append({"type": rtype, "label": label, "items": items})
    for rtype, items in entries.items():  # a type not in RELATION_GROUPS yet
        groups.append({"type": rtype, "label": rtype, "items": items})
    return groups
