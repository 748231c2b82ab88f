"""TBT notifications on the shared /imports/ page (jobs branch): the same importer as
`stdlink import tbt`, run as a job with its report; a bad file rolls the whole batch back."""

from __future__ import annotations

import time
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from stdlink.jobs.imports import ImportKind, ImportRejected, Report, register_kind


def run_tbt(paths: list[Path], *, acting_user=None) -> Report:
    from stdlink.tbt.parsers import TbtParseError
    from stdlink.tbt.services.imports import import_files

    start = time.monotonic()
    report: Report = {
        "batch": None,
        "source": "tbt",
        "state": "done",
        "read": 0,
        "created": 0,
        "updated": 0,
        "unchanged": 0,
        "skipped": 0,
        "warnings_total": 0,
        "warnings": [],
        "errors": [],
    }
    try:
        res = import_files([(p.name, Path(p).read_bytes()) for p in paths], acting_user=acting_user)
    except TbtParseError as exc:
        report.update(state="failed", errors=[str(exc)], seconds=round(time.monotonic() - start, 2))
        raise ImportRejected(report) from exc
    seconds = time.monotonic() - start
    n = len(res.symbols)
    report.update(
        read=n,
        created=len(res.created),
        updated=len(res.updated),
        unchanged=len(res.unchanged),
        seconds=round(seconds, 2),
        rate=round(n / seconds, 1) if seconds else None,
    )
    return report


def register() -> None:
    register_kind(
        ImportKind(
            key="tbt",
            label=_("WTO TBT notifications"),
            allowed={"txt", "docx", "xlsx"},
            run=run_tbt,
            perm="tbt.add_notification",
            view_perm="tbt.view_notification",
            multiple=True,
            help=_(
                "The WTO notification form (zh or en), addenda as text, the ePing Excel export "
                "(the header may sit below a title row or on any sheet; also saved as CSV), or "
                "ePing API JSON."
            ),
        )
    )
