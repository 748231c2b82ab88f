"""Ranking over the fixture catalogue (real records): query → expected first result.

The table is bench/search_queries.py (the quality benchmark's set), restricted to the queries
whose expected standard is in the fixture. The same assertions run on SQLite and PostgreSQL,
which is the backend parity check: both must put the committed expected standard first, and
for PARITY_TOP3 the same first three.
"""

from __future__ import annotations

import pytest

from bench.search_queries import QUERIES
from stdlink.search.interface import SearchQuery, get_backend, search
from tests.search.conftest import IEC_KEEP, ISO_KEEP

pytestmark = pytest.mark.django_db


def _in_fixture(identifier: str) -> bool:
    return bool(
        ISO_KEEP.match(identifier)
        or IEC_KEEP.match(identifier)
        or identifier.startswith(("GB", "YY"))
    )


#: Queries whose expected standard is not first today (on the full catalogue or in this
#: fixture); bench/search_quality.py reports their ranks. Not strict: one that starts passing
#: is fine, every other query must put its expected standard first on both backends.
KNOWN_MISSES = {
    "ISO 134855",
    "quality management requirements",
    "lithium battery safety",
    "information security cybersecurity and privacy protection controls",
    "secondary cells and batteries lithium systems portable applications",
    "audio video information and communication technology equipment safety requirements",
    "medical device software life cycle processes",
    "degrees of protection provided by enclosures",
    "environmental management",
    "information security management",
    "occupational health safety",
    "risk management medical devices",
    "business continuity",
    "country codes",
    "machinery safety risk assessment",
    "energy management",
    "医疗器械 质量管理体系",
    "医疗器械 风险管理",
    "医用诊断X射线管组件",
    "尿液有形成分分析仪",
    "ISO/TC 207",
    "ISO/TC 283",
    "质量管理体系",
    "乳腺X射线摄影设备",
}
TABLE = [
    pytest.param(
        q,
        id=f"{q.kind}:{q.text}",
        marks=pytest.mark.xfail(
            reason="known miss, see bench/search_quality.py --misses", strict=False
        ),
    )
    if q.text in KNOWN_MISSES
    else pytest.param(q, id=f"{q.kind}:{q.text}")
    for q in QUERIES
    if _in_fixture(q.expected)
]

#: Parity gaps: first on SQLite, not on PostgreSQL (ts_rank_cd has no inverse document
#: frequency, so the YY radiotherapy "…系统的安全" standards outrank GB 9706.1 there).
POSTGRES_MISSES = {"医用电气设备 安全"}


@pytest.mark.parametrize("q", TABLE)
def test_expected_first(cat_db, q):
    if get_backend().name == "postgresql" and q.text in POSTGRES_MISSES:
        pytest.xfail("known PostgreSQL parity gap")
    result = search(SearchQuery(q=q.text, per_page=10))
    top = [h.identifier for h in result.hits]
    assert top[:1] == [q.expected], f"{get_backend().name}: {q.text!r} → {top[:5]}"


def test_table_is_large_enough():
    assert len(TABLE) >= 100
    assert {p.values[0].kind for p in TABLE} == {"id", "near", "en", "zh", "tc"}
    assert len(KNOWN_MISSES) < len(TABLE) * 0.15


def test_identifier_query_lists_every_edition_current_first(cat_db):
    result = search(SearchQuery(q="ISO 9001", per_page=50))
    ids = [h.identifier for h in result.hits]
    assert ids[0] == "ISO 9001:2015"
    editions = [
        i for i in ids if i in {"ISO 9001:2008", "ISO 9001:2000", "ISO 9001:1994", "ISO 9001:1987"}
    ]
    assert editions == ["ISO 9001:2008", "ISO 9001:2000", "ISO 9001:1994", "ISO 9001:1987"]
    current = [n for n, h in enumerate(result.hits) if h.status == "current"]
    older = [n for n, h in enumerate(result.hits) if h.status in ("withdrawn", "replaced")]
    assert current and older and max(current) < min(older)
    assert all(h.match == "identifier" for h in result.hits)
    assert result.identifier == "ISO 9001"


def test_near_miss_offers_did_you_mean(cat_db):
    result = search(SearchQuery(q="ISO 90001"))
    assert result.did_you_mean and result.did_you_mean.startswith("ISO 9001")


def test_committee_code_becomes_a_filter(cat_db):
    result = search(SearchQuery(q="ISO/TC 176", per_page=100))
    assert result.committee == "ISO/TC 176"
    assert result.total > 10
    assert all(h.committee.startswith("ISO/TC 176") for h in result.hits)


def test_facets_count_and_filter(cat_db):
    everything = search(SearchQuery(q="quality management"))
    bodies = {v.value: v.count for v in everything.facets.body}
    assert bodies and sum(bodies.values()) >= everything.total
    statuses = {v.value: v.count for v in everything.facets.status}
    assert statuses.get("current")
    current = search(SearchQuery(q="quality management", status=("current",)))
    assert current.total == statuses["current"]
    assert all(h.status == "current" for h in current.hits)
    years = search(SearchQuery(q="quality management", year_from=2010, year_to=2019))
    assert all(2010 <= (h.year or 0) <= 2019 for h in years.hits)


def test_chinese_and_english_highlight(cat_db):
    zh = search(SearchQuery(q="医用电气设备 安全"))
    assert "<mark>" in str(zh.hits[0].title_html)
    en = search(SearchQuery(q="lithium battery safety"))
    assert "<mark>" in str(en.hits[0].title_en and en.hits[0].title_html)


def test_pagination_is_stable(cat_db):
    first = search(SearchQuery(q="medical", per_page=10, page=1))
    second = search(SearchQuery(q="medical", per_page=10, page=2))
    assert first.total == second.total > 20
    assert not {h.id for h in first.hits} & {h.id for h in second.hits}
