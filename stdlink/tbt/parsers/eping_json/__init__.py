"""ePing API JSON: ``{"items": [...], "totalCount": n}`` from notifications/search.

Item fields used: id, documentSymbol (may be a comma-joined list: one record per symbol, the
others as related, all keyed on the ePing id), area (only TBT), notifyingMember, title(Plain),
description(Plain), productsFreeText(Plain), hsCodes, objectives[].name, distributionDate,
commentDeadlineDate, isOpenForComments, proposedEntryIntoForceDate(Text), linkToNotification.
"""

from __future__ import annotations

import json
import re

from ...classify import codes
from ..record import Notification, TbtParseError

MAX_ITEMS = 100_000


def _strip_html(s: str | None) -> str | None:
    if not s:
        return None
    if "<" in s and ">" in s:
        import lxml.html

        try:
            s = lxml.html.fromstring(f"<div>{s}</div>").text_content()
        except Exception:  # noqa: BLE001
            s = re.sub(r"<[^>]+>", " ", s)
    s = s.strip()
    return s or None


def _date(v) -> str | None:
    if not v:
        return None
    s = str(v).strip()
    return s[:10] if re.match(r"\d{4}-\d{2}-\d{2}T00:00:00", s) else s


def _hs_list(v) -> list[str]:
    if not v:
        return []
    if isinstance(v, str):
        return codes.hs_field(v)
    out = []
    for item in v:
        if isinstance(item, dict):
            item = (
                item.get("code") or item.get("hsCode") or item.get("id") or item.get("name") or ""
            )
        out.extend(codes.hs_field(str(item)))
    return out


def parse_json(data: bytes | str, source: str = "") -> list[Notification]:
    try:
        doc = json.loads(data)
    except (ValueError, UnicodeDecodeError) as exc:
        raise TbtParseError(
            f"不是有效的 JSON / not valid JSON ({exc})", source=source, field="file"
        ) from exc
    if isinstance(doc, dict) and "items" in doc:
        items = doc["items"]
    elif isinstance(doc, list):
        items = doc
    else:
        raise TbtParseError(
            "应为 ePing 结果 {items, totalCount} / expected an ePing result {items, totalCount}",
            source=source,
            field="items",
        )
    if not isinstance(items, list):
        raise TbtParseError("items 应为列表 / items must be a list", source=source, field="items")
    if len(items) > MAX_ITEMS:
        raise TbtParseError(
            f"超过 {MAX_ITEMS} 条 / more than {MAX_ITEMS} items", source=source, field="items"
        )
    out: list[Notification] = []
    for i, item in enumerate(items):
        where = f"items[{i}]"
        if not isinstance(item, dict):
            raise TbtParseError(
                "条目应为对象 / an item must be an object",
                source=source,
                record=where,
                field="item",
            )
        area = str(item.get("area") or "TBT").upper()
        if area != "TBT":
            continue
        raw_symbol = item.get("documentSymbol")
        if not raw_symbol or not isinstance(raw_symbol, str):
            raise TbtParseError(
                "缺少 documentSymbol / documentSymbol is empty",
                source=source,
                record=str(item.get("id") or where),
                field="documentSymbol",
            )
        symbols = [s.strip() for s in raw_symbol.split(",") if s.strip()]
        objectives = item.get("objectives") or []
        objective = (
            "; ".join((o.get("name") if isinstance(o, dict) else str(o)) for o in objectives if o)
            or None
        )
        products = _strip_html(item.get("productsFreeTextPlain") or item.get("productsFreeText"))
        for sym in symbols:
            n = Notification(
                symbol=sym,
                source=f"{source}#{where}",
                source_format="eping_json",
                text_language="en",
            )
            n.external_id = str(item.get("id")) if item.get("id") is not None else None
            n.member = (
                item.get("notifyingMember")
                if isinstance(item.get("notifyingMember"), str)
                else None
            )
            n.title = _strip_html(item.get("titlePlain") or item.get("title"))
            n.description = _strip_html(item.get("descriptionPlain") or item.get("description"))
            n.products_text = products
            n.hs_codes = _hs_list(item.get("hsCodes"))
            if not n.hs_codes and products:
                n.hs_codes = codes.hs_from_text(products)
            n.ics_codes = codes.ics_from_text(products or "")
            n.objective = objective
            n.distribution_date = _date(item.get("distributionDate"))
            n.comment_deadline = _date(item.get("commentDeadlineDate"))
            n.proposed_entry_into_force = _date(item.get("proposedEntryIntoForceDate")) or item.get(
                "proposedEntryIntoForceDateText"
            )
            n.proposed_adoption_date = _date(item.get("proposedAdoptionDate")) or item.get(
                "proposedAdoptionDateText"
            )
            n.open_for_comments = (
                item.get("isOpenForComments")
                if isinstance(item.get("isOpenForComments"), bool)
                else None
            )
            n.source_url = item.get("linkToNotification") or item.get("notifiedDocumentLink")
            n.related_symbols = [s for s in symbols if s != sym]
            out.append(n)
    return out
