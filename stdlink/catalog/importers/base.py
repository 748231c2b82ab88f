"""What every catalogue importer shares: the transactional batch runner and the writer.

- `BatchRunner.run(fn)` creates the `ImportBatch` row (outside the transaction, so a failed batch
  is still on record), runs `fn(runner, writer)` inside one `transaction.atomic()`, and either
  commits (then sends `standards_changed` with `transaction.on_commit`) or rolls everything
  back and raises `ImportFailed` with the located errors (file, record index, field).
- `Writer.write(records, source)` upserts neutral `Record`s: standards on `uid` (bulk
  `INSERT ... ON CONFLICT DO UPDATE`), their titles, dates, ICS/CCS and committee links and
  relations (bulk inserts), and one `SourceRecord` per source document. Bodies, committees and
  ICS/CCS codes are cached by code and created on first sight.
- `Writer.finish()` resolves relation targets (also earlier dangling ones) and marks withdrawn
  standards that a newer one replaces as `replaced`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from stdlink.catalog.importers.record import MAPPER_VERSION, Record

MAX_ERRORS = 50
MAX_WARNINGS = 500
_SQL_CHUNK = 5000


class ImportFailed(Exception):  # noqa: N818 - the name the other apps call
    """A batch was rolled back. `errors` lists {file, record, locator, field, message}."""

    def __init__(self, message: str, errors: list[dict] | None = None, batch=None):
        super().__init__(message)
        self.message = message
        self.errors = errors or []
        self.batch = batch


class _Rollback(Exception):  # noqa: N818
    pass


def content_hash(raw: bytes) -> str:
    """sha1 of the mapper version and the raw bytes: unchanged input → skipped on re-import."""
    return hashlib.sha1(MAPPER_VERSION.encode() + b"\0" + raw, usedforsecurity=False).hexdigest()


def describe(e: dict) -> str:
    rec = "" if e.get("record") is None else f"，第 {e['record']} 条记录 / record {e['record']}"
    loc = f" ({e['locator']})" if e.get("locator") and "#" not in str(e["locator"]) else ""
    return f"{e['file']}{rec}{loc}，字段 / field {e['field']}: {e['message']}"


class BatchRunner:
    def __init__(
        self,
        source: str,
        files: list[str],
        *,
        skip_invalid: bool = False,
        acting_user=None,
        progress: bool = False,
        resolve: bool = True,
    ):
        self.source = source
        self.resolve = resolve  # resolve relations after the batch (not for ICS/CCS tables)
        self.files = files
        self.skip_invalid = skip_invalid
        self.acting_user = acting_user
        self.progress = progress
        self.errors: list[dict] = []
        self.warnings: list[dict] = []
        self.warning_count = 0
        self.read = 0
        self.unchanged = 0
        self.skipped = 0
        self.stats: dict[str, Any] = {}
        self.timings: dict[str, float] = {}
        self.batch = None

    @property
    def failed(self) -> bool:
        return bool(self.errors) and not self.skip_invalid

    @property
    def stop(self) -> bool:
        """Stop reading: enough errors to report for a batch that will be rolled back."""
        return self.failed and len(self.errors) >= MAX_ERRORS

    def error(
        self, file: str, record: int | None, field: str, message: str, locator: str = ""
    ) -> None:
        if len(self.errors) < MAX_ERRORS * 20:
            self.errors.append(
                {
                    "file": file,
                    "record": record,
                    "locator": locator,
                    "field": field,
                    "message": message,
                }
            )
        if record is not None:
            self.skipped += 1

    def warn(
        self, file: str, record: int | None, field: str, message: str, locator: str = ""
    ) -> None:
        self.warning_count += 1
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(
                {
                    "file": file,
                    "record": record,
                    "locator": locator,
                    "field": field,
                    "message": message,
                }
            )

    def bump(self, name: str, n: int = 1, source: str | None = None) -> None:
        if source:
            per = self.stats.setdefault("sources", {}).setdefault(source, {})
            per[name] = per.get(name, 0) + n
        else:
            self.stats[name] = self.stats.get(name, 0) + n

    def run(self, fn: Callable[[BatchRunner, Writer], None]):
        from stdlink.catalog.models import ImportBatch
        from stdlink.catalog.signals import standards_changed

        batch = ImportBatch.objects.create(
            source=self.source, files=self.files, user=self.acting_user
        )
        self.batch = batch
        t0 = time.perf_counter()
        try:
            with transaction.atomic():
                writer = Writer(self, batch)
                fn(self, writer)
                if self.failed:
                    raise _Rollback
                if self.resolve:
                    t1 = time.perf_counter()
                    writer.finish()
                    self.timings["resolve"] = round(time.perf_counter() - t1, 3)
                self._fill(batch, writer, ImportBatch.State.SUCCEEDED, t0)
                batch.save()
                ids = sorted(writer.changed_ids)
                if ids:
                    transaction.on_commit(
                        lambda: standards_changed.send(
                            sender=ImportBatch, standard_ids=ids, batch=batch
                        )
                    )
        except _Rollback:
            self._fail(batch, t0)
            head = describe(self.errors[0])
            more = len(self.errors) - 1
            tail = f"（另有 {more} 处错误 / and {more} more)" if more else ""
            raise ImportFailed(
                f"导入已回滚，未保存任何数据 / import rolled back, nothing stored: {head}{tail}",
                self.errors,
                batch,
            ) from None
        except ImportFailed:
            self._fail(batch, t0)
            raise
        except (Exception, KeyboardInterrupt) as exc:  # rolled back: record why, then re-raise
            field = "(interrupted)" if isinstance(exc, KeyboardInterrupt) else "(internal)"
            self.errors.append(
                {
                    "file": ",".join(self.files),
                    "record": None,
                    "locator": "",
                    "field": field,
                    "message": f"{type(exc).__name__}: {exc}",
                }
            )
            self._fail(batch, t0)
            raise
        return batch

    def _fill(self, batch, writer, state, t0) -> None:
        batch.state = state
        batch.finished = timezone.now()
        batch.read = self.read
        batch.created_count = writer.created if writer else 0
        batch.updated_count = writer.updated if writer else 0
        batch.unchanged_count = self.unchanged
        batch.skipped_count = self.skipped
        batch.errors = self.errors
        batch.warnings = self.warnings
        stats = dict(self.stats)
        if writer:
            stats.update(writer.stats())
        stats["warnings_total"] = self.warning_count
        batch.stats = stats
        self.timings["total"] = round(time.perf_counter() - t0, 3)
        batch.timings = self.timings

    def _fail(self, batch, t0) -> None:
        from stdlink.catalog.models import ImportBatch

        self._fill(batch, None, ImportBatch.State.FAILED, t0)
        batch.created_count = batch.updated_count = 0
        batch.save()


def to_json(value: Any) -> str:
    """JSON text for a JSON column (workers pre-encode; see worker.parse_one)."""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _executemany(sql: str, rows: list[tuple]) -> None:
    """Run one statement per row; on PostgreSQL, `INSERT ... VALUES (...)` statements become a
    COPY (one round trip, no per-row statement parsing)."""
    if not rows:
        return
    head, sep, values = sql.partition(" VALUES ")
    if sep and head.lstrip().upper().startswith("INSERT") and connection.vendor == "postgresql":
        _insert_multirow(head, values.strip(), rows)
        return
    with connection.cursor() as cur:
        for i in range(0, len(rows), _SQL_CHUNK):
            cur.executemany(sql, rows[i : i + _SQL_CHUNK])


def _insert_multirow(head: str, row_sql: str, rows: list[tuple]) -> None:
    """PostgreSQL: `COPY table (cols) FROM STDIN` (text format: JSON text goes into jsonb)."""
    table_cols = head.strip()[len("INSERT INTO ") :]
    with connection.cursor() as cur:
        with cur.cursor.copy(f"COPY {table_cols} FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)


def _delete_in(table: str, column: str, ids: list[int]) -> None:
    if not ids:
        return
    with connection.cursor() as cur:
        for i in range(0, len(ids), 900):
            part = ids[i : i + 900]
            cur.execute(
                f"DELETE FROM {table} WHERE {column} IN ({','.join(['%s'] * len(part))})", part
            )


def own_body(source: str) -> str:
    from stdlink.catalog.importers.relaton.mapper import source_defaults

    if source == "cn-list":
        return ""
    return source_defaults(source)[0]


class Writer:
    """Bulk upsert of neutral records (see module docstring)."""

    def __init__(self, runner: BatchRunner, batch):
        from stdlink.catalog.models import CCS, ICS, Body, Committee

        self.runner = runner
        self.batch = batch
        self.bodies: dict[str, Any] = {b.code: b for b in Body.objects.all()}
        self.body_codes = {b.id: b.code for b in self.bodies.values()}
        self.committees: dict[str, tuple[int, bool]] = {
            code: (pk, bool(en or zh))
            for pk, code, en, zh in Committee.objects.values_list(
                "id", "code", "name_en", "name_zh"
            )
        }
        self.ics: dict[str, int] = dict(ICS.objects.values_list("code", "id"))
        self.ccs: dict[str, int] = dict(CCS.objects.values_list("code", "id"))
        self.created = 0
        self.updated = 0
        self.merged = 0
        self.relations = 0
        self.bodies_created: list[str] = []
        self.committees_created = 0
        self.ics_created = 0
        self.changed_ids: set[int] = set()
        self.created_ids: set[int] = set()
        self.timing = {"write": 0.0}
        from stdlink.catalog.models import Standard

        self._fields = {f.name: f for f in Standard._meta.concrete_fields}
        self._now = self._fields["updated"].get_db_prep_save(timezone.now(), connection)
        self._prep_date = self._fields["published"].get_db_prep_save
        self._previous_standard: dict[int, int | None] = {}
        self.moved_from: set[int] = set()
        self.orphans_deleted = 0

    # --- caches --------------------------------------------------------------------------
    def body_for(self, rec: Record, source: str, default: str) -> Any:
        for code in (rec.publisher, rec.pubid_body):
            if code and code in self.bodies:
                return self.bodies[code]
        code = rec.pubid_body or rec.publisher
        if not code:
            code = default
        if code in self.bodies:
            return self.bodies[code]
        return self._create_body(code, default)

    def _create_body(self, code: str, like: str, **fields) -> Any:
        from stdlink.catalog.models import Body

        model = self.bodies.get(like)
        defaults = {
            "kind": model.kind if model else Body.Kind.INTERNATIONAL,
            "country": model.country if model else "",
            "builtin": False,
        }
        defaults.update(fields)
        body, _ = Body.objects.get_or_create(code=code[:32], defaults=defaults)
        self.bodies[body.code] = body
        self.body_codes[body.id] = body.code
        self.bodies_created.append(body.code)
        return body

    def committee_id(self, path: list, body) -> int | None:
        from stdlink.catalog.models import Committee

        parent_id = None
        for node in path:
            hit = self.committees.get(node.code)
            if hit is None:
                first = node.code.split("/", 1)[0]
                cbody = self.bodies.get(first, body)
                obj = Committee.objects.create(
                    body=cbody,
                    code=node.code,
                    kind=node.kind,
                    number=node.number,
                    name_en=node.name_en,
                    name_zh=node.name_zh,
                    parent_id=parent_id,
                    secretariat=node.secretariat,
                )
                hit = (obj.id, bool(node.name_en or node.name_zh))
                self.committees[node.code] = hit
                self.committees_created += 1
            elif not hit[1] and (node.name_en or node.name_zh):
                Committee.objects.filter(id=hit[0]).update(
                    **{k: v for k, v in (("name_en", node.name_en), ("name_zh", node.name_zh)) if v}
                )
                hit = (hit[0], True)
                self.committees[node.code] = hit
            parent_id = hit[0]
        return parent_id

    def ics_id(self, code: str, text: str = "") -> int:
        from stdlink.catalog.models import ICS

        pk = self.ics.get(code)
        if pk is not None:
            return pk
        parts = code.split(".")
        parent = self.ics_id(".".join(parts[:-1])) if len(parts) > 1 else None
        obj = ICS.objects.create(
            code=code,
            level=min(len(parts), 3),
            parent_id=parent,
            name_en=text[:400],
            from_record=True,
        )
        self.ics[code] = obj.id
        self.ics_created += 1
        return obj.id

    def ccs_id(self, code: str) -> int:
        from stdlink.catalog.models import CCS

        pk = self.ccs.get(code)
        if pk is None:
            obj = CCS.objects.create(code=code, level=3 if len(code) == 3 else 1, from_record=True)
            pk = self.ccs[code] = obj.id
        return pk

    # --- writing -------------------------------------------------------------------------
    _STD_COLS = (
        "identifier",
        "key",
        "work_key",
        "body_id",
        "doctype",
        "title_zh",
        "title_en",
        "title_other",
        "title_other_lang",
        "status",
        "stage",
        "published",
        "year",
        "committee_id",
        "nature",
        "edition",
        "languages",
        "links",
        "abstract",
        "abstract_lang",
        "extra",
        "source",
        "content_hash",
        "updated",
    )

    _JSON_COLS = frozenset({"languages", "links", "extra"})

    def _placeholders(self) -> list[str]:
        pg = connection.vendor == "postgresql"
        return ["%s::jsonb" if pg and c in self._JSON_COLS else "%s" for c in self._STD_COLS]

    def _std_values(self, r: Record, body_id: int, committee_id: int | None, source: str) -> tuple:
        return (
            r.identifier,
            r.key,
            r.work_key,
            body_id,
            r.doctype,
            r.title_zh,
            r.title_en,
            r.title_other,
            r.title_other_lang,
            r.status,
            r.stage,
            self._prep_date(r.published, connection),
            r.year,
            committee_id,
            r.nature,
            r.edition,
            to_json(r.languages),
            to_json(r.links),
            r.abstract,
            r.abstract_lang,
            to_json(r.extra),
            source,
            r.content_hash,
            self._now,
        )

    def write(self, recs: list[Record], source: str, *, file: str = "") -> None:
        from stdlink.catalog.models import SourceRecord, Standard

        if not recs:
            return
        t0 = time.perf_counter()
        default = own_body(source) or (recs[0].pubid_body or "")
        body_of = [self.body_for(r, source, default) for r in recs]
        uids = list({r.uid for r in recs})
        existing: dict[str, tuple[int, str, int]] = {}
        for i in range(0, len(uids), 900):
            for uid, pk, src, body_id in Standard.objects.filter(
                uid__in=uids[i : i + 900]
            ).values_list("uid", "id", "source", "body_id"):
                existing[uid] = (pk, src, body_id)

        def rank(src: str, body_code: str) -> int:
            # the publisher's own source wins the fields; a superseded copy of a source
            # (itu-r-legacy under itu-r) never does, whatever the import order
            if src.endswith("-legacy"):
                return 0
            return 2 if own_body(src) == body_code else 1

        holder: dict[str, tuple[int, int]] = {}  # uid → (rank, position in recs)
        for uid, (_, src, body_id) in existing.items():
            holder[uid] = (rank(src, self.body_codes.get(body_id, "")), -1)
        for pos, r in enumerate(recs):
            rk = rank(source, body_of[pos].code)
            cur = holder.get(r.uid)
            if cur is None or rk >= cur[0]:
                holder[r.uid] = (rk, pos)
        winners = {uid: pos for uid, (_, pos) in holder.items() if pos >= 0}

        rows_new, rows_old = [], []
        for uid, pos in winners.items():
            r, body = recs[pos], body_of[pos]
            committee_id = None
            for n, path in enumerate(r.committees):
                cid = self.committee_id(path, body)
                if n == 0:
                    committee_id = cid
            values = self._std_values(r, body.id, committee_id, source)
            if uid in existing:
                rows_old.append((*values, existing[uid][0]))
            else:
                rows_new.append((uid, *values, self._now))
        t_std = Standard._meta.db_table
        cols = ", ".join(self._STD_COLS)
        ph = self._placeholders()
        _executemany(
            f"INSERT INTO {t_std} (uid, {cols}, created) VALUES (%s, {', '.join(ph)}, %s)", rows_new
        )
        _executemany(
            f"UPDATE {t_std} SET "
            f"{', '.join(f'{c} = {p}' for c, p in zip(self._STD_COLS, ph, strict=True))}"
            " WHERE id = %s",
            rows_old,
        )
        ids = {uid: existing[uid][0] for uid in winners if uid in existing}
        new_uids = [row[0] for row in rows_new]
        for i in range(0, len(new_uids), 900):
            ids.update(
                Standard.objects.filter(uid__in=new_uids[i : i + 900]).values_list("uid", "id")
            )

        # counts
        for uid in winners:
            pk = ids[uid]
            self.changed_ids.add(pk)
            if uid not in existing:
                self.created += 1
                self.created_ids.add(pk)
            elif pk in self.created_ids:
                self.merged += 1
            else:
                self.updated += 1
        self.merged += len(recs) - len(winners)

        # children: replace those of standards that existed before this chunk
        old = [ids[u] for u in winners if u in existing]
        self._replace_children(
            old, [(ids[uid], recs[pos], body_of[pos]) for uid, pos in winners.items()]
        )

        # one SourceRecord per document (winners and the records merged into them)
        t_src = SourceRecord._meta.db_table
        locs = list({r.locator[:255] for r in recs})
        have: dict[str, int] = {}
        for i in range(0, len(locs), 900):
            for loc, pk, std_id in SourceRecord.objects.filter(
                source=source, locator__in=locs[i : i + 900]
            ).values_list("locator", "id", "standard_id"):
                have[loc] = pk
                self._previous_standard[pk] = std_id
        ins, upd, done = [], [], set()
        for r in reversed(recs):  # the last document wins a repeated locator
            loc = r.locator[:255]
            if loc in done:
                continue
            done.add(loc)
            sid = ids.get(r.uid) or existing[r.uid][0]
            if loc in have:
                upd.append((r.format, r.raw, r.content_hash, sid, self.batch.id, have[loc]))
                before = self._previous_standard.pop(have[loc], None)
                if before is not None and before != sid:
                    self.moved_from.add(before)  # the document now maps to another uid
            else:
                ins.append((source, loc, r.format, r.raw, r.content_hash, sid, self.batch.id))
        _executemany(
            f"INSERT INTO {t_src} (source, locator, format, raw, content_hash, "
            "standard_id, batch_id) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            ins,
        )
        _executemany(
            f"UPDATE {t_src} SET format = %s, raw = %s, content_hash = %s, "
            "standard_id = %s, batch_id = %s WHERE id = %s",
            upd,
        )
        for r in recs:
            for field, message in r.warnings:
                self.runner.warn(file, r.index, field, message, r.locator)
            if r.key_fallbacks:
                self.runner.bump("key_fallbacks", r.key_fallbacks, source)
        self.timing["write"] += time.perf_counter() - t0

    def _replace_children(self, old_ids: list[int], rows: Iterable[tuple[int, Record, Any]]):
        from stdlink.catalog.models import Relation, Standard, StandardDate, Title

        t_title = Title._meta.db_table
        t_date = StandardDate._meta.db_table
        t_rel = Relation._meta.db_table
        m_ics = Standard.ics.through._meta.db_table
        m_ccs = Standard.ccs.through._meta.db_table
        m_com = Standard.committees.through._meta.db_table
        if old_ids:
            for table in (t_title, t_date, m_ics, m_ccs, m_com):
                _delete_in(table, "standard_id", old_ids)
            _delete_in(t_rel, "source_id", old_ids)
        titles, dates, rels, ics, ccs, coms = [], [], [], [], [], []
        prep_date = self._fields["published"].get_db_prep_save
        for pk, r, _body in rows:
            titles.extend((pk, lg, sc, tp, tx) for lg, sc, tp, tx in r.titles)
            dates.extend((pk, tp, prep_date(v, connection), raw) for tp, v, raw in r.dates)
            seen = set()
            for code, text in r.ics:
                iid = self.ics_id(code, text)
                if iid not in seen:
                    seen.add(iid)
                    ics.append((pk, iid))
            for code in dict.fromkeys(r.ccs):
                ccs.append((pk, self.ccs_id(code)))
            cseen = set()
            for path in r.committees:
                cid = self.committees[path[-1].code][0]
                if cid not in cseen:
                    cseen.add(cid)
                    coms.append((pk, cid))
            own = r.uid
            for rel in r.relations:
                if rel.target_key in (own, r.key):
                    self.runner.bump("self_relations_skipped")
                    continue
                rels.append(
                    (
                        pk,
                        rel.type,
                        rel.target_identifier,
                        rel.target_key,
                        rel.degree,
                        rel.raw_type,
                        rel.raw_description,
                        rel.corrected,
                    )
                )
        _executemany(
            f"INSERT INTO {t_title} (standard_id, language, script, type, text) "
            "VALUES (%s, %s, %s, %s, %s)",
            titles,
        )
        _executemany(
            f"INSERT INTO {t_date} (standard_id, type, value, raw) VALUES (%s, %s, %s, %s)", dates
        )
        _executemany(f"INSERT INTO {m_ics} (standard_id, ics_id) VALUES (%s, %s)", ics)
        _executemany(f"INSERT INTO {m_ccs} (standard_id, ccs_id) VALUES (%s, %s)", ccs)
        _executemany(f"INSERT INTO {m_com} (standard_id, committee_id) VALUES (%s, %s)", coms)
        _executemany(
            f"INSERT INTO {t_rel} (source_id, type, target_identifier, target_key, "
            "degree, raw_type, raw_description, corrected) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            rels,
        )
        self.relations += len(rels)

    # --- after the last record -----------------------------------------------------------
    def finish(self) -> None:
        """Drop standards left without any source document (their documents now map to
        another uid, e.g. after a mapping change), resolve relation targets (new and earlier
        dangling ones) and derive `replaced`."""
        from stdlink.catalog.models import Relation, Standard

        if self.moved_from:
            orphans = list(
                Standard.objects.filter(
                    id__in=self.moved_from, source_records__isnull=True
                ).values_list("id", flat=True)
            )
            for i in range(0, len(orphans), 900):
                Standard.objects.filter(id__in=orphans[i : i + 900]).delete()
            self.orphans_deleted = len(orphans)
            self.changed_ids.update(orphans)  # receivers drop ids that no longer exist

        rel, std = Relation._meta.db_table, Standard._meta.db_table
        with connection.cursor() as cur:
            if connection.vendor == "postgresql":
                # Fresh bulk-loaded tables have no planner statistics: without them PostgreSQL
                # picks nested sequential scans for the joins below (minutes instead of seconds).
                cur.execute(f"ANALYZE {std}")
                cur.execute(f"ANALYZE {rel}")
                cur.execute(
                    f"UPDATE {rel} r SET target_id = s.id FROM {std} s "
                    f"WHERE r.target_id IS NULL AND s.uid = r.target_key"
                )
                by_uid = cur.rowcount
                cur.execute(
                    f"UPDATE {rel} r SET target_id = m.id FROM (SELECT key, MIN(id) AS id "
                    f"FROM {std} GROUP BY key) m "
                    f"WHERE r.target_id IS NULL AND m.key = r.target_key"
                )
            else:
                cur.execute(
                    f"UPDATE {rel} SET target_id = (SELECT s.id FROM {std} s "
                    f"WHERE s.uid = {rel}.target_key) "
                    f"WHERE target_id IS NULL AND target_key IN (SELECT uid FROM {std})"
                )
                by_uid = cur.rowcount
                cur.execute(
                    f"UPDATE {rel} SET target_id = (SELECT MIN(s.id) FROM {std} s "
                    f"WHERE s.key = {rel}.target_key) "
                    f"WHERE target_id IS NULL AND target_key IN (SELECT key FROM {std})"
                )
            self.resolved = by_uid + cur.rowcount
            replaced_sql = (
                f"SELECT r.target_id FROM {rel} r JOIN {std} s ON s.id = r.source_id "
                f"WHERE r.type = 'replaces' AND r.target_id IS NOT NULL "
                f"AND s.status NOT IN ('draft', 'upcoming') "
                f"UNION SELECT r.source_id FROM {rel} r JOIN {std} t ON t.id = r.target_id "
                f"WHERE r.type = 'replaced_by' AND t.status NOT IN ('draft', 'upcoming')"
            )
            cur.execute(
                f"SELECT id FROM {std} WHERE status IN ('withdrawn', 'unknown') "
                f"AND id IN ({replaced_sql})"
            )
            newly = [row[0] for row in cur.fetchall()]
        for i in range(0, len(newly), 900):
            Standard.objects.filter(id__in=newly[i : i + 900]).update(status="replaced")
        self.replaced = len(newly)
        self.changed_ids.update(newly)

    def stats(self) -> dict:
        return {
            "standards_created": self.created,
            "standards_updated": self.updated,
            "records_merged": self.merged,
            "relations_stored": self.relations,
            "relations_resolved": getattr(self, "resolved", 0),
            "status_replaced_derived": getattr(self, "replaced", 0),
            "bodies_created": self.bodies_created,
            "committees_created": self.committees_created,
            "ics_created": self.ics_created,
            "orphans_deleted": self.orphans_deleted,
            "write_s": round(self.timing["write"], 3),
        }
