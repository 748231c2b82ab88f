"""Progress is computed from records: hand-checked fixtures against every seed-000 metric, the
Annex 4 split, and targets without a data source."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from stdlink.catalog.models import Body
from stdlink.programme.metrics import progress
from stdlink.programme.models import (
    Designation,
    Expert,
    ExpertRegistration,
    GroupStandardTranslation,
    Project,
    Secretariat,
    Target,
)

D = dt.date


@pytest.fixture
def records(world):
    """Beyond `world` (whose records count too): a hand-made set with known answers."""
    iso = Body.objects.get(code="ISO")
    a, b = world.unit_a, world.unit_b
    # Published lead projects: A 2 in period + 1 before the plan + 1 participant; B 1.
    for unit, role, published in [
        (a, "lead", D(2021, 5, 1)),
        (a, "lead", D(2022, 12, 31)),
        (a, "lead", D(2019, 1, 1)),
        (a, "participant", D(2021, 1, 1)),
        (b, "lead", D(2022, 1, 1)),
        (b, "lead", D(2023, 1, 2)),
    ]:
        Project.objects.create(
            unit=unit, title="p", body=iso, role=role, stage="published", published_on=published
        )
    # Translations: world has one each (2021-06); add a second language of A's (same standard).
    GroupStandardTranslation.objects.create(
        unit=a,
        code="T/ZZB A-2021",
        language="fr",
        title_zh="x",
        title_translated="y",
        published_on=D(2021, 7, 1),
    )
    # Secretariats: world has one SC each in 2021; a pre-plan TC and a convenorship don't count.
    Secretariat.objects.create(
        unit=a, kind="tc", body=iso, committee_code="ISO/TC 321", established_on=D(2016, 9, 1)
    )
    Secretariat.objects.create(
        unit=a,
        kind="convenor",
        body=iso,
        committee_code="ISO/TC 1/WG 1",
        established_on=D(2021, 9, 1),
    )
    # Designations: world has a pilot each (2021); A also demonstration 2020 and 2023 (outside).
    Designation.objects.create(unit=a, kind="demonstration", year=2020, criteria_note="x")
    Designation.objects.create(unit=a, kind="cultivation", year=2023, criteria_note="x")
    # Experts: world has one each registered 2020-08; one registered first in 2019 doesn't count.
    old = Expert.objects.create(unit=a, name="老专家")
    ExpertRegistration.objects.create(expert=old, body=iso, registered_on=D(2019, 3, 1))
    ExpertRegistration.objects.create(expert=old, body=iso, registered_on=D(2020, 9, 1))
    return world


def _actual(code: str) -> int | None:
    return progress(Target.objects.get(programme__code="zj-intl-2020-2022", code=code)).actual


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("A1", 3),  # A: 2021-05, 2022-12-31; B: 2022-01
        ("A1-330100", 2),  # Annex 4 split: Hangzhou
        ("A1-330200", 1),  # Ningbo
        ("A1-330300", 0),  # Wenzhou
        ("A2", 2),  # two distinct group standards (A has two languages of one)
        ("A3", 2),  # the two SC secretariats of 2021
        ("A4", 1),
        ("A5", 2),
        ("A6", 0),
        ("A7", 2),  # registered 2020-08 (A, B); the 2019 expert is not new
    ],
)
def test_progress_figures(records, code, expected):
    assert _actual(code) == expected


def test_every_seed000_number_is_a_target(db):
    targets = {t.code: t for t in Target.objects.filter(programme__code="zj-intl-2020-2022")}
    assert [int(targets[c].value) for c in ["A1", "A2", "A3", "A4", "A5", "A6", "A7"]] == [
        40,
        100,
        2,
        50,
        100,
        10,
        20,
    ]
    split = {t.region.name_zh: int(t.value) for t in targets.values() if t.region_id}
    assert split == {
        "杭州市": 16,
        "宁波市": 6,
        "温州市": 3,
        "湖州市": 2,
        "嘉兴市": 2,
        "绍兴市": 2,
        "金华市": 4,
        "衢州市": 1,
        "舟山市": 1,
        "台州市": 2,
        "丽水市": 1,
    }
    assert sum(split.values()) == 40
    assert targets["A7"].deadline == D(2020, 12, 31)


def test_seed003_targets_and_missing_sources(db):
    targets = {t.code: t for t in Target.objects.filter(programme__code="zj-pilot-2023-2025")}
    assert int(targets["B3"].value) == 30 and targets["B3"].metric == "projects_published"
    assert targets["B8"].comparator == "lte" and int(targets["B8"].value) == 15
    p = progress(targets["B4"])
    assert p.actual is None and not p.has_source


def test_new_programme_needs_no_code(db):
    from stdlink.programme.models import Programme

    prog = Programme.objects.create(
        code="later", name_zh="后续计划", start=D(2026, 1, 1), end=D(2027, 12, 31)
    )
    t = Target.objects.create(
        programme=prog,
        code="X1",
        description_zh="主导国际标准",
        value=5,
        deadline=D(2027, 12, 31),
        metric="projects_led_published",
    )
    assert progress(t).actual == 0 and progress(t).has_source


def test_dashboard_public_and_officer(client, records, personas):
    page = client.get(reverse("programme:dashboard"))
    assert page.status_code == 200
    body = page.content.decode()
    assert 'id="city-chart-data"' in body and "chart.umd.min.js" in body
    assert "调查摸底" in body and "总结提高" in body
    assert page.context["overdue"] is None  # the public sees aggregates only
    assert 'id="target-A1"' in body
    overall = {p.target.code: p.actual for p in page.context["overall"]}
    assert overall["A1"] == 3
    client.force_login(personas.editor_a)
    page = client.get(reverse("programme:dashboard"))
    cities = {c.code for c, _m, _d, _r in page.context["overdue"]}
    assert cities == {"330100"}
    page = client.get(reverse("programme:dashboard") + "?programme=zj-pilot-2023-2025")
    assert "no data source yet" in page.content.decode() or "暂无数据来源" in page.content.decode()
