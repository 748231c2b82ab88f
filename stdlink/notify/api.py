"""/api/v1/notify/: the signed-in person's inbox."""

from __future__ import annotations

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from stdlink.core.api_auth import LOGIN
from stdlink.notify.models import Notification
from stdlink.notify.services import mark_read

# Any signed-in person, by session or personal API token (their own notifications only).
router = Router(auth=LOGIN)


class NotificationSchema(Schema):
    id: int
    kind: str
    subject: str
    body: str
    link: str
    created: datetime
    read_at: datetime | None


class UnreadSchema(Schema):
    unread: int


@router.get("/inbox", response=list[NotificationSchema])
def inbox(request, kind: str = "", unread: bool = False, limit: int = 50):
    qs = Notification.objects.filter(recipient=request.user)
    if kind:
        qs = qs.filter(kind=kind)
    if unread:
        qs = qs.filter(read_at__isnull=True)
    return list(qs[: max(1, min(limit, 200))])


@router.get("/unread", response=UnreadSchema)
def unread_count(request):
    return {"unread": Notification.objects.filter(recipient=request.user, read_at=None).count()}


@router.post("/inbox/{pk}/read", response=NotificationSchema)
def read(request, pk: int):
    n = get_object_or_404(Notification, pk=pk, recipient=request.user)
    return mark_read(n, acting_user=request.user)
