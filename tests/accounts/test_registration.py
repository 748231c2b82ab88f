"""Enterprise self-registration → approval (or rejection) by the city officer."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stdlink.accounts.models import Registration
from stdlink.core.models import AuditLog
from stdlink.programme.models import Unit
from tests.accounts.conftest import login, uscc

pytestmark = pytest.mark.django_db


def _register(client, region, code, username="ent_user"):
    return client.post(
        reverse("accounts:register"),
        {
            "uscc": code,
            "organisation": "杭州新材料有限公司",
            "region": region.pk,
            "contact_name": "赵六",
            "email": "zhao@example.com",
            "mobile": "13912345678",
            "username": username,
            "password1": "Correct-Horse-42",
            "password2": "Correct-Horse-42",
        },
    )


def _login_page(client):
    return client.post(reverse("login"), {"username": "ent_user", "password": "Correct-Horse-42"})


@pytest.mark.parametrize(
    "code, fragment",
    [
        ("91330100000000001", "18"),  # 17 characters
        (uscc(7)[:17] + ("0" if uscc(7)[17] != "0" else "1"), "校验码"),
        ("91330100OOOOOOOOOX", "非法字符"),
    ],
)
def test_bad_credit_code_is_refused_with_reason(client, personas, code, fragment):
    response = _register(client, personas.region_a, code)
    assert response.status_code == 200
    assert fragment in response.content.decode()
    assert not Registration.objects.exists()


def test_registration_then_approval_creates_unit_and_unit_account(client, personas):
    code = uscc(55)
    response = _register(client, personas.region_a, code)
    assert b'id="registration-received"' in response.content
    reg = Registration.objects.get()
    assert reg.state == "pending" and not reg.user.is_active
    assert _login_page(client).status_code == 200  # refused: the form is shown again

    login(client, personas.editor_a)
    listing = client.get(reverse("accounts:registration-list"))
    assert [r.record.pk for r in listing.context["table"].rows] == [reg.pk]
    response = client.post(
        reverse("accounts:registration-decide", args=[reg.pk]),
        {"decision": "approve", "kind": "enterprise", "reason": ""},
    )
    assert response.status_code == 302
    reg.refresh_from_db()
    unit = Unit.objects.get(uscc=code)
    assert (
        reg.state == "approved" and reg.unit_id == unit.pk and reg.decided_by == personas.editor_a
    )
    m = reg.user.memberships.get()
    assert (m.role.code, m.unit_id, m.region) == ("unit_user", unit.pk, personas.region_a)
    client.logout()
    response = _login_page(client)
    assert response.status_code == 302 and response["Location"] == reverse("accounts:workbench")
    assert AuditLog.objects.filter(model="accounts.registration", note="approve").count() == 1
    assert AuditLog.objects.filter(model="programme.unit", action="create").count() == 1


def test_approval_links_an_existing_unit(client, personas):
    unit = Unit.objects.create(
        name="已有单位", kind="enterprise", region=personas.region_a, uscc=uscc(9)
    )
    _register(client, personas.region_a, uscc(9))
    reg = Registration.objects.get()
    login(client, personas.editor_a)
    client.post(
        reverse("accounts:registration-decide", args=[reg.pk]),
        {"decision": "approve", "kind": "enterprise"},
    )
    assert Unit.objects.filter(uscc=uscc(9)).count() == 1
    assert reg.user.memberships.get().unit_id == unit.pk


def test_reject_needs_a_reason_and_keeps_the_account_closed(client, personas):
    _register(client, personas.region_a, uscc(11))
    reg = Registration.objects.get()
    login(client, personas.editor_a)
    url = reverse("accounts:registration-decide", args=[reg.pk])
    client.post(url, {"decision": "reject", "kind": "enterprise", "reason": ""})
    reg.refresh_from_db()
    assert reg.state == "pending"
    client.post(url, {"decision": "reject", "kind": "enterprise", "reason": "名称与执照不符"})
    reg.refresh_from_db()
    assert reg.state == "rejected" and reg.decision_note == "名称与执照不符"
    assert not reg.user.is_active and not Unit.objects.exists()


def test_rejected_applicant_registers_again_under_the_same_login_name(client, personas):
    from stdlink.accounts.models import Account

    _register(client, personas.region_a, uscc(14))
    first = Registration.objects.get()
    login(client, personas.editor_a)
    decide = reverse("accounts:registration-decide", args=[first.pk])
    client.post(decide, {"decision": "reject", "kind": "enterprise", "reason": "执照已过期"})
    retired = Account.objects.get(pk=first.user_id)
    assert retired.username == f"ent_user.rejected-{first.pk}" and not retired.is_active
    row = AuditLog.objects.get(model="accounts.account", note="login name released after rejection")
    assert row.before["username"] == "ent_user" and "password" not in row.after
    client.logout()
    _register(client, personas.region_a, uscc(14))
    again = Registration.objects.get(state="pending")
    assert again.user.username == "ent_user" and again.user_id != first.user_id
    first.refresh_from_db()
    assert first.state == "rejected" and first.user_id == retired.pk  # history kept


def test_other_city_gets_404_and_viewer_403(client, personas):
    _register(client, personas.region_a, uscc(12))
    reg = Registration.objects.get()
    login(client, personas.user_b)
    assert client.get(reverse("accounts:registration-detail", args=[reg.pk])).status_code == 404
    decide = reverse("accounts:registration-decide", args=[reg.pk])
    assert client.post(decide, {"decision": "approve", "kind": "enterprise"}).status_code == 404
    login(client, personas.reader_a)
    assert client.get(reverse("accounts:registration-detail", args=[reg.pk])).status_code == 200
    assert client.post(decide, {"decision": "approve", "kind": "enterprise"}).status_code == 403
    reg.refresh_from_db()
    assert reg.state == "pending"


def test_second_pending_registration_for_the_same_code_is_refused(client, personas):
    _register(client, personas.region_a, uscc(13))
    response = _register(client, personas.region_a, uscc(13), username="other_user")
    assert response.status_code == 200
    assert Registration.objects.count() == 1


def test_password_reset_by_email(client, personas, mailoutbox):
    personas.editor_a.email = "editor@example.com"
    personas.editor_a.save()
    response = client.post(reverse("accounts:password-reset"), {"email": "editor@example.com"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    body = mailoutbox[0].body
    link = next(line for line in body.splitlines() if "/accounts/password-reset/" in line)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Brand-New-Pass-9", "new_password2": "Brand-New-Pass-9"},
    )
    personas.editor_a.refresh_from_db()
    assert personas.editor_a.check_password("Brand-New-Pass-9")


def test_login_page_links_to_reset_and_registration(client, db):
    html = client.get(reverse("login")).content.decode()
    assert reverse("accounts:password-reset") in html and reverse("accounts:register") in html
    assert "忘记密码" in html and "单位注册" in html


def test_person_changes_a_one_time_password(client, personas):
    from stdlink.accounts.services.accounts import reset_password

    one_time = reset_password(acting_user=personas.admin, account=personas.editor_a)
    personas.editor_a.refresh_from_db()
    login(client, personas.editor_a)
    assert client.get(reverse("accounts:password-change")).status_code == 200
    response = client.post(
        reverse("accounts:password-change"),
        {
            "old_password": one_time,
            "new_password1": "Own-Choice-2026",
            "new_password2": "Own-Choice-2026",
        },
    )
    assert response.status_code == 302
    personas.editor_a.refresh_from_db()
    assert personas.editor_a.check_password("Own-Choice-2026")
