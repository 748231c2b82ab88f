"""The engine on pairs in other product fields (texts in tests/compare/pairs/, written for the
tests): alignment across languages with the embedding service, judgement, one-to-many, order."""

from __future__ import annotations

from pathlib import Path

import pytest

from stdlink.compare.engine import compare_texts, result_json

PAIRS = Path(__file__).parent / "pairs"

EXPECTED = {
    "kettle": {
        ("4.1", "7.1", "stricter"),  # 0.25 mA vs 0.75 mA maximum
        ("4.2", "7.2", "stricter"),  # 1 500 V vs 1 250 V test voltage
        ("4.3", "7.3", "stricter"),  # 30 K vs 35 K maximum
        ("4.4", "7.4", "stricter"),  # 10 000 vs 5 000 cycles
        ("4.5", None, "only_zh"),
        ("4.6", "7.5", "looser"),  # at least 0.75 m vs 1 m
        (None, "7.6", "only_en"),
    },
    "led": {
        ("4.1", "4.1.1", "stricter"),  # efficacy ≥ 100 vs ≥ 90 lm/W; "标题：正文" on one line
        ("4.2", "4.1.2", "equal"),  # Ra ≥ 80 both
        ("4.3", "4.2", "stricter"),  # power factor 0.9 vs 0.85 (the 5 W condition equal)
        ("4.4", "4.3", "stricter"),  # life 25 000 h vs 15 000 h
        ("4.5", "4.4", "stricter"),  # 15 000 vs 7 500 switching cycles
        ("4.6", "4.5", "equal"),  # RG1
        ("4.7", None, "only_zh"),
    },
    "toys": {
        (
            "4.1",
            "6.1",
            "equal",
        ),  # no small parts; "36个月以下" vs "under 36 months" is a boundary nuance
        ("4.2.1", "6.2", "equal"),  # lead 90 mg/kg: one clause of B against two of A
        ("4.2.2", "6.2", "equal"),  # cadmium 75 mg/kg
        ("4.3", "6.4", "stricter"),  # tension 90 N vs 70 N, listed in another order
        ("4.4", "6.3", "stricter"),  # 80 vs 85 dB(A)
        ("4.5", None, "only_zh"),
        ("4.6", "6.5", "equal"),  # drop from 850 mm
        (None, "6.6", "only_en"),
    },
    "rice": {
        ("4.1.1", "3.1", "equal"),  # sound, no mould, no insects: no number on either side
        ("4.2.1", "3.2", "stricter"),  # 14.5 g/100g vs 15.0 % max.
        ("4.2.2", "3.3", "stricter"),  # ≤ 3.0 % vs "not be more than 4 % by mass"
        ("4.3.1", "4.1.1", "stricter"),  # lead 0.15 mg/kg vs 0.2 ppm (two limits in one sentence)
        ("4.3.1", "4.1.2", "equal"),  # cadmium ０．２ mg/kg (full-width) vs 200 µg/kg
        ("4.3.2", "4.2", "stricter"),  # inorganic arsenic 0.20 vs 0.35 mg/kg
        ("4.4", "4.3", "equal"),  # aflatoxin B1 5.0 μg/kg vs 5 ppb
        ("4.5", "5", "stricter"),  # 不得检出 (limit of detection named) vs up to 0.1 mg/kg
        ("4.6", None, "only_zh"),
        ("6.1", None, "only_zh"),
        (None, "6.1", "only_en"),
    },
    "shoes": {
        ("4.1", None, "only_zh"),
        ("4.2", "3.1", "stricter"),  # 70 N/cm以上 = 7 N/mm vs at least 4.0 N/mm
        ("4.3", "3.2", "stricter"),  # ４００００ (full-width) vs 30,000 flexes
        ("4.4", "3.3", "different"),  # wear track 10.0 mm vs volume loss 250 mm³: not comparable
        ("4.5.1", "3.5", "stricter"),  # dry rubbing 3-4级 vs grade 3: one clause against two
        ("4.5.2", "3.5", "equal"),  # wet rubbing 2-3级 vs grade 2/3
        ("4.6", "3.4", "stricter"),  # 700 N vs minimum 0.6 kN
        ("4.7.1", "4.1", "equal"),  # 75 mg/kg vs max. 75 ppm
        ("4.7.2", "4.2", "equal"),  # chromium VI not detected on both sides (LOD 3 mg/kg)
        ("4.8", None, "only_zh"),
        (None, "3.6", "only_en"),
    },
    "chair": {
        ("4.1", "7.1", "stricter"),  # 8.0%～12.0% inside "between 8 % and 14 %" (other order)
        ("4.2.1", "5.1", "stricter"),  # radius ≥ 2 mm vs at least 1 mm
        ("4.2.2", None, "only_zh"),
        ("4.3.1", "6.1", "looser"),  # 1,600 N vs 2 000 N, 10 times both
        ("4.3.2", "6.2", "equal"),  # 100 000 vs 1×10⁵ cycles
        ("4.3.3", "5.2", "equal"),  # no overturning, listed in another order
        (
            "4.4",
            "5.3",
            "different",
        ),  # 0.050 mg/m³ (chamber) vs 1.5 mg/L (desiccator): not comparable
        ("4.5", None, "only_zh"),
        (None, "6.3", "only_en"),
    },
    "cable": {
        ("4.1.1", None, "only_zh"),
        ("4.1.2", "5.1", "equal"),  # 7.41 Ω/km at 20 ℃ / 20 °C
        ("4.2.1", "5.2.1", "stricter"),  # 12.5 MPa vs 10 N/mm²: one clause against two
        ("4.2.1", "5.2.2", "stricter"),  # 150 % vs min. 125 %
        ("4.2.2", "5.2.3", "stricter"),  # ±20 % within ±25 %; 168 h = 7 days; (80±2)℃ both
        ("4.2.3", "5.4", "equal"),  # 0.037 MΩ·km, listed in another order
        ("4.3.1", "5.3", "equal"),  # 2.5 kV, 5 min vs 2 500 V for 5 minutes
        ("4.3.2", None, "only_zh"),
        (None, "5.5", "only_en"),
    },
    "lotion": {
        ("4.1", "3.1", "equal"),  # appearance, no number
        ("4.2.1", "3.2", "looser"),  # pH 4.0～8.5 vs 4.5 to 8.0
        ("4.2.2", "3.3", "equal"),  # (40±1)℃, 24 h
        ("4.2.3", None, "only_zh"),
        ("4.3.1", "4.1", "equal"),  # 1×10³ vs 1.0E+03 CFU/g
        ("4.3.2", "4.2", "equal"),  # ＜100 vs 10^2 max.: boundary named in the reason
        ("4.3.3", "4.3", "equal"),  # 不得检出 vs "shall be absent in 1 g"
        ("4.4", "3.5", "stricter"),  # lead 10 vs 20 ppm, arsenic 2 vs 3 ppm, Hg and Cd equal
        ("4.5", "3.4", "equal"),  # 1.0 % (质量分数) vs 1 g/100 g, listed in another order
        (None, "4.4", "only_en"),
    },
}

