from stdlink.catalog.models.body import Body, CodeFamily
from stdlink.catalog.models.classification import CCS, ICS
from stdlink.catalog.models.committee import Committee
from stdlink.catalog.models.imports import ImportBatch, SourceRecord
from stdlink.catalog.models.relation import Relation
from stdlink.catalog.models.standard import Standard, StandardDate, Title

__all__ = [
    "CCS",
    "ICS",
    "Body",
    "CodeFamily",
    "Committee",
    "ImportBatch",
    "Relation",
    "SourceRecord",
    "Standard",
    "StandardDate",
    "Title",
]
