"""Inbox state changes: a person marks their own notifications read."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from stdlink.notify.models import Notification


@transaction.atomic
def mark_read(notification: Notification, *, acting_user) -> Notification:
    if notification.recipient_id != acting_user.pk:
        raise PermissionError("not your notification")
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def mark_all_read(*, acting_user, kind: str = "") -> int:
    qs = Notification.objects.filter(recipient=acting_user, read_at__isnull=True)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.update(read_at=timezone.now())
