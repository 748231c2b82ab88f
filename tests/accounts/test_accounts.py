"""Account management with the personas: the province manages everyone, a city officer the unit
accounts of its own region (others' → 404), a read-only user gets 403 on every change."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stdlink.accounts.models import Account
from stdlink.core.models import AuditLog, Membership, Role
from tests.accounts.conftest import login

pytestmark = pytest.mark.django_db


def _create(client, role, region, unit=None, username="new_person", name="李四"):
    data = {
        "username": username,
        "name": name,
        "email": f"{username}@example.com",
        "role": Role.objects.get(code=role).pk,
        "region": region.pk,
        "unit": unit.pk if unit else "",
    }
    return client.post(reverse("accounts:user-new"), data)


def test_province_creates_a_city_officer_and_the_password_is_shown_once(client, personas):
    login(client, personas.admin)
    response = _create(client, "city_officer", personas.region_b, username="nb_officer")
    account = Account.objects.get(username="nb_officer")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:user-detail", args=[account.pk])
    assert account.first_name == "李四" and account.is_active
    assert account.memberships.get().role.code == "city_officer"
    first = client.get(response["Location"])
    assert b'id="new-password"' in first.content
    assert b'id="new-password"' not in client.get(response["Location"]).content
    entry = AuditLog.objects.filter(model="accounts.account", object_id=str(account.pk)).get()
    assert entry.action == "create" and entry.actor == personas.admin
    assert "password" not in entry.after


def test_city_officer_creates_a_unit_account_of_its_region(client, personas, units):
    login(client, personas.editor_a)
    response = _create(client, "unit_user", personas.region_a, units.unit_a, username="hz_ent")
    assert response.status_code == 302
    m = Membership.objects.get(user__username="hz_ent")
    assert (m.role.code, m.region, m.unit_id) == ("unit_user", personas.region_a, units.unit_a.pk)


@pytest.mark.parametrize(
    "role, region_attr, unit_attr",
    [
        ("city_officer", "region_a", None),  # only the province gives officer roles
        ("unit_user", "region_b", "unit_b"),  # another city's unit
    ],
)
def test_city_officer_cannot_create_outside_its_reach(
    client, personas, units, role, region_attr, unit_attr
):
    login(client, personas.editor_a)
    unit = getattr(units, unit_attr) if unit_attr else None
    response = _create(client, role, getattr(personas, region_attr), unit, username="x_user")
    assert response.status_code == 200  # the form shows the error: the choice is not offered
    assert not Account.objects.filter(username="x_user").exists()


def test_deactivate_and_reactivate(client, personas, units):
    login(client, personas.editor_a)
    url = reverse("accounts:user-active", args=[units.unit_user.pk])
    assert client.post(url, {"active": "0"}).status_code == 302
    units.unit_user.refresh_from_db()
    assert not units.unit_user.is_active
    client.post(url, {"active": "1"})
    units.unit_user.refresh_from_db()
    assert units.unit_user.is_active
    notes = list(
        AuditLog.objects.filter(object_id=str(units.unit_user.pk), model="accounts.account")
        .order_by("id")
        .values_list("note", flat=True)
    )
    assert notes == ["deactivate", "activate"]


def test_reset_password_gives_a_working_one_time_password(client, personas, units):
    login(client, personas.admin)
    client.post(reverse("accounts:user-reset", args=[units.unit_user.pk]))
    page = client.get(reverse("accounts:user-detail", args=[units.unit_user.pk]))
    password = page.context["new_password"]
    assert password
    units.unit_user.refresh_from_db()
    assert units.unit_user.check_password(password)
    entry = AuditLog.objects.filter(note="password reset").get()
    assert entry.object_id == str(units.unit_user.pk)
    assert password not in str(entry.before) + str(entry.after)


def test_assign_and_remove_a_role(client, personas, units):
    login(client, personas.admin)
    url = reverse("accounts:membership-add", args=[personas.reader_a.pk])
    client.post(
        url,
        {"role": Role.objects.get(code="city_officer").pk, "region": personas.region_a.pk},
    )
    codes = set(personas.reader_a.memberships.values_list("role__code", flat=True))
    assert codes == {"city_viewer", "city_officer"}
    m = personas.reader_a.memberships.get(role__code="city_officer")
    client.post(reverse("accounts:membership-remove", args=[personas.reader_a.pk, m.pk]))
    assert not personas.reader_a.memberships.filter(role__code="city_officer").exists()
    assert AuditLog.objects.filter(model="core.membership", action="delete").count() == 1


@pytest.mark.parametrize(
    "name, args, data",
    [
        ("accounts:user-detail", "unit_b_user", None),
        ("accounts:user-active", "unit_b_user", {"active": "0"}),
        ("accounts:user-reset", "unit_b_user", {}),
        ("accounts:user-detail", "officer_b", None),  # officers are the province's
    ],
)
def test_outsider_gets_404(client, personas, units, name, args, data):
    from tests.conftest import make_user

    other = make_user("unit_b_user", None, None)
    Membership.objects.create(
        user=other,
        role=Role.objects.get(code="unit_user"),
        region=personas.region_b,
        unit_id=units.unit_b.pk,
    )
    target = {"unit_b_user": other, "officer_b": personas.user_b}[args]
    login(client, personas.editor_a)
    url = reverse(name, args=[target.pk])
    response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.is_active


@pytest.mark.parametrize(
    "name, data",
    [
        ("accounts:user-active", {"active": "0"}),
        ("accounts:user-reset", {}),
        ("accounts:user-edit", {"name": "x", "email": ""}),
    ],
)
def test_read_only_user_gets_403_with_words(client, personas, units, name, data):
    login(client, personas.reader_a)
    assert client.get(reverse("accounts:user-detail", args=[units.unit_user.pk])).status_code == 200
    response = client.post(reverse(name, args=[units.unit_user.pk]), data)
    assert response.status_code == 403
    text = response.content.decode()
    assert "accounts.change_account" not in text
    assert "用户账户" in text  # what they cannot do, in words
    units.unit_user.refresh_from_db()
    assert units.unit_user.is_active


def test_unit_user_cannot_open_account_management(client, units):
    login(client, units.unit_user)
    response = client.get(reverse("accounts:user-list"))
    assert response.status_code == 403
    assert "市场监督管理局" in response.content.decode()  # whom to ask


def test_city_officer_lists_only_unit_accounts_of_its_region(client, personas, units):
    login(client, personas.editor_a)
    response = client.get(reverse("accounts:user-list"))
    shown = {row.record.username for row in response.context["table"].rows}
    assert shown == {"unit_a"}
    login(client, personas.admin)
    response = client.get(reverse("accounts:user-list"), {"q": "unit_a"})
    assert {row.record.username for row in response.context["table"].rows} == {"unit_a"}
