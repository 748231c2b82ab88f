"""Forms of account management and enterprise registration (crispy-forms layouts)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Column, Fieldset, Layout, Row, Submit
from django import forms
from django.contrib.auth.password_validation import password_validators_help_text_html
from django.utils.translation import gettext_lazy as _

from stdlink.accounts.models import Registration
from stdlink.accounts.scoping import regions_for, roles_for, units_for
from stdlink.core.models import Region, Role
from stdlink.programme import uscc as uscc_rules


class RegionChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Region) -> str:
        indent = "　" * {"province": 0, "city": 1, "county": 2}.get(obj.level, 0)
        return f"{indent}{obj.display_name}"


class UnitChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} · {obj.region.display_name}"


class AssignmentMixin:
    """Role, region and unit choices narrowed to what the acting manager may give."""

    def _assignment_fields(self, user, codename: str) -> None:
        self.fields["role"] = forms.ModelChoiceField(
            label=_("role"), queryset=roles_for(user, codename)
        )
        self.fields["region"] = RegionChoice(
            label=_("region"), queryset=regions_for(user, codename)
        )
        self.fields["unit"] = UnitChoice(
            label=_("unit"),
            queryset=units_for(user, codename),
            required=False,
            help_text=_("Only for unit (enterprise) accounts."),
        )
        roles = self.fields["role"].queryset
        if roles.count() == 1:
            self.fields["role"].initial = roles.first().pk
        regions = self.fields["region"].queryset
        if regions.filter(level="city").count() == 1:
            self.fields["region"].initial = regions.filter(level="city").first().pk

    def clean(self):
        data = super().clean()
        role, unit = data.get("role"), data.get("unit")
        if role and role.scope == Role.Scope.UNIT and unit is None:
            self.add_error("unit", _("A unit account needs its unit."))
        if role and role.scope != Role.Scope.UNIT and unit is not None:
            self.add_error("unit", _("Only unit accounts belong to a unit."))
        return data


class AccountCreateForm(AssignmentMixin, forms.Form):
    username = forms.SlugField(label=_("login name"), max_length=150)
    name = forms.CharField(label=_("person's name"), max_length=150)
    email = forms.EmailField(label=_("e-mail"), required=False)

    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._assignment_fields(user, "accounts.add_account")
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(
                _("Person"),
                Row(
                    Column("name", css_class="col-md-4"),
                    Column("username", css_class="col-md-4"),
                    Column("email", css_class="col-md-4"),
                ),
            ),
            Fieldset(
                _("Role"),
                Row(
                    Column("role", css_class="col-md-4"),
                    Column("region", css_class="col-md-4"),
                    Column("unit", css_class="col-md-4"),
                ),
            ),
            Submit("save", _("Create account")),
        )


class AccountEditForm(forms.Form):
    name = forms.CharField(label=_("person's name"), max_length=150)
    email = forms.EmailField(label=_("e-mail"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(Column("name", css_class="col-md-6"), Column("email", css_class="col-md-6"))
        )


class MembershipForm(AssignmentMixin, forms.Form):
    def __init__(self, *args, user=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._assignment_fields(user, "accounts.change_account")
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Row(
                Column("role", css_class="col-md-4"),
                Column("region", css_class="col-md-4"),
                Column("unit", css_class="col-md-4"),
            )
        )


class RegistrationForm(forms.Form):
    uscc = forms.CharField(
        label=_("unified social credit code"),
        max_length=18,
        min_length=18,
        help_text=_("18 characters, as printed on the business licence."),
    )
    organisation = forms.CharField(label=_("organisation name"), max_length=200)
    region = RegionChoice(label=_("region"), queryset=Region.objects.exclude(level="province"))
    contact_name = forms.CharField(label=_("contact person"), max_length=64)
    email = forms.EmailField(label=_("e-mail"))
    mobile = forms.RegexField(
        label=_("mobile"),
        regex=r"^1[3-9]\d{9}$",
        required=False,
        error_messages={"invalid": _("Enter an 11-digit mobile number.")},
    )
    username = forms.SlugField(label=_("login name"), max_length=150)
    password1 = forms.CharField(
        label=_("password"),
        widget=forms.PasswordInput,
        help_text=password_validators_help_text_html,
    )
    password2 = forms.CharField(label=_("password again"), widget=forms.PasswordInput)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Fieldset(
                _("Organisation"),
                Row(
                    Column("organisation", css_class="col-md-8"),
                    Column("uscc", css_class="col-md-4"),
                ),
                Row(Column("region", css_class="col-md-6")),
            ),
            Fieldset(
                _("Contact person"),
                Row(
                    Column("contact_name", css_class="col-md-4"),
                    Column("email", css_class="col-md-4"),
                    Column("mobile", css_class="col-md-4"),
                ),
            ),
            Fieldset(
                _("Login"),
                Row(
                    Column("username", css_class="col-md-4"),
                    Column("password1", css_class="col-md-4"),
                    Column("password2", css_class="col-md-4"),
                ),
            ),
            Submit("register", _("Register")),
        )

    def clean_uscc(self) -> str:
        code = self.cleaned_data["uscc"].strip().upper()
        reason = uscc_rules.problem(code)
        if reason:
            raise forms.ValidationError(f"统一社会信用代码{reason}")
        return code

    def clean(self):
        data = super().clean()
        if data.get("password1") and data.get("password1") != data.get("password2"):
            self.add_error("password2", _("The two passwords differ."))
        return data


class DecisionForm(forms.Form):
    """One decision and one comment (the reason is required to reject)."""

    decision = forms.ChoiceField(
        label=_("decision"),
        choices=[("approve", _("approve")), ("reject", _("reject"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("comment"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    kind = forms.ChoiceField(label=_("kind of unit"), choices=[], initial="enterprise")

    def __init__(self, *args, **kwargs) -> None:
        from stdlink.programme.models import Unit

        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = Unit.Kind.choices
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout("decision", "kind", "reason")

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the reason for rejecting."))
        return data


class RegionForm(forms.ModelForm):
    parent = RegionChoice(label=_("city"), queryset=Region.objects.filter(level="city"))

    class Meta:
        model = Region
        fields = ["code", "name_zh", "name_en", "level", "parent"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            # A code change would move the subtree's paths; codes are fixed once created.
            self.fields["code"].disabled = True
        self.fields["level"].choices = [("county", Region.Level.COUNTY.label)]
        self.fields["level"].initial = "county"
        self.helper = FormHelper()
        self.helper.layout = Layout(
            Row(
                Column("code", css_class="col-md-3"),
                Column("name_zh", css_class="col-md-3"),
                Column("name_en", css_class="col-md-3"),
                Column("parent", css_class="col-md-3"),
            ),
            "level",
            Submit("save", _("Save")),
        )


class RegistrationFilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("state"),
        required=False,
        choices=[("", _("all")), *Registration.State.choices],
    )
