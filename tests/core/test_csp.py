"""F11: every page sends a Content-Security-Policy that allows scripts only from this site or with
the request's nonce, and no template has an inline event handler or an un-nonced inline script."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import stdlink

TEMPLATES = sorted(Path(stdlink.__file__).parent.glob("**/templates/**/*.html"))
HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.I | re.S)
SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)


def test_the_walk_sees_the_templates():
    assert len(TEMPLATES) > 30


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: str(p).split("/stdlink/")[-1])
def test_no_inline_handlers_or_unnonced_scripts(path):
    text = path.read_text(encoding="utf-8")
    assert not HANDLER.search(text), "inline event handler (use a static script)"
    for attrs in SCRIPT.findall(text):
        ok = "src=" in attrs or 'type="application/json"' in attrs or "request.csp_nonce" in attrs
        assert ok, f"inline <script{attrs}> without a nonce"


@pytest.mark.parametrize(
    "path", ["/", "/standards/", "/search/", "/accounts/login/", "/api/v1/docs"]
)
def test_pages_send_the_policy(client, db, path):
    response = client.get(path)
    policy = response.headers["Content-Security-Policy"]
    directives = dict(
        (d.split()[0], d.split()[1:]) for d in (x.strip() for x in policy.split(";")) if d
    )
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"][0] == "'self'"
    assert all(s == "'self'" or s.startswith("'nonce-") for s in directives["script-src"])
    assert directives["frame-ancestors"] == ["'none'"]


def test_dashboard_chart_is_a_static_script(client, personas):
    client.force_login(personas.admin)
    body = client.get("/programme/").content.decode()
    assert "programme/dashboard.js" in body
    assert "onchange" not in body and "new Chart(" not in body
