"""One filter definition per model: list pages, API and exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stdlink.compare.models import Comparison, ComparisonState, Recognition
from stdlink.compare.models.comparison import Degree


class ComparisonFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("search"))
    state = django_filters.ChoiceFilter(choices=ComparisonState.choices, label=_("state"))
    product_field = django_filters.CharFilter(lookup_expr="icontains", label=_("product field"))
    suggested_degree = django_filters.ChoiceFilter(
        choices=Degree.choices, label=_("suggested degree")
    )

    class Meta:
        model = Comparison
        fields = ["q", "state", "product_field", "suggested_degree"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(documents__code__icontains=value)
        ).distinct()


class RecognitionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("search"))
    country = django_filters.CharFilter(
        field_name="country_code", lookup_expr="iexact", label=_("partner country (ISO3)")
    )
    belt_and_road = django_filters.BooleanFilter(label=_("Belt and Road country"))
    product_field = django_filters.CharFilter(lookup_expr="icontains", label=_("product field"))
    degree = django_filters.ChoiceFilter(
        choices=Degree.choices, label=_("degree of correspondence")
    )
    recognised_from = django_filters.DateFilter(
        field_name="recognised_on", lookup_expr="gte", label=_("recognised from")
    )
    recognised_to = django_filters.DateFilter(
        field_name="recognised_on", lookup_expr="lte", label=_("recognised to")
    )

    class Meta:
        model = Recognition
        fields = ["q", "country", "belt_and_road", "product_field", "degree"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(cn_code__icontains=value)
            | Q(cn_title__icontains=value)
            | Q(partner_code__icontains=value)
            | Q(partner_title__icontains=value)
        )
