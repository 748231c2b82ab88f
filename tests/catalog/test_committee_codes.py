"""F2: committee codes with CR/LF (JIS) — cleaned at import, cleaned in existing rows by the data
migration, and a committee URL that survives any code (never NoReverseMatch)."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from stdlink.catalog.importers.record import normalise_code
from stdlink.catalog.importers.relaton import import_paths, reader
from stdlink.catalog.models import Body, Committee, Standard
from tests.catalog.test_views_api import _ids

RAW_CODE = "JIS/一般財団法人　日本規格協会      \r\n        キッチン・バス工業会"


@pytest.fixture(scope="module")
def jis_crlf_record(shared_data, tmp_path_factory):
    """The first real JIS record whose committee name carries CR/LF, byte for byte."""
    inp = reader.expand([shared_data / "relaton" / "jis.yaml.gz"])[0]
    for item in reader.documents(inp, limit=5000):
        _index, _loc, raw = item
        if b"technical_committee" in raw and b"\\r\\n" in raw:
            path = tmp_path_factory.mktemp("jis") / "jis.yaml"
            path.write_bytes(raw)
            return path
    pytest.fail("no JIS record with CR/LF in its committee among the first 5,000")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        (RAW_CODE, "JIS/一般財団法人 日本規格協会 キッチン・バス工業会"),
        ("ISO/TC 176/SC 2", "ISO/TC 176/SC 2"),
        ("  IEEE/ Power \t Energy ", "IEEE/ Power Energy"),
    ],
)
def test_normalise_code(raw, clean):
    assert normalise_code(raw) == clean


def test_import_cleans_jis_committee_codes(client, db, jis_crlf_record):
    batch = import_paths([jis_crlf_record])
    assert batch.errors == []
    standard = Standard.objects.get(source="jis")
    codes = list(standard.committees.values_list("code", flat=True))
    assert codes and standard.committee_id
    for code in codes + [standard.committee.code]:
        assert "\r" not in code and "\n" not in code and "  " not in code, repr(code)
    committee = standard.committee
    for url in (
        reverse("catalog:standard-detail", args=[standard.pk]),
        reverse("catalog:body-detail", args=["JIS"]),
        reverse("catalog:standard-list") + "?body=JIS",
        reverse("catalog:committee-list"),
        reverse("catalog:committee-detail", args=[committee.code]),
    ):
        assert client.get(url).status_code == 200, url


@pytest.fixture
def crlf_committee(db):
    jis = Body.objects.get_or_create(code="JIS", defaults={"name_en": "JIS"})[0]
    committee = Committee.objects.create(body=jis, code=RAW_CODE, name_zh="协会\r\n工业会")
    Standard.objects.create(
        **_ids("JIS A 0001:1999"),
        body=jis,
        title_en="Basic module",
        committee=committee,
        source="jis",
    )
    return committee


@pytest.mark.parametrize("code", [RAW_CODE, "X/a?b#c%d", " lead and trail ", "a/b/"])
def test_committee_url_survives_any_code(client, db, code):
    jis = Body.objects.get_or_create(code="JIS", defaults={"name_en": "JIS"})[0]
    Committee.objects.create(body=jis, code=code)
    url = reverse("catalog:committee-detail", args=[code])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["committee"].code == code


def test_pages_with_a_legacy_crlf_committee_answer(client, crlf_committee):
    standard = crlf_committee.standards.get()
    assert client.get(reverse("catalog:standard-detail", args=[standard.pk])).status_code == 200
    assert client.get(reverse("catalog:standard-list") + "?body=JIS").status_code == 200


def test_data_migration_cleans_and_merges(crlf_committee):
    migration = importlib.import_module("stdlink.catalog.migrations.0003_normalise_committee_codes")
    clean = normalise_code(RAW_CODE)
    # A second row whose code only differs in whitespace merges into the first cleaned one.
    dup = Committee.objects.create(body=crlf_committee.body, code=RAW_CODE.replace("\r\n", "\n"))
    other = Standard.objects.create(
        **_ids("JIS A 0002:1999"),
        body=crlf_committee.body,
        title_en="x",
        committee=dup,
        source="jis",
    )
    other.committees.add(dup)
    child = Committee.objects.create(body=dup.body, code="JIS/child", parent=dup)
    migration.normalise_codes(apps, None)
    kept = Committee.objects.get(code=clean)
    assert kept.name_zh == "协会 工业会"
    assert not Committee.objects.filter(code__contains="\n").exists()
    first = Standard.objects.get(uid=_ids("JIS A 0001:1999")["uid"])
    assert set(Standard.objects.filter(committee=kept)) == {first, other}
    assert list(other.committees.all()) == [kept]
    child.refresh_from_db()
    assert child.parent_id == kept.pk
