"""Who self-registration tells: the officers of the region of a new registration (inbox, and
e-mail by their preference); the applicant of the approval (inbox + e-mail) or of the rejection
(e-mail to the registration's address, the account staying inactive). Nothing before the commit,
nothing after a rollback."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse

from stdlink.accounts.models import Registration
from stdlink.accounts.services import registrations as svc
from stdlink.core.models import Membership, Role
from stdlink.jobs.models import Job
from stdlink.notify.models import Notification, Preference, UserSettings
from stdlink.programme.models import Unit
from tests.accounts.conftest import login, uscc
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

ORG = "杭州新材料有限公司"


@pytest.fixture
def mailboxes(personas):
    """Every persona has an address, so that an e-mail not sent is a decision, not a gap."""
    for name in ("editor_a", "reader_a", "user_b", "admin"):
        user = getattr(personas, name)
        user.email = f"{name}@example.org"
        user.save()
    return personas


def _register(code: str, region, *, email: str = "zhao@example.com") -> Registration:
    return svc.register(
        username="ent_user",
        password="Correct-Horse-42",
        uscc=code,
        organisation=ORG,
        region=region,
        contact_name="赵六",
        email=email,
    )


def _outbox_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def test_registration_form_tells_the_officers_of_its_region(
    client, mailboxes, django_capture_on_commit_callbacks
):
    personas = mailboxes
    # a unit-scoped role that (wrongly) grants deciding must still not reach a unit account
    role = Role.objects.create(code="odd_unit", name_zh="单位", name_en="unit", scope="unit")
    role.permissions.add(
        Permission.objects.get(content_type__app_label="accounts", codename="change_registration")
    )
    unit_account = make_user("unit_acct", None, None, email="unit@example.org")
    Membership.objects.create(user=unit_account, role=role, region=personas.region_a)
    code = uscc(71)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:register"),
            {
                "uscc": code,
                "organisation": ORG,
                "region": personas.region_a.pk,
                "contact_name": "赵六",
                "email": "zhao@example.com",
                "mobile": "13912345678",
                "username": "ent_user",
                "password1": "Correct-Horse-42",
                "password2": "Correct-Horse-42",
            },
        )
        assert not Notification.objects.exists()  # nothing before the commit
    reg = Registration.objects.get()
    notes = Notification.objects.filter(kind="accounts.registration").select_related("recipient")
    # 杭州's officer and the province (scope "all"); not 宁波, the read-only user, the unit account
    assert sorted(n.recipient.username for n in notes) == ["editor_a", "prov_admin"]
    note = notes.get(recipient=personas.editor_a)
    assert note.subject == f"企业注册待审批：{ORG}"
    assert note.body == (
        f"{ORG}（统一社会信用代码 {code}）已在杭州市提交注册，等待您审批。"
        "联系人：赵六，zhao@example.com。"
    )
    assert note.link == reverse("accounts:registration-detail", args=[reg.pk])
    assert note.dedupe_key == f"accounts.registration:{reg.pk}"
    # immediate by default: one e-mail each, in the officer's language, linking to the decision
    assert sorted(a for m in mail.outbox for a in m.to) == [
        "admin@example.org",
        "editor_a@example.org",
    ]
    (m,) = _outbox_to("editor_a@example.org")
    assert m.subject == f"[标准联通] 企业注册待审批：{ORG}"
    assert code in m.body and "杭州市" in m.body
    assert settings.SITE_URL + reverse("accounts:registration-detail", args=[reg.pk]) in m.body


def test_officer_reading_english_and_daily_digest(mailboxes, run_on_commit):
    personas = mailboxes
    UserSettings.objects.create(user=personas.editor_a, language="en")
    Preference.objects.create(user=personas.admin, kind="accounts.registration", frequency="daily")
    code = uscc(72)
    with run_on_commit():
        _register(code, personas.region_a)
    note = Notification.objects.get(recipient=personas.editor_a)
    assert note.subject == f"Enterprise registration awaiting approval: {ORG}"
    assert note.body.startswith(f"{ORG} (unified social credit code {code}) registered in Hangzhou")
    # the province chose the daily digest: the inbox row now, no e-mail yet
    assert Notification.objects.filter(recipient=personas.admin).exists()
    assert [m.to for m in mail.outbox] == [["editor_a@example.org"]]


def test_other_city_registration_reaches_only_its_officers(mailboxes, run_on_commit):
    personas = mailboxes
    with run_on_commit():
        _register(uscc(73, "330200"), personas.region_b)
    assert sorted(Notification.objects.values_list("recipient__username", flat=True)) == [
        "prov_admin",
        "user_b",
    ]


@pytest.fixture
def pending(mailboxes, run_on_commit) -> Registration:
    with run_on_commit():
        reg = _register(uscc(74), mailboxes.region_a)
    mail.outbox.clear()
    return reg


def test_approval_tells_the_applicant_of_the_unit(mailboxes, pending, run_on_commit):
    personas = mailboxes
    unit = Unit.objects.create(
        name="杭州新材料股份公司", kind="enterprise", region=personas.region_a, uscc=pending.uscc
    )
    with run_on_commit():
        svc.approve(acting_user=personas.editor_a, registration=pending)
    note = Notification.objects.get(kind="accounts.decision")
    assert note.recipient_id == pending.user_id
    assert note.subject == f"注册已获批准：{ORG} / Registration approved: {ORG}"
    zh, en = note.body.split("\n\n")
    assert zh == (
        f"您为{ORG}（统一社会信用代码 {pending.uscc}）提交的注册已获批准。"
        f"账户 ent_user 现在可以登录，所属单位为{unit.name}。"
    )
    assert en.startswith(f"Your registration of {ORG}") and en.endswith(
        f"The account ent_user can log in now and acts for the unit {unit.name}."
    )
    assert note.link == reverse("accounts:workbench")
    (m,) = mail.outbox
    assert m.to == ["zhao@example.com"] and "Registration approved" in m.subject
    assert unit.name in m.body and settings.SITE_URL + reverse("accounts:workbench") in m.body


def test_rejection_mails_the_reason_to_the_registration_address(
    client, mailboxes, pending, django_capture_on_commit_callbacks
):
    login(client, mailboxes.editor_a)
    reason = "单位名称与营业执照不符 / name differs from the business licence"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:registration-decide", args=[pending.pk]),
            {"decision": "reject", "kind": "enterprise", "reason": reason},
        )
        assert mail.outbox == []  # queued, sent only after the commit
    pending.refresh_from_db()
    assert pending.state == "rejected" and not pending.user.is_active
    (m,) = mail.outbox
    assert m.to == ["zhao@example.com"]
    assert m.subject == (
        f"[标准联通 / StdLink] 注册未获批准：{ORG} / Registration not approved: {ORG}"
    )
    zh, en = m.body.split("\n\n----\n\n")
    assert "在杭州市提交的注册未获批准" in zh and f"理由：{reason}" in zh
    assert "in Hangzhou was not approved" in en and f"Reason: {reason}" in en
    assert settings.SITE_URL + reverse("accounts:register") in en
    # through the queue, and no inbox row for an account that cannot log in
    assert Job.objects.get(name="notify.mail").status == "succeeded"
    assert not Notification.objects.filter(recipient=pending.user).exists()


def test_rejection_without_an_address_sends_nothing(mailboxes, pending, run_on_commit):
    Registration.objects.filter(pk=pending.pk).update(email="")
    with run_on_commit():
        svc.reject(acting_user=mailboxes.editor_a, registration=pending, reason="重复注册")
    assert Registration.objects.get(pk=pending.pk).state == "rejected"
    assert mail.outbox == [] and not Job.objects.filter(name="notify.mail").exists()


def test_refused_decision_sends_nothing(mailboxes, pending, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(PermissionDenied):
            svc.approve(acting_user=mailboxes.user_b, registration=pending)
        with pytest.raises(PermissionDenied):
            svc.reject(acting_user=mailboxes.user_b, registration=pending, reason="不符")
    assert mail.outbox == []
    assert not Notification.objects.filter(kind="accounts.decision").exists()
    assert not Job.objects.filter(name="notify.mail").exists()


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_rolled_back_decision_sends_nothing(
    mailboxes, pending, decision, django_capture_on_commit_callbacks
):
    # the decision itself succeeds, then something later in the same transaction fails
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            if decision == "approve":
                svc.approve(acting_user=mailboxes.editor_a, registration=pending)
            else:
                svc.reject(acting_user=mailboxes.editor_a, registration=pending, reason="不符")
            raise RuntimeError
    assert Registration.objects.get(pk=pending.pk).state == "pending"
    assert mail.outbox == []
    assert not Notification.objects.filter(kind="accounts.decision").exists()
    assert not Job.objects.filter(name="notify.mail").exists()


def test_rolled_back_registration_tells_nobody(mailboxes, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            _register(uscc(75), mailboxes.region_a)
            raise RuntimeError
    assert not Notification.objects.exists() and mail.outbox == []
