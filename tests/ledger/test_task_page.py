"""The task page: the clause once, one form for progress, status and owner; owners are officers
within the acting user's scope; overdue is a state; `stdlink demo` loads the seed ledger."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stdlink.core.models import Membership, Role
from stdlink.ledger.models import PolicyDocument, ProgressNote
from stdlink.ledger.services import import_text
from tests.conftest import make_user
from tests.ledger.conftest import seed_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc004(personas):
    text = seed_path("004").read_text(encoding="utf-8")
    return import_text(text, source_name="004.txt", acting_user=personas.admin).document


@pytest.fixture
def unit_account(personas):
    user = make_user("ent", None, None)
    Membership.objects.create(
        user=user, role=Role.objects.get(code="unit_user"), region=personas.region_a, unit_id=1
    )
    return user


def test_one_form_sets_progress_status_and_owner(client, personas, doc004):
    task = doc004.tasks.get(number="一")
    client.force_login(personas.editor_a)
    page = client.get(f"/ledger/tasks/{task.pk}/").content.decode()
    main = page.split("<main", 1)[1].split("</main>", 1)[0]
    assert main.count("<form") == 1  # progress, status and owner in one form
    for name in ('name="text"', 'name="status"', 'name="owner"'):
        assert main.count(name) == 1
    clause = task.agency_links.first().clause_text
    assert main.count(clause) == 1  # the clause once
    response = client.post(
        f"/ledger/tasks/{task.pk}/update",
        {
            "text": "已召开推进会",
            "status": "in_progress",
            "owner": personas.editor_a.pk,
            "evidence": SimpleUploadedFile("minutes.pdf", b"%PDF-1.4 minutes"),
        },
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.status, task.owner) == ("in_progress", personas.editor_a)
    assert ProgressNote.objects.get(task=task).evidence


def test_owner_choices_are_officers_of_the_users_scope(client, personas, doc004, unit_account):
    task = doc004.tasks.get(number="一")
    client.force_login(personas.editor_a)
    choices = client.get(f"/ledger/tasks/{task.pk}/").context["form"].fields["owner"].queryset
    assert personas.editor_a in choices
    # unit accounts, another city's officers and read-only users (who could not update it) are not
    assert unit_account not in choices and personas.user_b not in choices
    assert personas.reader_a not in choices
    for owner in (unit_account, personas.user_b, personas.reader_a):
        response = client.post(
            f"/ledger/tasks/{task.pk}/update", {"status": "not_started", "owner": owner.pk}
        )
        assert response.status_code == 400
        # the old single-purpose endpoint obeys the same rule (the service checks it)
        client.post(f"/ledger/tasks/{task.pk}/owner", {"owner": owner.pk})
        task.refresh_from_db()
        assert task.owner is None


def test_reader_gets_403_on_the_form(client, personas, doc004):
    task = doc004.tasks.first()
    client.force_login(personas.reader_a)
    response = client.post(f"/ledger/tasks/{task.pk}/update", {"status": "done"})
    assert response.status_code == 403
    assert "ledger.change_task" not in response.content.decode()


def test_overdue_is_a_state_badge_not_a_row_colour(client, personas, doc004):
    client.force_login(personas.admin)
    page = client.get(f"/ledger/documents/{doc004.pk}/").content.decode()
    assert 'class="overdue"' not in page
    assert 'data-state="overdue"' in page and "已逾期" in page


def test_demo_loads_the_seed_documents_marked(db, personas):
    from stdlink.ledger import demo

    seed_path("004")  # skips without the seeds
    loaded = demo.create(out=lambda _m: None)
    assert loaded == PolicyDocument.objects.filter(is_demo=True).count() >= 4
    tasks = sum(d.tasks.count() for d in PolicyDocument.objects.filter(is_demo=True))
    assert tasks > 50
    assert demo.create(out=lambda _m: None) == loaded  # idempotent
    assert PolicyDocument.objects.count() == loaded
    demo.clear(out=lambda _m: None)
    assert not PolicyDocument.objects.exists()
