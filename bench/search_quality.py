"""Search quality over the full catalogue: MRR and recall@10 of the fixed query set.

    python bench/search_quality.py --db DIR      # a catalogue built by bench/search_speed.py
    python bench/search_quality.py               # builds one in a temp dir first (minutes)
    python bench/search_quality.py --db DIR --misses   # also list the queries that missed

The queries and their expected first results are in bench/search_queries.py. A query scores
1/rank of the expected identifier within the first 10 hits (0 when absent); MRR is the mean.
The cross-lingual set (CROSSLINGUAL: Chinese queries whose answer is an ISO/IEC work) is
reported beside it (MRR@10, recall@10). `--no-semantic` turns the semantic channel off.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def evaluate(limit: int = 10) -> list[dict]:
    from bench.search_queries import QUERIES
    from stdlink.search.interface import SearchQuery, search

    rows = []
    for q in QUERIES:
        result = search(SearchQuery(q=q.text, per_page=limit))
        ids = [h.identifier for h in result.hits]
        rank = ids.index(q.expected) + 1 if q.expected in ids else None
        rows.append(
            {
                "q": q.text,
                "kind": q.kind,
                "expected": q.expected,
                "rank": rank,
                "top": ids[:3],
                "ms": result.took_ms,
            }
        )
    return rows


def evaluate_crosslingual(limit: int = 10) -> list[dict]:
    """The Chinese cross-lingual set: the rank of the first hit that is an edition, part or
    supplement of an acceptable work."""
    from bench.search_queries import CROSSLINGUAL
    from stdlink.search.interface import SearchQuery, search

    def same_work(identifier: str, work: str) -> bool:
        return re.match(re.escape(work) + r"(?=[-:/ ]|$)", identifier) is not None

    rows = []
    for text, works in CROSSLINGUAL:
        result = search(SearchQuery(q=text, per_page=limit))
        ids = [h.identifier for h in result.hits]
        rank = next(
            (n for n, i in enumerate(ids, start=1) if any(same_work(i, w) for w in works)), None
        )
        rows.append(
            {"q": text, "kind": "zh→intl", "expected": works[0], "rank": rank, "top": ids[:3]}
        )
    return rows


def report(rows: list[dict], misses: bool) -> dict:
    def mrr(rs):
        return statistics.fmean(1 / r["rank"] if r["rank"] else 0 for r in rs)

    def recall(rs):
        return statistics.fmean(1 if r["rank"] else 0 for r in rs)

    by_kind = defaultdict(list)
    for r in rows:
        by_kind[r["kind"]].append(r)
    print(f"queries: {len(rows)}")
    print(
        f"MRR: {mrr(rows):.3f}   recall@10: {recall(rows):.3f}   "
        f"top-1: {statistics.fmean(1 if r['rank'] == 1 else 0 for r in rows):.3f}"
    )
    print("| kind | queries | MRR | recall@10 |")
    print("|---|---:|---:|---:|")
    for kind, rs in sorted(by_kind.items()):
        print(f"| {kind} | {len(rs)} | {mrr(rs):.3f} | {recall(rs):.3f} |")
    if misses:
        for r in rows:
            if r["rank"] != 1:
                print(f"  rank {r['rank']}: {r['q']!r} expected {r['expected']!r}, got {r['top']}")
    return {"mrr": mrr(rows), "recall10": recall(rows)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="STDLINK_VAR_DIR of a built catalogue")
    ap.add_argument("--misses", action="store_true", help="list queries not ranked first")
    ap.add_argument("--no-semantic", action="store_true", help="the lexical channels only")
    args = ap.parse_args(argv)
    from bench.search_speed import build_catalogue, setup

    var_dir = args.db or Path(tempfile.mkdtemp(prefix="stdlink-search-bench-"))
    setup(var_dir)
    if not (var_dir / "search-bench-built").exists():
        build_catalogue(var_dir)
    os.environ["STDLINK_SEMANTIC_SEARCH"] = "0" if args.no_semantic else "1"
    from django.conf import settings

    settings.SEMANTIC_SEARCH = not args.no_semantic
    print(f"semantic channel: {'on' if settings.SEMANTIC_SEARCH else 'off'}")
    report(evaluate(), args.misses)
    print("\ncross-lingual (Chinese queries, ISO/IEC answers):")
    report(evaluate_crosslingual(), args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
