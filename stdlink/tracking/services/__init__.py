"""One function per state change of tracking; each is atomic and writes its audit row."""

from stdlink.tracking.services.adoptions import (
    confirm_suggestion,
    record_adoption,
    reject_suggestion,
    sync_catalogue_relations,
    sync_statements,
)
from stdlink.tracking.services.watch import add_watch, remove_watch

__all__ = [
    "add_watch",
    "confirm_suggestion",
    "record_adoption",
    "reject_suggestion",
    "remove_watch",
    "sync_catalogue_relations",
    "sync_statements",
]
