"""Move an international-standard project to a later stage (or withdraw it)."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_fsm import TransitionNotAllowed

from stdlink.core.permissions import read_only_message
from stdlink.core.services.audit import snapshot
from stdlink.programme.models import TRANSITIONS, Project, Stage
from stdlink.programme.scoping import can
from stdlink.programme.services.records import audit

DATE_FIELD = {
    Stage.ACCEPTED: "accepted_on",
    Stage.PUBLISHED: "published_on",
    Stage.WITHDRAWN: "withdrawn_on",
}


@transaction.atomic
def move_project(
    *, acting_user, project: Project, stage: str, on: dt.date, standard=None
) -> Project:
    """Apply the transition to `stage` (TransitionNotAllowed for a backward or final move)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    if not can(acting_user, project, "programme.change_project"):
        raise PermissionDenied(read_only_message(acting_user))
    method = TRANSITIONS.get(stage)
    if method is None:
        raise TransitionNotAllowed(f"未知阶段 / unknown stage {stage!r}")
    before = snapshot(project)
    getattr(project, method)()
    field = DATE_FIELD.get(stage)
    if field:
        setattr(project, field, on)
    if stage not in (Stage.WITHDRAWN,) and project.accepted_on is None and stage != Stage.PROPOSAL:
        project.accepted_on = on  # skipping straight past acceptance still accepts it
    if stage == Stage.PUBLISHED and standard is not None:
        project.standard = standard
    if project.proposed_on and on < project.proposed_on:
        raise ValidationError("日期早于提案日期 / date is before the proposal date")
    project.save()
    audit(
        acting_user=acting_user,
        obj=project,
        action="transition",
        before=before,
        note=f"stage → {stage}",
    )
    return project
