"""Benchmark of the Relaton catalogue import.

    .venv/bin/python bench/import_relaton.py [--data-dir D] [--all] [--workers N]

Into a fresh SQLite database in a temporary directory:
1. times a bare parse of iso.yaml.gz with `yaml.load_all(..., CSafeLoader)` (the unavoidable cost);
2. imports iso.yaml.gz, times the bare parse again, and prints records/s and the ratio import ÷
   the mean bare parse (the cores are shared with other jobs, so the load can change);
3. with --all, imports all 14 streams (one batch) and prints the total and per-stream records/s;
4. re-runs the last import to show the idempotent re-run time (nothing changes).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--data-dir", default=None, help="relaton data dir (default ../shared/data/relaton)"
    )
    ap.add_argument("--all", action="store_true", help="also import all 14 streams")
    ap.add_argument("--workers", type=int, default=None, help="parser processes (default 2)")
    ap.add_argument("--skip-bare", action="store_true", help="do not time the bare parse")
    args = ap.parse_args()

    tmp = tempfile.mkdtemp(prefix="stdlink-bench-import-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["STDLINK_VAR_DIR"] = tmp
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stdlink.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import yaml
    from django.core.management import call_command

    from stdlink.catalog.importers.relaton import import_paths as _import_paths
    from stdlink.catalog.models import Relation, SourceRecord, Standard
    from stdlink.catalog.signals import standards_changed
    from stdlink.env import data_dir

    receivers_s = []

    def import_paths(paths, **kw):
        """The import alone: `standards_changed` receivers (the search index, another app) are
        detached while it runs and timed separately afterwards."""
        saved = standards_changed.receivers[:]
        sent = []
        standards_changed.receivers.clear()
        standards_changed.sender_receivers_cache.clear()
        standards_changed.connect(lambda **k: sent.append(k), weak=False, dispatch_uid="bench")
        try:
            t0 = time.perf_counter()
            b = _import_paths(paths, **kw)
            b.bench_seconds = time.perf_counter() - t0
        finally:
            standards_changed.receivers[:] = saved
            standards_changed.sender_receivers_cache.clear()
        if saved and sent:
            t = time.perf_counter()
            standards_changed.send(
                sender=type(b),
                **{k: v for k, v in sent[0].items() if k in ("standard_ids", "batch")},
            )
            receivers_s.append(time.perf_counter() - t)
            print(
                f"  (standards_changed receivers, e.g. the search index: "
                f"{receivers_s[-1]:.1f} s, not counted in the import time)"
            )
        return b

    data = Path(args.data_dir) if args.data_dir else data_dir() / "relaton"
    iso = data / "iso.yaml.gz"
    try:
        call_command("migrate", verbosity=0)  # loads the built-in bodies too
        print(f"database: fresh SQLite in {tmp}; data: {data}; cores: {os.cpu_count()}")

        def bare_parse() -> float:
            t = time.perf_counter()
            n = 0
            with gzip.open(iso, "rt", encoding="utf-8") as f:
                for _ in yaml.load_all(f, Loader=yaml.CSafeLoader):
                    n += 1
            dt = time.perf_counter() - t
            print(
                f"bare parse  iso.yaml.gz: {n:,} records in {dt:.1f} s = {n / dt:,.0f} rec/s "
                f"(load average {os.getloadavg()[0]:.1f})"
            )
            return dt

        # The cores are shared: the bare parse is timed before and after the import and the
        # ratio taken against their mean, so that a change in load between them evens out.
        bare = None if args.skip_bare else bare_parse()
        b = import_paths([iso], workers=args.workers)
        imp = b.bench_seconds
        print(
            f"import      iso.yaml.gz: {b.read:,} records in {imp:.1f} s = {b.read / imp:,.0f} rec/s"
            f" (created {b.created_count:,}, relations {b.stats['relations_stored']:,}; "
            f"load average {os.getloadavg()[0]:.1f})"
        )
        if bare:
            bare = (bare + bare_parse()) / 2
            print(f"ratio import ÷ bare parse (mean of both): {imp / bare:.2f}")

        last = [iso]
        if args.all:
            streams = sorted(data.glob("*.yaml.gz"))
            b = import_paths(streams, workers=args.workers)
            total = b.bench_seconds
            print(
                f"all {len(streams)} streams: {b.read:,} records in {total:.1f} s "
                f"({total / 60:.1f} min), created {b.created_count:,}, unchanged "
                f"{b.unchanged_count:,} (iso from step 2), relations {b.stats['relations_stored']:,},"
                f" resolved {b.stats['relations_resolved']:,}"
            )
            print(
                f"all 14 streams into the empty database = iso step + this step: "
                f"{imp + total:.1f} s ({(imp + total) / 60:.1f} min; target < 10 min)"
            )
            for src, per in sorted(b.stats["sources"].items()):
                secs = imp if src == "iso" else b.timings.get(src, 0)
                print(
                    f"  {src:14} {per.get('read', 0):>7,} rec  {secs:6.1f} s  "
                    f"{per.get('read', 0) / secs if secs else 0:>7,.0f} rec/s"
                )
            last = [data]
        counts = (Standard.objects.count(), Relation.objects.count(), SourceRecord.objects.count())
        b = import_paths(last, workers=args.workers)
        rerun = b.bench_seconds
        after = (Standard.objects.count(), Relation.objects.count(), SourceRecord.objects.count())
        print(
            f"re-run {'all' if args.all else 'iso'}: {b.read:,} read, {b.unchanged_count:,} unchanged, "
            f"{b.created_count + b.updated_count} written in {rerun:.1f} s; rows "
            f"{'unchanged' if counts == after else f'CHANGED {counts} -> {after}'} "
            f"(standards {after[0]:,}, relations {after[1]:,}, source records {after[2]:,})"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
