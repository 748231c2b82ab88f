"""Counterpart suggestions: quality on the development pairs and speed per suggestion (warm).

Runs against the database in STDLINK_VAR_DIR / DATABASE_URL, which must hold the full catalogue
(`stdlink import relaton`, `stdlink import cn-list`) and its title vectors (`stdlink embeddings
build`). Prints recall@1, recall@5 and MRR on the pairs that have a counterpart, how well
`none_likely` separates the negatives, and p50/p95 of one suggestion.

    .venv/bin/python bench/tracking.py [--pairs PATH] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("OMP_NUM_THREADS", "1")


def main() -> int:
    from stdlink.clitools import setup_django
    from stdlink.env import data_dir

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--pairs", default=str(data_dir() / "adoption-dev" / "nmpa_adoptions_dev.jsonl")
    )
    ap.add_argument("--repeat", type=int, default=1, help="timed passes after the warm-up pass")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    setup_django()

    from stdlink.tracking.resolve import keys_of
    from stdlink.tracking.suggest import NONE_LIKELY_COSINE, suggest

    pairs = [json.loads(line) for line in Path(args.pairs).open(encoding="utf-8")]
    suggest(pairs[0]["cn"], pairs[0]["cn_title"])  # warm: models and index loaded once
    hits1 = hits5 = n_pos = 0
    rr = []
    neg_flagged = pos_flagged = n_neg = 0
    times = []
    misses = []
    for _ in range(max(1, args.repeat)):
        for p in pairs:
            t0 = time.perf_counter()
            res = suggest(p["cn"], p["cn_title"])
            times.append((time.perf_counter() - t0) * 1000)
            if _ > 0:
                continue
            if p["intl"]:
                n_pos += 1
                want = keys_of(p["intl"])[1]
                works = [c.work_key for c in res.candidates]
                rank = works.index(want) + 1 if want in works else None
                hits1 += rank == 1
                hits5 += rank is not None and rank <= 5
                rr.append(1 / rank if rank else 0.0)
                pos_flagged += res.none_likely
                if rank != 1:
                    misses.append(
                        (
                            p["cn"],
                            p["intl"],
                            [f"{c.identifier} {c.score:.2f}" for c in res.candidates[:3]],
                        )
                    )
                if args.verbose:
                    best = res.candidates[0] if res.candidates else None
                    print(
                        f"  pos {p['cn']:22} rank {rank} best {best.score if best else 0:.2f} cos {best.signals.get('meaning', 0) if best else 0:.2f} series {'series' in best.signals if best else False}"
                    )
            else:
                n_neg += 1
                neg_flagged += res.none_likely
                if args.verbose:
                    best = res.candidates[0] if res.candidates else None
                    print(
                        f"  NEG {p['cn']:22} best {best.identifier if best else '-'} {best.score if best else 0:.2f} cos {best.signals.get('meaning', 0) if best else 0:.2f}"
                    )
    times.sort()
    p50 = statistics.median(times)
    p95 = times[int(0.95 * (len(times) - 1))]
    print(f"pairs: {len(pairs)} ({n_pos} with a counterpart, {n_neg} negatives)")
    print(f"recall@1 {hits1 / n_pos:.3f}  recall@5 {hits5 / n_pos:.3f}  MRR {sum(rr) / n_pos:.3f}")
    print(
        f"none_likely (no series rule, best cosine < {NONE_LIKELY_COSINE}): negatives flagged {neg_flagged}/{n_neg}, "
        f"positives wrongly flagged {pos_flagged}/{n_pos}"
    )
    print(f"one suggestion, warm: p50 {p50:.1f} ms, p95 {p95:.1f} ms over {len(times)} calls")
    if args.verbose:
        for m in misses:
            print("  miss:", *m)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
