"""Ledger REST API: policy documents and their tasks (read-only; ledger.view_policydocument).

Task filters are those of the ledger pages (TaskFilterSet): document, agency (id), role
(lead/co), status (not_started/in_progress/done/overdue), overdue (true/false), owner, q.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from stdlink.core.api_auth import require
from stdlink.core.forms import error_summary
from stdlink.core.params import Pagination
from stdlink.ledger.filtersets import TaskFilterSet
from stdlink.ledger.models import PolicyDocument, ProgressNote, Task, TaskAgency

router = Router(auth=require("ledger.view_policydocument"))


class AgencyRefSchema(Schema):
    id: int
    name: str
    level: str


class DocumentSchema(Schema):
    id: int
    title: str
    doc_number: str
    level: str
    issued: dt.date | None
    source_name: str
    issuers: list[str]
    n_tasks: int

    @staticmethod
    def resolve_issuers(obj: PolicyDocument) -> list[str]:
        return [a.name for a in obj.issuers.all()]

    @staticmethod
    def resolve_n_tasks(obj: PolicyDocument) -> int:
        return getattr(obj, "n_tasks", None) or obj.tasks.count()


class KpiSchema(Schema):
    indicator: str
    comparator: str
    value: str
    unit: str
    year: int | None
    task: str | None
    raw: str

    @staticmethod
    def resolve_value(obj) -> str:
        return format(obj.value.normalize(), "f")

    @staticmethod
    def resolve_task(obj) -> str | None:
        return obj.task.number if obj.task_id else None


class TaskSchema(Schema):
    id: int
    document: int
    number: str
    label: str
    heading: str
    section: str
    lead: list[str]
    co: list[str]
    deadline: dt.date | None
    deadline_text: str
    status: str
    overdue: bool
    owner: str | None

    @staticmethod
    def resolve_document(obj: Task) -> int:
        return obj.document_id

    @staticmethod
    def resolve_lead(obj: Task) -> list[str]:
        return obj.lead_names

    @staticmethod
    def resolve_co(obj: Task) -> list[str]:
        return obj.co_names

    @staticmethod
    def resolve_owner(obj: Task) -> str | None:
        return obj.owner.get_username() if obj.owner_id else None


class ClauseLinkSchema(Schema):
    agency: str
    role: str
    clause_index: int
    clause_text: str
    by_convention: bool
    inherited: bool

    @staticmethod
    def resolve_agency(obj: TaskAgency) -> str:
        return obj.agency.name


class NoteSchema(Schema):
    created: dt.datetime
    author: str | None
    text: str
    evidence: str | None

    @staticmethod
    def resolve_author(obj: ProgressNote) -> str | None:
        return obj.author.get_username() if obj.author_id else None

    @staticmethod
    def resolve_evidence(obj: ProgressNote) -> str | None:
        return obj.evidence.url if obj.evidence else None


class TaskDetailSchema(TaskSchema):
    text: str
    clauses: list[ClauseLinkSchema]
    notes: list[NoteSchema]
    kpis: list[KpiSchema]

    @staticmethod
    def resolve_clauses(obj: Task) -> list:
        return list(obj.agency_links.all())

    @staticmethod
    def resolve_notes(obj: Task) -> list:
        return list(obj.notes.all())

    @staticmethod
    def resolve_kpis(obj: Task) -> list:
        return list(obj.kpis.select_related("task"))


class DocumentDetailSchema(DocumentSchema):
    default_deadline: dt.date | None
    default_deadline_text: str
    tasks: list[TaskSchema]
    kpis: list[KpiSchema]
    warnings: list[str]

    @staticmethod
    def resolve_tasks(obj: PolicyDocument) -> list:
        return list(_tasks().filter(document=obj))

    @staticmethod
    def resolve_kpis(obj: PolicyDocument) -> list:
        return list(obj.kpis.select_related("task"))


def _tasks():
    return Task.objects.select_related("owner").prefetch_related(
        Prefetch("agency_links", queryset=TaskAgency.objects.select_related("agency")),
        Prefetch("notes", queryset=ProgressNote.objects.select_related("author")),
    )


@router.get("/documents", response=list[DocumentSchema])
@paginate(Pagination, page_size=50)
def list_documents(request: HttpRequest):
    return (
        PolicyDocument.objects.annotate(n_tasks=Count("tasks"))
        .prefetch_related("issuers")
        .order_by("-issued", "-created")
    )


@router.get("/documents/{doc_id}", response=DocumentDetailSchema)
def get_document(request: HttpRequest, doc_id: int):
    return get_object_or_404(PolicyDocument.objects.prefetch_related("issuers"), pk=doc_id)


@router.get("/tasks", response=list[TaskSchema])
@paginate(Pagination, page_size=100)
def list_tasks(
    request: HttpRequest,
    document: int | None = None,
    agency: int | None = None,
    role: str | None = None,
    status: str | None = None,
    overdue: bool | None = None,
    owner: int | None = None,
    q: str | None = None,
):
    params = {
        k: v
        for k, v in {
            "document": document,
            "agency": agency,
            "role": role,
            "status": status,
            "owner": owner,
            "q": q,
        }.items()
        if v is not None
    }
    if overdue is not None:
        params["overdue"] = "true" if overdue else "false"
    filterset = TaskFilterSet(params, queryset=_tasks().order_by("document", "order"))
    if not filterset.is_valid():
        # An unknown agency id or status must not silently widen the result to every task.
        raise HttpError(422, error_summary(filterset.errors))
    return filterset.qs


@router.get("/tasks/{task_id}", response=TaskDetailSchema)
def get_task(request: HttpRequest, task_id: int):
    return get_object_or_404(_tasks(), pk=task_id)
