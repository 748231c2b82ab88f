"""Personas: who may confirm suggestions and whose watch-list is whose."""

from __future__ import annotations

import pytest

from .conftest import make_standard

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(db):
    gb = make_standard(
        "SAC",
        "GB/T 16886.5-2017",
        year=2017,
        title_zh="医疗器械生物学评价 第5部分：体外细胞毒性试验",
    )
    iso = make_standard(
        "ISO",
        "ISO 10993-5:2009",
        year=2009,
        title_en="Biological evaluation of medical devices - Part 5: Tests for in vitro cytotoxicity",
    )
    return gb, iso


@pytest.mark.parametrize(
    ("who", "status"),
    [("anonymous", 302), ("reader_a", 403), ("editor_a", 403), ("user_b", 403), ("admin", 302)],
)
def test_confirm_needs_the_province(client, personas, pair, who, status):
    from stdlink.tracking.models import Adoption

    gb, iso = pair
    if who != "anonymous":
        client.force_login(getattr(personas, who))
    resp = client.post(
        f"/tracking/standards/{gb.pk}/decide/",
        {"candidate": iso.pk, "decision": "confirm", "degree": "IDT"},
    )
    assert resp.status_code == status
    assert Adoption.objects.filter(domestic=gb).exists() == (who == "admin")


def test_reject_is_not_offered_again(client, personas, pair):
    from stdlink.tracking.suggest import suggest

    gb, iso = pair
    assert iso.identifier in [c.identifier for c in suggest(gb.identifier).candidates]
    client.force_login(personas.admin)
    client.post(
        f"/tracking/standards/{gb.pk}/decide/",
        {"candidate": iso.pk, "decision": "reject", "degree": "IDT"},
    )
    assert iso.identifier not in [c.identifier for c in suggest(gb.identifier).candidates]


def test_watch_lists_are_private(client, personas, pair):
    from stdlink.tracking.models import WatchItem

    gb, _iso = pair
    client.force_login(personas.editor_a)
    assert client.post("/tracking/watch/add/", {"standard": gb.pk}).status_code == 302
    item = WatchItem.objects.get(owner=personas.editor_a)
    client.force_login(personas.user_b)
    assert client.post(f"/tracking/watch/{item.pk}/remove/").status_code == 404
    assert gb.identifier not in client.get("/tracking/watch/").content.decode()
    resp = client.get("/api/v1/tracking/watch")
    assert resp.status_code == 200 and resp.json() == []
    client.force_login(personas.editor_a)
    assert client.post(f"/tracking/watch/{item.pk}/remove/").status_code == 302
    assert not WatchItem.objects.exists()


@pytest.mark.parametrize("value", ["abc", "-1", "99999999999999999999", "0"])
def test_malformed_ids_are_4xx(client, personas, value):
    client.force_login(personas.editor_a)
    assert client.post("/tracking/watch/add/", {"standard": value}).status_code in (302, 400, 404)
    assert client.get("/tracking/gaps/", {"page": value}).status_code == 200
    assert (
        client.get(
            "/api/v1/tracking/suggest", {"number": "GB/T 1-2020", "title": value}
        ).status_code
        == 200
    )


def test_public_pages(client, pair):
    gb, iso = pair
    for url in [
        "/tracking/",
        "/tracking/adoptions/",
        "/tracking/outdated/",
        "/tracking/gaps/",
        f"/tracking/standards/{gb.pk}/",
        f"/tracking/standards/{iso.pk}/",
    ]:
        assert client.get(url).status_code == 200, url
    assert client.get("/tracking/watch/").status_code == 302


def test_api_in_openapi(client):
    spec = client.get("/api/v1/openapi.json").json()
    paths = [p for p in spec["paths"] if p.startswith("/api/v1/tracking/")]
    for want in ("adoptions", "rate", "outdated", "gaps", "suggest", "counterparts", "watch"):
        assert any(p.endswith("/" + want) for p in paths), (want, paths)


def test_iso_page_shows_adoption_and_chinese_title(client, pair):
    from stdlink.tracking.services import record_adoption

    gb, iso = pair
    record_adoption(domestic=gb, intl_identifier=iso.identifier, degree="IDT", source="entered")
    html = client.get(f"/standards/{iso.pk}/").content.decode()
    assert "GB/T 16886.5-2017" in html
    assert "体外细胞毒性试验" in html  # the identical adoption's Chinese title
    assert "ISO 10993-5:2009" in client.get(f"/standards/{gb.pk}/").content.decode()


def test_a_gap_starts_a_programme_project(client, personas, pair):
    _gb, iso = pair
    client.force_login(personas.admin)
    html = client.get("/tracking/gaps/").content.decode()
    assert "/programme/projects/new/?title=" in html
    form = client.get(
        "/programme/projects/new/",
        {"title": "生物学评价", "reference": iso.identifier, "bogus": "x"},
    ).context["form"]
    assert form.initial["title"] == "生物学评价" and form.initial["reference"] == iso.identifier
    assert "bogus" not in form.initial
