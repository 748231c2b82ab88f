"""GET /api/v1/accounts/me: the signed-in person's own profile, by session or personal token;
anonymous callers and dead tokens get 401."""

from __future__ import annotations

import pytest
from django.test import Client

from stdlink.core.services.tokens import create_token, revoke_token
from tests.accounts.conftest import login

pytestmark = pytest.mark.django_db

ME = "/api/v1/accounts/me"


def test_anonymous_gets_401(client):
    assert client.get(ME).status_code == 401


def test_unit_account_sees_its_unit_role_region_and_language(client, units):
    body = login(client, units.unit_user).get(ME, HTTP_ACCEPT_LANGUAGE="zh-hans").json()
    assert body["username"] == "unit_a" and body["name"] == "王小明"
    assert body["organisation"] == "杭州甲公司"  # the unit, as in the page header
    assert body["is_superuser"] is False and body["language"] == "zh-hans"
    [membership] = body["memberships"]
    assert membership["role"] == "unit_user" and membership["scope"] == "unit"
    assert membership["region"]["code"] == "330100"
    assert membership["unit_id"] == units.unit_a.pk and membership["unit"] == "杭州甲公司"


def test_officer_sees_the_region_as_organisation_in_the_requested_language(client, personas):
    personas.editor_a.email = "editor@example.com"
    personas.editor_a.save()
    body = login(client, personas.editor_a).get(ME, HTTP_ACCEPT_LANGUAGE="en").json()
    assert body["email"] == "editor@example.com"
    assert body["organisation"] == personas.region_a.name_en
    assert body["role"] == body["memberships"][0]["role_name"] == "City officer"
    assert body["memberships"][0]["unit_id"] is None


def test_language_preference_is_reported_and_never_created_by_reading(client, personas):
    from stdlink.notify.models import UserSettings

    login(client, personas.reader_a)
    assert client.get(ME).json()["language"] == "zh-hans"
    assert not UserSettings.objects.filter(user=personas.reader_a).exists()
    UserSettings.objects.create(user=personas.reader_a, language="en")
    assert client.get(ME).json()["language"] == "en"


def test_personal_token_works_and_a_revoked_one_does_not(personas):
    token, text = create_token(acting_user=personas.user_b, user=personas.user_b, name="script")
    api = Client()
    response = api.get(ME, HTTP_AUTHORIZATION=f"Bearer {text}")
    assert response.status_code == 200 and response.json()["username"] == "user_b"
    revoke_token(acting_user=personas.user_b, token=token)
    assert api.get(ME, HTTP_AUTHORIZATION=f"Bearer {text}").status_code == 401


def test_deactivated_account_gets_401(personas):
    _token, text = create_token(acting_user=personas.user_b, user=personas.user_b, name="script")
    personas.user_b.is_active = False
    personas.user_b.save()
    assert Client().get(ME, HTTP_AUTHORIZATION=f"Bearer {text}").status_code == 401
