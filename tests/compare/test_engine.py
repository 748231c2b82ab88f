"""The comparison engine without Django: segmentation, indicators, units, judgement, alignment, the dev pair."""

from __future__ import annotations

import io
import json

import pytest

from stdlink.compare.engine import (
    CompareInputError,
    compare_texts,
    extract_text,
    result_json,
    segment,
    units,
)
from stdlink.compare.engine.align import align
from stdlink.compare.engine.indicators import extract
from stdlink.compare.engine.judge import compare_indicators, judge


@pytest.mark.parametrize(
    "text, numbers, kinds",
    [
        (
            "1 范围\n本文件规定了要求。\n2 规范性引用文件\nGB 1\n3 术语和定义\n3.1\n甲\n4 要求\n4.1 甲醛\n应不大于20 mg/kg。",
            ["1", "2", "3", "3.1", "4", "4.1"],
            ["scope", "normative_references", "terms", "terms", "requirement", "requirement"],
        ),
        # full-width digits and the ideographic space
        (
            "１　范围\nX\n３　要求\n３．１　甲醛含量\n甲醛含量应不大于２０ mg/kg。",
            ["1", "3", "3.1"],
            ["scope", "requirement", "requirement"],
        ),
        ("第1章 范围\nX\n第5章 技术要求\n产品应符合规定。", ["1", "5"], ["scope", "requirement"]),
        (
            "Foreword\nThis is a foreword.\n1 Scope\nX\n5 Requirements\n5.1 Lead\nshall not exceed 90 mg/kg\n"
            "Annex A (informative)\nA.1 Guidance\nText",
            ["", "1", "5", "5.1", "A", "A.1"],
            [
                "foreword",
                "scope",
                "requirement",
                "requirement",
                "annex_informative",
                "annex_informative",
            ],
        ),
        (
            "1 范围\nX\n附录A\n（规范性）\n补充要求\nA.1 标签\n应有标签。",
            ["1", "A", "A.1"],
            ["scope", "requirement", "requirement"],
        ),
        (
            "6 Test methods\n6.1 The test voltage shall be 1 250 V.",
            ["6", "6.1"],
            ["test_method", "test_method"],
        ),
        (
            "0 引言\n说明\n1 范围\nX\n附录A\n（规范性）\n试验方法\nA.1 试验电压\n试验电压为1250 V。",
            ["0", "1", "A", "A.1"],
            ["introduction", "scope", "test_method", "test_method"],
        ),
    ],
)
def test_segmentation(text, numbers, kinds):
    doc = segment(text)
    assert [c.number for c in doc.clauses if c.kind != "front_matter"] == numbers
    assert [c.kind for c in doc.clauses if c.kind != "front_matter"] == kinds


def test_segmentation_keeps_notes_tables_and_body_lines_with_the_clause():
    doc = segment(
        "1 Scope\nX\n4 Requirements\n4.1 Cords\nNo cords in the hood.\nNOTE 1 A note.\nTable 1\tLimit\n"
        "20 mg/kg applies to the yarn\n4.2 Lead\nshall not exceed 90 mg/kg"
    )
    cords = doc.by_number("4.1")
    assert cords.title == "Cords"
    assert cords.notes == ["NOTE 1 A note."]
    assert "Table 1\tLimit" in cords.lines and "20 mg/kg applies to the yarn" in cords.lines
    assert doc.by_number("4.2").text == "shall not exceed 90 mg/kg"


def test_a_lead_in_of_a_parent_clause_is_no_row():
    from stdlink.compare.engine.compare import _comparable

    doc = segment(
        "1 范围\nX\n4 要求\n4.1 化学要求\n玩具应符合4.1.1和4.1.2的规定。\n4.1.1 铅\n铅含量不大于90 mg/kg。\n"
        "4.1.2 镉\n镉含量不大于75 mg/kg。\n4.2 标签\n应有中文标签。"
    )
    assert [c.number for c, _ in _comparable(doc)] == ["4.1.1", "4.1.2", "4.2"]


