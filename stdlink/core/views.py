"""Core pages: health check and the audit log (province only)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from stdlink.core.models import AuditLog
from stdlink.core.permissions import perm, public, scope_queryset


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
