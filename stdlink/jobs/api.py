"""/api/v1/jobs/{id}: a job's status and progress (its owner, or who may view jobs)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from stdlink.core.api_auth import LOGIN
from stdlink.jobs.models import Job

# Any signed-in person, by session or personal API token; the endpoint shows a job to its owner
# or to who may view jobs.
router = Router(auth=LOGIN)


class JobSchema(Schema):
    id: int
    name: str
    status: str
    status_label: str
    done: int
    total: int | None
    percent: int | None
    rate: float
    message: str
    attempts: int
    finished: bool
    error: str
    result: dict | list | None = None


@router.get("/{pk}", response=JobSchema)
def job_detail(request, pk: int):
    from stdlink.jobs.views import _may_see

    job = get_object_or_404(Job, pk=pk)
    if not _may_see(request.user, job):
        raise Http404
    return {**job.live(), "result": job.result}
