"""Adoptions: recorded from statements, lists, catalogue relations, confirmed suggestions or by hand."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from stdlink.catalog.models import Relation, Standard
from stdlink.core.services.audit import log_change, snapshot
from stdlink.tracking.models import Adoption, SuggestionDecision
from stdlink.tracking.resolve import resolve
from stdlink.tracking.statements import parse_statements


@transaction.atomic
def record_adoption(
    *,
    domestic: Standard,
    intl_identifier: str,
    degree: str | None,
    source: str,
    evidence: str = "",
    acting_user=None,
    confirmed: bool = False,
) -> Adoption:
    """Create or update the adoption of `intl_identifier` by `domestic` (one per international work).

    A statement with a degree never loses it to one without; a dated identifier never gives way to
    an undated one of the same work.
    """
    res = resolve(intl_identifier)
    existing = (
        Adoption.objects.select_for_update()
        .filter(domestic=domestic, intl_work_key=res.work_key)
        .first()
    )
    before = snapshot(existing)
    if existing is None:
        obj = Adoption(domestic=domestic, intl_work_key=res.work_key)
    else:
        obj = existing
        if existing.dated and not res.dated and source != Adoption.Source.SUGGESTION:
            res = resolve(existing.intl_identifier)
    obj.intl = res.standard
    obj.intl_identifier = (
        res.standard.identifier if (res.standard and res.dated) else intl_identifier
    )
    obj.intl_key = res.edition_key
    obj.dated = res.dated
    if degree or not obj.degree:
        obj.degree = degree or ""
    obj.source = source
    if evidence:
        obj.evidence = evidence[:2000]
    if confirmed and getattr(acting_user, "is_authenticated", False):
        obj.confirmed_by = acting_user
        obj.confirmed_at = timezone.now()
    after = snapshot(obj)
    if _content(before) == _content(after):
        return obj  # nothing new: no write, no audit row
    obj.save()
    after = snapshot(obj)
    log_change(
        acting_user=acting_user,
        obj=obj,
        action="create" if existing is None else "update",
        before=before,
        after=after,
    )
    return obj


def _content(snap: dict | None) -> dict | None:
    return (
        None if snap is None else {k: v for k, v in snap.items() if k not in ("updated", "created")}
    )


@transaction.atomic
def confirm_suggestion(
    *, domestic: Standard, candidate: Standard, degree: str, acting_user, evidence: str = ""
) -> Adoption:
    """A person confirms a suggested counterpart: it becomes an adoption (source: suggestion)."""
    SuggestionDecision.objects.filter(
        domestic=domestic, candidate_work_key=candidate.work_key
    ).delete()
    return record_adoption(
        domestic=domestic,
        intl_identifier=candidate.identifier,
        degree=degree,
        source=Adoption.Source.SUGGESTION,
        evidence=evidence or "confirmed suggestion / 确认的建议",
        acting_user=acting_user,
        confirmed=True,
    )


@transaction.atomic
def reject_suggestion(
    *, domestic: Standard, candidate: Standard, acting_user, comment: str = ""
) -> SuggestionDecision:
    """A rejected suggestion is not offered again for this domestic standard."""
    obj, created = SuggestionDecision.objects.get_or_create(
        domestic=domestic,
        candidate_work_key=candidate.work_key,
        defaults={
            "candidate_identifier": candidate.identifier,
            "decided_by": acting_user if getattr(acting_user, "is_authenticated", False) else None,
            "comment": comment[:500],
        },
    )
    if created:
        log_change(acting_user=acting_user, obj=obj, action="create", after=snapshot(obj))
    return obj


@dataclass
class SyncResult:
    seen: int = 0
    recorded: int = 0


def sync_catalogue_relations(*, acting_user=None, standard_ids=None) -> SyncResult:
    """Catalogue relations of type adopts / adopted_by become adoptions (both directions)."""
    result = SyncResult()
    rels = Relation.objects.filter(type__in=[Relation.Type.ADOPTS, Relation.Type.ADOPTED_BY])
    if standard_ids is not None:
        rels = rels.filter(source_id__in=standard_ids) | rels.filter(target_id__in=standard_ids)
    for rel in rels.select_related("source", "target").iterator():
        result.seen += 1
        if rel.type == Relation.Type.ADOPTS:
            domestic, intl_identifier = (
                rel.source,
                (rel.target.identifier if rel.target else rel.target_identifier),
            )
        else:
            if rel.target is None:
                continue  # the adopting standard is not in the catalogue
            domestic, intl_identifier = rel.target, rel.source.identifier
        record_adoption(
            domestic=domestic,
            intl_identifier=intl_identifier,
            degree=rel.degree or None,
            source=Adoption.Source.CATALOGUE,
            evidence=f"{rel.raw_type}: {rel.raw_description}".strip(": "),
            acting_user=acting_user,
        )
        result.recorded += 1
    return result


# Where a domestic record's own text may state its adoption (titles, list fields kept in `extra`).
STATEMENT_FIELDS = (
    "adoption",
    "采用国际标准号",
    "采用国际标准",
    "采标号",
    "adopted",
    "note",
    "cover",
)


def statement_text(standard: Standard) -> str:
    parts = []
    extra = standard.extra or {}
    for name in STATEMENT_FIELDS:
        v = extra.get(name)
        if isinstance(v, str):
            parts.append(f"{name}: {v}" if name.startswith("采") else v)
    deg = extra.get("采用程度") or extra.get("adoption_degree")
    if isinstance(deg, str):
        parts.append(f"采用程度: {deg}")
    parts.append(standard.identifier)
    return "\n".join(parts)


def sync_statements(*, acting_user=None, queryset=None) -> SyncResult:
    """Parse the adoption statements carried by domestic records (double numbers, list fields)."""
    result = SyncResult()
    qs = queryset if queryset is not None else Standard.objects.filter(body__country="CN")
    for std in qs.iterator():
        result.seen += 1
        for st in parse_statements(statement_text(std)):
            record_adoption(
                domestic=std,
                intl_identifier=st.intl,
                degree=st.degree,
                source=Adoption.Source.STATEMENT,
                evidence=st.evidence,
                acting_user=acting_user,
            )
            result.recorded += 1
    return result
