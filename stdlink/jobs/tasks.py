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


# The web-import job lives with its registry of import kinds.
from stdlink.jobs import imports as _imports  # noqa: E402, F401
