from __future__ import annotations


def inbox(request) -> dict:
    """`inbox_unread`: the signed-in person's unread notifications (the header shows it)."""
    user = getattr(request, "user", None)
    if not user or not user.is_authenticated:
        return {"inbox_unread": 0}

    def count() -> int:
        from stdlink.notify.models import Notification

        return Notification.objects.filter(recipient=user, read_at__isnull=True).count()

    from django.utils.functional import SimpleLazyObject

    return {"inbox_unread": SimpleLazyObject(count)}
