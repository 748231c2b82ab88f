"""One filter definition per model: it drives the list pages, the API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from stdlink.catalog.models import ICS, Body, Committee, Standard
from stdlink.core.params import IntFilter


class StandardFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("identifier or title contains"))
    body = django_filters.CharFilter(method="filter_body", label=_("body"))
    doctype = django_filters.CharFilter(field_name="doctype", label=_("document type"))
    status = django_filters.MultipleChoiceFilter(choices=Standard.Status.choices, label=_("status"))
    ics = django_filters.CharFilter(method="filter_ics", label=_("ICS (code or prefix)"))
    ccs = django_filters.CharFilter(field_name="ccs__code", label=_("CCS"))
    committee = django_filters.CharFilter(method="filter_committee", label=_("committee"))
    year = IntFilter(field_name="year", low=1, high=9999, label=_("year"))
    year_from = IntFilter(
        field_name="year", lookup_expr="gte", low=1, high=9999, label=_("from year")
    )
    year_to = IntFilter(field_name="year", lookup_expr="lte", low=1, high=9999, label=_("to year"))
    nature = django_filters.ChoiceFilter(choices=Standard.Nature.choices[:-1], label=_("nature"))
    source = django_filters.CharFilter(field_name="source", label=_("source"))
    work_key = django_filters.CharFilter(field_name="work_key", label=_("work key"))

    class Meta:
        model = Standard
        fields = [
            "q",
            "body",
            "doctype",
            "status",
            "ics",
            "ccs",
            "committee",
            "year",
            "year_from",
            "year_to",
            "nature",
            "source",
            "work_key",
        ]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()[:200]
        if not value:
            return queryset
        cond = (
            Q(identifier__icontains=value)
            | Q(title_en__icontains=value)
            | Q(title_zh__icontains=value)
        )
        try:
            from stdlink.pubid import ParseError, key

            try:
                cond |= Q(work_key=key(value, level="work")) | Q(key=key(value, level="exact"))
            except ParseError:
                pass
        except ImportError:
            pass
        return queryset.filter(cond)

    def filter_body(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # By id, so that the (body, -year, identifier) index serves the list's order.
        ids = list(Body.objects.filter(code__iexact=value.strip()).values_list("pk", flat=True))
        return queryset.filter(body_id__in=ids)

    def filter_ics(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        # "25" matches the whole field 25 and every group and sub-group below it.
        return queryset.filter(ics__code__startswith=value).distinct()

    def filter_committee(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()
        return queryset.filter(
            Q(committee__code__iexact=value) | Q(committees__code__iexact=value)
        ).distinct()


class BodyFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Body.Kind.choices, label=_("kind"))
    annex1 = django_filters.BooleanFilter(label=_("on Annex 1 list"))
    q = django_filters.CharFilter(method="filter_q", label=_("name or code"))

    class Meta:
        model = Body
        fields = ["kind", "annex1", "country", "q"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(code__icontains=value) | Q(name_zh__icontains=value) | Q(name_en__icontains=value)
        )


class CommitteeFilterSet(django_filters.FilterSet):
    body = django_filters.CharFilter(field_name="body__code", lookup_expr="iexact", label=_("body"))
    q = django_filters.CharFilter(method="filter_q", label=_("code or name"))
    parent = django_filters.CharFilter(field_name="parent__code", label=_("parent"))

    class Meta:
        model = Committee
        fields = ["body", "q", "parent", "kind"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(code__icontains=value) | Q(name_en__icontains=value) | Q(name_zh__icontains=value)
        )


class ICSFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("code or name"))
    level = IntFilter(low=0, high=99, label=_("level"))
    parent = django_filters.CharFilter(field_name="parent__code", label=_("parent"))

    class Meta:
        model = ICS
        fields = ["q", "level", "parent"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(
            Q(code__startswith=value) | Q(name_en__icontains=value) | Q(name_zh__icontains=value)
        )
