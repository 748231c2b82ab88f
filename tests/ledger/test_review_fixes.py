"""Regression tests for the review fixes: bracketed lists in agency names, formal 中华人民共和国
names, clean .docx errors, warnings naming the task path, and API filters that fail closed."""

from __future__ import annotations

import io

import openpyxl
import pytest

from stdlink.ledger.parser import PolicyParseError, parse_document, read_source
from stdlink.ledger.parser.agencies import default_registry
from stdlink.ledger.parser.responsibility import split_agencies


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("各市、县（市、区）人民政府", ["各市、县（市、区）人民政府"]),
        ("各市、县（市、区）人民政府、省商务厅", ["各市、县（市、区）人民政府", "省商务厅"]),
        ("省商务厅等部门和各市、县（市、区）人民政府", ["省商务厅", "各市、县（市、区）人民政府"]),
        (
            "省政府办公厅、省编办（省跑改办）、省发展改革委",
            ["省政府办公厅", "省编办（省跑改办）", "省发展改革委"],
        ),
    ],
)
def test_split_keeps_bracketed_lists(text, names):
    assert split_agencies(text, default_registry()) == names


def test_county_governments_clause():
    doc = parse_document(
        "一、加强领导\n（一）落实责任。（责任单位：各市、县（市、区）人民政府）\n"
        "（二）加强宣传。（责任单位：省市场监管局）",
        source_name="t",
    )
    first = doc.tasks[0]
    assert first.leads == [] and first.cos == ["各市、县（市、区）人民政府"]
    assert doc.unknown_agencies == []


def test_formal_state_name_prefix():
    assert default_registry().lookup("中华人民共和国商务部") == "商务部"


def test_xlsx_is_not_a_docx():
    wb = openpyxl.Workbook()
    out = io.BytesIO()
    wb.save(out)
    with pytest.raises(PolicyParseError) as exc:
        read_source(out.getvalue(), "plan.docx")
    assert exc.value.code == "docx" and "BytesIO" not in str(exc.value)
    assert "不是 Word" in exc.value.zh


def test_warning_names_task_path():
    doc = parse_document(
        "一、任务\n（一）甲。（责任单位：省商务厅）\n（二）乙。（责任单位：省科技厅）\n"
        "二、保障\n（一）丙。",
        source_name="t",
    )
    assert doc.warnings == ["二.(一) 未找到责任单位 / no responsible agency found"]


@pytest.mark.django_db
@pytest.mark.parametrize("params", [{"agency": 999999}, {"status": "bogus"}, {"role": "boss"}])
def test_api_task_filters_fail_closed(client, personas, params):
    client.force_login(personas.reader_a)
    response = client.get("/api/v1/ledger/tasks", params)
    assert response.status_code == 422
