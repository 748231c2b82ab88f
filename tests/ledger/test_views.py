"""Ledger pages and API with the personas: anonymous → login, reader → 403 on writes."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from stdlink.core.spreadsheets import text_cell
from stdlink.ledger.models import Agency, PolicyDocument, ProgressNote, Task
from stdlink.ledger.services import import_text
from tests.ledger.conftest import seed_path

pytestmark = pytest.mark.django_db


@pytest.fixture
def doc004(personas):
    text = seed_path("004").read_text(encoding="utf-8")
    return import_text(text, source_name="004.txt", acting_user=personas.admin).document


def read_urls(doc):
    task = doc.tasks.first()
    agency = Agency.objects.get(name="商务部")
    return [
        "/ledger/",
        f"/ledger/documents/{doc.pk}/",
        f"/ledger/documents/{doc.pk}/ledger.xlsx",
        "/ledger/agencies/",
        f"/ledger/agencies/{agency.pk}/",
        "/ledger/status/",
        f"/ledger/tasks/{task.pk}/",
    ]


def test_anonymous_is_sent_to_login(client, doc004):
    for url in [*read_urls(doc004), "/ledger/import/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


@pytest.mark.parametrize("who", ["reader_a", "editor_a", "user_b", "admin"])
def test_readers_see_every_page(client, personas, doc004, who):
    client.force_login(getattr(personas, who))
    for url in read_urls(doc004):
        assert client.get(url).status_code == 200, url


def test_document_page_and_filters(client, personas, doc004):
    client.force_login(personas.reader_a)
    url = f"/ledger/documents/{doc004.pk}/"
    page = client.get(url).content.decode()
    assert "国市监标技发〔2022〕64号" in page and "建立本行动计划工作台账" not in page
    assert page.count('data-task="') == 33
    assert "国际标准转化率" not in page  # 004 has no KPI targets
    shangwu = Agency.objects.get(name="商务部")
    led = client.get(url, {"agency": shangwu.pk, "role": "lead"}).content.decode()
    assert led.count('data-task="') == 1 and 'data-task="十六"' in led
    shared = client.get(url, {"agency": shangwu.pk, "role": "co"}).content.decode()
    assert 'data-task="十八"' in shared and 'data-task="十六"' not in shared
    everything = client.get(url, {"agency": shangwu.pk}).content.decode()
    assert everything.count('data-task="') == led.count('data-task="') + shared.count('data-task="')


def test_agency_page_lead_vs_shared(client, personas, doc004):
    client.force_login(personas.reader_a)
    shangwu = Agency.objects.get(name="商务部")
    page = client.get(f"/ledger/agencies/{shangwu.pk}/").content.decode()
    led, shared = page.split('id="shared"')
    assert 'data-task="十六"' in led
    assert 'data-task="一"' in shared and 'data-task="十六"' not in shared


def test_status_board_highlights_overdue(client, personas, doc004):
    client.force_login(personas.reader_a)
    page = client.get("/ledger/status/", {"status": "overdue"}).content.decode()
    # 004's tasks are due by the end of 2023 and none is done.
    assert page.count('data-overdue="1"') == 33
    Task.objects.filter(document=doc004, number="一").update(status="done")
    page = client.get("/ledger/status/", {"status": "overdue"}).content.decode()
    assert page.count('data-overdue="1"') == 32


def test_writes_need_change_task(client, personas, doc004):
    task = doc004.tasks.get(number="一")
    client.force_login(personas.reader_a)
    assert client.post(f"/ledger/tasks/{task.pk}/status", {"status": "done"}).status_code == 403
    assert client.post(f"/ledger/tasks/{task.pk}/notes", {"text": "x"}).status_code == 403
    assert client.get("/ledger/import/").status_code == 403
    client.force_login(personas.editor_a)
    assert client.get("/ledger/import/").status_code == 403  # importing is provincial
    response = client.post(f"/ledger/tasks/{task.pk}/status", {"status": "in_progress"})
    assert response.status_code == 302
    response = client.post(f"/ledger/tasks/{task.pk}/owner", {"owner": personas.editor_a.pk})
    assert response.status_code == 302
    evidence = SimpleUploadedFile("report.pdf", b"%PDF-1.4 evidence")
    response = client.post(
        f"/ledger/tasks/{task.pk}/notes",
        {"text": "已召开推进会", "evidence": evidence, "status": "done"},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == "done" and task.owner == personas.editor_a
    note = ProgressNote.objects.get(task=task)
    assert note.author == personas.editor_a and note.evidence
    page = client.get(f"/ledger/tasks/{task.pk}/").content.decode()
    assert "已召开推进会" in page


def test_evidence_upload_rejected(client, personas, doc004):
    task = doc004.tasks.first()
    client.force_login(personas.editor_a)
    bad = SimpleUploadedFile("run.pdf", b"MZ\x00\x00binary")
    response = client.post(f"/ledger/tasks/{task.pk}/notes", {"text": "x", "evidence": bad})
    assert response.status_code == 400
    assert "unsupported type" in response.content.decode()
    assert not ProgressNote.objects.exists()


def test_import_form(client, personas):
    client.force_login(personas.admin)
    text = seed_path("001").read_text(encoding="utf-8")
    response = client.post("/ledger/import/", {"text": text, "title": "纲要行动计划（节选）"})
    assert response.status_code == 302
    doc = PolicyDocument.objects.get()
    assert doc.title == "纲要行动计划（节选）" and doc.tasks.count() == 15
    upload = SimpleUploadedFile("002.txt", seed_path("002").read_bytes())
    response = client.post("/ledger/import/", {"file": upload})
    assert response.status_code == 302
    assert PolicyDocument.objects.count() == 2


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": "没有编号的文字。"}, "no numbered tasks"),
        (
            {"file": SimpleUploadedFile("x.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)},
            "unsupported type",
        ),
        ({"file": SimpleUploadedFile("x.txt", b"")}, None),  # Django's own "empty file" error
        ({}, None),  # neither file nor text
    ],
)
def test_import_form_errors(client, personas, data, message):
    client.force_login(personas.admin)
    response = client.post("/ledger/import/", data)
    assert response.status_code == 400
    if message:
        assert message in response.content.decode()
    else:
        assert response.context["form"].errors
    assert PolicyDocument.objects.count() == 0


def test_excel_export(client, personas, doc004):
    task = doc004.tasks.get(number="一")
    task.heading = '=HYPERLINK("http://evil")'
    task.save()
    client.force_login(personas.reader_a)
    response = client.get(f"/ledger/documents/{doc004.pk}/ledger.xlsx")
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    ws = load_workbook(io.BytesIO(response.content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1] == ("序号", "任务", "牵头单位", "配合单位", "完成时限", "进展情况")
    assert len(rows) == 2 + 33
    first = rows[2]
    # The one formula rule: a quote-prefixed text cell holding the text unchanged.
    assert first[0] == "一" and first[1].startswith("=HYPERLINK")
    assert ws.cell(3, 2).data_type == "s" and ws.cell(3, 2).quotePrefix
    assert first[2] == "市场监管总局（国家标准委）"
    assert "地方人民政府" in first[3] and first[4] == "2023年年底前" and first[5] == "已逾期"
    sixteen = next(r for r in rows if r[0] == "十六")
    assert sixteen[2] == "民政部、商务部、市场监管总局（国家标准委）、国家卫生健康委"
    # the same filters as the page
    shangwu = Agency.objects.get(name="商务部")
    response = client.get(
        f"/ledger/documents/{doc004.pk}/ledger.xlsx", {"agency": shangwu.pk, "role": "lead"}
    )
    assert load_workbook(io.BytesIO(response.content)).active.max_row == 3


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", True),
        ("+86", True),
        ("-1", True),
        ("@SUM(A1)", True),
        ("商务部", False),
        (3, False),
    ],
)
def test_formula_injection_sanitised(value, expected):
    """The ledger export writes through the one rule: a quote-prefixed text cell, text unchanged."""
    from openpyxl import Workbook

    cell = text_cell(Workbook().active, value)
    protected = getattr(cell, "quotePrefix", False) and cell.data_type == "s"
    assert protected is expected
    assert getattr(cell, "value", cell) == value


def test_api(client, personas, doc004):
    assert client.get("/api/v1/ledger/documents").status_code == 401
    client.force_login(personas.reader_a)
    docs = client.get("/api/v1/ledger/documents").json()
    assert docs["count"] == 1 and docs["items"][0]["n_tasks"] == 33
    detail = client.get(f"/api/v1/ledger/documents/{doc004.pk}").json()
    assert detail["doc_number"] == "国市监标技发〔2022〕64号" and len(detail["tasks"]) == 33
    shangwu = Agency.objects.get(name="商务部")
    led = client.get("/api/v1/ledger/tasks", {"agency": shangwu.pk, "role": "lead"}).json()
    assert [t["number"] for t in led["items"]] == ["十六"]
    overdue = client.get("/api/v1/ledger/tasks", {"overdue": "true"}).json()
    assert overdue["count"] == 33 and all(t["overdue"] for t in overdue["items"])
    task_id = led["items"][0]["id"]
    task = client.get(f"/api/v1/ledger/tasks/{task_id}").json()
    assert task["lead"] == ["民政部", "商务部", "市场监管总局（国家标准委）", "国家卫生健康委"]
    assert any(c["by_convention"] for c in task["clauses"])
    assert client.get("/api/v1/ledger/tasks/999999").status_code == 404


def test_api_kpis(client, personas):
    path = seed_path("003")
    doc = import_text(
        path.read_text(encoding="utf-8"), source_name=path.name, acting_user=None
    ).document
    client.force_login(personas.user_b)
    detail = client.get(f"/api/v1/ledger/documents/{doc.pk}").json()
    assert len(detail["kpis"]) == 9
    assert detail["kpis"][7] == {
        "indicator": "地方标准平均制定周期",
        "comparator": "<=",
        "value": "15",
        "unit": "个月",
        "year": 2025,
        "task": None,
        "raw": "缩短至15个月以内",
    }
