"""Export a catalogue standard back to Relaton YAML.

- A standard imported from Relaton is exported as the stored source text of its primary
  `SourceRecord` (byte for byte what was imported, so `yaml.safe_load` of the export equals the
  source document). The primary record is the one from the source that owns the standard's fields
  (`Standard.source`, e.g. `iso` rather than the IEC webstore copy), the earliest stored first.
- A standard from another source (the Chinese official lists) is exported as a Relaton v1-style
  document built from the model.
"""

from __future__ import annotations

import datetime as dt

import yaml

RELATON_FORMAT = "relaton-yaml"

#: normalised relation type → the relaton-bib type written for built documents
_REL_OUT = {
    "replaces": "obsoletes",
    "replaced_by": "obsoletedBy",
    "amends": "updates",
    "amended_by": "updatedBy",
    "corrects": "updates",
    "corrected_by": "updatedBy",
    "adopts": "adoptedFrom",
    "adopted_by": "adoptedAs",
    "equivalent": "related",
    "part_of": "partOf",
    "has_part": "hasPart",
    "edition_of": "editionOf",
    "has_edition": "hasEdition",
    "instance_of": "instanceOf",
    "has_instance": "hasInstance",
    "translated_from": "translatedFrom",
    "complements": "complementOf",
    "manifestation": "hasManifestation",
    "related": "related",
}


def primary_source_record(standard):
    """The SourceRecord whose text is the standard's Relaton form, or None."""
    records = list(standard.source_records.filter(format=RELATON_FORMAT).order_by("id"))
    for r in records:
        if r.source == standard.source:
            return r
    return records[0] if records else None


def to_relaton_yaml(standard) -> str:
    rec = primary_source_record(standard)
    if rec is not None:
        return rec.text()
    return yaml.safe_dump(
        build_relaton_dict(standard), allow_unicode=True, sort_keys=False, width=100
    )


def _date(value: str):
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return value


def build_relaton_dict(standard) -> dict:
    """A Relaton v1 (relaton-bib 1.x) document from the model, for non-Relaton sources."""
    s = standard
    doc: dict = {
        "schema-version": "v1.2.9",
        "id": s.key.replace("/", "").replace(":", "-"),
        "type": "standard",
    }
    titles = list(s.titles.all())
    if titles:
        doc["title"] = [
            {
                "type": t.type,
                "content": t.text,
                "language": [t.language] if t.language else [],
                "script": [t.script] if t.script else [],
                "format": "text/plain",
            }
            for t in titles
        ]
    else:
        doc["title"] = [
            {"type": "main", "content": text, "language": [lang], "format": "text/plain"}
            for text, lang in (
                (s.title_zh, "zh"),
                (s.title_en, "en"),
                (s.title_other, s.title_other_lang),
            )
            if text
        ]
    doc["docid"] = [{"id": s.identifier, "type": s.body.code, "primary": True}]
    if s.edition:
        doc["edition"] = {"content": s.edition}
    dates = [{"type": d.type, "value": _date(d.raw)} for d in s.dates.all()]
    if dates:
        doc["date"] = dates
    doc["contributor"] = [
        {
            "organization": {
                "name": s.body.name_en or s.body.name_zh or s.body.code,
                "abbreviation": s.body.code,
            },
            "role": [{"type": "publisher"}],
        }
    ]
    langs = s.languages or (["zh"] if s.title_zh else [])
    if langs:
        doc["language"] = langs
    if s.abstract:
        doc["abstract"] = [
            {"content": s.abstract, "language": [s.abstract_lang or "en"], "format": "text/plain"}
        ]
    if s.stage:
        doc["docstatus"] = {"stage": {"value": s.stage}}
    if s.links:
        doc["link"] = [
            {"type": li.get("type") or "src", "content": li.get("url", "")} for li in s.links
        ]
    rels = []
    for r in s.relations_out.all():
        item = {
            "type": _REL_OUT.get(r.type, "related"),
            "bibitem": {
                "formattedref": {"content": r.target_identifier},
                "docid": [{"id": r.target_identifier, "primary": True}],
            },
        }
        if r.raw_description or r.degree:
            item["description"] = {"content": r.degree or r.raw_description}
        rels.append(item)
    if rels:
        doc["relation"] = rels
    ext: dict = {}
    if s.doctype:
        ext["doctype"] = {"type": s.doctype}
    if s.committee_id:
        c = s.committee
        ext["editorialgroup"] = {
            "technical_committee": [
                {"name": c.name_en or c.name_zh or c.code, "identifier": c.code}
            ]
        }
    ics = [{"code": i.code, "text": i.name_en} for i in s.ics.all()]
    if ics:
        ext["ics"] = ics
    ccs = [{"code": c.code, "text": c.name_zh} for c in s.ccs.all()]
    if ccs:
        ext["ccs"] = ccs
    if s.nature:
        ext["nature"] = s.nature
    if ext:
        doc["ext"] = ext
    return doc
