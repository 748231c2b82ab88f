"""Programme fixtures: a unit in region A (杭州, 西湖区) and one in region B (宁波), with one record of
every type each, built through the ORM (the services are tested separately)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from stdlink.programme.uscc import check_char

MONTH = dt.date(2021, 3, 1)


def uscc(seed: int) -> str:
    body = f"91330{seed:012d}"[:17]
    return body + check_char(body)


@dataclass
class World:
    unit_a: object
    unit_b: object
    records_a: dict
    records_b: dict


def make_records(unit, tag: str) -> dict:
    from stdlink.catalog.models import Body
    from stdlink.core.models import Region
    from stdlink.programme.models import (
        Achievement,
        Contact,
        Designation,
        Expert,
        ExpertRegistration,
        GroupStandardTranslation,
        MonthlyReport,
        Programme,
        Project,
        Secretariat,
        Survey,
    )

    iso = Body.objects.get(code="ISO")
    city = unit.region.city()
    rec = {
        "contacts": Contact.objects.create(unit=unit, name=f"联系人{tag}", mobile="13800000000"),
        "surveys": Survey.objects.create(
            unit=unit,
            month=MONTH,
            unit_name=unit.name,
            contact="张三",
            mobile="13900000000",
            email="a@example.com",
            proposed_standards=f"标准{tag}",
        ),
        "achievements": Achievement.objects.create(
            unit=unit,
            month=MONTH,
            unit_name=unit.name,
            contact="李四",
            mobile="13700000000",
            email="b@example.com",
            results=f"成果{tag}",
        ),
        "projects": Project.objects.create(
            unit=unit, title=f"项目{tag}", body=iso, committee_code="ISO/TC 321"
        ),
        "secretariats": Secretariat.objects.create(
            unit=unit,
            kind="sc",
            body=iso,
            committee_code=f"ISO/TC 34/SC {tag}",
            established_on=dt.date(2021, 5, 1),
        ),
        "experts": Expert.objects.create(unit=unit, name=f"专家{tag}"),
        "translations": GroupStandardTranslation.objects.create(
            unit=unit,
            code=f"T/ZZB {tag}-2021",
            title_zh="标准",
            title_translated="Standard",
            published_on=dt.date(2021, 6, 1),
        ),
        "designations": Designation.objects.create(
            unit=unit, kind="pilot", year=2021, criteria_note="拟提出国际标准提案"
        ),
        "reports": MonthlyReport.objects.create(
            region=Region.objects.get(pk=city.pk),
            month=MONTH,
            programme=Programme.objects.get(code="zj-intl-2020-2022"),
        ),
    }
    rec["unit"] = unit
    ExpertRegistration.objects.create(
        expert=rec["experts"],
        body=iso,
        committee_code="ISO/TC 321",
        registered_on=dt.date(2020, 8, 1),
    )
    rec["units"] = unit
    return rec


@pytest.fixture
def world(personas) -> World:
    from stdlink.core.models import Region
    from stdlink.programme.models import Unit

    unit_a = Unit.objects.create(
        name="杭州甲公司",
        kind="enterprise",
        uscc=uscc(1),
        region=Region.objects.get(code="330106"),
        address="杭州市西湖区",
    )
    unit_b = Unit.objects.create(
        name="宁波乙公司", kind="enterprise", uscc=uscc(2), region=Region.objects.get(code="330212")
    )
    return World(unit_a, unit_b, make_records(unit_a, "A"), make_records(unit_b, "B"))


def unit_user(username: str, unit):
    """A unit user (role scope "unit") acting for `unit`."""
    from stdlink.core.models import Membership
    from tests.conftest import make_user

    user = make_user(username, "unit_user", unit.region.code)
    Membership.objects.filter(user=user).update(unit_id=unit.pk)
    return user
