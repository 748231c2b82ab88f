"""The audit log for people: names, record kinds and changes in words, Beijing time, filters."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from stdlink.core.models import AuditLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(personas):
    from stdlink.programme.models import Unit
    from stdlink.programme.services.records import create_record, update_record
    from stdlink.programme.uscc import check_char

    personas.editor_a.first_name = "张伟"
    personas.editor_a.save()
    body = "913301000000000AB"[:17]
    unit = create_record(
        acting_user=personas.editor_a,
        obj=Unit(
            name="杭州甲公司",
            kind="enterprise",
            region=personas.region_a,
            uscc=body + check_char(body),
        ),
        perm="programme.add_unit",
    )
    unit.kind = "university"
    update_record(acting_user=personas.editor_a, obj=unit, perm="programme.change_unit")
    from stdlink.accounts.services.accounts import set_active

    set_active(acting_user=personas.admin, account=personas.reader_a, active=False)
    return unit


def test_entries_read_in_words(client, personas, entries):
    client.force_login(personas.admin)
    from stdlink.programme.models import Unit

    html = client.get(reverse("audit-log")).content.decode()
    table = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.split('id="audit-table"', 1)[1]))
    assert "张伟" in table and "editor_a" not in table  # the person, not the login name
    assert "programme.unit" not in table and "单位" in table  # the record's kind
    assert "杭州甲公司" in table
    with translation.override("zh-hans"):
        university = str(Unit.Kind.UNIVERSITY.label)
        kind_label = str(Unit._meta.get_field("kind").verbose_name)
    assert f"{kind_label} ：" in table or f"{kind_label}：" in table  # field label
    assert university in table and "university" not in table  # choice label
    assert "kind" not in table and "region_id" not in table
    assert "账户停用" in table  # the service's note in words
    assert not re.search(r"\d{2}:\d{2}:\d{2}\.\d", html)  # no microseconds
    local = timezone.localtime(AuditLog.objects.first().at).strftime("%Y-%m-%d %H:%M:%S")
    assert local in html  # Beijing time


def test_filters(client, personas, entries):
    client.force_login(personas.admin)
    url = reverse("audit-log")
    by_person = client.get(url, {"actor": personas.admin.pk}).context["page"].object_list
    assert {e.actor_id for e in by_person} == {personas.admin.pk}
    by_kind = client.get(url, {"model": "programme.unit"}).context["page"].object_list
    assert {e.model for e in by_kind} == {"programme.unit"} and len(by_kind) == 2
    by_region = client.get(url, {"region": personas.region_b.pk}).context["page"].object_list
    assert list(by_region) == []
    today = timezone.localdate()
    in_range = client.get(url, {"since": today.isoformat(), "until": today.isoformat()})
    assert in_range.context["page"].paginator.count == AuditLog.objects.count()
    tomorrow = (today + dt.timedelta(days=1)).isoformat()
    assert client.get(url, {"since": tomorrow}).context["page"].paginator.count == 0
    by_action = client.get(url, {"action": "create"}).context["page"].object_list
    assert {e.action for e in by_action} == {"create"}


def test_pagination(client, personas):
    from stdlink.core.services.audit import log_change

    for _i in range(55):
        log_change(acting_user=personas.admin, obj=personas.region_a, action="update")
    client.force_login(personas.admin)
    first = client.get(reverse("audit-log"))
    assert len(first.context["entries"]) == 50
    assert first.context["page"].paginator.num_pages == 2
    assert len(client.get(reverse("audit-log"), {"page": 2}).context["entries"]) == 5
