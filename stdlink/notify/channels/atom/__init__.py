"""A private Atom feed per person at /notify/feed/<token>/ (token in UserSettings.feed_token)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from stdlink.notify.channels.base import Channel


class AtomChannel(Channel):
    key = "atom"
    label = _("Atom feed")
    push = False
