"""Region-scoped permissions as data: the three personas against core helpers."""

from __future__ import annotations

import pytest
from django.http import Http404

from stdlink.core.models import AuditLog, Region, Role
from stdlink.core.permissions import get_for_user, has_perm, scope_queryset
from stdlink.core.services.audit import log_change, snapshot


@pytest.fixture
def entries(personas):
    """One audit row in each region, written by the audit service itself."""
    a = log_change(
        acting_user=personas.admin,
        obj=personas.region_a,
        action="update",
        before={"name_zh": "旧"},
        after=snapshot(personas.region_a),
        region=personas.region_a,
    )
    b = log_change(
        acting_user=personas.admin, obj=personas.region_b, action="update", region=personas.region_b
    )
    return a, b


@pytest.mark.parametrize(
    ("persona", "codename", "region_attr", "expected"),
    [
        ("editor_a", "programme.view_unit", "region_a", None),  # programme perms are data too
        ("editor_a", "catalog.view_standard", "region_a", True),
        ("reader_a", "catalog.view_standard", "region_a", True),
        ("user_b", "catalog.view_standard", "region_a", False),
        ("user_b", "catalog.view_standard", "region_b", True),
        ("admin", "core.view_auditlog", "region_b", True),
        ("editor_a", "core.view_auditlog", "region_a", False),
    ],
)
def test_has_perm_table(personas, persona, codename, region_attr, expected):
    from django.contrib.auth.models import Permission

    app, code = codename.split(".")
    if not Permission.objects.filter(content_type__app_label=app, codename=code).exists():
        pytest.skip(f"{codename} not defined (app not built yet)")
    if expected is None:
        expected = True
    user = getattr(personas, persona)
    assert has_perm(user, codename, getattr(personas, region_attr)) is expected


def test_anonymous_has_nothing(personas):
    from django.contrib.auth.models import AnonymousUser

    assert has_perm(AnonymousUser(), "catalog.view_standard") is False


def test_scope_queryset_province_sees_all(personas, entries):
    qs = scope_queryset(personas.admin, AuditLog.objects.all(), "core.view_auditlog")
    assert set(qs) == set(entries)


def test_scope_queryset_without_permission_is_empty(personas, entries):
    assert not scope_queryset(personas.editor_a, AuditLog.objects.all(), "core.view_auditlog")


def test_get_for_user_outside_region_is_404(personas):
    """A region-B object is a 404 to a region-A user, never a 403 that would leak it exists."""
    viewer = Role.objects.get(code="city_viewer")
    auditors = Role.objects.create(
        code="city_auditor", name_zh="市局审计", name_en="City auditor", scope="region"
    )
    auditors.permissions.set(viewer.permissions.all())
    from django.contrib.auth.models import Permission

    auditors.permissions.add(Permission.objects.get(codename="view_auditlog"))
    from stdlink.core.models import Membership

    Membership.objects.create(user=personas.reader_a, role=auditors, region=personas.region_a)
    entry_a = log_change(
        acting_user=None, obj=personas.region_a, action="update", region=personas.region_a
    )
    entry_b = log_change(
        acting_user=None, obj=personas.region_b, action="update", region=personas.region_b
    )
    user = type(personas.reader_a).objects.get(pk=personas.reader_a.pk)  # fresh permission cache
    obj, writable = get_for_user(
        user, AuditLog.objects.all(), "core.view_auditlog", "core.change_auditlog", pk=entry_a.pk
    )
    assert obj == entry_a and writable is False
    with pytest.raises(Http404):
        get_for_user(user, AuditLog.objects.all(), "core.view_auditlog", pk=entry_b.pk)
    with pytest.raises(Http404):
        get_for_user(user, AuditLog.objects.all(), "core.view_auditlog", pk="not-a-number")


def test_audit_page_permission_matrix(client, personas, entries):
    assert client.get("/audit/").status_code == 302  # anonymous → login
    client.force_login(personas.editor_a)
    assert client.get("/audit/").status_code == 403
    client.force_login(personas.admin)
    response = client.get("/audit/")
    assert response.status_code == 200
    assert "旧" in response.content.decode()


def test_region_tree_paths(personas):
    assert personas.region_a.path == "330000/330100/"
    assert personas.province.contains(personas.region_a)
    assert not personas.region_a.contains(personas.region_b)
    assert Region.objects.filter(level="city").count() == 11


@pytest.mark.parametrize(
    ("region_code", "expected"),
    [
        # a city's registration: its own officer and the province, not the other city, not a
        # county officer inside it, never a unit account, never a read-only user
        ("330100", ["city_clerk", "editor_a", "prov_admin"]),
        ("330102", ["city_clerk", "county_clerk", "editor_a", "prov_admin"]),
        ("330200", ["prov_admin", "user_b"]),
    ],
)
def test_officers_over_a_region(personas, region_code, expected):
    from django.contrib.auth.models import Permission

    from stdlink.core.models import Membership
    from stdlink.core.permissions import officers_over
    from tests.conftest import make_user

    county = Region.objects.get(code="330102")  # 上城区, a county of 杭州
    assert county.parent == personas.region_a
    decide = Permission.objects.get(
        content_type__app_label="accounts", codename="change_registration"
    )
    for code, scope in (("test_county", "region"), ("test_unit", "unit")):
        role = Role.objects.create(code=code, name_zh=code, name_en=code, scope=scope)
        role.permissions.add(decide)
    clerk = make_user("county_clerk", None, None)
    Membership.objects.create(user=clerk, role=Role.objects.get(code="test_county"), region=county)
    # holds the permission over all of 杭州 through another region role
    city_clerk = make_user("city_clerk", None, None)
    Membership.objects.create(
        user=city_clerk, role=Role.objects.get(code="test_county"), region=personas.region_a
    )
    unit_user = make_user("unit_decider", None, None)
    Membership.objects.create(
        user=unit_user, role=Role.objects.get(code="test_unit"), region=personas.region_a
    )
    gone = make_user("gone_officer", "city_officer", "330100", is_active=False)
    assert not gone.is_active
    region = Region.objects.get(code=region_code)
    got = [u.username for u in officers_over(region, "accounts.change_registration")]
    assert got == expected
