"""Annex 2/3 web forms: sections, the unit user's own unit, prefill, yes/no radios, month labels,
attachments through core.uploads, confirmation before submit, and the printable annex."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from stdlink.programme.models import Achievement, Contact, Survey
from tests.programme.conftest import unit_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_unit_user_form_hides_the_unit_and_prefills_from_it(client, world):
    Contact.objects.filter(unit=world.unit_a).delete()
    Contact.objects.create(
        unit=world.unit_a, name="钱七", position="经理", mobile="13811112222", email="q@example.com"
    )
    user = unit_user("ua", world.unit_a)
    client.force_login(user)
    page = client.get(reverse("programme:surveys-new"))
    html = page.content.decode()
    form = page.context["form"]
    assert form.fields["unit"].widget.is_hidden
    assert form.initial["unit_name"] == "杭州甲公司"
    assert form.initial["contact"] == "钱七" and form.initial["mobile"] == "13811112222"
    for legend in ("单位", "联系人", "创新成果", "国际化需求"):
        assert f"<legend>{legend}</legend>" in html


def test_month_is_offered_as_a_chinese_label(client, world, personas):
    client.force_login(personas.editor_a)
    form = client.get(reverse("programme:surveys-new")).context["form"]
    choices = form.fields["month"].widget.choices
    edit = client.get(reverse("programme:surveys-edit", args=[world.records_a["surveys"].pk]))
    stored = edit.context["form"].fields["month"].widget.choices
    assert ("2021-03", "2021年3月") in stored  # an older stored month stays selectable
    assert 'value="2021-03" selected' in edit.content.decode()
    assert all(label.endswith("月") and "年" in label for _v, label in choices)


def test_yes_no_answers_are_radio_choices(client, world, personas):
    client.force_login(personas.editor_a)
    page = client.get(reverse("programme:achievements-new"))
    html = page.content.decode()
    assert html.count('name="promotion_willing"') == 2  # two radio buttons
    assert 'type="radio"' in html
    response = client.post(
        reverse("programme:achievements-new"),
        {
            "unit": world.unit_a.pk,
            "month": "2021-05",
            "contact": "张三",
            "promotion_willing": "愿意",
            "hosting_willing": "不愿意",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    a = Achievement.objects.get(month="2021-05-01")
    assert (a.promotion_willing, a.hosting_willing) == ("愿意", "不愿意")
    assert a.unit_name == "杭州甲公司"


@pytest.mark.parametrize(
    "name, content, ok",
    [
        ("stamp.pdf", b"%PDF-1.4 minimal", True),
        ("stamp.pdf", b"MZ not really a pdf", False),
        ("notes.exe", b"MZ\x90\x00", False),
    ],
)
def test_attachment_goes_through_core_uploads(client, world, personas, name, content, ok):
    client.force_login(personas.editor_a)
    response = client.post(
        reverse("programme:surveys-new"),
        {
            "unit": world.unit_a.pk,
            "month": "2021-06",
            "contact": "张三",
            "attachment": SimpleUploadedFile(name, content),
        },
    )
    stored = Survey.objects.filter(month="2021-06-01").first()
    if ok:
        assert response.status_code == 302
        assert stored.attachment.name.endswith(".pdf")
    else:
        assert response.status_code == 200
        assert stored is None
        assert name in response.content.decode()


def test_printable_annex_shows_the_annex_table(client, world, personas):
    s = world.records_a["surveys"]
    client.force_login(personas.editor_a)
    html = client.get(reverse("programme:surveys-print", args=[s.pk])).content.decode()
    assert "参与标准国际化工作需求调查表" in html and "附件2" in html
    assert "2021年3月" in html
    assert "拟制订国际标准或国外先进标准名称" in html and "标准A" in html
    assert "annex-print.css" in html
    client.force_login(personas.user_b)
    assert client.get(reverse("programme:surveys-print", args=[s.pk])).status_code == 404


def test_lists_show_state_badges_and_month_labels(client, world, personas):
    client.force_login(personas.editor_a)
    html = client.get(reverse("programme:surveys-list")).content.decode()
    assert 'data-state="draft"' in html and "草稿" in html and "制定中" not in html
    assert "2021年3月" in html


def test_unit_user_sees_no_link_that_would_answer_403(client, world):
    client.force_login(unit_user("ua", world.unit_a))
    html = client.get(reverse("programme:surveys-list")).content.decode()
    assert reverse("programme:reports-list") not in html
    assert client.get(reverse("programme:reports-list")).status_code == 403


def test_record_list_is_a_sortable_exportable_table(client, world, personas):
    client.force_login(personas.editor_a)
    url = reverse("programme:surveys-list")
    page = client.get(url, {"sort": "-month"})
    assert page.status_code == 200 and 'id="record-table"' in page.content.decode()
    assert page.context["table"].order_by == ("-month",)
    csv = client.get(url, {"export": "csv"})
    text = csv.content.decode("utf-8-sig")
    assert csv["Content-Type"].startswith("text/csv")
    assert "草稿" in text and "<span" not in text and "2021年3月" in text
    assert "宁波乙公司" not in text  # the same scope as the page
    only = client.get(url, {"col": ["month"]}).context["table"]
    assert [c.name for c in only.columns] == ["unit_name", "month"]


@pytest.mark.parametrize(
    "lang, label, other",
    [("zh-hans", "拟制订国际标准或国外先进标准名称", "Unit name"), ("en", "Unit name", "单位名称")],
)
def test_annex_labels_in_the_page_language(client, world, personas, lang, label, other):
    client.force_login(personas.editor_a)
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    html = client.get(reverse("programme:surveys-new")).content.decode()
    form = html.split('id="record-form"', 1)[1]
    assert label in form and other not in form
