"""Reference tables the classifiers need, read from STDLINK_DATA_DIR (never committed).

- countries/countries_iso_zh_wto_bri.csv: ISO codes, Chinese names, WTO membership, Belt and Road;
- hs/ics_to_hs6_gta.csv: ICS → HS6 pairs (used both ways, results marked inferred);
- hs/hs2022_chapters_zh_en.csv: chapter titles.

The Django side loads the same files into tables (``stdlink import countries|hs``) and can build a
:class:`Reference` from those tables instead (see ``stdlink.tbt.services.reference``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..data.members import EU_ROW

COUNTRIES_CSV = "reference/countries/countries_iso_zh_wto_bri.csv"
ICS_HS_CSV = "reference/hs/ics_to_hs6_gta.csv"
CHAPTERS_CSV = "reference/hs/hs2022_chapters_zh_en.csv"


def _bool(v: str) -> bool:
    return str(v).strip().lower() in {"true", "1", "yes"}


@dataclass
class Reference:
    countries: dict[str, dict] = field(default_factory=dict)  # iso3 → row
    ics_to_hs: dict[str, list[str]] = field(default_factory=dict)
    hs_to_ics: dict[str, list[str]] = field(default_factory=dict)
    chapters: dict[str, dict] = field(default_factory=dict)

    def add_pair(self, ics: str, hs6: str) -> None:
        self.ics_to_hs.setdefault(ics, [])
        if hs6 not in self.ics_to_hs[ics]:
            self.ics_to_hs[ics].append(hs6)
        self.hs_to_ics.setdefault(hs6, [])
        if ics not in self.hs_to_ics[hs6]:
            self.hs_to_ics[hs6].append(ics)


def read_countries(path: Path) -> list[dict]:
    rows = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for line, r in enumerate(csv.DictReader(fh), start=2):
            iso3 = (r.get("alpha3") or "").strip()
            if len(iso3) != 3:
                raise ValueError(
                    f"{path}: row {line}: field alpha3: {iso3!r} is not an ISO alpha-3 code"
                )
            rows.append(
                {
                    "iso3": iso3,
                    "iso2": r["alpha2"].strip(),
                    "iso_numeric": r["iso_numeric"].strip(),
                    "name_en": r["name_en"].strip(),
                    "name_zh": r["name_zh"].strip(),
                    "wto_member": _bool(r["wto_member"]),
                    "bri": _bool(r["bri_gfdc_2023"]) and not (r.get("bri_exit") or "").strip(),
                    "eping_member_id": (r.get("eping_member_id") or "").strip(),
                    "region": (r.get("wb_region") or "").strip(),
                }
            )
    return rows


def read_ics_hs_pairs(path: Path) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8-sig", newline="") as fh:
        for line, r in enumerate(csv.DictReader(fh), start=2):
            ics, hs6 = (r.get("ics") or "").strip(), (r.get("hs6") or "").strip()
            if not ics or not hs6.isdigit():
                raise ValueError(f"{path}: row {line}: field hs6: {hs6!r} is not an HS6 code")
            out.append((ics, hs6.zfill(6)))
    return out


def read_chapters(path: Path) -> list[dict]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return [dict(r) for r in csv.DictReader(fh)]


def load(data_dir: Path | str) -> Reference:
    root = Path(data_dir)
    ref = Reference()
    for row in read_countries(root / COUNTRIES_CSV):
        ref.countries[row["iso3"]] = row
    ref.countries["EU"] = dict(EU_ROW)
    pairs = root / ICS_HS_CSV
    if pairs.exists():
        for ics, hs6 in read_ics_hs_pairs(pairs):
            ref.add_pair(ics, hs6)
    chapters = root / CHAPTERS_CSV
    if chapters.exists():
        ref.chapters = {r["chapter"]: r for r in read_chapters(chapters)}
    return ref


@lru_cache(maxsize=4)
def default_reference(data_dir: str | None = None) -> Reference:
    """The reference read from ``data_dir`` (default: STDLINK_DATA_DIR), cached per process."""
    from stdlink.env import data_dir as env_data_dir

    return load(data_dir or env_data_dir())
