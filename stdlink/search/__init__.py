"""Search: one interface, SQLite FTS5 and PostgreSQL backends, bilingual and identifier-aware."""
