"""Comparisons through services, pages and API with the three personas: upload, review, override,
confirm, export, the mutual-recognition catalogue, and malformed uploads that store nothing."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from stdlink.compare.models import Comparison, ComparisonDocument, ComparisonRow, Recognition
from stdlink.core.models import AuditLog

pytestmark = pytest.mark.django_db


def _row(comparison, a_number):
    return comparison.rows.get(a_number=a_number)


def test_created_comparison_holds_the_dev_pair_rows_and_is_audited_without_texts(comparison_a):
    got = {(r.a_number or None, r.b_number or None, r.relation) for r in comparison_a.rows.all()}
    assert (
        ("3.1", "5.1", "stricter") in got
        and ("3.8", None, "only_a") in got
        and (None, "5.8", "only_b") in got
    )
    assert comparison_a.suggested_degree == "MOD"
    assert comparison_a.state == "draft"
    log = AuditLog.objects.get(
        model="compare.comparison", object_id=str(comparison_a.pk), action="create"
    )
    dumped = json.dumps(log.after, ensure_ascii=False)
    assert "textile.zh.txt" in dumped and "甲醛含量应不大于" not in dumped


def test_editor_reviews_overrides_confirms_and_exports(client, personas, comparison_a):
    client.force_login(personas.editor_a)
    url = reverse("compare:detail", args=[comparison_a.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert '<mark class="indicator indicator-max"' in page.content.decode()
    row = _row(comparison_a, "3.7")
    resp = client.post(
        reverse("compare:row-review", args=[comparison_a.pk, row.pk]),
        {f"r{row.pk}-override": "stricter", f"r{row.pk}-comment": ""},
    )
    assert resp.status_code == 302
    row.refresh_from_db()
    assert (
        row.override == "" and row.reviewed_at is None
    )  # an override without a comment is refused
    client.post(
        reverse("compare:row-review", args=[comparison_a.pk, row.pk]),
        {f"r{row.pk}-override": "stricter", f"r{row.pk}-comment": "本标准还禁止腰部绳带"},
    )
    row.refresh_from_db()
    comparison_a.refresh_from_db()
    assert (row.final_relation, row.comment, comparison_a.state) == (
        "stricter",
        "本标准还禁止腰部绳带",
        "under_review",
    )
    assert personas.editor_a in comparison_a.reviewers.all()
    client.post(reverse("compare:confirm", args=[comparison_a.pk]))
    comparison_a.refresh_from_db()
    assert comparison_a.state == "confirmed" and comparison_a.confirmed_by == personas.editor_a
    # read-only once confirmed
    client.post(
        reverse("compare:row-review", args=[comparison_a.pk, row.pk]),
        {f"r{row.pk}-override": "equal", f"r{row.pk}-comment": "x"},
    )
    row.refresh_from_db()
    assert row.override == "stricter"

    xlsx = client.get(reverse("compare:export-xlsx", args=[comparison_a.pk]))
    ws = load_workbook(io.BytesIO(xlsx.content)).active
    values = [[c for c in r] for r in ws.iter_rows(values_only=True)]
    assert values[0][0] == "标准比对分析表"
    body = [r for r in values if r[2] == "3.7"]
    assert (
        body
        and body[0][4] == "5.7"
        and body[0][6] == "严于"
        and "本标准还禁止腰部绳带" in body[0][7]
    )
    docx_resp = client.get(reverse("compare:export-docx", args=[comparison_a.pk]))
    import docx

    document = docx.Document(io.BytesIO(docx_resp.content))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "3.1" in cells and "5.1" in cells and "严于" in cells


def test_reader_may_look_but_not_write_and_region_b_gets_404(client, personas, comparison_a):
    row = _row(comparison_a, "3.1")
    client.force_login(personas.reader_a)
    assert client.get(reverse("compare:detail", args=[comparison_a.pk])).status_code == 200
    assert client.get(reverse("compare:create")).status_code == 403
    assert client.post(reverse("compare:confirm", args=[comparison_a.pk])).status_code == 403
    assert (
        client.post(reverse("compare:row-review", args=[comparison_a.pk, row.pk]), {}).status_code
        == 403
    )
    client.force_login(personas.user_b)
    for name in ("compare:detail", "compare:export-xlsx", "compare:export-docx"):
        assert client.get(reverse(name, args=[comparison_a.pk])).status_code == 404
    assert client.post(reverse("compare:confirm", args=[comparison_a.pk])).status_code == 404
    assert (
        client.post(reverse("compare:row-review", args=[comparison_a.pk, row.pk]), {}).status_code
        == 404
    )
    assert comparison_a.pk not in [
        c.pk for c in client.get(reverse("compare:list")).context["page"]
    ]
    client.logout()
    assert client.get(reverse("compare:detail", args=[comparison_a.pk])).status_code == 302


def test_upload_form_creates_a_comparison_from_files(client, personas, dev_pair):
    zh, en = dev_pair
    client.force_login(personas.editor_a)
    resp = client.post(
        reverse("compare:create"),
        {
            "title": "上传比对",
            "a_code": "T/ZZB 2101—2024",
            "a_file": SimpleUploadedFile("zh.txt", zh.encode("utf-8"), "text/plain"),
            "b_text": en,
            "b_code": "RS-TX 12:2022",
        },
    )
    assert resp.status_code == 302
    comparison = Comparison.objects.get(title="上传比对")
    assert comparison.region == personas.region_a
    assert {d.side: d.kind for d in comparison.documents.all()} == {"a": "txt", "b": "paste"}
    assert comparison.rows.count() == 9


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("scan.pdf", _blank_pdf(), "没有文字层"),
        ("empty.txt", b"", "为空"),
        ("tool.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" * 50, "类型不受支持"),
        ("fake.docx", b"PK\x03\x04garbage", "类型不受支持"),
    ],
)
def test_malformed_uploads_get_a_clear_message_and_store_nothing(
    client, personas, dev_pair, name, data, message
):
    client.force_login(personas.editor_a)
    before = (
        Comparison.objects.count(),
        ComparisonDocument.objects.count(),
        ComparisonRow.objects.count(),
        AuditLog.objects.count(),
    )
    resp = client.post(
        reverse("compare:create"),
        {"title": "坏文件", "a_file": SimpleUploadedFile(name, data), "b_text": dev_pair[1]},
    )
    assert resp.status_code == 200
    text = resp.content.decode()
    assert message in text and name in text
    after = (
        Comparison.objects.count(),
        ComparisonDocument.objects.count(),
        ComparisonRow.objects.count(),
        AuditLog.objects.count(),
    )
    assert after == before


def test_unit_user_sees_only_own_units_comparisons(client, personas, dev_pair, comparison_a):
    from stdlink.programme.models import Unit
    from tests.programme.conftest import unit_user, uscc

    unit = Unit.objects.create(
        name="杭州比对公司", kind="enterprise", uscc=uscc(31), region=personas.region_a
    )
    user = unit_user("unit_cmp", unit)
    client.force_login(user)
    zh, en = dev_pair
    resp = client.post(
        reverse("compare:create"), {"title": "企业自我对标", "a_text": zh, "b_text": en}
    )
    assert resp.status_code == 302
    own = Comparison.objects.get(title="企业自我对标")
    assert own.unit_id == unit.pk
    assert client.get(reverse("compare:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("compare:detail", args=[comparison_a.pk])).status_code == 404
    assert client.post(reverse("compare:confirm", args=[own.pk])).status_code == 403


def test_recognition_catalogue_lists_a_confirmed_pair_publicly(client, personas, comparison_a):
    from stdlink.compare.services import add_recognition, confirm_comparison

    with pytest.raises(Exception, match="已确认"):
        add_recognition(
            acting_user=personas.editor_a,
            comparison=comparison_a,
            cn_code="X",
            partner_code="Y",
            country_code="KAZ",
            product_field="纺织品",
            recognised_on=dt.date(2026, 12, 1),
        )
    confirm_comparison(acting_user=personas.editor_a, comparison=comparison_a)
    client.force_login(personas.editor_a)
    resp = client.post(
        reverse("compare:recognise", args=[comparison_a.pk]),
        {
            "cn_code": "T/ZZB 2101—2024",
            "partner_code": "RS-TX 12:2022",
            "country_code": "kaz",
            "country_zh": "哈萨克斯坦",
            "country_en": "Kazakhstan",
            "belt_and_road": "on",
            "product_field": "纺织品",
            "degree": "MOD",
            "recognised_on": "2026-12-01",
        },
    )
    assert resp.status_code == 302
    entry = Recognition.objects.get()
    assert (entry.country_code, entry.belt_and_road, entry.comparison_id) == (
        "KAZ",
        True,
        comparison_a.pk,
    )
    client.logout()
    page = client.get(reverse("compare:recognitions") + "?belt_and_road=true&country=KAZ")
    assert page.status_code == 200 and "RS-TX 12:2022" in page.content.decode()
    # the public page never shows the texts
    assert "甲醛含量应不大于" not in page.content.decode()
    assert (
        "RS-TX" not in client.get(reverse("compare:recognitions") + "?country=DEU").content.decode()
    )
    ws = load_workbook(io.BytesIO(client.get(reverse("compare:recognitions-xlsx")).content)).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[1][0] == "T/ZZB 2101—2024" and rows[1][4] == "KAZ"
    api = client.get("/api/v1/compare/recognitions?belt_and_road=true").json()
    assert api["items"][0]["partner_code"] == "RS-TX 12:2022"


def test_api_run_list_detail_review_confirm(client, personas, comparison_a, dev_pair):
    zh, en = dev_pair
    client.force_login(personas.editor_a)
    run = client.post("/api/v1/compare/run", {"a": zh, "b": en}, content_type="application/json")
    assert run.status_code == 200
    assert {"a": "3.8", "b": None, "relation": "only_zh"}.items() <= next(
        r for r in run.json()["rows"] if r["a"] == "3.8"
    ).items()
    bad = client.post("/api/v1/compare/run", {"a": "", "b": en}, content_type="application/json")
    assert bad.status_code == 422
    listing = client.get("/api/v1/compare/comparisons").json()
    assert [c["id"] for c in listing["items"]] == [comparison_a.pk]
    detail = client.get(f"/api/v1/compare/comparisons/{comparison_a.pk}").json()
    assert detail["summary"]["degree"] == "MOD" and len(detail["rows"]) == 9
    row = _row(comparison_a, "3.2")
    r = client.post(
        f"/api/v1/compare/comparisons/{comparison_a.pk}/rows/{row.pk}/review",
        {"override": "", "comment": "核对无误"},
        content_type="application/json",
    )
    assert r.status_code == 200 and r.json()["reviewed"] is True
    c = client.post(f"/api/v1/compare/comparisons/{comparison_a.pk}/confirm")
    assert c.status_code == 200 and c.json()["state"] == "confirmed"
    client.force_login(personas.user_b)
    assert client.get(f"/api/v1/compare/comparisons/{comparison_a.pk}").status_code == 404
    assert client.get("/api/v1/compare/comparisons").json()["items"] == []
    client.force_login(personas.reader_a)
    assert (
        client.post(
            f"/api/v1/compare/comparisons/{comparison_a.pk}/rows/{row.pk}/review",
            {},
            content_type="application/json",
        ).status_code
        == 401
    )


def test_confirmed_comparisons_count_towards_a_programme_target(personas, comparison_a):
    from stdlink.compare.services import confirm_comparison
    from stdlink.programme.metrics import REGISTRY
    from stdlink.programme.models import Programme, Target

    programme = Programme.objects.order_by("-start").first()
    target = Target(
        programme=programme,
        region=None,
        deadline=dt.date(2100, 1, 1),
        metric="comparisons_confirmed",
    )
    programme.start = dt.date(2000, 1, 1)
    metric = REGISTRY["comparisons_confirmed"]
    assert metric(target, "") == 0
    confirm_comparison(acting_user=personas.editor_a, comparison=comparison_a)
    assert metric(target, "") == 1
    assert metric(target, "纺织品") == 1 and metric(target, "玩具") == 0
    target.region = personas.region_b
    assert metric(target, "") == 0


def test_a_gb18030_text_upload_is_read(client, personas, dev_pair):
    zh, en = dev_pair
    client.force_login(personas.editor_a)
    resp = client.post(
        reverse("compare:create"),
        {
            "title": "GB18030 上传",
            "a_file": SimpleUploadedFile("zh-gbk.txt", zh.encode("gb18030"), "text/plain"),
            "b_text": en,
        },
    )
    assert resp.status_code == 302
    doc = Comparison.objects.get(title="GB18030 上传").document("a")
    assert doc.text == zh and doc.language == "zh"


def test_export_never_writes_a_formula(client, personas, dev_pair):
    from stdlink.compare.services import DocumentInput, create_comparison

    zh, en = dev_pair
    comparison = create_comparison(
        acting_user=personas.editor_a,
        region=personas.region_a,
        title='=HYPERLINK("http://x")',
        doc_a=DocumentInput("a.txt", "txt", zh),
        doc_b=DocumentInput("b.txt", "txt", en),
    )
    client.force_login(personas.editor_a)
    wb = load_workbook(
        io.BytesIO(client.get(reverse("compare:export-xlsx", args=[comparison.pk])).content)
    )
    cell = wb.active["A2"]
    assert cell.data_type != "f"
    assert "HYPERLINK" in str(cell.value)


def test_a_standard_number_links_the_catalogue_record(client, personas, dev_pair):
    from stdlink.catalog.models import Body, Standard
    from stdlink.compare.services import DocumentInput, create_comparison
    from stdlink.pubid import key

    iso = Body.objects.get(code="ISO")
    std = Standard.objects.create(
        uid=key("ISO 3758:2023", level="exact"),
        identifier="ISO 3758:2023",
        key=key("ISO 3758:2023", level="exact"),
        work_key=key("ISO 3758:2023", level="work"),
        body=iso,
        title_en="Textiles — Care labelling code using symbols",
    )
    zh, en = dev_pair
    comparison = create_comparison(
        acting_user=personas.editor_a,
        region=personas.region_a,
        title="catalogue link",
        doc_a=DocumentInput("a.txt", "txt", zh, code="T/ZZB 2101—2024"),
        doc_b=DocumentInput("b.txt", "txt", en, code="ISO 3758:2023"),
    )
    assert comparison.document("b").standard == std
    assert comparison.document("a").standard is None
    client.force_login(personas.editor_a)
    page = client.get(reverse("compare:detail", args=[comparison.pk])).content.decode()
    assert reverse("catalog:standard-detail", args=[std.pk]) in page


def test_reviewers_are_named_from_those_who_may_review(client, personas, comparison_a):
    from tests.conftest import make_user

    colleague = make_user("colleague_a", "city_officer", "330100")
    client.force_login(personas.editor_a)
    url = reverse("compare:reviewers", args=[comparison_a.pk])
    client.post(url, {"reviewers": [str(colleague.pk)]})
    assert list(comparison_a.reviewers.all()) == [colleague]
    # a user of region B cannot be named, and stored data stays unchanged
    resp = client.post(url, {"reviewers": [str(personas.user_b.pk)]})
    assert resp.status_code == 302 and list(comparison_a.reviewers.all()) == [colleague]
    client.force_login(personas.reader_a)
    assert client.post(url, {"reviewers": []}).status_code == 403
    client.force_login(personas.user_b)
    assert client.post(url, {"reviewers": []}).status_code == 404
