"""Account management pages: the province manages every account, a city officer the unit accounts
of its own region (others' are 404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from stdlink.accounts import forms
from stdlink.accounts.filtersets import AccountFilterSet
from stdlink.accounts.scoping import accounts_for, fetch_account
from stdlink.accounts.services import accounts as svc
from stdlink.accounts.tables import AccountTable
from stdlink.core.forms import error_summary
from stdlink.core.models import Membership
from stdlink.core.permissions import has_perm, perm

VIEW, ADD, CHANGE = "accounts.view_account", "accounts.add_account", "accounts.change_account"


def _with_memberships(qs):
    return qs.prefetch_related(
        Prefetch("memberships", queryset=Membership.objects.select_related("role", "region"))
    )


@perm(VIEW)
def user_list(request: HttpRequest) -> HttpResponse:
    qs = _with_memberships(accounts_for(request.user, VIEW)).order_by("first_name", "username")
    filterset = AccountFilterSet(request.GET, queryset=qs)
    table = AccountTable(filterset.qs)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(
        request,
        "accounts/user_list.html",
        {"filter": filterset, "table": table, "can_add": has_perm(request.user, ADD)},
    )


def _unit_names(memberships) -> dict[int, str]:
    from stdlink.programme.models import Unit

    ids = [m.unit_id for m in memberships if m.unit_id]
    return dict(Unit.objects.filter(pk__in=ids).values_list("pk", "name")) if ids else {}


@perm(VIEW)
def user_detail(request: HttpRequest, pk: int) -> HttpResponse:
    account, can_write = fetch_account(request.user, pk)
    memberships = list(account.memberships.select_related("role", "region"))
    units = _unit_names(memberships)
    return render(
        request,
        "accounts/user_detail.html",
        {
            "account": account,
            "can_write": can_write,
            "memberships": [(m, units.get(m.unit_id, "")) for m in memberships],
            "edit_form": forms.AccountEditForm(
                initial={"name": account.first_name, "email": account.email}
            ),
            "membership_form": forms.MembershipForm(user=request.user),
            "new_password": request.session.pop(f"new-password-{account.pk}", None),
        },
    )


@perm(ADD)
def user_create(request: HttpRequest) -> HttpResponse:
    form = forms.AccountCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            account, password = svc.create_account(
                acting_user=request.user,
                username=d["username"],
                name=d["name"],
                email=d["email"],
                role=d["role"],
                region=d["region"],
                unit=d["unit"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            request.session[f"new-password-{account.pk}"] = password
            messages.success(request, _("Account created."))
            return redirect("accounts:user-detail", pk=account.pk)
    return render(request, "accounts/user_form.html", {"form": form})


def _writable(request: HttpRequest, pk: int):
    account, can_write = fetch_account(request.user, pk)
    if not can_write:
        raise PermissionDenied(
            _("You may only look at this account; ask the provincial administrator to change it.")
        )
    return account


def _run(request: HttpRequest, fn, ok: str) -> None:
    try:
        fn()
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    else:
        messages.success(request, ok)


@perm(CHANGE)
@require_POST
def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    account = _writable(request, pk)
    form = forms.AccountEditForm(request.POST)
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
    else:
        _run(
            request,
            lambda: svc.update_account(
                acting_user=request.user,
                account=account,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
            ),
            _("Saved."),
        )
    return redirect("accounts:user-detail", pk=pk)


@perm(CHANGE)
@require_POST
def user_active(request: HttpRequest, pk: int) -> HttpResponse:
    account = _writable(request, pk)
    active = request.POST.get("active") == "1"
    _run(
        request,
        lambda: svc.set_active(acting_user=request.user, account=account, active=active),
        _("Account reactivated.") if active else _("Account deactivated."),
    )
    return redirect("accounts:user-detail", pk=pk)


@perm(CHANGE)
@require_POST
def user_reset(request: HttpRequest, pk: int) -> HttpResponse:
    account = _writable(request, pk)
    password = svc.reset_password(acting_user=request.user, account=account)
    request.session[f"new-password-{account.pk}"] = password
    messages.success(request, _("A new one-time password was set."))
    return redirect("accounts:user-detail", pk=pk)


@perm(CHANGE)
@require_POST
def membership_add(request: HttpRequest, pk: int) -> HttpResponse:
    account = _writable(request, pk)
    form = forms.MembershipForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, error_summary(form.errors))
    else:
        d = form.cleaned_data
        _run(
            request,
            lambda: svc.add_membership(
                acting_user=request.user,
                account=account,
                role=d["role"],
                region=d["region"],
                unit=d["unit"],
            ),
            _("Role assigned."),
        )
    return redirect("accounts:user-detail", pk=pk)


@perm(CHANGE)
@require_POST
def membership_remove(request: HttpRequest, pk: int, membership_pk: int) -> HttpResponse:
    account = _writable(request, pk)
    membership = account.memberships.filter(pk=membership_pk).first()
    if membership is None:
        raise Http404("未找到 / not found")
    _run(
        request,
        lambda: svc.remove_membership(acting_user=request.user, membership=membership),
        _("Role removed."),
    )
    return redirect("accounts:user-detail", pk=pk)
