"""Queue and notification benchmark: 2 real `stdlink worker` processes on SQLite and PostgreSQL.

    python bench/jobs.py                       # both databases, 10,000 jobs, 10,000 notifications
    python bench/jobs.py --db sqlite --jobs 2000 --notifications 2000
    PG_URL=postgresql://postgres@127.0.0.1:5432 python bench/jobs.py --db postgres

Each database run starts from an empty database (a scratch SQLite directory, or a scratch
PostgreSQL database `stdlink_jobs_bench` on the PG_URL server) and measures:

1. throughput: N no-op jobs enqueued (one transaction), then 2 workers drain the queue → jobs/s
   from the first start to the last finish;
2. start delay under load: with the 2 workers running, N no-op jobs enqueued one by one at
   --rate jobs/s → p50/p95/max of (start − enqueue);
3. notifications: M notifications (100 events × M/100 people) through `notify()` into the inbox
   (rows/s), half the people wanting e-mail at once (one `notify.send` job per e-mail, console
   backend to /dev/null, drained by the workers) and half a daily digest (then one
   `notify.daily_digest` job groups their notifications) → inbox rows/s, deliveries/s, digest
   time.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BENCH_DB = "stdlink_jobs_bench"


def _env(var_dir: Path, database_url: str) -> dict:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(ROOT),
        STDLINK_VAR_DIR=str(var_dir),
        STDLINK_QUEUE_NAME=f"bench{uuid.uuid4().hex[:6]}",
        STDLINK_EMAIL="console",
        DJANGO_SETTINGS_MODULE="stdlink.settings",
    )
    env.pop("STDLINK_QUEUE", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    return env


class Workers:
    def __init__(self, env: dict, n: int):
        self.procs = [
            subprocess.Popen(
                [PY, "-m", "stdlink.cli", "worker", "--no-periodic"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
            for _ in range(n)
        ]

    def stop(self) -> float:
        """Stop the workers; return the CPU seconds (user + system) they used, from rusage, so
        the cost per job can be read independently of how busy the shared machine was."""
        for p in self.procs:
            p.send_signal(signal.SIGINT)
        cpu = 0.0
        for p in self.procs:
            deadline = time.monotonic() + 60
            while True:
                pid, _status, usage = os.wait4(p.pid, os.WNOHANG)
                if pid:
                    cpu += usage.ru_utime + usage.ru_stime
                    p.returncode = 0
                    break
                if time.monotonic() > deadline:
                    p.kill()
                    break
                time.sleep(0.1)
        return cpu


def _ready(workers: Workers) -> None:
    """Wait until the workers run jobs (a probe), so start-up is not counted as queueing."""
    from stdlink import jobs
    from stdlink.jobs.models import Job

    probe = jobs.enqueue("jobs.noop", -1)
    while Job.objects.get(pk=probe.pk).status != Job.Status.SUCCEEDED:
        time.sleep(0.2)


# --- inside the child process (Django set up for one database) ------------------------------
def _wait_done(names: list[str], expected: int, since_id: int, timeout: float = 1800) -> None:
    from stdlink.jobs.models import Job

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        done = Job.objects.filter(name__in=names, id__gt=since_id, status__in=Job.FINISHED).count()
        if done >= expected:
            return
        time.sleep(0.5)
    raise SystemExit(f"timeout waiting for {names}: {done}/{expected}")


def _spans(names: list[str], since_id: int) -> dict:
    from django.db.models import Max, Min

    from stdlink.jobs.models import Job

    qs = Job.objects.filter(name__in=names, id__gt=since_id)
    agg = qs.aggregate(first=Min("started"), last=Max("finished"), n=Max("id"))
    delays = sorted(
        (s - c).total_seconds() for c, s in qs.values_list("created", "started") if s is not None
    )
    failed = qs.exclude(status="succeeded").count()
    span = (agg["last"] - agg["first"]).total_seconds() if agg["first"] else 0.0
    return {"n": qs.count(), "span": span, "delays": delays, "failed": failed}


def _pct(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def child(args: argparse.Namespace) -> None:
    from stdlink.clitools import setup_django

    setup_django()
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from stdlink import jobs
    from stdlink.jobs.models import Job
    from stdlink.notify.models import Notification, Preference
    from stdlink.notify.services import notify

    env = dict(os.environ)
    out: dict = {"db": args.label, "workers": args.workers}

    # 1. throughput: a backlog of N no-op jobs drained by the workers
    base = Job.objects.order_by("-id").values_list("id", flat=True).first() or 0
    t0 = time.perf_counter()
    with transaction.atomic():
        for i in range(args.jobs):
            jobs.enqueue("jobs.noop", i)
    out["enqueue_per_s"] = round(args.jobs / (time.perf_counter() - t0))
    w = Workers(env, args.workers)
    try:
        _wait_done(["jobs.noop"], args.jobs, base)
    finally:
        cpu = w.stop()
    s = _spans(["jobs.noop"], base)
    out["drain_jobs_per_s"] = round(s["n"] / s["span"]) if s["span"] else 0
    out["drain_failed"] = s["failed"]
    out["worker_cpu_ms_per_job"] = round(1000 * cpu / args.jobs, 2)

    # 2. start delay at a steady offered rate, workers running
    w = Workers(env, args.workers)
    try:
        _ready(w)
        base = Job.objects.order_by("-id").values_list("id", flat=True).first()
        t0 = time.perf_counter()
        for i in range(args.jobs):
            jobs.enqueue("jobs.noop", i)  # autocommit: queued at once
            ahead = (i + 1) / args.rate - (time.perf_counter() - t0)
            if ahead > 0:
                time.sleep(ahead)
        out["offered_rate"] = round(args.jobs / (time.perf_counter() - t0))
        _wait_done(["jobs.noop"], args.jobs, base)
    finally:
        w.stop()
    s = _spans(["jobs.noop"], base)
    d = s["delays"]
    out["delay_p50_s"] = round(_pct(d, 50), 3)
    out["delay_p95_s"] = round(_pct(d, 95), 3)
    out["delay_max_s"] = round(max(d), 3) if d else 0
    out["steady_jobs_per_s"] = round(s["n"] / s["span"]) if s["span"] else 0

    # 3. notifications: inbox rows, immediate e-mails via the workers, one daily digest
    User = get_user_model()
    people = max(2, args.notifications // 100)
    events = args.notifications // people
    User.objects.bulk_create(
        [User(username=f"bench{i}", email=f"bench{i}@example.org") for i in range(people)]
    )
    users = list(User.objects.filter(username__startswith="bench"))
    half = people // 2
    Preference.objects.bulk_create(
        [Preference(user=u, kind="notify.test", frequency="daily") for u in users[:half]]
    )
    w = Workers(env, args.workers)
    try:
        _ready(w)
        base = Job.objects.order_by("-id").values_list("id", flat=True).first()
        t0 = time.perf_counter()
        for e in range(events):
            with transaction.atomic():
                notify(users, "notify.test", f"event {e}", "body", "/", dedupe_key=f"bench:{e}")
        stored = Notification.objects.filter(dedupe_key__startswith="bench:").count()
        out["inbox_rows"] = stored
        out["inbox_rows_per_s"] = round(stored / (time.perf_counter() - t0))
        immediate = events * (people - half)
        _wait_done(["notify.deliver"], events, base)
        _wait_done(["notify.send"], immediate, base)
        s = _spans(["notify.deliver", "notify.send"], base)
        out["email_deliveries"] = immediate
        out["deliveries_per_s"] = round(s["n"] / s["span"]) if s["span"] else 0
        out["delivery_failed"] = s["failed"]
        base = Job.objects.order_by("-id").values_list("id", flat=True).first()
        job = jobs.enqueue("notify.daily_digest")
        _wait_done(["notify.daily_digest"], 1, base)
        job.refresh_from_db()
        out["digest_s"] = round((job.finished - job.started).total_seconds(), 2)
        out["digest_result"] = job.result
    finally:
        cpu = w.stop()
    out["worker_cpu_ms_per_delivery"] = round(1000 * cpu / max(1, immediate + events), 2)
    load = os.getloadavg()
    out["load"] = f"{load[0]:.1f}"
    print("RESULT " + json.dumps(out))


# --- the driver ---------------------------------------------------------------------------
def run_db(kind: str, args: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="stdlink-bench-jobs-") as tmp:
        url = ""
        if kind == "postgres":
            import psycopg

            server = os.environ.get("PG_URL", "postgresql://postgres@127.0.0.1:5432")
            with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
                conn.execute(f"CREATE DATABASE {BENCH_DB}")
            url = f"{server}/{BENCH_DB}"
        env = _env(Path(tmp), url)
        try:
            subprocess.run([PY, "-m", "stdlink.cli", "migrate", "-v0"], env=env, check=True)
            cmd = [
                PY,
                __file__,
                "--child",
                "--label",
                kind,
                "--jobs",
                str(args.jobs),
                "--notifications",
                str(args.notifications),
                "--workers",
                str(args.workers),
                "--rate",
                str(args.rate),
            ]
            res = subprocess.run(cmd, env=env, capture_output=True, text=True)
            line = next((x for x in res.stdout.splitlines() if x.startswith("RESULT ")), None)
            if line is None:
                raise SystemExit(f"{kind} run failed:\n{res.stderr[-3000:]}")
            return json.loads(line[len("RESULT ") :])
        finally:
            if url:
                with psycopg.connect(f"{server}/postgres", autocommit=True) as conn:
                    conn.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument("--jobs", type=int, default=10_000)
    p.add_argument("--notifications", type=int, default=10_000)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--rate", type=float, default=200.0, help="offered load for the delay phase")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--label", default="", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        child(args)
        return
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results = [run_db(k, args) for k in kinds]
    print(
        f"\nstdlink jobs bench — {args.workers} workers, {args.jobs:,} no-op jobs, "
        f"{args.notifications:,} notifications"
    )
    cols = [
        ("db", "db"),
        ("enqueue_per_s", "enqueue/s"),
        ("drain_jobs_per_s", "jobs/s (backlog)"),
        ("offered_rate", "offered/s"),
        ("steady_jobs_per_s", "jobs/s (steady)"),
        ("delay_p50_s", "p50 delay s"),
        ("delay_p95_s", "p95 delay s"),
        ("delay_max_s", "max delay s"),
        ("inbox_rows_per_s", "inbox rows/s"),
        ("deliveries_per_s", "deliveries/s"),
        ("digest_s", "digest s"),
        ("worker_cpu_ms_per_job", "worker CPU ms/job"),
        ("worker_cpu_ms_per_delivery", "worker CPU ms/delivery"),
        ("load", "load avg"),
    ]
    print(" | ".join(h for _k, h in cols))
    for r in results:
        print(" | ".join(str(r.get(k, "")) for k, _h in cols))
    for r in results:
        print(
            f"{r['db']}: failed jobs {r['drain_failed']} + {r['delivery_failed']}; "
            f"inbox rows {r['inbox_rows']:,}; e-mail deliveries {r['email_deliveries']:,}; "
            f"digest {r['digest_result']}"
        )


if __name__ == "__main__":
    main()
