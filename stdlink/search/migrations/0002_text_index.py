"""The text index beside SearchDoc, created only on the backend that uses it.

SQLite: an FTS5 virtual table (rowid = Standard.id) over pre-segmented text; Porter stemming for
English via the tokenizer. PostgreSQL: a weighted tsvector column with a GIN index.
"""

from django.db import migrations

SQLITE_CREATE = """
CREATE VIRTUAL TABLE IF NOT EXISTS search_standardfts USING fts5(
    ident, title_zh, title_en, title_other, zh_pieces, other,
    tokenize = 'porter unicode61 remove_diacritics 2'
)
"""
SQLITE_DROP = "DROP TABLE IF EXISTS search_standardfts"

PG_CREATE = [
    "ALTER TABLE search_searchdoc ADD COLUMN IF NOT EXISTS document tsvector",
    "CREATE INDEX IF NOT EXISTS search_doc_document_gin ON search_searchdoc USING gin (document)",
]
PG_DROP = [
    "DROP INDEX IF EXISTS search_doc_document_gin",
    "ALTER TABLE search_searchdoc DROP COLUMN IF EXISTS document",
]


def create(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_CREATE)
    elif vendor == "postgresql":
        for sql in PG_CREATE:
            schema_editor.execute(sql)


def drop(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(SQLITE_DROP)
    elif vendor == "postgresql":
        for sql in PG_DROP:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_searchdoc")]
    operations = [migrations.RunPython(create, drop)]
