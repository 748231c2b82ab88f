"""Task registration and enqueueing (see stdlink/jobs/__init__.py for the API)."""

from __future__ import annotations

import logging
import os
import socket
import traceback
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger("stdlink.jobs")
WORKER_ID = f"{socket.gethostname()}:{os.getpid()}"[:100]


class JobCancelled(Exception):  # noqa: N818 - reads as an event
    """Raised by a job that saw `job.cancelled()`; its transaction rolls back."""


class JobFailed(Exception):  # noqa: N818
    """Raised by a job that failed for a reason retrying cannot fix (bad input); `result` is
    stored on the Job (for example an import's report with its located errors)."""

    def __init__(self, result: Any = None, message: str = ""):
        if not message and isinstance(result, dict) and result.get("errors"):
            message = str(result["errors"][0])
        super().__init__(message or "failed")
        self.result = result


@dataclass
class TaskSpec:
    name: str
    fn: Callable
    wrapper: Any  # huey TaskWrapper
    retries: int
    periodic: bool = False
    tick: Any = None  # the periodic trigger (a Huey periodic task) of a periodic job


TASKS: dict[str, TaskSpec] = {}


def _huey():
    from huey.contrib.djhuey import HUEY

    return HUEY


def _error_text(exc: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(exc), exc)).strip()[:4000]


@contextmanager
def _bookkeeping():
    """A transaction for the Job row's own state (claim, outcome). On PostgreSQL it commits
    without waiting for the WAL flush: the next durable commit (the job's own work) flushes it
    too, so a crash can at worst leave a row showing "running" for a job whose effects were
    never committed. Inside a caller's transaction (tests) it is just a savepoint."""
    from django.db import connection, transaction

    with transaction.atomic():
        if connection.vendor == "postgresql" and not _in_outer_atomic(connection):
            with connection.cursor() as cur:
                cur.execute("SET LOCAL synchronous_commit TO OFF")
        yield


def _in_outer_atomic(connection) -> bool:
    return len(connection.atomic_blocks) > 1


def _fresh_connections() -> None:
    """Drop stale database connections between jobs (as Django does between requests); not when
    the job runs inside a caller's transaction (immediate mode in tests)."""
    from django.db import close_old_connections, connection

    if not connection.in_atomic_block:
        close_old_connections()


def _run(name: str, job_id: int, task=None) -> None:
    """What a worker executes: claim the Job row, run the function, record the outcome."""
    from django.db.models import F
    from django.utils import timezone

    from stdlink.jobs.models import Job

    _fresh_connections()
    try:
        spec = TASKS[name]
        S = Job.Status
        job = Job.objects.filter(pk=job_id).first()
        if job is None or job.status in Job.FINISHED:
            return
        # A queued job someone cancelled is already marked cancelled (services.cancel_job);
        # the claim below only moves a queued or retrying row, so only one worker runs it.
        now = timezone.now()
        with _bookkeeping():
            claimed = Job.objects.filter(pk=job_id, status__in=[S.QUEUED, S.RETRYING]).update(
                status=S.RUNNING,
                started=now,
                attempts=F("attempts") + 1,
                error="",
                worker=WORKER_ID,
            )
        if not claimed:
            return
        job.status, job.started, job.attempts, job.worker = (
            S.RUNNING,
            now,
            job.attempts + 1,
            WORKER_ID,
        )
        job.retries_left = getattr(task, "retries", 0) or 0
        try:
            result = spec.fn(job, *job.args, **job.kwargs)
        except JobCancelled:
            _finish(job, S.CANCELLED, error="")
        except JobFailed as exc:
            _finish(job, S.FAILED, error=str(exc)[:4000], result=exc.result)
        except Exception as exc:
            remaining = getattr(task, "retries", 0) or 0
            if remaining > 0:
                _finish(job, S.RETRYING, error=_error_text(exc), finished=False)
                logger.warning("job %s #%s failed, %s retries left", name, job_id, remaining)
                raise  # Huey re-queues it after retry_delay (times retry_backoff each time)
            _finish(job, S.FAILED, error=_error_text(exc))
            logger.warning("job %s #%s failed for good: %s", name, job_id, type(exc).__name__)
        else:
            _finish(job, S.SUCCEEDED, result=result)
    finally:
        _fresh_connections()


