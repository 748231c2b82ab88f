"""Matching stored notifications against stored subscriptions, grading, storing and sending alerts.

``match_notifications(ids)`` is what the "tbt.match" job runs when notifications arrive;
``send_reminders()`` runs in the daily job. Alerts go through ``stdlink.notify.services.notify``
(kinds "tbt.alert" and "tbt.reminder"; immediate or in the digest as each person chose); the
alert row is what the pages show.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from stdlink.core.services.audit import log_change
from stdlink.tbt import matching
from stdlink.tbt.classify.members import group_members


def facts(qs) -> list[matching.NotificationFacts]:
    out = []
    for n in qs.prefetch_related("members", "hs_codes", "ics_codes"):
        out.append(
            matching.NotificationFacts(
                id=n.pk,
                symbol=n.symbol,
                members={c.code for c in n.members.all()},
                hs=[(h.digits, h.inferred) for h in n.hs_codes.all()],
                ics=[i.code for i in n.ics_codes.all()],
                objectives=list(n.objectives or []),
                measure_type=n.measure_type,
                stage=n.stage,
                status=n.status,
                comment_deadline=n.comment_deadline,
                text=" ".join(filter(None, [n.title, n.products_text, n.description])),
            )
        )
    return out


def specs(qs, reference=None) -> list[matching.SubscriptionSpec]:
    from .reference import db_reference

    ref = reference
    out = []
    for s in qs.select_related("owner", "unit"):
        markets = set(s.members or [])
        if s.groups:
            ref = ref or db_reference()
            for g in s.groups:
                markets |= group_members(g, ref)
        out.append(
            matching.SubscriptionSpec(
                id=s.pk,
                subscriber=str(s.unit or s.owner),
                hs=[
                    c
                    for c in (
                        ("".join(ch for ch in str(x) if ch.isdigit())) for x in s.hs_codes or []
                    )
                    if len(c) >= 2
                ],
                ics=list(s.ics_codes or []),
                members=markets,
                objectives=list(s.objectives or []),
                keywords=list(s.keywords or []),
                export_value={k: float(v) for k, v in (s.export_values or {}).items()},
            )
        )
    return out


def rules() -> list[matching.Rule]:
    from stdlink.tbt.models import RiskRule

    return [
        matching.Rule(r.factor, r.value, r.points, r.label_zh, r.label_en)
        for r in RiskRule.objects.all()
    ]


def compute(notification_qs, subscription_qs, today: date | None = None) -> list[dict]:
    """Alerts that matching would produce (nothing stored), each with its grade and reason."""
    today = today or timezone.localdate()
    subs = specs(subscription_qs)
    index = matching.Index(subs)
    rule_set = matching.RuleSet(rules())
    by_id = {s.id: s for s in subs}
    out = []
    for n in facts(notification_qs):
        # a grade and its wording depend on the level and the exports only: graded once each
        graded: dict[tuple, tuple] = {}
        for m in index.match(n):
            sub = by_id[m.subscription_id]
            key = (
                m.level,
                sum(v for k, v in sub.export_value.items() if k in n.members)
                if sub.export_value
                else 0,
            )
            g = graded.get(key)
            if g is None:
                gr = matching.grade(m, n, sub, rule_set, today)
                factors = [list(f) for f in gr.factors]
                g = graded[key] = (
                    gr.grade,
                    gr.GRADE_WORDS[gr.grade][0],
                    gr.score,
                    gr.reason("en"),
                    gr.reason("zh"),
                    factors,
                )
            out.append(
                {
                    "symbol": n.symbol,
                    "notification_id": n.id,
                    "subscription_id": m.subscription_id,
                    "subscriber": sub.subscriber,
                    "level": m.level,
                    "detail": m.detail,
                    "grade": g[0],
                    "grade_zh": g[1],
                    "score": g[2],
                    "reason": g[3],
                    "reason_zh": g[4],
                    "factors": g[5],
                }
            )
    return out


def _notify(alert) -> None:
    """Through the notification service (inbox, e-mail, webhooks, digests by the user's choice)."""
    from stdlink.notify.services import notify

    sub = alert.subscription
    n = alert.notification
    grade_zh = {"red": "红", "yellow": "黄", "green": "绿"}[alert.grade]
    notify(
        [sub.owner],
        "tbt.alert" if alert.kind == "alert" else "tbt.reminder",
        f"[{grade_zh} / {alert.grade}] {n.symbol} {n.title[:60]}",
        f"{alert.reason_zh}\n{alert.reason_en}",
        f"/tbt/notifications/{n.pk}/",
        dedupe_key=f"tbt.{alert.kind}:{sub.pk}:{n.pk}",
    )


@transaction.atomic
def store(alerts: list[dict], *, kind: str = "alert", acting_user=None) -> list:
    """Store alerts (once per subscription, notification and kind) and send the new ones."""
    from stdlink.tbt.models import Alert

    created = []
    now = timezone.now()
    for a in alerts:
        obj, new = Alert.objects.get_or_create(
            subscription_id=a["subscription_id"],
            notification_id=a["notification_id"],
            kind=kind,
            defaults={
                "level": a["level"],
                "detail": a["detail"][:200],
                "grade": a["grade"],
                "score": a["score"],
                "reason_zh": a["reason_zh"],
                "reason_en": a["reason"],
                "factors": a["factors"],
                "sent_at": now,
            },
        )
        if not new:
            continue
        created.append(obj)
        log_change(
            acting_user=acting_user,
            obj=obj,
            action="create",
            after={"grade": obj.grade, "reason": obj.reason_en},
        )
        _notify(obj)
    return created


def match_notifications(
    ids: list[int], *, acting_user=None, today: date | None = None, subscription_ids=None
) -> list:
    """The job run when notifications arrive: match them, grade, store and send the alerts
    (``subscription_ids``: only these subscriptions, e.g. one just created)."""
    from stdlink.tbt.models import Notification, Subscription

    subs = Subscription.objects.filter(active=True)
    if subscription_ids is not None:
        subs = subs.filter(pk__in=subscription_ids)
    alerts = compute(Notification.objects.filter(pk__in=ids), subs, today)
    return store(alerts, acting_user=acting_user)


def match_all(*, send: bool = False, today: date | None = None) -> list[dict]:
    """`stdlink tbt match`: alerts for every notification open for comment (or all with --send)."""
    from stdlink.tbt.models import Notification, Subscription

    alerts = compute(
        Notification.objects.filter(status="open"), Subscription.objects.filter(active=True), today
    )
    if send:
        store(alerts)
    return alerts


def send_reminders(*, today: date | None = None) -> list:
    """Reminders N days (the subscription's remind_days) before a comment deadline."""
    from datetime import timedelta

    from stdlink.tbt.models import Alert

    today = today or timezone.localdate()
    due = []
    for a in Alert.objects.filter(kind="alert", notification__status="open").select_related(
        "subscription", "notification"
    ):
        d = a.notification.comment_deadline
        if d and d - timedelta(days=a.subscription.remind_days) == today:
            left = (d - today).days
            due.append(
                {
                    "subscription_id": a.subscription_id,
                    "notification_id": a.notification_id,
                    "level": a.level,
                    "detail": a.detail,
                    "grade": a.grade,
                    "score": a.score,
                    "factors": a.factors,
                    "reason_zh": f"评议截止提醒：还剩 {left} 天（{d.isoformat()}）。{a.reason_zh}",
                    "reason": f"Comment deadline reminder: {left} days left ({d.isoformat()}). {a.reason_en}",
                }
            )
    return store(due, kind="reminder")


def notification_risk(notification, today: date | None = None) -> dict:
    """The notification's own risk: the factors that do not depend on the subscriber (measure
    type, objective, stage, deadline) and the grade they give with an HS6 match on a product."""
    from stdlink.tbt.models import Notification

    today = today or timezone.localdate()
    rule_set = matching.RuleSet(rules())
    [n] = facts(Notification.objects.filter(pk=notification.pk))
    points, factors = rule_set.base(n, today)
    hs6 = rule_set.level.get("hs6")
    top = points + (hs6.points if hs6 else 0)
    return {
        "points": points,
        "factors": list(factors),
        "grade_if_hs6": rule_set.grade_name(top),
        "score_if_hs6": top,
    }
