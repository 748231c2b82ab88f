"""Outbound webhooks: a JSON POST per notification, signed with HMAC-SHA256, retried by the queue.

Headers: `X-StdLink-Timestamp: <unix seconds>` and
`X-StdLink-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>." + body)>`; the receiver
recomputes it with the webhook's secret (see `sign`). Addresses are checked when the webhook is
saved and again before every delivery (see safety.py); redirects are not followed.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from stdlink.notify.channels.base import Channel
from stdlink.notify.channels.webhook.safety import check_url

TIMEOUT = 10


def sign(secret: str, timestamp: str, body: bytes) -> str:
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def payload(notification) -> dict:
    return {
        "id": notification.pk,
        "kind": notification.kind,
        "subject": notification.subject,
        "body": notification.body,
        "link": notification.absolute_link(),
        "created": notification.created.isoformat(),
        "recipient": notification.recipient.get_username(),
        "event": notification.dedupe_key,
    }


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102
        return None  # a redirect could point anywhere, private addresses included


_OPENER = urllib.request.build_opener(_NoRedirect)


class WebhookError(Exception):
    pass


def post(webhook, data: dict) -> int:
    """POST `data` to the webhook; return the HTTP status; raise WebhookError on failure.
    Error texts name the host only, never the URL's path or query (they often hold tokens)."""
    check_url(webhook.url, allow_private=webhook.allow_private)
    body = json.dumps(data, ensure_ascii=False, sort_keys=True).encode("utf-8")
    ts = str(int(time.time()))
    req = urllib.request.Request(
        webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json; charset=utf-8",
            "User-Agent": "StdLink-Webhook/1",
            "X-StdLink-Timestamp": ts,
            "X-StdLink-Signature": sign(webhook.secret, ts, body),
        },
    )
    try:
        with _OPENER.open(req, timeout=TIMEOUT) as resp:
            status = resp.status
    except urllib.error.HTTPError as exc:
        raise WebhookError(f"HTTP {exc.code} from {webhook.safe_url}") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise WebhookError(f"{type(reason).__name__} connecting to {webhook.safe_url}") from None
    if not 200 <= status < 300:
        raise WebhookError(f"HTTP {status} from {webhook.safe_url}")
    return status


def record(webhook, ok: bool, status: str) -> None:
    type(webhook).objects.filter(pk=webhook.pk).update(
        last_ok=ok, last_status=status[:200], last_delivery_at=timezone.now()
    )


class WebhookChannel(Channel):
    key = "webhook"
    label = _("Webhooks")
    push = True

    def targets(self, user) -> list:
        return list(user.notify_webhooks.filter(active=True))

    def deliver(self, notification, target=None) -> str:
        try:
            status = post(target, payload(notification))
        except Exception as exc:
            record(target, False, str(exc))
            raise
        record(target, True, f"HTTP {status}")
        return f"HTTP {status}"
