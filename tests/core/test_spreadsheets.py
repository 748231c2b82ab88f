"""The one formula-injection rule shared by imports, forms and exports."""

import pytest

from stdlink.core.spreadsheets import is_formula, is_plain_number, safe_cell


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


def test_safe_cell_prefixes_formulas():
    assert safe_cell("=1+1") == "'=1+1"
    assert safe_cell("+86 571 8888") == "'+86 571 8888"
    assert safe_cell("浙江") == "浙江"
    assert safe_cell(7) == 7
