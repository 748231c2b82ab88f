"""Forms for programme records. Choice fields that point at units or regions are narrowed to the
acting user's jurisdiction (the same `scoped()` rule as pages, API and exports)."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from stdlink.core.forms import SpreadsheetSafeMixin
from stdlink.core.models import Region
from stdlink.core.params import month_or_none
from stdlink.core.permissions import memberships_with
from stdlink.programme.models import (
    Achievement,
    Contact,
    Designation,
    Expert,
    ExpertRegistration,
    GroupStandardTranslation,
    MonthlyReport,
    Project,
    Secretariat,
    Stage,
    SubsidyPayment,
    Survey,
    Unit,
)
from stdlink.programme.scoping import scoped


class MonthInput(forms.TextInput):
    input_type = "month"

    def format_value(self, value):
        if isinstance(value, dt.date):
            return value.strftime("%Y-%m")
        return super().format_value(value)


class MonthField(forms.Field):
    """YYYY-MM → the first day of that month."""

    widget = MonthInput

    def to_python(self, value):
        if value in (None, ""):
            return None
        month = month_or_none(value)  # the one month rule (core.params): year 1–9999
        if month is None:
            raise ValidationError(_("Enter a month as YYYY-MM."), code="invalid")
        return month


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def regions_for(user, codename: str):
    """Regions where `user` may create records under `codename` (their subtree, or all)."""
    qs = Region.objects.all()
    if user.is_superuser:
        return qs
    memberships = memberships_with(user, codename)
    if any(m.role.scope == "all" for m in memberships):
        return qs
    paths = [m.region.path for m in memberships if m.role.scope == "region"]
    if not paths:
        return qs.none()
    from django.db.models import Q

    q = Q(pk__in=[])
    for p in paths:
        q |= Q(path__startswith=p)
    return qs.filter(q)


class ScopedForm(SpreadsheetSafeMixin, forms.ModelForm):
    """A ModelForm that knows the acting user and the permission it is used under; its text may
    reach an annex or report export, so the formula rule applies to every field."""

    codename: str = ""

    def __init__(self, *args, user=None, codename: str = "", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.codename = codename or self.codename
        for name, field in self.fields.items():
            if isinstance(field, forms.DateField):
                field.widget = DateInput()
            if name == "unit" and user is not None:
                field.queryset = scoped(user, Unit.objects.select_related("region"), self.codename)
                if field.queryset.count() == 1 and not self.instance.pk:
                    field.initial = field.queryset.first().pk
            if name == "region" and user is not None:
                field.queryset = regions_for(user, self.codename)
            if name == "expert" and user is not None:
                field.queryset = scoped(
                    user,
                    Expert.objects.all(),
                    self.codename.replace("expertregistration", "expert"),
                )


class UnitForm(ScopedForm):
    class Meta:
        model = Unit
        fields = ["name", "kind", "region", "uscc", "address"]


class ContactForm(ScopedForm):
    class Meta:
        model = Contact
        fields = ["unit", "name", "position", "phone", "mobile", "email"]


class AnnexFormMixin:
    """Annex 2/3 web forms: the unit, the reporting month, then the annex fields in annex order."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["month"] = MonthField(
            label=_("reporting month"),
            initial=(self.instance.month if self.instance.pk else dt.date.today().replace(day=1)),
        )
        self.order_fields(["unit", "month"])
        self.fields["unit_name"].required = False
        self.fields["unit_name"].help_text = _("blank: the unit's registered name")

    def clean(self):
        data = super().clean()
        unit = data.get("unit")
        if unit and not data.get("unit_name"):
            data["unit_name"] = unit.name
            self.instance.unit_name = unit.name
        if unit and not data.get("address") and unit.address:
            data["address"] = unit.address
        return data


class SurveyForm(AnnexFormMixin, ScopedForm):
    class Meta:
        model = Survey
        fields = ["unit", "month"] + [f for f, _h in Survey.ANNEX_FIELDS]


