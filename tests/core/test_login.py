"""Log-in, log-out and the rate limit on failed log-ins (django-axes)."""

from __future__ import annotations

import pytest
from django.test import override_settings

from tests.conftest import make_user


@pytest.fixture
def user(db):
    return make_user("alice", "city_officer", "330100")


def test_login_and_logout(client, user):
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert response.status_code == 302
    assert client.get("/").context["user"].is_authenticated
    assert client.post("/accounts/logout/").status_code == 302
    assert not client.get("/").context["user"].is_authenticated


def test_wrong_password_is_refused_with_a_message(client, user):
    response = client.post("/accounts/login/", {"username": "alice", "password": "nope"})
    assert response.status_code == 200
    assert response.context["form"].errors


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_is_rate_limited(client, user):
    for _ in range(3):
        client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    # Locked out now: even the right password is refused until the cool-off ends.
    response = client.post("/accounts/login/", {"username": "alice", "password": "pw-alice"})
    assert response.status_code in (403, 429)
    assert not client.get("/").context["user"].is_authenticated


def test_pages_default_to_chinese_and_switch_to_english(client, db):
    body = client.get("/").content.decode()
    assert 'lang="zh-Hans"' in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()
    assert 'lang="en"' in body
