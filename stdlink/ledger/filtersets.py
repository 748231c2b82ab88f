"""One filter definition per model: list pages, the API and the Excel export use the same ones."""

from __future__ import annotations

import django_filters
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from stdlink.core.params import IdFilter
from stdlink.ledger.models import Agency, PolicyDocument, Task, TaskAgency


class PolicyDocumentFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("title or number contains"))
    level = django_filters.ChoiceFilter(choices=PolicyDocument.Level.choices, label=_("level"))
    issuer = IdFilter(field_name="issuers", label=_("issuing agency"))

    class Meta:
        model = PolicyDocument
        fields = ["q", "level", "issuer"]

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()[:200]
        if not value:
            return queryset
        return queryset.filter(Q(title__icontains=value) | Q(doc_number__icontains=value))


STATUS_CHOICES = [*Task.Status.choices, ("overdue", _("overdue"))]


class TaskFilterSet(django_filters.FilterSet):
    document = IdFilter(field_name="document", label=_("document"))
    agency = django_filters.ModelChoiceFilter(
        queryset=Agency.objects.all(), method="filter_agency", label=_("agency")
    )
    role = django_filters.ChoiceFilter(
        choices=TaskAgency.Role.choices, method="filter_noop", label=_("role")
    )
    status = django_filters.ChoiceFilter(
        choices=STATUS_CHOICES, method="filter_status", label=_("status")
    )
    overdue = django_filters.BooleanFilter(method="filter_overdue", label=_("overdue"))
    owner = IdFilter(field_name="owner", label=_("owner"))
    q = django_filters.CharFilter(method="filter_q", label=_("text contains"))

    class Meta:
        model = Task
        fields = ["document", "agency", "role", "status", "overdue", "owner", "q"]

    def filter_noop(self, queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset  # `role` qualifies `agency` (see filter_agency)

    def filter_agency(self, queryset: QuerySet, name: str, value: Agency | None) -> QuerySet:
        if not value:
            return queryset
        links = TaskAgency.objects.filter(agency=value)
        role = self.data.get("role") if hasattr(self.data, "get") else None
        if role == TaskAgency.Role.LEAD:
            links = links.filter(role=role)
        elif role == TaskAgency.Role.CO:
            # shared, not led: co-responsible in some clause and lead in none
            lead_ids = TaskAgency.objects.filter(agency=value, role="lead").values("task_id")
            links = links.filter(role=role).exclude(task_id__in=lead_ids)
        return queryset.filter(pk__in=links.values("task_id"))

    def filter_status(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "overdue":
            return queryset.overdue()
        if value:
            return queryset.filter(status=value)
        return queryset

    def filter_overdue(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        return queryset.overdue() if value else queryset.not_overdue()

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        value = value.strip()[:200]
        if not value:
            return queryset
        return queryset.filter(Q(heading__icontains=value) | Q(text__icontains=value))
