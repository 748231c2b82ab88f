"""State changes of jobs (one function each, audited)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from stdlink.core.services.audit import log_change
from stdlink.jobs.models import Job


@transaction.atomic
def cancel_job(job: Job, *, acting_user) -> Job:
    """Cancel a queued job at once; ask a running one to stop (it stops at its next check)."""
    job.request_cancel()
    S = Job.Status
    if Job.objects.filter(pk=job.pk, status__in=[S.QUEUED, S.RETRYING]).update(
        status=S.CANCELLED, cancel_requested=True, finished=timezone.now()
    ):
        job.clear_live()
    else:
        Job.objects.filter(pk=job.pk).exclude(status__in=Job.FINISHED).update(cancel_requested=True)
    job.refresh_from_db()
    if acting_user is not None:
        log_change(acting_user=acting_user, obj=job, action="transition", note=f"cancel {job.name}")
    return job
