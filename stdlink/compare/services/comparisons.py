"""Create a comparison from two documents, review its rows, confirm it."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from stdlink.compare.engine import CompareInputError, check_text, compare_texts, extract_text
from stdlink.compare.engine.compare import indicator_json
from stdlink.compare.models import Comparison, ComparisonDocument, ComparisonRow, ComparisonState
from stdlink.core.permissions import can, denied_message, outside_message
from stdlink.core.services.audit import log_change, snapshot
from stdlink.core.uploads import validate_upload

UPLOAD_KINDS = {"docx", "pdf", "txt"}


@dataclass
class DocumentInput:
    name: str
    kind: str  # docx | pdf | txt | paste
    text: str
    code: str = ""
    standard_id: int | None = None


def read_upload(upload) -> DocumentInput:
    """An uploaded file's text; ValidationError naming the file (size, type, empty, scan, binary)."""
    kind = validate_upload(upload, UPLOAD_KINDS)
    data = upload.read()
    upload.seek(0)
    try:
        text = extract_text(data, upload.name)
    except CompareInputError as exc:
        raise ValidationError(str(exc), code=exc.code) from exc
    return DocumentInput(name=upload.name, kind=kind, text=text)


def pasted(text: str, label: str) -> DocumentInput:
    try:
        return DocumentInput(name=label, kind="paste", text=check_text(text, label))
    except CompareInputError as exc:
        raise ValidationError(str(exc), code=exc.code) from exc


def _comparison_audit(comparison: Comparison) -> dict:
    data = snapshot(comparison)
    data["documents"] = [
        {"side": d.side, "name": d.name, "kind": d.kind, "code": d.code, "chars": len(d.text)}
        for d in comparison.documents.all()
    ]
    return data


def _rows(comparison: Comparison, result) -> list[ComparisonRow]:
    rows = []
    for pos, r in enumerate(result.rows, start=1):
        rows.append(
            ComparisonRow(
                comparison=comparison,
                position=pos,
                a_number=r.a.number if r.a else "",
                a_title=(r.a.title if r.a else "")[:255],
                a_text=r.a.text if r.a else "",
                b_number=r.b.number if r.b else "",
                b_title=(r.b.title if r.b else "")[:255],
                b_text=r.b.text if r.b else "",
                relation=r.relation,
                reason=r.reason,
                needs_confirmation=r.needs_confirmation,
                indicators={
                    "a": [
                        indicator_json(i) | {"start": i.start, "end": i.end} for i in r.indicators_a
                    ],
                    "b": [
                        indicator_json(i) | {"start": i.start, "end": i.end} for i in r.indicators_b
                    ],
                },
                score=round(r.score, 4),
            )
        )
    return rows


def _catalogue_record(code: str):
    """The catalogue record a standard number names (exact edition first, else the latest of the
    work), or None: the comparison links it, the text stays the user's copy."""
    if not code.strip():
        return None
    from stdlink.catalog.queries import lookup

    found = lookup(code.strip())
    return found[0].pk if found else None


@transaction.atomic
def create_comparison(
    *,
    acting_user,
    region,
    title: str,
    doc_a: DocumentInput,
    doc_b: DocumentInput,
    product_field: str = "",
    unit=None,
) -> Comparison:
    """Compare two documents and store the comparison with its rows (all or nothing)."""
    result = compare_texts(doc_a.text, doc_b.text)
    summary = result.summary()
    comparison = Comparison.objects.create(
        region=region,
        unit=unit,
        title=title,
        product_field=product_field,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        suggested_degree=summary["degree"],
        degree_reason=summary["degree_reason"],
        embeddings=result.embeddings,
    )
    if not can(acting_user, comparison, "compare.add_comparison"):
        raise PermissionDenied(outside_message(acting_user))
    for side, doc, parsed in (("a", doc_a, result.doc_a), ("b", doc_b, result.doc_b)):
        ComparisonDocument.objects.create(
            comparison=comparison,
            side=side,
            name=doc.name[:255],
            kind=doc.kind,
            language=parsed.language,
            title=parsed.title[:255],
            code=doc.code[:120],
            standard_id=doc.standard_id or _catalogue_record(doc.code),
            text=doc.text,
        )
    ComparisonRow.objects.bulk_create(_rows(comparison, result))
    log_change(
        acting_user=acting_user,
        obj=comparison,
        action="create",
        after=_comparison_audit(comparison),
    )
    return comparison