@pytest.mark.parametrize(
    "text, row",
    [
        ("玩具应符合4.2～4.8的规定。", False),
        ("The toy shall comply with 4.2 to 4.8.", False),
        ("Garments shall meet the limits given in Table 1.", False),
        ("产品应符合GB 18401的规定。", True),  # another standard: a requirement
        ("头部和颈部不应有任何绳带。", True),
    ],
)
def test_a_pointer_to_the_documents_own_clauses_is_no_row(text, row):
    from stdlink.compare.engine.segment import Clause, is_comparable

    assert is_comparable(Clause("4.1", "", "requirement", 2, [text]), False) is row


@pytest.mark.parametrize(
    "line, title, body",
    [
        ("5.1 甲醛含量：应不大于20 mg/kg。", "甲醛含量", "应不大于20 mg/kg。"),
        (
            "5.1 Formaldehyde — The content shall not exceed 20 mg/kg.",
            "Formaldehyde",
            "The content shall not exceed 20 mg/kg.",
        ),
        ("5.1 甲醛含量应不大于20 mg/kg。", "", "甲醛含量应不大于20 mg/kg。"),
        ("5.1 Formaldehyde", "Formaldehyde", ""),
    ],
)
def test_heading_and_text_on_one_line(line, title, body):
    clause = segment("1 Scope\nX\n5 Requirements\n" + line).by_number("5.1")
    assert (clause.title, clause.text) == (title, body)


def test_table_rows_take_the_unit_of_their_header_cell():
    got = [
        (i.quantity, i.comparator, i.value, i.unit)
        for i in extract(
            "项目\t要求\n甲醛含量/(mg/kg)\t≤\t16\n耐水色牢度/级\t≥\t3-4\nFormaldehyde (mg/kg)\tmax. 20"
        )
    ]
    assert got == [
        ("甲醛含量", "max", 16.0, "mg/kg"),
        ("耐水色牢度", "min", 3.5, "grade"),
        ("Formaldehyde", "max", 20.0, "mg/kg"),
    ]


