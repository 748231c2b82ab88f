"""Comparison workbench benchmark: a 200-clause pair aligned and judged.

The pair is built by repeating the development pair (../shared/data/compare-dev) 25 times, each
copy with its clause numbers shifted and its limit values varied, so that indicators, units and
number-free clauses recur with different values. Prints the clause counts, the time to load the
embedding model (once per process, when the semantic service is there) and the seconds per
comparison over several runs.

    python bench/compare.py [--data-dir ../shared/data] [--copies 25] [--runs 3]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from stdlink.compare.engine import compare_texts, segment  # noqa: E402
from stdlink.compare.engine.similarity import _service  # noqa: E402
from stdlink.env import data_dir  # noqa: E402

_CLAUSE = re.compile(r"^(\d+)\.(\d+)(\s.*)$")
_NUMBER = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?=\s*(?:mg/kg|%|µg))")


def _requirements(text: str, section: str) -> tuple[str, list[list[str]]]:
    """(front part up to the requirements heading, [[clause lines], ...] of the section)."""
    lines = text.splitlines()
    head, clauses, current, inside = [], [], None, False
    for line in lines:
        m = _CLAUSE.match(line)
        if line.startswith(section + " "):
            inside = True
            head.append(line)
            continue
        if inside and re.match(r"^\d+\s", line):
            break
        if not inside:
            head.append(line)
        elif m and m.group(1) == section:
            current = [line]
            clauses.append(current)
        elif current is not None:
            current.append(line)
    return "\n".join(head), clauses


def build(text: str, section: str, copies: int, factor_step: float) -> str:
    head, clauses = _requirements(text, section)
    out = [head]
    n = 0
    for k in range(copies):
        factor = 1.0 + factor_step * (k % 5)
        for clause in clauses:
            n += 1
            first = _CLAUSE.sub(lambda m, n=n: f"{section}.{n}{m.group(3)}", clause[0])
            body = [
                _NUMBER.sub(lambda m, f=factor: f"{float(m.group(1)) * f:g}", line)
                for line in clause[1:]
            ]
            out.append("\n".join([first, *body]))
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--copies", type=int, default=25)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    base = (args.data_dir or data_dir()) / "compare-dev"
    zh = build((base / "textile.zh.txt").read_text(encoding="utf-8"), "3", args.copies, 0.1)
    en = build((base / "textile.en.txt").read_text(encoding="utf-8"), "5", args.copies, 0.05)
    na = sum(1 for c in segment(zh).clauses if c.number.startswith("3."))
    nb = sum(1 for c in segment(en).clauses if c.number.startswith("5."))
    print(f"requirement clauses: A {na}, B {nb}")

    service = _service()
    if service is not None:
        t0 = time.perf_counter()
        service(["预热"], ["warm-up"])
        print(
            f"embedding model load + first call: {time.perf_counter() - t0:.2f} s (once per process)"
        )
    else:
        print("embedding service: not available (stdlink.semantic missing); lexical meaning only")

    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        result = compare_texts(zh, en)
        times.append(time.perf_counter() - t0)
    s = result.summary()
    print(
        f"rows: {len(result.rows)}; counts: {s['counts']}; degree {s['degree']}; embeddings {s['embeddings']}"
    )
    print(
        f"seconds per comparison: median {statistics.median(times):.2f}, min {min(times):.2f}, "
        f"max {max(times):.2f} over {args.runs} runs (target < 20 s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
