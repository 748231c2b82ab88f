"""The page frame: who is signed in, the current section, words for a refused page, grouped
numbers in both languages, the style guide."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation


def test_header_names_the_person_organisation_and_role(client, personas):
    personas.editor_a.first_name = "小明"
    personas.editor_a.last_name = "王"
    personas.editor_a.save()
    client.force_login(personas.editor_a)
    body = client.get("/standards/").content.decode()
    card = body[body.index('id="identity-card"') :]
    assert "杭州" in card  # the membership's region
    assert str(personas.editor_a.memberships.first().role) in card
    assert personas.editor_a.get_full_name() in body or "王 小明" in body or "小明 王" in body


def test_anonymous_header_offers_log_in_and_no_identity(client, db):
    body = client.get("/").content.decode()
    assert 'id="identity-card"' not in body and "/accounts/login/?next=" in body


def test_navigation_marks_the_current_section(client, db):
    body = client.get("/standards/?body=ISO").content.decode()
    assert 'class="nav-link active" href="/standards/" aria-current="page"' in body
    assert body.count('aria-current="page"') == 2  # the nav entry and the last breadcrumb


def test_refused_page_says_what_and_whom_to_ask_without_internal_names(client, personas):
    client.force_login(personas.reader_a)
    for lang, ask in (("zh-hans", "管理员"), ("en", "administrator")):
        response = client.get("/audit/", HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 403
        body = response.content.decode()
        message = body[body.index('id="denied-message"') :][:600]
        assert ask in message
        assert "core.view_auditlog" not in body and "view_auditlog" not in body


@pytest.mark.parametrize(
    ("codename", "lang", "expected"),
    [
        ("core.view_auditlog", "en", "You may not view"),
        ("programme.add_survey", "en", "You may not create"),
        ("programme.add_survey", "zh-hans", "您无权新建"),
        ("nosuchapp.frobnicate", "en", "You may not do this."),
    ],
)
def test_describe_permission(db, codename, lang, expected):
    from stdlink.core.permissions import describe_permission

    with translation.override(lang):
        text = describe_permission(codename)
    assert text.startswith(expected)
    assert codename not in text


@pytest.mark.parametrize(("lang", "expected"), [("zh-hans", "187,305"), ("en", "187,305")])
def test_numbers_are_grouped_in_both_languages(lang, expected):
    with translation.override(lang):
        out = Template("{% load humanize %}{{ n|intcomma }}").render(Context({"n": 187305}))
    assert out == expected


def test_years_are_not_grouped(client, db):
    with translation.override("zh-hans"):
        assert Template("{{ y }}").render(Context({"y": 2015})) == "2015"


def test_style_guide_renders_every_status_tone(client, db):
    from stdlink.core.templatetags.ui import TONES

    body = client.get("/style-guide/").content.decode()
    for tone in set(TONES.values()):
        assert f"tone-{tone}" in body
    assert "tone-ok status-accepted" in body and "tone-bad status-returned" in body


@pytest.mark.parametrize(
    ("message", "lang", "expected"),
    [
        ("只读权限 / read-only access", "en", "Read-only access. Ask the administrator"),
        ("只读权限 / read-only access", "zh-hans", "只读权限。如需权限"),
        ("需要权限 / permission required: programme.add_survey", "en", "You may not create"),
        ("plain words", "en", "plain words"),
    ],
)
def test_refusals_from_services_read_in_one_language(db, message, lang, expected):
    from stdlink.core.views import _plain_words

    with translation.override(lang):
        assert _plain_words(message).startswith(expected)
