"""Jobs of the jobs app itself (discovered by the worker: every app's `tasks.py` is loaded)."""

from __future__ import annotations

from stdlink import jobs


@jobs.task("jobs.noop")
def noop(job, n: int = 0) -> dict:
    """Does nothing: the benchmark's unit of work and a queue health check."""
    return {"n": n}


@jobs.task("jobs.sleep")
def sleep(job, seconds: float = 1.0, steps: int = 10) -> dict:
    """Sleeps in steps with progress and honours cancellation (queue check, demos)."""
    import time

    for i in range(steps):
        if job.cancelled():
            raise jobs.JobCancelled
        job.progress(i, steps, f"step {i + 1}/{steps}")
        time.sleep(seconds / steps)
    job.progress(steps, steps, "done")
    return {"steps": steps}


@jobs.periodic("jobs.requeue_stale", jobs.crontab(minute="*/10"))
def requeue_stale(job, older_than_minutes: int = 10) -> dict:
    """Hand over again jobs still queued after `older_than_minutes` (their queue entry may have
    been lost in a crash). Harmless when it was not: a worker claims a Job row once."""
    from datetime import timedelta

    from django.utils import timezone

    from stdlink.jobs.models import Job
    from stdlink.jobs.registry import TASKS, _huey

    cutoff = timezone.now() - timedelta(minutes=older_than_minutes)
    stale = Job.objects.filter(status=Job.Status.QUEUED, created__lt=cutoff).exclude(
        name="jobs.requeue_stale"
    )
    n = 0
    for pk, name in stale.values_list("pk", "name")[:10_000]:
        if name in TASKS:
            _huey().enqueue(TASKS[name].wrapper.s(pk, id=f"job-{pk}"))
            n += 1
    return {"requeued": n}


# The web-import job lives with its registry of import kinds.
from stdlink.jobs import imports as _imports  # noqa: E402, F401
