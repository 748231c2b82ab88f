"""Background work of tracking: after an import, sync adoptions and send watch-list alerts."""

from __future__ import annotations


def after_import(standard_ids: list[int]) -> int:
    """Adoptions from the changed records' relations and statements, then watch-list alerts."""
    from stdlink.catalog.models import Standard
    from stdlink.tracking import alerts
    from stdlink.tracking.services import sync_catalogue_relations, sync_statements

    sync_catalogue_relations(standard_ids=standard_ids)
    sync_statements(queryset=Standard.objects.filter(pk__in=standard_ids, body__country="CN"))
    return alerts.send_alerts(standard_ids)


def enqueue_after_import(standard_ids: list[int]) -> None:
    after_import(standard_ids)
