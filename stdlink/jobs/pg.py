"""The PostgreSQL connection factory for the queue (no Django import at module level: settings
imports it). It reads Django's database settings when a worker connects, so the queue follows
the database Django uses, including the test database during tests."""

from __future__ import annotations


def connect():
    import psycopg
    from django.db import connections

    sd = connections["default"].settings_dict
    params = {
        "dbname": sd.get("NAME") or "postgres",
        "user": sd.get("USER") or None,
        "password": sd.get("PASSWORD") or None,
        "host": sd.get("HOST") or None,
        "port": str(sd.get("PORT") or "") or None,
    }
    conn = psycopg.connect(**{k: v for k, v in params.items() if v is not None})
    # Queue bookkeeping commits without waiting for the WAL flush: a crash can lose the last
    # few milliseconds of queue writes, never corrupt them, and a job whose queue entry was lost
    # is still a queued Job row that the periodic sweep (jobs.requeue_stale) hands over again.
    # Job rows themselves are written through Django with the database's normal durability.
    conn.execute("SET synchronous_commit = off")
    conn.commit()
    return conn
