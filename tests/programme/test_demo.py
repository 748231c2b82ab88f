"""`stdlink demo` builds a marked data set across all 11 cities; re-running changes nothing;
`--clear` removes exactly the demo records."""

from __future__ import annotations

from stdlink.cli import main
from stdlink.programme.models import MonthlyReport, Project, Unit
from stdlink.programme.models.base import DEMO_PREFIX


def test_demo_create_idempotent_and_clear(db, capsys):
    real = Unit.objects.create(
        name="真实单位", kind="enterprise", uscc="91350100M000100Y43", region_id=1
    )
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "demo_province" in out and "password" in out
    units = Unit.objects.filter(is_demo=True)
    assert all(u.name.startswith(DEMO_PREFIX) for u in units)
    cities = {u.region.city().code for u in units}
    assert len(cities) == 11
    assert MonthlyReport.objects.filter(is_demo=True).values("region").distinct().count() == 11
    counts = (units.count(), Project.objects.count())
    assert main(["demo"]) == 0
    assert "already present" in capsys.readouterr().out
    assert (Unit.objects.filter(is_demo=True).count(), Project.objects.count()) == counts
    assert main(["demo", "--clear"]) == 0
    assert not Unit.objects.filter(is_demo=True).exists()
    assert not Project.objects.exists()
    assert Unit.objects.filter(pk=real.pk).exists()


def test_demo_show_users_prints_the_passwords_again(db, capsys, client):
    import re

    assert main(["demo"]) == 0
    first = dict(re.findall(r"(demo_\w+) \([^)]*\): password (\S+)", capsys.readouterr().out))
    assert set(first) >= {"demo_province", "demo_unit"}
    assert main(["demo", "--show-users"]) == 0
    again = dict(re.findall(r"(demo_\w+) \([^)]*\): password (\S+)", capsys.readouterr().out))
    assert again == first
    response = client.post(
        "/accounts/login/", {"username": "demo_province", "password": again["demo_province"]}
    )
    assert response.status_code == 302  # the printed password logs in

    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="demo_unit")
    user.set_password("changed-by-the-user")
    user.save()
    assert main(["demo", "--show-users"]) == 0
    out = capsys.readouterr().out
    assert "demo_unit" in out and "not shown" in out and "changed-by-the-user" not in out
    assert main(["demo", "--show-users", "--reset-passwords"]) == 0
    reset = dict(re.findall(r"(demo_\w+) \([^)]*\): password (\S+)", capsys.readouterr().out))
    assert reset["demo_unit"] == first["demo_unit"]
