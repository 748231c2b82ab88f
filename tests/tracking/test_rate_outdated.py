"""Conversion rate, outdated adoptions and gaps on a catalogue with known answers."""

from __future__ import annotations

import json

import pytest

from stdlink.tracking.gaps import gap_queryset
from stdlink.tracking.outdated import outdated_adoptions
from stdlink.tracking.rate import conversion_rate


def test_rate_all_current(small_catalogue):
    r = conversion_rate()
    # current base documents: ISO 1:2010, ISO 2:2015, ISO 3:2018, IEC 4:2019 (the amendment and
    # the replaced/withdrawn editions are not in the denominator); adopted IDT/MOD: ISO 1, ISO 2
    assert (r.total.numerator, r.total.denominator) == (2, 4)
    assert r.total.rate == 0.5
    assert r.total.adopted_current == 1  # only ISO 2:2015 is adopted in its current edition
    d = r.scope.describe()
    assert "IDT/MOD" in d["en"] and "current" in d["en"] and r.scope.as_of in d["zh"]


def test_rate_by_body(small_catalogue):
    groups = {g.key: (g.numerator, g.denominator) for g in conversion_rate(by="body").groups}
    assert groups == {"ISO": (2, 3), "IEC": (0, 1)}


def test_rate_neq_counts_when_asked(small_catalogue):
    r = conversion_rate(degrees=("IDT", "MOD", "NEQ"))
    assert (r.total.numerator, r.total.denominator) == (3, 4)


def test_rate_over_a_list(small_catalogue):
    r = conversion_rate(denominator="list", identifiers=["ISO 1", "ISO 3:2018", "IEC 4", "ISO 5"])
    # ISO 5 is only withdrawn: still a listed work (adopted IDT by YY/T 5)
    assert (r.total.numerator, r.total.denominator) == (2, 4)
    assert r.scope.list_size == 4


def test_rate_by_sector(small_catalogue):
    groups = {g.key: (g.numerator, g.denominator) for g in conversion_rate(by="sector").groups}
    assert groups == {"GB/T": (2, 3), "YY/T": (1, 1)}


def test_outdated(small_catalogue):
    rows = {r.domestic: r for r in outdated_adoptions()}
    assert set(rows) == {"GB/T 1-2005", "YY/T 5-2001"}
    r = rows["GB/T 1-2005"]
    assert (r.adopted, r.current, r.reason, r.years_behind) == (
        "ISO 1:2000",
        "ISO 1:2010",
        "newer_edition",
        10,
    )
    assert rows["YY/T 5-2001"].reason == "withdrawn"


def test_gaps(small_catalogue):
    assert sorted(s.identifier for s in gap_queryset()) == ["IEC 4:2019", "ISO 3:2018"]
    assert [s.identifier for s in gap_queryset(q="gizmo")] == ["IEC 4:2019"]


def test_cli_rate_and_outdated_json(small_catalogue, capsys):
    from stdlink.tracking import cli

    class A:
        by = "body"
        denominator = "all"
        list_file = None
        json = True

    assert cli.cmd_rate(A()) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"]["numerator"] == 2 and out["total"]["denominator"] == 4
    assert out["scope"]["degrees"] == ["IDT", "MOD"]

    class B:
        json = True

    assert cli.cmd_outdated(B()) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["domestic"] for r in rows} == {"GB/T 1-2005", "YY/T 5-2001"}


@pytest.mark.parametrize("by", ["ics", "committee", "body", "sector", ""])
def test_rate_pages_and_api(small_catalogue, client, by):
    resp = client.get("/tracking/", {"by": by})
    assert resp.status_code == 200
    assert "50.0 %" in resp.content.decode()
    api = client.get("/api/v1/tracking/rate", {"by": by})
    assert api.status_code == 200 and api.json()["total"]["rate"] == 0.5


def test_record_adoption_is_idempotent_and_audited(small_catalogue):
    from stdlink.core.models import AuditLog
    from stdlink.tracking.models import Adoption
    from stdlink.tracking.services import record_adoption

    n_audit = AuditLog.objects.filter(model="tracking.adoption").count()
    a = record_adoption(
        domestic=small_catalogue["gb2"],
        intl_identifier="ISO 2:2015",
        degree="MOD",
        source="entered",
    )
    assert Adoption.objects.filter(domestic=small_catalogue["gb2"]).count() == 1
    assert AuditLog.objects.filter(model="tracking.adoption").count() == n_audit  # nothing changed
    # an undated statement does not lose the edition; a statement without degree keeps MOD
    a = record_adoption(
        domestic=small_catalogue["gb2"], intl_identifier="ISO 2", degree=None, source="statement"
    )
    assert (a.intl_identifier, a.degree, a.dated) == ("ISO 2:2015", "MOD", True)
