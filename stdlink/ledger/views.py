"""Ledger pages. Reading needs ledger.view_* (city roles and the province); changing a task needs
ledger.change_task; importing needs ledger.add_policydocument. Documents are national or
provincial, so nothing here is region-scoped (ADR 0006)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.core.permissions import has_perm, perm
from stdlink.core.uploads import validate_upload
from stdlink.ledger import services
from stdlink.ledger.export import workbook
from stdlink.ledger.filtersets import PolicyDocumentFilterSet, TaskFilterSet
from stdlink.ledger.forms import (
    ImportForm,
    ProgressNoteForm,
    TaskOwnerForm,
    TaskStatusForm,
    TaskUpdateForm,
)
from stdlink.ledger.models import Agency, PolicyDocument, ProgressNote, Task, TaskAgency
from stdlink.ledger.parser import PolicyParseError, read_source

VIEW_DOC = "ledger.view_policydocument"
VIEW_TASK = "ledger.view_task"
CHANGE_TASK = "ledger.change_task"
ADD_DOC = "ledger.add_policydocument"


def tasks_qs():
    return Task.objects.select_related("document", "owner").prefetch_related(
        Prefetch("agency_links", queryset=TaskAgency.objects.select_related("agency")),
        Prefetch("notes", queryset=ProgressNote.objects.order_by("-created", "-id")),
    )


@perm(VIEW_DOC)
def document_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    qs = PolicyDocument.objects.annotate(
        n_tasks=Count("tasks", distinct=True),
        n_done=Count("tasks", filter=Q(tasks__status=Task.Status.DONE), distinct=True),
        n_overdue=Count(
            "tasks",
            filter=Q(tasks__deadline__lt=today) & ~Q(tasks__status=Task.Status.DONE),
            distinct=True,
        ),
    ).order_by("-issued", "-created")
    filterset = PolicyDocumentFilterSet(request.GET, queryset=qs)
    return render(
        request,
        "ledger/document_list.html",
        {
            "filter": filterset,
            "documents": filterset.qs,
            "can_import": has_perm(request.user, ADD_DOC),
        },
    )


@perm(VIEW_DOC)
def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(PolicyDocument.objects.prefetch_related("issuers"), pk=pk)
    data = request.GET.copy()
    data["document"] = str(document.pk)
    filterset = TaskFilterSet(data, queryset=tasks_qs().filter(document=document))
    agencies = (
        Agency.objects.filter(task_links__task__document=document)
        .distinct()
        .order_by("level", "name")
    )
    filterset.form.fields["agency"].queryset = agencies
    return render(
        request,
        "ledger/document_detail.html",
        {
            "document": document,
            "filter": filterset,
            "tasks": filterset.qs,
            "agencies": agencies,
            "kpis": document.kpis.select_related("task"),
            "total": document.tasks.count(),
        },
    )


@perm(VIEW_DOC)
def document_export(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(PolicyDocument, pk=pk)
    data = request.GET.copy()
    data["document"] = str(document.pk)
    tasks = TaskFilterSet(data, queryset=tasks_qs().filter(document=document)).qs
    response = HttpResponse(
        workbook(document, tasks),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="ledger-{document.pk}.xlsx"'
    return response


@perm(VIEW_TASK)
def agency_list(request: HttpRequest) -> HttpResponse:
    agencies = (
        Agency.objects.annotate(
            n_lead=Count("task_links__task", filter=Q(task_links__role="lead"), distinct=True),
            n_all=Count("task_links__task", distinct=True),
        )
        .filter(n_all__gt=0)
        .order_by("-n_lead", "-n_all", "name")
    )
    return render(request, "ledger/agency_list.html", {"agencies": agencies})


@perm(VIEW_TASK)
def agency_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agency = get_object_or_404(Agency.objects.prefetch_related("aliases"), pk=pk)
    lead_ids = TaskAgency.objects.filter(agency=agency, role="lead").values("task_id")
    led = tasks_qs().filter(pk__in=lead_ids).order_by("document", "order")
    shared = (
        tasks_qs()
        .filter(agency_links__agency=agency, agency_links__role="co")
        .exclude(pk__in=lead_ids)
        .distinct()
        .order_by("document", "order")
    )
    return render(
        request, "ledger/agency_detail.html", {"agency": agency, "led": led, "shared": shared}
    )


@perm(VIEW_TASK)
def status_board(request: HttpRequest) -> HttpResponse:
    filterset = TaskFilterSet(request.GET, queryset=tasks_qs().order_by("document", "order"))
    base = Task.objects.all()
    counts = {
        "not_started": base.filter(status=Task.Status.NOT_STARTED).count(),
        "in_progress": base.filter(status=Task.Status.IN_PROGRESS).count(),
        "done": base.filter(status=Task.Status.DONE).count(),
        "overdue": base.overdue().count(),
    }
    return render(
        request,
        "ledger/status_board.html",
        {"filter": filterset, "tasks": filterset.qs, "counts": counts},
    )


def _task_page(request: HttpRequest, task: Task, form=None, status: int = 200) -> HttpResponse:
    return render(
        request,
        "ledger/task_detail.html",
        {
            "task": task,
            "can_write": has_perm(request.user, CHANGE_TASK),
            "links": task.agency_links.all(),
            "form": form
            or TaskUpdateForm(
                user=request.user, initial={"status": task.status, "owner": task.owner_id}
            ),
            "kpis": task.kpis.all(),
        },
        status=status,
    )


@perm(VIEW_TASK)
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _task_page(request, get_object_or_404(tasks_qs(), pk=pk))


@require_POST
@perm(CHANGE_TASK)
def task_update(request: HttpRequest, pk: int) -> HttpResponse:
    """The one form of the task page: progress note, status and owner."""
    task = get_object_or_404(tasks_qs(), pk=pk)
    form = TaskUpdateForm(request.POST, request.FILES, user=request.user)
    if form.is_valid():
        d = form.cleaned_data
        try:
            services.update_task(
                task,
                acting_user=request.user,
                status=d["status"],
                owner=d["owner"],
                text=d["text"],
                evidence=d.get("evidence"),
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Task updated."))
            return redirect("ledger:task-detail", pk=task.pk)
    return _task_page(request, task, form, status=400)


@require_POST
@perm(CHANGE_TASK)
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    form = TaskStatusForm(request.POST)
    if form.is_valid():
        services.set_task_status(task, form.cleaned_data["status"], acting_user=request.user)
        messages.success(request, _("Status updated."))
    else:
        messages.error(request, _("Invalid status."))
    return redirect("ledger:task-detail", pk=task.pk)


@require_POST
@perm(CHANGE_TASK)
def task_owner(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    form = TaskOwnerForm(request.POST, user=request.user)
    if form.is_valid():
        try:
            services.assign_owner(task, form.cleaned_data["owner"], acting_user=request.user)
        except ValidationError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            messages.success(request, _("Owner updated."))
    else:
        messages.error(request, _("Invalid owner."))
    return redirect("ledger:task-detail", pk=task.pk)


@require_POST
@perm(CHANGE_TASK)
def task_note(request: HttpRequest, pk: int) -> HttpResponse:
    task = get_object_or_404(Task, pk=pk)
    form = ProgressNoteForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.add_progress_note(
                task,
                form.cleaned_data["text"],
                evidence=form.cleaned_data.get("evidence"),
                status=form.cleaned_data.get("status") or None,
                acting_user=request.user,
            )
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
            return _task_page(request, get_object_or_404(tasks_qs(), pk=pk), status=400)
        messages.success(request, _("Progress note added."))
        return redirect("ledger:task-detail", pk=task.pk)
    messages.error(request, _("Please correct the errors below."))
    return redirect("ledger:task-detail", pk=task.pk)


@perm(ADD_DOC)
def import_document(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES) if request.method == "POST" else ImportForm()
    error = ""
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data.get("file")
        try:
            if upload:
                validate_upload(upload, {"txt", "docx"})
                source_name = upload.name
                text = read_source(upload.read(), source_name)
            else:
                source_name = _("pasted text")
                text = form.cleaned_data["text"]
            result = services.import_text(
                text,
                source_name=source_name,
                acting_user=request.user,
                title=form.cleaned_data.get("title", ""),
            )
        except (PolicyParseError, ValidationError) as exc:
            error = "; ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
        else:
            if result.created:
                messages.success(request, _("Imported %(n)d tasks.") % {"n": result.tasks_created})
            else:
                messages.success(
                    request,
                    _(
                        "Document updated: %(new)d new, %(updated)d updated, %(removed)d removed "
                        "tasks."
                    )
                    % {
                        "new": result.tasks_created,
                        "updated": result.tasks_updated,
                        "removed": result.tasks_removed,
                    },
                )
            for warning in result.warnings:
                messages.warning(request, warning)
            return redirect("ledger:document-detail", pk=result.document.pk)
    status = 400 if error or (request.method == "POST" and not form.is_valid()) else 200
    return render(request, "ledger/import.html", {"form": form, "error": error}, status=status)