def test_a_number_at_line_start_that_cannot_follow_is_body_text():
    doc = segment("1 Scope\nX\n2 Requirements\n2.1 Mass\n250 g per piece\n2.2 Size\n12 cm\n")
    assert [c.number for c in doc.clauses if c.number] == ["1", "2", "2.1", "2.2"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("甲醛含量应不大于16 mg/kg。", [("max", 16.0, "mg/kg")]),
        ("含量不超过 0.1 %", [("max", 0.1, "%")]),
        ("≤ 75 mg/kg", [("max", 75.0, "mg/kg")]),
        ("shall not exceed 20 mg/kg", [("max", 20.0, "mg/kg")]),
        ("at most 5 mm", [("max", 5.0, "mm")]),
        ("maximum 30 min", [("max", 30.0, "min")]),
        ("5 ppm max.", [("max", 5.0, "ppm")]),
        ("16 mg/kg以下", [("max", 16.0, "mg/kg")]),
        ("应不小于 150 N", [("min", 150.0, "N")]),
        ("不低于3-4级", [("min", 3.5, "grade")]),
        ("≥ 10 000 次", [("min", 10000.0, "times")]),
        ("at least grade 4", [("min", 4.0, "grade")]),
        ("minimum 2 kV", [("min", 2.0, "kV")]),
        ("not less than 50 kPa", [("min", 50.0, "kPa")]),
        ("pH值应在4.0～7.5之间", [("range", [4.0, 7.5], "")]),
        ("between 4.0 and 7.5", [("range", [4.0, 7.5], "")]),
        ("在-3.0%～+2.0%之间", [("range", [-3.0, 2.0], "%")]),
        ("within -5 % and +3 %", [("range", [-5.0, 3.0], "%")]),
        ("应为±3%", [("range", [-3.0, 3.0], "%")]),
        ("100 mm ± 5 mm", [("range", [95.0, 105.0], "mm")]),
        ("温度在20 ℃至25 ℃之间", [("range", [20.0, 25.0], "°C")]),
        ("试验电压应为1250 V，持续1 min", [("eq", 1250.0, "V"), ("eq", 1.0, "min")]),
        ("不大于１６ｍｇ／ｋｇ", [("max", 16.0, "mg/kg")]),
        ("应不大于 0.5 毫克/千克", [("max", 0.5, "mg/kg")]),
        ("温度不高于 40 摄氏度", [("max", 40.0, "°C")]),
        ("拉力不小于 70 牛", [("min", 70.0, "N")]),
        ("甲醛含量按GB/T 2912.1—2009测定。", []),
        ("应符合表1和5.2的规定。", []),
        ("2024-03-01 实施", []),
        ("试验温度(23±2)℃", [("range", [21.0, 25.0], "°C")]),
        ("溶出量应不大于0.5 mg/dm²", [("max", 0.5, "mg/dm²")]),
        (
            "shall not exceed 90 mg/kg and 75 mg/kg respectively",
            [("max", 90.0, "mg/kg"), ("max", 75.0, "mg/kg")],
        ),
        ("铅、镉应分别不大于90 mg/kg、75 mg/kg", [("max", 90.0, "mg/kg"), ("max", 75.0, "mg/kg")]),
        ("up to and including 36 months", [("max", 36.0, "month")]),
        ("不得检出", [("max", 0.0, "")]),
        ("Ra shall not be less than 80.", [("min", 80.0, "")]),
        ("shall not be more than 20 mg/kg", [("max", 20.0, "mg/kg")]),
        ("A limit of 20 mg/kg shall not be exceeded.", [("max", 20.0, "mg/kg")]),
        ("含量≯0.5%", [("max", 0.5, "%")]),
        ("铅含量≤90 mg·kg⁻¹", [("max", 90.0, "mg/kg")]),
        ("含量不大于 2 mg·L⁻¹", [("max", 2.0, "mg/L")]),
        ("shall not exceed 0.1 per cent", [("max", 0.1, "%")]),
        ("应在24 h内完成", [("max", 24.0, "h")]),
        ("shall be completed within 24 h", [("max", 24.0, "h")]),
        ("应为3级或以上", [("min", 3.0, "grade")]),
        ("grade 4 or higher", [("min", 4.0, "grade")]),
        ("噪声不宜大于60 dB", [("max", 60.0, "dB")]),
        ("The lamp shall withstand 7 500 switching cycles.", [("eq", 7500.0, "times")]),
        # scientific notation, full-width digits, superscript units and exponents
        ("菌落总数应≤1×10³ CFU/g", [("max", 1000.0, "CFU/g")]),
        ("Yeasts and moulds: 10^2 CFU/g max.", [("max", 100.0, "CFU/g")]),
        ("not more than 1.0E+03 CFU/g", [("max", 1000.0, "CFU/g")]),
        ("shall withstand 1×10⁵ cycles", [("eq", 100000.0, "times")]),
        ("镉不超过０．２ mg/kg", [("max", 0.2, "mg/kg")]),
        ("The volume loss shall not exceed 250 mm³.", [("max", 250.0, "mm³")]),
        ("Aflatoxin B1 shall not exceed 5 ppb.", [("max", 5.0, "ppb")]),
        # a basis after the unit, a mass per 100 g, a compound unit with a product dot
        ("Moisture content: 15.0 % m/m max.", [("max", 15.0, "%")]),
        ("水分含量应不大于14.5 g/100g", [("max", 14.5, "g/100g")]),
        ("maximum concentration 1 g/100 g", [("max", 1.0, "g/100g")]),
        ("not less than 0.037 MΩ·km", [("min", 0.037, "km·MΩ")]),
        # "不" + modal + comparative is a word of its own (少于 alone is a strict maximum)
        ("长度不应少于5 mm", [("min", 5.0, "mm")]),
        ("次数不得多于3次", [("max", 3.0, "times")]),
        ("偏差不得超出5 mm", [("max", 5.0, "mm")]),
        ("not to exceed 5 mm", [("max", 5.0, "mm")]),
        ("经4万次屈挠后应无裂纹", [("eq", 40000.0, "times")]),
    ],
)
def test_indicator_extraction(text, expected):
    got = [(i.comparator, i.value, i.unit) for i in extract(text)]
    assert got == expected


