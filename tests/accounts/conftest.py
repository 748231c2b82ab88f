"""Accounts fixtures: the personas plus a unit in each city and a unit user in Hangzhou."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from stdlink.programme.uscc import check_char
from tests.conftest import make_user


def uscc(seed: int, region: str = "330100") -> str:
    body = f"91{region}{seed:09d}"
    return body + check_char(body)


@pytest.fixture(autouse=True)
def queue(immediate_queue):
    """Every test here runs queued jobs at once (tests/conftest.py immediate_queue)."""
    return immediate_queue


@dataclass
class Units:
    unit_a: object
    unit_b: object
    unit_user: object


@pytest.fixture
def units(personas) -> Units:
    from stdlink.core.models import Membership, Role
    from stdlink.programme.models import Unit

    unit_a = Unit.objects.create(
        name="杭州甲公司", kind="enterprise", region=personas.region_a, uscc=uscc(1)
    )
    unit_b = Unit.objects.create(
        name="宁波乙公司", kind="enterprise", region=personas.region_b, uscc=uscc(2, "330200")
    )
    unit_user = make_user("unit_a", None, None, first_name="王小明")
    Membership.objects.create(
        user=unit_user,
        role=Role.objects.get(code="unit_user"),
        region=personas.region_a,
        unit_id=unit_a.pk,
    )
    return Units(unit_a, unit_b, unit_user)


def login(client, user):
    client.force_login(user)
    return client
