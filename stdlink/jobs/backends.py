"""Queue storage settings Huey does not expose (no Django import: settings loads this).

SQLite: the queue file in WAL mode with synchronous=NORMAL, as the main database: a commit is
durable at the next checkpoint instead of costing an fsync per job (Huey offers only FULL or OFF,
and OFF can corrupt the file on power loss)."""

from __future__ import annotations

from huey.api import SqliteHuey
from huey.storage import SqliteStorage


class WalSqliteStorage(SqliteStorage):
    def _create_connection(self):
        conn = super()._create_connection()
        conn.execute("pragma synchronous=NORMAL")
        return conn


class WalSqliteHuey(SqliteHuey):
    storage_class = WalSqliteStorage
