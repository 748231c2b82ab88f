"""Monotone alignment of two clause sequences over a score matrix.

A Needleman-Wunsch-style dynamic programme keeps the documents' order: it maximises the sum of
(score - threshold) over matched pairs, with unmatched clauses free. Then an unmatched clause
joins a neighbour's counterpart when its own score with it clears the threshold (one-to-many).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Link:
    a: int | None
    b: int | None
    score: float = 0.0


def monotone_pairs(score: list[list[float]], threshold: float) -> list[tuple[int, int]]:
    """The order-keeping set of one-to-one pairs with the largest total (score - threshold)."""
    n = len(score)
    m = len(score[0]) if n else 0
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]  # 1 diagonal, 2 skip a, 3 skip b
    for i in range(1, n + 1):
        row, prev, srow = best[i], best[i - 1], score[i - 1]
        mrow = move[i]
        for j in range(1, m + 1):
            diag = prev[j - 1] + srow[j - 1] - threshold
            up = prev[j]
            left = row[j - 1]
            if diag > up and diag > left and srow[j - 1] > threshold:
                row[j], mrow[j] = diag, 1
            elif up >= left:
                row[j], mrow[j] = up, 2
            else:
                row[j], mrow[j] = left, 3
    pairs = []
    i, j = n, m
    while i > 0 and j > 0:
        mv = move[i][j]
        if mv == 1:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif mv == 2:
            i -= 1
        else:
            j -= 1
    pairs.reverse()
    return pairs


def align(
    score: list[list[float]],
    threshold: float,
    join_margin: float = 0.05,
    cross_threshold: float | None = None,
    room=None,
) -> list[Link]:
    """Links in document order: one-to-one, one-to-many, and clauses only in A or only in B.

    With `cross_threshold`, clauses the order-keeping pass left unmatched on both sides are paired
    greedily, best score first, when their score clears it (requirements listed in another order).
    With `room(side, k, other)`, a clause joins the counterpart `other` of its neighbour `k` (on
    `side` "a" or "b") only when the counterpart has something the neighbour leaves over.
    """
    room = room or (lambda side, k, other: True)
    n = len(score)
    m = len(score[0]) if n else 0
    pairs = monotone_pairs(score, threshold) if n and m else []
    a_to = {i: j for i, j in pairs}
    b_to = {j: i for i, j in pairs}
    extra: list[tuple[int, int]] = []
    # One-to-many: an unmatched clause joins the counterpart of a linked neighbour, repeatedly, so
    # that a run of clauses can gather on one clause of the other side.
    changed = True
    while changed:
        changed = False
        for i in range(n):
            if i in a_to:
                continue
            for k in (i - 1, i + 1):
                j = a_to.get(k)
                if (
                    j is not None
                    and score[i][j] > threshold + join_margin
                    and score[i][j] >= 0.9 * score[k][j]
                    and room("a", k, j)
                ):
                    extra.append((i, j))
                    a_to[i] = j
                    changed = True
                    break
        for j in range(m):
            if j in b_to:
                continue
            for k in (j - 1, j + 1):
                i = b_to.get(k)
                if (
                    i is not None
                    and score[i][j] > threshold + join_margin
                    and score[i][j] >= 0.9 * score[i][k]
                    and room("b", k, i)
                ):
                    extra.append((i, j))
                    b_to[j] = i
                    changed = True
                    break
    if cross_threshold is not None:
        free_a = {i for i in range(n) if i not in a_to}
        free_b = {j for j in range(m) if j not in b_to}
        for s_ij, i, j in sorted(
            ((score[i][j], i, j) for i in free_a for j in free_b), reverse=True
        ):
            if s_ij < cross_threshold:
                break
            if i in free_a and j in free_b:
                extra.append((i, j))
                free_a.discard(i)
                free_b.discard(j)
    return order_links(set(pairs) | set(extra), n, m, score)


def order_links(pairs, n: int, m: int, score: list[list[float]]) -> list[Link]:
    """Linked pairs plus the clauses left alone on either side, in document order."""
    linked = sorted(pairs)
    seen_a = {i for i, _ in linked}
    seen_b = {j for _, j in linked}
    links = [Link(i, j, score[i][j]) for i, j in linked]
    links += [Link(i, None) for i in range(n) if i not in seen_a]
    links += [Link(None, j) for j in range(m) if j not in seen_b]

    def position(link: Link) -> tuple[float, float]:
        # Unmatched clauses sit where their neighbours put them.
        if link.a is not None and link.b is not None:
            return (link.a, link.b)
        if link.a is not None:
            before = [j for i, j in linked if i < link.a]
            return (link.a, (max(before) + 0.5) if before else -0.5)
        before = [i for i, j in linked if j < link.b]
        return ((max(before) + 0.5) if before else -0.5, link.b)

    return sorted(links, key=position)
