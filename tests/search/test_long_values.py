"""Index rows hold whatever the catalogue holds: long committee codes (IEEE, JIS) included.

SQLite ignores VARCHAR lengths, so this guards PostgreSQL, where a too-short column made the
index update fail after a full import.
"""

import pytest

from stdlink.catalog.models import Body, Committee, Standard
from stdlink.pubid import key
from stdlink.search import indexer
from stdlink.search.models import SearchDoc


@pytest.mark.django_db
def test_committee_code_as_long_as_the_catalogue_allows():
    ieee = Body.objects.get(code="IEEE")
    long_code = "IEEE/" + "Power and Energy Society/Transformers Committee/" * 4
    long_code = long_code[: Committee._meta.get_field("code").max_length]
    committee = Committee.objects.create(body=ieee, code=long_code, name_en="Transformers")
    ident = "IEEE Std C57.12.00-2021"
    standard = Standard.objects.create(
        uid=key(ident),
        identifier=ident,
        key=key(ident),
        work_key=key(ident, level="work"),
        body=ieee,
        committee=committee,
        status="current",
        year=2021,
        source="ieee",
        title_en="Standard for General Requirements for Liquid-Immersed Transformers",
    )
    indexer.update([standard.pk])
    doc = SearchDoc.objects.get(pk=standard.pk)  # the index row shares the standard's id
    assert doc.committee_path == long_code
