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
    from django.utils.html import escape

    from stdlink.core.permissions import denied_message

    client.force_login(personas.reader_a)
    for lang, words in (
        ("zh-hans", "您的角色不能查看审计日志。如工作需要，请联系省局管理员。"),
        ("en", "You cannot see audit log with your role. If your work needs it, ask the "),
    ):
        response = client.get("/audit/", HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code == 403
        body = response.content.decode()
        message = body[body.index('id="denied-message"') :][:600]
        assert words in message
        with translation.override(lang):
            assert escape(denied_message(personas.reader_a, "core.view_auditlog")) in message
        assert "core.view_auditlog" not in body and "view_auditlog" not in body


@pytest.mark.parametrize(
    ("codename", "lang", "expected"),
    [
        ("core.view_auditlog", "en", "You cannot see audit log with your role."),
        ("programme.add_survey", "en", "You cannot create demand surveys with your role."),
        ("programme.add_survey", "zh-hans", "您的角色不能新建需求调查表。"),
        ("programme.submit_monthlyreport", "en", "You cannot submit your city's monthly report"),
        ("compare.confirm_comparison", "zh-hans", "您的角色不能确认标准比对。"),
        ("nosuchapp.frobnicate", "en", "You cannot do this with your role."),
        ("", "zh-hans", "您的角色不能进行此操作。"),
    ],
)
def test_denied_message_says_what_in_words(personas, codename, lang, expected):
    from stdlink.core.permissions import denied_message

    with translation.override(lang):
        text = denied_message(personas.reader_a, codename)
    assert text.startswith(expected)
    assert not codename or codename not in text


@pytest.mark.parametrize(
    ("lang", "whom"),
    [("en", "city's market-regulation bureau"), ("zh-hans", "所在设区市市场监督管理局")],
)
def test_denied_message_names_whom_this_user_asks(db, lang, whom):
    from stdlink.core.permissions import denied_message
    from tests.conftest import make_user

    unit_account = make_user("unit_x", "unit_user", "330100")
    with translation.override(lang):
        assert denied_message(unit_account, "core.view_auditlog").rstrip(".。").endswith(whom)


def test_every_permission_reads_as_words(db):
    """Each permission of the project's apps has its own words (never the generic "do this")."""
    from django.apps import apps
    from django.contrib.auth.models import Permission

    from stdlink.core.permissions import permission_action

    own = [c.label for c in apps.get_app_configs() if c.name.startswith("stdlink.")]
    generic = permission_action("")
    for p in Permission.objects.filter(content_type__app_label__in=own).select_related(
        "content_type"
    ):
        codename = f"{p.content_type.app_label}.{p.codename}"
        assert permission_action(codename) != generic, codename


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
        ("只读权限 / read-only access", "en", "Read-only access. If your work needs it, ask the"),
        ("只读权限 / read-only access", "zh-hans", "只读权限。如工作需要，请联系省局管理员。"),
        ("需要权限 / permission required: programme.add_survey", "en", "You cannot create demand"),
        ("需要权限 / permission required: compare.review_comparison", "en", "You cannot review"),
        ("", "en", "You cannot do this with your role. If your work needs it, ask the"),
        ("plain words", "en", "plain words"),
    ],
)
def test_refusals_from_services_read_in_one_language(personas, message, lang, expected):
    from stdlink.core.views import _plain_words

    with translation.override(lang):
        text = _plain_words(message, personas.reader_a)
    assert text.startswith(expected)
    assert "programme.add_survey" not in text and "review_comparison" not in text
