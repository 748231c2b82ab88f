"""E-mail through Django's mail API (file backend under var/mail/ by default; SMTP through the
STDLINK_EMAIL_* variables, see README)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from stdlink.notify.channels.base import Channel


def _language(user) -> str:
    from stdlink.notify.models import UserSettings

    st = UserSettings.objects.filter(user=user).only("language").first()
    return st.language if st else "zh-hans"


class EmailChannel(Channel):
    key = "email"
    label = _("E-mail")
    push = True

    def targets(self, user) -> list:
        return [None] if user.email else []

    def deliver(self, notification, target=None) -> str:
        user = notification.recipient
        with translation.override(_language(user)):
            text = render_to_string(
                "notify/email/notification.txt",
                {"n": notification, "site_url": settings.SITE_URL, "user": user},
            )
            send_mail(
                f"[{translation.gettext('StdLink')}] {notification.subject}",
                text,
                None,
                [user.email],
            )
        return "sent"

    def deliver_digest(self, user, notifications, period: str) -> bool:
        if not user.email:
            return False
        from stdlink.notify.kinds import group_by_kind

        with translation.override(_language(user)):
            groups = group_by_kind(notifications)
            title = (
                translation.gettext("Daily digest")
                if period == "daily"
                else translation.gettext("Weekly digest")
            )
            text = render_to_string(
                "notify/email/digest.txt",
                {
                    "groups": groups,
                    "count": len(notifications),
                    "title": title,
                    "site_url": settings.SITE_URL,
                    "user": user,
                },
            )
            send_mail(f"[{translation.gettext('StdLink')}] {title}", text, None, [user.email])
        return True
