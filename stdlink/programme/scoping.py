"""Who sees which programme records.

Region scope comes from `core.permissions` (province: everything; city and county officers: their
region's subtree, through the model's `region_lookup`). Unit users hold a role with scope "unit"
and a `Membership.unit_id`: they see only records whose `unit_lookup` equals that id, and nothing
of models without a unit (targets, monthly reports). Every page, API operation and export goes
through `scoped()` / `fetch()`, so the rule is enforced the same way everywhere.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model, Q, QuerySet
from django.http import Http404

from stdlink.core.permissions import memberships_with


def scope_filter(user, model: type[Model], codename: str) -> Q | None:
    """A Q narrowing `model` to what `user` may access under `codename`; None: no restriction."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return Q(pk__in=[])
    if user.is_superuser:
        return None
    region_lookup = getattr(model, "region_lookup", "region")
    unit_lookup = getattr(model, "unit_lookup", None)
    q = Q(pk__in=[])
    for m in memberships_with(user, codename):
        if m.role.scope == "all":
            return None
        if m.role.scope == "unit":
            if m.unit_id and unit_lookup:
                q |= Q(**{unit_lookup: m.unit_id})
        elif region_lookup:
            q |= Q(**{f"{region_lookup}__path__startswith": m.region.path})
        else:
            # Models without a region (programme definitions) are visible to any holder.
            return None
    return q


def scoped(user, queryset: QuerySet, codename: str) -> QuerySet:
    """`queryset` narrowed to what `user` may access under `codename` (empty without it)."""
    q = scope_filter(user, queryset.model, codename)
    return queryset if q is None else queryset.filter(q)


def fetch(
    user, queryset: QuerySet, view_perm: str, change_perm: str | None = None, **lookup: Any
) -> tuple[Model, bool]:
    """One object the user may see and whether they may change it; 404 outside their scope."""
    try:
        obj = scoped(user, queryset, view_perm).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("未找到 / not found") from None
    can_write = (
        bool(change_perm)
        and scoped(user, queryset.model._default_manager.all(), change_perm)
        .filter(pk=obj.pk)
        .exists()
    )
    return obj, can_write


def can(user, obj: Model, codename: str) -> bool:
    """Does `user` hold `codename` over `obj` (used to re-check inside a write transaction)?"""
    return scoped(user, type(obj)._default_manager.all(), codename).filter(pk=obj.pk).exists()


def unit_ids(user) -> list[int]:
    """The units a unit user acts for (empty for officers)."""
    if not getattr(user, "is_authenticated", False):
        return []
    from stdlink.core.permissions import _memberships

    return [m.unit_id for m in _memberships(user) if m.role.scope == "unit" and m.unit_id]
