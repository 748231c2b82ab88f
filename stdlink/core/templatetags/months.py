"""Template filters: `month_label` (a reporting month as people read it: 2026年11月 / Nov 2026) and
`may` (the role-based permission check)."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.dateformat import format as date_format
from django.utils.translation import get_language

register = template.Library()


@register.filter
def month_label(value) -> str:
    if not isinstance(value, dt.date):
        return "" if value is None else str(value)
    if (get_language() or "zh-hans").startswith("zh"):
        return f"{value.year}年{value.month}月"
    return date_format(value, "M Y")


@register.filter
def may(user, codename: str) -> bool:
    """`{% if user|may:"programme.view_monthlyreport" %}`: the role-based permission check."""
    from stdlink.core.permissions import has_perm

    return has_perm(user, codename)
