"""Policy-document parser: pure Python, no Django.

`parse_document(text, source_name=...)` turns the text of a policy document (a notice, an action
plan, an outline) into a `ParsedDocument`: header facts, numbered tasks with their responsibility
clauses, deadlines and KPI targets. See docs/decisions/0006-policy-ledger-parser.md.
"""

from stdlink.ledger.parser.document import parse_document, read_source
from stdlink.ledger.parser.errors import PolicyParseError
from stdlink.ledger.parser.model import (
    ParsedClause,
    ParsedDeadline,
    ParsedDocument,
    ParsedKpi,
    ParsedTask,
)

__all__ = [
    "ParsedClause",
    "ParsedDeadline",
    "ParsedDocument",
    "ParsedKpi",
    "ParsedTask",
    "PolicyParseError",
    "parse_document",
    "read_source",
]
