"""The comparison engine, free of Django: text extraction, clause segmentation, indicators,
alignment, judgement. `compare_texts(a, b)` runs it all; `result_json()` gives the CLI/API rows."""

from .compare import (
    Result,
    Row,
    compare_documents,
    compare_texts,
    relation_name,
    result_json,
    suggest_degree,
)
from .errors import CompareInputError
from .extract import check_text, extract_text, read_path
from .segment import Clause, Document, segment

__all__ = [
    "Clause",
    "CompareInputError",
    "Document",
    "Result",
    "Row",
    "check_text",
    "compare_documents",
    "compare_texts",
    "extract_text",
    "read_path",
    "relation_name",
    "result_json",
    "segment",
    "suggest_degree",
]
