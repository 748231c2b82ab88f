"""Core pages: health check, the audit log (province only), the style guide and the 403 page."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from stdlink.core.models import AuditLog
from stdlink.core.permissions import (
    WHOM_TO_ASK,
    describe_permission,
    perm,
    public,
    scope_queryset,
)


@public
def healthz(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "database": connection.vendor})


@perm("core.view_auditlog")
def audit_log(request: HttpRequest) -> HttpResponse:
    """The audit log for people: names, record kinds, changes in words, local time, filters."""
    from stdlink.core.audit_display import describe
    from stdlink.core.filtersets import AuditLogFilterSet

    qs = scope_queryset(
        request.user, AuditLog.objects.select_related("actor", "region"), "core.view_auditlog"
    )
    filterset = AuditLogFilterSet(request.GET, queryset=qs)
    page = Paginator(filterset.qs, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "core/audit_log.html",
        {"page": page, "entries": describe(page.object_list), "filter": filterset},
    )


_CODENAME = re.compile(r"\(?\b([a-z_]+)\.((?:view|add|change|delete)_[a-z0-9_]+)\b\)?")


def _plain_words(text: str) -> str:
    """A permission message with any internal permission name replaced by words."""
    found = _CODENAME.search(text)
    if not found:
        return text
    return describe_permission(f"{found.group(1)}.{found.group(2)}")


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """403 page: what the person cannot do and whom to ask, never an internal permission name."""
    message = str(exception or "") if exception else ""
    return render(
        request,
        "403.html",
        {"message": _plain_words(message) if message else "", "ask": WHOM_TO_ASK},
        status=403,
    )


@public
def style_guide(request: HttpRequest) -> HttpResponse:
    """The design system's components, rendered (docs/style-guide.md describes them)."""
    from stdlink.core.templatetags.ui import TONES

    states = sorted({k for k in TONES if k})
    return render(request, "core/style_guide.html", {"states": states})
