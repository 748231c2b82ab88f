"""Variants real WTO forms and Chinese TBT sites produce that the dev set may not show.

Synthetic forms in ``variant_forms/`` (symbols numbered 9001+, not real notifications) and
table-driven cases, each with the fields it must parse to: item numbering and punctuation,
label wordings, labels broken over two lines, the WTO PDF header (several symbols, an unlabelled
date, page furniture), symbols, dates, HS/ICS, members and objectives as notified.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from stdlink.tbt.classify import codes, dates, members, objectives, symbols
from stdlink.tbt.parsers import TbtParseError, parse_bytes, parse_pasted, parse_path

FORMS = Path(__file__).parent / "variant_forms"


def _one(name, reference):
    [n] = parse_path(FORMS / name, reference=reference)
    return n


def _dates(n):
    return {k: (v.iso(), v.precision, v.rule) for k, v in n.dates.items()}


# -- whole forms -----------------------------------------------------------------------------


def test_wto_pdf_layout(reference):
    """The English form as the WTO PDF gives it: unlabelled date, job number and page lines,
    sub-lines of items 1 and 2, article ticks without a colon, labels broken over two lines."""
    n = _one("wto_pdf_layout.en.txt", reference)
    assert (n.symbol, n.kind, n.text_language) == ("G/TBT/N/USA/9001", "new", "en")
    assert n.distribution_date == "14 October 2025"
    assert n.member == "UNITED STATES OF AMERICA" and [m.iso3 for m in n.members] == ["USA"]
    assert n.agency == "Consumer Product Safety Commission (CPSC)"
    assert n.article.startswith("2.9.2 [X]")
    assert n.products_text.startswith("Portable computers and toys; HS 8471.30; ex 9503")
    assert n.hs_codes == ["8471.30", "9503"]
    assert [(h.hs4, h.hs6) for h in n.hs] == [("8471", "847130"), ("9503", None)]
    assert n.ics_codes == ["13.220.20", "91.060.10"]
    assert n.title == "Safety Standard for Portable Computers (12 page(s), in English)"
    assert n.language == "English"
    assert n.description.startswith("The proposed rule") and "- 2 -" not in n.description
    assert "G/TBT/N/USA/9001" not in n.description  # the symbol repeated at a page top
    assert n.objectives == ["health_safety", "deceptive_practices", "other"]
    assert n.related_symbols == ["G/TBT/N/USA/1917/Corr.1"]
    assert n.proposed_adoption_date == "To be determined"
    assert n.proposed_entry_into_force == "between 1 Jan 2026 and 1 Jul 2026"
    assert n.comment_deadline == "Sixty days from notification"
    assert _dates(n) == {
        "distribution": ("2025-10-14", "day", None),
        "proposed_adoption": (None, None, None),
        "proposed_entry_into_force": ("2026-01-01", "day", None),
        "comment_deadline": ("2025-12-13", "day", "distribution+60d"),
    }
    assert n.dates["proposed_entry_into_force"].text == "between 1 Jan 2026 and 1 Jul 2026"


def test_chinese_site_label_variants(reference):
    """（1）numbering, 通报方/主管机构/所涉产品/内容摘要/拟采用日期/提意见截止日期, a labelled
    full-width symbol, item 7's label broken after a comma, "HS 编码" with a space."""
    n = _one("cn_site_labels.zh.txt", reference)
    assert (n.symbol, n.kind, n.base_symbol) == (
        "G/TBT/N/EU/9002/Rev.1",
        "revision",
        "G/TBT/N/EU/9002",
    )
    assert n.member == "欧洲联盟" and [m.iso3 for m in n.members] == ["EU"]
    assert n.agency == "欧盟委员会" and n.article == "2.9.2"
    assert (n.products_text, n.hs_codes, n.ics_codes) == (
        "家用电器",
        ["8516.71", "8516.79"],
        ["97.040.50"],
    )
    assert (n.title, n.language) == ("关于家用电器生态设计要求的委员会条例草案", "英文")
    assert n.description == "本条例草案规定了家用电器的生态设计要求。"
    assert n.objective == "保护人类健康或安全；环境保护；防止欺诈行为"
    assert n.objectives == ["health_safety", "environment", "deceptive_practices"]
    assert n.related_symbols == ["G/TBT/N/EU/9002"]
    assert (n.proposed_adoption_date, n.comment_deadline) == ("2025年10月", "通报后90天")
    assert _dates(n) == {
        "distribution": ("2025-10-14", "day", None),
        "proposed_adoption": ("2025-10-01", "month", None),
        "proposed_entry_into_force": ("2026-01-01", "day", None),
        "comment_deadline": ("2026-01-12", "day", "distribution+90d"),
    }