class AchievementForm(AnnexFormMixin, ScopedForm):
    class Meta:
        model = Achievement
        fields = ["unit", "month"] + [f for f, _h in Achievement.ANNEX_FIELDS]


class ProjectForm(ScopedForm):
    class Meta:
        model = Project
        fields = [
            "unit",
            "title",
            "title_en",
            "reference",
            "body",
            "committee_code",
            "committee",
            "role",
            "proposed_on",
            "subsidy_policy",
            "standard",
            "notes",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].widget = forms.HiddenInput()
        self.fields["standard"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        _link_committee(data)
        return data


def _link_committee(data: dict) -> None:
    """Link the catalogue committee when its code is known there (e.g. ISO/TC 321)."""
    from stdlink.catalog.models import Committee

    code = (data.get("committee_code") or "").strip()
    if code and not data.get("committee"):
        data["committee"] = Committee.objects.filter(code__iexact=code).first()


class ProjectStageForm(forms.Form):
    stage = forms.ChoiceField(
        label=_("new stage"), choices=[(s.value, s.label) for s in Stage if s != Stage.PROPOSAL]
    )
    on = forms.DateField(label=_("date"), widget=DateInput())
    standard_identifier = forms.CharField(
        label=_("published standard (identifier in the catalogue)"),
        required=False,
        help_text=_("e.g. ISO 32111:2023; linked when the catalogue has it"),
    )


class SecretariatForm(ScopedForm):
    class Meta:
        model = Secretariat
        fields = ["unit", "kind", "body", "committee_code", "title", "established_on", "ended_on"]

    def clean(self):
        data = super().clean()
        _link_committee(data)
        self.instance.committee = data.get("committee")
        return data


class ExpertForm(ScopedForm):
    class Meta:
        model = Expert
        fields = ["unit", "name", "field", "email"]


class ExpertRegistrationForm(ScopedForm):
    class Meta:
        model = ExpertRegistration
        fields = ["expert", "body", "committee_code", "position", "registered_on"]

    def clean(self):
        data = super().clean()
        _link_committee(data)
        self.instance.committee = data.get("committee")
        return data


class GroupStandardTranslationForm(ScopedForm):
    class Meta:
        model = GroupStandardTranslation
        fields = ["unit", "code", "title_zh", "language", "title_translated", "published_on"]


class DesignationForm(ScopedForm):
    class Meta:
        model = Designation
        fields = ["unit", "kind", "year", "batch", "criteria_note", "evidence"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["evidence"].queryset = (
            scoped(
                self.user, Achievement.objects.select_related("unit"), "programme.view_achievement"
            )
            if self.user
            else Achievement.objects.none()
        )
        self.fields["evidence"].required = False

    def clean(self):
        data = super().clean()
        unit = data.get("unit")
        wrong = [a for a in data.get("evidence") or [] if unit and a.unit_id != unit.pk]
        if wrong:
            self.add_error("evidence", _("Evidence must be achievements of the designated unit."))
        return data


class SubsidyPaymentForm(ScopedForm):
    class Meta:
        model = SubsidyPayment
        fields = ["project", "kind", "amount", "paid_on"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.user is not None:
            self.fields["project"].queryset = scoped(
                self.user, Project.objects.all(), "programme.view_project"
            )


class MonthlyReportOpenForm(forms.Form):
    region = forms.ModelChoiceField(label=_("city"), queryset=Region.objects.none())
    month = MonthField(label=_("month"))

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions_for(user, "programme.add_monthlyreport").filter(
            level="city"
        )
        if self.fields["region"].queryset.count() == 1:
            self.fields["region"].initial = self.fields["region"].queryset.first().pk


class MonthlyReportSubmitForm(forms.ModelForm):
    class Meta:
        model = MonthlyReport
        fields = ["comments"]


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("accept", _("accept")), ("return", _("return with comments"))],
    )
    comment = forms.CharField(
        label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("A comment is required to return a report."))
        return data


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))
