"""The Chinese interface shows no built-in English value that has a Chinese translation.

"Built-in values" are the words the project itself defines: statuses, natures, body kinds,
relation types and groups, adoption degrees, document types, date types, language names, facet
titles, navigation entries, and the ICS field and group names built in with their Chinese names.
Each public page is rendered in zh-Hans over real records and its text nodes are compared with
the English texts of those values; a match is a word the reader should have seen in Chinese.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.utils import translation


class _Text(HTMLParser):
    """Text nodes, leaving out code and text marked as another language (lang="en", lang="fr":
    an English title, the "English" language switch) — those are meant to be read as they are."""

    SKIP = {"script", "style", "code", "pre"}
    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source"}

    def __init__(self):
        super().__init__()
        self.nodes: list[str] = []
        self._stack: list[bool] = []  # per open element: does it start a skipped region?

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        foreign = lang is not None and not lang.lower().startswith("zh")
        self._stack.append(tag in self.SKIP or foreign)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not any(self._stack):
            self.nodes.append(text)


def text_nodes(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return parser.nodes


def untranslated(html: str, english: dict[str, str]) -> list[str]:
    """Text nodes of ``html`` that are the English form of a value with a Chinese translation."""
    return sorted({node for node in text_nodes(html) if node in english})


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>现行</p>", []),
        ("<span class='badge'>current</span>", ["current"]),
        ("<td> international standard </td><td>国际标准</td>", ["international standard"]),
        ("<code>current</code>", []),  # technical details may show raw values
        ("<p lang='en'>current</p><p>current<br>x</p>", ["current"]),  # marked English is meant
        ("<p>current practice in ISO 9001</p>", []),  # a title containing the word is fine
    ],
)
def test_detector(html, expected):
    english = {"current": "现行", "international standard": "国际标准"}
    assert untranslated(html, english) == expected


def ics_english() -> dict[str, str]:
    """English name → Chinese name of the ICS fields and groups (checked where ICS is shown: an
    ISO committee may bear the same English name, "Gears", and has no Chinese one)."""
    from stdlink.catalog import ics_names
    from stdlink.catalog.models import ICS

    table = ics_names.names()
    return {
        name_en: table[code]
        for code, name_en in ICS.objects.filter(code__in=table).values_list("code", "name_en")
    }


def builtin_english() -> dict[str, str]:
    """English text → Chinese text of every built-in value whose two texts differ."""
    from stdlink.catalog import labels
    from stdlink.catalog.models import Body, Relation, Standard
    from stdlink.core.navigation import _REGISTRY
    from stdlink.search.views import FACET_TITLES

    lazies = [
        *(label for _v, label in Standard.Status.choices),
        *(label for v, label in Standard.Nature.choices if v),
        *(label for _v, label in Body.Kind.choices),
        *(label for _v, label in Relation.Type.choices),
        *(label for v, label in Relation.Degree.choices if v),
        *labels.DOCTYPES.values(),
        *labels.DATE_TYPES.values(),
        *labels.LANGUAGES.values(),
        *(label for _t, label in labels.RELATION_GROUPS),
        *FACET_TITLES.values(),
        *(item.label for item in _REGISTRY.values()),
    ]
    out = {}
    for lazy in lazies:
        with translation.override("en"):
            en = str(lazy)
        with translation.override("zh-hans"):
            zh = str(lazy)
        if en != zh:
            out[en] = zh
    return out


@pytest.fixture
def real_pages(shared_data, tmp_path, settings, db):
    """Real ICS and CCS tables, real ISO/IEC records, the search index: the pages to walk."""
    from stdlink.catalog.importers.ccs import import_ccs
    from stdlink.catalog.importers.ics import import_ics
    from stdlink.catalog.importers.relaton import import_paths
    from stdlink.catalog.models import Committee, Relation, Standard
    from stdlink.search import indexer

    settings.VAR_DIR = tmp_path
    import_ics(shared_data / "reference" / "ics" / "ics_ed7.csv")
    import_ccs(shared_data / "reference" / "ccs")
    import_paths([shared_data / "relaton" / "iso.yaml.gz"], limit=300)
    import_paths([shared_data / "relaton" / "iec.yaml.gz"], limit=60)
    indexer.reindex()
    related = Relation.objects.filter(target__isnull=False).values_list("source_id", flat=True)
    standard = Standard.objects.filter(pk__in=related, ics__isnull=False).first()
    committee = Committee.objects.filter(standards__isnull=False).first()
    ics = standard.ics.first()
    return [
        "/",
        "/standards/",
        "/standards/?status=current&status=withdrawn",
        f"/standards/{standard.pk}/",
        "/bodies/",
        "/bodies/ISO/",
        "/committees/",
        f"/committees/{committee.code}/",
        "/ics/",
        f"/ics/{ics.code.split('.')[0]}/",
        f"/ics/{ics.code}/",
        "/ccs/",
        "/ccs/A/",
        "/ccs/A00/",
        "/search/?q=quality",
        "/search/?q=质量",
    ]


def test_chinese_pages_show_no_untranslated_builtin_value(client, real_pages):
    english = builtin_english()
    ics = ics_english()
    assert "current" in english and "Environmental protection" in ics  # the lists are real
    found = {}
    for path in real_pages:
        response = client.get(path, HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert response.status_code == 200, path
        assert 'lang="zh-Hans"' in response.content.decode()[:200]
        check = english | ics if path.startswith(("/ics/", "/standards/")) else english
        words = untranslated(response.content.decode(), check)
        if words:
            found[path] = words
    assert found == {}


def test_ics_fields_and_groups_have_chinese_names(real_pages, client):
    from stdlink.catalog.models import ICS

    named = ICS.objects.filter(level__lte=2).exclude(name_zh="")
    assert named.filter(level=1).count() == 40
    assert named.filter(level=2).count() >= 392
    assert ICS.objects.get(code="01").name_zh == "综合、术语学、标准化、文献"
    assert ICS.objects.get(code="13").name_zh == "环境和保健、安全"
    assert ICS.objects.get(code="97").name_zh == "家用和商用设备、文娱、体育"
    body = client.get("/ics/").content.decode()
    assert "环境和保健、安全" in body


def test_a_hand_entered_chinese_name_is_kept(real_pages, shared_data):
    from stdlink.catalog import ics_names
    from stdlink.catalog.importers.ics import import_ics
    from stdlink.catalog.models import ICS

    ICS.objects.filter(code="13").update(name_zh="环境（本地译名）")
    import_ics(shared_data / "reference" / "ics" / "ics_ed7.csv")
    assert ics_names.apply() == 0
    assert ICS.objects.get(code="13").name_zh == "环境（本地译名）"
