"""Core pages: health check and the audit log (province only)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.core.forms import LoginForm
from stdlink.core.lockout import address_throttle, throttled_response
from stdlink.core.models import ApiToken, AuditLog
from stdlink.core.permissions import login, perm, public, scope_queryset
from stdlink.core.services import tokens


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
