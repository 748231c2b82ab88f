"""F14: the task owner selector lists only officers of the acting user's jurisdiction — never unit
or enterprise accounts, never another city's staff — and the owner view refuses anyone else."""

from __future__ import annotations

import pytest

from stdlink.ledger.forms import TaskOwnerForm
from tests.conftest import make_user
from tests.ledger.test_views import doc004  # noqa: F401 - fixture
from tests.programme.conftest import unit_user, uscc


@pytest.fixture
def others(personas):
    from stdlink.core.models import Region
    from stdlink.programme.models import Unit

    unit = Unit.objects.create(
        name="杭州甲公司", kind="enterprise", uscc=uscc(1), region=Region.objects.get(code="330106")
    )
    return {
        "unit": unit_user("unit_a_user", unit),
        "hz_colleague": make_user("hz_officer2", "city_officer", "330100"),
        "inactive": make_user("hz_gone", "city_officer", "330100", is_active=False),
    }


def _choices(user) -> set[str]:
    return set(TaskOwnerForm(user=user).fields["owner"].queryset.values_list("username", flat=True))


def test_city_officer_sees_own_city_officers_only(personas, others):
    assert _choices(personas.editor_a) == {"editor_a", "hz_officer2"}


def test_province_sees_every_officer_but_no_unit_account(personas, others):
    names = _choices(personas.admin)
    assert {"editor_a", "hz_officer2", "user_b", "prov_admin"} <= names
    assert not names & {"unit_a_user", "reader_a", "hz_gone"}


def test_owner_view_refuses_someone_outside_the_scope(client, personas, others, doc004):  # noqa: F811
    task = doc004.tasks.first()
    client.force_login(personas.editor_a)
    client.post(f"/ledger/tasks/{task.pk}/owner", {"owner": personas.user_b.pk})
    task.refresh_from_db()
    assert task.owner_id is None
    client.post(f"/ledger/tasks/{task.pk}/owner", {"owner": others["hz_colleague"].pk})
    task.refresh_from_db()
    assert task.owner_id == others["hz_colleague"].pk
