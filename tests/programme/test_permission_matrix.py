"""Every programme page against the personas (STYLE.md §11): editor in A succeeds, reader in A gets
403 on writes, the user of B gets 404 on A's records, anonymous users go to the login page."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stdlink.core.models import AuditLog

# resource key → (editor persona, valid edit POST data built from the record)
EDITS = {
    "units": (
        "editor_a",
        lambda r: {
            "name": "杭州甲公司（改）",
            "kind": "enterprise",
            "region": r.region_id,
            "uscc": r.uscc,
            "address": "新地址",
        },
    ),
    "contacts": (
        "editor_a",
        lambda r: {
            "unit": r.unit_id,
            "name": "王五",
            "position": "经理",
            "phone": "",
            "mobile": "13811112222",
            "email": "",
        },
    ),
    "surveys": (
        "editor_a",
        lambda r: {
            "unit": r.unit_id,
            "month": "2021-03",
            "unit_name": r.unit_name,
            "contact": "张三（改）",
            "mobile": "13900000000",
            "email": "a@example.com",
        },
    ),
    "achievements": (
        "editor_a",
        lambda r: {
            "unit": r.unit_id,
            "month": "2021-03",
            "unit_name": r.unit_name,
            "contact": "李四（改）",
            "mobile": "13700000000",
            "email": "b@example.com",
        },
    ),
    "projects": (
        "editor_a",
        lambda r: {
            "unit": r.unit_id,
            "title": "项目（改）",
            "body": r.body_id,
            "committee_code": "ISO/TC 321",
            "role": "lead",
        },
    ),
    "secretariats": (
        "editor_a",
        lambda r: {
            "unit": r.unit_id,
            "kind": "sc",
            "body": r.body_id,
            "committee_code": r.committee_code,
            "title": "改",
            "established_on": "2021-05-01",
        },
    ),
    "experts": ("editor_a", lambda r: {"unit": r.unit_id, "name": "专家（改）"}),
    "translations": (
        "editor_a",
        lambda r: {
            "unit": r.unit_id,
            "code": r.code,
            "title_zh": "改",
            "language": "en",
            "title_translated": "Changed",
            "published_on": "2021-06-01",
        },
    ),
    "designations": (
        "admin",
        lambda r: {"unit": r.unit_id, "kind": "pilot", "year": 2021, "criteria_note": "改"},
    ),
}
KEYS = list(EDITS)


def _login(client, user):
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("key", KEYS)
def test_persona_matrix(client, world, personas, key):
    _list_is_scoped(client, world, personas, key)
    client.logout()
    _detail_matrix(client, world, personas, key)
    client.logout()
    _create_matrix(client, world, personas, key)
    client.logout()
    _edit_matrix(client, world, personas, key)


def _list_is_scoped(client, world, personas, key):
    url = reverse(f"programme:{key}-list")
    obj_a = world.records_a[key]
    editor = getattr(personas, EDITS[key][0])
    page = _login(client, editor).get(url)
    assert page.status_code == 200
    assert obj_a.pk in {o.pk for o in page.context["page"]}
    client.logout()
    page = _login(client, personas.user_b).get(url)
    assert page.status_code == 200
    ids = {o.pk for o in page.context["page"]}
    assert obj_a.pk not in ids and world.records_b[key].pk in ids


def _detail_matrix(client, world, personas, key):
    url = reverse(f"programme:{key}-detail", args=[world.records_a[key].pk])
    assert client.get(url).status_code == 302
    assert "/accounts/login/" in client.get(url)["Location"]
    for persona, expected in [
        ("editor_a", 200),
        ("reader_a", 200),
        ("user_b", 404),
        ("admin", 200),
    ]:
        client.force_login(getattr(personas, persona))
        assert client.get(url).status_code == expected, persona


def _edit_matrix(client, world, personas, key):
    obj = world.records_a[key]
    url = reverse(f"programme:{key}-edit", args=[obj.pk])
    editor_name, data_fn = EDITS[key]
    data = data_fn(obj)
    assert client.post(url, data).status_code == 302  # anonymous → login
    client.force_login(personas.reader_a)
    assert client.get(url).status_code == 403
    assert client.post(url, data).status_code == 403
    client.force_login(personas.user_b)
    expected_b = 403 if key == "designations" else 404
    assert client.post(url, data).status_code == expected_b
    before = AuditLog.objects.count()
    client.force_login(getattr(personas, editor_name))
    assert client.get(url).status_code == 200
    response = client.post(url, data)
    assert response.status_code == 302, (
        getattr(response, "context", {}) and response.context["form"].errors
    )
    assert AuditLog.objects.count() == before + 1
    entry = AuditLog.objects.first()
    assert entry.action == "update" and entry.before != entry.after
    assert entry.actor == getattr(personas, editor_name)


def _create_matrix(client, world, personas, key):
    url = reverse(f"programme:{key}-new")
    assert client.get(url).status_code == 302
    client.force_login(personas.reader_a)
    assert client.get(url).status_code == 403
    client.force_login(getattr(personas, EDITS[key][0]))
    assert client.get(url).status_code == 200


def test_city_officer_cannot_create_in_another_city(client, world, personas):
    client.force_login(personas.editor_a)
    data = EDITS["experts"][1](world.records_b["experts"])
    response = client.post(reverse("programme:experts-new"), data)
    assert response.status_code == 200  # the unit is not a valid choice for a Hangzhou officer
    assert "unit" in response.context["form"].errors


def test_unit_user_sees_only_own_unit(client, world, personas):
    from tests.programme.conftest import unit_user

    user = unit_user("unit_a_user", world.unit_a)
    client.force_login(user)
    page = client.get(reverse("programme:surveys-list"))
    assert [o.pk for o in page.context["page"]] == [world.records_a["surveys"].pk]
    other = world.records_a["surveys"].__class__.objects.create(
        unit=world.records_b["unit"], month=world.records_a["surveys"].month, unit_name="x"
    )
    assert client.get(reverse("programme:surveys-detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("programme:reports-list")).status_code == 403
    assert (
        client.get(
            reverse("programme:projects-detail", args=[world.records_a["projects"].pk])
        ).status_code
        == 200
    )
