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
    return psycopg.connect(**{k: v for k, v in params.items() if v is not None})
