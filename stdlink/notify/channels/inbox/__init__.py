"""In-app inbox: the Notification row is the message (pages: notify:inbox; header count:
context variable `inbox_unread`)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stdlink.notify.channels.base import Channel


class InboxChannel(Channel):
    key = "inbox"
    label = _("Inbox")
    push = False
