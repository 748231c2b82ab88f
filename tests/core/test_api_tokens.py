"""F10: personal API tokens — stored hashed, made and revoked by their user and by administrators,
usable for API writes without CSRF; browser sessions keep CSRF; HTTP Basic is gone."""

from __future__ import annotations

import base64

import pytest
from django.core.management import call_command
from django.test import Client

from stdlink.core.models import ApiToken, AuditLog
from stdlink.core.services.tokens import create_token
from tests.programme.conftest import world  # noqa: F401 - fixture


def _submit_url(world) -> str:  # noqa: F811
    return f"/api/v1/programme/reports/{world.records_a['reports'].pk}/submit"


def test_user_makes_a_token_shown_once_and_stored_hashed(client, personas):
    client.force_login(personas.editor_a)
    response = client.post("/accounts/tokens/", {"name": "报表脚本"})
    text = response.context["created"]
    assert text.startswith("stl_") and text in response.content.decode()
    token = ApiToken.objects.get(user=personas.editor_a)
    assert token.key_hash != text and text not in token.key_hash
    assert AuditLog.objects.filter(model="core.apitoken", action="create").exists()
    page = client.get("/accounts/tokens/").content.decode()
    assert "报表脚本" in page and text not in page


def test_token_writes_without_csrf(personas, world):  # noqa: F811
    _token, text = create_token(acting_user=personas.editor_a, user=personas.editor_a, name="ci")
    api = Client(enforce_csrf_checks=True)
    response = api.post(_submit_url(world), HTTP_AUTHORIZATION=f"Bearer {text}")
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted"
    assert ApiToken.objects.get(user=personas.editor_a).last_used is not None


def test_browser_sessions_keep_csrf(personas, world):  # noqa: F811
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(personas.editor_a)
    assert browser.post(_submit_url(world)).status_code == 403
    browser.get("/accounts/tokens/")  # sets the CSRF cookie
    csrf = browser.cookies["csrftoken"].value
    response = browser.post(_submit_url(world), HTTP_X_CSRFTOKEN=csrf)
    assert response.status_code == 200


@pytest.mark.parametrize("case", ["revoked", "no permission", "unknown", "basic"])
def test_refused_credentials(personas, world, case):  # noqa: F811
    api = Client(enforce_csrf_checks=True)
    user = personas.reader_a if case == "no permission" else personas.editor_a
    token, text = create_token(acting_user=user, user=user, name="x")
    if case == "revoked":
        call_command("apitoken", "revoke", str(token.pk))
    header = f"Bearer {text}"
    if case == "unknown":
        header = "Bearer stl_" + "x" * 43
    if case == "basic":  # HTTP Basic was removed (decision 0008)
        header = "Basic " + base64.b64encode(b"editor_a:pw-editor_a").decode()
    assert api.post(_submit_url(world), HTTP_AUTHORIZATION=header).status_code == 401


def test_users_revoke_their_own_tokens_only(client, personas):
    own, _ = create_token(acting_user=personas.editor_a, user=personas.editor_a, name="a")
    other, _ = create_token(acting_user=personas.user_b, user=personas.user_b, name="b")
    client.force_login(personas.editor_a)
    assert client.post(f"/accounts/tokens/{other.pk}/revoke/").status_code == 404
    assert client.post(f"/accounts/tokens/{own.pk}/revoke/").status_code == 302
    own.refresh_from_db()
    other.refresh_from_db()
    assert own.revoked and not other.revoked


def test_administrators_create_and_revoke(client, personas, capsys):
    from django.contrib.auth import get_user_model

    call_command("apitoken", "create", "user_b", "对接系统")
    pk, text = capsys.readouterr().out.split()
    token = ApiToken.objects.get(pk=pk)
    assert token.user == personas.user_b and text.startswith(token.hint)
    root = get_user_model().objects.create_superuser("root", "r@example.com", "pw-root-123")
    client.force_login(root)
    response = client.post(
        "/admin/core/apitoken/", {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked is not None
