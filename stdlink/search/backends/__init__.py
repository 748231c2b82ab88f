"""Search backends: the same contract over SQLite FTS5 and PostgreSQL full-text search."""
