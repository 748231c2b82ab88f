"""TBT REST API under /api/v1/tbt/: notifications (public, same filters as the list page),
countries, statistics, and the signed-in user's alerts and subscriptions."""

from django.db.models import Q
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from stdlink.core.api_auth import LOGIN, PUBLIC
from stdlink.core.params import Pagination
from stdlink.tbt.models import Alert, Country, Notification

router = Router()


class NotificationFilters(Schema):
    q: str | None = None
    member: str | None = None
    bri: bool | None = None
    hs: str | None = None
    ics: str | None = None
    objective: str | None = None
    kind: str | None = None
    status: str | None = None
    year: int | None = None


class NotificationSummary(Schema):
    id: int
    symbol: str
    kind: str
    title: str
    members: list[str]
    distribution_date: str | None
    comment_deadline: str | None
    status: str

    @staticmethod
    def resolve_members(obj) -> list[str]:
        return [c.code for c in obj.members.all()]

    @staticmethod
    def resolve_distribution_date(obj) -> str | None:
        return obj.distribution_date.isoformat() if obj.distribution_date else None

    @staticmethod
    def resolve_comment_deadline(obj) -> str | None:
        return obj.comment_deadline.isoformat() if obj.comment_deadline else None


class MemberOut(Schema):
    iso3: str
    name_zh: str
    name_en: str
    wto_member: bool
    bri: bool


class CitedOut(Schema):
    identifier: str
    as_cited: str
    parsed: bool
    catalogue: str | None
    adopted_by: list[str]


class NotificationDetail(Schema):
    symbol: str
    kind: str
    base_symbol: str | None
    members: list[MemberOut]
    hs_codes: list[str]
    ics_codes: list[str]
    distribution_date: str | None
    comment_deadline: str | None
    proposed_adoption_date: str | None
    proposed_entry_into_force: str | None
    related_symbols: list[str]
    cited_standards: list[CitedOut]
    status: str


class CountryOut(Schema):
    code: str
    name_zh: str
    name_en: str
    wto_member: bool
    bri: bool


class AlertOut(Schema):
    id: int
    symbol: str
    subscription: str
    kind: str
    level: str
    grade: str
    reason_zh: str
    reason_en: str

    @staticmethod
    def resolve_symbol(obj) -> str:
        return obj.notification.symbol

    @staticmethod
    def resolve_subscription(obj) -> str:
        return obj.subscription.name


@router.get(
    "/notifications", response=list[NotificationSummary], auth=PUBLIC, summary="TBT notifications"
)
@paginate(Pagination, page_size=50)
def list_notifications(request: HttpRequest, filters: Query[NotificationFilters]):
    from stdlink.tbt.filtersets import NotificationFilterSet

    fs = NotificationFilterSet(
        filters.dict(exclude_none=True), queryset=Notification.objects.prefetch_related("members")
    )
    if not fs.is_valid():
        raise HttpError(422, "; ".join(f"{k}: {' '.join(v)}" for k, v in fs.errors.items()))
    return fs.qs


@router.get(
    "/notifications/{path:symbol}",
    response=NotificationDetail,
    auth=PUBLIC,
    summary="One notification by symbol",
)
def get_notification(request: HttpRequest, symbol: str):
    from stdlink.tbt.classify.symbols import parse_symbol
    from stdlink.tbt.services.present import notification_json

    sym = parse_symbol(symbol)
    n = get_object_or_404(Notification, symbol=sym.symbol if sym else symbol)
    return notification_json(n)


@router.get(
    "/countries",
    response=list[CountryOut],
    auth=PUBLIC,
    summary="Countries with WTO and Belt and Road flags",
)
def list_countries(request: HttpRequest, bri: bool | None = None):
    qs = Country.objects.all()
    if bri is not None:
        qs = qs.filter(bri=bri)
    return qs


@router.get("/statistics", auth=PUBLIC, summary="Counts by member, HS chapter, month, objective")
def get_statistics(request: HttpRequest):
    from stdlink.tbt.views import statistics

    return statistics()


@router.get(
    "/alerts",
    response=list[AlertOut],
    auth=LOGIN,
    summary="Alerts of the signed-in user's subscriptions",
)
@paginate(Pagination, page_size=50)
def list_alerts(request: HttpRequest):
    from stdlink.tbt.services.comments import user_unit_ids

    user = request.auth
    return Alert.objects.filter(
        Q(subscription__owner=user) | Q(subscription__unit_id__in=user_unit_ids(user))
    ).select_related("notification", "subscription")
