"""Pages, API and the comment workflow with the personas: province staff (personas.admin), a
unit user whose subscription matched, a unit user of another unit, a city officer, anonymous."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.conftest import make_user


def uscc(seed: int) -> str:
    from stdlink.programme.uscc import check_char

    body = f"91330{seed:012d}"[:17]
    return body + check_char(body)


@pytest.fixture
def world(personas, shared_data, reference, committed):
    from stdlink.core.models import Membership, Region
    from stdlink.programme.models import Unit
    from stdlink.tbt.models import Subscription
    from stdlink.tbt.parsers import parse_pasted
    from stdlink.tbt.services.imports import import_records
    from stdlink.tbt.services.reference import import_countries

    import_countries(shared_data / "reference/countries/countries_iso_zh_wto_bri.csv")
    region = Region.objects.get(code="330100")
    toys = Unit.objects.create(name="杭州玩具公司", kind="enterprise", uscc=uscc(11), region=region)
    other = Unit.objects.create(
        name="杭州电器公司", kind="enterprise", uscc=uscc(12), region=region
    )
    unit_user = make_user("unit_toys", "unit_user", "330100")
    Membership.objects.filter(user=unit_user).update(unit_id=toys.pk)
    other_user = make_user("unit_other", "unit_user", "330100")
    Membership.objects.filter(user=other_user).update(unit_id=other.pk)
    Subscription.objects.create(owner=unit_user, unit=toys, name="玩具", hs_codes=["9503"])
    Subscription.objects.create(owner=other_user, unit=other, name="电器", hs_codes=["8516"])
    today = date.today()
    text = (
        f"G/TBT/N/USA/7777\nDistribution date: {today.isoformat()}\nNOTIFICATION\n1. Notifying Member: United States\n"
        "4. Products covered: Toys; HS 9503.00\n5. Title: Toy safety: lead in paint, citing ASTM F963-23 (English)\n"
        "7. Objective and rationale: Protection of human health or safety\n10. Final date for comments: 60 days from notification\n"
    )
    with committed():
        import_records(parse_pasted(text, reference=reference))
    from stdlink.tbt.models import Notification

    return {
        "n": Notification.objects.get(symbol="G/TBT/N/USA/7777"),
        "unit_user": unit_user,
        "other_user": other_user,
        "toys": toys,
    }


@pytest.mark.parametrize("name", ["tbt:notification-list", "tbt:dashboard", "tbt:country-list"])
def test_public_pages(client, world, name):
    r = client.get(reverse(name))
    assert r.status_code == 200


def test_list_facets_and_filters(client, world):
    r = client.get(reverse("tbt:notification-list"), {"hs": "9503", "member": "USA"})
    assert "G/TBT/N/USA/7777" in r.content.decode()
    r = client.get(reverse("tbt:notification-list"), {"hs": "8516"})
    assert "G/TBT/N/USA/7777" not in r.content.decode()
    r = client.get(
        reverse("tbt:notification-list"), {"objective": "health_safety", "status": "open"}
    )
    assert "G/TBT/N/USA/7777" in r.content.decode()


def test_detail_shows_alerts_to_their_owner_only(client, world):
    n = world["n"]
    client.force_login(world["unit_user"])
    body = client.get(reverse("tbt:notification-detail", args=[n.pk])).content.decode()
    assert "杭州玩具公司" in body and "HS4" in body
    client.force_login(world["other_user"])
    body = client.get(reverse("tbt:notification-detail", args=[n.pk])).content.decode()
    assert "杭州玩具公司" not in body


def test_country_pages_label_non_wto_bri(client, world):
    body = client.get(reverse("tbt:country-list"), {"show": "bri"}).content.decode()
    assert body.count("no-wto") == 22
    body = client.get(reverse("tbt:country-detail", args=["BLR"])).content.decode()
    assert 'id="no-wto"' in body


def test_import_needs_permission(client, world, personas):
    assert client.get(reverse("tbt:import")).status_code in (302, 403)
    client.force_login(world["unit_user"])
    assert client.get(reverse("tbt:import")).status_code == 403
    client.force_login(personas.admin)
    r = client.post(
        reverse("tbt:import"),
        {"text": "G/TBT/N/CHN/1\n1. 通报成员：中国\n5. 通报标题，页数和使用语言：测试（中文）\n"},
    )
    assert r.status_code == 302


def test_import_upload_rejects_hostile_files(client, world, personas):
    from stdlink.tbt.models import Notification

    client.force_login(personas.admin)
    before = Notification.objects.count()
    bad = io.BytesIO(b"\x7fELF\x00\x00binary")
    bad.name = "x.txt"
    r = client.post(reverse("tbt:import"), {"files": bad}, follow=True)
    assert "Nothing was imported" in r.content.decode() or "未导入" in r.content.decode()
    r = client.post(
        reverse("tbt:import"), {"text": "G/SPS/N/CAN/1\n1. Notifying Member: Canada\n"}, follow=True
    )
    assert Notification.objects.count() == before


def test_subscribe_page(client, world):
    from stdlink.tbt.models import Alert, Subscription

    client.force_login(world["unit_user"])
    r = client.post(
        reverse("tbt:subscriptions"),
        {"name": "US toys", "hs_codes": "950300", "members": "USA", "remind_days": 7},
    )
    assert r.status_code == 302
    s = Subscription.objects.get(name="US toys")
    assert s.unit == world["toys"] and s.members == ["USA"]
    assert Alert.objects.filter(subscription=s, level="hs6").exists()
    r = client.post(
        reverse("tbt:subscriptions"),
        {"name": "bad", "hs_codes": "abc", "members": "XXX", "remind_days": 7},
    )
    assert r.status_code == 200 and not Subscription.objects.filter(name="bad").exists()
    body = client.get(reverse("tbt:alerts")).content.decode()
    assert "G/TBT/N/USA/7777" in body and "grade-" in body


def test_api(client, world):
    r = client.get("/api/v1/tbt/notifications", {"hs": "9503"})
    assert r.status_code == 200 and r.json()["items"][0]["symbol"] == "G/TBT/N/USA/7777"
    r = client.get("/api/v1/tbt/notifications/G/TBT/N/USA/7777")
    assert r.status_code == 200 and r.json()["hs_codes"] == ["950300"]
    assert client.get("/api/v1/tbt/alerts").status_code == 401
    client.force_login(world["unit_user"])
    items = client.get("/api/v1/tbt/alerts").json()["items"]
    assert [a["symbol"] for a in items] == ["G/TBT/N/USA/7777"]
    assert "tbt" in client.get("/api/v1/openapi.json").content.decode()
    # an enterprise's own system polls its alerts with a personal API token
    from django.test import Client

    from stdlink.core.services.tokens import create_token

    user = world["unit_user"]
    _token, text = create_token(acting_user=user, user=user, name="erp")
    api = Client(HTTP_AUTHORIZATION=f"Bearer {text}")
    assert [a["symbol"] for a in api.get("/api/v1/tbt/alerts").json()["items"]] == [
        "G/TBT/N/USA/7777"
    ]
    assert (
        Client(HTTP_AUTHORIZATION="Bearer stl_" + "x" * 43).get("/api/v1/tbt/alerts").status_code
        == 401
    )


def test_comment_workflow_persona_matrix(client, world, personas):
    from docx import Document
    from openpyxl import load_workbook

    from stdlink.core.models import AuditLog
    from stdlink.tbt.models import CommentCase

    n = world["n"]
    # only province staff open a case
    for user in (world["unit_user"], personas.editor_a):
        client.force_login(user)
        assert (
            client.post(
                reverse("tbt:case-open", args=[n.pk]),
                {"internal_deadline": date.today() + timedelta(days=10)},
            ).status_code
            == 403
        )
    client.force_login(personas.admin)
    r = client.post(
        reverse("tbt:case-open", args=[n.pk]),
        {"internal_deadline": date.today() + timedelta(days=10)},
    )
    case = CommentCase.objects.get()
    assert r.status_code == 302 and [i.unit.name for i in case.invitations.all()] == [
        "杭州玩具公司"
    ]
    url = reverse("tbt:case-detail", args=[case.pk])
    # the invited unit answers with an attachment; others see 404
    client.force_login(world["other_user"])
    assert client.get(url).status_code == 404
    client.force_login(personas.user_b)
    assert client.get(url).status_code == 404
    client.force_login(world["unit_user"])
    pdf = io.BytesIO(b"%PDF-1.4 test")
    pdf.name = "evidence.pdf"
    r = client.post(
        url, {"text": '建议将铅限量过渡期延长至12个月。=HYPERLINK("x")', "attachment": pdf}
    )
    assert r.status_code == 302
    exe = io.BytesIO(b"MZ\x90\x00binary")
    exe.name = "evil.pdf"
    r = client.post(url, {"text": "second", "attachment": exe}, follow=True)
    assert case.invitations.get().answers.count() == 1
    # staff consolidate, export, submit, record the reply, escalate
    client.force_login(personas.admin)
    r = client.post(
        reverse("tbt:case-action", args=[case.pk, "consolidate"]),
        {"text_zh": "中方建议延长过渡期。", "text_en": "China suggests a longer transition."},
    )
    case.refresh_from_db()
    assert case.status == "consolidated"
    docx_bytes = client.get(reverse("tbt:case-export", args=[case.pk, "docx"])).content
    text = "\n".join(p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs)
    assert "China suggests a longer transition." in text and "杭州玩具公司" in text
    wb = load_workbook(
        io.BytesIO(client.get(reverse("tbt:case-export", args=[case.pk, "xlsx"])).content)
    )
    cells = [c for row in wb["comments"].iter_rows() for c in row]
    assert any("HYPERLINK" in str(c.value) for c in cells)
    assert all(c.data_type != "f" for c in cells)  # formula text is stored as text, never run
    client.post(reverse("tbt:case-action", args=[case.pk, "submit"]))
    client.post(
        reverse("tbt:case-action", args=[case.pk, "reply"]), {"reply": "We will consider it."}
    )
    client.post(
        reverse("tbt:case-action", args=[case.pk, "escalate"]),
        {"concern": "过渡期过短", "talking_points_zh": "要点", "talking_points_en": "points"},
    )
    case.refresh_from_db()
    assert case.status == "replied" and case.trade_concern.supporting_units.get() == world["toys"]
    # a unit user cannot act as staff
    client.force_login(world["unit_user"])
    assert client.post(reverse("tbt:case-action", args=[case.pk, "submit"])).status_code == 403
    assert client.get(reverse("tbt:case-export", args=[case.pk, "docx"])).status_code == 403
    actions = set(
        AuditLog.objects.filter(model__icontains="commentcase").values_list("action", flat=True)
    )
    assert {"create", "update"} <= actions
    assert AuditLog.objects.filter(model__icontains="answer").count() == 1


def test_standard_panel_lists_citing_notifications(world, rf):
    from stdlink.catalog.models import Body, Standard
    from stdlink.tbt.panels import standard_panel

    body = Body.objects.filter(code="ASTM").first() or Body.objects.first()
    std = Standard.objects.create(
        uid="ASTMF963-23",
        identifier="ASTM F963-23",
        key="ASTMF963-23",
        work_key="ASTMF963",
        body=body,
    )
    html = standard_panel(rf.get("/"), std)
    assert "G/TBT/N/USA/7777" in html
    other = Standard.objects.create(
        uid="X1", identifier="ISO 1", key="ISO1", work_key="ISO1", body=body
    )
    assert standard_panel(rf.get("/"), other) is None


def test_detail_shows_the_notifications_own_risk(client, world):
    body = client.get(reverse("tbt:notification-detail", args=[world["n"].pk])).content.decode()
    risk = body.split('id="notification-risk"')[1].split("</p>")[0]
    # health and safety objective (+10) and open for comment (+15); with an HS6 match (+40): 65
    assert "grade-yellow" in risk and "(65)" in risk
    assert "健康与安全目的 +10" in risk and "评议期内 +15" in risk


def test_comment_service_refusal_says_what_and_whom_to_ask(world, personas):
    """The services refuse a non-staff account with the one refusal message (what the
    permission allows, whom to ask), never a bare 403 or the internal permission name."""
    from django.core.exceptions import PermissionDenied
    from django.utils import translation

    from stdlink.tbt.services import comments

    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        comments.open_case(
            world["n"], internal_deadline=date.today(), acting_user=world["unit_user"]
        )
    message = str(refused.value)
    assert message.startswith("You cannot ") and "your city's market-regulation bureau" in message
    assert "tbt." not in message and "commentcase" not in message
