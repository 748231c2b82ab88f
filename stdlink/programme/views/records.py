"""Generic list / detail / create / edit pages for programme records (NetBox-style): each record
type declares its model, form, filter set and list columns; the permission rules and region (or
unit) scoping are the same for all of them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _

from stdlink.core.permissions import has_perm, perm, require_write
from stdlink.programme.scoping import fetch, scoped
from stdlink.programme.services.records import create_record, update_record
from stdlink.programme.tables import display


@dataclass
class Resource:
    key: str
    model: type
    form: type
    filterset: type
    columns: list[str]
    select: tuple = ()
    add_perm: str | None = None
    change_perm: str | None = None
    actions_template: str | None = None
    extra_context: Callable | None = None
    exports: bool = False
    prefetch: tuple = field(default_factory=tuple)

    @property
    def name(self) -> str:
        return self.model._meta.model_name

    @property
    def view_perm(self) -> str:
        return f"programme.view_{self.name}"

    @property
    def add(self) -> str:
        return self.add_perm or f"programme.add_{self.name}"

    @property
    def change(self) -> str:
        return self.change_perm or f"programme.change_{self.name}"

    def queryset(self):
        return self.model.objects.select_related(*self.select).prefetch_related(*self.prefetch)


def _link_committee(obj) -> None:
    if hasattr(obj, "committee_code"):
        from stdlink.catalog.models import Committee

        code = " ".join((obj.committee_code or "").split())
        obj.committee_code = code
        obj.committee = Committee.objects.filter(code=code).first() if code else None


def _save(request: HttpRequest, res: Resource, form, create: bool) -> HttpResponse | None:
    obj = form.save(commit=False)
    _link_committee(obj)
    m2m = {
        f: form.cleaned_data[f]
        for f in form.fields
        if f in form.cleaned_data and obj._meta.get_field(f).many_to_many
    }
    try:
        if create:
            create_record(acting_user=request.user, obj=obj, perm=res.add, m2m=m2m)
        else:
            update_record(acting_user=request.user, obj=obj, perm=res.change, m2m=m2m)
    except ValidationError as exc:
        form.add_error(None, exc)
        return None
    messages.success(request, _("Saved."))
    return redirect(f"programme:{res.key}-detail", pk=obj.pk)


def _title(obj) -> str:
    """The record's name; an Annex form reads "unit · 2026年11月"."""
    if hasattr(obj, "missing_for_submit"):
        from stdlink.core.templatetags.months import month_label

        return f"{obj.unit_name} · {month_label(obj.month)}"
    return str(obj)


def make_views(res: Resource) -> dict[str, Callable]:
    @perm(res.view_perm)
    def list_view(request: HttpRequest) -> HttpResponse:
        from stdlink.core.tables import column_choices, configure, export_response
        from stdlink.programme.tables import table_for

        qs = scoped(request.user, res.queryset(), res.view_perm)
        filterset = res.filterset(request.GET, queryset=qs)
        table = configure(request, table_for(res)(filterset.qs))
        exported = export_response(request, table, res.key)
        if exported is not None:
            return exported
        return render(
            request,
            "programme/list.html",
            {
                "res": res,
                "table": table,
                "columns": column_choices(table),
                # the records of this page (tests and templates read them directly)
                "page": [row.record for row in table.paginated_rows],
                "total": table.paginator.count,
                "filter": filterset,
                "can_add": has_perm(request.user, res.add),
                "title": res.model._meta.verbose_name_plural,
            },
        )

    @perm(res.view_perm)
    def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
        obj, can_write = fetch(request.user, res.queryset(), res.view_perm, res.change, pk=pk)
        from stdlink.programme.forms import ANNEX_LABELS

        labels = ANNEX_LABELS if hasattr(obj, "missing_for_submit") else {}
        fields = [
            (labels.get(f) or obj._meta.get_field(f).verbose_name, display(obj, f))
            for f in res.form._meta.fields
        ]
        context = {
            "res": res,
            "obj": obj,
            "can_write": can_write,
            # A submitted Annex form is not edited (it is reopened first, while not yet reported).
            "editable": getattr(obj, "state", "draft") == "draft"
            or not hasattr(obj, "missing_for_submit"),
            "fields": fields,
            "title": _title(obj),
            "list_title": res.model._meta.verbose_name_plural,
        }
        if res.extra_context:
            context.update(res.extra_context(request, obj, can_write))
        return render(request, "programme/detail.html", context)

    @perm(res.add)
    def create_view(request: HttpRequest) -> HttpResponse:
        # A GET may prefill fields of the form (e.g. tracking's gap list starts an adoption
        # project with the international standard's title and number); nothing is saved.
        initial = {k: v[:500] for k, v in request.GET.items() if k in res.form.base_fields}
        form = res.form(
            request.POST or None,
            request.FILES or None,
            user=request.user,
            codename=res.add,
            initial=initial,
        )
        if request.method == "POST" and form.is_valid():
            response = _save(request, res, form, create=True)
            if response:
                return response
        return render(
            request,
            "programme/form.html",
            {
                "res": res,
                "form": form,
                "title": _("New: %(what)s") % {"what": res.model._meta.verbose_name},
                "list_title": res.model._meta.verbose_name_plural,
                "annex_title": getattr(res.model, "ANNEX_TITLE", ""),
            },
        )

    @perm(res.change)
    def edit_view(request: HttpRequest, pk: int) -> HttpResponse:
        obj, can_write = fetch(request.user, res.queryset(), res.view_perm, res.change, pk=pk)
        require_write(can_write, request.user)
        if getattr(obj, "state", "draft") not in ("draft",) and hasattr(obj, "missing_for_submit"):
            messages.error(request, _("A submitted form cannot be edited; reopen it first."))
            return redirect(f"programme:{res.key}-detail", pk=obj.pk)
        form = res.form(
            request.POST or None,
            request.FILES or None,
            instance=obj,
            user=request.user,
            codename=res.change,
        )
        if request.method == "POST" and form.is_valid():
            response = _save(request, res, form, create=False)
            if response:
                return response
        return render(
            request,
            "programme/form.html",
            {
                "res": res,
                "form": form,
                "obj": obj,
                "title": _title(obj),
                "list_title": res.model._meta.verbose_name_plural,
                "annex_title": getattr(res.model, "ANNEX_TITLE", ""),
            },
        )

    return {"list": list_view, "detail": detail_view, "new": create_view, "edit": edit_view}


def urlpatterns_for(res: Resource) -> list:
    v = make_views(res)
    return [
        path(f"{res.key}/", v["list"], name=f"{res.key}-list"),
        path(f"{res.key}/new/", v["new"], name=f"{res.key}-new"),
        path(f"{res.key}/<int:pk>/", v["detail"], name=f"{res.key}-detail"),
        path(f"{res.key}/<int:pk>/edit/", v["edit"], name=f"{res.key}-edit"),
    ]


def detail_url(res: Resource, obj) -> str:
    return reverse(f"programme:{res.key}-detail", args=[obj.pk])
