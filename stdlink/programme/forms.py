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


def recent_months(today: dt.date | None = None, back: int = 24, ahead: int = 1) -> list[dt.date]:
    """The months a form is usually filed for, newest first (a stored older month is added)."""
    month = (today or dt.date.today()).replace(day=1)
    for _i in range(ahead):
        month = (month + dt.timedelta(days=32)).replace(day=1)
    out = []
    for _i in range(back + ahead + 1):
        out.append(month)
        month = (month - dt.timedelta(days=1)).replace(day=1)
    return out


def month_label(month: dt.date) -> str:
    from stdlink.core.templatetags.months import month_label as label

    return label(month)


class MonthSelect(forms.Select):
    """A select of months shown as people read them (2026年11月); the value stays YYYY-MM."""

    def format_value(self, value):
        if isinstance(value, dt.date):
            value = value.strftime("%Y-%m")
        return super().format_value(value)


def _month_choices(current: dt.date | None) -> list[tuple[str, str]]:
    """Next month back to the start of the earliest plan with monthly reporting (at least two
    years, at most ten), plus a stored month outside that range."""
    from django.db.models import Min

    from stdlink.programme.models import Programme

    today = dt.date.today()
    first = Programme.objects.filter(monthly_reporting=True).aggregate(m=Min("start"))["m"]
    back = 24
    if first is not None:
        back = max(24, min(120, (today.year - first.year) * 12 + today.month - first.month))
    months = recent_months(today, back=back)
    if current and current.replace(day=1) not in months:
        months.append(current.replace(day=1))
    return [(m.strftime("%Y-%m"), month_label(m)) for m in months]


#: Annex field labels in both languages (the zh-Hans texts are the annex table's own headers).
ANNEX_LABELS = {
    "unit_name": _("Unit name"),
    "address": _("Address"),
    "contact": _("Contact person"),
    "position": _("Position"),
    "phone": _("Telephone"),
    "mobile": _("Mobile phone"),
    "fax": _("Fax"),
    "email": _("E-mail"),
    "innovation": _("Innovation results achieved"),
    "patents_awards": _("Patents and awards for the innovation"),
    "international_lead": _("International breakthroughs or leadership of the innovation"),
    "proposed_standards": _("International or advanced foreign standards to be developed"),
    "committee": _("Corresponding international technical committee or national mirror body"),
    "secretariat_intent": _(
        "Intention to set up and hold the secretariat of an international technical body"
    ),
    "other_needs": _("Other needs"),
    "results": _("Results achieved"),
    "main_content": _("Main content, typical experience and methods"),
    "promotion_willing": _("Willing to promote the experience and methods"),
    "hosting_willing": _("Willing to host visits and on-site learning by other units"),
    "other_notes": _("Other remarks"),
}
ANNEX_HELP = {
    "committee": _("Leave blank if unsure."),
    "results": _(
        "Including developing or revising international standards, holding secretariats of "
        "international technical committees, taking part in international standardisation "
        "activities and registering experts with international and foreign standards bodies."
    ),
}

#: Annex answers that are a yes or no (stored as the annex's own words, 愿意 / 不愿意).
YES_NO_FIELDS = ("promotion_willing", "hosting_willing")
YES, NO = "愿意", "不愿意"


def _yes_no_field(model_field, current: str) -> forms.ChoiceField:
    choices = [(YES, _("willing")), (NO, _("not willing"))]
    if current and current not in (YES, NO):
        choices.append((current, current))  # an older free-text answer stays selectable
    return forms.ChoiceField(
        label=model_field.verbose_name,
        choices=choices,
        required=False,
        widget=forms.RadioSelect,
    )


#: The annex tables' sections (seed 000, Annexes 2 and 3), in the annex's order.
ANNEX_SECTIONS = {
    "survey": [
        (_("Unit"), [("unit", "month"), ("unit_name", "address")]),
        (_("Contact person"), [("contact", "position", "phone"), ("mobile", "email")]),
        (
            _("Innovation results"),
            ["innovation", "patents_awards", "international_lead"],
        ),
        (
            _("International standardisation needs"),
            ["proposed_standards", "committee", "secretariat_intent", "other_needs"],
        ),
        (_("Attachment"), ["attachment"]),
    ],
    "achievement": [
        (_("Unit"), [("unit", "month"), ("unit_name", "address")]),
        (_("Contact person"), [("contact", "position", "mobile"), ("fax", "email")]),
        (_("Achievements"), ["results", "main_content"]),
        (_("Willingness"), [("promotion_willing", "hosting_willing")]),
        (_("Other"), ["other_notes", "attachment"]),
    ],
}
ATTACHMENT_TYPES = {"pdf", "docx", "xlsx", "png", "jpg"}


