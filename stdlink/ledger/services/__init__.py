"""One function per state change of the ledger; each is atomic and writes its audit row."""

from stdlink.ledger.services.documents import ImportResult, import_document, import_text
from stdlink.ledger.services.tasks import (
    add_progress_note,
    assign_owner,
    set_task_status,
    update_task,
)

__all__ = [
    "ImportResult",
    "add_progress_note",
    "assign_owner",
    "import_document",
    "import_text",
    "set_task_status",
    "update_task",
]
