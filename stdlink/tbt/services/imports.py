"""Storing parsed notifications: idempotent on the symbol, transactional, audited.

- A record from a second source for the same symbol fills what the first left empty and
  overrides what it states anew (a form and the ePing export of one notification merge).
- An addendum, revision or corrigendum is linked to its base (whichever arrives first) and
  updates it: a new comment deadline extends the base's, an adoption or withdrawal changes
  the base's status; what changed is kept on the addendum (``changes``) for the chain timeline.
- Cited standards are linked to catalogue records by pubid work key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils import timezone

from stdlink.core.services.audit import log_change
from stdlink.tbt.parsers import Notification as Record
from stdlink.tbt.parsers import TbtParseError, parse_bytes


@dataclass
class ImportResult:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def symbols(self) -> list[str]:
        return [*self.created, *self.updated, *self.unchanged]


def parse_files(files: list[tuple[str, bytes]], reference=None) -> list[Record]:
    """Parse every file first: one bad file stops the import before anything is stored."""
    from .reference import db_reference

    ref = reference or db_reference()
    records: list[Record] = []
    for name, data in files:
        records.extend(parse_bytes(data, name, reference=ref))
    return records


def _date_fields(rec: Record) -> dict:
    out: dict = {}
    dist = rec.dates.get("distribution")
    if dist:
        out["distribution_date"] = dist.date if dist.precision == "day" else None
        out["distribution_raw"] = dist.raw[:100]
    for key, name in (
        ("proposed_adoption", "proposed_adoption"),
        ("proposed_entry_into_force", "proposed_entry_into_force"),
    ):
        v = rec.dates.get(key)
        if v:
            out[f"{name}_date" if name == "proposed_adoption" else name] = v.date
            out[f"{name}_precision"] = v.precision or ""
            out[f"{name}_raw"] = v.raw
    cd = rec.dates.get("comment_deadline")
    if cd:
        out["comment_deadline"] = cd.date
        out["comment_deadline_raw"] = cd.raw
        out["comment_deadline_rule"] = cd.rule or ""
    return out


def _values(rec: Record) -> dict:
    v = {
        "kind": rec.kind,
        "kind_number": rec.kind_number,
        "base_symbol": rec.base_symbol or "",
        "root_symbol": rec.root_symbol or rec.symbol,
        "member_text": (rec.member or "")[:255],
        "agency": rec.agency or "",
        "article": (rec.article or "")[:100],
        "products_text": rec.products_text or "",
        "hs_text": rec.hs_codes,
        "ics_text": rec.ics_codes,
        "title": rec.title or "",
        "language": (rec.language or "")[:100],
        "description": rec.description or "",
        "objective_text": rec.objective or "",
        "objectives": rec.objectives,
        "related_symbols": rec.related_symbols,
        "measure_type": rec.measure_type,
        "stage": rec.stage,
        "addendum_reasons": rec.addendum_reasons,
        "text_language": rec.text_language or "",
        "source": rec.source[:500],
        "source_format": rec.source_format,
        "source_url": (rec.source_url or "")[:500]
        if (rec.source_url or "").startswith(("http://", "https://"))
        else "",
        "external_id": rec.external_id or "",
        **_date_fields(rec),
    }
    return v


def _empty(value) -> bool:
    return value in (None, "", [], {})


def _snapshot(obj) -> dict:
    keys = (
        "title",
        "comment_deadline",
        "status",
        "proposed_adoption_date",
        "proposed_entry_into_force",
        "products_text",
    )
    return {
        k: (getattr(obj, k).isoformat() if isinstance(getattr(obj, k), date) else getattr(obj, k))
        for k in keys
    }


def status_for(n, today: date | None = None, amendments=None) -> str:
    """open / closed / adopted / withdrawn from the notification and its amendments
    (``amendments``: the already loaded amendment rows, else they are queried)."""
    today = today or timezone.localdate()
    if n.kind in ("addendum", "corrigendum", "supplement") and n.base_id:
        return n.base.status
    reasons = set()
    for a in n.amendments.all() if amendments is None else amendments:
        reasons.update(a.addendum_reasons or [])
    if "withdrawn" in reasons and "adopted" not in reasons:
        return "withdrawn"
    if "adopted" in reasons or n.stage == "adopted":
        return "adopted"
    if n.comment_deadline and n.comment_deadline >= today:
        return "open"
    if (
        n.comment_deadline is None
        and n.distribution_date
        and (today - n.distribution_date).days <= 60
    ):
        return "open"
    return "closed"


def _apply_amendment(base, amendment) -> dict:
    """What ``amendment`` changes on ``base``; applies it and returns {field: [before, after]}."""
    changes: dict = {}
    if amendment.kind == "revision":
        return {"replaces": base.symbol}
    if amendment.comment_deadline and amendment.comment_deadline != base.comment_deadline:
        before = (
            base.comment_deadline.isoformat()
            if base.comment_deadline
            else base.comment_deadline_raw or None
        )
        changes["comment_deadline"] = [before, amendment.comment_deadline.isoformat()]
        base.comment_deadline = amendment.comment_deadline
        base.comment_deadline_raw = amendment.comment_deadline_raw
        base.comment_deadline_rule = amendment.comment_deadline_rule
    for reason in amendment.addendum_reasons or []:
        if reason in ("adopted", "withdrawn"):
            changes["status"] = [base.status, reason]
    if amendment.title and amendment.title != base.title and amendment.kind == "corrigendum":
        changes["title"] = [base.title, amendment.title]
    return changes


@transaction.atomic
def import_records(
    records: list[Record], *, acting_user=None, today: date | None = None
) -> ImportResult:
    from stdlink.catalog.models import ICS, Standard
    from stdlink.tbt.models import (
        CitedStandard,
        Country,
        Notification,
        NotificationHs,
        NotificationIcs,
    )

    result = ImportResult()
    touched_roots: set[str] = set()
    countries = {c.code: c for c in Country.objects.all()}
    for rec in records:
        values = _values(rec)
        obj = Notification.objects.filter(symbol=rec.symbol).first()
        if obj is None:
            obj = Notification(symbol=rec.symbol, **values)
            obj.save()
            before = None
            result.created.append(rec.symbol)
        else:
            before = _snapshot(obj)
            changed = False
            for k, v in values.items():
                if not _empty(v) and getattr(obj, k) != v:
                    setattr(obj, k, v)
                    changed = True
            if changed:
                obj.save()
                result.updated.append(rec.symbol)
            else:
                result.unchanged.append(rec.symbol)
        # members
        member_objs = []
        for m in rec.members:
            c = countries.get(m.iso3)
            if c is None:
                c, _ = Country.objects.get_or_create(
                    code=m.iso3,
                    defaults={
                        "name_zh": m.name_zh,
                        "name_en": m.name_en,
                        "wto_member": m.wto_member,
                        "bri": m.bri,
                    },
                )
                countries[c.code] = c
            member_objs.append(c)
        if member_objs:
            if before is None:
                obj.members.add(*member_objs)
            else:
                obj.members.set(member_objs)
        if rec.hs:
            has_notified = any(not h.inferred for h in rec.hs)
            existing_notified = before is not None and obj.hs_codes.filter(inferred=False).exists()
            if has_notified or not existing_notified:
                if before is not None:
                    obj.hs_codes.all().delete()
                NotificationHs.objects.bulk_create(
                    NotificationHs(
                        notification=obj,
                        raw=h.raw[:40],
                        digits=h.digits[:16],
                        hs2=h.hs2,
                        hs4=h.hs4 or "",
                        hs6=h.hs6 or "",
                        inferred=h.inferred,
                        via=h.via or "",
                    )
                    for h in rec.hs
                )
        if rec.ics:
            has_notified = any(not i.inferred for i in rec.ics)
            if has_notified or not (
                before is not None and obj.ics_codes.filter(inferred=False).exists()
            ):
                if before is not None:
                    obj.ics_codes.all().delete()
                ics_rows = {
                    i.code: i for i in ICS.objects.filter(code__in=[x.code for x in rec.ics])
                }
                NotificationIcs.objects.bulk_create(
                    NotificationIcs(
                        notification=obj,
                        code=i.code,
                        ics=ics_rows.get(i.code),
                        inferred=i.inferred,
                        via=i.via or "",
                    )
                    for i in rec.ics
                )
        if rec.cited_standards:
            if before is not None:
                obj.cited_standards.all().delete()
            by_key = {}
            for s in Standard.objects.filter(
                work_key__in=[c.work_key for c in rec.cited_standards]
            ).order_by("-id"):
                by_key.setdefault(s.work_key, s)
            CitedStandard.objects.bulk_create(
                CitedStandard(
                    notification=obj,
                    raw=c.raw[:200],
                    normalized=c.normalized[:200],
                    work_key=c.work_key[:200],
                    parsed=c.parsed,
                    standard=by_key.get(c.work_key),
                )
                for c in rec.cited_standards
            )
        log_change(
            acting_user=acting_user,
            obj=obj,
            action="create" if before is None else "update",
            before=before,
            after=_snapshot(obj),
            note=f"import {rec.source_format}: {rec.source}"[:255],
        )
        touched_roots.add(obj.root_symbol)
    _link_chains(touched_roots, today=today)
    ids = list(
        Notification.objects.filter(symbol__in=result.created + result.updated).values_list(
            "pk", flat=True
        )
    )
    if ids:
        from stdlink import jobs

        # matching runs as a job once this import commits (the queue gets only the ids)
        jobs.enqueue(
            "tbt.match",
            ids,
            getattr(acting_user, "pk", None),
            owner=acting_user,
            title=f"TBT matching: {len(ids)} notifications",
            total=len(ids),
        )
    return result


def _marker(dirty: dict[int, set[str]]):
    def mark(n, *fields):
        dirty.setdefault(n.pk, set()).update(fields)

    return mark


def _link_chains(roots: set[str], *, today: date | None = None) -> None:
    """Link every notification of the touched chains to its base, replay the amendments in
    order and set the statuses (the chains are loaded in one query)."""
    from stdlink.tbt.models import Notification

    chains: dict[str, list] = {}
    roots = list(roots)
    for i in range(0, len(roots), 500):
        for n in Notification.objects.filter(root_symbol__in=roots[i : i + 500]):
            chains.setdefault(n.root_symbol, []).append(n)
    for chain in chains.values():
        by_symbol = {n.symbol: n for n in chain}
        dirty: dict[int, set[str]] = {}
        mark = _marker(dirty)

        for n in chain:
            base = by_symbol.get(n.base_symbol) if n.base_symbol else None
            if base is not None and n.base_id != base.pk:
                n.base = base
                mark(n, "base")
        ordered = sorted(
            chain,
            key=lambda n: (n.distribution_date or date.min, n.kind != "new", n.kind_number or 0),
        )
        amendments: dict[str, list] = {}
        for n in ordered:
            if n.base_symbol in by_symbol:
                base = by_symbol[n.base_symbol]
                amendments.setdefault(base.symbol, []).append(n)
                before = (
                    base.comment_deadline,
                    base.comment_deadline_raw,
                    base.comment_deadline_rule,
                )
                # the first recorded change stays (re-importing must not turn "before" into "after")
                changes = {**_apply_amendment(base, n), **(n.changes or {})}
                if changes != n.changes:
                    n.changes = changes
                    mark(n, "changes")
                if (
                    base.comment_deadline,
                    base.comment_deadline_raw,
                    base.comment_deadline_rule,
                ) != before:
                    mark(base, "comment_deadline", "comment_deadline_raw", "comment_deadline_rule")
        for n in ordered:
            if n.kind in ("new", "revision") or not n.base_id:
                status = status_for(n, today, amendments.get(n.symbol, []))
                if status != n.status:
                    n.status = status
                    mark(n, "status")
        for n in ordered:
            if n.kind not in ("new", "revision") and n.base_symbol in by_symbol:
                base_status = by_symbol[n.base_symbol].status
                if n.status != base_status:
                    n.status = base_status
                    mark(n, "status")
        for n in chain:
            if n.pk in dirty:
                n.save(update_fields=sorted(dirty[n.pk]))


def refresh_statuses(today: date | None = None) -> int:
    """Recompute the status of every notification still open (comment periods end daily)."""
    from stdlink.tbt.models import Notification

    changed = 0
    for n in Notification.objects.filter(
        status="open", kind__in=["new", "revision"]
    ).prefetch_related("amendments"):
        status = status_for(n, today)
        if status != n.status:
            Notification.objects.filter(pk=n.pk).update(status=status)
            Notification.objects.filter(base=n).update(status=status)
            changed += 1
    return changed


def import_files(
    files: list[tuple[str, bytes]], *, acting_user=None, today: date | None = None
) -> ImportResult:
    """Parse then store; TbtParseError (located) leaves the database unchanged."""
    records = parse_files(files)
    return import_records(records, acting_user=acting_user, today=today)


__all__ = [
    "ImportResult",
    "TbtParseError",
    "import_files",
    "import_records",
    "parse_files",
    "status_for",
]
