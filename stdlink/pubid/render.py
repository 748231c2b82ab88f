"""Rendering: one canonical string per identifier, under a named profile.

``default`` is the ``pubid-v1`` convention of identifiers-reference.md §4 (ISO long language
suffixes, IEC upper-case supplements, NIST short form).  Other profiles: ``long`` (ISO with
edition), ``urn`` (RFC 5141 / IEC URN), ``mr`` (NIST machine-readable).  Each body module owns
its rendering because the conventions genuinely differ (ISO "/Amd 1:2024" vs IEC "/AMD1:2024").
"""

from __future__ import annotations

from .model import Identifier


def render(ident: Identifier, profile: str = "default") -> str:
    """Render ``ident`` in the canonical form of ``profile``."""
    if profile == "urn":
        u = urn(ident)
        if u is None:
            raise ValueError(f"no URN form for {ident.body} identifiers")
        return u
    from .bodies import RENDERERS

    if ident.adoption in ("|", " | ") and ident.adopted:
        from dataclasses import replace

        first = replace(ident, adopted=ident.adopted[:-1], adoption=None)
        return render(first, profile) + ident.adoption + render(ident.adopted[-1], profile)
    return RENDERERS[ident.body](ident, profile)


def urn(ident: Identifier) -> str | None:
    """The URN of ``ident`` where its body defines one (ISO, IEC), else None."""
    from .urn import to_urn

    return to_urn(ident)