def _finish(job, status: str, *, error: str = "", result: Any = None, finished: bool = True):
    from django.utils import timezone

    from stdlink.jobs.models import Job

    fields = {"status": status, "error": error, "done": job.done, "total": job.total}
    fields["message"] = job.message
    if result is not None:
        fields["result"] = result
    if finished:
        fields["finished"] = timezone.now()
    with _bookkeeping():
        Job.objects.filter(pk=job.pk).update(**fields)
    job.status = status
    if finished:
        job.clear_live()


def task(
    name: str,
    *,
    retries: int = 0,
    retry_delay: float = 10,
    retry_backoff: float = 2.0,
    priority: int | None = None,
) -> Callable[[Callable], Callable]:
    """Register `fn(job, *args, **kwargs)` as the job `name` (retries with exponential back-off:
    retry_delay, then retry_delay*retry_backoff, ...)."""

    def decorator(fn: Callable) -> Callable:
        def execute(job_id: int, task=None) -> None:
            _run(name, job_id, task)

        execute.__module__ = fn.__module__
        wrapper = _huey().task(
            retries=retries,
            retry_delay=retry_delay,
            retry_backoff=retry_backoff,
            priority=priority,
            context=True,
            name=name,
        )(execute)
        TASKS[name] = TaskSpec(name, fn, wrapper, retries)
        fn.job_name = name
        return fn

    return decorator


def periodic(name: str, schedule: Callable, *, retries: int = 0, retry_delay: float = 60):
    """Register `fn(job)` to run on a cron-like `schedule` (`jobs.crontab(...)`).

    Every worker's scheduler checks the schedule each minute; the first to claim the minute in
    the queue's key/value store enqueues the job, the others skip it, so any number of workers
    start a periodic job once.
    """

    def decorator(fn: Callable) -> Callable:
        task(name, retries=retries, retry_delay=retry_delay)(fn)

        def tick(task=None) -> None:
            from django.conf import settings
            from django.utils import timezone

            if not getattr(settings, "JOBS_PERIODIC", True):
                return
            slot = timezone.now().strftime("%Y%m%d%H%M")
            if _huey().put_if_empty(f"stdlink:periodic:{name}:{slot}", "1", ttl=3600 * 24 * 8):
                enqueue(name, title=str(name))

        tick.__module__ = fn.__module__
        TASKS[name].tick = _huey().periodic_task(schedule, context=True, name=f"{name}:tick")(tick)
        TASKS[name].periodic = True
        return fn

    return decorator


def enqueue(
    name: str,
    *args: Any,
    owner=None,
    title: str = "",
    delay: float | None = None,
    total: int | None = None,
    **kwargs: Any,
):
    """Create the Job row and queue it once the current transaction commits; return the Job.

    Arguments must be JSON-serialisable (they are stored on the row, the queue carries only the
    job id)."""
    from django.db import transaction

    from stdlink.jobs.models import Job

    if name not in TASKS:
        raise KeyError(f"unknown job {name!r}; registered: {', '.join(sorted(TASKS))}")
    job = Job.objects.create(
        name=name,
        title=title[:255],
        args=list(args),
        kwargs=kwargs,
        owner=owner if getattr(owner, "pk", None) else None,
        total=total,
    )

    def push() -> None:
        wrapper = TASKS[name].wrapper
        if delay:
            wrapper.schedule(args=(job.pk,), delay=delay, id=job.task_id)
        else:
            _huey().enqueue(wrapper.s(job.pk, id=job.task_id))

    transaction.on_commit(push)
    return job
