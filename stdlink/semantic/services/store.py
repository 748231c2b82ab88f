"""Where each model's vectors are stored and indexed."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import connection

from stdlink.semantic.encoders import DIMS
from stdlink.semantic.index import VectorIndex

#: The model whose vectors are indexed for retrieval (fast enough for the whole catalogue);
#: the other re-ranks the retrieved titles where its vectors are stored.
RETRIEVAL = "usem3"
RERANK = "e5"


def build_row(model: str):
    from stdlink.semantic.models import VectorBuild

    row, _ = VectorBuild.objects.get_or_create(model=model)
    return row


def index_path(token: str, model: str = RETRIEVAL) -> Path:
    db = connection.settings_dict
    kind = "pg" if connection.vendor == "postgresql" else connection.vendor
    name = Path(str(db.get("NAME") or "db")).stem
    return Path(settings.VAR_DIR) / "semantic" / f"{model}-{kind}-{name}-{token}.usearch"


@cache
def _index(path: Path, ndim: int) -> VectorIndex:
    return VectorIndex(path, ndim)


_tokens: dict[tuple, tuple[float, str]] = {}
TOKEN_TTL = 30.0  # seconds a process trusts its copy of the index token


def get_index(model: str = RETRIEVAL) -> VectorIndex:
    """This database's index of `model` (readers share one per process). The token naming the
    file is re-read from the database at most every TOKEN_TTL seconds (it changes only when
    the index is rebuilt from scratch)."""
    key = (connection.vendor, str(connection.settings_dict.get("NAME")), model)
    now = time.monotonic()
    cached = _tokens.get(key)
    if cached is None or now - cached[0] > TOKEN_TTL or connection.in_atomic_block:
        cached = (now, build_row(model).token)
        _tokens[key] = cached
    return _index(index_path(cached[1], model), DIMS[model])


def forget() -> None:
    """Drop the cached tokens and index handles (tests, after a rollback or a reindex)."""
    _tokens.clear()
    _index.cache_clear()