def test_gulf_joint_notification(reference):
    """Six symbols in the header (comma-joined and one a line), "Item n:" numbering, formal
    member names, an HS chapter in words."""
    n = _one("gulf_joint.en.txt", reference)
    assert n.symbol == "G/TBT/N/ARE/9003"
    assert n.related_symbols == [
        "G/TBT/N/BHR/9004",
        "G/TBT/N/KWT/9005",
        "G/TBT/N/OMN/9006",
        "G/TBT/N/QAT/9007",
        "G/TBT/N/SAU/9008",
    ]
    assert [m.iso3 for m in n.members] == ["ARE", "BHR", "KWT", "OMN", "QAT", "SAU"]
    assert n.agency == "GCC Standardization Organization (GSO)"
    assert n.hs_codes == ["6403", "6404", "61"]
    assert [h.hs2 for h in n.hs] == ["64", "64", "61"]
    assert (n.title, n.language) == (
        "Gulf technical regulation on textile products labelling (10 page(s), in Arabic)",
        "Arabic",
    )
    assert n.objectives == ["consumer_information", "deceptive_practices"]
    assert n.proposed_adoption_date == "N/A" and n.dates["proposed_adoption"].date is None
    assert _dates(n)["proposed_entry_into_force"] == ("2026-01-01", "day", None)
    assert _dates(n)["comment_deadline"] == ("2025-12-13", "day", "distribution+60d")


def test_traditional_script_form(reference):
    """Traditional labels (通報成員, 所涉產品, 擬採用日期 …), "1 ." numbering, a lower-case symbol."""
    n = _one("traditional.zh.txt", reference)
    assert (n.symbol, n.text_language) == ("G/TBT/N/TPKM/9009", "zh")
    assert n.member == "中華台北" and [m.iso3 for m in n.members] == ["TWN"]
    assert n.agency == "經濟部標準檢驗局"
    assert (n.products_text, n.hs_codes) == ("鞋類", ["6403", "6404"])
    assert (n.title, n.language) == ("鞋類商品檢驗規定草案", "中文")
    assert n.objectives == ["health_safety"]
    assert (n.proposed_adoption_date, n.proposed_entry_into_force) == ("待定", "不適用")
    assert _dates(n)["comment_deadline"] == ("2025-12-13", "day", "distribution+60d")


def test_english_free_text_addendum(reference):
    """An addendum as the WTO issues it: header words NOTIFICATION then Addendum, cover note,
    rule line, "Title:", ticked reasons; the member comes from the cover note."""
    n = _one("addendum_free_text.en.txt", reference)
    assert (n.kind, n.kind_number, n.base_symbol) == ("addendum", 1, "G/TBT/N/KEN/9010")
    assert n.kind_label == "Addendum" and n.distribution_date == "14 October 2025"
    assert n.member == "Kenya" and [m.iso3 for m in n.members] == ["KEN"]
    assert n.title == "Draft Kenya Standard DKS 2900:2025, Edible vegetable oils — Specification"
    assert "_____" not in n.description and "Addendum\n" not in n.description
    assert n.addendum_reasons == ["adopted"] and n.stage == "adopted"


def test_chinese_free_text_corrigendum(reference):
    n = _one("corrigendum_free_text.zh.txt", reference)
    assert (n.kind, n.base_symbol, n.member) == ("corrigendum", "G/TBT/N/USA/9011", "美国")
    assert n.related_symbols == ["G/TBT/N/USA/9011"]
    assert n.dates["comment_deadline"].iso() == "2025-12-15"
    assert "comment_period" in n.addendum_reasons


# -- item numbering and labels ---------------------------------------------------------------

ZH = (
    "G/TBT/N/CHN/9100\n分发日期：2025年1月10日\n通报\n"
    "{1}通报成员：中国\n{2}负责机构：国家市场监督管理总局\n{4}覆盖的产品：玩具 HS编码：9503\n"
    "{5}通报标题：玩具安全（中文）\n{10}意见反馈截止日期：自通报之日起60天\n"
)
EN = (
    "G/TBT/N/USA/9100\nDistribution date: 10 January 2025\nNOTIFICATION\n"
    "{1}Notifying Member{c}United States\n{2}Agency responsible{c}CPSC\n"
    "{4}Products covered{c}Toys; HS 9503\n{5}Title{c}Toy safety (English)\n"
    "{10}Final date for comments{c}60 days from notification\n"
)