def _locked(comparison: Comparison, user, codename: str) -> Comparison:
    locked = Comparison.objects.select_for_update().get(pk=comparison.pk)
    if not can(user, locked, codename):
        raise PermissionDenied(denied_message(user, codename))
    return locked


@transaction.atomic
def review_row(
    *, acting_user, row: ComparisonRow, override: str = "", comment: str = ""
) -> ComparisonRow:
    """A reviewer accepts the engine's judgement (override empty) or overrides it, with a comment."""
    comparison = _locked(row.comparison, acting_user, "compare.review_comparison")
    if comparison.state == ComparisonState.CONFIRMED:
        raise ValidationError("比对已确认，不能再修改 / the comparison is confirmed and read-only")
    if override and override not in dict(ComparisonRow._meta.get_field("override").choices):
        raise ValidationError(f"未知的判断 / unknown judgement: {override}")
    if override and override != row.relation and not comment.strip():
        raise ValidationError("改判须写明理由 / an override needs a comment")
    row = ComparisonRow.objects.select_for_update().get(pk=row.pk)
    before = {"override": row.override, "comment": row.comment, "relation": row.relation}
    row.override = "" if override == row.relation else override
    row.comment = comment.strip()
    row.reviewed_by = acting_user
    row.reviewed_at = timezone.now()
    row.save(update_fields=["override", "comment", "reviewed_by", "reviewed_at"])
    if comparison.state == ComparisonState.DRAFT:
        comparison.start_review()
        comparison.save(update_fields=["state", "updated"])
    comparison.reviewers.add(acting_user)
    log_change(
        acting_user=acting_user,
        obj=row,
        action="update",
        before=before,
        after={"override": row.override, "comment": row.comment, "relation": row.relation},
        note=f"comparison {comparison.pk} row {row.position}",
        region=comparison.region,
    )
    return row


@transaction.atomic
def confirm_comparison(*, acting_user, comparison: Comparison) -> Comparison:
    """Sign the comparison off (draft or under review → confirmed); it counts towards targets."""
    comparison = _locked(comparison, acting_user, "compare.confirm_comparison")
    before = snapshot(comparison)
    comparison.confirm()  # TransitionNotAllowed when already confirmed
    comparison.confirmed_by = acting_user
    comparison.confirmed_at = timezone.now()
    comparison.save()
    comparison.reviewers.add(acting_user)
    log_change(
        acting_user=acting_user,
        obj=comparison,
        action="confirm",
        before=before,
        after=snapshot(comparison),
    )
    return comparison


@transaction.atomic
def reopen_comparison(*, acting_user, comparison: Comparison) -> Comparison:
    comparison = _locked(comparison, acting_user, "compare.confirm_comparison")
    if comparison.recognitions.exists():
        raise ValidationError(
            "该比对是互认目录条目的依据，不能重新打开 / the comparison backs a mutual-recognition entry"
        )
    before = snapshot(comparison)
    comparison.reopen()
    comparison.confirmed_by = None
    comparison.confirmed_at = None
    comparison.save()
    log_change(
        acting_user=acting_user,
        obj=comparison,
        action="reopen",
        before=before,
        after=snapshot(comparison),
    )
    return comparison


def reviewer_candidates(comparison: Comparison) -> list:
    """Users who may review rows of `comparison` (the review permission over its region or unit)."""
    from django.contrib.auth import get_user_model

    from stdlink.core.models import Membership

    user_ids = set(Membership.objects.values_list("user_id", flat=True))
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True).order_by("username")
    return [u for u in users if can(u, comparison, "compare.review_comparison")]


@transaction.atomic
def set_reviewers(*, acting_user, comparison: Comparison, reviewers) -> Comparison:
    """Name the comparison's reviewers (each must be able to review it)."""
    comparison = _locked(comparison, acting_user, "compare.change_comparison")
    allowed = {u.pk for u in reviewer_candidates(comparison)}
    wrong = [str(u) for u in reviewers if u.pk not in allowed]
    if wrong:
        raise ValidationError(f"不能审核该比对 / cannot review this comparison: {', '.join(wrong)}")
    before = sorted(comparison.reviewers.values_list("pk", flat=True))
    comparison.reviewers.set(reviewers)
    log_change(
        acting_user=acting_user,
        obj=comparison,
        action="update",
        before={"reviewers": before},
        after={"reviewers": sorted(u.pk for u in reviewers)},
    )
    return comparison
