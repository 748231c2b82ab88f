"""Pure logic: input cleaning, query analysis, segmentation, FTS5 quoting, highlighting."""

from __future__ import annotations

import pytest

from stdlink.search.backends.base import TextQuery
from stdlink.search.backends.sqlite_fts5 import match_expression
from stdlink.search.highlight import mark, pattern
from stdlink.search.identifiers import analyse
from stdlink.search.sanitize import MAX_QUERY_LENGTH, QueryError, clean
from stdlink.search.segment import query_terms


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  ISO   9001 ", "ISO 9001"),
        ("ＩＳＯ　９００１", "ISO 9001"),
        ("ISO\x009001\x1b[0m", "ISO 9001 [0m"),
        ("ISO 9001\ud800", "ISO 9001"),
        ("\u200bquality\u2028management", "quality management"),
        ("", ""),
        (None, ""),
    ],
)
def test_clean(raw, expected):
    assert clean(raw) == expected


def test_clean_caps_length():
    assert len(clean("a" * 10_000)) == MAX_QUERY_LENGTH
    with pytest.raises(QueryError, match="500"):
        clean("a" * 10_000, truncate=False)


@pytest.mark.parametrize(
    ("query", "exact", "work", "number", "committee"),
    [
        ("ISO 9001", "ISO9001", "ISO9001", None, None),
        ("iso9001", "ISO9001", "ISO9001", None, None),
        ("ISO 9001 2015", "ISO9001:2015", "ISO9001", None, None),
        ("ISO-9001", "ISO9001", "ISO9001", None, None),
        ("gb/t 42061", "GB/T42061", "GB/T42061", None, None),
        ("GBT 42061", "GB/T42061", "GB/T42061", None, None),
        ("YY/T0316-2016", "YY/T0316-2016", "YY/T0316", None, None),
        ("9001", None, None, "9001", None),
        ("60601-1", None, None, "60601-1", None),
        ("2015", None, None, None, None),
        ("ISO/TC 176", None, None, None, "ISO/TC 176"),
        ("iso/tc176/sc2", None, None, None, "ISO/TC 176/SC 2"),
        ("ISO/IEC JTC 1/SC 27 security", None, None, None, "ISO/IEC JTC 1/SC 27"),
        ("lithium battery safety", None, None, None, None),
        ("质量管理体系", None, None, None, None),
    ],
)
def test_analyse(query, exact, work, number, committee):
    a = analyse(query)
    assert (a.exact_key, a.work_key, a.number, a.committee) == (exact, work, number, committee)


def test_query_terms_have_word_and_pieces(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    terms = query_terms("医用电气设备 安全 of the batteries")
    flat = [alt for term in terms for alt in term]
    assert ("batteries",) in flat and ("of",) not in flat  # stop words dropped
    chinese = [term for term in terms if any("安全" in a for a in term)]
    assert chinese
    long_words = [term for term in terms if len(term) == 2]
    assert all(len(term[1]) >= 2 for term in long_words)  # the bigram alternative


@pytest.mark.parametrize(
    "hostile",
    [
        '"quality" OR NEAR(a b)',
        "title_en: x",
        "a*",
        "{ident} : 1",
        "'; DROP TABLE x; --",
        '"""',
        "AND OR NOT",
        "^start",
    ],
)
def test_fts_expression_quotes_every_token(hostile, settings, tmp_path):
    settings.VAR_DIR = tmp_path
    expr = match_expression(TextQuery(terms=tuple(query_terms(hostile))))
    # Every token is a double-quoted string; nothing of the user's syntax survives outside.
    outside = "".join(part for i, part in enumerate(expr.split('"')) if i % 2 == 0)
    assert set(outside) <= set(" ANDOR()")


def test_highlight_escapes_before_marking(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    regex = pattern(tuple(query_terms("battery <script>")))
    html = str(mark("Batteries <script>alert(1)</script> & cells", regex))
    assert "<mark>Batteries</mark>" in html
    assert "<script>" not in html and "&lt;<mark>script</mark>&gt;" in html
    assert "&amp;" in html


def _rows(ids, tier=2):
    return [(pk, tier) for pk in ids]


def test_fusion_lifts_what_the_english_words_put_first_over_a_relaxed_word_list():
    """A Chinese query whose words matched only in part (relaxed) must not hold the English
    words' first hit at its lexical rank (职业健康安全管理体系 → ISO 45001, lexical rank 442)."""
    from stdlink.search.interface import fuse_rows

    lexical = _rows(range(1, 501))
    fused = fuse_rows(lexical, [], _rows([442, 7]), relaxed=True)
    ids = [r[0] for r in fused]
    assert ids[0] == 7  # in both lists
    assert ids.index(442) < 5
    assert sorted(ids) == list(range(1, 501))  # every row once


def test_fusion_keeps_a_full_word_list_in_order_and_lifts_only_rows_beyond_its_depth():
    from stdlink.search.interface import FUSE_DEPTH, fuse_rows

    lexical = _rows(range(1, 401), tier=1)  # every word matched; the first is a title phrase
    fused = fuse_rows(lexical, _rows([350, 3, 900]), _rows([350]), relaxed=False)
    ids = [r[0] for r in fused]
    assert ids[0] == 1  # the phrase hit stays first
    assert ids.index(350) < 5  # beyond the fusion depth: lifted
    assert ids.index(900) < 20  # not in the word list at all: fused in
    head = [pk for pk in ids if pk <= FUSE_DEPTH]
    assert head == list(range(1, FUSE_DEPTH + 1))  # rows within the depth keep their order
    assert len(ids) == len(set(ids)) == 401