@pytest.mark.parametrize(
    "template, number, colon",
    [
        (ZH, "{}. ", ""),
        (ZH, "{}、", ""),
        (ZH, "{} . ", ""),
        (ZH, "（{}）", ""),
        (ZH, "({}) ", ""),
        (ZH, "{}．", ""),
        (ZH, "{})", ""),
        (ZH, "第{}项 ", ""),
        (ZH, "[{}] ", ""),
        (ZH, "", ""),  # pasted without numbers
        (EN, "{}. ", ": "),
        (EN, "Item {}: ", ": "),
        (EN, "Item {}. ", ": "),
        (EN, "{}.\t", "："),  # full-width colon
        (EN, "{}. ", " : "),
        (EN, "{}.  ", ":"),
    ],
)
def test_item_numbering_and_punctuation(template, number, colon, reference):
    text = template.replace("{c}", colon)
    for k in ("10", "1", "2", "4", "5"):
        text = text.replace("{" + k + "}", number.format(k))
    [n] = parse_pasted(text.replace("\u3000", " "), reference=reference)
    assert n.member in ("中国", "United States") and len(n.members) == 1
    assert n.agency in ("国家市场监督管理总局", "CPSC")
    assert n.hs_codes == ["9503"] and n.title in ("玩具安全", "Toy safety")
    assert n.dates["comment_deadline"].iso() == "2025-03-11"


def test_full_width_spaces_and_number_alone_on_its_line(reference):
    text = (
        "G/TBT/N/CHN/9101\n分发日期：2025年1月10日\n1.\n通报成员：\u3000中国\n"
        "２．\u3000负责机构：\u3000国家市场监督管理总局\n5.\n通报标题：玩具安全（中文）\n"
    )
    [n] = parse_pasted(text, reference=reference)
    assert (n.member, n.agency, n.title) == ("中国", "国家市场监督管理总局", "玩具安全")


@pytest.mark.parametrize(
    "label, field, value",
    [
        ("通报方", "member", "美国"),
        ("通报成员国", "member", "美国"),
        ("主管机构", "agency", "某机构"),
        ("负责部门", "agency", "某机构"),
        ("所涉产品", "products_text", "玩具"),
        ("涵盖的产品", "products_text", "玩具"),
        ("内容摘要", "description", "正文"),
        ("拟采用日期", "proposed_adoption_date", "2026年1月1日"),
        ("拟通过日期", "proposed_adoption_date", "2026年1月1日"),
        ("拟生效日期", "proposed_entry_into_force", "2026年1月1日"),
        ("提意见截止日期", "comment_deadline", "2026年1月1日"),
        ("评议截止日期", "comment_deadline", "2026年1月1日"),
        ("意见截止日期", "comment_deadline", "2026年1月1日"),
    ],
)
def test_chinese_label_variants(label, field, value, reference):
    member = "" if field == "member" else "1. 通报成员：美国\n"
    text = f"G/TBT/N/USA/9102\n分发日期：2025-10-14\n{member}{label}：{value}\n"
    if field == "member":
        text = f"G/TBT/N/USA/9102\n分发日期：2025-10-14\n1. {label}：{value}\n"
    [n] = parse_pasted(text, reference=reference)
    assert getattr(n, field) == value


# -- symbols ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, symbol, kind, base",
    [
        (
            "G/TBT/N/EU/1234/Rev.1/Add.2",
            "G/TBT/N/EU/1234/Rev.1/Add.2",
            "addendum",
            "G/TBT/N/EU/1234/Rev.1",
        ),
        ("G/TBT/N/USA/1917/Corr.1", "G/TBT/N/USA/1917/Corr.1", "corrigendum", "G/TBT/N/USA/1917"),
        ("G / TBT / N / USA / 1917 / Corr. 1", "G/TBT/N/USA/1917/Corr.1", "corrigendum", None),
        ("G／TBT／N／USA／1917／Add．1", "G/TBT/N/USA/1917/Add.1", "addendum", None),
        ("Ｇ/ＴＢＴ/Ｎ/ＣＨＮ/２０", "G/TBT/N/CHN/20", "new", None),
        ("g/tbt/n/eu/12/rev.1", "G/TBT/N/EU/12/Rev.1", "revision", "G/TBT/N/EU/12"),
    ],
)
def test_symbol_spellings(text, symbol, kind, base):
    s = symbols.parse_symbol(text)
    assert (s.symbol, s.kind) == (symbol, kind)
    if base:
        assert s.base == base


