"""The vector build as a background job (`stdlink worker` runs it; progress on the jobs page)."""

from __future__ import annotations

from stdlink import jobs


@jobs.task("semantic.build", retries=2, retry_delay=30)
def build_vectors(job, models=("usem3",), standard_ids=None):
    """Link, encode and index the titles of every standard (or of `standard_ids`). Resumable:
    a retry or a new job skips what is done."""
    from stdlink.semantic.services.build import build

    def progress(step: str, done: int, total: int) -> None:
        if job.cancelled():
            raise jobs.JobCancelled
        job.progress(done, total, step)

    return build(tuple(models), standard_ids=standard_ids, progress=progress)
