"""Design-system template tags (decision 0011): status badges with one tone per meaning, and the
shared components in templates/components/ as tags where a tag reads better than an include."""

from __future__ import annotations

from django import template
from django.utils.html import format_html

register = template.Library()

#: state value (any app) → tone. Tones are CSS classes in static/css/stdlink.css. Accepted and
#: returned, current and withdrawn never share a tone.
TONES: dict[str, str] = {
    # done / in force / approved
    "current": "ok",
    "accepted": "ok",
    "approved": "ok",
    "done": "ok",
    "completed": "ok",
    "succeeded": "ok",
    "success": "ok",
    "finished": "ok",
    "active": "ok",
    "published": "ok",
    # sent back / out of force / failed
    "withdrawn": "bad",
    "returned": "bad",
    "rejected": "bad",
    "failed": "bad",
    "error": "bad",
    "overdue": "bad",
    # needs someone's attention
    "submitted": "info",
    "pending": "info",
    "review": "info",
    "in_review": "info",
    "running": "info",
    "queued": "info",
    "in_progress": "info",
    # coming or partly there
    "upcoming": "warn",
    "replaced": "warn",
    "at_risk": "warn",
    "partial": "warn",
    # not started / no information
    "draft": "neutral",
    "new": "neutral",
    "not_started": "neutral",
    "unknown": "muted",
    "cancelled": "muted",
    "inactive": "muted",
    "": "muted",
}


def tone(value: object) -> str:
    return TONES.get(str(value or "").lower(), "neutral")


@register.simple_tag
def status_badge(value: object, label: object = None) -> str:
    """``{% status_badge obj.status obj.get_status_display %}`` → a coloured, non-wrapping badge."""
    return format_html(
        '<span class="badge status-badge tone-{} status-{}">{}</span>',
        tone(value),
        str(value or "unknown"),
        label if label not in (None, "") else value,
    )


@register.filter
def status_tone(value: object) -> str:
    return tone(value)
