"""Watch-list alerts: what changed in an import, matched against every watch-list, sent through notify().

Called by a job after an import batch commits (``signals.on_standards_changed``). An alert says what
changed and why it reached the person (which watched item matched). The dedupe key is the watched
item × the changed record's state, so a re-import that changes nothing alerts nobody again.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse

from stdlink.catalog.models import Standard
from stdlink.tracking.models import Adoption, WatchItem
from stdlink.tracking.resolve import dated_year

KIND = "tracking.watch"
CHANGE_STATUSES = (Standard.Status.WITHDRAWN, Standard.Status.REPLACED)


@dataclass(frozen=True)
class Alert:
    user_id: int
    item_id: int
    standard_id: int
    subject: str
    body: str
    link: str
    dedupe_key: str


def _describe(std: Standard) -> str:
    if std.status in CHANGE_STATUSES:
        return {
            Standard.Status.WITHDRAWN: "已废止 / withdrawn",
            Standard.Status.REPLACED: "已被代替 / replaced",
        }[std.status]
    if "/AMD" in std.key:
        return "发布修改单 / amended"
    if "/COR" in std.key:
        return "发布勘误 / corrected"
    return "新版本或更新 / new or revised edition"


def _link(std: Standard) -> str:
    try:
        return reverse("catalog:standard-detail", args=[std.pk])
    except Exception:  # noqa: BLE001 — the URL needs only a pk; keep the alert if routing differs
        return f"/standards/{std.pk}/"


def match_changes(standard_ids: list[int]) -> list[Alert]:
    """Alerts for every watch-list item that a changed standard touches."""
    if not standard_ids:
        return []
    changed = list(
        Standard.objects.filter(pk__in=standard_ids)
        .select_related("committee")
        .prefetch_related("ics")
    )
    works = {s.work_key for s in changed}
    committees = {s.committee_id for s in changed if s.committee_id}
    ics_codes = {c.code for s in changed for c in s.ics.all()}

    # Domestic standards whose adopted international work changed: watchers of the domestic record.
    adopted_by = {}
    for a in Adoption.objects.filter(intl_work_key__in=works).select_related("domestic"):
        adopted_by.setdefault(a.intl_work_key, []).append(a)

    ics_q = Q()
    for code in ics_codes:
        ics_q |= Q(ics__code=code) | Q(ics__code=code[:6]) | Q(ics__code=code[:2])
    items = WatchItem.objects.filter(
        Q(kind=WatchItem.Kind.STANDARD, work_key__in=works)
        | Q(kind=WatchItem.Kind.COMMITTEE, committee_id__in=committees)
        | (Q(kind=WatchItem.Kind.ICS) & ics_q if ics_codes else Q(pk__in=[]))
        | Q(
            kind=WatchItem.Kind.STANDARD,
            standard_id__in=[a.domestic_id for lst in adopted_by.values() for a in lst],
        )
    ).select_related("standard", "committee", "ics")

    alerts: list[Alert] = []
    for item in items:
        for std in changed:
            reason = _reason(item, std, adopted_by)
            if not reason:
                continue
            what = _describe(std)
            alerts.append(
                Alert(
                    user_id=item.owner_id,
                    item_id=item.pk,
                    standard_id=std.pk,
                    subject=f"{std.identifier}: {what}",
                    body=f"{std.identifier} {std.title}\n{what}\n{reason}",
                    link=_link(std),
                    dedupe_key=f"{KIND}:{item.pk}:{std.key}:{std.status}:{std.content_hash}",
                )
            )
    return alerts


def _reason(item: WatchItem, std: Standard, adopted_by) -> str:
    if item.kind == WatchItem.Kind.STANDARD:
        if item.work_key and item.work_key == std.work_key:
            return f"您关注的标准 / you watch {item.standard}"
        for a in adopted_by.get(std.work_key, []):
            if a.domestic_id == item.standard_id and (std.year or 0) > _adopted_year(a):
                return (
                    f"您关注的 {a.domestic} 采用的 {a.intl_identifier} 有新版本 / "
                    f"{a.intl_identifier}, adopted by {a.domestic} which you watch, has a new edition"
                )
        return ""
    if item.kind == WatchItem.Kind.COMMITTEE:
        return (
            f"您关注的技术委员会 / you watch committee {item.committee}"
            if std.committee_id == item.committee_id
            else ""
        )
    if item.kind == WatchItem.Kind.ICS and item.ics is not None:
        if any(c.code.startswith(item.ics.code) for c in std.ics.all()):
            return f"您关注的 ICS 领域 / you watch ICS {item.ics.code}"
    return ""


def _adopted_year(a: Adoption) -> int:
    if a.intl is not None and a.intl.year:
        return a.intl.year
    return dated_year(a.intl_identifier) or 0


def send_alerts(standard_ids: list[int]) -> int:
    """Match and send; returns the number of alerts handed to the notification service."""
    from django.contrib.auth import get_user_model

    from stdlink.notify.services import notify

    alerts = match_changes(standard_ids)
    users = get_user_model().objects.in_bulk({a.user_id for a in alerts})
    for a in alerts:
        notify(
            [users[a.user_id]],
            KIND,
            a.subject,
            a.body,
            a.link,
            dedupe_key=a.dedupe_key,
        )
    return len(alerts)