@pytest.mark.parametrize(
    "header, symbol, related",
    [
        ("g/tbt/n/usa/1917/corr.1", "G/TBT/N/USA/1917/Corr.1", []),
        ("G／TBT／N／USA／1917", "G/TBT/N/USA/1917", []),
        ("文件编号：G/TBT/N/CHN/20", "G/TBT/N/CHN/20", []),
        (
            "G/TBT/N/BDI/189, G/TBT/N/KEN/1170, G/TBT/N/RWA/700 and G/TBT/N/UGA/1500",
            "G/TBT/N/BDI/189",
            ["G/TBT/N/KEN/1170", "G/TBT/N/RWA/700", "G/TBT/N/UGA/1500"],
        ),
        ("G/TBT/N/BDI/189/Add.1；G/TBT/N/KEN/1170/Add.1", "G/TBT/N/BDI/189/Add.1", None),
    ],
)
def test_header_symbol_lines(header, symbol, related, reference):
    [n] = parse_pasted(f"{header}\n1. Notifying Member: Kenya\n", reference=reference)
    assert n.symbol == symbol
    if related is not None:
        assert n.related_symbols == related
    else:
        assert n.related_symbols == ["G/TBT/N/KEN/1170/Add.1"]


def test_joint_eac_header_adds_members(reference):
    text = "G/TBT/N/KEN/9200, G/TBT/N/UGA/9201, G/TBT/N/RWA/9202\n1. Notifying Member: Kenya\n"
    [n] = parse_pasted(text, reference=reference)
    assert [m.iso3 for m in n.members] == ["KEN", "UGA", "RWA"]


# -- dates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw, iso, precision, text",
    [
        ("2025-10-14", "2025-10-14", "day", None),
        ("14 October 2025", "2025-10-14", "day", None),
        ("October 14, 2025", "2025-10-14", "day", None),
        ("Oct. 14, 2025", "2025-10-14", "day", None),
        ("14-Oct-2025", "2025-10-14", "day", None),
        ("14.10.2025", "2025-10-14", "day", None),
        ("2025.10.14", "2025-10-14", "day", None),
        ("2025年10月14号", "2025-10-14", "day", None),
        ("２０２５年１０月１４日", "2025-10-14", "day", None),
        ("2025年10月", "2025-10-01", "month", None),
        ("to be determined", None, None, "to be determined"),
        ("N/A", None, None, "N/A"),
        ("不适用", None, None, "不适用"),
        (
            "between 1 Jan 2026 and 1 Jul 2026",
            "2026-01-01",
            "day",
            "between 1 Jan 2026 and 1 Jul 2026",
        ),
        ("从2026年1月1日至2026年7月1日", "2026-01-01", "day", "从2026年1月1日至2026年7月1日"),
        ("2026年1月1日至2026年7月1日", "2026-01-01", "day", "至2026年7月1日"),
    ],
)
def test_date_spellings(raw, iso, precision, text):
    v = dates.parse_date(raw)
    assert (v.iso(), v.precision, v.text) == (iso, precision, text)


@pytest.mark.parametrize(
    "text", ["to be determined", "To be determined.", "N/A", "TBD", "Not yet determined", "待定。"]
)
def test_undetermined(text):
    assert dates.is_undetermined(text)


@pytest.mark.parametrize(
    "raw, iso, rule",
    [
        ("60 days from notification", "2025-12-13", "distribution+60d"),
        ("60 days after distribution", "2025-12-13", "distribution+60d"),
        ("自通报之日起60天", "2025-12-13", "distribution+60d"),
        ("通报后90天", "2026-01-12", "distribution+90d"),
        ("Sixty days from notification", "2025-12-13", "distribution+60d"),
        ("Sixty (60) days from the date of notification", "2025-12-13", "distribution+60d"),
        ("自通报之日起六十天内", "2025-12-13", "distribution+60d"),
        ("通报后两个月", "2025-12-14", "distribution+2m"),
        ("8 weeks after notification", "2025-12-09", "distribution+56d"),
        ("to be determined", None, None),
        ("6 months after publication", None, None),
    ],
)
def test_relative_comment_deadlines(raw, iso, rule):
    v = dates.comment_deadline(raw, date(2025, 10, 14))
    assert (v.iso(), v.rule) == (iso, rule)


