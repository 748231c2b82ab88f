"""Enterprise self-registration (public) and its approval by the city officer."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from stdlink.accounts import forms
from stdlink.accounts.filtersets import RegistrationFilterSet
from stdlink.accounts.models import Registration
from stdlink.accounts.services import registrations as svc
from stdlink.accounts.tables import RegistrationTable
from stdlink.core.forms import error_summary
from stdlink.core.permissions import get_for_user, perm, public, scope_queryset

VIEW, DECIDE = "accounts.view_registration", "accounts.change_registration"


@public
def register(request: HttpRequest) -> HttpResponse:
    form = forms.RegistrationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            svc.register(
                username=d["username"],
                password=d["password1"],
                uscc=d["uscc"],
                organisation=d["organisation"],
                region=d["region"],
                contact_name=d["contact_name"],
                email=d["email"],
                mobile=d["mobile"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return render(request, "accounts/register_done.html", {"region": d["region"]})
    return render(request, "accounts/register.html", {"form": form})


@perm(VIEW)
def registration_list(request: HttpRequest) -> HttpResponse:
    qs = scope_queryset(request.user, Registration.objects.select_related("region"), VIEW)
    data = request.GET.copy()
    if "state" not in data:
        data["state"] = Registration.State.PENDING
    filterset = RegistrationFilterSet(data, queryset=qs)
    table = RegistrationTable(filterset.qs)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(request, "accounts/registration_list.html", {"filter": filterset, "table": table})


@perm(VIEW)
def registration_detail(request: HttpRequest, pk: int) -> HttpResponse:
    registration, can_decide = get_for_user(
        request.user,
        Registration.objects.select_related("region", "decided_by", "user"),
        VIEW,
        DECIDE,
        pk=pk,
    )
    return render(
        request,
        "accounts/registration_detail.html",
        {
            "registration": registration,
            "can_decide": can_decide and registration.state == Registration.State.PENDING,
            "form": forms.DecisionForm(),
        },
    )


@perm(DECIDE)
@require_POST
def registration_decide(request: HttpRequest, pk: int) -> HttpResponse:
    registration, can_decide = get_for_user(
        request.user, Registration.objects.all(), VIEW, DECIDE, pk=pk
    )
    form = forms.DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
        return redirect("accounts:registration-detail", pk=pk)
    d = form.cleaned_data
    try:
        if d["decision"] == "approve":
            svc.approve(acting_user=request.user, registration=registration, kind=d["kind"])
            messages.success(request, _("Registration approved; the account can log in now."))
        else:
            svc.reject(acting_user=request.user, registration=registration, reason=d["reason"])
            messages.success(request, _("Registration rejected."))
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("accounts:registration-detail", pk=pk)