def test_a_unit_word_pint_does_not_know_is_unknown_not_a_crash():
    units.UNIT_WORDS["zz_unknown"] = "zz_not_a_pint_unit"
    try:
        assert units.pint_units("zz_unknown") is None
        assert units.dimension("zz_unknown") == "unknown:zz_unknown"
    finally:
        del units.UNIT_WORDS["zz_unknown"]
        units.pint_units.cache_clear()


def test_a_limit_of_detection_qualifies_not_detected():
    (nil,) = extract("马拉硫磷不得检出（检出限0.01 mg/kg）。")
    assert nil.nil and nil.lod == 0.01 and nil.unit == "mg/kg"
    (nil,) = extract("Chromium VI shall not be detected (limit of detection 3 mg/kg).")
    assert nil.nil and nil.lod == 3.0


def test_not_detected_with_limits_of_detection():
    (a,) = extract("不得检出（检出限 0.01 mg/kg）")
    (b,) = extract("shall not be detected (LOD 50 µg/kg)")
    assert compare_indicators(a, b)[0] == "stricter"
    assert compare_indicators(b, a)[0] == "looser"


def test_limits_thousands_of_times_apart_are_not_compared():
    """mg/m³ (chamber air) against mg/L (desiccator water): pint converts them, the judgement
    does not."""
    (a,) = extract("甲醛释放量0.050 mg/m³以下")
    (b,) = extract("shall not exceed 1.5 mg/L")
    relation, reason = compare_indicators(a, b)
    assert relation == "different" and "orders of magnitude" in reason


def test_strict_and_severity_flags():
    (lt,) = extract("shall release less than 0.5 µg/cm² per week")
    assert lt.comparator == "max" and lt.strict and lt.unit == "µg/cm²/week"
    volt, dur = extract("The test voltage shall be 1 250 V for 60 s.")
    assert volt.severity and volt.value == 1250.0 and dur.severity and dur.unit == "s"


@pytest.mark.parametrize(
    "value, unit_from, unit_to, expected",
    [
        (20, "mg/kg", "ppm", 20.0),
        (1, "kV", "V", 1000.0),
        (2, "h", "min", 120.0),
        (3, "cm", "mm", 30.0),
        (100, "kPa", "bar", 1.0),
        (2, "毫克/千克", "mg/kg", 2.0),
        (1, "千伏", "伏", 1000.0),
        (1, "小时", "分钟", 60.0),
        (5, "ppb", "µg/kg", 5.0),
        (14.5, "g/100g", "%", 14.5),
        (0.6, "kN", "N", 600.0),
        (168, "h", "days", 7.0),
        (70, "N/cm", "N/mm", 7.0),
        (12.5, "MPa", "N/mm²", 12.5),
    ],
)
def test_unit_conversion(value, unit_from, unit_to, expected):
    assert units.comparable(unit_from, unit_to)
    assert units.convert(value, unit_from, unit_to) == pytest.approx(expected)


