"""Catalogue pages and API over a small hand-built graph (importer tests use real records)."""

from __future__ import annotations

import pytest

from stdlink.catalog.models import ICS, Body, Committee, Relation, Standard, Title
from stdlink.pubid import key


def _ids(identifier: str) -> dict:
    """The identity fields exactly as the importer computes them."""
    exact = key(identifier, level="exact")
    return {
        "uid": exact,
        "identifier": identifier,
        "key": exact,
        "work_key": key(identifier, level="work"),
    }


@pytest.fixture
def graph(db):
    iso = Body.objects.get(code="ISO")
    tc = Committee.objects.create(body=iso, code="ISO/TC 176", name_en="Quality management")
    sc = Committee.objects.create(
        body=iso, code="ISO/TC 176/SC 2", name_en="Quality systems", parent=tc
    )
    ics = ICS.objects.create(
        code="03.120.10", level=3, name_en="Quality management and quality assurance"
    )
    old = Standard.objects.create(
        **_ids("ISO 9001:2008"),
        body=iso,
        title_en="Quality management systems — Requirements",
        status="withdrawn",
        stage="95.99",
        year=2008,
        committee=sc,
        source="iso",
    )
    new = Standard.objects.create(
        **_ids("ISO 9001:2015"),
        body=iso,
        title_en="Quality management systems — Requirements",
        title_zh="质量管理体系 要求",
        status="current",
        stage="90.93",
        year=2015,
        committee=sc,
        source="iso",
    )
    new.ics.add(ics)
    Title.objects.create(
        standard=new, language="en", type="title-intro", text="Quality management systems"
    )
    Title.objects.create(standard=new, language="en", type="title-main", text="Requirements")
    Title.objects.create(standard=new, language="fr", type="title-main", text="Exigences")
    Relation.objects.create(
        source=new,
        type="replaces",
        target_identifier="ISO 9001:2008",
        target_key="ISO 9001:2008",
        target=old,
        raw_type="obsoletes",
    )
    Relation.objects.create(
        source=new,
        type="amended_by",
        target_identifier="ISO 9001:2015/Amd 1:2024",
        target_key=key("ISO 9001:2015/Amd 1:2024"),
        raw_type="updates",
        corrected=True,
    )
    return {"old": old, "new": new, "tc": tc, "sc": sc, "ics": ics}


def test_home_counts_by_body_and_status(client, graph):
    body = client.get("/").content.decode()
    assert 'id="counts-by-body"' in body and ">ISO<" in body
    assert 'id="grand-total">2<' in body


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("body=ISO", {"ISO 9001:2015", "ISO 9001:2008"}),
        ("status=current", {"ISO 9001:2015"}),
        ("status=withdrawn&status=current", {"ISO 9001:2015", "ISO 9001:2008"}),
        ("ics=03.120", {"ISO 9001:2015"}),
        ("committee=ISO/TC 176/SC 2", {"ISO 9001:2015", "ISO 9001:2008"}),
        ("year_from=2010", {"ISO 9001:2015"}),
        ("year=2008", {"ISO 9001:2008"}),
        ("q=quality", {"ISO 9001:2015", "ISO 9001:2008"}),
        ("q=质量管理", {"ISO 9001:2015"}),
        ("body=IEC", set()),
    ],
)
def test_list_filters_pages_and_api_agree(client, graph, query, expected):
    page = client.get(f"/standards/?{query}")
    assert page.status_code == 200
    assert {row.record.identifier for row in page.context["table"].page} == expected
    api = client.get(f"/api/v1/standards?{query}").json()
    assert {item["identifier"] for item in api["items"]} == expected
    assert api["count"] == len(expected)


def test_bad_filter_value_is_a_clear_error_not_a_500(client, graph):
    page = client.get("/standards/?year=abc&status=bogus")
    assert page.status_code == 200
    assert page.context["filter"].errors
    assert client.get("/api/v1/standards?year=abc").status_code in (200, 400, 422)


def test_detail_shows_titles_relations_both_ways_ics_and_committee(client, graph):
    body = client.get(f"/standards/{graph['new'].pk}/").content.decode()
    assert "Exigences" in body and "Requirements" in body  # every language, parts kept
    assert f"/standards/{graph['old'].pk}/" in body  # resolved relation is a link
    assert "ISO 9001:2015/Amd 1:2024" in body  # unresolved target still shown
    assert "03.120.10" in body and "Quality management and quality assurance" in body
    assert "/committees/ISO/TC%20176/SC%202/" in body or "/committees/ISO/TC 176/SC 2/" in body
    old_body = client.get(f"/standards/{graph['old'].pk}/").content.decode()
    assert f"/standards/{graph['new'].pk}/" in old_body  # incoming direction
    assert client.get("/standards/999999/").status_code == 404


def test_body_committee_ics_pages(client, graph):
    assert "ISO 9001:2015" in client.get("/bodies/ISO/").content.decode()
    sc_page = client.get("/committees/ISO/TC 176/SC 2/").content.decode()
    assert "ISO 9001:2015" in sc_page
    tc_page = client.get("/committees/ISO/TC 176/").content.decode()
    assert "ISO/TC 176/SC 2" in tc_page
    assert "ISO 9001:2015" in client.get("/ics/03.120.10/").content.decode()
    annex = client.get("/bodies/?annex1=true")
    assert len(annex.context["bodies"]) == 39


def test_api_detail_and_openapi(client, graph):
    data = client.get(f"/api/v1/standards/{graph['new'].pk}").json()
    assert data["identifier"] == "ISO 9001:2015" and data["committee"] == "ISO/TC 176/SC 2"
    assert {t["language"] for t in data["titles"]} == {"en", "fr"}
    assert data["ics"] == ["03.120.10"]
    assert data["relations"][0]["type"] in {"replaces", "amended_by"}
    old = client.get(f"/api/v1/standards/{graph['old'].pk}").json()
    assert old["incoming_relations"][0]["source_identifier"] == "ISO 9001:2015"
    assert client.get("/api/v1/committees/ISO/TC 176/SC 2").json()["parent"] == "ISO/TC 176"
    assert client.get("/api/v1/ics/03.120.10").json()["level"] == 3
    assert client.get("/api/v1/bodies/ISO").json()["annex1_no"] == 1
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/standards" in schema["paths"] and "/api/v1/bodies" in schema["paths"]


def test_lookup_by_identifier_redirects(client, graph):
    response = client.get("/standards/lookup", {"id": "iso9001:2015"})  # as people type it
    assert response.status_code == 302 and response["Location"].endswith(f"/{graph['new'].pk}/")
    work = client.get("/standards/lookup", {"id": "ISO 9001"})  # the work: list its editions
    assert work.status_code == 302 and "work_key=" in work["Location"]
    assert client.get("/standards/lookup", {"id": "ISO 99999"}).status_code == 404
