"""The record types with generic pages, and what their detail pages add."""

from __future__ import annotations

from stdlink.core.permissions import has_perm
from stdlink.programme import filtersets as fs
from stdlink.programme import forms
from stdlink.programme.models import (
    CRITERIA,
    Achievement,
    Contact,
    Designation,
    Expert,
    GroupStandardTranslation,
    Project,
    Secretariat,
    Survey,
    Unit,
)
from stdlink.programme.scoping import scoped
from stdlink.programme.subsidy import subsidy_status
from stdlink.programme.views.records import Resource


def _unit_context(request, unit, can_write):
    user = request.user
    return {
        "related": [
            (label, key, scoped(user, qs, f"programme.view_{qs.model._meta.model_name}")[:50])
            for label, key, qs in [
                (Contact._meta.verbose_name_plural, "contacts", unit.contacts.all()),
                (Survey._meta.verbose_name_plural, "surveys", unit.surveys.all()),
                (Achievement._meta.verbose_name_plural, "achievements", unit.achievements.all()),
                (Project._meta.verbose_name_plural, "projects", unit.projects.all()),
                (Secretariat._meta.verbose_name_plural, "secretariats", unit.secretariats.all()),
                (Expert._meta.verbose_name_plural, "experts", unit.experts.all()),
                (Designation._meta.verbose_name_plural, "designations", unit.designations.all()),
            ]
        ]
    }


def _annex_context(request, obj, can_write):
    return {"annex": True, "can_review": has_perm(request.user, "programme.review_monthlyreport")}


def _project_context(request, project, can_write):
    return {
        "subsidy": subsidy_status(project),
        "payments": project.payments.all(),
        "move_form": forms.ProjectStageForm(),
        "payment_form": forms.SubsidyPaymentForm(
            user=request.user,
            codename="programme.add_subsidypayment",
            initial={"project": project.pk},
        ),
        "can_pay": has_perm(request.user, "programme.add_subsidypayment"),
    }


def _expert_context(request, expert, can_write):
    return {
        "registrations": expert.registrations.select_related("body"),
        "registration_form": forms.ExpertRegistrationForm(
            user=request.user,
            codename="programme.add_expertregistration",
            initial={"expert": expert.pk},
        ),
        "can_register": can_write and has_perm(request.user, "programme.add_expertregistration"),
    }


def _designation_context(request, obj, can_write):
    return {"criteria": CRITERIA.get(obj.kind, "")}


UNITS = Resource(
    "units",
    Unit,
    forms.UnitForm,
    fs.UnitFilterSet,
    ["name", "kind", "region", "uscc"],
    select=("region",),
    actions_template="programme/_unit_related.html",
    extra_context=_unit_context,
)
CONTACTS = Resource(
    "contacts",
    Contact,
    forms.ContactForm,
    fs.ContactFilterSet,
    ["name", "unit", "position", "mobile", "email"],
    select=("unit",),
)
SURVEYS = Resource(
    "surveys",
    Survey,
    forms.SurveyForm,
    fs.SurveyFilterSet,
    ["unit_name", "month", "state", "contact", "proposed_standards"],
    select=("unit", "unit__region"),
    actions_template="programme/_annex_actions.html",
    extra_context=_annex_context,
    exports=True,
)
ACHIEVEMENTS = Resource(
    "achievements",
    Achievement,
    forms.AchievementForm,
    fs.AchievementFilterSet,
    ["unit_name", "month", "state", "contact", "typical_case"],
    select=("unit", "unit__region"),
    actions_template="programme/_annex_actions.html",
    extra_context=_annex_context,
    exports=True,
)
PROJECTS = Resource(
    "projects",
    Project,
    forms.ProjectForm,
    fs.ProjectFilterSet,
    ["title", "unit", "body", "committee_code", "role", "stage"],
    select=("unit", "body", "committee", "standard", "subsidy_policy"),
    actions_template="programme/_project_actions.html",
    extra_context=_project_context,
)
SECRETARIATS = Resource(
    "secretariats",
    Secretariat,
    forms.SecretariatForm,
    fs.SecretariatFilterSet,
    ["committee_code", "kind", "unit", "body", "established_on"],
    select=("unit", "body", "committee"),
)
EXPERTS = Resource(
    "experts",
    Expert,
    forms.ExpertForm,
    fs.ExpertFilterSet,
    ["name", "unit", "field"],
    select=("unit",),
    actions_template="programme/_expert_actions.html",
    extra_context=_expert_context,
)
TRANSLATIONS = Resource(
    "translations",
    GroupStandardTranslation,
    forms.GroupStandardTranslationForm,
    fs.TranslationFilterSet,
    ["code", "language", "title_translated", "unit", "published_on"],
    select=("unit",),
)
DESIGNATIONS = Resource(
    "designations",
    Designation,
    forms.DesignationForm,
    fs.DesignationFilterSet,
    ["unit", "kind", "year", "batch"],
    select=("unit",),
    add_perm="programme.designate_unit",
    change_perm="programme.designate_unit",
    actions_template="programme/_designation_criteria.html",
    extra_context=_designation_context,
)

RESOURCES = [
    UNITS,
    CONTACTS,
    SURVEYS,
    ACHIEVEMENTS,
    PROJECTS,
    SECRETARIATS,
    EXPERTS,
    TRANSLATIONS,
    DESIGNATIONS,
]
