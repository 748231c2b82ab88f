"""``stdlink.semantic`` — the platform's one multilingual embedding service.

Model code without Django (this package's ``__init__``, ``text``, ``encoders``, ``fusion`` and
``rendering`` modules import no Django); the Django side (stored title vectors, the vector index,
the build job, ``services.nearest_standards``) lives in ``models/``, ``index/`` and ``services/``.
Search, tracking and compare use it; it imports none of them. See docs/decisions/0013.
"""

from __future__ import annotations

from .encoders import Encoder, get_encoder
from .fusion import rrf, similarity, zscore
from .text import strip_numbers

__all__ = ["Encoder", "get_encoder", "rrf", "similarity", "strip_numbers", "zscore"]
