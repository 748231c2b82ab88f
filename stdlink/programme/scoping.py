"""Who sees which programme records.

Region scope comes from `core.permissions` (province: everything; city and county officers: their
region's subtree, through the model's `region_lookup`). Unit users hold a role with scope "unit"
and a `Membership.unit_id`: they see only records whose `unit_lookup` equals that id, and nothing
of models without a unit (targets, monthly reports). The rule lives in `stdlink.core.permissions`;
every page, API operation and export goes through `scoped()` / `fetch()`, so it is enforced the
same way everywhere.
"""

from __future__ import annotations

from stdlink.core.permissions import can  # noqa: F401 - re-exported for programme code
from stdlink.core.permissions import get_for_user as fetch  # noqa: F401
from stdlink.core.permissions import scope_queryset as scoped  # noqa: F401


def unit_ids(user) -> list[int]:
    """The units a unit user acts for (empty for officers)."""
    if not getattr(user, "is_authenticated", False):
        return []
    from stdlink.core.permissions import _memberships

    return [m.unit_id for m in _memberships(user) if m.role.scope == "unit" and m.unit_id]