@pytest.mark.parametrize(
    "a, b, relation",
    [
        ("不大于16 mg/kg", "shall not exceed 20 mg/kg", "stricter"),
        ("不大于20 mg/kg", "shall not exceed 20 ppm", "equal"),
        ("不大于30 mg/kg", "shall not exceed 20 mg/kg", "looser"),
        ("不大于0.002 %", "shall not exceed 30 mg/kg", "stricter"),  # 20 mg/kg < 30 mg/kg
        ("不低于4级", "at least grade 3-4", "stricter"),
        ("不低于3级", "at least grade 3-4", "looser"),
        ("在4.0～7.5之间", "between 4.0 and 7.5", "equal"),
        ("在5.0～7.0之间", "between 4.0 and 7.5", "stricter"),
        ("在3.0～8.0之间", "between 4.0 and 7.5", "looser"),
        ("在3.0～7.0之间", "between 4.0 and 7.5", "different"),
        ("试验电压为3 kV", "The test voltage shall be 1 500 V", "stricter"),
        ("冲击能量为2 J", "impact energy shall be 5 J", "looser"),
        ("试验持续1 h", "duration shall be 60 min", "equal"),
        ("不大于20 mg/kg", "shall not exceed 20 mm", "different"),
        ("≤0.15 mg/kg", "not more than 0.2 ppm", "stricter"),
        ("不超过1.0%", "maximum concentration 1 g/100 g", "equal"),
        ("应在70 N/cm以上", "at least 4.0 N/mm", "stricter"),
        ("＜100 CFU/g", "10^2 CFU/g max.", "equal"),
        ("不大于10.0 mm", "shall not exceed 250 mm³", "different"),
        (
            "应小于20 mg/kg",
            "shall not exceed 20 mg/kg",
            "equal",
        ),  # boundary only: named, not judged
        ("拉力不小于90 N", "shall withstand a tension force of 70 N", "stricter"),
        ("邻苯二甲酸酯不得检出", "phthalates shall not exceed 0.1 %", "stricter"),
        ("铅不得检出", "Lead shall not be detectable", "equal"),
        ("不大于0.1 %", "shall not be detected", "looser"),
        ("pH值应在4.0～7.5之间", "pH shall not exceed 7.5", "stricter"),
        ("pH值应在4.0～8.0之间", "pH shall not exceed 7.5", "different"),
        ("不大于7.5", "pH between 4.0 and 7.5", "looser"),
        ("不小于 5 N", "between 4 N and 10 N", "different"),
        ("不低于4级", "The colour fastness shall be at least 4 (ISO 105-E01).", "equal"),
    ],
)
def test_judgement(a, b, relation):
    assert judge(extract(a), extract(b), meaning=0.5).relation == relation


def test_requirements_without_numbers_compare_by_meaning_and_need_a_person():
    same = judge([], [], meaning=0.9)
    other = judge([], [], meaning=0.1)
    assert (same.relation, same.needs_confirmation) == ("equal", True)
    assert (other.relation, other.needs_confirmation) == ("different", True)


def test_alignment_is_monotone_with_one_to_many_and_unmatched():
    score = [
        [0.9, 0.1, 0.1, 0.1],
        [0.1, 0.8, 0.75, 0.1],
        [0.1, 0.1, 0.1, 0.1],
    ]
    links = [(link.a, link.b) for link in align(score, 0.5)]
    assert links[:3] == [(0, 0), (1, 1), (1, 2)]
    assert set(links[3:]) == {(2, None), (None, 3)}


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty"),
        (b"   \n\t", "empty"),
        (b"\x00\x01\x02binary\x00\xff" * 10, "binary"),
        (b"PK\x03\x04not really a zip", "unsupported"),
        (b"%PDF-1.4 broken", "unreadable"),
    ],
)
def test_extraction_errors(data, code):
    with pytest.raises(CompareInputError) as err:
        extract_text(data, "x.bin")
    assert err.value.code == code
    assert "x.bin" in str(err.value)


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_without_text_layer_is_refused_as_a_scan():
    with pytest.raises(CompareInputError) as err:
        extract_text(_blank_pdf(), "scan.pdf")
    assert err.value.code == "no_text" and "scan.pdf" in str(err.value)


def test_text_in_gb18030_and_docx_are_read(shared_data):
    zh = (shared_data / "compare-dev" / "textile.zh.txt").read_text(encoding="utf-8")
    assert extract_text(zh.encode("gb18030"), "a.txt") == zh
    import docx

    d = docx.Document()
    for line in zh.splitlines():
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    text = extract_text(buf.getvalue(), "a.docx")
    assert segment(text).by_number("3.1").text == "甲醛含量应不大于16 mg/kg。"


