from django import template

from stdlink.catalog import labels

register = template.Library()


@register.filter
def doctype_label(raw: str) -> str:
    return labels.doctype_label(raw)


@register.filter
def date_label(raw: str) -> str:
    return labels.date_label(raw)


@register.filter
def language_label(code: str) -> str:
    return labels.language_label(code)
