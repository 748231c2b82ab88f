"""Filters of the account and registration lists (one per model, STYLE.md §4)."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stdlink.accounts.models import Account, Registration
from stdlink.core.models import Region, Role


class AccountFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("name or login"), method="filter_q")
    role = django_filters.ModelChoiceFilter(
        label=_("role"),
        queryset=Role.objects.all(),
        field_name="memberships__role",
        empty_label=_("all roles"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("region"),
        queryset=Region.objects.all(),
        method="filter_region",
        empty_label=_("all regions"),
    )
    is_active = django_filters.BooleanFilter(label=_("active"))

    class Meta:
        model = Account
        fields = ["q", "role", "region", "is_active"]

    def filter_q(self, qs, name, value):
        return qs.filter(
            Q(username__icontains=value)
            | Q(first_name__icontains=value)
            | Q(email__icontains=value)
        )

    def filter_region(self, qs, name, value):
        return qs.filter(memberships__region__path__startswith=value.path).distinct()


class RegistrationFilterSet(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=Registration.State.choices, empty_label=_("all")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("region"),
        queryset=Region.objects.all(),
        method="filter_region",
        empty_label=_("all regions"),
    )
    q = django_filters.CharFilter(label=_("organisation or code"), method="filter_q")

    class Meta:
        model = Registration
        fields = ["state", "region", "q"]

    def filter_region(self, qs, name, value):
        return qs.filter(region__path__startswith=value.path)

    def filter_q(self, qs, name, value):
        return qs.filter(Q(organisation__icontains=value) | Q(uscc__icontains=value.upper()))
