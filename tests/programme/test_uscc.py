"""GB 32100-2015 check character, table-driven."""

from __future__ import annotations

import pytest

from stdlink.programme.uscc import is_valid, problem


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91350100M000100Y43", True),  # the standard's worked example
        ("913300007125582210", True),
        ("91110108551385082Q", True),
        ("91350100m000100y43", True),  # lower case is normalised
        ("91350100M000100Y44", False),  # wrong check character
        ("91350100M000100Y4", False),  # 17 characters
        ("91350100M000100Y433", False),  # 19 characters
        ("91350100I000100Y43", False),  # I is not in the character set
        ("91350100O000100Y43", False),  # O neither
        ("", False),
    ],
)
def test_uscc(code, valid):
    assert is_valid(code) is valid


def test_problem_names_expected_check_character():
    assert "expected 3" in problem("91350100M000100Y44")


def test_unit_form_rejects_bad_code(db):
    from stdlink.programme.forms import UnitForm

    form = UnitForm({"name": "x", "kind": "enterprise", "uscc": "91350100M000100Y44"})
    assert not form.is_valid()
    assert "uscc" in form.errors
