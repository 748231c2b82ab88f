"""``stdlink.pubid`` — parse, normalise, compare and render standard identifiers of every body.

Pure Python, no Django.  See docs/decisions/0003-pubid-hand-written-grammars.md.
"""

from __future__ import annotations

from .api_core import (
    is_newer_edition,
    is_supplement_of,
    key,
    normalize,
    parse,
    same_work,
)
from .model import Identifier, ParseError, Relation, Supplement

# load the ``urn`` submodule before binding the ``urn`` function: a submodule loaded later
# would replace the package attribute and ``stdlink.pubid.urn(...)`` would stop working
from . import urn as _urn_module  # noqa: F401, E402  isort: skip
from .render import render, urn  # noqa: E402  isort: skip

__all__ = [
    "Identifier",
    "ParseError",
    "Relation",
    "Supplement",
    "is_newer_edition",
    "is_supplement_of",
    "key",
    "normalize",
    "parse",
    "render",
    "same_work",
    "urn",
]
