"""Watch-lists: a revising import alerts the watcher once, through the notification service."""

from __future__ import annotations

import json

import pytest

from stdlink.catalog.importers.cn_list import import_cn_list


def _write(path, items):
    path.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")


ITEM = {
    "number": "YY/T 9999.1-2020",
    "title_zh": "测试器械 第1部分：通用要求",
    "approval_date": "2020-01-01",
    "status_zh": "现行",
    "id": "t-1",
}


@pytest.mark.django_db(transaction=True)
def test_revising_import_alerts_the_watcher_once(tmp_path, personas):
    from huey.contrib.djhuey import HUEY

    from stdlink.catalog.models import Standard
    from stdlink.notify.models import Notification
    from stdlink.tracking.services import add_watch

    path = tmp_path / "list.json"
    _write(path, [ITEM])
    import_cn_list(path)
    std = Standard.objects.get(identifier="YY/T 9999.1-2020")
    add_watch(acting_user=personas.editor_a, standard=std)

    HUEY.immediate = True
    try:
        # the same record is withdrawn, and a new edition of the same work arrives
        _write(
            path,
            [
                ITEM | {"status_zh": "废止"},
                ITEM | {"number": "YY/T 9999.1-2024", "approval_date": "2024-05-01", "id": "t-2"},
            ],
        )
        import_cn_list(path)
        mine = Notification.objects.filter(recipient=personas.editor_a, kind="tracking.watch")
        subjects = sorted(mine.values_list("subject", flat=True))
        assert any("YY/T 9999.1-2024" in s for s in subjects), subjects
        assert any("YY/T 9999.1-2020" in s and "废止" in s for s in subjects), subjects
        assert not Notification.objects.filter(recipient=personas.reader_a).exists()
        n = mine.count()
        import_cn_list(path)  # nothing changed: nobody is told again
        assert mine.count() == n
    finally:
        HUEY.immediate = False


@pytest.mark.django_db
def test_adopted_international_edition_alerts_domestic_watchers(personas):
    from stdlink.tracking.alerts import match_changes
    from stdlink.tracking.services import add_watch, record_adoption

    from .conftest import make_standard

    gb = make_standard("SAC", "GB/T 77-2015", year=2015, title_zh="样品")
    make_standard("ISO", "ISO 77:2012", year=2012, status="replaced")
    record_adoption(domestic=gb, intl_identifier="ISO 77:2012", degree="IDT", source="entered")
    add_watch(acting_user=personas.user_b, standard=gb)
    new = make_standard("ISO", "ISO 77:2024", year=2024)
    alerts = match_changes([new.pk])
    assert len(alerts) == 1
    assert alerts[0].user_id == personas.user_b.pk
    assert "ISO 77:2012" in alerts[0].body and "GB/T 77-2015" in alerts[0].body
