"""The queue API on the test database (SQLite or PostgreSQL, whichever DATABASE_URL selects):
enqueue after commit, progress, retries with a visible failure, cancellation, periodic jobs."""

from __future__ import annotations

import datetime as dt

import pytest

from stdlink import jobs
from stdlink.jobs.models import Job
from stdlink.jobs.registry import TASKS

pytestmark = pytest.mark.django_db

CALLS: list = []


@jobs.task("tests.flaky", retries=2, retry_delay=0)
def flaky(job, fail_times: int) -> dict:
    CALLS.append(job.attempts)
    if len(CALLS) <= fail_times:
        raise RuntimeError(f"boom {len(CALLS)}")
    return {"calls": len(CALLS)}


@jobs.task("tests.counting")
def counting(job, n: int) -> dict:
    for i in range(n):
        job.progress(i + 1, n, f"item {i + 1}")
    return {"n": n}


@jobs.task("tests.cancellable")
def cancellable(job) -> None:
    job.request_cancel()  # as if a person pressed Cancel while it ran
    if job.cancelled():
        raise jobs.JobCancelled
    raise AssertionError("not reached")


@pytest.fixture(autouse=True)
def _reset():
    CALLS.clear()


def test_enqueue_waits_for_commit(queue, run_on_commit):
    with run_on_commit():
        job = jobs.enqueue("jobs.noop", 7)
        assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED
    job.refresh_from_db()
    assert job.status == Job.Status.SUCCEEDED
    assert job.result == {"n": 7}
    assert job.attempts == 1


def test_enqueue_in_rolled_back_transaction_never_runs(queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = jobs.enqueue("jobs.noop")
    assert len(callbacks) == 1  # only the commit would queue it
    assert Job.objects.get(pk=job.pk).status == Job.Status.QUEUED


def test_progress_is_stored_and_readable(queue, run_on_commit):
    with run_on_commit():
        job = jobs.enqueue("tests.counting", 5)
    job.refresh_from_db()
    live = job.live()
    assert (live["done"], live["total"], live["percent"]) == (5, 5, 100)
    assert live["message"] == "item 5"
    assert live["finished"] is True


@pytest.mark.parametrize(
    ("fail_times", "status", "attempts"),
    [(0, "succeeded", 1), (2, "succeeded", 3), (3, "failed", 3)],
)
def test_retries_then_visible_failure(queue, run_on_commit, fail_times, status, attempts):
    with run_on_commit():
        job = jobs.enqueue("tests.flaky", fail_times)
    job.refresh_from_db()
    assert job.status == status
    assert job.attempts == attempts
    if status == "failed":
        assert "RuntimeError: boom 3" in job.error
        assert job.finished is not None


def test_retry_backoff_is_configured():
    spec = TASKS["notify.send"]
    task = spec.wrapper.s(1)
    assert (task.retries, task.retry_delay, task.retry_backoff) == (5, 30, 2)


def test_cancel_while_running(queue, run_on_commit):
    with run_on_commit():
        job = jobs.enqueue("tests.cancellable")
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED


def test_cancel_before_start(queue, personas, django_capture_on_commit_callbacks):
    from stdlink.jobs.services import cancel_job

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        job = jobs.enqueue("jobs.noop", owner=personas.admin)
    cancel_job(job, acting_user=personas.admin)
    for cb in callbacks:  # the queue hands it over after all: the worker skips it
        cb()
    job.refresh_from_db()
    assert job.status == Job.Status.CANCELLED
    assert job.attempts == 0


def test_unknown_job_name_fails_loudly():
    with pytest.raises(KeyError, match="unknown job"):
        jobs.enqueue("no.such.job")


def test_a_job_claimed_once_runs_once(queue, run_on_commit):
    """The claim: a second delivery of the same job (two workers, a re-queue) does nothing."""
    from stdlink.jobs.registry import _run

    with run_on_commit():
        job = jobs.enqueue("tests.counting", 1)
    _run("tests.counting", job.pk)
    _run("tests.counting", job.pk)
    job.refresh_from_db()
    assert job.attempts == 1


@pytest.mark.parametrize(
    ("name", "when", "due"),
    [
        ("notify.daily_digest", dt.datetime(2026, 12, 7, 0, 0), True),
        ("notify.daily_digest", dt.datetime(2026, 12, 7, 0, 1), False),
        ("notify.weekly_digest", dt.datetime(2026, 12, 7, 0, 0), True),  # a Monday
        ("notify.weekly_digest", dt.datetime(2026, 12, 8, 0, 0), False),
    ],
)
def test_periodic_jobs_are_scheduled(name, when, due):
    from huey.contrib.djhuey import HUEY

    names = {t.name for t in HUEY.read_periodic(when)}
    assert (f"{name}:tick" in names) is due


def test_periodic_tick_enqueues_once_per_minute(queue, run_on_commit):
    tick = TASKS["notify.daily_digest"].tick
    with run_on_commit():
        tick.s().execute()  # two workers' schedulers in the same minute
        tick.s().execute()
    assert Job.objects.filter(name="notify.daily_digest").count() == 1
