"""Every form and the Excel export in tbt-dev, each field compared with notifications.jsonl.

The truth file merges several sources; a form shows only part of a record (an addendum form has
no item 4, a revision from a Chinese site may carry only its title). So for a form, a field the
parser leaves empty must be one the form text does not contain; every field it fills must equal
the truth (codes compared as sets and normalised to digits; members through the resolver).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stdlink.env import data_dir
from stdlink.tbt.classify import codes, dates, members
from stdlink.tbt.parsers import parse_path, wto_form

FORMS_DIR = data_dir() / "tbt-dev" / "forms"
FORMS = sorted(p.name for p in FORMS_DIR.glob("*.txt")) if FORMS_DIR.is_dir() else []
TEXT_FIELDS = (
    "agency products_text title language description objective distribution_date "
    "proposed_adoption_date proposed_entry_into_force comment_deadline"
).split()
LIST_FIELDS = ("hs_codes", "ics_codes", "related_symbols")


_FIELD_ITEM = {
    "agency": "agency",
    "products_text": "products",
    "title": "title",
    "language": "title",
    "description": "description",
    "objective": "objective",
    "proposed_adoption_date": "adoption",
    "proposed_entry_into_force": "entry_into_force",
    "comment_deadline": "deadline",
}


def _labelled(form_text: str, field: str) -> bool:
    """True when the form has a non-empty labelled line for ``field``."""
    if field == "distribution_date":
        return any(
            wto_form._DIST_RE.match(ln) and wto_form._DIST_RE.match(ln)["v"].strip()
            for ln in form_text.splitlines()
        )
    item = _FIELD_ITEM[field]
    rx = dict(wto_form._ITEM_RE)[item]
    return any((m := rx.match(ln)) and m["v"].strip() for ln in form_text.splitlines())


def _squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


@pytest.mark.parametrize("name", FORMS)
def test_form_fields_match_truth(name, tbt_dev, truth, reference):
    path = tbt_dev / "forms" / name
    form_text = path.read_text(encoding="utf-8")
    [rec] = parse_path(path, reference=reference)
    assert rec.symbol in truth, f"{name}: symbol {rec.symbol} not in the truth file"
    exp = truth[rec.symbol]
    assert rec.kind == exp["kind"]
    assert rec.text_language == exp["text_language"]
    for field in TEXT_FIELDS:
        got, want = getattr(rec, field), exp[field]
        if got is None and want is not None:
            assert not _labelled(form_text, field), f"{name}: {field} is in the form but not parsed"
            if field in ("title", "description"):
                assert _squash(want) not in _squash(form_text), f"{name}: {field} not parsed"
        else:
            assert got == want, f"{name}: {field}"
    for field in LIST_FIELDS:
        got, want = getattr(rec, field), exp[field]
        if not got and want:
            for code in want:
                pattern = rf"(?<![\d./]){re.escape(code)}(?![\d])"
                assert not re.search(pattern, form_text), (
                    f"{name}: {field} {code} is in the form but not parsed"
                )
        else:
            assert sorted(got) == sorted(want), f"{name}: {field}"
    # digits-only HS as notified, with the national lines' six-digit prefixes
    if rec.hs_codes:
        assert codes.hs_digits(rec.hs_codes) == codes.hs_digits(exp["hs_codes"])
        for h in rec.hs:
            assert h.hs6 == (h.digits[:6] if len(h.digits) >= 6 else None)
            assert h.hs2 == h.digits[:2] and not h.inferred
    # members: the truth's spelling resolves to the same countries as the parsed record
    want_members = [
        m.iso3
        for m in members.resolve(
            exp["member"], reference, rec.symbol.split("/")[3] if "/N/" in rec.symbol else None
        )
    ]
    assert want_members, f"{name}: truth member {exp['member']!r} does not resolve"
    got_members = [m.iso3 for m in rec.members]
    assert got_members[: len(want_members)] == want_members  # joint members may follow
    # dates: the normalised value of the truth's raw text equals the record's
    dist = dates.parse_date(exp["distribution_date"])
    dist_day = dist.date if dist and dist.precision == "day" else None
    for key, field in (
        ("distribution", "distribution_date"),
        ("comment_deadline", "comment_deadline"),
    ):
        if getattr(rec, field) is None:
            continue
        want_value = (
            dates.comment_deadline(exp[field], dist_day) if key == "comment_deadline" else dist
        )
        assert rec.dates[key].iso() == want_value.iso(), f"{name}: {key}"


def test_every_truth_record_has_a_form(truth, tbt_dev):
    parsed = {parse_path(tbt_dev / "forms" / n)[0].symbol for n in FORMS}
    assert parsed == set(truth)


EXCEL_FIELDS = (
    "member distribution_date title description products_text objective "
    "proposed_adoption_date proposed_entry_into_force comment_deadline"
).split()


def test_eping_excel_rows_match_truth(tbt_dev, truth, reference):
    recs = parse_path(tbt_dev / "eping-export-dev.xlsx", reference=reference)
    assert len(recs) == 18
    assert {r.source_format for r in recs} == {"eping_excel"}
    for rec in recs:
        exp = truth[rec.symbol]
        for field in EXCEL_FIELDS:
            assert getattr(rec, field) == exp[field], f"{rec.symbol}: {field}"
        assert sorted(rec.hs_codes) == sorted(exp["hs_codes"]), rec.symbol
        assert sorted(rec.ics_codes) == sorted(exp["ics_codes"]), rec.symbol
        assert rec.kind == exp["kind"]
        want = [m.iso3 for m in members.resolve(exp["member"], reference)]
        assert [m.iso3 for m in rec.members][: len(want)] == want
        # the parallel symbols the description names are related (KEN/1550/Add.1 names five)
        if rec.symbol == "G/TBT/N/KEN/1550/Add.1":
            assert rec.related_symbols == exp["related_symbols"]


def test_addendum_chain_fields(tbt_dev, reference):
    [rec] = parse_path(tbt_dev / "forms" / "G_TBT_N_KEN_1170_Add_2.en.txt", reference=reference)
    assert (rec.kind, rec.kind_number, rec.base_symbol, rec.root_symbol) == (
        "addendum",
        2,
        "G/TBT/N/KEN/1170",
        "G/TBT/N/KEN/1170",
    )
    assert "adopted" in rec.addendum_reasons and rec.stage == "adopted"
    assert [c.raw for c in rec.cited_standards][:2] == ["DEAS 126:2021", "US EAS 126:2022"]


def test_joint_eac_addendum_lists_every_member(tbt_dev, reference):
    [rec] = parse_path(tbt_dev / "forms" / "G_TBT_N_KEN_1170_Add_2.en.txt", reference=reference)
    assert [m.iso3 for m in rec.members] == ["KEN", "BDI", "RWA", "TZA", "UGA"]
    # a member's own earlier notification is not a joint member
    [tw] = parse_path(tbt_dev / "forms" / "G_TBT_N_TPKM_568.zh.txt", reference=reference)
    assert [m.iso3 for m in tw.members] == ["TWN"]


def test_chinese_taipei_and_eu(tbt_dev, reference):
    [tw] = parse_path(tbt_dev / "forms" / "G_TBT_N_TPKM_568.zh.txt", reference=reference)
    assert [(m.iso3, m.name_zh, m.name_en) for m in tw.members] == [
        ("TWN", "台澎金马单独关税区", "Chinese Taipei")
    ]
    [eu] = parse_path(tbt_dev / "forms" / "G_TBT_N_EU_104.zh.txt", reference=reference)
    assert [(m.iso3, m.wto_member, m.bri) for m in eu.members] == [("EU", True, False)]


def test_relative_deadline_is_computed_with_its_rule(tbt_dev, reference):
    [rec] = parse_path(tbt_dev / "forms" / "G_TBT_N_KEN_1359.zh.txt", reference=reference)
    cd = rec.dates["comment_deadline"]
    assert (cd.raw, cd.iso(), cd.rule) == ("自通报之日起60天内", "2023-03-05", "distribution+60d")
    assert dates.rule_label(cd.rule).startswith("分发日期 + 60 天")


def test_national_tariff_lines_keep_six_digits(tbt_dev, reference):
    [rec] = parse_path(tbt_dev / "forms" / "G_TBT_N_IDN_118.zh.txt", reference=reference)
    assert [(h.raw, h.digits, h.hs4, h.hs6) for h in rec.hs][:2] == [
        ("7217.3011", "72173011", "7217", "721730"),
        ("7217.3021", "72173021", "7217", "721730"),
    ]


def test_joined_codes_are_split(tbt_dev, reference):
    [rec] = parse_path(tbt_dev / "forms" / "G_TBT_N_ECU_379.zh.txt", reference=reference)
    assert "8702.2092.8702.2093" in rec.hs_codes  # as written
    assert {"87022092", "87022093"} <= {h.digits for h in rec.hs}


def test_source_path_recorded(tbt_dev):
    p = tbt_dev / "forms" / "G_TBT_N_USA_553.zh.txt"
    [rec] = parse_path(p)
    assert rec.source == str(p) and Path(rec.source).name == p.name