def _layout(sections, fields) -> object:
    from crispy_forms.layout import Column, Fieldset, Layout, Row

    parts = []
    for title, rows in sections:
        items = []
        for row in rows:
            if isinstance(row, tuple):
                present = [f for f in row if f in fields]
                width = 12 // max(len(present), 1)
                items.append(Row(*[Column(f, css_class=f"col-md-{width}") for f in present]))
            elif row in fields:
                items.append(row)
        parts.append(Fieldset(title, *items))
    return Layout(*parts)


class AnnexFormMixin:
    """Annex 2/3 web forms in the annex's sections: the unit (hidden when the user has only one),
    the month as a select of 2026年11月-style labels, contact fields prefilled from the unit,
    yes/no answers as radio buttons and an optional attachment (checked by core.uploads)."""

    def __init__(self, *args, **kwargs) -> None:
        from crispy_forms.helper import FormHelper

        super().__init__(*args, **kwargs)
        current = self.instance.month if self.instance.pk else None
        self.fields["month"] = MonthField(
            label=_("reporting month"),
            widget=MonthSelect(choices=_month_choices(current)),
            initial=(current or dt.date.today().replace(day=1)),
        )
        self.order_fields(["unit", "month"])
        self.fields["unit_name"].required = False
        self.fields["unit_name"].help_text = _("blank: the unit's registered name")
        for name in YES_NO_FIELDS:
            if name in self.fields:
                model_field = self.instance._meta.get_field(name)
                self.fields[name] = _yes_no_field(model_field, getattr(self.instance, name, ""))
        for name, label in ANNEX_LABELS.items():
            if name in self.fields:
                self.fields[name].label = label
                if name in ANNEX_HELP:
                    self.fields[name].help_text = ANNEX_HELP[name]
        for field in self.fields.values():
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 3
                field.widget.attrs.pop("cols", None)  # the width comes from the layout
        if "attachment" in self.fields:
            self.fields["attachment"].help_text = _(
                "Optional: the stamped annex or supporting evidence (PDF, Word, Excel, PNG, JPG)."
            )
        units = self.fields["unit"].queryset
        only = units.first() if units.count() == 1 else None
        if only is not None:
            # A unit user files for its own unit only: no choice to make.
            self.fields["unit"].initial = only.pk
            self.fields["unit"].widget = forms.HiddenInput()
            if not self.instance.pk and not self.is_bound:
                self._prefill(only)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = _layout(
            ANNEX_SECTIONS[self.instance._meta.model_name], set(self.fields)
        )

    def _prefill(self, unit) -> None:
        contact = unit.contacts.order_by("pk").first()
        initial = {"unit_name": unit.name, "address": unit.address}
        if contact is not None:
            initial.update(
                {
                    "contact": contact.name,
                    "position": contact.position,
                    "phone": contact.phone,
                    "mobile": contact.mobile,
                    "email": contact.email,
                }
            )
        for name, value in initial.items():
            if name in self.fields and value:
                self.initial.setdefault(name, value)

    def clean_attachment(self):
        from stdlink.core.uploads import validate_upload

        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "content_type"):  # a new upload, not the stored file
            validate_upload(upload, ATTACHMENT_TYPES)
        return upload

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
        fields = ["unit", "month"] + [f for f, _h in Survey.ANNEX_FIELDS] + ["attachment"]


class AchievementForm(AnnexFormMixin, ScopedForm):
    class Meta:
        model = Achievement
        fields = ["unit", "month"] + [f for f, _h in Achievement.ANNEX_FIELDS] + ["attachment"]


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
    month = MonthField(label=_("month"), widget=MonthSelect())  # choices set per form (DB)
    programme = forms.ModelChoiceField(
        label=_("plan"),
        queryset=None,
        required=False,
        help_text=_("Only needed when several plans with monthly reporting run."),
    )

    def __init__(self, *args, user=None, **kwargs) -> None:
        from stdlink.programme.models import Programme

        super().__init__(*args, **kwargs)
        self.fields["month"].widget.choices = _month_choices(None)
        self.fields["programme"].queryset = Programme.objects.filter(
            monthly_reporting=True
        ).order_by("-start")
        if self.fields["programme"].queryset.count() <= 1:
            self.fields["programme"].widget = forms.HiddenInput()
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
    """One decision and one comment."""

    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("accept", _("accept")), ("return", _("return with comments"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "return" and not (data.get("comment") or "").strip():
            self.add_error("comment", _("A comment is required to return a report."))
        return data

    def __init__(self, *args, **kwargs) -> None:
        from crispy_forms.helper import FormHelper

        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class UploadForm(forms.Form):
    file = forms.FileField(label=_("Excel file (.xlsx)"))
