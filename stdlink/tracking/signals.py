"""Receivers: an import batch that changed standards triggers watch-list alerts and adoption sync."""

from __future__ import annotations


def on_standards_changed(sender=None, standard_ids=None, batch=None, **kwargs) -> None:
    """Runs after the import committed (the signal is sent on commit); the work goes to a job."""
    if not standard_ids:
        return
    from stdlink.tracking import tasks

    tasks.enqueue_after_import(list(standard_ids))
