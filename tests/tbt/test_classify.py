"""Table-driven tests of the Django-free classifiers (symbols, dates, codes, members, objectives,
standards) and the parsers' handling of malformed and hostile input."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest

from stdlink.tbt.classify import codes, dates, members, objectives, standards, symbols
from stdlink.tbt.parsers import TbtParseError, parse_bytes, parse_pasted


@pytest.mark.parametrize(
    "text, symbol, kind, number, base",
    [
        ("G/TBT/N/KEN/1170/Add.2", "G/TBT/N/KEN/1170/Add.2", "addendum", 2, "G/TBT/N/KEN/1170"),
        ("g/tbt/n/usa/1364/ADD.5", "G/TBT/N/USA/1364/Add.5", "addendum", 5, "G/TBT/N/USA/1364"),
        ("G/TBT/N/TTO/121/Rev.1", "G/TBT/N/TTO/121/Rev.1", "revision", 1, "G/TBT/N/TTO/121"),
        (
            "G/TBT/N/USA/2030/Corr.2",
            "G/TBT/N/USA/2030/Corr.2",
            "corrigendum",
            2,
            "G/TBT/N/USA/2030",
        ),
        ("G/TBT/N/EU/9/Suppl.1", "G/TBT/N/EU/9/Suppl.1", "supplement", 1, "G/TBT/N/EU/9"),
        (
            "G/TBT/N/USA/1364/Rev.1/Add.2",
            "G/TBT/N/USA/1364/Rev.1/Add.2",
            "addendum",
            2,
            "G/TBT/N/USA/1364/Rev.1",
        ),
        ("G/TBT/N/MEX/117补遗2", "G/TBT/N/MEX/117/Add.2", "addendum", 2, "G/TBT/N/MEX/117"),
        ("G / TBT / N / KEN / 0581", "G/TBT/N/KEN/581", "new", None, None),
        ("G/TBT/Notif.95.180", "G/TBT/Notif.95.180", "new", None, None),
    ],
)
def test_parse_symbol(text, symbol, kind, number, base):
    s = symbols.parse_symbol(text)
    assert (s.symbol, s.kind, s.number, s.base) == (symbol, kind, number, base)


@pytest.mark.parametrize(
    "text",
    [
        "G/SPS/N/TUR/9",
        "ISO 9001",
        "",
        "G/TBT/N/",
        "G/TBT/W/123",
        "G/TBT/N/KEN/1234567",
        "G/TBT/N/KEN/12X",
    ],
)
def test_not_a_tbt_symbol(text):
    assert symbols.parse_symbol(text) is None


def test_find_symbols_keeps_sps_and_order():
    assert symbols.find_symbols("G/SPS/N/TUR/9, G/SPS/N/TUR/12 and G/TBT/N/KEN/1170/add.2") == [
        "G/SPS/N/TUR/9",
        "G/SPS/N/TUR/12",
        "G/TBT/N/KEN/1170/Add.2",
    ]


@pytest.mark.parametrize(
    "raw, iso, precision, text",
    [
        ("2017/06/05", "2017-06-05", "day", None),
        ("22/04/2018", "2018-04-22", "day", None),
        ("2025年10月14日", "2025-10-14", "day", None),
        ("2020 年 02 月 05 日", "2020-02-05", "day", None),
        ("2023年6月", "2023-06-01", "month", None),
        ("2021/09/", "2021-09-01", "month", None),
        ("2011/12", "2011-12-01", "month", None),
        ("2017 September 06", "2017-09-06", "day", None),
        ("13 June 1995", "1995-06-13", "day", None),
        ("20th December 2024", "2024-12-20", "day", None),
        ("2025-11-26T00:00:00", "2025-11-26", "day", None),
        ("2000/04/25,作为强制性标准", "2000-04-25", "day", "作为强制性标准"),
        ("待定", None, None, "待定"),
        ("尚未确定", None, None, "尚未确定"),
        (
            "由内阁秘书和工业贸易与合作部宣布为强制标准之后",
            None,
            None,
            "由内阁秘书和工业贸易与合作部宣布为强制标准之后",
        ),
        ("2023-02-30", None, None, "2023-02-30"),
    ],
)
def test_parse_date(raw, iso, precision, text):
    v = dates.parse_date(raw)
    assert (v.iso(), v.precision, v.text) == (iso, precision, text)


@pytest.mark.parametrize(
    "raw, dist, iso, rule",
    [
        ("自通报之日起60天内", date(2023, 1, 4), "2023-03-05", "distribution+60d"),
        ("通报之后60天", date(2016, 3, 30), "2016-05-29", "distribution+60d"),
        ("自分发日期起60天", date(2012, 5, 25), "2012-07-24", "distribution+60d"),
        ("WTO秘书处分发后60天", date(2015, 10, 29), "2015-12-28", "distribution+60d"),
        ("60 days from notification", date(2024, 1, 1), "2024-03-01", "distribution+60d"),
        (
            "60 days after the date of circulation",
            date(2024, 1, 1),
            "2024-03-01",
            "distribution+60d",
        ),
        ("通報之后2個月", date(2018, 1, 31), "2018-03-31", "distribution+2m"),
        ("自2017年7月4日后90天", None, "2017-10-02", "date:2017-07-04+90d"),
        ("自通报之日起60天", None, None, "distribution+60d"),  # no distribution date: rule only
        ("批准后6个月", date(2024, 1, 1), None, None),  # relative to adoption: not computable
        ("2017/06/05", date(2017, 5, 23), "2017-06-05", None),
    ],
)
def test_comment_deadline(raw, dist, iso, rule):
    v = dates.comment_deadline(raw, dist)
    assert (v.iso(), v.rule) == (iso, rule)


@pytest.mark.parametrize(
    "products, text, hs, ics",
    [
        ("一般石油产品(ICS分类号:75.080)", "一般石油产品(ICS分类号:75.080)", [], ["75.080"]),
        ("茶(ICS67.140.10)。 HS编码：0902", "茶(ICS67.140.10)。", ["0902"], ["67.140.10"]),
        ("HS编码：8450 ICS编码：97.060", "", ["8450"], ["97.060"]),
        (
            "(HS code(s): 2505) ICS code(s): 91.100.15",
            "(HS code(s): 2505)",
            ["2505"],
            ["91.100.15"],
        ),
        (
            "楼梯地板。 ICS: 91.060.30, 91.100.15 HS: 68022, 68029, 681019",
            None,
            ["68022", "68029", "681019"],
            ["91.060.30", "91.100.15"],
        ),
        ("Toys (ICS 97.200.50), ICS 67.100.10", None, [], ["97.200.50", "67.100.10"]),
        ("空调机 (HS: 8415.10.8415.81,8415.82)", None, ["8415.10", "8415.81", "8415.82"], []),
        (
            "8504409010、8544420000及8536901000",
            None,
            ["8504409010", "8544420000", "8536901000"],
            [],
        ),
        ("SNI 8347:2016 bead wire, 2 tonnes", None, [], []),
        ("Mobile phone using E-UTRA technology; HS code 8517.13.00", None, ["8517.13.00"], []),
    ],
)
def test_products_codes(products, text, hs, ics):
    rest, hs_field, ics_field = codes.split_trailing_fields(products)
    if text is not None:
        assert rest == text
    got_hs = codes.hs_field(hs_field) or codes.hs_from_text(rest) or codes.hs_bare(rest)
    got_ics = codes.ics_field(ics_field) or codes.ics_from_text(rest)
    assert (got_hs, got_ics) == (hs, ics)


@pytest.mark.parametrize(
    "raw, digits, hs2, hs4, hs6",
    [
        ("95", ["95"], "95", None, None),
        ("20.09", ["2009"], "20", "2009", None),
        ("9503.0089", ["95030089"], "95", "9503", "950300"),
        ("2207.1000.00", ["2207100000"], "22", "2207", "220710"),
        ("8702.2092.8702.2093", ["87022092", "87022093"], "87", "8702", "870220"),
        ("271210", ["271210"], "27", "2712", "271210"),
    ],
)
def test_normalise_hs(raw, digits, hs2, hs4, hs6):
    out = codes.normalise_hs(raw)
    assert [h.digits for h in out] == digits
    assert (out[0].hs2, out[0].hs4, out[0].hs6) == (hs2, hs4, hs6)


def test_hs_inferred_from_ics_and_back(reference):
    some_ics, hs_list = next(iter(reference.ics_to_hs.items()))
    inferred = codes.infer_hs_from_ics([some_ics], reference.ics_to_hs)
    assert {h.hs6 for h in inferred} == set(hs_list)
    assert all(h.inferred and h.via == some_ics for h in inferred)
    back = codes.infer_ics_from_hs(codes.normalise_hs(hs_list[0]), reference.hs_to_ics)
    assert some_ics in {i.code for i in back} and all(i.inferred for i in back)


@pytest.mark.parametrize(
    "text, iso3",
    [
        ("欧盟", ["EU"]),
        ("欧洲联盟", ["EU"]),
        ("European Union", ["EU"]),
        ("台澎金马单独关税区", ["TWN"]),
        ("Chinese Taipei", ["TWN"]),
        ("印度尼西亞", ["IDN"]),
        ("阿拉伯联合酋长国", ["ARE"]),
        ("特立尼达和多巴哥", ["TTO"]),
        ("KENYA", ["KEN"]),
        ("United States of America", ["USA"]),
        ("Burundi, Kenya, Rwanda, Tanzania and Uganda", ["BDI", "KEN", "RWA", "TZA", "UGA"]),
        (
            "沙特阿拉伯、巴林、科威特、阿曼、卡塔尔和阿拉伯联合酋长国",
            ["SAU", "BHR", "KWT", "OMN", "QAT", "ARE"],
        ),
        ("BRAZIL/MERCOSUR", ["BRA"]),
    ],
)
def test_members(text, iso3, reference):
    assert [m.iso3 for m in members.resolve(text, reference)] == iso3


def test_member_falls_back_to_symbol_code(reference):
    assert [m.iso3 for m in members.resolve(None, reference, "TPKM")] == ["TWN"]
    assert [m.iso3 for m in members.resolve("", reference, "EEC")] == ["EU"]


def test_groups(reference):
    assert members.group_members("GCC", reference) == {"ARE", "BHR", "SAU", "OMN", "QAT", "KWT"}
    bri = members.group_members("BRI", reference)
    assert "KEN" in bri and "USA" not in bri and "ITA" not in bri  # Italy left in 2023
    assert members.groups_named("BRAZIL/MERCOSUR") == ["MERCOSUR"]


@pytest.mark.parametrize(
    "text, codes_",
    [
        (
            "Protection of human health or safety (TBT); Quality requirements (TBT)",
            ["health_safety", "quality"],
        ),
        (
            "消费者信息、标签;防止欺诈行为和保护消费者;质量要求;减少贸易壁垒、促进贸易",
            ["consumer_information", "deceptive_practices", "quality", "trade_facilitation"],
        ),
        (
            "防止欺诈,保护消费者利益[ ] 保护人类健康和安全[X] 保护动物或植物的生命和安全[ ] 保护环境[ ] 质量要求[X]",
            ["health_safety", "quality"],
        ),
        (
            "保護消費者安全;提高產品質量;制定公平貿易規則",
            ["health_safety", "deceptive_practices", "quality", "trade_facilitation"],
        ),
        ("Protection of animal or plant life or health (TBT)", ["animal_plant"]),
        ("Safety.", ["health_safety"]),
        ("", []),
    ],
)
def test_objectives(text, codes_):
    assert objectives.normalise(text) == codes_


@pytest.mark.parametrize(
    "text, found",
    [
        (
            "ISO 10993-5, EN 71-3, IEC 62368-1:2023 and GB 4806",
            ["ISO 10993-5", "EN 71-3", "IEC 62368-1:2023", "GB 4806"],
        ),
        ("the Draft East African Standard, DEAS 126:2021, Petroleum jelly", ["DEAS 126:2021"]),
        ("Draft Mexican Official Standard NOM-101-SCTI-1994, Single Mode", ["NOM-101-SCTI-1994"]),
        ("ASTM F2933-21《婴儿床垫消费者安全标准规范》", ["ASTM F2933-21"]),
        ("US 150 bags of 25 kg", []),
    ],
)
def test_cited_standards(text, found):
    assert [c.raw for c in standards.find_standards(text)] == found


def test_cited_standard_parsed_by_pubid():
    [c] = standards.find_standards("IEC 62368-1:2023")
    assert c.parsed and c.work_key == "IEC62368-1"


# -- malformed and hostile input -----------------------------------------------------------


def test_empty_input_is_rejected():
    with pytest.raises(TbtParseError) as e:
        parse_bytes(b"   \n", "empty.txt")
    assert e.value.source == "empty.txt" and e.value.field == "file"


def test_binary_input_is_rejected():
    with pytest.raises(TbtParseError) as e:
        parse_bytes(bytes(range(256)) * 4, "blob.bin")
    assert "unsupported file type" in str(e.value)


def test_oversized_input_is_rejected():
    from stdlink.tbt.parsers import MAX_BYTES

    with pytest.raises(TbtParseError, match="too large"):
        parse_bytes(b"a" * (MAX_BYTES + 1), "big.txt")


def test_non_tbt_symbol_is_rejected():
    text = "WORLD TRADE ORGANIZATION\nG/SPS/N/CAN/197/Add.1\nNOTIFICATION\n1. Notifying Member: Canada\n"
    with pytest.raises(TbtParseError) as e:
        parse_pasted(text)
    assert e.value.field == "symbol" and "G/SPS/N/CAN/197/Add.1" in str(e.value)


def test_form_without_symbol_is_rejected():
    with pytest.raises(TbtParseError, match="no TBT notification symbol"):
        parse_pasted("1. 通报成员：美国\n2. 负责机构：\n")


def test_form_without_member_is_rejected():
    text = "G/TBT/N/USA/9999\n1. Notifying Member: \n4. Products covered: toys\n"
    with pytest.raises(TbtParseError) as e:
        parse_pasted(text)
    assert (e.value.record, e.value.field) == ("G/TBT/N/USA/9999", "member")


def test_pasted_english_form_with_relative_deadline(reference):
    text = (
        "G/TBT/N/VNM/298\nDistribution date: 27 May 2024\nNOTIFICATION\n"
        "1. Notifying Member: Viet Nam\n4. Products covered: Mobile phone; HS code 8517.13.00\n"
        "5. Title: Draft National technical regulation on SAR (12 pages, in Vietnamese) (Vietnamese)\n"
        "7. Objective and rationale: Protection of human health or safety\n"
        "10. Final date for comments: 60 days from notification\n"
    )
    [n] = parse_pasted(text, reference=reference)
    assert [m.iso3 for m in n.members] == ["VNM"]
    assert n.language == "Vietnamese" and n.title.endswith("(12 pages, in Vietnamese)")
    assert [h.hs6 for h in n.hs] == ["851713"]
    assert n.dates["comment_deadline"].iso() == "2024-07-26"


def test_several_pasted_forms_give_several_records(reference):
    one = "世界贸易组织\nG/TBT/N/CHN/1\n通报\n1. 通报成员：中国\n"
    two = "世界贸易组织\nG/TBT/N/CHN/2\n通报\n1. 通报成员：中国\n"
    assert [n.symbol for n in parse_pasted(one + two, reference=reference)] == [
        "G/TBT/N/CHN/1",
        "G/TBT/N/CHN/2",
    ]


def test_docx_and_html_forms(reference, tbt_dev):
    import docx

    text = (tbt_dev / "forms" / "G_TBT_N_TPKM_568.zh.txt").read_text(encoding="utf-8")
    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    [from_docx] = parse_bytes(buf.getvalue(), "form.docx", reference=reference)
    html = (
        "<html><body>"
        + "".join(f"<p>{ln}</p>" for ln in text.splitlines())
        + "<script>alert(1)</script></body></html>"
    )
    [from_html] = parse_bytes(html.encode(), "form.html", reference=reference)
    [from_txt] = parse_bytes(text.encode(), "form.txt", reference=reference)
    for n in (from_docx, from_html):
        assert (n.symbol, n.member, n.hs_codes, n.comment_deadline, n.title) == (
            from_txt.symbol,
            from_txt.member,
            from_txt.hs_codes,
            from_txt.comment_deadline,
            from_txt.title,
        )
    assert "alert" not in (from_html.description or "")


def test_eping_json_comma_joined_symbols(reference):
    doc = {
        "items": [
            {
                "id": 123,
                "documentSymbol": "G/TBT/N/BDI/189, G/TBT/N/KEN/1170",
                "area": "TBT",
                "notifyingMember": "Burundi, Kenya",
                "title": "<p>DEAS 126:2021, Petroleum jelly</p>",
                "productsFreeText": "Petroleum jelly (ICS 71.100.70)",
                "hsCodes": ["271210"],
                "objectives": [{"name": "Quality requirements"}],
                "distributionDate": "2021-06-01T00:00:00",
                "commentDeadlineDate": "2021-07-31T00:00:00",
                "isOpenForComments": False,
            },
            {"id": 5, "documentSymbol": "G/SPS/N/CAN/1", "area": "SPS"},
        ],
        "totalCount": 2,
    }
    recs = parse_bytes(json.dumps(doc).encode(), "eping.json", reference=reference)
    assert [r.symbol for r in recs] == ["G/TBT/N/BDI/189", "G/TBT/N/KEN/1170"]
    assert recs[0].related_symbols == ["G/TBT/N/KEN/1170"] and recs[0].external_id == "123"
    assert recs[1].title == "DEAS 126:2021, Petroleum jelly"
    assert [m.iso3 for m in recs[1].members] == ["BDI", "KEN"]
    assert recs[1].dates["comment_deadline"].iso() == "2021-07-31"
    assert recs[1].ics_codes == ["71.100.70"] and recs[1].objectives == ["quality"]


@pytest.mark.parametrize(
    "payload, field",
    [
        (b'{"items": "x"}', "items"),
        (b'{"foo": 1}', "items"),
        (b'{"items": [{"id": 1}]}', "documentSymbol"),
        (b'{"items": [', "file"),
    ],
)
def test_eping_json_malformed(payload, field):
    with pytest.raises(TbtParseError) as e:
        parse_bytes(payload, "bad.json")
    assert e.value.field == field


def test_excel_without_header_or_symbol():
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["foo", "bar"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(TbtParseError, match="no ePing header"):
        parse_bytes(buf.getvalue(), "x.xlsx")
    wb = openpyxl.Workbook()
    wb.active.append(["Notifying Member", "Document symbol"])
    wb.active.append(["Kenya", None])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(TbtParseError) as e:
        parse_bytes(buf.getvalue(), "x.xlsx")
    assert (e.value.record, e.value.field) == ("sheet 'Sheet', row 2", "Document symbol")


TABLE_ROWS = [
    ("1. 通报成员", "美国"),
    ("2. 负责机构", "消费品安全委员会(CPSC)"),
    ("4. 覆盖的产品", "儿童玩具 HS编码：9503.00"),
    ("5. 通报标题，页数和使用语言", "玩具安全标准（英语）"),
    ("7. 目的和理由", "保护人类健康或安全"),
    ("10. 意见反馈截止日期", "自通报之日起60天"),
]


def _check_table_form(n):
    assert n.symbol == "G/TBT/N/USA/2222" and n.member == "美国"
    assert (n.title, n.language, n.hs_codes) == ("玩具安全标准", "英语", ["9503.00"])
    assert n.dates["comment_deadline"].iso() == "2025-03-02"


def test_html_table_form_without_colons(reference):
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td></tr>" for a, b in TABLE_ROWS)
    html = (
        "<html><body><p>世界贸易组织</p><p>G/TBT/N/USA/2222</p><p>分发日期：2025-01-01</p>"
        f"<table>{rows}</table></body></html>"
    )
    [n] = parse_bytes(html.encode(), "site.html", reference=reference)
    _check_table_form(n)


def test_docx_table_form(reference):
    import docx

    d = docx.Document()
    for line in ("世界贸易组织", "G/TBT/N/USA/2222", "分发日期：2025-01-01", "通报"):
        d.add_paragraph(line)
    table = d.add_table(rows=len(TABLE_ROWS), cols=2)
    for i, (a, b) in enumerate(TABLE_ROWS):
        table.cell(i, 0).text, table.cell(i, 1).text = a, b
    buf = io.BytesIO()
    d.save(buf)
    [n] = parse_bytes(buf.getvalue(), "form.docx", reference=reference)
    _check_table_form(n)
