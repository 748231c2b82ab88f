"""A small catalogue with known answers for the conversion rate and outdated adoptions."""

from __future__ import annotations

import pytest

from stdlink import pubid


def make_standard(
    body_code: str, identifier: str, *, status="current", year=None, title_en="", title_zh=""
):
    from stdlink.catalog.models import Body, Standard

    country = "CN" if body_code in ("SAC", "YY") else ""
    body, _ = Body.objects.get_or_create(
        code=body_code, defaults={"name_en": body_code, "country": country}
    )
    key = pubid.key(identifier)
    return Standard.objects.create(
        uid=key,
        identifier=identifier,
        key=key,
        work_key=pubid.key(identifier, level="work"),
        body=body,
        status=status,
        year=year,
        title_en=title_en,
        title_zh=title_zh,
        source="test",
    )


@pytest.fixture
def small_catalogue(db):
    """4 current ISO/IEC works; adoptions: ISO 1 (old edition, IDT), ISO 2 (current, MOD), ISO 3 (NEQ)."""
    from stdlink.tracking.services import record_adoption

    s = {}
    s["iso1_2000"] = make_standard(
        "ISO", "ISO 1:2000", status="replaced", year=2000, title_en="Widgets"
    )
    s["iso1_2010"] = make_standard("ISO", "ISO 1:2010", year=2010, title_en="Widgets")
    s["iso2"] = make_standard("ISO", "ISO 2:2015", year=2015, title_en="Gadgets")
    s["iso2_amd"] = make_standard("ISO", "ISO 2:2015/Amd 1:2020", year=2020, title_en="Gadgets")
    s["iso3"] = make_standard("ISO", "ISO 3:2018", year=2018, title_en="Sprockets")
    s["iec4"] = make_standard("IEC", "IEC 4:2019", year=2019, title_en="Gizmos")
    s["iso5_old"] = make_standard(
        "ISO", "ISO 5:1999", status="withdrawn", year=1999, title_en="Cogs"
    )
    s["gb1"] = make_standard("SAC", "GB/T 1-2005", year=2005, title_zh="小部件")
    s["gb2"] = make_standard("SAC", "GB/T 2-2016", year=2016, title_zh="小工具")
    s["gb3"] = make_standard("SAC", "GB/T 3-2019", year=2019, title_zh="链轮")
    s["yy5"] = make_standard("YY", "YY/T 5-2001", year=2001, title_zh="齿")
    record_adoption(domestic=s["gb1"], intl_identifier="ISO 1:2000", degree="IDT", source="entered")
    record_adoption(domestic=s["gb2"], intl_identifier="ISO 2:2015", degree="MOD", source="entered")
    record_adoption(domestic=s["gb3"], intl_identifier="ISO 3:2018", degree="NEQ", source="entered")
    record_adoption(domestic=s["yy5"], intl_identifier="ISO 5:1999", degree="IDT", source="entered")
    return s
