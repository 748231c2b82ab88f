"""`stdlink import countries|hs`: the reference tables from STDLINK_DATA_DIR, upserted (idempotent)."""

from __future__ import annotations

import csv
from pathlib import Path

from django.db import transaction

from stdlink.tbt.classify import reference as ref_files
from stdlink.tbt.data.members import EU_ROW


@transaction.atomic
def import_countries(path: Path) -> int:
    """Countries from countries_iso_zh_wto_bri.csv, plus the EU; returns the number of rows."""
    from stdlink.tbt.models import Country

    rows = ref_files.read_countries(path)  # raises ValueError naming file, row and field
    rows.append(dict(EU_ROW, region="Europe & Central Asia"))
    fields = (
        "iso2",
        "iso_numeric",
        "name_zh",
        "name_en",
        "eping_member_id",
        "region",
        "wto_member",
        "bri",
    )
    for row in rows:
        Country.objects.update_or_create(
            code=row["iso3"], defaults={k: row.get(k, "") for k in fields}
        )
    return len(rows)


@transaction.atomic
def import_hs(directory: Path) -> tuple[int, int]:
    """HS 2022 codes (harmonized-system.csv + Chinese chapter titles) and the ICS→HS6 pairs."""
    from stdlink.tbt.models import HsCode, IcsHsPair

    chapters = {
        r["chapter"]: r for r in ref_files.read_chapters(directory / "hs2022_chapters_zh_en.csv")
    }
    n = 0
    existing = set(HsCode.objects.values_list("code", flat=True))
    new_rows = []
    with (directory / "harmonized-system.csv").open(encoding="utf-8-sig", newline="") as fh:
        for line, r in enumerate(csv.DictReader(fh), start=2):
            code = (r.get("hscode") or "").strip()
            if code == "TOTAL":  # the tree's root row
                continue
            if not code.isdigit() or len(code) not in (2, 4, 6):
                raise ValueError(
                    f"{directory / 'harmonized-system.csv'}: row {line}: field hscode: {code!r} is not an HS code"
                )
            zh = chapters.get(code, {}).get("chapter_name_zh", "") if len(code) == 2 else ""
            values = {
                "level": len(code),
                "parent_code": "" if r["parent"] == "TOTAL" else r["parent"],
                "section": r.get("section", ""),
                "description_en": r.get("description", ""),
                "description_zh": zh,
            }
            n += 1
            if code in existing:
                HsCode.objects.filter(code=code).update(**values)
            else:
                new_rows.append(HsCode(code=code, **values))
    HsCode.objects.bulk_create(new_rows, batch_size=1000)
    pairs = ref_files.read_ics_hs_pairs(directory / "ics_to_hs6_gta.csv")
    have = set(IcsHsPair.objects.values_list("ics", "hs6"))
    IcsHsPair.objects.bulk_create(
        [IcsHsPair(ics=i, hs6=h) for i, h in dict.fromkeys(pairs) if (i, h) not in have],
        batch_size=1000,
    )
    return n, len(set(pairs))


def db_reference():
    """A classify.Reference built from the stored tables (falls back to the data files when the
    tables are empty, e.g. before `make seed`)."""
    from stdlink.tbt.classify.reference import Reference, default_reference
    from stdlink.tbt.models import Country, IcsHsPair

    if not Country.objects.exists():
        return default_reference()
    ref = Reference()
    for c in Country.objects.all():
        ref.countries[c.code] = {
            "iso3": c.code,
            "iso2": c.iso2,
            "name_en": c.name_en,
            "name_zh": c.name_zh,
            "wto_member": c.wto_member,
            "bri": c.bri,
            "eping_member_id": c.eping_member_id,
        }
    for ics, hs6 in IcsHsPair.objects.values_list("ics", "hs6"):
        ref.add_pair(ics, hs6)
    return ref
