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
