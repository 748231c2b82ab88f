from __future__ import annotations


def inbox(request) -> dict:
    """`inbox_unread`: the signed-in person's unread notifications (an int; the header shows
    it). One indexed count per page for signed-in people, none for visitors."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"inbox_unread": 0}
    from stdlink.notify.models import Notification

    return {
        "inbox_unread": Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    }
