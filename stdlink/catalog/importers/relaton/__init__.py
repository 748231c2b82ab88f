"""Relaton YAML importer: `import_paths([...])` → one `ImportBatch`.

Pipeline: the main process reads and splits the input into documents (`reader`), skips those
whose content hash is already stored (unchanged), hands chunks of the rest to worker processes
(`worker.parse_chunk`: decode, CSafeLoader, map, compress) and writes what comes back in bulk
(`base.Writer`) inside one transaction.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from pathlib import Path

from stdlink.catalog.importers.base import BatchRunner, ImportFailed, Writer, content_hash
from stdlink.catalog.importers.record import Record
from stdlink.catalog.importers.relaton import reader
from stdlink.catalog.importers.relaton.worker import parse_chunk

__all__ = ["ImportFailed", "import_paths"]

TASK_DOCS = 200  # documents per worker task
TASK_BYTES = 2 << 20  # ... or this many raw bytes
WRITE_CHUNK = 2000  # records per bulk write
IN_FLIGHT = 6  # tasks queued ahead per worker pool


SMALL_INPUT = 2 << 20  # bytes on disk under which parsing stays in-process


def _default_workers(limit: int | None, inputs: list[reader.Input] = ()) -> int:
    """2 parser processes for real imports; none for test-sized ones (a pool costs ~0.1 s)."""
    env = os.environ.get("STDLINK_IMPORT_WORKERS")
    if env is not None and env.strip() != "":
        return max(0, int(env))
    if limit is not None and limit <= 2000:
        return 0
    if inputs and all(i.kind == "stream" for i in inputs):
        size = sum(i.path.stat().st_size for i in inputs if i.path.is_file())
        if size < SMALL_INPUT:
            return 0
    return min(2, os.cpu_count() or 1)


def _make_pool(workers: int):
    if workers <= 0:
        return None
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ctx.Pool(workers)


def _tasks(
    inp: reader.Input,
    limit: int | None,
    known: dict[str, str],
    runner: BatchRunner,
    counter: list[int],
):
    """Yield worker tasks (source, [(index, locator, raw, hash)]); unchanged documents are
    counted and dropped here, before any parsing."""
    from stdlink.clitools import progress as bar

    items: list = []
    size = 0
    docs = bar(
        reader.documents(inp, limit),
        desc=inp.source,
        unit="rec",
        enabled=None if runner.progress else False,
    )
    for item in docs:
        if isinstance(item, reader.ReadError):
            runner.skip_invalid = False  # a file unreadable to its end fails even when skipping
            runner.error(inp.label, item.index, "(file)", item.message)
            break
        index, locator, raw = item
        runner.read += 1
        counter[0] += 1
        h = content_hash(raw)
        if known.get(locator) == h:
            runner.unchanged += 1
            continue
        items.append((index, locator, raw, h))
        size += len(raw)
        if len(items) >= TASK_DOCS or size >= TASK_BYTES:
            yield (inp.source, items)
            items, size = [], 0
        if runner.stop:
            break
    if items:
        yield (inp.source, items)


def _results(pool, tasks):
    """Map tasks over the pool in order, with a bounded number in flight (bounded memory)."""
    if pool is None:
        for t in tasks:
            yield parse_chunk(t)
        return
    pending: deque = deque()
    for t in tasks:
        pending.append(pool.apply_async(parse_chunk, (t,)))
        if len(pending) >= IN_FLIGHT:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()


def import_paths(
    paths: list[Path | str],
    *,
    skip_invalid: bool = False,
    limit: int | None = None,
    progress: bool = False,
    acting_user=None,
    workers: int | None = None,
):
    """Import Relaton YAML files, streams or directories as one batch (see module docstring).

    Raises `ImportFailed` (batch rolled back) on the first malformed records unless
    `skip_invalid`, in which case they are skipped and listed in `batch.errors`.
    """
    from stdlink.catalog.models import SourceRecord

    inputs = reader.expand(paths)
    missing = [str(p) for p in paths if not Path(p).exists()]
    runner = BatchRunner(
        "relaton",
        [i.label for i in inputs] or [str(p) for p in paths],
        skip_invalid=skip_invalid,
        acting_user=acting_user,
        progress=progress,
    )
    for m in missing:
        runner.errors.append(
            {
                "file": m,
                "record": None,
                "locator": "",
                "field": "(file)",
                "message": "文件不存在 / no such file or directory",
            }
        )
    if not inputs and not missing:
        runner.errors.append(
            {
                "file": ",".join(map(str, paths)),
                "record": None,
                "locator": "",
                "field": "(file)",
                "message": "没有 Relaton YAML 文件 / no Relaton YAML files found",
            }
        )
    if runner.errors:
        runner.skip_invalid = False  # a missing input always fails the batch

    def body(run: BatchRunner, writer: Writer) -> None:
        if run.failed:
            return
        pool = _make_pool(workers if workers is not None else _default_workers(limit, inputs))
        try:
            for inp in inputs:
                _import_one(inp, run, writer, pool, limit)
                if run.stop:
                    break
        finally:
            if pool is not None:
                pool.terminate()
                pool.join()

    def _import_one(inp, run, writer, pool, limit) -> None:
        t0 = time.perf_counter()
        known = dict(
            SourceRecord.objects.filter(source=inp.source).values_list("locator", "content_hash")
        )
        counter = [0]
        read_before, unchanged_before = run.read, run.unchanged
        buf: list[Record] = []
        results = _results(pool, _tasks(inp, limit, known, run, counter))
        for chunk in results:
            for r in chunk:
                if isinstance(r, Record):
                    buf.append(r)
                else:
                    run.error(inp.label, r.index, r.field, r.message, r.locator)
            if run.failed:
                buf.clear()
                if run.stop:
                    break
                continue
            if len(buf) >= WRITE_CHUNK:
                writer.write(buf, inp.source, file=inp.label)
                buf = []
        if buf and not run.failed:
            writer.write(buf, inp.source, file=inp.label)
        dt = time.perf_counter() - t0
        n = run.read - read_before
        run.bump("read", n, inp.source)
        run.bump("unchanged", run.unchanged - unchanged_before, inp.source)
        run.timings[inp.source] = round(run.timings.get(inp.source, 0) + dt, 3)
        per = run.stats.setdefault("sources", {}).setdefault(inp.source, {})
        per["records_per_s"] = round(n / dt) if dt > 0 else 0
        if run.progress:
            import sys

            print(
                f"  {inp.source}: {n:,} 条记录 / records, {dt:.1f} s, "
                f"{per['records_per_s']:,} rec/s",
                file=sys.stderr,
            )

    return runner.run(body)
