"""The imports page: upload → validated → job runs the CLI's importer → progress → batch report.
A malformed file stores nothing and shows located errors."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from stdlink.catalog.models import ImportBatch, SourceRecord, Standard
from stdlink.jobs.models import Job
from stdlink.notify.models import Notification
from tests.jobs.samples import broken_relaton_stream, relaton_stream

pytestmark = pytest.mark.django_db


def _upload(client, name: str, data: bytes, kind: str = "relaton"):
    return client.post(
        "/imports/", {"kind": kind, "files": SimpleUploadedFile(name, data)}, follow=False
    )


def test_upload_runs_job_with_progress_and_report(
    client, personas, shared_data, queue, django_capture_on_commit_callbacks
):
    client.force_login(personas.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, "iho.yaml.gz", relaton_stream(shared_data, n=25))
    assert response.status_code == 302
    job = Job.objects.get(name="jobs.import")
    assert response["Location"] == f"/imports/{job.pk}/"
    assert job.status == Job.Status.SUCCEEDED, job.error
    live = job.live()
    assert (live["done"], live["total"], live["percent"]) == (25, 25, 100)
    batch = ImportBatch.objects.get(pk=job.result["batch"])
    assert (batch.state, batch.read, batch.created_count) == ("succeeded", 25, 25)
    assert SourceRecord.objects.filter(source="iho").count() == 25

    page = client.get(f"/imports/{job.pk}/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    html = page.content.decode()
    assert 'id="batch-report"' in html
    assert "新建" in html and "创建时间" not in html  # counts, not timestamps
    assert '<dd class="col-sm-3" data-count="created">25</dd>' in html
    assert 'value="100"' in html  # the bar is full
    # the uploader is told
    note = Notification.objects.get(recipient=personas.admin, kind="jobs.finished")
    assert note.link == f"/imports/{job.pk}/"
    # the uploaded files are removed once imported
    from pathlib import Path

    assert not Path(job.args[1]).exists()


def test_reimport_reports_unchanged(
    client, personas, shared_data, queue, django_capture_on_commit_callbacks
):
    client.force_login(personas.admin)
    data = relaton_stream(shared_data, n=10)
    for _i in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            _upload(client, "iho.yaml.gz", data)
    last = Job.objects.filter(name="jobs.import").order_by("-id").first()
    assert (last.result["created"], last.result["unchanged"]) == (0, 10)


def test_malformed_file_stores_nothing_and_shows_located_error(
    client, personas, shared_data, queue, django_capture_on_commit_callbacks
):
    client.force_login(personas.admin)
    before = (Standard.objects.count(), SourceRecord.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "iho.yaml.gz", broken_relaton_stream(shared_data))
    job = Job.objects.get(name="jobs.import")
    assert job.status == Job.Status.FAILED
    assert (Standard.objects.count(), SourceRecord.objects.count()) == before
    assert ImportBatch.objects.get(pk=job.result["batch"]).state == "failed"
    html = client.get(f"/imports/{job.pk}/").content.decode()
    assert "导入已回滚：未保存任何数据。" in html
    err = job.result["errors"][0]
    assert "iho.yaml.gz" in err and "5" in err  # file and record index
    assert "/media/" not in err and "var" not in err.split("iho.yaml.gz")[0]  # no server paths


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("x.yaml.gz", b"\x89PNG\r\n\x1a\n" + b"0" * 100, "类型不受支持"),
        ("empty.yaml", b"", "空文件"),
    ],
)
def test_rejected_upload_starts_no_job(client, personas, queue, name, data, message):
    client.force_login(personas.admin)
    response = _upload(client, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Job.objects.exists()


def test_permissions(client, personas):
    client.force_login(personas.reader_a)  # may view batches, may not import
    page = client.get("/imports/")
    assert page.status_code == 200
    assert 'id="import-form"' not in page.content.decode()
    assert _upload(client, "a.yaml", b"id: x\n").status_code == 403
    client.logout()
    assert client.get("/imports/").status_code in (302, 403)


def test_other_people_cannot_see_a_job(client, personas, queue, django_capture_on_commit_callbacks):
    from stdlink import jobs

    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.enqueue("jobs.noop", owner=personas.editor_a)
    client.force_login(personas.user_b)
    assert client.get(f"/jobs/{job.pk}/progress").status_code == 404
    assert client.get(f"/api/v1/jobs/{job.pk}").status_code == 404
    client.force_login(personas.editor_a)
    assert client.get(f"/api/v1/jobs/{job.pk}").json()["status"] == "succeeded"
    # the same through a personal API token (a script polling its job)
    from django.test import Client

    from stdlink.core.services.tokens import create_token

    _token, text = create_token(acting_user=personas.user_b, user=personas.user_b, name="poll")
    assert (
        Client(HTTP_AUTHORIZATION=f"Bearer {text}").get(f"/api/v1/jobs/{job.pk}").status_code == 404
    )
    _token, text = create_token(acting_user=personas.editor_a, user=personas.editor_a, name="poll")
    response = Client(HTTP_AUTHORIZATION=f"Bearer {text}").get(f"/api/v1/jobs/{job.pk}")
    assert response.json()["status"] == "succeeded"


def test_imports_show_cli(personas, shared_data, capsys, tmp_path):
    from stdlink.catalog.importers.relaton import import_paths
    from stdlink.cli import main

    path = tmp_path / "iho.yaml.gz"
    path.write_bytes(relaton_stream(shared_data, n=5))
    batch = import_paths([path])
    assert main(["imports", "show", str(batch.pk)]) == 0
    out = capsys.readouterr().out
    assert f"import batch {batch.pk} (relaton, succeeded)" in out
    assert "files: iho.yaml.gz" in out
    assert "新建 / created 5" in out
    assert main(["imports", "show", "999999"]) == 1


@pytest.mark.parametrize(
    ("kind", "relpath", "model", "minimum"),
    [
        ("ics", "reference/ics/ics_ed7.csv", "ICS", 1000),
        ("cn-list", "reference/cn-standards/nmpa_medical_device_standards.json", "Standard", 2000),
    ],
)
def test_other_import_kinds_through_the_web(
    client,
    personas,
    shared_data,
    queue,
    django_capture_on_commit_callbacks,
    kind,
    relpath,
    model,
    minimum,
):
    from django.apps import apps

    path = shared_data / relpath
    client.force_login(personas.admin)
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, path.name, path.read_bytes(), kind=kind)
    assert response.status_code == 302
    job = Job.objects.get(name="jobs.import")
    assert job.status == Job.Status.SUCCEEDED, job.error
    live = job.live()
    assert live["done"] == live["total"] == job.result["read"]
    assert apps.get_model("catalog", model).objects.count() >= minimum
    assert job.result["created"] >= minimum


def test_job_pages_for_administrators(client, personas, queue, django_capture_on_commit_callbacks):
    from stdlink import jobs

    with django_capture_on_commit_callbacks(execute=True):
        jobs.enqueue("jobs.noop", owner=personas.editor_a, title="check")
    client.force_login(personas.admin)
    html = client.get("/jobs/?status=succeeded").content.decode()
    assert "jobs.noop" in html and "check" in html
    client.force_login(personas.editor_a)
    assert client.get("/jobs/").status_code == 403


@pytest.mark.parametrize("cut", [1, 2])
def test_text_upload_cut_inside_a_chinese_character_is_text(cut):
    from stdlink.core.uploads import detect_kind

    text = ("标准" * 2000).encode()  # 3-byte characters
    head = text[: 4096 - 3 + cut]  # ends 1 or 2 bytes into a character
    assert detect_kind(head) == "txt"


def test_cancelled_import_rolls_back(
    client, personas, shared_data, queue, django_capture_on_commit_callbacks, monkeypatch
):
    # the person presses Cancel while the file is being read
    monkeypatch.setattr(Job, "cancelled", lambda self: True)
    client.force_login(personas.admin)
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "iho.yaml.gz", relaton_stream(shared_data, n=25))
    job = Job.objects.get(name="jobs.import")
    assert job.status == Job.Status.CANCELLED
    assert not SourceRecord.objects.filter(source="iho").exists()
    assert ImportBatch.objects.get().state == "failed"
