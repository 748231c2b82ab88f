"""Inbox pages, API and feed: a person sees and changes only their own notifications."""

from __future__ import annotations

import pytest

from stdlink.notify.models import Notification, UserSettings
from stdlink.notify.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def notes(personas, run_on_commit):
    with run_on_commit():
        notify(personas.editor_a, "notify.test", "For A", "a body", "/standards/", dedupe_key="i1")
        notify(personas.editor_a, "jobs.finished", "Job A", dedupe_key="i2")
        notify(personas.user_b, "notify.test", "For B", dedupe_key="i3")
    return {n.subject: n for n in Notification.objects.all()}


def test_inbox_lists_own_only_and_filters_by_kind(client, personas, notes):
    client.force_login(personas.editor_a)
    html = client.get("/notify/").content.decode()
    assert "For A" in html and "Job A" in html and "For B" not in html
    html = client.get("/notify/?kind=jobs.finished").content.decode()
    assert "Job A" in html and "For A" not in html


def test_unread_count_in_context(client, personas, notes):
    client.force_login(personas.editor_a)
    response = client.get("/notify/")
    assert int(response.context["inbox_unread"]) == 2
    client.post(f"/notify/{notes['For A'].pk}/read")
    assert int(client.get("/notify/").context["inbox_unread"]) == 1
    client.logout()
    assert client.get("/standards/").context["inbox_unread"] == 0


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("post", "/notify/{pk}/read"),
        ("get", "/notify/{pk}/"),
        ("post", "/api/v1/notify/inbox/{pk}/read"),
    ],
)
def test_someone_elses_notification_is_404(client, personas, notes, method, url):
    client.force_login(personas.editor_a)
    other = notes["For B"]
    response = getattr(client, method)(url.format(pk=other.pk))
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.read_at is None


def test_open_marks_read_and_follows_link(client, personas, notes):
    client.force_login(personas.editor_a)
    response = client.get(f"/notify/{notes['For A'].pk}/")
    assert response.status_code == 302 and response["Location"] == "/standards/"
    notes["For A"].refresh_from_db()
    assert notes["For A"].read_at is not None


def test_mark_all_read_only_touches_own(client, personas, notes):
    client.force_login(personas.editor_a)
    client.post("/notify/read-all")
    assert not Notification.objects.filter(recipient=personas.editor_a, read_at=None).exists()
    assert Notification.objects.filter(recipient=personas.user_b, read_at=None).count() == 1


def test_api_inbox(client, personas, notes):
    assert client.get("/api/v1/notify/inbox").status_code == 401
    client.force_login(personas.user_b)
    data = client.get("/api/v1/notify/inbox").json()
    assert [n["subject"] for n in data] == ["For B"]
    assert client.get("/api/v1/notify/unread").json() == {"unread": 1}


def test_api_inbox_by_personal_token(personas, notes):
    """A script reads and marks its user's inbox with a personal API token (no session, no
    CSRF); a revoked or unknown token gets 401."""
    from django.test import Client

    from stdlink.core.services.tokens import create_token, revoke_token

    token, text = create_token(acting_user=personas.user_b, user=personas.user_b, name="feed")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {text}")
    data = api.get("/api/v1/notify/inbox").json()
    assert [n["subject"] for n in data] == ["For B"]
    read = api.post(f"/api/v1/notify/inbox/{data[0]['id']}/read").json()
    assert read["read_at"] is not None
    assert api.get("/api/v1/notify/unread").json() == {"unread": 0}
    mine_a = notes["For A"].pk
    assert api.post(f"/api/v1/notify/inbox/{mine_a}/read").status_code == 404
    revoke_token(acting_user=personas.user_b, token=token)
    assert api.get("/api/v1/notify/inbox").status_code == 401


def test_atom_feed_by_private_token(client, personas, notes):
    token = UserSettings.for_user(personas.editor_a).feed_token
    response = client.get(f"/notify/feed/{token}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<feed" in body and "For A" in body and "For B" not in body
    assert client.get("/notify/feed/not-a-token/").status_code == 404


def test_new_feed_token_revokes_the_old(client, personas, notes):
    old = UserSettings.for_user(personas.editor_a).feed_token
    client.force_login(personas.editor_a)
    client.post("/notify/preferences/feed-token")
    client.logout()
    assert client.get(f"/notify/feed/{old}/").status_code == 404


def test_preferences_page_saves(client, personas):
    from stdlink.notify.models import Preference

    client.force_login(personas.reader_a)
    page = client.get("/notify/preferences/")
    assert page.status_code == 200 and 'name="kind:notify.test"' in page.content.decode()
    client.post(
        "/notify/preferences/",
        {"kind:notify.test": "weekly", "kind:jobs.finished": "bogus", "language": "en"},
    )
    assert Preference.objects.get(user=personas.reader_a, kind="notify.test").frequency == "weekly"
    assert not Preference.objects.filter(kind="jobs.finished").exists()
    assert UserSettings.for_user(personas.reader_a).language == "en"


def test_test_notification_reaches_every_channel(
    client, personas, queue, django_capture_on_commit_callbacks, settings
):
    from django.core import mail

    personas.editor_a.email = "a@example.org"
    personas.editor_a.save()
    client.force_login(personas.editor_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/notify/test")
    note = Notification.objects.get(recipient=personas.editor_a, kind="notify.test")
    assert len(mail.outbox) == 1 and note.subject in mail.outbox[0].subject
    token = UserSettings.for_user(personas.editor_a).feed_token
    assert note.subject in client.get(f"/notify/feed/{token}/").content.decode()
