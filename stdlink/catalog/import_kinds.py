"""The catalogue's import kinds for the web imports page (stdlink.jobs.imports): the same
importers the `stdlink import ...` commands run, a record count for the progress bar, and the
batch report shared by the page and `stdlink imports show N`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from stdlink.jobs.imports import ImportKind, ImportRejected, Report, register_kind

REPORT_LINES = 100


def batch_report(batch) -> Report:
    from stdlink.catalog.importers.base import describe

    seconds = (batch.timings or {}).get("total") or 0
    st = batch.stats or {}
    return {
        "batch": batch.pk,
        "source": batch.source,
        "files": [Path(f).name for f in (batch.files or [])],
        "state": batch.state,
        "read": batch.read,
        "created": batch.created_count,
        "updated": batch.updated_count,
        "unchanged": batch.unchanged_count,
        "skipped": batch.skipped_count,
        "seconds": round(seconds, 2),
        "rate": round(batch.read / seconds) if seconds and batch.read else 0,
        "relations_stored": st.get("relations_stored", 0),
        "relations_resolved": st.get("relations_resolved", 0),
        "warnings_total": st.get("warnings_total", len(batch.warnings or [])),
        "warnings": [describe(w) for w in (batch.warnings or [])[:REPORT_LINES]],
        "errors_total": len(batch.errors or []),
        "errors": [describe(e) for e in (batch.errors or [])[:REPORT_LINES]],
    }


def _runner(fn, single: bool = False):
    def run(paths: list[Path], *, acting_user=None) -> Report:
        from stdlink.catalog.importers.base import ImportFailed

        arg = paths[0] if single else paths
        try:
            batch = fn(arg, acting_user=acting_user)
        except ImportFailed as exc:
            if exc.batch is not None:
                raise ImportRejected(batch_report(exc.batch)) from None
            raise ImportRejected({"errors": [exc.message]}) from None
        return batch_report(batch)

    return run


def _relaton(paths, *, acting_user=None):
    from stdlink.catalog.importers.relaton import import_paths

    return import_paths(paths, acting_user=acting_user)


def _cn_list(path, *, acting_user=None):
    from stdlink.catalog.importers.cn_list import import_cn_list

    return import_cn_list(path, acting_user=acting_user)


def _ics(path, *, acting_user=None):
    from stdlink.catalog.importers.ics import import_ics

    return import_ics(path, acting_user=acting_user)


def _ccs(paths, *, acting_user=None):
    from stdlink.catalog.importers.ccs import import_ccs

    return import_ccs(paths, acting_user=acting_user)


def count_relaton(paths: list[Path]) -> int | None:
    from stdlink.catalog.importers.relaton import reader

    n = 0
    for inp in reader.expand(paths):
        for item in reader.documents(inp):
            if isinstance(item, reader.ReadError):
                return None
            n += 1
    return n


def count_csv_rows(paths: list[Path]) -> int | None:
    n = 0
    for p in paths:
        text = p.read_bytes().decode("utf-8-sig", errors="replace")
        rows = [r for r in csv.reader(io.StringIO(text, newline="")) if any(c.strip() for c in r)]
        n += max(0, len(rows) - 1)
    return n


def count_json_items(paths: list[Path]) -> int | None:
    data = json.loads(paths[0].read_text(encoding="utf-8-sig"))
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), None)
    return len(data) if isinstance(data, list) else None


def register() -> None:
    register_kind(
        ImportKind(
            key="relaton",
            label=_("Relaton YAML (file or .yaml.gz stream)"),
            allowed={"txt", "gz"},
            run=_runner(_relaton),
            count=count_relaton,
            multiple=True,
            help=_("The file name names the source: iso.yaml.gz imports as source iso."),
        )
    )
    register_kind(
        ImportKind(
            key="cn-list",
            label=_("Chinese official standard list (JSON)"),
            allowed={"txt"},
            run=_runner(_cn_list, single=True),
            count=count_json_items,
        )
    )
    register_kind(
        ImportKind(
            key="ics",
            label=_("ICS table (CSV)"),
            allowed={"txt"},
            run=_runner(_ics, single=True),
            count=count_csv_rows,
        )
    )
    register_kind(
        ImportKind(
            key="ccs",
            label=_("CCS tables (CSV, one per level)"),
            allowed={"txt"},
            run=_runner(_ccs),
            count=count_csv_rows,
            multiple=True,
        )
    )
