"""`stdlink accounts ...`: listing by region and state, and changes through the audited services
acting as the operator's own account (the same permission checks as the pages)."""

from __future__ import annotations

import pytest

from stdlink.cli import main as stdlink_main
from stdlink.core.models import AuditLog

pytestmark = pytest.mark.django_db


def _lines(capsys) -> list[str]:
    return capsys.readouterr().out.splitlines()


def _names(lines: list[str]) -> set[str]:
    return {line.split()[0] for line in lines[:-1]}


def test_list_filters_by_region_and_state(personas, units, capsys):
    assert stdlink_main(["accounts", "list"]) == 0
    lines = _lines(capsys)
    assert {"editor_a", "reader_a", "user_b", "prov_admin", "unit_a"} <= _names(lines)
    assert lines[-1].startswith("共 ")
    assert stdlink_main(["accounts", "list", "--region", "330200"]) == 0
    assert _names(_lines(capsys)) == {"user_b"}
    assert stdlink_main(["accounts", "list", "--q", "unit_a"]) == 0
    unit_line = _lines(capsys)[0]
    assert f"unit_user@330100#unit{units.unit_a.pk}" in unit_line and "王小明" in unit_line

    personas.reader_a.is_active = False
    personas.reader_a.save()
    assert stdlink_main(["accounts", "list", "--inactive"]) == 0
    assert _names(_lines(capsys)) == {"reader_a"}
    assert stdlink_main(["accounts", "list", "--active", "--region", "330100"]) == 0
    assert _names(_lines(capsys)) == {"editor_a", "unit_a"}


def test_unknown_region_is_refused(db, capsys):
    assert stdlink_main(["accounts", "list", "--region", "999999"]) == 2
    assert "no such region" in capsys.readouterr().err


def test_province_deactivates_and_reactivates_through_the_audited_service(personas, capsys):
    args = ["user_b", "--as", "prov_admin"]
    assert stdlink_main(["accounts", "deactivate", *args]) == 0
    personas.user_b.refresh_from_db()
    assert not personas.user_b.is_active
    assert "deactivated: user_b" in capsys.readouterr().out
    assert stdlink_main(["accounts", "activate", *args]) == 0
    personas.user_b.refresh_from_db()
    assert personas.user_b.is_active
    entries = AuditLog.objects.filter(model="accounts.account", object_id=str(personas.user_b.pk))
    assert [(e.actor, e.note) for e in entries.order_by("id")] == [
        (personas.admin, "deactivate"),
        (personas.admin, "activate"),
    ]


def test_city_officer_may_not_change_an_officer_of_another_city(personas, capsys):
    assert stdlink_main(["accounts", "deactivate", "user_b", "--as", "editor_a"]) == 1
    assert "not allowed" in capsys.readouterr().err
    personas.user_b.refresh_from_db()
    assert personas.user_b.is_active
    assert not AuditLog.objects.filter(model="accounts.account").exists()


def test_city_officer_manages_the_unit_accounts_of_its_region(personas, units):
    assert stdlink_main(["accounts", "deactivate", "unit_a", "--as", "editor_a"]) == 0
    units.unit_user.refresh_from_db()
    assert not units.unit_user.is_active


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["deactivate", "user_b", "--as", "nobody"], 2, "no active operator account"),
        (["deactivate", "nobody", "--as", "prov_admin"], 1, "no such account"),
        (["deactivate", "prov_admin", "--as", "prov_admin"], 1, ""),  # not one's own account
    ],
)
def test_refusals(personas, capsys, argv, code, words):
    assert stdlink_main(["accounts", *argv]) == code
    assert words in capsys.readouterr().err
    personas.admin.refresh_from_db()
    assert personas.admin.is_active


def test_a_deactivated_operator_cannot_act(personas, capsys):
    personas.admin.is_active = False
    personas.admin.save()
    assert stdlink_main(["accounts", "deactivate", "user_b", "--as", "prov_admin"]) == 2
    personas.user_b.refresh_from_db()
    assert personas.user_b.is_active


def test_the_operator_is_required(db):
    with pytest.raises(SystemExit):
        stdlink_main(["accounts", "deactivate", "user_b"])


def test_reset_password_prints_a_one_time_password_once_and_audits_it(personas, capsys):
    assert stdlink_main(["accounts", "reset-password", "reader_a", "--as", "prov_admin"]) == 0
    password = capsys.readouterr().out.strip().rsplit(" ", 1)[-1]
    personas.reader_a.refresh_from_db()
    assert personas.reader_a.check_password(password)
    entry = AuditLog.objects.get(model="accounts.account", note="password reset")
    assert entry.actor == personas.admin and password not in str(entry.after)
