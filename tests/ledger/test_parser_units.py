"""Table-driven tests of the parser's pieces: clean-up, numbering, clauses, deadlines, KPIs,
agency aliases, malformed input."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from stdlink.ledger.parser import PolicyParseError, parse_document, read_source
from stdlink.ledger.parser.agencies import default_registry
from stdlink.ledger.parser.clean import (
    clean_text,
    normalise_width,
    repair_broken_gloss,
    repair_gbk_shift,
    strip_pinyin_glosses,
)
from stdlink.ledger.parser.deadlines import find_deadlines
from stdlink.ledger.parser.kpi import find_kpis
from stdlink.ledger.parser.numerals import chinese_to_int
from stdlink.ledger.parser.responsibility import parse_clause
from stdlink.ledger.parser.structure import outline


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("發(fā)展", "發展"),
        ("關（guān）系", "關系"),
        ("業(yè)務(wù)", "業務"),
        ("國際標準化組織(ISO)", "國際標準化組織(ISO)"),  # not pinyin
        ("論壇(WP29)", "論壇(WP29)"),
        ("(二十一)拓展", "(二十一)拓展"),
        ("(ok)", "(ok)"),  # latin without a tone mark stays
    ],
)
def test_strip_pinyin_glosses(raw, expected):
    assert strip_pinyin_glosses(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("合作?!彩袌霰O(jiān)管總局", "合作。〔市場監(jiān)管總局"),
        ("水平?!矅野l(fā)展改革委", "水平。〔\u56c8發(fā)展改革委"),  # 國家 lost: 囈 (agency tests)
        ("活動?!步逃?、人力資源", "活動。〔教\ufffd、人力資源"),
        ("真的?!", "真的?!"),  # a real interrobang at the end is left alone
    ],
)
def test_repair_gbk_shift(raw, expected):
    assert repair_gbk_shift(raw) == expected


def test_repair_broken_gloss():
    assert repair_broken_gloss("深入?yún)⑴c碳達峰") == "深入參與碳達峰"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("市場監管總局(國家標準委)牽頭", "市场监管总局（国家标准委）牵头"),
        ("到 2022 年底，力争 40 项以上", "到2022年底，力争40项以上"),
        ("（责任单位:省质监局)", "（责任单位：省质监局）"),
        ("ISO/TC 321", "ISO/TC 321"),
        ("ＩＳＯ　１２３", "ISO 123"),
        ("# 标题\n**第一阶段**", "# 标题\n第一阶段"),
        ("4,000项", "4,000项"),
    ],
)
def test_clean_text(raw, expected):
    assert clean_text(raw) == expected


def test_normalise_width_is_idempotent():
    once = normalise_width("（责任单位:省质监局), 到 2020 年")
    assert normalise_width(once) == once


@pytest.mark.parametrize(
    ("numeral", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十一", 11),
        ("二十", 20),
        ("二十一", 21),
        ("三十五", 35),
        ("九十九", 99),
        ("一百零五", 105),
    ],
)
def test_chinese_numerals(numeral, value):
    assert chinese_to_int(numeral) == value


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        (
            "一、甲\n（一）乙\n1. 丙\n2. 丁\n（二）戊\n二、己",
            ["一.(一).1", "一.(一).2", "一.(二)", "二"],
        ),
        ("（二十一）甲。\n（二十二）乙。", ["(二十一)", "(二十二)"]),
        ("一、甲\n（1）乙\n（2）丙\n① 丁", ["一.(1)", "一.(2).①"]),
        ("第一阶段（2023年）\n甲\n第二阶段（2024年）\n乙", ["第一阶段", "第二阶段"]),
        # an out-of-sequence marker is text; annex lists end the body
        ("一、甲\n3. 不是编号\n二、乙\n附件：1. 名单\n2. 表", ["一", "二"]),
    ],
)
def test_outline_numbering(text, numbers):
    tree = outline(text)
    assert [".".join(n.label for n in leaf.path()) for leaf in tree.leaves()] == numbers


R = default_registry()
S = "市场监管总局（国家标准委）"


@pytest.mark.parametrize(
    ("content", "leads", "cos", "convention"),
    [
        (
            "科技部、市场监管总局（标准委）牵头，教育部、中科院等按职责分工负责",
            ["科技部", S],
            ["教育部", "中国科学院"],
            False,
        ),
        ("工业和信息化部、市场监管总局（标准委）等按职责分工负责", ["工业和信息化部"], [S], True),
        ("各有关部门按职责分工负责", [], ["各有关部门"], False),
        (
            "责任单位：省经信委、省科技厅、省质监局",
            ["省经信厅"],
            ["省科技厅", "省市场监管局"],
            True,
        ),
        (
            "牵头单位：省商务厅；配合单位：省发展改革委、杭州海关",
            ["省商务厅"],
            ["省发展改革委", "杭州海关"],
            False,
        ),
        ("由工信部牵头，商务部、海关总署配合", ["工业和信息化部"], ["商务部", "海关总署"], False),
        ("农业农村部等部门和地方人民政府按职责分工负责", ["农业农村部"], ["地方人民政府"], True),
        ("责任单位：省政府办公厅、省编办（省跑改办）", ["省政府办公厅"], ["省编办"], True),
        ("国家粮食和储备局、文化和旅游部负责", ["国家粮食和储备局"], ["文化和旅游部"], True),
        (
            "责任单位：各市、县（市、区）市场监管局、省市场监管局",
            [],
            ["各市、县（市、区）市场监管局", "省市场监管局"],
            True,
        ),
    ],
)
def test_parse_clause(content, leads, cos, convention):
    result = parse_clause(f"〔{content}〕", content, R)
    assert result.clause.leads == leads
    assert result.clause.cos == cos
    assert result.clause.lead_by_convention is convention
    assert result.unknown == []


def test_clause_inheritance_and_unknown():
    result = parse_clause("", "甲部、商务部按职责分工负责。以下均需地方人民政府负责，不再列出", R)
    assert result.inherited == ["地方人民政府"]
    assert result.clause.leads == ["甲部"] and result.clause.cos == ["商务部"]
    assert result.unknown == ["甲部"]  # kept, never dropped


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("市场监管总局(标准委)", S),
        ("市场监管总局（国家标准委）", S),
        ("市場監管總局(國家標準委)", S),
        ("国家标准委", S),
        ("工信部", "工业和信息化部"),
        ("工業和信息化部", "工业和信息化部"),
        ("國家發展改革委", "国家发展改革委"),
        ("卫生健康委", "国家卫生健康委"),
        ("衛生健康委", "国家卫生健康委"),
        ("应急部", "应急管理部"),
        ("中科院", "中国科学院"),
        ("省质监局", "省市场监管局"),
        ("省質監局", "省市场监管局"),
        ("浙江省市场监督管理局", "省市场监管局"),
        ("浙江省商务厅", "省商务厅"),
        ("省经信委", "省经信厅"),
        ("各有关部门和单位", "各有关部门"),
        ("教\ufffd", "教育部"),  # a character lost to an encoding artefact
        ("呓发展改革委", "国家发展改革委"),  # a garbled first character
    ],
)
def test_agency_aliases(name, canonical):
    assert R.lookup(name) == canonical


def test_unknown_agency_is_returned_as_written():
    assert R.resolve("省新设局") == ("省新设局", False)
    assert R.lookup("省科技") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("到2025年，建设", [("2025年", dt.date(2025, 12, 31), None, "by")]),
        ("明确2023年年底前重点工作", [("2023年年底前", dt.date(2023, 12, 31), None, "by")]),
        ("2022年底前完成", [("2022年底前", dt.date(2022, 12, 31), None, "by")]),
        (
            "调查摸底（2020年6月-9月）",
            [("2020年6月-9月", dt.date(2020, 9, 30), dt.date(2020, 6, 1), "period")],
        ),
        (
            "（2021年1月-2022年6月）",
            [("2021年1月-2022年6月", dt.date(2022, 6, 30), dt.date(2021, 1, 1), "period")],
        ),
        (
            "计划（2020年-2022年）",
            [("2020年-2022年", dt.date(2022, 12, 31), dt.date(2020, 1, 1), "period")],
        ),
        ("2024年6月底前", [("2024年6月底前", dt.date(2024, 6, 30), None, "by")]),
        ("2024年上半年", [("2024年上半年", dt.date(2024, 6, 30), None, "by")]),
        ("2023年6月30日前", [("2023年6月30日前", dt.date(2023, 6, 30), None, "by")]),
        ("（长期坚持）", [("长期坚持", None, None, "ongoing")]),
        ("完成时限：持续推进", [("持续推进", None, None, "ongoing")]),
        ("持续推进标准制度型开放", []),  # a verb, not a time limit
        ("《行动计划(2018-2020年)》", []),  # another document's title
        ("截至2019年，已累计", []),
        ("2022年7月6日", []),  # a signing date
    ],
)
def test_deadlines(text, expected):
    got = [(d.text, d.end, d.start, d.kind) for d in find_deadlines(clean_text(text))]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("实现国际标准转化率达到85%以上。", [("国际标准转化率", ">=", "85", "%")]),
        ("设立不少于50个国家标准验证点。", [("设立国家标准验证点", ">=", "50", "个")]),
        (
            "实现新立项国家标准平均制定周期缩短至18个月以内。",
            [("新立项国家标准平均制定周期", "<=", "18", "个月")],
        ),
        ("年交易额超过300项。", [("年交易额", ">", "300", "项")]),
        (
            "到2025年，累计发布“浙江制造”标准4,000项以上。",
            [("累计发布“浙江制造”标准", ">=", "4000", "项")],
        ),
        ("培养注册专家不超过20名。", [("培养注册专家", "<=", "20", "名")]),
        ("截至目前，已累计主导制定国际标准24项。", []),  # past figure
        ("2020年完成", []),
    ],
)
def test_kpis(text, expected):
    got = [(k.indicator, k.comparator, str(k.value), k.unit) for k in find_kpis(clean_text(text))]
    assert got == expected


def test_kpi_year_from_sentence():
    kpis = find_kpis("到2025年，建设试点20个以上。")
    assert kpis[0].year == 2025 and kpis[0].value == Decimal(20)


# ---------------------------------------------------------------- malformed input
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty"),
        ("   \n\t  ", "empty"),
        ("abc\x00\x01\x02def" * 10, "binary"),
        ("This is an English memo with no Chinese at all.", "no-chinese"),
        (
            "为贯彻落实有关要求，现就标准化工作提出意见。各地要高度重视，认真组织实施。",
            "no-numbering",
        ),
    ],
)
def test_malformed_text(text, code):
    with pytest.raises(PolicyParseError) as info:
        parse_document(text, source_name="bad.txt")
    assert info.value.code == code
    message = str(info.value)
    assert "bad.txt" in message and " / " in message  # located, bilingual


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\x00\x00garbage\x00", "binary"),
        (b"PK\x03\x04not-a-zip", "docx"),
    ],
)
def test_malformed_bytes(data, code):
    with pytest.raises(PolicyParseError) as info:
        read_source(data, "upload.bin")
    assert info.value.code == code


def test_read_source_gb18030_and_docx(tmp_path):
    text = "一、任务甲。〔商务部牵头，外交部按职责分工负责〕"
    assert read_source(text.encode("gb18030"), "a.txt") == text
    import docx

    document = docx.Document()
    document.add_paragraph("关于印发测试计划的通知")
    document.add_paragraph(text)
    path = tmp_path / "a.docx"
    document.save(path)
    parsed = parse_document(read_source(path.read_bytes(), "a.docx"), source_name="a.docx")
    assert parsed.title == "关于印发测试计划的通知"
    assert parsed.tasks[0].leads == ["商务部"] and parsed.tasks[0].cos == ["外交部"]


def test_to_dict_is_json_ready():
    import json

    doc = parse_document(
        "一、任务甲。到2025年国际标准转化率达到85%以上。〔商务部牵头，外交部按职责分工负责〕",
        source_name="x.txt",
    )
    data = json.loads(json.dumps(doc.to_dict()))
    assert data["tasks"][0]["lead"] == ["商务部"]
    assert data["tasks"][0]["deadline"]["end"] == "2025-12-31"
    assert data["kpis"][0]["value"] == "85"
