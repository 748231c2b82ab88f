"""Status, owner and progress of one task."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from stdlink.core.permissions import denied_message, has_perm
from stdlink.core.services.audit import log_change, snapshot
from stdlink.core.uploads import validate_upload
from stdlink.ledger.models import ProgressNote, Task

EVIDENCE_TYPES = {"pdf", "docx", "xlsx", "png", "jpg"}


def _check(acting_user, codename: str = "ledger.change_task") -> None:
    # Re-checked inside the transaction: the view's check may be stale.
    if not has_perm(acting_user, codename):
        raise PermissionDenied(denied_message(acting_user, codename))


@transaction.atomic
def set_task_status(task: Task, status: str, *, acting_user) -> Task:
    _check(acting_user)
    if status not in Task.Status.values:
        raise ValidationError(f"未知状态 / unknown status: {status!r}")
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = snapshot(task)
    task.status = status
    task.save(update_fields=["status", "updated"])
    log_change(
        acting_user=acting_user,
        obj=task,
        action="transition",
        before=before,
        note=f"status → {status}",
    )
    return task


@transaction.atomic
def assign_owner(task: Task, owner, *, acting_user) -> Task:
    """Owners are officers within the acting user's scope, never unit accounts."""
    from stdlink.ledger.forms import officers_for

    _check(acting_user)
    if owner is not None and not officers_for(acting_user).filter(pk=owner.pk).exists():
        raise ValidationError(
            "任务负责人须为您管辖范围内的工作人员 / the owner must be an officer within your scope"
        )
    task = Task.objects.select_for_update().get(pk=task.pk)
    before = snapshot(task)
    task.owner = owner
    task.save(update_fields=["owner", "updated"])
    log_change(
        acting_user=acting_user,
        obj=task,
        action="update",
        before=before,
        note=f"owner → {(owner.get_full_name() or owner.get_username()) if owner else '-'}",
    )
    return task


@transaction.atomic
def add_progress_note(
    task: Task, text: str, *, acting_user, evidence=None, status: str | None = None
) -> ProgressNote:
    """A progress note (with an optional evidence file), optionally moving the status on."""
    _check(acting_user)
    text = (text or "").strip()
    if not text:
        raise ValidationError("进展情况不能为空 / the progress note is empty")
    if evidence is not None:
        validate_upload(evidence, EVIDENCE_TYPES)
    note = ProgressNote(task=task, author=acting_user, text=text)
    if evidence is not None:
        note.evidence.save(evidence.name.rsplit("/", 1)[-1], evidence, save=False)
    note.save()
    log_change(
        acting_user=acting_user, obj=note, action="create", note=f"progress note on task {task.pk}"
    )
    if status and status != task.status:
        set_task_status(task, status, acting_user=acting_user)
    return note


@transaction.atomic
def update_task(
    task: Task,
    *,
    acting_user,
    status: str,
    owner=None,
    text: str = "",
    evidence=None,
) -> Task:
    """The task page's one form: an optional progress note, the status and the owner, together.

    Owners are officers within the acting user's scope (never unit accounts); each part is
    written by its own audited service, all in one transaction.
    """
    _check(acting_user)
    task = Task.objects.select_for_update().get(pk=task.pk)
    if (text or "").strip():
        add_progress_note(task, text, acting_user=acting_user, evidence=evidence, status=status)
    elif status != task.status:
        set_task_status(task, status, acting_user=acting_user)
    if (owner.pk if owner else None) != task.owner_id:
        assign_owner(task, owner, acting_user=acting_user)
    return Task.objects.get(pk=task.pk)
