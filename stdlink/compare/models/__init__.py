from stdlink.compare.models.comparison import (
    Comparison,
    ComparisonDocument,
    ComparisonState,
    Relation,
)
from stdlink.compare.models.recognition import Recognition
from stdlink.compare.models.row import ComparisonRow

__all__ = [
    "Comparison",
    "ComparisonDocument",
    "ComparisonRow",
    "ComparisonState",
    "Recognition",
    "Relation",
]
