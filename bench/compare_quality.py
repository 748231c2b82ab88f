"""Comparison workbench quality: per-pair accuracy of alignment and judgement on every pair with
a known truth — the written test pairs (tests/compare/pairs, expected rows in
tests/compare/test_pairs.py), the two table pairs and the development pair
(../shared/data/compare-dev, textile.truth.json).

For each pair: the expected rows found with the right counterpart (alignment) and with the right
relation too (relation), and the rows the engine gave that the truth does not have (extra).

    python bench/compare_quality.py [--data-dir ../shared/data] [--show] [--reversed]

With --reversed every pair is compared the other way round (the English text as A), the expected
relations read accordingly (stricter ↔ looser; only_zh / only_en name a language and stay): the engine should not care
which document comes first.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from stdlink.compare.engine import compare_texts, result_json  # noqa: E402
from stdlink.env import data_dir  # noqa: E402
from tests.compare.test_pairs import EXPECTED, TABLE_EN_EXPECTED, TABLE_ZH_EXPECTED  # noqa: E402

PAIRS = ROOT / "tests" / "compare" / "pairs"

Row = tuple[str | None, str | None, str]


def cases(dev: Path) -> list[tuple[str, Path, Path, set[Row]]]:
    out = [
        (name, PAIRS / f"{name}.zh.txt", PAIRS / f"{name}.en.txt", rows)
        for name, rows in sorted(EXPECTED.items())
    ]
    out.append(("table.zh", PAIRS / "table.zh.txt", dev / "textile.en.txt", TABLE_ZH_EXPECTED))
    out.append(("table.en", dev / "textile.zh.txt", PAIRS / "table.en.txt", TABLE_EN_EXPECTED))
    truth = dev / "textile.truth.json"
    if truth.exists():
        rows = {tuple(p[:3]) for p in json.loads(truth.read_text(encoding="utf-8"))["pairs"]}
        out.append(("textile (dev)", dev / "textile.zh.txt", dev / "textile.en.txt", rows))
    return out


_FLIP = {"stricter": "looser", "looser": "stricter"}  # only_zh / only_en name the language


def flipped(rows: set[Row]) -> set[Row]:
    return {(b, a, _FLIP.get(rel, rel)) for a, b, rel in rows}


def score(expected: set[Row], got: set[Row]) -> tuple[int, int, int]:
    """(aligned right, judged right, extra rows)."""
    got_links = {(a, b) for a, b, _ in got}
    aligned = sum(1 for a, b, _ in expected if (a, b) in got_links)
    judged = len(expected & got)
    extra = len(got_links - {(a, b) for a, b, _ in expected})
    return aligned, judged, extra


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--show", action="store_true", help="print the wrong and extra rows")
    ap.add_argument("--reversed", action="store_true", help="compare B with A")
    args = ap.parse_args()
    dev = (args.data_dir or data_dir()) / "compare-dev"
    total = [0, 0, 0, 0]
    print(f"{'pair':<15} {'rows':>4} {'aligned':>9} {'relation':>9} {'extra':>5}")
    t0 = time.perf_counter()
    for name, a, b, expected in cases(dev):
        if args.reversed:
            a, b, expected = b, a, flipped(expected)
        try:
            rows = result_json(
                compare_texts(a.read_text(encoding="utf-8"), b.read_text(encoding="utf-8"))
            )["rows"]
            got = {(r["a"], r["b"], r["relation"]) for r in rows}
        except Exception as exc:  # a crash counts as nothing right
            print(f"{name:<15} crashed: {type(exc).__name__}: {exc}")
            got = set()
        aligned, judged, extra = score(expected, got)
        n = len(expected)
        for k, v in enumerate((n, aligned, judged, extra)):
            total[k] += v
        print(
            f"{name:<15} {n:>4} {aligned:>4} {aligned / n:>4.0%} {judged:>4} {judged / n:>4.0%} {extra:>5}"
        )
        if args.show:
            for row in sorted(expected - got, key=str):
                print(f"    missing {row}")
            for row in sorted(got - expected, key=str):
                print(f"    got     {row}")
    n, aligned, judged, extra = total
    print(
        f"{'all':<15} {n:>4} {aligned:>4} {aligned / n:>4.0%} {judged:>4} {judged / n:>4.0%} {extra:>5}"
    )
    print(f"{time.perf_counter() - t0:.1f} s (embedding models loaded in the first pair)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
