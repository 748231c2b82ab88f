"""A programme metric: confirmed comparisons (seed 002: comparison of 100 key consumer-product
standards). A target whose `metric` is "comparisons_confirmed" counts comparisons confirmed in the
target's period, in the target's region subtree."""

from __future__ import annotations

from stdlink.programme.metrics import metric


@metric("comparisons_confirmed")
def comparisons_confirmed(target, arg: str = "") -> int:
    from stdlink.compare.models import Comparison, ComparisonState

    qs = Comparison.objects.filter(
        state=ComparisonState.CONFIRMED,
        confirmed_at__date__range=(target.programme.start, target.deadline),
    )
    if target.region_id:
        qs = qs.filter(region__path__startswith=target.region.path)
    if arg:
        qs = qs.filter(product_field=arg)
    return qs.count()
