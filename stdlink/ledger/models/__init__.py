from stdlink.ledger.models.agency import Agency, AgencyAlias
from stdlink.ledger.models.document import KpiTarget, PolicyDocument
from stdlink.ledger.models.task import ProgressNote, Task, TaskAgency

__all__ = [
    "Agency",
    "AgencyAlias",
    "KpiTarget",
    "PolicyDocument",
    "ProgressNote",
    "Task",
    "TaskAgency",
]
