"""Comparison API under /api/v1/compare/.

- `POST run`: compare two pasted texts and return the rows (nothing stored), as the CLI does;
- comparisons (scoped like the pages: outside the caller's region or unit → 404), a row review and
  the confirmation;
- the public mutual-recognition catalogue.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest
from django_fsm import TransitionNotAllowed
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from stdlink.compare import exports
from stdlink.compare import services as svc
from stdlink.compare.engine import CompareInputError, check_text, compare_texts, result_json
from stdlink.compare.filtersets import ComparisonFilterSet, RecognitionFilterSet
from stdlink.compare.models import Comparison, Recognition
from stdlink.core.api_auth import PUBLIC, require
from stdlink.core.params import Pagination
from stdlink.core.permissions import get_for_user, scope_queryset

router = Router()
VIEW = "compare.view_comparison"


class RunIn(Schema):
    a: str
    b: str


class RowOut(Schema):
    id: int
    position: int
    a: str | None
    b: str | None
    a_title: str
    b_title: str
    relation: str
    suggested: str
    reason: str
    needs_confirmation: bool
    indicators: dict
    comment: str
    reviewed: bool

    @staticmethod
    def resolve_a(obj) -> str | None:
        return obj.a_number or None

    @staticmethod
    def resolve_b(obj) -> str | None:
        return obj.b_number or None

    @staticmethod
    def resolve_relation(obj) -> str:
        return obj.final_relation

    @staticmethod
    def resolve_suggested(obj) -> str:
        return obj.relation

    @staticmethod
    def resolve_reviewed(obj) -> bool:
        return obj.reviewed_at is not None


class ComparisonOut(Schema):
    id: int
    title: str
    product_field: str
    state: str
    region: str
    suggested_degree: str
    documents: list[dict]
    created: dt.datetime

    @staticmethod
    def resolve_region(obj) -> str:
        return obj.region.code

    @staticmethod
    def resolve_documents(obj) -> list[dict]:
        # Labels only: the texts stay on the review page.
        return [
            {
                "side": d.side,
                "name": d.name,
                "code": d.code,
                "title": d.title,
                "language": d.language,
            }
            for d in obj.documents.all()
        ]


class ComparisonDetailOut(ComparisonOut):
    rows: list[RowOut]
    summary: dict

    @staticmethod
    def resolve_rows(obj):
        return list(obj.rows.all())

    @staticmethod
    def resolve_summary(obj) -> dict:
        s = exports.summary(obj)
        return {
            k: s[k]
            for k in ("counts", "degree", "degree_reason", "to_confirm", "reviewed", "total")
        }


class ReviewIn(Schema):
    override: str = ""
    comment: str = ""


class RecognitionOut(Schema):
    id: int
    cn_code: str
    cn_title: str
    partner_code: str
    partner_title: str
    country_code: str
    country_zh: str
    country_en: str
    belt_and_road: bool
    product_field: str
    degree: str
    recognised_on: dt.date


@router.post("run", auth=require("compare.add_comparison"))
def run(request: HttpRequest, payload: RunIn) -> dict:
    """Compare two texts (A relative to B); nothing is stored."""
    try:
        text_a = check_text(payload.a, "a")
        text_b = check_text(payload.b, "b")
    except CompareInputError as exc:
        raise HttpError(422, str(exc)) from exc
    return result_json(compare_texts(text_a, text_b))


@router.get("comparisons", response=list[ComparisonOut], auth=require(VIEW))
@paginate(Pagination, page_size=50)
def comparisons(request: HttpRequest):
    qs = scope_queryset(
        request.user,
        Comparison.objects.select_related("region").prefetch_related("documents"),
        VIEW,
    )
    return ComparisonFilterSet(request.GET, queryset=qs).qs


def _get(request: HttpRequest, pk: int) -> Comparison:
    obj, _ = get_for_user(request.user, Comparison.objects.select_related("region"), VIEW, pk=pk)
    return obj


@router.get("comparisons/{pk}", response=ComparisonDetailOut, auth=require(VIEW))
def comparison(request: HttpRequest, pk: int):
    return _get(request, pk)


@router.post(
    "comparisons/{pk}/rows/{row_id}/review",
    response=RowOut,
    auth=require("compare.review_comparison"),
)
def review(request: HttpRequest, pk: int, row_id: int, payload: ReviewIn):
    obj = _get(request, pk)
    try:
        row = obj.rows.get(pk=row_id)
    except obj.rows.model.DoesNotExist:
        raise Http404 from None
    try:
        return svc.review_row(
            acting_user=request.user, row=row, override=payload.override, comment=payload.comment
        )
    except ValidationError as exc:
        raise HttpError(422, "; ".join(exc.messages)) from exc
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from exc


@router.post(
    "comparisons/{pk}/confirm", response=ComparisonOut, auth=require("compare.confirm_comparison")
)
def confirm(request: HttpRequest, pk: int):
    obj = _get(request, pk)
    try:
        return svc.confirm_comparison(acting_user=request.user, comparison=obj)
    except TransitionNotAllowed as exc:
        raise HttpError(409, "比对已确认 / already confirmed") from exc
    except PermissionDenied as exc:
        raise HttpError(403, str(exc)) from exc


@router.get("recognitions", response=list[RecognitionOut], auth=PUBLIC)
@paginate(Pagination, page_size=100)
def recognitions(request: HttpRequest):
    return RecognitionFilterSet(request.GET, queryset=Recognition.objects.all()).qs
