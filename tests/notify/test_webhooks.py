"""Webhooks: HMAC-SHA256 signing, refusal of private addresses (SSRF) when saved and when
delivering, delivery to a local receiver with retries and the last status shown."""

from __future__ import annotations

import http.server
import json
import socket
import threading

import pytest
from django.core.exceptions import ValidationError

from stdlink.notify.channels.webhook import sign, verify
from stdlink.notify.channels.webhook.safety import check_url
from stdlink.notify.models import Delivery, Webhook
from stdlink.notify.services import notify


@pytest.mark.parametrize(
    ("secret", "ts", "body", "expected"),
    [
        # known answers from `printf '<ts>.<body>' | openssl dgst -sha256 -hmac <secret>`
        (
            "s3cret",
            "1700000000",
            b'{"a":1}',
            "1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940",
        ),
        ("k", "x", b"", "877393b31e6b798cda11627b2eb0c7bde1ca7817bd9ee4ca65f0fcad62bb1c20"),
    ],
)
def test_signature_matches_hmac_sha256(secret, ts, body, expected):
    assert sign(secret, ts, body) == "sha256=" + expected
    assert verify(secret, ts, body, "sha256=" + expected)
    assert not verify(secret, ts, body + b" ", "sha256=" + expected)
    assert not verify("other", ts, body, "sha256=" + expected)


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("http://127.0.0.1/hook", False),
        ("http://localhost:8000/hook", False),
        ("http://10.1.2.3/hook", False),
        ("http://172.16.0.1/hook", False),
        ("http://192.168.1.10/hook", False),
        ("http://169.254.169.254/latest/meta-data", False),  # cloud metadata, link-local
        ("http://[::1]/hook", False),
        ("http://[fe80::1]/hook", False),
        ("http://[::ffff:127.0.0.1]/hook", False),  # IPv4-mapped loopback
        ("http://0.0.0.0/hook", False),
        ("http://100.64.0.1/hook", False),  # carrier-grade NAT
        ("ftp://93.184.216.34/hook", False),
        ("http://user:pw@93.184.216.34/hook", False),
        ("http://93.184.216.34/hook", True),
        ("https://[2606:2800:220:1:248:1893:25c8:1946]/hook", True),
    ],
)
def test_private_addresses_refused(url, allowed):
    if allowed:
        assert check_url(url)
    else:
        with pytest.raises(ValidationError):
            check_url(url)


def test_every_resolved_address_is_checked(monkeypatch):
    def fake(host, port, *a, **k):
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.5", port)),
        ]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(ValidationError, match="10.0.0.5"):
        check_url("https://hooks.example.org/x")
    assert check_url("https://hooks.example.org/x", allow_private=True)


@pytest.mark.django_db
def test_form_refuses_private_unless_administrator(client, personas):
    client.force_login(personas.editor_a)
    r = client.post(
        "/notify/webhooks/",
        {"name": "x", "url": "http://127.0.0.1:9/h", "active": "on", "allow_private": "on"},
    )
    assert r.status_code == 200 and "已拒绝" in r.content.decode()
    assert not Webhook.objects.exists()
    client.force_login(personas.admin)  # province_admin holds notify.allow_private_webhook
    r = client.post(
        "/notify/webhooks/",
        {"name": "x", "url": "http://127.0.0.1:9/h", "active": "on", "allow_private": "on"},
    )
    assert r.status_code == 302
    assert Webhook.objects.get().allow_private is True


class _Receiver(http.server.BaseHTTPRequestHandler):
    received: list = []
    fail_first = 0

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((dict(self.headers), body))
        if type(self).fail_first > 0:
            type(self).fail_first -= 1
            self.send_response(503)
        else:
            self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    _Receiver.received = []
    _Receiver.fail_first = 0
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, _Receiver
    server.shutdown()


@pytest.mark.django_db
def test_delivery_to_local_receiver_signed(personas, receiver, queue, run_on_commit, settings):
    server, handler = receiver
    hook = Webhook.objects.create(
        owner=personas.editor_a,
        name="local",
        url=f"http://127.0.0.1:{server.server_port}/in",
        allow_private=True,
    )
    with run_on_commit():
        notify(
            personas.editor_a, "notify.test", "Hello", "Body", "/standards/1/", dedupe_key="wh-1"
        )
    assert len(handler.received) == 1
    headers, body = handler.received[0]
    assert verify(hook.secret, headers["X-Stdlink-Timestamp"], body, headers["X-Stdlink-Signature"])
    data = json.loads(body)
    assert (data["kind"], data["subject"], data["event"]) == ("notify.test", "Hello", "wh-1")
    assert data["link"] == settings.SITE_URL + "/standards/1/"
    hook.refresh_from_db()
    assert hook.last_ok is True and hook.last_status == "HTTP 204"
    assert Delivery.objects.get(channel="webhook").status == "sent"


@pytest.mark.django_db
def test_failed_delivery_is_retried_then_recorded(
    personas, receiver, queue, run_on_commit, monkeypatch
):
    from stdlink.jobs.registry import TASKS

    server, handler = receiver
    handler.fail_first = 1
    # retries without waiting (the production delay is 30 s, doubling)
    monkeypatch.setattr(TASKS["notify.send"].wrapper.task_class, "default_retry_delay", 0)
    hook = Webhook.objects.create(
        owner=personas.editor_a,
        name="local",
        url=f"http://127.0.0.1:{server.server_port}/in",
        allow_private=True,
    )
    with run_on_commit():
        notify(personas.editor_a, "notify.test", "Hello", dedupe_key="wh-2")
    assert len(handler.received) == 2
    d = Delivery.objects.get(channel="webhook")
    assert (d.status, d.attempts) == ("sent", 2)
    hook.refresh_from_db()
    assert hook.last_ok is True


@pytest.mark.django_db
def test_private_address_refused_at_delivery_time(personas, queue, run_on_commit, monkeypatch):
    """A webhook saved while its host was public is still refused if the name now resolves to
    a private address (DNS rebinding)."""
    from stdlink.jobs.registry import TASKS

    monkeypatch.setattr(TASKS["notify.send"].wrapper.task_class, "default_retries", 0)
    hook = Webhook.objects.create(
        owner=personas.editor_a, name="x", url="https://hooks.example.org/T0K3N"
    )

    def fake(host, port, *a, **k):
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with run_on_commit():
        notify(personas.editor_a, "notify.test", "Hello", dedupe_key="wh-3")
    d = Delivery.objects.get(channel="webhook")
    assert d.status == "failed"
    assert "private" in d.last_error
    assert "T0K3N" not in d.last_error  # no secrets in errors or logs
    hook.refresh_from_db()
    assert hook.last_ok is False and "T0K3N" not in hook.last_status


@pytest.mark.django_db
def test_webhook_changes_audited_without_secrets(client, personas):
    from stdlink.core.models import AuditLog

    client.force_login(personas.admin)
    client.post(
        "/notify/webhooks/",
        {
            "name": "x",
            "url": "http://127.0.0.1:9/h?token=T0K3N",
            "active": "on",
            "allow_private": "on",
        },
    )
    hook = Webhook.objects.get()
    client.post(f"/notify/webhooks/{hook.pk}/delete")
    rows = AuditLog.objects.filter(model="notify.webhook").order_by("id")
    assert [r.action for r in rows] == ["create", "delete"]
    dump = str([(r.before, r.after) for r in rows])
    assert "T0K3N" not in dump and hook.secret not in dump
