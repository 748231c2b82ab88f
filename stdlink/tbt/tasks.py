"""TBT jobs: matching when notifications arrive, and the daily status refresh and reminders."""

from __future__ import annotations

from stdlink import jobs


@jobs.task("tbt.match", retries=2, retry_delay=30)
def match(job, notification_ids: list[int], acting_user_id: int | None = None) -> dict:
    """Match newly imported or changed notifications against every active subscription."""
    from django.contrib.auth import get_user_model

    from stdlink.tbt.services.matching import match_notifications

    user = get_user_model().objects.filter(pk=acting_user_id).first() if acting_user_id else None
    job.progress(0, len(notification_ids), "matching")
    alerts = match_notifications(notification_ids, acting_user=user)
    job.progress(len(notification_ids), len(notification_ids), "done")
    return {"notifications": len(notification_ids), "alerts": len(alerts)}


@jobs.periodic("tbt.daily", jobs.crontab(minute="30", hour="0"))
def daily(job) -> dict:
    """Close comment periods that ended, then send the deadline reminders due today."""
    from stdlink.tbt.services.imports import refresh_statuses
    from stdlink.tbt.services.matching import send_reminders

    changed = refresh_statuses()
    reminders = send_reminders()
    return {"status_changes": changed, "reminders": len(reminders)}
