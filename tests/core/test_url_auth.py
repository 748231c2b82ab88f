"""Fail closed: every URL has a permission rule (get.gov tests/test_url_auth.py, STYLE.md §10)."""

from __future__ import annotations

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from stdlink.core.permissions import RULE_ATTR

# Namespaces guarded by their own framework: Django's admin (staff login) and the ninja API
# (checked operation by operation below).
FRAMEWORK_NAMESPACES = {"admin", "api-v1"}


def _walk(patterns, prefix="", namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), namespace, p.callback


def test_every_view_declares_a_rule():
    missing = [
        route
        for route, ns, callback in _walk(get_resolver().url_patterns)
        if ns not in FRAMEWORK_NAMESPACES and not hasattr(callback, RULE_ATTR)
    ]
    assert missing == [], f"views without a permission rule: {missing}"


def test_the_walk_sees_the_apps():
    routes = [route for route, _, _ in _walk(get_resolver().url_patterns)]
    assert any(r.startswith("standards/") for r in routes)
    assert len(routes) > 10


def test_every_api_operation_declares_auth():
    from stdlink.api import api

    api.urls  # noqa: B018 - binds the routers
    missing, seen = [], 0
    for bound in api._get_bound_routers():
        for path, view in bound.path_operations.items():
            for op in view.operations:
                seen += 1
                rules = [getattr(cb, "rule", None) for cb in op.auth_callbacks]
                if not rules or None in rules:
                    missing.append(f"{bound.prefix}{path} {op.methods}")
    assert seen > 5
    assert missing == [], f"API operations without a declared rule: {missing}"


@pytest.mark.django_db
def test_admin_requires_staff(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
