"""Query-count baselines (STYLE.md §12): pages must not grow N+1 queries with the data."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stdlink.catalog.models import Body, Committee, Relation, Standard
from stdlink.pubid import key


@pytest.fixture
def many(db):
    iso = Body.objects.get(code="ISO")
    tc = Committee.objects.create(body=iso, code="ISO/TC 1", name_en="Screw threads")
    rows = []
    for n in range(60):
        ident = f"ISO {1000 + n}:2020"
        rows.append(
            Standard(
                uid=key(ident),
                identifier=ident,
                key=key(ident),
                work_key=key(ident, level="work"),
                body=iso,
                committee=tc,
                status="current",
                year=2020,
                title_en=f"Part {n}",
                source="iso",
            )
        )
    Standard.objects.bulk_create(rows)
    first = Standard.objects.order_by("id").first()
    Relation.objects.bulk_create(
        Relation(
            source=first,
            type="related",
            target_identifier=s.identifier,
            target_key=s.key,
            target=s,
            raw_type="updates",
        )
        for s in Standard.objects.exclude(pk=first.pk)
    )
    return first


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/standards/", 8),
        ("/standards/?body=ISO&status=current", 8),
        ("/", 8),
        ("/api/v1/standards", 6),
        ("/committees/", 8),
        ("/bodies/", 6),
    ],
)
def test_list_pages_query_count_is_bounded(client, many, url, limit):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    assert len(ctx.captured_queries) <= limit, [q["sql"][:120] for q in ctx.captured_queries]


def test_detail_page_query_count_does_not_grow_with_relations(client, many):
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/standards/{many.pk}/").status_code == 200
    assert len(ctx.captured_queries) <= 20
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(f"/api/v1/standards/{many.pk}").status_code == 200
    assert len(ctx.captured_queries) <= 12
