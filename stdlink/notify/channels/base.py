"""The interface every channel implements."""

from __future__ import annotations


class Channel:
    key: str = ""
    label: object = ""
    push: bool = False  # pushes each notification out (e-mail, webhook) vs. read on demand

    def targets(self, user) -> list:
        """Where this channel sends one person's notifications (webhooks, an address); [None]
        for channels with a single implicit target; [] when the person has none."""
        return [None]

    def deliver(self, notification, target=None) -> str:
        """Send one notification; return a short status text; raise to have the queue retry."""
        return ""

    def deliver_digest(self, user, notifications, period: str) -> bool:
        """Send one digest of several notifications; False when the channel does not do digests."""
        return False
