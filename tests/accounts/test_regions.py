"""Counties are added and renamed by the province only; every change is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stdlink.core.models import AuditLog, Region
from tests.accounts.conftest import login

pytestmark = pytest.mark.django_db


def test_province_adds_and_renames_a_county(client, personas):
    login(client, personas.admin)
    assert client.get(reverse("accounts:region-list")).status_code == 200
    response = client.post(
        reverse("accounts:region-new"),
        {
            "code": "330199",
            "name_zh": "测试区",
            "name_en": "Test District",
            "level": "county",
            "parent": personas.region_a.pk,
        },
    )
    assert response.status_code == 302
    county = Region.objects.get(code="330199")
    assert county.path == "330000/330100/330199/"
    client.post(
        reverse("accounts:region-edit", args=[county.pk]),
        {
            "name_zh": "新测试区",
            "name_en": "Test District",
            "level": "county",
            "parent": personas.region_a.pk,
        },
    )
    county.refresh_from_db()
    assert county.name_zh == "新测试区" and county.code == "330199"  # the code stays
    actions = list(
        AuditLog.objects.filter(model="core.region", object_id=str(county.pk))
        .order_by("id")
        .values_list("action", flat=True)
    )
    assert actions == ["create", "update"]


@pytest.mark.parametrize("who", ["editor_a", "reader_a", "user_b"])
def test_cities_cannot_manage_regions(client, personas, who):
    login(client, getattr(personas, who))
    assert client.get(reverse("accounts:region-list")).status_code == 403
    response = client.post(
        reverse("accounts:region-new"),
        {"code": "330198", "name_zh": "x", "level": "county", "parent": personas.region_a.pk},
    )
    assert response.status_code == 403
    assert not Region.objects.filter(code="330198").exists()


def test_built_in_cities_are_not_edited_here(client, personas):
    login(client, personas.admin)
    assert (
        client.get(reverse("accounts:region-edit", args=[personas.region_a.pk])).status_code == 404
    )
