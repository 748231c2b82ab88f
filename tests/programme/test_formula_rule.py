"""F3/F15: the one formula rule at form validation — a field error, never a 500, on every form
whose text can reach a spreadsheet (annex forms, unit names, project titles …)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stdlink.ledger.forms import ImportForm
from stdlink.programme.forms import ProjectForm, SurveyForm, UnitForm

PREFIXES = ["=", "+", "-", "@"]


@pytest.mark.parametrize("prefix", PREFIXES)
def test_survey_page_shows_a_field_error(client, world, personas, prefix):
    client.force_login(personas.editor_a)
    response = client.post(
        reverse("programme:surveys-new"),
        {
            "unit": world.unit_a.pk,
            "month": "2021-08",
            "contact": "赵六",
            "mobile": "13812345678",
            "email": "z@example.com",
            "other_needs": f'{prefix}HYPERLINK("http://x")',
        },
    )
    assert response.status_code == 200
    assert "other_needs" in response.context["form"].errors


@pytest.mark.parametrize("prefix", PREFIXES)
def test_survey_form_flags_every_formula_field(world, personas, prefix):
    form = SurveyForm(
        {
            "unit": world.unit_a.pk,
            "month": "2021-08",
            "contact": f"{prefix}cmd",
            "other_needs": f"{prefix}1+1",
            "proposed_standards": f"{prefix}A1",
            "phone": "+86 571 8888 0000",  # a phone number is data, not a formula
        },
        user=personas.editor_a,
        codename="programme.add_survey",
    )
    assert not form.is_valid()
    assert {"contact", "other_needs", "proposed_standards"} <= set(form.errors)
    assert "phone" not in form.errors


@pytest.mark.parametrize("prefix", PREFIXES)
def test_unit_names_and_project_titles(world, personas, prefix):
    unit = UnitForm(
        {"name": f"{prefix}SUM(A1)", "kind": "enterprise", "region": personas.region_a.pk},
        user=personas.editor_a,
        codename="programme.add_unit",
    )
    assert not unit.is_valid() and "name" in unit.errors
    project = ProjectForm(
        {"unit": world.unit_a.pk, "title": f"{prefix}cmd|' /C calc'!A0", "role": "leader"},
        user=personas.editor_a,
        codename="programme.add_project",
    )
    assert not project.is_valid() and "title" in project.errors


def test_ledger_title_heads_the_export():
    form = ImportForm({"text": "- 一、总体要求", "title": "=HYPERLINK(1)"})
    assert not form.is_valid()
    assert list(form.errors) == ["title"]  # pasted policy text may start with a dash
