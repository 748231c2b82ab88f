"""The comment (评议) workflow, one function per state change (atomic, audited).

Province enquiry-point staff (permission tbt.change_commentcase) open a case on a notification,
invite the units whose subscriptions matched it, consolidate the answers into one submission
(zh and en; .docx and .xlsx exports), mark it submitted, record the member's reply, and may
escalate it to a specific trade concern proposal. Units answer their own invitations only.
"""

from __future__ import annotations

import io

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from stdlink.core.permissions import denied_message, has_perm
from stdlink.core.services.audit import log_change
from stdlink.core.uploads import validate_upload

STAFF = "tbt.change_commentcase"
ATTACHMENT_KINDS = {"pdf", "docx", "xlsx", "png", "jpg"}


def _require_staff(user) -> None:
    if not has_perm(user, STAFF):
        raise PermissionDenied(denied_message(user, STAFF))


def user_unit_ids(user) -> set[int]:
    from stdlink.core.models import Membership

    if not getattr(user, "is_authenticated", False):
        return set()
    return set(
        Membership.objects.filter(user=user, unit_id__isnull=False).values_list(
            "unit_id", flat=True
        )
    )


@transaction.atomic
def open_case(notification, *, internal_deadline, note: str = "", acting_user):
    from stdlink.tbt.models import CommentCase

    _require_staff(acting_user)
    case = CommentCase.objects.create(
        notification=notification,
        internal_deadline=internal_deadline,
        note=note,
        opened_by=acting_user,
    )
    log_change(
        acting_user=acting_user,
        obj=case,
        action="create",
        after={"notification": notification.symbol},
    )
    return case


@transaction.atomic
def invite_matching_units(case, *, acting_user) -> list:
    """Invite every unit whose subscription matched the notification (its alerts)."""
    from stdlink.tbt.models import Alert, Invitation

    _require_staff(acting_user)
    out = []
    for a in Alert.objects.filter(
        notification=case.notification, subscription__unit__isnull=False, kind="alert"
    ).select_related("subscription__unit"):
        inv, new = Invitation.objects.get_or_create(
            case=case, unit=a.subscription.unit, defaults={"reason": a.reason_en[:255]}
        )
        if new:
            out.append(inv)
            log_change(
                acting_user=acting_user,
                obj=inv,
                action="create",
                after={"unit": str(inv.unit), "reason": inv.reason},
            )
            _notify_unit(inv)
    return out


def _notify_unit(inv) -> None:
    from django.contrib.auth import get_user_model

    from stdlink.core.models import Membership
    from stdlink.notify.services import notify

    users = get_user_model().objects.filter(
        pk__in=Membership.objects.filter(unit_id=inv.unit_id).values("user_id")
    )
    notify(
        users,
        "tbt.comment",
        f"评议邀请 / comment invitation: {inv.case.notification.symbol}",
        inv.reason,
        f"/tbt/cases/{inv.case_id}/",
        dedupe_key=f"tbt.comment:{inv.pk}",
    )


@transaction.atomic
def answer(invitation, *, text: str, attachment=None, acting_user):
    from stdlink.tbt.models import Answer

    if invitation.unit_id not in user_unit_ids(acting_user):
        raise PermissionDenied
    case = invitation.case
    if case.status != "open":
        raise ValidationError(
            "评议已汇总，不能再提交 / the case is consolidated: answers are closed"
        )
    if timezone.localdate() > case.internal_deadline:
        raise ValidationError("已过内部截止日期 / the internal deadline has passed")
    if attachment is not None:
        validate_upload(attachment, ATTACHMENT_KINDS)
    ans = Answer.objects.create(
        invitation=invitation, author=acting_user, text=text, attachment=attachment or ""
    )
    log_change(
        acting_user=acting_user,
        obj=ans,
        action="create",
        after={"unit": str(invitation.unit), "text": text[:200]},
    )
    return ans


