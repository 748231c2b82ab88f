"""Background jobs on a real task queue (Huey, decision 0009) with a progress record per job.

For other apps (import lazily inside functions; this module loads no Django model itself):

    from stdlink import jobs

    @jobs.task("catalog.reindex", retries=3, retry_delay=30)   # in <app>/tasks.py
    def reindex(job, since=None):
        for i, chunk in enumerate(chunks):
            if job.cancelled():
                raise jobs.JobCancelled
            job.progress(i, len(chunks), "…")
        return {"done": len(chunks)}                             # stored in Job.result

    job = jobs.enqueue("catalog.reindex", since="2026-01-01", owner=request.user)

    @jobs.periodic("notify.daily_digest", jobs.crontab(minute="0", hour="8"))
    def daily_digest(job): ...

`enqueue` writes the Job row and hands the job to the queue after the surrounding transaction
commits; the worker (`stdlink worker`) claims the row before running it, so a job runs once even
when two workers see it.
"""

from __future__ import annotations

from huey import crontab

from stdlink.jobs.registry import JobCancelled, JobFailed, enqueue, periodic, task

__all__ = ["JobCancelled", "JobFailed", "crontab", "enqueue", "periodic", "task"]