def test_dev_pair_end_to_end_matches_truth(shared_data):
    base = shared_data / "compare-dev"
    truth = json.loads((base / "textile.truth.json").read_text(encoding="utf-8"))
    result = result_json(
        compare_texts(
            (base / "textile.zh.txt").read_text(encoding="utf-8"),
            (base / "textile.en.txt").read_text(encoding="utf-8"),
        )
    )
    got = {(r["a"], r["b"], r["relation"]) for r in result["rows"]}
    expected = {(a, b, rel) for a, b, rel, _why in truth["pairs"]}
    assert got == expected
    assert result["summary"]["degree"] == "MOD"


def _text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica, ASCII), written by hand."""
    body = " ".join(
        "(" + line.replace("(", r"\(").replace(")", r"\)") + ") Tj T*" for line in lines
    )
    content = f"BT /F1 11 Tf 50 800 Td 14 TL {body} ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out


def test_a_pdf_with_a_text_layer_is_read():
    text = extract_text(
        _text_pdf(
            [
                "1 Scope",
                "This document covers toys.",
                "5 Requirements",
                "5.1 Lead",
                "Lead shall not exceed 90 mg/kg.",
            ]
        ),
        "spec.pdf",
    )
    clause = segment(text).by_number("5.1")
    assert (clause.title, clause.text) == ("Lead", "Lead shall not exceed 90 mg/kg.")
    assert [(i.comparator, i.value, i.unit) for i in extract(clause.text)] == [
        ("max", 90.0, "mg/kg")
    ]


def test_a_docx_table_stays_with_its_clause_row_by_row():
    import docx

    d = docx.Document()
    for line in [
        "1 范围",
        "本文件适用于针织服装。",
        "4 要求",
        "4.1 理化性能",
        "理化性能应符合表1的规定。",
    ]:
        d.add_paragraph(line)
    table = d.add_table(rows=0, cols=3)
    for cells in [("项目", "", "要求"), ("甲醛含量/(mg/kg)", "≤", "16"), ("pH值", "", "4.0～7.5")]:
        row = table.add_row().cells
        for cell, value in zip(row, cells, strict=True):
            cell.text = value
    d.add_paragraph("4.2 绳带")
    d.add_paragraph("头部和颈部不应有任何绳带。")
    buf = io.BytesIO()
    d.save(buf)
    doc = segment(extract_text(buf.getvalue(), "t.docx"))
    clause = doc.by_number("4.1")
    assert "甲醛含量/(mg/kg)\t≤\t16" in clause.lines
    got = [(i.quantity, i.comparator, i.value, i.unit) for i in extract(clause.text, clause.title)]
    assert got == [("甲醛含量", "max", 16.0, "mg/kg"), ("pH值", "range", [4.0, 7.5], "")]
    assert doc.by_number("4.2").text == "头部和颈部不应有任何绳带。"


def test_sentences_wrapped_across_lines_are_joined_but_items_and_rows_are_not():
    doc = segment(
        "1 范围\nX\n4 要求\n4.1 甲醛\n甲醛含量应不大于\n16 mg/kg。\n4.2 Lead\nThe lead content shall not\n"
        "exceed 90 mg/kg.\n4.3 列表\n应满足：\na) 铅不大于90 mg/kg；\nb) 镉不大于75 mg/kg。\n4.4 表\n项目\t要求\n甲醛\t≤\t20"
    )
    assert doc.by_number("4.1").text == "甲醛含量应不大于16 mg/kg。"
    assert doc.by_number("4.2").text == "The lead content shall not exceed 90 mg/kg."
    assert doc.by_number("4.3").lines == [
        "应满足：",
        "a) 铅不大于90 mg/kg；",
        "b) 镉不大于75 mg/kg。",
    ]
    assert doc.by_number("4.4").lines == ["项目\t要求", "甲醛\t≤\t20"]
    assert [(i.comparator, i.value) for i in extract(doc.by_number("4.1").text)] == [("max", 16.0)]
