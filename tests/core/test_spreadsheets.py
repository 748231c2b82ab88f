"""The one formula-injection rule shared by imports, forms and exports."""

import pytest
from openpyxl import Workbook

from stdlink.core.spreadsheets import cell_text, is_formula, is_plain_number, refuses, text_cell


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ('=HYPERLINK("http://x")', True),
        ("+cmd|' /C calc'!A0", True),
        ("-2+3*cmd|'/C calc'!A0", True),
        ("@SUM(A1:A2)", True),
        ("  =1+1", True),
        ("\t=1", True),
        ("+86 571 8888 0000", True),  # strict: exports prefix it, imports decide per field
        ("-5", True),
        ("(0571) 8888-0000", False),
        ("浙江某某科技有限公司", False),
        ("ISO/TC 321", False),
        ("", False),
        (None, False),
        (42, False),
    ],
)
def test_is_formula(text, formula):
    assert is_formula(text) is formula


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("+86 571 8888 0000", True),
        ("-5", True),
        ("0571-88880000", True),
        ("+cmd|' /C calc'!A0", False),
        ("=1+1", False),
        ("@A1", False),
    ],
)
def test_is_plain_number(text, plain):
    assert is_plain_number(text) is plain


def test_text_cell_protects_formulas_without_changing_the_text():
    ws = Workbook().active
    cell = text_cell(ws, "=1+1")
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    assert text_cell(ws, "浙江") == "浙江"
    assert text_cell(ws, 7) == 7


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("'+86 571 8888", "+86 571 8888"),  # files written by earlier exports
        ("'=1+1", "=1+1"),
        ("'quoted", "'quoted"),
        (" 浙江 ", "浙江"),
        (12.0, "12"),
        (None, ""),
    ],
)
def test_cell_text(value, text):
    assert cell_text(value) == text


@pytest.mark.parametrize(
    ("field", "text", "refused"),
    [
        ("phone", "+86 571 8888 0000", False),
        ("fax", "-5", False),
        ("phone", "+cmd|' /C calc'!A0", True),
        ("name", "+86 571 8888 0000", True),
        ("name", "@SUM(A1)", True),
        ("name", "浙江", False),
    ],
)
def test_refuses(field, text, refused):
    assert refuses(field, text) is refused
