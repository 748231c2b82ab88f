"""notify(): after commit, once per person and event, per preference, in the person's language."""

from __future__ import annotations

import pytest
from django.core import mail
from django.utils.translation import gettext_lazy as _

from stdlink.notify.models import Delivery, Notification, Preference, UserSettings
from stdlink.notify.services import notify

pytestmark = pytest.mark.django_db


def test_nothing_before_commit_then_one_row_each(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify(
            [personas.editor_a, personas.reader_a], "notify.test", "S", "B", "/x/", dedupe_key="e1"
        )
        assert Notification.objects.count() == 0
    assert len(callbacks) >= 1  # the store, then the delivery job it queues
    assert Notification.objects.filter(dedupe_key="e1").count() == 2


def test_rolled_back_event_notifies_nobody(personas, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        notify([personas.editor_a], "notify.test", "S", dedupe_key="e-rb")
    assert Notification.objects.count() == 0


def test_same_event_never_twice(personas, queue, run_on_commit):
    personas.editor_a.email = "a@example.org"
    personas.editor_a.save()
    for _i in range(3):
        with run_on_commit():
            notify(personas.editor_a, "notify.test", "S", dedupe_key="same")
    assert Notification.objects.filter(recipient=personas.editor_a).count() == 1
    assert len(mail.outbox) == 1
    assert Delivery.objects.filter(channel="email", status="sent").count() == 1


@pytest.mark.parametrize(
    ("frequency", "stored", "mailed"),
    [("immediate", 1, 1), ("daily", 1, 0), ("weekly", 1, 0), ("off", 0, 0)],
)
def test_preference_decides(personas, queue, run_on_commit, frequency, stored, mailed):
    user = personas.reader_a
    user.email = "r@example.org"
    user.save()
    Preference.objects.create(user=user, kind="notify.test", frequency=frequency)
    with run_on_commit():
        notify(user, "notify.test", "S", dedupe_key=f"p-{frequency}")
    assert Notification.objects.filter(recipient=user).count() == stored
    assert len(mail.outbox) == mailed


@pytest.mark.parametrize(
    ("language", "subject"), [("zh-hans", "测试通知"), ("en", "Test notification")]
)
def test_rendered_in_recipient_language(personas, run_on_commit, language, subject):
    UserSettings.objects.create(user=personas.editor_a, language=language)
    with run_on_commit():
        notify(personas.editor_a, "notify.test", _("Test notification"), dedupe_key="lang")
    assert Notification.objects.get(recipient=personas.editor_a).subject == subject


def test_unregistered_kind_and_missing_key_fail_in_the_caller(personas):
    with pytest.raises(KeyError, match="not registered"):
        notify(personas.editor_a, "no.such.kind", "S", dedupe_key="k")
    with pytest.raises(ValueError, match="dedupe_key"):
        notify(personas.editor_a, "notify.test", "S", dedupe_key="")
