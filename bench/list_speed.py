"""Standards list page speed on the full catalogue (issue 9, F8): gunicorn + wrk, and far pages.

Serves a copy of a full-catalogue database (`--db DIR`, a STDLINK_VAR_DIR holding
stdlink.sqlite3, migrated) with gunicorn (2 sync workers, 127.0.0.1 only) and drives it with
`wrk -c16` for a bounded time over a mix of list URLs: random page numbers of the whole list
(1 … the page cap), and pages of single bodies' lists (ISO, IEC, JIS, ETSI, IEEE, ITU-T).
Prints requests/s, p50/p99 latency, and the time of single far-page requests (last page, past
the end, a 20-digit page number) made while the server is otherwise idle.

    python bench/list_speed.py --db /path/to/var-copy [--duration 20] [--connections 16]

Targets (issue 9): ≥ 100 req/s, p99 ≤ 300 ms, any page < 200 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PORT = "8766"
BODIES = ["ISO", "IEC", "JIS", "ETSI", "IEEE", "ITU-T"]
FAR = [
    "/standards/?page=200",
    "/standards/?page=3789",
    "/standards/?page=99999999999999999999",
    "/standards/?body=JIS&page=10000",
    "/standards/?body=ISO&page=150",
]

LUA = """
local paths = {}
for line in io.lines("%s") do paths[#paths + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("WRK_RESULT %%d %%d %%d %%.1f %%.1f %%.1f\\n",
    summary.requests, summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6)))
end
"""


def workload(n: int = 2000, seed: int = 20261206) -> list[str]:
    rng = random.Random(seed)
    paths = []
    for _ in range(n):
        if rng.random() < 0.6:
            paths.append(f"/standards/?page={rng.randint(1, 200)}")
        else:
            paths.append(f"/standards/?body={rng.choice(BODIES)}&page={rng.randint(1, 20)}")
    return paths


def _cpu_seconds(master: int) -> float:
    """User + system CPU time of gunicorn's workers (Linux /proc), to tell the page's own cost
    from waiting for a core on a shared machine."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    except OSError:
        return float("nan")
    for pid in children:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick
    return total


def get(path: str) -> tuple[int, float]:
    start = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}", timeout=60) as r:
        r.read()
        status = r.status
    return status, (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True, help="STDLINK_VAR_DIR with the database")
    ap.add_argument("--duration", type=int, default=20, help="seconds of load (bounded)")
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)
    wrk = shutil.which("wrk")
    gunicorn = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or shutil.which(
        "gunicorn"
    )
    if not wrk or not gunicorn:
        print("needs wrk (apt-get install wrk) and gunicorn", file=sys.stderr)
        return 2
    db = args.db.resolve()
    paths_file = db / "wrk-list-paths.txt"
    paths_file.write_text("".join(p + "\n" for p in workload()))
    script = db / "wrk-list.lua"
    script.write_text(LUA % paths_file)
    env = dict(os.environ, STDLINK_VAR_DIR=str(db), STDLINK_LOG_LEVEL="ERROR")
    server = subprocess.Popen(
        [gunicorn, "stdlink.wsgi:application", "-b", f"127.0.0.1:{PORT}", "-w",
         str(args.workers), "--log-level", "warning", "--timeout", "120"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                get("/healthz")
                break
            except OSError:
                time.sleep(0.2)
        # Warm both workers (templates, the cached count and body menu) on a few pages.
        for p in workload(40, seed=1):
            get(p)
        far = [(p, *get(p)) for p in FAR for _ in range(2)][1::2]  # the second, warm, request
        cpu_before = _cpu_seconds(server.pid)
        load_before = os.getloadavg()[0]
        out = subprocess.run(
            [wrk, "-t2", f"-c{args.connections}", f"-d{args.duration}s", "--latency",
             "-s", str(script), f"http://127.0.0.1:{PORT}"],
            capture_output=True, text=True, check=False, timeout=args.duration + 60,
        )  # fmt: skip
        cpu = _cpu_seconds(server.pid) - cpu_before
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(timeout=30)
    line = next((ln for ln in out.stdout.splitlines() if ln.startswith("WRK_RESULT")), None)
    if line is None:
        print(out.stdout[-2000:], out.stderr[-2000:], file=sys.stderr)
        return 1
    n, non2xx, timeouts, p50, p99, rps = line.split()[1:]
    print(
        f"standards list, gunicorn -w {args.workers} (sync), wrk -c{args.connections} "
        f"-d{args.duration}s over {len(workload())} list URLs"
    )
    print(f"  requests {n}, non-2xx {non2xx}, timeouts {timeouts}")
    print(f"  {float(rps):.1f} req/s, p50 {float(p50):.0f} ms, p99 {float(p99):.0f} ms")
    per_request = cpu / max(int(n), 1) * 1000
    cores = os.cpu_count() or 1
    print(
        f"  server CPU {per_request:.1f} ms per request (capacity of {cores} idle cores: "
        f"{cores * 1000 / per_request:.0f} req/s); load average {load_before:.1f} → "
        f"{load_after:.1f} on {cores} cores"
    )
    print("far pages (single requests, warm server):")
    for path, status, ms in far:
        print(f"  {path:45} {status} {ms:6.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
