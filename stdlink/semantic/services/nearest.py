"""Nearest catalogue titles to a text, and the standards that carry them.

Retrieval by the fast model over the index; where the slower model's vectors are stored for the
retrieved titles they re-rank them (z-scores of the two similarities summed, as `similarity`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from stdlink.semantic.encoders import get_encoder
from stdlink.semantic.fusion import zscore
from stdlink.semantic.text import strip_numbers

from .store import RERANK, RETRIEVAL, get_index

#: Titles retrieved per query before mapping them to standards.
TITLES = 60


@dataclass(frozen=True)
class Near:
    title_id: int
    text: str
    cosine: float  # the retrieval model's cosine similarity
    cosine_rerank: float | None  # the re-ranking model's, where stored
    score: float  # fused: z-scores over the retrieved titles, summed


def nearest(
    text: str, k: int = TITLES, *, rerank: bool = True, also: tuple[str, ...] = ()
) -> list[Near]:
    """The `k` catalogue titles nearest in meaning to `text` (standard numbers stripped), best
    first. `also` gives other phrasings of the same query (an English rendering of a Chinese
    one): a title's similarity is its best over the phrasings. Empty when the text is only an
    identifier or no vectors are built."""
    from stdlink.semantic.models import TitleText

    queries = [q for q in dict.fromkeys(strip_numbers(t) for t in (text, *also)) if q]
    if not queries:
        return []
    best: dict[int, float] = {}
    index = get_index()
    encoder = get_encoder(RETRIEVAL)
    for vec in (encoder.encode_query(q) for q in queries):
        for key, sim in zip(*index.search(vec, k), strict=True):
            best[int(key)] = max(best.get(int(key), -1.0), float(sim))
    if not best:
        return []
    ranked = sorted(best.items(), key=lambda kv: -kv[1])[:k]
    ids = [pk for pk, _ in ranked]
    sims = np.array([s for _, s in ranked], dtype=np.float32)
    fields = ["pk", "text", RERANK] if rerank else ["pk", "text"]
    rows = {r[0]: r for r in TitleText.objects.filter(pk__in=ids).values_list(*fields)}
    keep = [i for i, pk in enumerate(ids) if pk in rows]  # keys of pruned texts
    ids, sims = [ids[i] for i in keep], sims[keep]
    if not ids:
        return []
    second = None
    if rerank:
        blobs = [rows[pk][2] for pk in ids]
        have = [b is not None for b in blobs]
        if sum(have) >= max(2, len(ids) // 2):
            qv = np.vstack([get_encoder(RERANK).encode_query(q) for q in queries])
            mat = np.zeros((len(ids), qv.shape[1]), dtype=np.float32)
            for i, b in enumerate(blobs):
                if b is not None:
                    mat[i] = TitleText.vector(b)
            second = (mat @ qv.T).max(axis=1)
            z1 = zscore(sims)
            z2 = zscore(second[have])
            fused = 2 * z1  # a title without the second vector counts its first twice
            fused[np.array(have)] = z1[np.array(have)] + z2
    if second is None:
        fused = zscore(sims) * 2 if len(ids) > 1 else np.array([2.0])
    order = np.argsort(-fused, kind="stable")
    return [
        Near(
            title_id=ids[i],
            text=rows[ids[i]][1],
            cosine=float(sims[i]),
            cosine_rerank=float(second[i])
            if second is not None and rows[ids[i]][2] is not None
            else None,
            score=float(fused[i]),
        )
        for i in order
    ]


def nearest_standards(
    text: str,
    k: int = 50,
    *,
    min_cosine: float = -1.0,
    margin: float | None = None,
    rerank: bool = True,
    also: tuple[str, ...] = (),
) -> list[tuple[int, float]]:
    """(Standard pk, score) of the standards whose titles are nearest in meaning to `text`,
    best first, at most `k`. Every edition carrying a title gets its score. `score` is the
    fused z-score over the retrieved titles (comparable within one call); `min_cosine` drops
    titles whose retrieval-model cosine is below it, `margin` those further than it below the
    best title's (what is left is near in meaning, not merely the nearest there is)."""
    from stdlink.semantic.models import StandardTitle

    near = [
        n for n in nearest(text, max(TITLES, k), rerank=rerank, also=also) if n.cosine >= min_cosine
    ]
    if near and margin is not None:
        top = max(n.cosine for n in near)
        near = [n for n in near if n.cosine >= top - margin]
    if not near:
        return []
    links: dict[int, list[int]] = {}
    for tid, sid in StandardTitle.objects.filter(
        title_id__in=[n.title_id for n in near]
    ).values_list("title_id", "standard_id"):
        links.setdefault(tid, []).append(sid)
    out: list[tuple[int, float]] = []
    seen: set[int] = set()
    for n in near:
        for sid in sorted(links.get(n.title_id, ())):
            if sid not in seen:
                seen.add(sid)
                out.append((sid, n.score))
        if len(out) >= k:
            break
    return out[:k]
