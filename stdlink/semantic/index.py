"""The vector index: a usearch HNSW index file per model and database (docs/decisions/0013).

Keys are TitleText ids; vectors are cosine-compared. Readers (web workers) memory-map the file
and re-open it when it changes on disk; writers take a file lock, load the index, change it and
replace the file atomically, so a reader never sees a half-written index. The index is derived
data: the vectors themselves are stored in the database and the index can always be rebuilt
from them (`stdlink embeddings build --reindex`).
"""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np

# HNSW parameters: usearch's defaults are tuned for speed; a deeper search keeps recall of the
# top 60 near exact on 150k vectors for ~1 ms a query.
CONNECTIVITY = 16
EXPANSION_ADD = 128
EXPANSION_SEARCH = 96


def _new(ndim: int):
    from usearch.index import Index

    return Index(
        ndim=ndim,
        metric="cos",
        dtype="f16",
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


class VectorIndex:
    """One index file. Thread-safe for readers; writers serialise on a lock file."""

    def __init__(self, path: Path, ndim: int) -> None:
        self.path = Path(path)
        self.ndim = ndim
        self._index = None
        self._stamp: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def _file_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_ino)

    def _reader(self):
        stamp = self._file_stamp()
        with self._lock:
            if stamp != self._stamp or self._index is None:
                if stamp is None:
                    self._index = _new(self.ndim)
                else:
                    index = _new(self.ndim)
                    index.view(str(self.path))
                    index.expansion_search = EXPANSION_SEARCH
                    self._index = index
                self._stamp = stamp
            return self._index

    def __len__(self) -> int:
        return len(self._reader())

    def search(self, vector: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(keys, cosine similarities) of the `k` nearest vectors, best first."""
        index = self._reader()
        if len(index) == 0 or k <= 0:
            return np.zeros(0, dtype=np.uint64), np.zeros(0, dtype=np.float32)
        found = index.search(np.asarray(vector, dtype=np.float32), min(k, len(index)))
        return np.asarray(found.keys), 1.0 - np.asarray(found.distances, dtype=np.float32)

    @contextmanager
    def writer(self) -> Iterator[IndexWriter]:
        """Exclusive change of the index file; saved atomically when the block ends."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path.with_suffix(".lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            index = _new(self.ndim)
            if self.path.exists():
                index.load(str(self.path))
            w = IndexWriter(index, self.path)
            yield w
            if w.changed:
                w.save()
        with self._lock:
            self._stamp = None  # re-open on the next search

    def remove_file(self) -> None:
        with self._lock:
            self._index, self._stamp = None, None
        for p in (self.path, self.path.with_suffix(".lock")):
            p.unlink(missing_ok=True)


class IndexWriter:
    def __init__(self, index, path: Path) -> None:
        self.index = index
        self.path = path
        self.changed = False

    def keys(self) -> np.ndarray:
        return np.asarray(self.index.keys, dtype=np.uint64) if len(self.index) else np.zeros(0)

    def missing(self, keys: np.ndarray) -> np.ndarray:
        """The subset of `keys` not in the index."""
        if len(keys) == 0 or len(self.index) == 0:
            return np.asarray(keys, dtype=np.uint64)
        present = np.asarray(self.index.contains(np.asarray(keys, dtype=np.uint64)), dtype=bool)
        return np.asarray(keys, dtype=np.uint64)[~present]

    def add(self, keys: np.ndarray, vectors: np.ndarray) -> None:
        if len(keys):
            self.index.add(np.asarray(keys, dtype=np.uint64), vectors.astype(np.float32), threads=1)
            self.changed = True

    def remove(self, keys) -> None:
        keys = np.asarray(list(keys), dtype=np.uint64)
        if len(keys):
            self.index.remove(keys)
            self.changed = True

    def save(self) -> None:
        """Write to a temporary file and rename it over the index (readers keep their map)."""
        tmp = self.path.with_name(self.path.name + f".tmp{os.getpid()}")
        self.index.save(str(tmp))
        os.replace(tmp, self.path)
        self.changed = False
