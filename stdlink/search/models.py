"""The search document: one row per standard, denormalised for ranking, facets and hit display.

The text index itself lives beside it and is backend-specific (an FTS5 virtual table on SQLite,
a tsvector column with a GIN index on PostgreSQL); both are created by migration 0002.
"""

from __future__ import annotations

from django.db import models


class RowIdField(models.BigIntegerField):
    """A 64-bit key that on SQLite is declared `integer` so that it is the table's rowid: a hit
    then costs one B-tree look-up, not two (`bigint PRIMARY KEY` is a separate index there)."""

    def db_type(self, connection) -> str | None:
        if connection.vendor == "sqlite":
            return "integer"
        return super().db_type(connection)


class SearchDoc(models.Model):
    # Same id as catalog.Standard (and the FTS5 rowid); no FK so that the index can be dropped
    # and rebuilt without touching the catalogue, and deletes are handled by the indexer.
    id = RowIdField(primary_key=True)
    identifier = models.CharField(max_length=255)
    key = models.CharField(max_length=255, db_index=True)
    work_key = models.CharField(max_length=255, db_index=True)
    publisher = models.CharField(max_length=32, db_index=True)
    title_zh = models.TextField(blank=True)
    title_en = models.TextField(blank=True)
    title_other = models.TextField(blank=True)
    # Lower-case title words joined by single spaces (phrase tier), and the same with no spaces
    # at all (phrase tier for Chinese, where spacing is not meaningful).
    title_norm = models.TextField(blank=True)
    title_compact = models.TextField(blank=True)
    status = models.CharField(max_length=12)
    status_rank = models.PositiveSmallIntegerField()
    year = models.PositiveSmallIntegerField(null=True)
    body = models.CharField(max_length=32)
    doctype = models.CharField(max_length=64, blank=True)
    committee = models.CharField(max_length=255, blank=True)  # top level: ISO/TC 176
    committee_path = models.CharField(max_length=255, blank=True)  # as stored: ISO/TC 176/SC 2
    ics_fields = models.CharField(max_length=200, blank=True)  # " 03 11 " (padded)
    # 0 a base document (an edition, or a consolidated version), 1 a derivative version of one
    # (redline, commented, series package), 2 a supplement (amendment, corrigendum, ISH).
    version_rank = models.PositiveSmallIntegerField(default=0)
    prior = models.FloatField(default=0.0)

    class Meta:
        indexes = [
            models.Index(fields=["publisher", "work_key"], name="search_pub_work"),
            models.Index(fields=["committee"], name="search_committee"),
            models.Index(fields=["committee_path"], name="search_committee_path"),
        ]

    def __str__(self) -> str:
        return self.identifier
