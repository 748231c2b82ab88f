"""Tracking REST API under /api/v1/tracking/: adoptions, conversion rate, outdated adoptions, gaps,
suggestions (read: public facts of the catalogue) and watch-lists (the signed-in user's own)."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from stdlink.catalog.models import Standard
from stdlink.core.api_auth import PUBLIC, require
from stdlink.core.params import Pagination
from stdlink.tracking import services
from stdlink.tracking.filtersets import AdoptionFilterSet
from stdlink.tracking.gaps import gap_queryset
from stdlink.tracking.models import Adoption, WatchItem
from stdlink.tracking.outdated import outdated_adoptions
from stdlink.tracking.rate import DENOMINATORS, GROUPINGS, conversion_rate
from stdlink.tracking.suggest import suggest, suggest_domestic

router = Router()


class AdoptionSchema(Schema):
    id: int
    domestic: str
    domestic_id: int
    intl_identifier: str
    intl_id: int | None
    degree: str
    source: str
    dated: bool
    evidence: str

    @staticmethod
    def resolve_domestic(obj: Adoption) -> str:
        return obj.domestic.identifier


@router.get("/adoptions", response=list[AdoptionSchema], auth=PUBLIC)
@paginate(Pagination, page_size=50)
def adoptions(
    request: HttpRequest, degree: str = "", source: str = "", q: str = "", sector: str = ""
):
    data = {
        k: v for k, v in {"degree": degree, "source": source, "q": q, "sector": sector}.items() if v
    }
    fs = AdoptionFilterSet(data, queryset=Adoption.objects.select_related("domestic"))
    if not fs.is_valid():
        raise HttpError(400, "invalid filter / 筛选条件无效")
    return fs.qs


@router.get("/rate", auth=PUBLIC)
def rate(request: HttpRequest, by: str = "", denominator: str = "all"):
    if by and by not in GROUPINGS:
        raise HttpError(400, f"by: one of {', '.join(GROUPINGS)}")
    if denominator not in DENOMINATORS or denominator == "list":
        raise HttpError(400, "denominator: all or ics_with_cn (a list: POST /rate/list)")
    return conversion_rate(by=by, denominator=denominator).as_dict()


class RateListIn(Schema):
    identifiers: list[str]
    by: str = ""


@router.post("/rate/list", auth=require("tracking.view_adoption"))
def rate_list(request: HttpRequest, payload: RateListIn):
    if payload.by and payload.by not in GROUPINGS:
        raise HttpError(400, f"by: one of {', '.join(GROUPINGS)}")
    if not payload.identifiers or len(payload.identifiers) > 50_000:
        raise HttpError(400, "identifiers: 1 to 50,000 / 清单须含 1 至 50,000 项")
    return conversion_rate(
        by=payload.by, denominator="list", identifiers=payload.identifiers
    ).as_dict()


@router.get("/outdated", auth=PUBLIC)
def outdated(request: HttpRequest):
    return [o.as_dict() for o in outdated_adoptions()]


class GapSchema(Schema):
    id: int
    identifier: str
    title_en: str
    committee: str | None

    @staticmethod
    def resolve_committee(obj: Standard) -> str | None:
        return obj.committee.code.strip() if obj.committee else None


@router.get("/gaps", response=list[GapSchema], auth=PUBLIC)
@paginate(Pagination, page_size=50)
def gaps(request: HttpRequest, ics: str = "", committee: str = "", q: str = ""):
    return gap_queryset(ics=ics[:16], committee=committee[:64], q=q[:100])


@router.get("/suggest", auth=PUBLIC)
def suggestions(request: HttpRequest, number: str, title: str | None = None):
    if not number.strip() or len(number) > 100:
        raise HttpError(400, "number: a Chinese standard number / 需要中国标准号")
    return suggest(number, (title or None) and title[:300]).as_dict()


@router.get("/counterparts", auth=PUBLIC)
def counterparts(request: HttpRequest, identifier: str):
    if not identifier.strip() or len(identifier) > 100:
        raise HttpError(400, "identifier: an international standard / 需要国际标准号")
    return suggest_domestic(identifier)


class DecisionIn(Schema):
    domestic_id: int
    candidate_id: int
    degree: str = "IDT"
    comment: str = ""


@router.post("/suggestions/confirm", response=AdoptionSchema, auth=require("tracking.add_adoption"))
def confirm(request: HttpRequest, payload: DecisionIn):
    if payload.degree not in ("IDT", "MOD", "NEQ"):
        raise HttpError(400, "degree: IDT, MOD or NEQ")
    domestic = get_object_or_404(Standard, pk=payload.domestic_id)
    candidate = get_object_or_404(Standard, pk=payload.candidate_id)
    return services.confirm_suggestion(
        domestic=domestic, candidate=candidate, degree=payload.degree, acting_user=request.auth
    )


@router.post("/suggestions/reject", auth=require("tracking.add_adoption"))
def reject(request: HttpRequest, payload: DecisionIn):
    domestic = get_object_or_404(Standard, pk=payload.domestic_id)
    candidate = get_object_or_404(Standard, pk=payload.candidate_id)
    services.reject_suggestion(
        domestic=domestic, candidate=candidate, acting_user=request.auth, comment=payload.comment
    )
    return {"rejected": candidate.identifier}


class WatchSchema(Schema):
    id: int
    kind: str
    standard_id: int | None
    committee_id: int | None
    ics_id: int | None
    label: str

    @staticmethod
    def resolve_label(obj: WatchItem) -> str:
        return str(obj)


class WatchIn(Schema):
    standard_id: int | None = None
    committee_id: int | None = None
    ics_code: str | None = None


@router.get("/watch", response=list[WatchSchema], auth=require("tracking.view_watchitem"))
def watch_list(request: HttpRequest):
    return WatchItem.objects.filter(owner=request.auth).select_related(
        "standard", "committee", "ics"
    )


@router.post("/watch", response=WatchSchema, auth=require("tracking.add_watchitem"))
def watch_add(request: HttpRequest, payload: WatchIn):
    from stdlink.catalog.models import ICS, Committee

    std = get_object_or_404(Standard, pk=payload.standard_id) if payload.standard_id else None
    com = get_object_or_404(Committee, pk=payload.committee_id) if payload.committee_id else None
    ics = get_object_or_404(ICS, code=payload.ics_code) if payload.ics_code else None
    try:
        return services.add_watch(acting_user=request.auth, standard=std, committee=com, ics=ics)
    except ValueError as exc:
        raise HttpError(400, str(exc)) from exc


@router.delete("/watch/{item_id}", auth=require("tracking.delete_watchitem"))
def watch_remove(request: HttpRequest, item_id: int):
    item = get_object_or_404(WatchItem, pk=item_id, owner=request.auth)
    services.remove_watch(acting_user=request.auth, item=item)
    return {"removed": item_id}
