"""Regions and roles as the province sees them: counties are added and renamed here."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from stdlink.accounts import forms
from stdlink.accounts.services.regions import save_region
from stdlink.core.models import Region, Role
from stdlink.core.permissions import perm


@perm("core.change_region")
def region_list(request: HttpRequest) -> HttpResponse:
    regions = Region.objects.annotate(n_members=Count("memberships")).order_by("path")
    roles = Role.objects.annotate(n_members=Count("memberships")).order_by("code")
    return render(request, "accounts/region_list.html", {"regions": regions, "roles": roles})


@perm("core.change_region")
def region_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    region = get_object_or_404(Region, pk=pk, level="county") if pk else Region(level="county")
    form = forms.RegionForm(request.POST or None, instance=region)
    if request.method == "POST" and form.is_valid():
        save_region(acting_user=request.user, region=form.save(commit=False))
        messages.success(request, _("Saved."))
        return redirect("accounts:region-list")
    return render(request, "accounts/region_form.html", {"form": form, "region": region})
