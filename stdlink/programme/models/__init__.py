from stdlink.programme.models.designation import CRITERIA, Designation
from stdlink.programme.models.people import (
    Expert,
    ExpertRegistration,
    GroupStandardTranslation,
    Secretariat,
)
from stdlink.programme.models.project import ORDER, TRANSITIONS, Project, Stage
from stdlink.programme.models.report import MonthlyReport, ReportState
from stdlink.programme.models.subsidy import SubsidyPayment, SubsidyPolicy
from stdlink.programme.models.survey import (
    ANNEX2_FIELDS,
    ANNEX3_FIELDS,
    MONTH_HEADER,
    Achievement,
    FiledState,
    Survey,
)
from stdlink.programme.models.target import Phase, Programme, Target
from stdlink.programme.models.unit import Contact, Unit

__all__ = [
    "ANNEX2_FIELDS",
    "ANNEX3_FIELDS",
    "CRITERIA",
    "MONTH_HEADER",
    "ORDER",
    "TRANSITIONS",
    "Achievement",
    "Contact",
    "Designation",
    "Expert",
    "ExpertRegistration",
    "FiledState",
    "GroupStandardTranslation",
    "MonthlyReport",
    "Phase",
    "Programme",
    "Project",
    "ReportState",
    "Secretariat",
    "Stage",
    "SubsidyPayment",
    "SubsidyPolicy",
    "Survey",
    "Target",
    "Unit",
]
