"""Entries of the mutual-recognition catalogue, each backed by a confirmed comparison."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from stdlink.compare.models import Comparison, ComparisonState, Recognition
from stdlink.core.permissions import can, denied_message
from stdlink.core.services.audit import log_change, snapshot


@transaction.atomic
def add_recognition(
    *,
    acting_user,
    comparison: Comparison,
    cn_code: str,
    partner_code: str,
    country_code: str,
    product_field: str,
    recognised_on: dt.date,
    degree: str = "",
    cn_title: str = "",
    partner_title: str = "",
    country_zh: str = "",
    country_en: str = "",
    belt_and_road: bool = False,
    note: str = "",
) -> Recognition:
    comparison = Comparison.objects.select_for_update().get(pk=comparison.pk)
    if comparison.state != ComparisonState.CONFIRMED:
        raise ValidationError(
            "只有已确认的比对才能作为互认依据 / only a confirmed comparison can back an entry"
        )
    code = (country_code or "").strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise ValidationError(
            f"国家代码须为 ISO 3166 三字母代码 / country: ISO 3166 alpha-3 code expected, got {country_code!r}"
        )
    if Recognition.objects.filter(
        cn_code=cn_code.strip(), partner_code=partner_code.strip()
    ).exists():
        raise ValidationError(
            f"已在互认目录中 / already in the catalogue: {cn_code} ≙ {partner_code}"
        )
    entry = Recognition.objects.create(
        region=comparison.region,
        comparison=comparison,
        cn_code=cn_code.strip(),
        cn_title=cn_title.strip(),
        partner_code=partner_code.strip(),
        partner_title=partner_title.strip(),
        country_code=code,
        country_zh=country_zh.strip(),
        country_en=country_en.strip(),
        belt_and_road=belt_and_road,
        product_field=product_field.strip(),
        degree=degree or comparison.suggested_degree or "NEQ",
        recognised_on=recognised_on,
        note=note,
        cn_standard=comparison.document("a").standard if comparison.document("a") else None,
        partner_standard=comparison.document("b").standard if comparison.document("b") else None,
    )
    if not can(acting_user, entry, "compare.add_recognition"):
        raise PermissionDenied(denied_message(acting_user, "compare.add_recognition"))
    log_change(acting_user=acting_user, obj=entry, action="create", after=snapshot(entry))
    return entry