# Rows of the truth the engine does not give yet, and what it gives instead. The truth above stays
# right (bench/compare_quality.py counts these as misses); the test pins the engine's present
# output so that a change for better or worse shows.
KNOWN_GAPS: dict[str, tuple[set, set]] = {
    # wear-track length (mm) against volume loss (mm³): nothing in the indicators ties the two
    # clauses and the meaning scores of the outsole clauses are alike (0.94 against flexing too),
    # so the engine shows two one-sided rows where a person sees one incomparable pair
    "shoes": ({("4.4", "3.3", "different")}, {("4.4", None, "only_zh"), (None, "3.3", "only_en")}),
}

# table.zh.txt (a table of limits) against the dev pair's English text.
TABLE_ZH_EXPECTED = {
    ("4.1", "5.1", "stricter"),
    ("4.1", "5.2", "equal"),
    ("4.1", "5.3", "stricter"),
    ("4.1", "5.4", "stricter"),
    (None, "5.5", "only_en"),
    (None, "5.6", "only_en"),
    ("4.2", "5.7", "equal"),
    (None, "5.8", "only_en"),
}

# The dev pair's Chinese text against table.en.txt (an English table with a unit column).
TABLE_EN_EXPECTED = {
    ("3.1", "5.1", "stricter"),
    ("3.2", "5.1", "equal"),
    ("3.3", "5.1", "stricter"),
    ("3.4", "5.1", "stricter"),
    ("3.5", None, "only_zh"),
    ("3.6", None, "only_zh"),
    ("3.7", "5.2", "equal"),
    ("3.8", None, "only_zh"),
}


