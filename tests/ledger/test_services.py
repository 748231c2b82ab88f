"""Import (idempotent, transactional), task state changes, agency registry in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from stdlink.core.models import AuditLog
from stdlink.ledger.models import Agency, AgencyAlias, KpiTarget, PolicyDocument, Task, TaskAgency
from stdlink.ledger.parser import PolicyParseError
from stdlink.ledger.services import (
    add_progress_note,
    assign_owner,
    import_text,
    set_task_status,
)
from tests.ledger.conftest import seed_path

pytestmark = pytest.mark.django_db

SMALL = """关于印发测试行动计划的通知
测试发〔2024〕1号
一、建设验证平台。到2020年底，设立不少于50个国家标准验证点。〔商务部牵头，外交部、新设协调办等按职责分工负责〕
二、推进长期工作。持续推进。〔工信部、科技部等按职责分工负责〕
"""


def test_builtin_registry_loaded():
    assert Agency.objects.filter(builtin=True).count() > 80
    s = Agency.objects.get(name="市场监管总局（国家标准委）")
    assert AgencyAlias.objects.filter(agency=s, alias="国家标准委").exists()
    assert AgencyAlias.objects.get(alias="省质监局").agency.name == "省市场监管局"
    assert AgencyAlias.objects.get(alias="省质监局").kind == "former"


def test_import_seed_004_and_reimport_is_idempotent(personas):
    text = seed_path("004").read_text(encoding="utf-8")
    result = import_text(text, source_name="004.txt", acting_user=personas.admin)
    doc = result.document
    assert result.created and result.tasks_created == 33
    assert doc.doc_number == "国市监标技发〔2022〕64号"
    assert doc.issuers.count() == 16
    shangwu = Agency.objects.get(name="商务部")
    led = Task.objects.filter(agency_links__agency=shangwu, agency_links__role="lead").distinct()
    assert sorted(t.label for t in led) == ["十六"]
    assert AuditLog.objects.filter(model="ledger.policydocument", action="import").count() == 1

    links_before = TaskAgency.objects.count()
    task = doc.tasks.get(number="三十二")
    set_task_status(task, "in_progress", acting_user=personas.admin)
    again = import_text(text, source_name="004.txt", acting_user=personas.admin)
    assert not again.created and again.document.pk == doc.pk
    assert (again.tasks_created, again.tasks_updated, again.tasks_removed) == (0, 33, 0)
    assert PolicyDocument.objects.count() == 1
    assert Task.objects.count() == 33
    assert doc.tasks.get(number="三十二").status == "in_progress"  # kept on re-import
    assert TaskAgency.objects.count() == links_before
    assert Agency.objects.filter(verified=False).count() == 0


def test_reimport_without_number_matches_text(personas):
    text = SMALL.replace("测试发〔2024〕1号\n", "")
    first = import_text(text, source_name="a.txt", acting_user=None)
    second = import_text(text, source_name="a.txt", acting_user=None)
    assert first.document.pk == second.document.pk
    assert PolicyDocument.objects.count() == 1


def test_import_small_document(personas):
    result = import_text(SMALL, source_name="small.txt", acting_user=personas.admin)
    doc = result.document
    one, two = doc.tasks.order_by("order")
    assert one.lead_names == ["商务部"]
    assert one.co_names == ["外交部", "新设协调办"]
    assert result.new_agencies == ["新设协调办"]
    unknown = Agency.objects.get(name="新设协调办")
    assert not unknown.verified  # kept, never dropped
    assert one.deadline == dt.date(2020, 12, 31) and one.overdue
    assert two.deadline is None and not two.overdue
    kpi = KpiTarget.objects.get(document=doc)
    assert (kpi.task, kpi.indicator, kpi.comparator, kpi.value) == (
        one,
        "设立国家标准验证点",
        ">=",
        50,
    )
    link = TaskAgency.objects.get(task=two, role="lead")
    assert link.agency.name == "工业和信息化部" and link.by_convention


@pytest.mark.parametrize("text", ["", "\x00\x01binary\x02" * 20, "没有编号的一段文字。第二句话。"])
def test_malformed_input_stores_nothing(personas, text):
    before = (PolicyDocument.objects.count(), Task.objects.count(), Agency.objects.count())
    with pytest.raises(PolicyParseError):
        import_text(text, source_name="bad.txt", acting_user=personas.admin)
    assert (PolicyDocument.objects.count(), Task.objects.count(), Agency.objects.count()) == before


def test_task_services_audit_and_permissions(personas):
    doc = import_text(SMALL, source_name="s.txt", acting_user=personas.admin).document
    task = doc.tasks.get(number="二")
    set_task_status(task, "done", acting_user=personas.editor_a)
    assign_owner(task, personas.editor_a, acting_user=personas.editor_a)
    note = add_progress_note(
        task,
        "已完成第一批",
        acting_user=personas.editor_a,
        evidence=SimpleUploadedFile("a.pdf", b"%PDF-1.4 test"),
    )
    task.refresh_from_db()
    assert task.status == "done" and task.owner == personas.editor_a
    assert note.evidence.name.endswith(".pdf")
    assert AuditLog.objects.filter(model="ledger.task", object_id=str(task.pk)).count() == 2
    assert AuditLog.objects.filter(model="ledger.progressnote").count() == 1
    with pytest.raises(PermissionDenied):
        set_task_status(task, "in_progress", acting_user=personas.reader_a)
    with pytest.raises(ValidationError):
        set_task_status(task, "finished", acting_user=personas.editor_a)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("evil.exe", b"MZ\x90\x00binary"),
        ("fake.pdf", b"just text pretending"),
    ],
)
def test_evidence_type_rejected(personas, name, content):
    doc = import_text(SMALL, source_name="s.txt", acting_user=personas.admin).document
    task = doc.tasks.first()
    with pytest.raises(ValidationError):
        add_progress_note(
            task, "x", acting_user=personas.editor_a, evidence=SimpleUploadedFile(name, content)
        )
    assert not task.notes.exists()


def test_evidence_too_large(personas, settings):
    settings.STDLINK_MAX_UPLOAD_BYTES = 100
    doc = import_text(SMALL, source_name="s.txt", acting_user=personas.admin).document
    with pytest.raises(ValidationError) as info:
        add_progress_note(
            doc.tasks.first(),
            "x",
            acting_user=personas.editor_a,
            evidence=SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 200),
        )
    assert "too large" in str(info.value)


def test_cli_import(personas, capsys):
    from stdlink.cli import main

    path = seed_path("002")
    assert main(["ledger", "import", str(path)]) == 0
    assert main(["ledger", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "created" in out and "updated" in out
    doc = PolicyDocument.objects.get()
    assert doc.tasks.count() == 24