# -- HS and ICS ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "products, hs, ics",
    [
        ("HS 8471.30", ["8471.30"], []),
        ("HS: 8516.71; 8516.79", ["8516.71", "8516.79"], []),
        ("Toys, ex 9503", ["9503"], []),
        ("HS: ex 9503.00; ex 9504", ["9503.00", "9504"], []),
        ("鞋类 HS 编码：6403、6404", ["6403", "6404"], []),
        ("鞋類 HS 編碼：6403、6404", ["6403", "6404"], []),
        ("Laptops 8471300000", ["8471300000"], []),
        ("HS Code: 8516.71.00.00", ["8516.71.00.00"], []),
        ("Knitted apparel (Chapter 61)", ["61"], []),
        ("Apparel, HS Chapters 61 and 62", ["61", "62"], []),
        ("针织服装（第61章）", ["61"], []),
        ("服装 HS第61至63章", ["61", "62", "63"], []),
        ("Goods conforming to Chapter 3 of the Regulation", [], []),
        ("Equipment. ICS: 13.220.20; 91.060.10", [], ["13.220.20", "91.060.10"]),
        ("Toys (ICS 97.190)", [], ["97.190"]),
        ("HS 8471.30 ICS 35.160", ["8471.30"], ["35.160"]),
        ("服装 HS编码：第61章", ["61"], []),
    ],
)
def test_hs_and_ics_spellings(products, hs, ics):
    rest, hs_field, ics_field = codes.split_trailing_fields(products)
    got_hs = codes.hs_field(hs_field) or codes.hs_from_text(rest) or codes.hs_bare(rest)
    got_ics = codes.ics_field(ics_field) or codes.ics_from_text(rest)
    assert (got_hs, got_ics) == (hs, ics)


def test_chapter_and_tariff_line_normalised():
    [ch] = codes.normalise_hs("61")
    assert (ch.hs2, ch.hs4, ch.hs6) == ("61", None, None)
    [line] = codes.normalise_hs("8471300000")
    assert (line.hs2, line.hs4, line.hs6) == ("84", "8471", "847130")


# -- members ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("美國", ["USA"]),
        ("大韓民國", ["KOR"]),
        ("歐洲聯盟", ["EU"]),
        ("The European Union", ["EU"]),
        ("United States of America", ["USA"]),
        ("Korea, Republic of", ["KOR"]),
        ("Chinese Taipei", ["TWN"]),
        ("中華台北", ["TWN"]),
        ("Türkiye", ["TUR"]),
        ("Turkey", ["TUR"]),
        ("The Philippines", ["PHL"]),
        ("Arab Republic of Egypt", ["EGY"]),
        ("越南社会主义共和国", ["VNM"]),
        ("Kenya, Uganda, Rwanda, Burundi, United Republic of Tanzania",
         ["KEN", "UGA", "RWA", "BDI", "TZA"]),
        ("Kingdom of Bahrain, State of Kuwait, Sultanate of Oman",
         ["BHR", "KWT", "OMN"]),
        ("沙特阿拉伯王国、阿拉伯联合酋长国、巴林王国、阿曼苏丹国、卡塔尔国、科威特国",
         ["SAU", "ARE", "BHR", "OMN", "QAT", "KWT"]),
    ],
)  # fmt: skip
def test_member_spellings(text, iso3, reference):
    assert [m.iso3 for m in members.resolve(text, reference)] == iso3


# -- objectives ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, found",
    [
        ("protection of human health or safety", ["health_safety"]),
        ("保护人类健康或安全", ["health_safety"]),
        ("防止欺诈行为", ["deceptive_practices"]),
        ("prevention of deceptive practices", ["deceptive_practices"]),
        ("环境保护", ["environment"]),
        (
            "Protection of human health or safety, protection of the environment, prevention of "
            "deceptive practices",
            ["health_safety", "environment", "deceptive_practices"],
        ),
        ("Other: alignment with voluntary standards", ["other"]),
        ("其他：标准更新", ["other"]),
        ("保護人類健康或安全；環境保護", ["health_safety", "environment"]),
    ],
)
def test_objective_wordings(text, found):
    assert objectives.normalise(text) == found


# -- malformed variants -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, record, field",
    [
        # item 1 present but empty, followed by its sub-line
        (
            "G/TBT/N/USA/9300\nItem 1: Notifying Member:\n"
            "If applicable, name of local government involved (Article 3.2 and 7.2):\n"
            "Item 4: Products covered: toys\n",
            "G/TBT/N/USA/9300",
            "member",
        ),
        ("（1）通报方：\n（4）所涉产品：玩具\n", "", "symbol"),  # no symbol at all
        ("G／TBT／N／\n1. 通报成员：美国\n", "", "symbol"),  # a broken full-width symbol
        ("G/SPS/N/USA/9301, G/TBT/N/USA/9301\n1. 通报成员：美国\n", "G/SPS/N/USA/9301", "symbol"),
    ],
)
def test_malformed_variants_are_located(text, record, field):
    with pytest.raises(TbtParseError) as e:
        parse_bytes(text.encode(), "variant.txt")
    assert (e.value.source, e.value.record, e.value.field) == ("variant.txt", record, field)
    assert "variant.txt" in str(e.value) and f"field {field}" in str(e.value)
