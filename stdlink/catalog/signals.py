"""Signals other apps listen to (search keeps its index current with these)."""

from django.dispatch import Signal

#: Sent after an import batch commits: `standard_ids` lists the created or changed standards.
#: Receivers (the search index) update incrementally. Sent with `transaction.on_commit`.
standards_changed = Signal()  # kwargs: standard_ids: list[int], batch: ImportBatch | None
