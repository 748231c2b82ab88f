"""The programme API against the personas: permission → 401/403-style refusal, scope → 404."""

from __future__ import annotations

import pytest

ENDPOINTS = ["units", "surveys", "achievements", "projects", "reports"]
KEY = {
    "units": "units",
    "surveys": "surveys",
    "achievements": "achievements",
    "projects": "projects",
    "reports": "reports",
}


@pytest.mark.parametrize("name", ENDPOINTS)
def test_list_and_detail_matrix(client, world, personas, name):
    obj_a, obj_b = world.records_a[KEY[name]], world.records_b[KEY[name]]
    base = f"/api/v1/programme/{name}"
    assert client.get(base).status_code == 401
    client.force_login(personas.reader_a)
    ids = {i["id"] for i in client.get(base).json()["items"]}
    assert obj_a.pk in ids and obj_b.pk not in ids
    assert client.get(f"{base}/{obj_a.pk}").status_code == 200
    client.force_login(personas.user_b)
    assert client.get(f"{base}/{obj_a.pk}").status_code == 404
    assert obj_a.pk not in {i["id"] for i in client.get(base).json()["items"]}
    client.force_login(personas.admin)
    ids = {i["id"] for i in client.get(base).json()["items"]}
    assert {obj_a.pk, obj_b.pk} <= ids


def test_annex_fields_keyed_by_chinese_headers(client, world, personas):
    client.force_login(personas.editor_a)
    data = client.get(f"/api/v1/programme/surveys/{world.records_a['surveys'].pk}").json()
    assert list(data["fields"])[0] == "单位名称"
    assert data["fields"]["拟制订国际标准或国外先进标准名称"] == "标准A"


def test_targets_with_progress(client, world, personas):
    client.force_login(personas.reader_a)
    items = client.get("/api/v1/programme/targets?programme=zj-intl-2020-2022").json()
    a1 = next(t for t in items if t["code"] == "A1")
    assert a1["value"] in ("40.00", 40, "40") and a1["actual"] == 0
    assert len(items) == 18


def test_submit_report_endpoint(client, world, personas):
    url = f"/api/v1/programme/reports/{world.records_a['reports'].pk}/submit"
    client.force_login(personas.reader_a)
    assert client.post(url).status_code == 401
    client.force_login(personas.user_b)
    assert client.post(url).status_code == 404
    client.force_login(personas.editor_a)
    assert client.post(url).json()["state"] == "submitted"
    assert client.post(url).status_code == 409


def test_unit_user_api_scope(client, world, personas):
    from tests.programme.conftest import unit_user

    client.force_login(unit_user("u_api", world.unit_a))
    items = client.get("/api/v1/programme/units").json()["items"]
    assert [i["id"] for i in items] == [world.unit_a.pk]
    assert client.get("/api/v1/programme/reports").status_code == 401
