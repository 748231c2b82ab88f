"""One e-mail configuration for every message (notifications, digests, password resets):
STDLINK_EMAIL chooses the backend and STDLINK_EMAIL_FROM the sender, and nothing later in the
settings overrides them."""

from __future__ import annotations

import importlib
import sys

import pytest


def _settings(monkeypatch, **env):
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    sys.modules.pop("stdlink.settings", None)
    try:
        return importlib.import_module("stdlink.settings")
    finally:
        sys.modules.pop("stdlink.settings", None)
        importlib.import_module("stdlink.settings")


@pytest.mark.parametrize(
    ("kind", "backend"),
    [
        ("smtp", "django.core.mail.backends.smtp.EmailBackend"),
        ("file", "django.core.mail.backends.filebased.EmailBackend"),
        ("console", "django.core.mail.backends.console.EmailBackend"),
    ],
)
def test_stdlink_email_chooses_the_backend(monkeypatch, kind, backend):
    module = _settings(monkeypatch, STDLINK_EMAIL=kind, STDLINK_EMAIL_FROM="标准联通 <a@b.cn>")
    assert module.EMAIL_BACKEND == backend
    assert module.DEFAULT_FROM_EMAIL == "标准联通 <a@b.cn>"


def test_smtp_settings_reach_django(monkeypatch):
    module = _settings(
        monkeypatch,
        STDLINK_EMAIL="smtp",
        STDLINK_EMAIL_HOST="mail.example.cn",
        STDLINK_EMAIL_PORT="587",
    )
    assert (module.EMAIL_HOST, module.EMAIL_PORT) == ("mail.example.cn", 587)
