"""A stand-in loader used only while `stdlink.catalog.importers` is not there yet.

It creates Standard rows from real Relaton records (v1 layout: ISO, IEC) and the NMPA list with
just the fields search uses. When the real importers exist, `load_*` delegate to them.
"""

from __future__ import annotations

import datetime
import gzip
import json
import re
from collections.abc import Callable
from pathlib import Path

import yaml

try:  # the real importers, once they land
    from stdlink.catalog.importers.relaton import import_paths as _import_paths
except ImportError:  # pragma: no cover - transitional
    _import_paths = None
try:
    from stdlink.catalog.importers.cn_list import import_cn_list as _import_cn_list
except ImportError:  # pragma: no cover - transitional
    _import_cn_list = None

HAVE_IMPORTERS = _import_paths is not None and _import_cn_list is not None

_ISO_STATUS = {"60": "current", "90": "current", "95": "withdrawn"}
_IEC_STATUS = {
    "PPUB": "current",
    "REVISED": "replaced",
    "WITHDRAWN": "withdrawn",
    "DELPUB": "withdrawn",
}


def _keys(identifier: str) -> tuple[str, str]:
    from stdlink.pubid import ParseError, key

    try:
        return key(identifier, level="exact"), key(identifier, level="work")
    except (ParseError, ValueError):
        compact = identifier.replace(" ", "").upper()
        return compact, compact


def _title(doc: dict, lang: str) -> str:
    titles = [t for t in doc.get("title") or [] if lang in (t.get("language") or [])]
    for kind in ("main", "title-main"):
        for t in titles:
            if t.get("type") == kind:
                return str(t.get("content") or "")
    return ""


def _status(doc: dict) -> str:
    stage = str(((doc.get("docstatus") or {}).get("stage") or {}).get("value") or "")
    if stage in _IEC_STATUS:
        return _IEC_STATUS[stage]
    if stage[:2] in _ISO_STATUS:
        return _ISO_STATUS[stage[:2]]
    return "draft" if stage else "unknown"


def _committee(doc: dict, body):
    from stdlink.catalog.models import Committee

    group = doc.get("editorialgroup") or (doc.get("ext") or {}).get("editorialgroup") or {}
    tcs = group.get("technical_committee") or []
    if not tcs:
        return None
    tc = tcs[0]
    code = tc.get("identifier") or (f"{body.code}/TC {tc['number']}" if tc.get("number") else "")
    if not code:
        return None
    committee, _ = Committee.objects.get_or_create(
        code=code[:64], defaults={"body": body, "name_en": str(tc.get("name") or "")[:400]}
    )
    return committee


def load_relaton(
    path: Path, *, limit: int | None = None, keep: Callable[[str], bool] | None = None
) -> list[int]:
    """Standards from a Relaton stream: the first `limit` records, or those whose primary
    identifier passes `keep`. Returns the ids created."""
    if _import_paths is not None and keep is None:
        batch = _import_paths([path], limit=limit)
        from stdlink.catalog.models import Standard

        return list(
            Standard.objects.filter(source_records__batch=batch).values_list("pk", flat=True)
        )
    from stdlink.catalog.models import ICS, Body, Standard

    ids = []
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, doc in enumerate(yaml.load_all(fh, Loader=yaml.CSafeLoader)):
            if limit is not None and n >= limit:
                break
            docids = doc.get("docid") or []
            primary = next((d for d in docids if d.get("primary")), docids[0] if docids else None)
            if not primary:
                continue
            identifier = str(primary["id"])
            if keep is not None and not keep(identifier):
                continue
            body = Body.objects.get(code="IEC" if primary.get("type") == "IEC" else "ISO")
            exact, work = _keys(identifier)
            year = None
            for d in doc.get("date") or []:
                if d.get("type") == "published":
                    year = int(str(d.get("value"))[:4])
            doctype = doc.get("doctype") or (doc.get("ext") or {}).get("doctype") or {}
            standard, _ = Standard.objects.update_or_create(
                uid=exact,
                defaults=dict(
                    identifier=identifier,
                    key=exact,
                    work_key=work,
                    body=body,
                    title_en=_title(doc, "en"),
                    title_other=_title(doc, "fr"),
                    status=_status(doc),
                    year=year,
                    doctype=doctype.get("type", "") if isinstance(doctype, dict) else str(doctype),
                    committee=_committee(doc, body),
                    source=body.code.lower(),
                ),
            )
            for item in doc.get("ics") or (doc.get("ext") or {}).get("ics") or []:
                code = str(item.get("code"))
                ics, _ = ICS.objects.get_or_create(
                    code=code,
                    defaults={
                        "level": code.count(".") + 1,
                        "name_en": str(item.get("text") or "")[:400],
                    },
                )
                standard.ics.add(ics)
            ids.append(standard.pk)
    return ids


def load_nmpa(path: Path) -> list[int]:
    if _import_cn_list is not None:
        _import_cn_list(path)
        from stdlink.catalog.models import Standard

        return list(Standard.objects.filter(title_zh__gt="").values_list("pk", flat=True))
    from stdlink.catalog.models import Body, Standard

    sac = Body.objects.get(code="SAC")
    ids = []
    for rec in json.loads(Path(path).read_text(encoding="utf-8")):
        identifier = rec["number"]
        exact, work = _keys(identifier)
        year = int(identifier[-4:]) if identifier[-4:].isdigit() else None
        standard, _ = Standard.objects.update_or_create(
            uid=exact,
            defaults=dict(
                identifier=identifier,
                key=exact,
                work_key=work,
                body=sac,
                title_zh=rec["title_zh"],
                status="current" if rec["status"] == "active" else "upcoming",
                year=year,
                source="nmpa",
                published=datetime.date.fromisoformat(rec["approval_date"])
                if rec.get("approval_date")
                else None,
            ),
        )
        ids.append(standard.pk)
    return ids


_PRIMARY = re.compile(r"^docid:\n- id: (.+)$", re.MULTILINE)


def slice_stream(path: Path, keep: Callable[[str], bool], out: Path) -> int:
    """Copy the documents of a Relaton stream whose primary identifier passes `keep` into `out`
    (a plain YAML stream the importers read like any other). Returns how many were kept."""
    kept = 0
    with gzip.open(path, "rt", encoding="utf-8") as fh, open(out, "w", encoding="utf-8") as dst:
        for doc in fh.read().split("\n---\n"):
            m = _PRIMARY.search(doc)
            if m and keep(m.group(1).strip().strip("'\"")):
                dst.write("---\n" + doc.removeprefix("---\n").rstrip("\n") + "\n")
                kept += 1
    return kept
