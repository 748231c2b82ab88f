"""One filter definition per model: the adoption list page, its export and the API use it."""

from __future__ import annotations

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from stdlink.tracking.models import Adoption, WatchItem


class AdoptionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Standard number or title"))
    degree = django_filters.ChoiceFilter(choices=Adoption.Degree.choices, label=_("Degree"))
    source = django_filters.ChoiceFilter(choices=Adoption.Source.choices, label=_("Source"))
    sector = django_filters.CharFilter(method="filter_sector", label=_("Chinese code"))

    class Meta:
        model = Adoption
        fields = ["q", "degree", "source", "sector"]

    def filter_q(self, qs, name, value):
        value = value.strip()[:100]
        return qs.filter(
            Q(domestic__identifier__icontains=value)
            | Q(intl_identifier__icontains=value)
            | Q(domestic__title_zh__icontains=value)
        )

    def filter_sector(self, qs, name, value):
        return qs.filter(domestic__identifier__startswith=value.strip()[:12] + " ")


class WatchItemFilterSet(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=WatchItem.Kind.choices, label=_("Kind"))

    class Meta:
        model = WatchItem
        fields = ["kind"]
