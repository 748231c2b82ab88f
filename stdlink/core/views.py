"""Core pages: health check, the audit log (province only), the style guide and the 403 page."""

from __future__ import annotations

import re

from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language

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
    qs = scope_queryset(
        request.user, AuditLog.objects.select_related("actor", "region"), "core.view_auditlog"
    )
    model = request.GET.get("model")
    if model:
        qs = qs.filter(model=model)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "model": model})


_CODENAME = re.compile(r"\(?\b([a-z_]+)\.((?:view|add|change|delete)_[a-z0-9_]+)\b\)?")


_BILINGUAL = re.compile(r"^(?P<zh>[^/]*[\u4e00-\u9fff][^/]*?)\s+/\s+(?P<en>[^\u4e00-\u9fff]+)$")


def _plain_words(text: str) -> str:
    """A permission message in the reader's language, with any internal permission name replaced
    by words and the person to ask added ("只读权限 / read-only access" → one language)."""
    found = _CODENAME.search(text)
    if found:
        return describe_permission(f"{found.group(1)}.{found.group(2)}")
    pair = _BILINGUAL.match(text.strip())
    if pair:
        english = (get_language() or "").startswith("en")
        text = pair.group("en") if english else pair.group("zh")
        text = text[0].upper() + text[1:] if english else text
        end = ". " if english else "。"
        return f"{text.rstrip('.。')}{end}{WHOM_TO_ASK}"
    return text


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
