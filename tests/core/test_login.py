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


A, B = "10.0.0.1", "10.0.0.2"


def _login(client, username, password, ip=A):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


@override_settings(AXES_FAILURE_LIMIT=3)
def test_login_is_rate_limited(client, user):
    for _ in range(3):
        _login(client, "alice", "wrong")
    # Locked out now: even the right password is refused until the cool-off ends.
    response = _login(client, "alice", "pw-alice")
    assert response.status_code == 429
    body = response.content.decode()
    assert "alice" in body and "15" in body  # names the account and how long
    assert not client.get("/").context["user"].is_authenticated


@override_settings(AXES_FAILURE_LIMIT=5)
def test_failures_for_one_name_do_not_lock_the_address(client, user):
    """F4: five failures for any name do not lock the other users of that address."""
    for _ in range(6):
        response = _login(client, "nobody", "wrong")
    assert response.status_code == 429
    assert "nobody" in response.content.decode()
    assert "alice" not in response.content.decode()
    assert _login(client, "alice", "pw-alice").status_code == 302


@override_settings(AXES_FAILURE_LIMIT=5)
def test_another_users_login_does_not_reset_failures(client, user, db):
    """F5: 4 guesses, one own successful log-in, repeat: the guessed account locks anyway."""
    make_user("mallory", "city_viewer", "330100")
    for _ in range(4):
        _login(client, "alice", "wrong")
    assert _login(client, "mallory", "pw-mallory").status_code == 302
    client.post("/accounts/logout/")
    _login(client, "alice", "wrong")
    assert _login(client, "alice", "pw-alice").status_code == 429


@override_settings(AXES_FAILURE_LIMIT=5)
def test_nobody_locks_an_account_from_elsewhere(client, user):
    """F6: failures from another address do not lock the owner out."""
    for _ in range(10):
        _login(client, "alice", "wrong", ip=B)
    assert _login(client, "alice", "wrong", ip=B).status_code == 429
    assert _login(client, "alice", "pw-alice", ip=A).status_code == 302


@override_settings(AXES_FAILURE_LIMIT=5, STDLINK_LOGIN_ADDRESS_FAILURE_LIMIT=8)
def test_an_address_spraying_names_is_throttled(client, user):
    for i in range(8):
        _login(client, f"guess{i}", "wrong")
    response = _login(client, "alice", "pw-alice")
    assert response.status_code == 429
    body = response.content.decode()
    assert "address" in body or "地址" in body
    assert "alice" not in body  # it does not claim alice's account is locked
    assert _login(client, "alice", "pw-alice", ip=B).status_code == 302


@override_settings(AXES_FAILURE_LIMIT=3)
def test_administrators_can_unlock(client, user):
    from django.core.management import call_command

    for _ in range(3):
        _login(client, "alice", "wrong")
    assert _login(client, "alice", "pw-alice").status_code == 429
    call_command("axes_reset_username", "alice")
    assert _login(client, "alice", "pw-alice").status_code == 302


def test_pages_default_to_chinese_and_switch_to_english(client, db):
    body = client.get("/").content.decode()
    assert 'lang="zh-Hans"' in body
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    body = client.get("/").content.decode()
    assert 'lang="en"' in body