def test_a_table_of_limits_against_one_clause_each(shared_data):
    """A Chinese clause holding a table (项目/要求 rows, units in the header cells) against the dev
    pair's English clauses: each row of the table goes to its own English clause."""
    pytest.importorskip("stdlink.semantic")
    zh = (PAIRS / "table.zh.txt").read_text(encoding="utf-8")
    en = (shared_data / "compare-dev" / "textile.en.txt").read_text(encoding="utf-8")
    rows = {(r["a"], r["b"], r["relation"]) for r in result_json(compare_texts(zh, en))["rows"]}
    assert rows == TABLE_ZH_EXPECTED


def test_one_clause_against_an_english_table_of_limits(shared_data):
    """The other way round: the dev pair's Chinese clauses against an English table (units in their
    own column, "max. 20", "min. 3" under "grade")."""
    pytest.importorskip("stdlink.semantic")
    zh = (shared_data / "compare-dev" / "textile.zh.txt").read_text(encoding="utf-8")
    en = (PAIRS / "table.en.txt").read_text(encoding="utf-8")
    rows = {(r["a"], r["b"], r["relation"]) for r in result_json(compare_texts(zh, en))["rows"]}
    assert rows == TABLE_EN_EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pair(name):
    pytest.importorskip("stdlink.semantic")
    zh = (PAIRS / f"{name}.zh.txt").read_text(encoding="utf-8")
    en = (PAIRS / f"{name}.en.txt").read_text(encoding="utf-8")
    rows = result_json(compare_texts(zh, en))["rows"]
    missing, instead = KNOWN_GAPS.get(name, (set(), set()))
    assert {(r["a"], r["b"], r["relation"]) for r in rows} == (EXPECTED[name] - missing) | instead


def test_pair_reversed_reads_the_other_way():
    zh = (PAIRS / "kettle.zh.txt").read_text(encoding="utf-8")
    en = (PAIRS / "kettle.en.txt").read_text(encoding="utf-8")
    rows = {(r["a"], r["b"], r["relation"]) for r in result_json(compare_texts(en, zh))["rows"]}
    assert ("7.1", "4.1", "looser") in rows and ("7.5", "4.6", "stricter") in rows
    assert ("7.6", None, "only_en") in rows and (None, "4.5", "only_zh") in rows


def test_limits_enumerated_in_one_sentence_go_to_their_own_clauses():
    pytest.importorskip("stdlink.semantic")
    zh = "1 范围\nX\n4 要求\n4.1 重金属\n铅、镉含量应分别不大于90 mg/kg、75 mg/kg。\n4.2 标签\n应有中文标签。"
    en = (
        "1 Scope\nX\n5 Requirements\n5.1 Lead\nLead shall not exceed 90 mg/kg.\n5.2 Cadmium\n"
        "Cadmium shall not exceed 50 mg/kg.\n5.3 Labels\nLabels shall be in the language of the country."
    )
    rows = {(r["a"], r["b"], r["relation"]) for r in result_json(compare_texts(zh, en))["rows"]}
    assert rows == {("4.1", "5.1", "equal"), ("4.1", "5.2", "looser"), ("4.2", "5.3", "equal")}
