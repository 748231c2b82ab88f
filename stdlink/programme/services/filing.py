"""Annex 2/3 forms: submit a draft (required fields checked), reopen a submitted one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from stdlink.core.permissions import read_only_message
from stdlink.core.services.audit import snapshot
from stdlink.programme.models.survey import AnnexForm
from stdlink.programme.scoping import can
from stdlink.programme.services.records import audit


def _perm(obj: AnnexForm) -> str:
    return f"programme.change_{type(obj)._meta.model_name}"


@transaction.atomic
def submit_form(*, acting_user, obj: AnnexForm) -> AnnexForm:
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if not can(acting_user, obj, _perm(obj)):
        raise PermissionDenied(read_only_message(acting_user))
    missing = obj.missing_for_submit()
    if missing:
        labels = "、".join(str(type(obj)._meta.get_field(f).verbose_name) for f in missing)
        raise ValidationError(
            f"提交前请填写：{labels} / fill in before submitting: {', '.join(missing)}"
        )
    before = snapshot(obj)
    obj.submit()  # TransitionNotAllowed when not a draft
    obj.submitted_at = timezone.now()
    obj.save()
    audit(acting_user=acting_user, obj=obj, action="transition", before=before, note="submit")
    return obj


@transaction.atomic
def reopen_form(*, acting_user, obj: AnnexForm) -> AnnexForm:
    obj = type(obj).objects.select_for_update().get(pk=obj.pk)
    if not can(acting_user, obj, _perm(obj)):
        raise PermissionDenied(read_only_message(acting_user))
    if obj.monthly_report_id and obj.monthly_report.state != "draft":
        raise ValidationError(
            "已随月报报送，不能退回草稿 / already part of a submitted monthly report"
        )
    before = snapshot(obj)
    obj.reopen()
    obj.submitted_at = None
    obj.save()
    audit(acting_user=acting_user, obj=obj, action="transition", before=before, note="reopen")
    return obj