@transaction.atomic
def consolidate(case, *, text_zh: str, text_en: str, acting_user):
    _require_staff(acting_user)
    before = {"status": case.status}
    case.text_zh, case.text_en, case.status = text_zh, text_en, "consolidated"
    case.save()
    log_change(
        acting_user=acting_user,
        obj=case,
        action="update",
        before=before,
        after={"status": case.status},
    )
    return case


@transaction.atomic
def submit(case, *, acting_user):
    _require_staff(acting_user)
    if case.status != "consolidated":
        raise ValidationError("请先汇总评议意见 / consolidate the comments first")
    case.status, case.submitted_at = "submitted", timezone.now()
    case.save()
    log_change(
        acting_user=acting_user,
        obj=case,
        action="update",
        before={"status": "consolidated"},
        after={"status": "submitted"},
    )
    return case


@transaction.atomic
def record_reply(case, *, reply: str, acting_user):
    _require_staff(acting_user)
    if case.status not in ("submitted", "replied"):
        raise ValidationError("评议尚未提交 / the comments have not been submitted")
    before = {"status": case.status}
    case.reply, case.status, case.replied_at = reply, "replied", timezone.now()
    case.save()
    log_change(
        acting_user=acting_user,
        obj=case,
        action="update",
        before=before,
        after={"status": "replied"},
    )
    return case


@transaction.atomic
def escalate(case, *, concern: str, talking_points_zh: str, talking_points_en: str, acting_user):
    from stdlink.tbt.models import TradeConcern

    _require_staff(acting_user)
    n = case.notification
    members = "、".join(c.display_name_zh for c in n.members.all()) or n.member_text
    stc, _ = TradeConcern.objects.update_or_create(
        case=case,
        defaults={
            "measure": f"{n.symbol} {n.title}"[:255],
            "member": members[:255],
            "concern": concern,
            "talking_points_zh": talking_points_zh,
            "talking_points_en": talking_points_en,
            "proposed_by": acting_user,
        },
    )
    stc.supporting_units.set([inv.unit for inv in case.invitations.all() if inv.answers.exists()])
    log_change(acting_user=acting_user, obj=stc, action="create", after={"measure": stc.measure})
    return stc


# -- exports ---------------------------------------------------------------------------------


def submission_docx(case) -> bytes:
    """The consolidated submission as Word: zh then en, with the units' answers annexed."""
    import docx

    n = case.notification
    d = docx.Document()
    d.add_heading(f"关于 {n.symbol} 的评议意见", level=1)
    d.add_paragraph(n.title or "")
    d.add_paragraph(case.text_zh)
    d.add_heading(f"Comments on {n.symbol}", level=1)
    d.add_paragraph(case.text_en)
    d.add_heading("附件：各单位意见 / Annex: comments from units", level=2)
    for inv in case.invitations.select_related("unit").prefetch_related("answers"):
        for a in inv.answers.all():
            d.add_paragraph(f"{inv.unit.name}: {a.text}")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def submission_xlsx(case) -> bytes:
    """The units' answers as a sheet (cells made formula-safe by core.spreadsheets)."""
    import openpyxl

    from stdlink.core.spreadsheets import text_cell

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "comments"
    ws.append(
        ["通报 / notification", "单位 / unit", "意见 / comment", "附件 / attachment", "时间 / time"]
    )
    for inv in case.invitations.select_related("unit").prefetch_related("answers"):
        for a in inv.answers.all():
            ws.append(
                [
                    text_cell(ws, v)
                    for v in (
                        case.notification.symbol,
                        inv.unit.name,
                        a.text,
                        a.attachment.name if a.attachment else "",
                        a.created.strftime("%Y-%m-%d %H:%M"),
                    )
                ]
            )
    ws2 = wb.create_sheet("submission")
    ws2.append(["中文 / Chinese", text_cell(ws2, case.text_zh)])
    ws2.append(["English", text_cell(ws2, case.text_en)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
