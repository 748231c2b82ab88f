"""Digests and preferences: one message per person grouping everything since the last digest,
per kind and period, in the person's language."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db.models import Count

from stdlink.notify.kinds import group_by_kind, register_kind
from stdlink.notify.models import Digest, Notification, Preference, UserSettings
from stdlink.notify.services import notify
from stdlink.notify.services.digest import send_digests

pytestmark = pytest.mark.django_db

register_kind("tests.alert", "Test alert")
register_kind("tests.watch", "Test watch", default="daily")


def _send(user, kind, key, run_on_commit):
    with run_on_commit():
        notify(user, kind, f"{kind} {key}", "body", f"/x/{key}", dedupe_key=f"{kind}:{key}")


@pytest.mark.parametrize(
    ("prefs", "events", "period", "digested", "mailed_now"),
    [
        # prefs: kind → frequency (missing = the kind's default: alert immediate, watch daily)
        ({}, [("tests.alert", 1), ("tests.watch", 1)], "daily", {"tests.watch": 1}, 1),
        ({"tests.alert": "daily"}, [("tests.alert", 3)], "daily", {"tests.alert": 3}, 0),
        ({"tests.alert": "daily"}, [("tests.alert", 3)], "weekly", {}, 0),
        (
            {"tests.alert": "weekly", "tests.watch": "weekly"},
            [("tests.alert", 2), ("tests.watch", 2)],
            "weekly",
            {"tests.alert": 2, "tests.watch": 2},
            0,
        ),
        (
            {"tests.alert": "off", "tests.watch": "off"},
            [("tests.alert", 2), ("tests.watch", 1)],
            "daily",
            {},
            0,
        ),
        ({"tests.watch": "immediate"}, [("tests.watch", 2)], "daily", {}, 2),
    ],
)
def test_preferences_and_digest_grouping(
    personas, queue, run_on_commit, prefs, events, period, digested, mailed_now
):
    user = personas.reader_a
    user.email = "reader@example.org"
    user.save()
    for kind, freq in prefs.items():
        Preference.objects.create(user=user, kind=kind, frequency=freq)
    for kind, n in events:
        for i in range(n):
            _send(user, kind, i, run_on_commit)
    assert len(mail.outbox) == mailed_now
    mail.outbox.clear()

    result = send_digests(period)
    digest = Digest.objects.filter(user=user, period=period).first()
    if not digested:
        assert digest is None and mail.outbox == []
        return
    assert result["digests"] == 1
    got = dict(
        Notification.objects.filter(digest=digest).values_list("kind").annotate(n=Count("id"))
    )
    assert got == digested
    assert digest.count == sum(digested.values()) and digest.sent
    assert len(mail.outbox) == 1
    text = mail.outbox[0].body
    for kind in digested:
        assert f"== Test {kind.split('.')[1]} ({digested[kind]}) ==" in text
    # the next run has nothing new: everything since the last digest was sent once
    assert send_digests(period)["digests"] == 0
    assert len(mail.outbox) == 1


def test_next_digest_has_only_what_came_after(personas, queue, run_on_commit):
    user = personas.editor_a
    user.email = "e@example.org"
    user.save()
    _send(user, "tests.watch", "a", run_on_commit)
    send_digests("daily")
    _send(user, "tests.watch", "b", run_on_commit)
    _send(user, "tests.watch", "c", run_on_commit)
    send_digests("daily")
    counts = list(
        Digest.objects.filter(user=user).order_by("created", "id").values_list("count", flat=True)
    )
    assert counts == [1, 2]
    assert "tests.watch b" in mail.outbox[1].body and "tests.watch a" not in mail.outbox[1].body


@pytest.mark.parametrize(("language", "title"), [("zh-hans", "每日摘要"), ("en", "Daily digest")])
def test_digest_in_user_language(personas, queue, run_on_commit, language, title):
    user = personas.editor_a
    user.email = "e@example.org"
    user.save()
    UserSettings.objects.create(user=user, language=language)
    _send(user, "tests.watch", "x", run_on_commit)
    send_digests("daily")
    assert title in mail.outbox[0].subject


def test_group_by_kind_orders_newest_first(personas):
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    rows = [
        Notification(
            pk=i,
            recipient=personas.editor_a,
            kind=k,
            subject=str(i),
            created=now + timedelta(minutes=i),
        )
        for i, k in enumerate(["tests.alert", "tests.watch", "tests.alert"])
    ]
    groups = group_by_kind(rows)
    assert [(g["kind"], [n.subject for n in g["items"]]) for g in groups] == [
        ("tests.alert", ["2", "0"]),
        ("tests.watch", ["1"]),
    ]


def test_periodic_digest_job_runs_send_digests(personas, queue, run_on_commit):
    from stdlink import jobs
    from stdlink.jobs.models import Job

    user = personas.editor_a
    user.email = "e@example.org"
    user.save()
    _send(user, "tests.watch", "p", run_on_commit)
    with run_on_commit():
        job = jobs.enqueue("notify.daily_digest")
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.result["digests"] == 1
