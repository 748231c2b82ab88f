"""Progress computations that targets name in their `metric` field. Each takes a Target and returns
a number computed from the records: the period is the target's programme start to its deadline,
and a target with a region counts only records of units in that region's subtree.

Register a new computation with `@metric("name")`; a target naming an unknown metric (or none)
shows "no data source yet". Parametrised names use a colon: "designations:pilot".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Min, QuerySet

from stdlink.programme.models import (
    Designation,
    Expert,
    GroupStandardTranslation,
    Project,
    Secretariat,
    Stage,
    Target,
)

REGISTRY: dict[str, Callable[[Target, str], int]] = {}


def metric(name: str) -> Callable:
    def decorator(fn: Callable[[Target, str], int]) -> Callable:
        REGISTRY[name] = fn
        return fn

    return decorator


def _in_region(qs: QuerySet, target: Target, lookup: str = "unit__region") -> QuerySet:
    if target.region_id:
        qs = qs.filter(**{f"{lookup}__path__startswith": target.region.path})
    return qs


def _period(target: Target) -> tuple:
    return target.programme.start, target.deadline


@metric("projects_led_published")
def projects_led_published(target: Target, arg: str = "") -> int:
    start, end = _period(target)
    qs = Project.objects.filter(
        role=Project.Role.LEAD, stage=Stage.PUBLISHED, published_on__range=(start, end)
    )
    return _in_region(qs, target).count()


@metric("projects_published")
def projects_published(target: Target, arg: str = "") -> int:
    """Led or co-developed (seed 003: 牵头和参与制修订国际标准)."""
    start, end = _period(target)
    qs = Project.objects.filter(stage=Stage.PUBLISHED, published_on__range=(start, end))
    return _in_region(qs, target).count()


@metric("proposals_accepted")
def proposals_accepted(target: Target, arg: str = "") -> int:
    start, end = _period(target)
    qs = Project.objects.filter(accepted_on__range=(start, end))
    return _in_region(qs, target).count()


@metric("foreign_language_group_standards")
def foreign_language_group_standards(target: Target, arg: str = "") -> int:
    """Distinct group standards with at least one foreign-language version in the period."""
    start, end = _period(target)
    qs = GroupStandardTranslation.objects.filter(published_on__range=(start, end))
    return _in_region(qs, target).values("code").distinct().count()


@metric("new_secretariats")
def new_secretariats(target: Target, arg: str = "") -> int:
    """TC and SC secretariats taken on in the period (convenorships are not secretariats)."""
    start, end = _period(target)
    qs = Secretariat.objects.filter(kind__in=["tc", "sc"], established_on__range=(start, end))
    return _in_region(qs, target).count()


@metric("designations")
def designations(target: Target, arg: str = "") -> int:
    start, end = _period(target)
    qs = Designation.objects.filter(year__gte=start.year, year__lte=end.year)
    if arg:
        qs = qs.filter(kind=arg)
    return _in_region(qs, target).values("unit").distinct().count()


@metric("registered_experts")
def registered_experts(target: Target, arg: str = "") -> int:
    """Experts whose first registration with a body falls in the period (new experts)."""
    start, end = _period(target)
    qs = Expert.objects.annotate(first=Min("registrations__registered_on")).filter(
        first__range=(start, end)
    )
    return _in_region(qs, target).count()


def resolve(name: str) -> tuple[Callable | None, str]:
    base, _, arg = (name or "").partition(":")
    return REGISTRY.get(base), arg


@dataclass
class Progress:
    target: Target
    actual: int | None  # None: no data source
    value: Decimal

    @property
    def has_source(self) -> bool:
        return self.actual is not None

    @property
    def percent(self) -> int:
        if self.actual is None or not self.value:
            return 0
        if self.target.comparator == "lte":
            return 100 if self.actual <= self.value else int(100 * self.value / self.actual)
        return min(100, int(100 * self.actual / self.value))

    @property
    def met(self) -> bool:
        if self.actual is None:
            return False
        if self.target.comparator == "lte":
            return self.actual <= self.value
        return self.actual >= self.value


def progress(target: Target) -> Progress:
    fn, arg = resolve(target.metric)
    return Progress(target, None if fn is None else fn(target, arg), target.value)


def progress_all(targets) -> list[Progress]:
    return [progress(t) for t in targets]
