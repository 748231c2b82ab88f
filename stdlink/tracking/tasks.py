"""Background work of tracking: after an import, sync adoptions and send watch-list alerts."""

from __future__ import annotations

from stdlink import jobs


def after_import(standard_ids: list[int], job=None) -> dict:
    """Adoptions from the changed records' relations and statements, then watch-list alerts."""
    from stdlink.catalog.models import Standard
    from stdlink.tracking import alerts
    from stdlink.tracking.services import sync_catalogue_relations, sync_statements

    if job is not None:
        job.progress(0, 3, "adoptions from catalogue relations / 目录关系")
    rel = sync_catalogue_relations(standard_ids=standard_ids)
    if job is not None:
        job.progress(1, 3, "adoption statements / 采标声明")
    st = sync_statements(queryset=Standard.objects.filter(pk__in=standard_ids, body__country="CN"))
    if job is not None:
        job.progress(2, 3, "watch-list alerts / 关注提醒")
    sent = alerts.send_alerts(standard_ids)
    if job is not None:
        job.progress(3, 3, "done / 完成")
    return {"relations": rel.recorded, "statements": st.recorded, "alerts": sent}


@jobs.task("tracking.after_import", retries=3, retry_delay=30)
def after_import_job(job, standard_ids):
    return after_import(list(standard_ids), job=job)


def enqueue_after_import(standard_ids: list[int]) -> None:
    jobs.enqueue(
        "tracking.after_import",
        standard_ids,
        title=f"采标同步与关注提醒 / adoptions and watch-list alerts ({len(standard_ids):,})",
    )
