"""ePing API JSON: ``{"items": [...], "totalCount": n}`` from notifications/search.

Item fields (``reference/tbt_notification_schema_and_seed.json``, "item_fields_seen"): id,
documentSymbol (may be a comma-joined list: one record per symbol, the others as related, all
keyed on the ePing id), area (only TBT is read), notifyingMember, title(Plain),
description(Plain), productsFreeText(Plain), hsCodes, objectives[].name, distributionDate,
commentDeadlineDate, isOpenForComments, proposedEntryIntoForceDate(Text), linkToNotification,
notifiedDocumentLink, dolLink; ``productsText`` and ``hsCodeText`` as in the reference's seed
examples. The envelope is the object with ``items`` (both ePing endpoints in the reference
return one) or, as saved by hand, the bare list.

Shapes read: a list or a ";"/","-joined string where a list is expected (hsCodes, objectives),
null for any field, a member as a name or an object with a ``name`` (a list of them: joint),
ISO dates with a time and zone ("2025-11-26T00:00:00Z": the date as stated is kept).
"""

from __future__ import annotations

import json
import re

from ...classify import codes
from ..record import Notification, TbtParseError

MAX_ITEMS = 100_000


def _str(v) -> str | None:
    """A text field: strings only (null, numbers written as text are kept; objects are not text)."""
    if isinstance(v, bool) or v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, (int, float)):
        return str(v)
    return v if isinstance(v, str) else None


def _strip_html(s) -> str | None:
    s = _str(s)
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


_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


def _date(v) -> str | None:
    """ISO date-times as their date (the date as ePing states it; no time-zone shift)."""
    s = (_str(v) or "").strip()
    if not s:
        return None
    m = _ISO_DATETIME.fullmatch(s)
    return m[1] if m else s


def _names(v) -> list[str]:
    """Names from a string, an object with a name, or a list of either."""
    if isinstance(v, list):
        return [n for item in v for n in _names(item)]
    if isinstance(v, dict):
        v = v.get("name")
    s = (_str(v) or "").strip()
    return [s] if s else []


def _hs_list(v) -> list[str]:
    if v is None or v == "":
        return []
    if not isinstance(v, list):
        return codes.hs_field(_str(v))
    out = []
    for item in v:
        if isinstance(item, dict):
            item = (
                item.get("code") or item.get("hsCode") or item.get("id") or item.get("name") or ""
            )
        for c in codes.hs_field(_str(item)):
            if c not in out:
                out.append(c)
    return out


def _symbols(v) -> list[str]:
    parts = v if isinstance(v, list) else [v]
    return [s.strip() for p in parts for s in re.split(r"[,;]", _str(p) or "") if s.strip()]


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
        symbols = _symbols(item.get("documentSymbol"))
        if not symbols:
            raise TbtParseError(
                "缺少 documentSymbol / documentSymbol is empty",
                source=source,
                record=str(item.get("id") or where),
                field="documentSymbol",
            )
        objective = "; ".join(_names(item.get("objectives"))) or None
        member = ", ".join(_names(item.get("notifyingMember"))) or None
        products = _strip_html(
            item.get("productsFreeTextPlain")
            or item.get("productsFreeText")
            or item.get("productsText")
        )
        hs = _hs_list(item.get("hsCodes")) or _hs_list(item.get("hsCodeText"))
        for sym in symbols:
            n = Notification(
                symbol=sym,
                source=f"{source}#{where}",
                source_format="eping_json",
                text_language="en",
            )
            n.external_id = str(item.get("id")) if item.get("id") is not None else None
            n.member = member
            n.title = _strip_html(item.get("titlePlain") or item.get("title"))
            n.description = _strip_html(item.get("descriptionPlain") or item.get("description"))
            n.products_text = products
            n.hs_codes = list(hs)
            if not n.hs_codes and products:
                n.hs_codes = codes.hs_from_text(products)
            n.ics_codes = codes.ics_from_text(products or "")
            n.objective = objective
            n.distribution_date = _date(item.get("distributionDate"))
            n.comment_deadline = _date(item.get("commentDeadlineDate"))
            n.proposed_entry_into_force = _date(
                item.get("proposedEntryIntoForceDate")
            ) or _strip_html(item.get("proposedEntryIntoForceDateText"))
            n.proposed_adoption_date = _date(item.get("proposedAdoptionDate")) or _strip_html(
                item.get("proposedAdoptionDateText")
            )
            n.open_for_comments = (
                item.get("isOpenForComments")
                if isinstance(item.get("isOpenForComments"), bool)
                else None
            )
            n.source_url = (
                _str(item.get("linkToNotification"))
                or _str(item.get("notifiedDocumentLink"))
                or _str(item.get("dolLink"))
            )
            n.related_symbols = [s for s in symbols if s != sym]
            out.append(n)
    return out
