"""What a project's subsidy comes to under its policy (seed 000 四（二）): the advance share is due
once the proposal is accepted, the balance once the standard is published; minus what was paid."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from stdlink.programme.models import Project, Stage

CENT = Decimal("0.01")


@dataclass
class SubsidyStatus:
    policy_set: bool
    total: Decimal = Decimal(0)
    advance: Decimal = Decimal(0)
    balance: Decimal = Decimal(0)
    due: Decimal = Decimal(0)  # earned so far by the project's stage
    paid: Decimal = Decimal(0)
    outstanding: Decimal = Decimal(0)
    reason: str = ""


def subsidy_status(project: Project) -> SubsidyStatus:
    policy = project.subsidy_policy
    paid = sum((p.amount for p in project.payments.all()), Decimal(0))
    if policy is None or policy.amount is None or policy.advance_ratio is None:
        return SubsidyStatus(
            False, paid=paid, reason="未设置补助标准 / no amounts set in the policy"
        )
    if policy.lead_only and project.role != Project.Role.LEAD:
        return SubsidyStatus(True, paid=paid, reason="仅限主导项目 / lead projects only")
    total = policy.amount
    advance = (total * policy.advance_ratio).quantize(CENT)
    balance = total - advance
    if project.stage == Stage.PUBLISHED:
        due = total
    elif project.stage == Stage.WITHDRAWN:
        due = advance if project.accepted_on else Decimal(0)
    elif project.stage == Stage.PROPOSAL:
        due = Decimal(0)
    else:
        due = advance
    return SubsidyStatus(True, total, advance, balance, due, paid, max(due - paid, Decimal(0)))
