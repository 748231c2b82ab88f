"""Path converters shared by the apps' URLconfs."""

from __future__ import annotations

from django.urls import register_converter


class AnyTextConverter:
    """Any non-empty text, slashes and line breaks included (Django's `path` stops at a newline).

    For codes that come from outside data (committee codes): `{% url %}` never raises
    NoReverseMatch for them, and the page that resolves them says 404 when there is no such code.
    """

    regex = r"[\s\S]+"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return str(value)


register_converter(AnyTextConverter, "anytext")
