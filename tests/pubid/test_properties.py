"""Property tests: normalisation is idempotent and parse fails only with ParseError."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stdlink.pubid import ParseError, normalize, parse

from .test_families import CASES as FAMILY_CASES
from .test_national import CASES as NATIONAL_CASES
from .vectors import DEV_DIR, load_vectors

REAL = [row["input"] for _, _, row in load_vectors()] if DEV_DIR.exists() else []
REAL += [c[0] for c in NATIONAL_CASES] + [c[1] for c in FAMILY_CASES]
REAL += [
    "GB/T 19001—2016",
    "GB/T19001-2016",
    "ISO 9001:2015(E)",
    "ISO/IEC 27001:2022/Amd 1:2024",
    "IEC 60335-1:2010+AMD1:2013 CSV",
    "EN ISO 13485:2016/AC:2018",
    "BS EN 60204-1:2018",
    "IEEE Std 802.11-2020",
    "ITU-T Y.2060 (06/2012)",
    "JIS Z 8301:2019",
    "ГОСТ Р ИСО 9001-2015",
    "ASTM F963-17",
    "DB33/T 2350-2021",
    "T/ZZB 0001-2016",
    "Q/GDW 1234-2018",
    "urn:iso:std:iso:9001:stage-90.92",
]

# Generated identifiers: assembled from realistic components of several grammars.
_num = st.integers(min_value=1, max_value=99999).map(str)
_year = st.integers(min_value=1950, max_value=2030).map(str)
_iso = st.builds(
    lambda pub, typ, n, part, y, amd: f"{pub}{typ} {n}{part}{y}{amd}",
    st.sampled_from(["ISO", "IEC", "ISO/IEC", "ISO/IEC/IEEE", "iso", "ISO/ASTM"]),
    st.sampled_from(["", "/TR", " TS", "/DIS", "/FDIS", " Guide", "/PAS"]),
    _num,
    st.one_of(st.just(""), _num.map(lambda p: "-" + p)),
    st.one_of(st.just(""), _year.map(lambda y: ":" + y)),
    st.one_of(
        st.just(""),
        st.tuples(_num, _year).map(lambda t: f"/Amd {t[0]}:{t[1]}"),
        st.tuples(_num, _year).map(lambda t: f"/COR{t[0]}:{t[1]}"),
    ),
)
_cn = st.builds(
    lambda code, n, part, dash, y: f"{code}{n}{part}{dash}{y}",
    st.sampled_from(
        [
            "GB ",
            "GB/T ",
            "GB/T",
            "GB/Z ",
            "QB/T ",
            "JB/T ",
            "YY/T ",
            "DB33/T ",
            "DB11/ ",
            "T/CECS ",
            "Q/GDW ",
            "ＧＢ／Ｔ　",
        ]
    ),
    _num,
    st.one_of(st.just(""), _num.map(lambda p: "." + p)),
    st.sampled_from(["-", "—", "–", "－"]),
    _year,
)
_jis = st.builds(
    lambda s, n, y: f"JIS {s} {n:0>4}:{y}", st.sampled_from(list("ABCKXZ")), _num, _year
)
# national bodies (bodies/national.py): publisher, optional adoption prefix, number, part, year
_national = st.builds(
    lambda pub, ad, n, part, sep, y: f"{pub}{ad}{n}{part}{sep}{y}",
    st.sampled_from(
        [
            "GSO ",
            "SASO ",
            "DEAS ",
            "KS ",
            "US ",
            "IS ",
            "SNI ",
            "TCVN ",
            "MS ",
            "ДСТУ ",
            "СТБ ",
            "ST RK ",
            "ABNT NBR ",
            "IRAM-",
            "SANS ",
            "AS/NZS ",
            "DIN ",
            "UNE-",
            "TS ",
            "ES ",
            "sni",
        ]
    ),
    st.sampled_from(["", "ISO ", "IEC ", "EN ISO ", "GSO ", "ISO/IEC "]),
    _num,
    st.one_of(st.just(""), _num.map(lambda p: "-" + p)),
    st.sampled_from([":", " : ", "-", "/"]),
    _year,
)


@pytest.mark.parametrize("text", REAL)
def test_normalize_idempotent_on_real_identifiers(text: str) -> None:
    try:
        once = normalize(text)
    except ParseError:
        return
    assert normalize(once) == once


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(_iso, _cn, _jis, _national))
def test_normalize_idempotent_on_generated_identifiers(text: str) -> None:
    try:
        once = normalize(text)
    except ParseError:
        return
    assert normalize(once) == once


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=60))
def test_parse_raises_only_parse_error(text: str) -> None:
    try:
        parse(text)
    except ParseError:
        pass


@settings(max_examples=300, deadline=None)
@given(st.one_of(_iso, _cn, _jis, _national), st.text(max_size=8))
def test_parse_of_mangled_identifiers_raises_only_parse_error(ident: str, junk: str) -> None:
    for text in (ident + junk, junk + ident, ident[: len(ident) // 2] + junk):
        try:
            parse(text)
        except ParseError:
            pass
