"""Built-in TBT data loaded after every migrate: the risk rules (rows admins may edit; only
missing rules are added, edited points are kept)."""

from __future__ import annotations


def load() -> None:
    from stdlink.tbt.data.risk_rules import RULES
    from stdlink.tbt.models import RiskRule

    for factor, value, points, zh, en in RULES:
        RiskRule.objects.get_or_create(
            factor=factor, value=value, defaults={"points": points, "label_zh": zh, "label_en": en}
        )
