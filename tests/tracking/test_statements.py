"""Adoption statements parsed wherever they occur (table-driven), and the dev pairs' notes."""

from __future__ import annotations

import json

import pytest

from stdlink.tracking.statements import counts_as_adoption, parse_statements

CASES = [
    # double numbers on the cover → IDT
    ("GB/T 19001—2016/ISO 9001:2015", "ISO 9001:2015", "IDT", "GB/T 19001-2016", "double_number"),
    (
        "YY/T 0916.1—2021/ISO 80369-1:2018",
        "ISO 80369-1:2018",
        "IDT",
        "YY/T 0916.1-2021",
        "double_number",
    ),
    (
        "GB/T 2423.1-2008/IEC 60068-2-1:2007",
        "IEC 60068-2-1:2007",
        "IDT",
        "GB/T 2423.1-2008",
        "double_number",
    ),
    (
        "GB/T 27025－2019／ISO/IEC 17025：2017",
        "ISO/IEC 17025:2017",
        "IDT",
        "GB/T 27025-2019",
        "double_number",
    ),
    # cover lines
    ("(ISO 4049:2019, MOD)", "ISO 4049:2019", "MOD", None, "cover"),
    ("（IEC 60601-1-8:2006+A1:2012，MOD）", "IEC 60601-1-8:2006+AMD1:2012", "MOD", None, "cover"),
    (
        "GB 16174.1—2024 (ISO 14708-1:2014,MOD)",
        "ISO 14708-1:2014",
        "MOD",
        "GB 16174.1-2024",
        "cover",
    ),
    (
        "(ISO 7199:2009, Cardiovascular implants and artificial organs, MOD)",
        "ISO 7199:2009",
        "MOD",
        None,
        "cover",
    ),
    ("(ISO 22442-1:2020, IDT)", "ISO 22442-1:2020", "IDT", None, "cover"),
    ("GB/T 14710 (IEC 60068-2-6:2007, NEQ)", "IEC 60068-2-6:2007", "NEQ", None, "cover"),
    # an explicit degree beats the IDT a double number implies
    (
        "YY 0989.7-2017/ISO 14708-7:2013 (ISO 14708-7:2013, MOD)",
        "ISO 14708-7:2013",
        "MOD",
        "YY 0989.7-2017",
        "cover",
    ),
    # forewords, Chinese
    (
        "本文件等同采用ISO 10993-5:2009《医疗器械生物学评价 第5部分》。",
        "ISO 10993-5:2009",
        "IDT",
        None,
        "foreword",
    ),
    ("本部分使用重新起草法修改采用ISO 5832-4:2014", "ISO 5832-4:2014", "MOD", None, "foreword"),
    ("本标准非等效采用IEC 60335-2-9:2008", "IEC 60335-2-9:2008", "NEQ", None, "foreword"),
    ("本标准等效采用 ISO 2859-1:1989", "ISO 2859-1:1989", "MOD", None, "foreword"),  # EQV → MOD
    ("本标准参照采用 IEC 60950:1991", "IEC 60950:1991", "NEQ", None, "foreword"),  # REF → NEQ
    ("等同转化ISO 21535:2007", "ISO 21535:2007", "IDT", None, "foreword"),
    # forewords, English
    (
        "This part of GB/T 16886 is identical to ISO 10993-1:2018.",
        "ISO 10993-1:2018",
        "IDT",
        None,
        "foreword",
    ),
    (
        "redrafted and modified in relation to ISO 7206-12:2016",
        "ISO 7206-12:2016",
        "MOD",
        None,
        "foreword",
    ),
    (
        "This standard is not equivalent to IEC 61010-1:2010",
        "IEC 61010-1:2010",
        "NEQ",
        None,
        "foreword",
    ),
    # the old lower-case infix
    ("GB/T 19001-2000 idt ISO 9001:2000", "ISO 9001:2000", "IDT", "GB/T 19001-2000", "infix"),
    # the national platform's fields and list pages
    ("采用国际标准号：ISO 9001:2015  采用程度：IDT", "ISO 9001:2015", "IDT", None, "fields"),
    ("采用标准 ISO 8637-2010, MOD", "ISO 8637:2010", "MOD", None, "fields"),
    ("Adopted Standard: IEC 62083-2009; IDT", "IEC 62083:2009", "IDT", None, "fields"),
    ("Adopt standards: IEC 61331-2:2014", "IEC 61331-2:2014", None, None, "fields"),
]


@pytest.mark.parametrize(("text", "intl", "degree", "domestic", "form"), CASES)
def test_statement_forms(text, intl, degree, domestic, form):
    sts = parse_statements(text)
    assert sts, text
    st = sts[0]
    assert (st.intl, st.degree, st.form) == (intl, degree, form)
    if domestic:
        assert st.domestic == domestic


@pytest.mark.parametrize(
    "text",
    [
        "",
        "GB/T 16175-2008 医用有机硅材料生物学评价试验方法",
        "参考了 EN 14683 的试验方法",
        "ISO",
        "(2019, MOD)",
    ],
)
def test_no_statement(text):
    assert parse_statements(text) == []


def test_several_documents_in_one_cover_line():
    sts = parse_statements("(ISO 11135-1:2007, IDT; ISO/TS 11135-2:2008, MOD)")
    assert [(s.intl, s.degree) for s in sts] == [
        ("ISO 11135-1:2007", "IDT"),
        ("ISO/TS 11135-2:2008", "MOD"),
    ]


def test_dated_mention_wins_over_undated():
    sts = parse_statements("修改采用ISO 7199。(ISO 7199:2009, MOD)")
    assert [(s.intl, s.degree) for s in sts] == [("ISO 7199:2009", "MOD")]


@pytest.mark.parametrize(
    ("degree", "counts"), [("IDT", True), ("MOD", True), ("NEQ", False), (None, False)]
)
def test_what_counts(degree, counts):
    assert counts_as_adoption(degree) is counts


def test_dev_pair_notes(shared_data):
    """Every note of the dev pairs that quotes a statement with a certain degree parses to it."""
    rows = [
        json.loads(line)
        for line in (shared_data / "adoption-dev" / "nmpa_adoptions_dev.jsonl").open()
    ]
    checked = 0
    for r in rows:
        if not r["intl"] or r["evidence_kind"] != "url" or not r["degree_certain"]:
            continue
        sts = parse_statements(r["note"] or "")
        if not sts or sts[0].degree is None:
            continue  # the note quotes no degree (a list page, a cut-off excerpt)
        checked += 1
        assert sts[0].degree == r["degree"], r
        assert (
            sts[0].intl.replace("+AMD", "+A").split(" ")[1].split(":")[0]
            == r["intl"].split(" ")[1].split(":")[0]
        ), r
    assert checked >= 20
