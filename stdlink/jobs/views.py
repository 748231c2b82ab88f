"""The imports page (upload → job → live progress → batch report) and the job pages."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.core.permissions import has_perm, login, perm
from stdlink.jobs.forms import ImportForm
from stdlink.jobs.imports import KINDS, start_import, store_uploads
from stdlink.jobs.models import Job
from stdlink.jobs.services import cancel_job


def _may_see(user, job: Job) -> bool:
    if job.owner_id == user.pk or has_perm(user, "jobs.view_job"):
        return True
    if job.name == "jobs.import" and job.args:
        kind = KINDS.get(job.args[0])
        return bool(kind and has_perm(user, kind.view_perm))
    return False


def _job_for(request: HttpRequest, pk: int) -> Job:
    job = get_object_or_404(Job, pk=pk)
    if not _may_see(request.user, job):
        raise Http404
    return job


@perm("catalog.view_importbatch")
def imports(request: HttpRequest) -> HttpResponse:
    from stdlink.catalog.models import ImportBatch

    allowed = [k for k in KINDS.values() if has_perm(request.user, k.perm)]
    form = None
    if allowed:
        if request.method == "POST":
            form = ImportForm(request.POST, request.FILES, kinds=allowed)
            if form.is_valid():
                folder = store_uploads(form.cleaned_data["files"])
                job = start_import(form.cleaned_data["kind"], folder, acting_user=request.user)
                return redirect("jobs:import-job", pk=job.pk)
        else:
            form = ImportForm(kinds=allowed)
    elif request.method == "POST":
        raise PermissionDenied
    recent = Job.objects.filter(name="jobs.import").select_related("owner")[:20]
    batches = Paginator(ImportBatch.objects.select_related("user"), 25).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "jobs/imports.html",
        {"form": form, "kinds": allowed, "recent": recent, "page": batches},
    )


@perm("catalog.view_importbatch")
def import_job(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request, pk)
    if job.name != "jobs.import":
        raise Http404
    kind = KINDS.get(job.args[0]) if job.args else None
    return render(request, "jobs/import_job.html", {"job": job, "kind": kind, "live": job.live()})


@login
def job_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress card (htmx polls it every second until the job has finished)."""
    job = _job_for(request, pk)
    return render(request, "jobs/_progress.html", {"job": job, "live": job.live()})


@perm("jobs.view_job")
def job_list(request: HttpRequest) -> HttpResponse:
    qs = Job.objects.select_related("owner")
    status = request.GET.get("status", "")
    if status:
        qs = qs.filter(status=status)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "jobs/job_list.html",
        {"page": page, "status": status, "statuses": Job.Status.choices},
    )


@login
@require_POST
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_for(request, pk)
    if job.owner_id != request.user.pk and not has_perm(request.user, "jobs.change_job"):
        raise PermissionDenied
    cancel_job(job, acting_user=request.user)
    messages.info(request, _("Cancellation requested."))
    if job.name == "jobs.import":
        return redirect("jobs:import-job", pk=job.pk)
    return redirect("jobs:job-list")
