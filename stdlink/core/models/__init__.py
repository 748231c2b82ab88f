from stdlink.core.models.access import Membership, Role
from stdlink.core.models.audit import AuditLog
from stdlink.core.models.base import RegionScopedModel, TimestampedModel
from stdlink.core.models.region import Region
from stdlink.core.models.token import ApiToken

__all__ = [
    "ApiToken",
    "AuditLog",
    "Membership",
    "Region",
    "RegionScopedModel",
    "Role",
    "TimestampedModel",
]
