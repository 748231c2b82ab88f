"""Comparison state changes: one audited, permission-re-checked transaction each.

Audit rows carry the comparison's fields, never the documents' texts (the user's copies of
copyrighted standards stay in the comparison, inside its scope).
"""

from stdlink.compare.services.comparisons import (
    DocumentInput,
    confirm_comparison,
    create_comparison,
    read_upload,
    reopen_comparison,
    review_row,
    reviewer_candidates,
    set_reviewers,
)
from stdlink.compare.services.recognitions import add_recognition

__all__ = [
    "DocumentInput",
    "add_recognition",
    "confirm_comparison",
    "create_comparison",
    "read_upload",
    "reopen_comparison",
    "review_row",
    "reviewer_candidates",
    "set_reviewers",
]
