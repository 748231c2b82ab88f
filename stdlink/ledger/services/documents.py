"""Importing a parsed policy document: idempotent (same number or same text → update)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from django.db import transaction

from stdlink.core.services.audit import log_change, snapshot
from stdlink.ledger.agencies_data import AGENCIES
from stdlink.ledger.models import Agency, AgencyAlias, KpiTarget, PolicyDocument, Task, TaskAgency
from stdlink.ledger.parser import ParsedDocument, parse_document
from stdlink.ledger.parser.agencies import AgencyRegistry, normalise_name


@dataclass
class ImportResult:
    document: PolicyDocument
    created: bool
    tasks_created: int = 0
    tasks_updated: int = 0
    tasks_removed: int = 0
    new_agencies: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def db_registry() -> AgencyRegistry:
    """The built-in registry plus aliases added in the database (by an administrator)."""
    registry = AgencyRegistry(AGENCIES)
    for alias, name in AgencyAlias.objects.filter(builtin=False).values_list(
        "alias", "agency__name"
    ):
        registry.add_alias(alias, name)
    return registry


def import_text(text: str, *, source_name: str, acting_user, title: str = "") -> ImportResult:
    """Parse and store; raises PolicyParseError before touching the database."""
    parsed = parse_document(text, source_name=source_name, registry=db_registry())
    if title:
        parsed.title = title
    return import_document(parsed, raw_text=text, acting_user=acting_user)


def _agency(name: str, new: list[str]) -> Agency:
    agency = Agency.objects.filter(name=name).first()
    if agency is None:
        alias = (
            AgencyAlias.objects.filter(alias=normalise_name(name)).select_related("agency").first()
        )
        if alias is not None:
            return alias.agency
        agency = Agency.objects.create(name=name, verified=False, level=Agency.Level.UNKNOWN)
        new.append(name)
    return agency


@transaction.atomic
def import_document(parsed: ParsedDocument, *, raw_text: str, acting_user) -> ImportResult:
    content_hash = hashlib.sha256(parsed.text.encode("utf-8")).hexdigest()
    existing = None
    if parsed.doc_number:
        existing = PolicyDocument.objects.filter(doc_number=parsed.doc_number).first()
    if existing is None:
        existing = PolicyDocument.objects.filter(content_hash=content_hash).first()
    before = snapshot(existing)
    document = existing or PolicyDocument()
    document.title = parsed.title[:300]
    document.doc_number = parsed.doc_number
    document.issued = parsed.issued
    document.level = parsed.level
    document.source_name = parsed.source_name[:255]
    document.raw_text = raw_text
    document.text = parsed.text
    document.content_hash = content_hash
    deadline = parsed.default_deadline
    document.default_deadline = deadline.end if deadline else None
    document.default_deadline_text = deadline.text[:80] if deadline else ""
    document.warnings = parsed.warnings
    if existing is None:
        document.imported_by = (
            acting_user if getattr(acting_user, "is_authenticated", False) else None
        )
    document.save()
    result = ImportResult(
        document=document, created=existing is None, warnings=list(parsed.warnings)
    )
    new = result.new_agencies
    document.issuers.set([_agency(name, new) for name in parsed.issuers])

    old_tasks = {t.number: t for t in document.tasks.all()}
    by_number: dict[str, Task] = {}
    for ptask in parsed.tasks:
        task = old_tasks.pop(ptask.number, None)
        if task is None:
            task = Task(document=document, number=ptask.number)
            result.tasks_created += 1
        else:
            result.tasks_updated += 1
        task.label = ptask.label[:20]
        task.order = ptask.order
        task.section = ptask.section[:300]
        task.heading = ptask.heading[:300]
        task.text = ptask.text
        d = ptask.deadline
        task.deadline = d.end if d else None
        task.deadline_start = d.start if d else None
        task.deadline_text = d.text[:120] if d else ""
        task.deadline_inherited = ptask.deadline_inherited
        task.save()  # status, owner and notes of an existing task are kept
        by_number[ptask.number] = task
        task.agency_links.all().delete()
        links = []
        for index, clause in enumerate(ptask.clauses):
            for role, names in (
                (TaskAgency.Role.LEAD, clause.leads),
                (TaskAgency.Role.CO, clause.cos),
            ):
                for name in names:
                    links.append(
                        TaskAgency(
                            task=task,
                            agency=_agency(name, new),
                            role=role,
                            clause_index=index,
                            clause_text=clause.raw,
                            by_convention=clause.lead_by_convention
                            and role == TaskAgency.Role.LEAD,
                            inherited=clause.inherited,
                        )
                    )
        TaskAgency.objects.bulk_create(links, ignore_conflicts=True)
    for number, task in old_tasks.items():
        if task.notes.exists() or task.status != Task.Status.NOT_STARTED:
            result.warnings.append(
                f"{number} 已不在新文本中，但有进展记录，予以保留 / no longer in the text but has "
                "progress: kept"
            )
            continue
        task.delete()
        result.tasks_removed += 1

    document.kpis.all().delete()
    KpiTarget.objects.bulk_create(
        [
            KpiTarget(
                document=document,
                task=by_number.get(k.task_number) if k.task_number else None,
                order=i,
                indicator=k.indicator[:300],
                comparator=k.comparator,
                value=k.value,
                unit=k.unit[:20],
                year=k.year,
                raw=k.raw[:200],
            )
            for i, k in enumerate(parsed.kpis)
        ]
    )
    log_change(
        acting_user=acting_user,
        obj=document,
        action="import",
        before=before,
        note=f"ledger import: {len(parsed.tasks)} tasks, {len(parsed.kpis)} KPI targets",
    )
    return result
