"""F8: the standards list counts once (cached), never skips more than the page cap, and orders by an
index — structural checks, no timing (the figures are in bench/list_speed.py)."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stdlink.catalog.models import Body, Standard
from stdlink.core.paging import CappedPaginator


@pytest.fixture
def many(db):
    iso = Body.objects.get(code="ISO")
    Standard.objects.bulk_create(
        Standard(
            uid=f"ISO{n}", identifier=f"ISO {n}", key=f"ISO{n}", work_key=f"ISO{n}",
            body=iso, title_en=f"Title {n} " + "x" * 200, year=1950 + n % 70, source="iso",
        )
        for n in range(1, 131)
    )  # fmt: skip
    return iso


def _offsets(queries) -> list[int]:
    return [int(m) for q in queries for m in re.findall(r"OFFSET (\d+)", q["sql"])]


@pytest.mark.parametrize("page", ["3", "4", "99999999999999999999", "-1", "abc", "0"])
def test_any_page_number_answers_a_reachable_page(client, many, settings, page):
    settings.DEBUG = False
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/standards/", {"page": page})
    assert response.status_code == 200
    paginator = response.context["page"].paginator
    assert response.context["page"].number <= paginator.num_pages
    assert all(
        o <= paginator.max_pages * paginator.per_page for o in _offsets(ctx.captured_queries)
    )


def test_page_numbers_are_capped(many):
    paginator = CappedPaginator(Standard.objects.order_by("-year", "identifier"), 10, max_pages=5)
    assert paginator.count == 130
    assert paginator.num_pages == 5 and paginator.capped
    last = paginator.get_page(10**20)
    assert last.number == 5 and len(last) == 10


def test_rows_come_in_the_lists_order(many):
    qs = Standard.objects.select_related("committee").order_by("-year", "identifier")
    page = CappedPaginator(qs, 20).get_page(2)
    assert [s.pk for s in page] == list(qs.values_list("pk", flat=True)[20:40])


def test_count_is_cached(client, many):
    client.get("/standards/")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/standards/", {"page": 2})
    assert response.context["page"].paginator.count == 130
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]


def test_list_rows_carry_links_labels_and_short_titles(client, many):
    body = client.get("/standards/").content.decode()
    s = Standard.objects.order_by("-year", "identifier").first()
    assert f'href="/standards/{s.pk}/"' in body
    assert "…" in body and "x" * 200 not in body


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite query plan")
@pytest.mark.parametrize(
    ("filters", "index"), [({}, "std_year_ident"), ({"body_id__in": [1]}, "std_body_year_ident")]
)
def test_default_order_uses_an_index(many, filters, index):
    qs = Standard.objects.filter(**filters).order_by("-year", "identifier").values_list("pk")[:50]
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        plan = " ".join(str(row) for row in cursor.fetchall())
    assert index in plan and "TEMP B-TREE" not in plan


def test_sorted_table_pages_by_ids_and_reuses_the_count(client, many):
    """django-tables2 hands the paginator its rows; CappedPaginator pages the sorted queryset
    (ids first) and sorting a column does not count the catalogue again."""
    client.get("/standards/")
    with CaptureQueriesContext(connection) as ctx:
        response = client.get("/standards/", {"sort": "identifier", "page": 2})
    assert not [q for q in ctx.captured_queries if "COUNT(" in q["sql"].upper()]
    page = response.context["page"]
    expected = list(Standard.objects.order_by("identifier").values_list("pk", flat=True)[50:100])
    assert [row.record.pk for row in page.object_list] == expected
    assert page.paginator.count == Standard.objects.count()


def test_text_filter_points_to_the_search_page(client, many):
    page = client.get('/standards/?q=Title 1"><b>', HTTP_ACCEPT_LANGUAGE="en").content.decode()
    hint = page[page.index('id="search-hint"') : page.index("</p>", page.index('id="search-hint"'))]
    assert 'href="/search/?q=Title%201%22%3E%3Cb%3E"' in hint
    assert "<b>" not in hint
    assert 'id="search-hint"' not in client.get("/standards/").content.decode()
    zh = client.get("/standards/?q=ISO", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "中英文均可" in zh
