"""The JSON shape of a notification (CLI `stdlink tbt show --json` and the API)."""

from __future__ import annotations


def _date_or_text(d, precision: str, raw: str):
    if d is not None:
        return d.strftime("%Y-%m") if precision == "month" else d.isoformat()
    return raw or None


def cited_standards(n) -> list[dict]:
    """Each cited standard with its catalogue record and the Chinese standards adopting it."""
    from stdlink.catalog.models import Relation

    out = []
    for c in n.cited_standards.select_related("standard"):
        adopted_by: list[str] = []
        if c.standard_id:
            rels = Relation.objects.filter(type="adopts", target_id=c.standard_id).select_related(
                "source"
            )
            adopted_by = sorted({r.source.identifier for r in rels})
        else:
            rels = Relation.objects.filter(
                type="adopts", target_key__iexact=c.work_key
            ).select_related("source")
            adopted_by = sorted({r.source.identifier for r in rels})
        out.append(
            {
                "identifier": c.normalized,
                "as_cited": c.raw,
                "parsed": c.parsed,
                "catalogue": c.standard.identifier if c.standard_id else None,
                "adopted_by": adopted_by,
            }
        )
    return out


def notification_json(n) -> dict:
    return {
        "symbol": n.symbol,
        "kind": n.kind,
        "base_symbol": n.base_symbol or None,
        "members": [
            {
                "iso3": c.code,
                "name_zh": c.display_name_zh,
                "name_en": c.display_name_en,
                "wto_member": c.wto_member,
                "bri": c.bri,
            }
            for c in n.members.all().order_by("code")
        ],
        "hs_codes": list(dict.fromkeys(h.digits for h in n.hs_codes.all() if not h.inferred)),
        "ics_codes": list(dict.fromkeys(i.code for i in n.ics_codes.all() if not i.inferred)),
        "distribution_date": n.distribution_date.isoformat() if n.distribution_date else None,
        "comment_deadline": n.comment_deadline.isoformat() if n.comment_deadline else None,
        "proposed_adoption_date": _date_or_text(
            n.proposed_adoption_date, n.proposed_adoption_precision, n.proposed_adoption_raw
        ),
        "proposed_entry_into_force": _date_or_text(
            n.proposed_entry_into_force,
            n.proposed_entry_into_force_precision,
            n.proposed_entry_into_force_raw,
        ),
        "related_symbols": list(n.related_symbols or []),
        "cited_standards": cited_standards(n),
        "status": n.status,
    }
