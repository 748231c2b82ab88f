"""One filter definition per model: it drives the list pages, the API and the exports."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from stdlink.core.params import MonthFilter
from stdlink.programme.models import (
    Achievement,
    Contact,
    Designation,
    Expert,
    GroupStandardTranslation,
    MonthlyReport,
    Project,
    ReportState,
    Secretariat,
    Stage,
    Survey,
    Target,
    Unit,
)


class RegionFilterMixin(django_filters.FilterSet):
    # The value stays the region code (the API and exports take ?region=330100); pages show a
    # select of region names instead of a free-text code.
    region = django_filters.CharFilter(method="filter_region", label=_("region"))

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        from django import forms

        from stdlink.core.models import Region

        indent = {"province": "", "city": "\u3000", "county": "\u3000\u3000"}
        choices = [("", "—")] + [
            (r.code, f"{indent.get(r.level, '')}{r.display_name}")
            for r in Region.objects.only("code", "name_zh", "name_en", "level", "path")
        ]
        self.form.fields["region"].widget = forms.Select(choices=choices)

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        from stdlink.core.models import Region

        region = Region.objects.filter(code=value.strip()).first()
        if region is None:
            return queryset.none()
        lookup = getattr(queryset.model, "region_lookup", "region")
        return queryset.filter(**{f"{lookup}__path__startswith": region.path})


class UnitFilterSet(RegionFilterMixin):
    q = django_filters.CharFilter(method="filter_q", label=_("name or credit code"))

    class Meta:
        model = Unit
        fields = ["q", "kind", "region", "is_demo"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(Q(name__icontains=value) | Q(uscc__iexact=value))


class AnnexFilterSet(RegionFilterMixin):
    month = MonthFilter(field_name="month", label=_("month (YYYY-MM)"))
    q = django_filters.CharFilter(
        field_name="unit_name", lookup_expr="icontains", label=_("unit name")
    )


class SurveyFilterSet(AnnexFilterSet):
    class Meta:
        model = Survey
        fields = ["q", "month", "state", "region", "unit", "is_demo"]


class AchievementFilterSet(AnnexFilterSet):
    class Meta:
        model = Achievement
        fields = ["q", "month", "state", "region", "unit", "typical_case", "is_demo"]


class ProjectFilterSet(RegionFilterMixin):
    stage = django_filters.MultipleChoiceFilter(choices=Stage.choices, label=_("stage"))
    body = django_filters.CharFilter(field_name="body__code", label=_("body"))

    class Meta:
        model = Project
        fields = ["stage", "role", "body", "committee_code", "region", "unit", "is_demo"]


class SecretariatFilterSet(RegionFilterMixin):
    class Meta:
        model = Secretariat
        fields = ["kind", "committee_code", "region", "unit", "is_demo"]


class ExpertFilterSet(RegionFilterMixin):
    class Meta:
        model = Expert
        fields = ["name", "region", "unit", "is_demo"]


class TranslationFilterSet(RegionFilterMixin):
    class Meta:
        model = GroupStandardTranslation
        fields = ["code", "language", "region", "unit", "is_demo"]


class DesignationFilterSet(RegionFilterMixin):
    class Meta:
        model = Designation
        fields = ["kind", "year", "region", "unit", "is_demo"]


class MonthlyReportFilterSet(RegionFilterMixin):
    state = django_filters.ChoiceFilter(choices=ReportState.choices, label=_("state"))

    class Meta:
        model = MonthlyReport
        fields = ["state", "month", "region", "programme", "is_demo"]


class TargetFilterSet(django_filters.FilterSet):
    programme = django_filters.CharFilter(field_name="programme__code", label=_("programme"))

    class Meta:
        model = Target
        fields = ["programme", "metric"]


class ContactFilterSet(RegionFilterMixin):
    class Meta:
        model = Contact
        fields = ["name", "region", "unit", "is_demo"]
