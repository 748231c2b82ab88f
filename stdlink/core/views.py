"""Core pages: health check, the audit log (province only), the style guide and the 403 page."""

from __future__ import annotations

import re

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.core.forms import LoginForm
from stdlink.core.lockout import address_throttle, throttled_response
from stdlink.core.models import ApiToken, AuditLog
from stdlink.core.permissions import (
    ask_message,
    denied_message,
    login,
    perm,
    public,
    scope_queryset,
)
from stdlink.core.services import tokens


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


# "app_label.action_model": an internal permission name that must never reach the page.
_CODENAME = re.compile(r"\b([a-z_]+)\.([a-z]+_[a-z0-9_]+)\b")


_BILINGUAL = re.compile(r"^(?P<zh>[^/]*[\u4e00-\u9fff][^/]*?)\s+/\s+(?P<en>[^\u4e00-\u9fff]+)$")


def _plain_words(text: str, user=None) -> str:
    """A refusal in the reader's language that says whom `user` should ask: a message naming an
    internal permission becomes `denied_message` for it; a bilingual "只读权限 / read-only access"
    keeps the reader's half; an empty one says the role does not allow this."""
    found = next((m for m in _CODENAME.finditer(text) if m.group(1) in apps.app_configs), None)
    if found or not text.strip():
        return denied_message(user, found.group(0) if found else "")
    pair = _BILINGUAL.match(text.strip())
    if pair:
        english = (get_language() or "").startswith("en")
        text = pair.group("en") if english else pair.group("zh")
        text = text[0].upper() + text[1:] if english else text
        end = ". " if english else "。"
        return f"{text.rstrip('.。')}{end}{ask_message(user)}"
    return text


def permission_denied(request: HttpRequest, exception=None) -> HttpResponse:
    """403 page: what the person cannot do and whom they should ask (`denied_message`), never
    an internal permission name."""
    message = str(exception) if exception else ""
    user = getattr(request, "user", None)
    return render(request, "403.html", {"message": _plain_words(message, user)}, status=403)


@public
def style_guide(request: HttpRequest) -> HttpResponse:
    """The design system's components, rendered (docs/style-guide.md describes them)."""
    from stdlink.core.templatetags.ui import TONES

    states = sorted({k for k in TONES if k})
    return render(request, "core/style_guide.html", {"states": states})


class LoginView(auth_views.LoginView):
    """Django's log-in; an address with too many recent failures (any names) is refused before
    any password is checked (decision 0007)."""

    authentication_form = LoginForm

    def post(self, request, *args, **kwargs):
        minutes = address_throttle(request)
        if minutes:
            return throttled_response(request, minutes)
        return super().post(request, *args, **kwargs)


@login
def api_tokens(request: HttpRequest) -> HttpResponse:
    """The user's personal API tokens: create one (shown once), see when each was last used."""
    created = None
    if request.method == "POST":
        name = (request.POST.get("name") or "").strip()
        if not name:
            messages.error(request, _("Give the token a name."))
        else:
            _token, created = tokens.create_token(
                acting_user=request.user, user=request.user, name=name
            )
    return render(
        request,
        "core/api_tokens.html",
        {"tokens": ApiToken.objects.filter(user=request.user), "created": created},
    )


@login
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    tokens.revoke_token(acting_user=request.user, token=token)
    messages.success(request, _("Token revoked."))
    return redirect("api-tokens")
