"""Filters of the audit log: person, region (subtree), date range, kind of record and action."""

from __future__ import annotations

import django_filters
from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import AuditLog, Region


class PersonChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        full = (obj.get_full_name() or "").strip()
        return f"{full} ({obj.get_username()})" if full else obj.get_username()


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonChoice


class AuditLogFilterSet(django_filters.FilterSet):
    actor = PersonFilter(
        label=_("person"),
        queryset=get_user_model().objects.order_by("first_name", "username"),
        empty_label=_("everyone"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("region"),
        queryset=Region.objects.all(),
        method="filter_region",
        empty_label=_("all regions"),
    )
    since = django_filters.DateFilter(
        label=_("from"),
        field_name="at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label=_("until"),
        field_name="at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    model = django_filters.ChoiceFilter(
        label=_("kind of record"), choices=[], empty_label=_("all kinds")
    )
    action = django_filters.ChoiceFilter(
        label=_("action"), choices=AuditLog.Action.choices, empty_label=_("all actions")
    )

    class Meta:
        model = AuditLog
        fields = ["actor", "region", "since", "until", "model", "action"]

    def __init__(self, *args, **kwargs) -> None:
        from stdlink.core.audit_display import kind_label

        super().__init__(*args, **kwargs)
        labels = AuditLog.objects.values_list("model", flat=True).distinct().order_by("model")
        self.filters["model"].extra["choices"] = sorted(
            ((label, kind_label(label)) for label in labels), key=lambda c: str(c[1])
        )

    def filter_region(self, queryset, name, value):
        return queryset.filter(region__path__startswith=value.path)
