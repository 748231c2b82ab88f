"""API, page and CLI over the fixture catalogue; hostile input; incremental index updates."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest

from stdlink.search.interface import SearchQuery, search

pytestmark = pytest.mark.django_db

HOSTILE = [
    '"',
    '""',
    "'",
    '"quality" OR NEAR(a b)',
    "quality AND",
    "NOT",
    "(((",
    ")))",
    "title_en: battery",
    "{ident title_en} : 9001",
    "a*",
    "*",
    "^iso",
    "NEAR(",
    "-",
    "+",
    "\\",
    "%",
    "_",
    "%%",
    "'; DROP TABLE search_searchdoc; --",
    "<script>alert(1)</script>",
    "\x00",
    "iso\x009001",
    "\x1b[31mred",
    "\ud800",
    "质量\udfff管理",
    "\u202eevil",
    "   ",
    "🔋 battery",
    "a" * 499,
    "ISO " * 120,
    "9" * 400,
    "ISO/TC",
    "ISO/TC 99999",
    "GB/T",
    "ISO 9001:2015/Amd 1:2024/Cor 9:2099",
    "AND OR NOT NEAR",
    "\t\n\r",
]


def _qs(text: str) -> str:
    """The query string an attacker's client sends (lone surrogates as their UTF-8 bytes)."""
    return "q=" + quote(text.encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("text", HOSTILE, ids=[repr(t)[:30] for t in HOSTILE])
def test_hostile_queries_are_clean(cat_db, client, text):
    result = search(SearchQuery(q=text))
    assert result.total >= 0
    api = client.get("/api/v1/search?" + _qs(text))
    assert api.status_code in (200, 400)
    body = api.json()
    assert ("hits" in body) if api.status_code == 200 else body["detail"]
    page = client.get("/search/?" + _qs(text))
    # A NUL character is refused before any view (core.middleware, issue 9): 400, never 500.
    assert page.status_code == (400 if "\x00" in text else 200)


@pytest.mark.parametrize("text", ["x" * 10_240, "质" * 10_240, "ISO 9001 " * 1200])
def test_ten_kilobytes(cat_db, client, text):
    api = client.get("/api/v1/search", {"q": text})
    assert api.status_code == 400
    assert "500" in api.json()["detail"]
    page = client.get("/search/", {"q": text})
    assert page.status_code == 200
    assert page.context["result"].truncated


@pytest.mark.parametrize(
    "params",
    [
        {"q": "iso", "page": "abc"},
        {"q": "iso", "page": "-1"},
        {"q": "iso", "per_page": "1000"},
        {"q": "iso", "year_from": "20x"},
        {"q": "iso", "page": "99999999999999999999"},
    ],
)
def test_bad_parameters_are_400(cat_db, client, params):
    api = client.get("/api/v1/search", params)
    assert api.status_code == 400 and api.json()["detail"]
    assert client.get("/search/", params).status_code == 400


def test_empty_query(cat_db, client):
    body = client.get("/api/v1/search", {"q": ""}).json()
    assert body["total"] == 0 and body["hits"] == []
    assert client.get("/search/").status_code == 200


def test_api_contract(cat_db, client):
    body = client.get("/api/v1/search", {"q": "ISO 9001", "status": "current"}).json()
    assert body["hits"][0]["identifier"] == "ISO 9001:2015"
    assert all(h["status"] == "current" for h in body["hits"])
    assert set(body["facets"]) == {"body", "status", "doctype", "ics", "committee", "year"}
    assert body["took_ms"] >= 0
    assert {"identifier", "title", "status", "score", "snippet"} <= set(body["hits"][0])
    two = client.get("/api/v1/search", {"q": "medical", "page": 2, "per_page": 5}).json()
    assert two["page"] == 2 and len(two["hits"]) == 5
    iec = client.get("/api/v1/search", {"q": "safety", "body": "IEC"}).json()
    assert iec["total"] > 0 and all(h["body"] == "IEC" for h in iec["hits"])


def test_results_page_facets_and_htmx(cat_db, client):
    page = client.get("/search/", {"q": "quality management"})
    html = page.content.decode()
    assert 'id="facets"' in html and 'id="hits"' in html and "<mark>" in html
    assert 'action="/search/"' in html  # the header search box points here
    partial = client.get(
        "/search/", {"q": "quality management", "status": "current"}, HTTP_HX_REQUEST="true"
    )
    assert "<html" not in partial.content.decode()
    assert 'id="hits"' in partial.content.decode()


def test_other_pages_send_the_header_box_here(cat_db, client):
    assert 'action="/search/"' in client.get("/standards/").content.decode()


def test_cli_json(cat_db, capsys):
    from stdlink.cli import main

    assert main(["search", "ISO 9001", "--json", "--limit", "3"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [h["identifier"] for h in data["hits"]][0] == "ISO 9001:2015"
    assert len(data["hits"]) == 3 and data["total"] >= 5
    assert set(data["hits"][0]) == {"identifier", "title", "status", "score"}
    assert "body" in data["facets"]


def test_cli_text_and_reindex(cat_db, capsys):
    from stdlink.cli import main

    assert main(["search", "质量管理体系", "--limit", "2"]) == 0
    assert "GB/T 42061-2022" in capsys.readouterr().out
    assert main(["search", "reindex", "--no-progress"]) == 0
    assert "indexed" in capsys.readouterr().err
    assert main(["search", "--query", "reindex", "--json"]) == 0
    assert "hits" in json.loads(capsys.readouterr().out)
    assert main(["search", "x" * 600]) == 2


def test_import_updates_the_index_incrementally(
    cat_db, django_capture_on_commit_callbacks, tmp_path, shared_data
):
    from stdlink.catalog.models import Standard
    from stdlink.catalog.signals import standards_changed

    assert search(SearchQuery(q="zzyzxquark")).total == 0
    standard = Standard.objects.filter(identifier="GB 41918-2022").get()
    standard.title_zh = "生物安全柜 zzyzxquark"
    standard.save()
    with django_capture_on_commit_callbacks(execute=True):
        from django.db import transaction

        transaction.on_commit(
            lambda: standards_changed.send(sender=None, standard_ids=[standard.pk], batch=None)
        )
    hits = search(SearchQuery(q="zzyzxquark")).hits
    assert [h.identifier for h in hits] == ["GB 41918-2022"]
    pk = standard.pk
    standard.delete()
    standards_changed.send(sender=None, standard_ids=[pk], batch=None)
    assert search(SearchQuery(q="zzyzxquark")).total == 0
