"""Panels that capabilities add to the catalogue's pages without the catalogue importing them.

The catalogue sits below the capabilities (arrows point down): its standard page cannot import
tracking or TBT, yet each has something to show there (adoptions, notifications citing the
standard). A capability registers a renderer for a slot from its ``AppConfig.ready()``; the
catalogue view calls :func:`render` and places the HTML fragments it gets.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

Renderer = Callable[..., str | None]
_SLOTS: dict[str, dict[str, Renderer]] = {}


def register(slot: str, key: str, renderer: Renderer) -> None:
    """``renderer(request, obj) -> html | None`` is called for every page of ``slot``."""
    _SLOTS.setdefault(slot, {})[key] = renderer


def render(slot: str, request, obj) -> list[SafeString]:
    out = []
    for _key, renderer in sorted(_SLOTS.get(slot, {}).items()):
        html = renderer(request, obj)
        if html:
            out.append(mark_safe(html))  # renderers return rendered templates (autoescaped)
    return out
