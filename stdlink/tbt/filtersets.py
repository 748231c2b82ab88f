"""Filters for notification lists (pages, API): member, Belt and Road, HS chapter, ICS, objective,
kind, open for comment, year, text."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from stdlink.core.params import IntFilter
from stdlink.tbt.classify.objectives import OBJECTIVES
from stdlink.tbt.models import Notification

OBJECTIVE_CHOICES = [(k, f"{v[0]} / {v[1]}") for k, v in OBJECTIVES.items()]


class NotificationFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("text or symbol contains"))
    member = django_filters.CharFilter(field_name="members__code", label=_("member (ISO code)"))
    bri = django_filters.BooleanFilter(method="filter_bri", label=_("Belt and Road"))
    hs = django_filters.CharFilter(method="filter_hs", label=_("HS code (any level)"))
    ics = django_filters.CharFilter(method="filter_ics", label=_("ICS code"))
    objective = django_filters.ChoiceFilter(
        choices=OBJECTIVE_CHOICES, method="filter_objective", label=_("objective")
    )
    kind = django_filters.ChoiceFilter(choices=Notification.Kind.choices, label=_("kind"))
    status = django_filters.ChoiceFilter(choices=Notification.Status.choices, label=_("status"))
    year = IntFilter(field_name="distribution_date__year", low=1, high=9999, label=_("year"))

    class Meta:
        model = Notification
        fields = ["q", "member", "bri", "hs", "ics", "objective", "kind", "status", "year"]

    def filter_q(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        v = value.strip()[:200]
        if not v:
            return qs
        return qs.filter(
            Q(symbol__icontains=v)
            | Q(title__icontains=v)
            | Q(products_text__icontains=v)
            | Q(description__icontains=v)
        )

    def filter_bri(self, qs, name, value):
        if value is None:
            return qs
        return qs.filter(members__bri=value).distinct()

    def filter_hs(self, qs, name, value):
        digits = "".join(ch for ch in value if ch.isdigit())[:6]
        if len(digits) < 2:
            return qs
        field = {2: "hs_codes__hs2", 4: "hs_codes__hs4", 6: "hs_codes__hs6"}.get(len(digits))
        if field is None:
            return qs.filter(hs_codes__digits__startswith=digits).distinct()
        return qs.filter(**{field: digits}).distinct()

    def filter_ics(self, qs, name, value):
        v = value.strip()[:16]
        if not v:
            return qs
        return qs.filter(Q(ics_codes__code=v) | Q(ics_codes__code__startswith=v + ".")).distinct()

    def filter_objective(self, qs, name, value):
        # JSON list containment is not portable to SQLite: match the quoted code in the text
        return qs.filter(objectives__icontains=f'"{value}"')
