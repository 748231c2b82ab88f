"""Notification channels, one folder each, one interface (`base.Channel`).

- inbox: the Notification row itself (pull: the inbox page, unread count in the header)
- atom: a private Atom feed per person (pull: token URL)
- email: Django's mail API, immediately or as a digest (push)
- webhook: signed JSON POSTs to the person's webhooks, retried by the queue (push)
"""

from __future__ import annotations

from stdlink.notify.channels.atom import AtomChannel
from stdlink.notify.channels.base import Channel
from stdlink.notify.channels.email import EmailChannel
from stdlink.notify.channels.inbox import InboxChannel
from stdlink.notify.channels.webhook import WebhookChannel

CHANNELS: dict[str, Channel] = {
    c.key: c for c in (InboxChannel(), AtomChannel(), EmailChannel(), WebhookChannel())
}
PUSH_CHANNELS = [c for c in CHANNELS.values() if c.push]

__all__ = ["CHANNELS", "PUSH_CHANNELS", "Channel"]
