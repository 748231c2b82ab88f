"""Real worker processes (`stdlink worker`) sharing one queue: every job runs exactly once.

Each test builds its own database (a fresh SQLite file, or a fresh PostgreSQL database next to
the one DATABASE_URL names), enqueues jobs from one process and lets two worker processes drain
the queue."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from stdlink.env import REPO_ROOT

N_JOBS = 120
DEADLINE = 180  # seconds; a safety net for a stuck run, not a timing assertion


def _env(var_dir: Path, database_url: str, **extra: str) -> dict:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(REPO_ROOT),
        STDLINK_VAR_DIR=str(var_dir),
        STDLINK_QUEUE_NAME=f"t{uuid.uuid4().hex[:8]}",
        DJANGO_SETTINGS_MODULE="stdlink.settings",
    )
    env.pop("STDLINK_QUEUE", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    else:
        env.pop("DATABASE_URL", None)
    env.update(extra)
    return env


def _py(env: dict, code: str) -> str:
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from stdlink.clitools import setup_django; setup_django()\n" + code,
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


STATUS = """
from stdlink.jobs.models import Job
from django.db.models import Count, Max
print(dict(Job.objects.values_list("status").annotate(n=Count("id"))))
print(Job.objects.aggregate(m=Max("attempts"))["m"])
print(sorted(set(Job.objects.values_list("worker", flat=True))))
"""


def _drain(env: dict) -> tuple[dict, int]:
    subprocess.run(
        [sys.executable, "-m", "stdlink.cli", "migrate", "-v0"], env=env, check=True, timeout=300
    )
    _py(
        env,
        "from django.db import transaction\nfrom stdlink import jobs\n"
        f"with transaction.atomic():\n    [jobs.enqueue('jobs.noop', i) for i in range({N_JOBS})]",
    )
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "stdlink.cli", "worker", "--no-periodic"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(2)
    ]
    try:
        end = time.monotonic() + DEADLINE
        while time.monotonic() < end:
            counts_line, _max, _workers = _py(env, STATUS).splitlines()
            counts = eval(counts_line)  # noqa: S307 - our own printed dict
            if counts.get("succeeded", 0) + counts.get("failed", 0) >= N_JOBS:
                break
            time.sleep(1)
    finally:
        for w in workers:
            w.send_signal(signal.SIGINT)
        for w in workers:
            try:
                w.wait(timeout=30)
            except subprocess.TimeoutExpired:
                w.kill()
    counts_line, max_attempts, ran_by = _py(env, STATUS).splitlines()
    # every job names the worker process that ran it (one of the two, never none)
    assert 1 <= len(eval(ran_by)) <= 2 and "" not in eval(ran_by)  # noqa: S307
    return eval(counts_line), int(max_attempts)  # noqa: S307


@pytest.mark.slow
def test_two_workers_sqlite_each_job_once(tmp_path):
    counts, max_attempts = _drain(_env(tmp_path, ""))
    assert counts == {"succeeded": N_JOBS}
    assert max_attempts == 1
    assert (
        sqlite3.connect(tmp_path / "queue.sqlite3")
        .execute("select count(*) from task")
        .fetchone()[0]
        == 0
    )


@pytest.mark.slow
def test_two_workers_postgresql_each_job_once(tmp_path):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("PostgreSQL run only (DATABASE_URL=postgresql://...)")
    import psycopg

    name = "stdlink_jobs_workers"
    base, _, _db = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    try:
        counts, max_attempts = _drain(_env(tmp_path, f"{base}/{name}"))
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
    assert counts == {"succeeded": N_JOBS}
    assert max_attempts == 1


REDIS_TEST_URL = os.environ.get("STDLINK_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.mark.slow
def test_two_workers_redis_queue_each_job_once(tmp_path):
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(REDIS_TEST_URL).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_TEST_URL}")
    env = _env(tmp_path, "", STDLINK_QUEUE="redis", REDIS_URL=REDIS_TEST_URL)
    counts, max_attempts = _drain(env)
    assert counts == {"succeeded": N_JOBS}
    assert max_attempts == 1
    client = redis.Redis.from_url(REDIS_TEST_URL)
    client.delete(*client.keys(f"huey.*{env['STDLINK_QUEUE_NAME']}*") or ["-"])
