"""Imports from the web: a registry of import kinds and the one job that runs them.

An app registers each kind of file it can import (catalogue: Relaton, Chinese list, ICS, CCS;
later TBT notifications, adoption lists) from its `AppConfig.ready()`:

    from stdlink.jobs.imports import ImportKind, register_kind
    register_kind(ImportKind(
        key="relaton", label=_("Relaton YAML stream"), allowed={"txt", "gz"},
        run=run_relaton,            # (paths, *, acting_user) -> report dict; raises ImportError
        count=count_relaton,        # optional: (paths) -> number of records, for the bar
        perm="catalog.add_importbatch", app="catalog"))

`run` is the same importer the CLI calls. It returns a report (see `Report`) and raises
`ImportRejected(report)` when the batch was rolled back: the job then fails visibly with the
report's located errors, and stored data is exactly as it was.
"""

from __future__ import annotations

import re
import shutil
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings

from stdlink import jobs

# A report: {"batch": id|None, "source": str, "state": str, "read": n, "created": n,
#  "updated": n, "unchanged": n, "skipped": n, "seconds": s, "rate": r,
#  "warnings_total": n, "warnings": [str], "errors": [str]}
Report = dict[str, Any]


class ImportRejected(Exception):  # noqa: N818
    """The import was rolled back; `report` holds its located errors."""

    def __init__(self, report: Report):
        super().__init__(report.get("errors", ["import rolled back"])[0])
        self.report = report


@dataclass(frozen=True)
class ImportKind:
    key: str
    label: object
    allowed: set[str]
    run: Callable[..., Report]
    count: Callable[[list[Path]], int | None] | None = None
    perm: str = "catalog.add_importbatch"
    view_perm: str = "catalog.view_importbatch"
    multiple: bool = False
    help: object = ""
    suffixes: tuple[str, ...] = field(default_factory=tuple)


KINDS: dict[str, ImportKind] = {}


def register_kind(kind: ImportKind) -> None:
    KINDS[kind.key] = kind


def upload_root() -> Path:
    return Path(settings.MEDIA_ROOT) / "imports"


_UNSAFE = re.compile(r"[^\w.\-]+")


def safe_name(name: str) -> str:
    """A file name without directories or odd characters (the importers read the source name
    from the file name, e.g. iso.yaml.gz → iso)."""
    base = Path(name.replace("\\", "/")).name
    base = _UNSAFE.sub("_", base).strip("._") or "upload"
    return base[:120]


def store_uploads(files) -> Path:
    """Save validated uploads into a fresh directory under MEDIA_ROOT/imports/; return it."""
    folder = upload_root() / uuid.uuid4().hex
    folder.mkdir(parents=True, exist_ok=False)
    for f in files:
        target = folder / safe_name(f.name)
        with target.open("wb") as out:
            for chunk in f.chunks():
                out.write(chunk)
    return folder


def start_import(kind_key: str, folder: Path, *, acting_user, title: str = ""):
    """Queue the import of the files in `folder` (see `stdlink.jobs.enqueue`)."""
    from django.db import transaction

    from stdlink.core.services.audit import log_change

    kind = KINDS[kind_key]
    with transaction.atomic():
        job = jobs.enqueue(
            "jobs.import",
            kind_key,
            str(folder),
            owner=acting_user,
            title=title or f"{kind.key}: {', '.join(p.name for p in sorted(folder.iterdir()))}",
        )
        log_change(acting_user=acting_user, obj=job, action="import", note=job.title)
    return job


def _strip(text: str, folder: Path) -> str:
    return text.replace(str(folder) + "/", "").replace(str(folder), "")


def clean_report(report: Report, folder: Path) -> Report:
    """Report lines name the uploaded files, not the server's upload directory."""
    out = dict(report)
    for key in ("errors", "warnings"):
        out[key] = [_strip(str(x), folder) for x in report.get(key, [])]
    return out


@jobs.task("jobs.import")
def run_import(job, kind_key: str, folder: str) -> Report:
    from stdlink.clitools import listen_progress

    kind = KINDS[kind_key]
    path = Path(folder)
    paths = sorted(path.iterdir())
    total = None
    if kind.count is not None:
        try:
            total = kind.count(paths)
        except Exception:  # noqa: BLE001 - counting is only for the bar; the import says why
            total = None
    job.progress(0, total, "")
    done = [0]

    def listener(n: int) -> None:
        done[0] += n
        job.progress(done[0], total, "")
        if job.cancelled():  # raised inside the import's transaction: everything rolls back
            raise jobs.JobCancelled

    try:
        with listen_progress(listener):
            report = kind.run(paths, acting_user=job.owner)
        job.progress(report.get("read", done[0]), total or report.get("read"), "")
        report = clean_report(report, path)
        _tell_owner(job, report, ok=True)
        return report
    except jobs.JobCancelled:
        job.progress(done[0], total, "")
        raise
    except ImportRejected as exc:
        job.progress(done[0], total, "")
        report = clean_report(exc.report, path)
        _tell_owner(job, report, ok=False)
        raise jobs.JobFailed(report) from None
    finally:
        shutil.rmtree(path, ignore_errors=True)


def _tell_owner(job, report: Report, *, ok: bool) -> None:
    """The person who uploaded the file hears how it went (kind "jobs.finished")."""
    if job.owner_id is None:
        return
    from django.utils.translation import gettext_lazy as _

    from stdlink.notify.services import notify
    from stdlink.notify.services import translated as fmt  # rendered in each recipient's language

    title = {"title": job.title or job.name}
    if ok:
        subject = fmt(_("Import finished: %(title)s"), title)
        counts = {
            k: report.get(k, 0) for k in ("read", "created", "updated", "unchanged", "skipped")
        }
        body = fmt(
            _(
                "%(read)s records read: %(created)s created, %(updated)s updated, "
                "%(unchanged)s unchanged, %(skipped)s skipped."
            ),
            counts,
        )
    else:
        subject = fmt(_("Import failed: %(title)s"), title)
        first = (report.get("errors") or [""])[0]
        body = fmt("%(nothing)s %(error)s", {"nothing": _("Nothing was stored."), "error": first})
    notify(
        [job.owner_id],
        "jobs.finished",
        subject,
        body,
        f"/imports/{job.pk}/",
        dedupe_key=f"jobs.finished:{job.pk}",
    )
