"""National and regional bodies (bodies/national.py), written from the bodies' own conventions.

Each row: input as written in a catalogue, a TBT notification or an adoption statement →
canonical rendering and components.  The forms come from the bodies' published designation
styles (BIS "IS 302 (Part 1):2008", BSN "SNI ISO 9001:2015", KATS "KS C IEC 60335-1",
ABNT "ABNT NBR ISO 9001:2015", DIN "DIN EN ISO 9001:2015-11", AENOR "UNE-EN ISO 9001:2015",
IRAM "IRAM-ISO 9001:2015", EAC "DEAS 126:2021", DGN "NOM-003-SCFI-2014", CSA "CSA C22.2 No.
60335-1:16", TISI "มอก. 2217-2548" ...), not from the development vectors.
"""

from __future__ import annotations

import pytest

from stdlink.pubid import ParseError, key, normalize, parse

# input, canonical, {component: value}
CASES = [
    # Gulf
    ("GSO 2530:2021", "GSO 2530:2021", {"publisher": "GSO", "number": "2530", "year": "2021"}),
    ("SASO GSO 2530:2021", "SASO GSO 2530:2021", {"publisher": "SASO", "prefix": "GSO"}),
    ("saso  2902 : 2018", "SASO 2902:2018", {"publisher": "SASO", "year": "2018"}),
    ("GSO ISO 9001:2015", "GSO ISO 9001:2015", {"prefix": "ISO", "number": "9001"}),
    ("GSO 1943/2016", "GSO 1943/2016", {"year": "2016"}),
    # East African Community and its partner states
    ("DEAS 126:2021", "DEAS 126:2021", {"publisher": "EAS", "stage": "D", "number": "126"}),
    ("EAS 38:2014", "EAS 38:2014", {"publisher": "EAS", "scope": "regional"}),
    ("US EAS 38:2014", "US EAS 38:2014", {"publisher": "US", "issuer": "UG", "prefix": "EAS"}),
    ("KS EAS 12:2014", "KS EAS 12:2014", {"publisher": "KS", "issuer": "KE"}),
    ("KS 2091:2008", "KS 2091:2008", {"issuer": "KE", "number": "2091"}),
    ("TZS 1234:2010", "TZS 1234:2010", {"publisher": "TZS", "issuer": "TZ"}),
    ("RS 184:2020", "RS 184:2020", {"publisher": "RS", "issuer": "RW"}),
    ("DUS 2151:2019", "DUS 2151:2019", {"publisher": "US", "stage": "D"}),
    # India (BIS): parts and sections in brackets, identical adoption after "/"
    ("IS 302 (Part 1):2008", "IS 302 (Part 1):2008", {"number": "302", "part": "1"}),
    ("IS 302(Part 2/Sec 3): 2017", "IS 302 (Part 2/Sec 3):2017", {"part": "2", "subpart": "3"}),
    ("IS/ISO 9001:2015", "IS/ISO 9001:2015", {"publisher": "IS", "prefix": "ISO"}),
    (
        "IS 16046 (Part 1):2018/IEC 62133-1:2017",
        "IS 16046 (Part 1):2018/IEC 62133-1:2017",
        {"number": "16046", "year": "2018"},
    ),
    # South-East Asia
    ("SNI ISO 9001:2015", "SNI ISO 9001:2015", {"publisher": "SNI", "issuer": "ID"}),
    ("sni8211:2016", "SNI 8211:2016", {"number": "8211", "year": "2016"}),
    ("SNI 04-6292.2.1-2003", "SNI 04-6292.2.1-2003", {"year": "2003"}),
    (
        "TCVN 7447-5-52:2010 (IEC 60364-5-52:2009)",
        "TCVN 7447-5-52:2010 (IEC 60364-5-52:2009)",
        {"number": "7447", "part": "5-52", "year": "2010"},
    ),
    ("TCVN ISO 9001:2015", "TCVN ISO 9001:2015", {"prefix": "ISO"}),
    ("TIS 1195-2536", "TIS 1195-2536", {"number": "1195", "year": "2536"}),
    ("มอก. 2217-2548", "TIS 2217-2548", {"publisher": "TIS", "issuer": "TH"}),
    ("MS ISO 9001:2015", "MS ISO 9001:2015", {"publisher": "MS", "issuer": "MY"}),
    ("MS 1500:2009", "MS 1500:2009", {"number": "1500"}),
    ("SS 555:2010", "SS 555:2010", {"publisher": "SS", "issuer": "SG"}),
    ("PNS ISO 9001:2015", "PNS ISO 9001:2015", {"publisher": "PNS", "issuer": "PH"}),
    ("PNS/BAFS 183:2016", "PNS/BAFS 183:2016", {"number": "183"}),
    # Korea (series letter) vs Kenya (none); Chinese Taipei
    ("KS C IEC 60335-1:2017", "KS C IEC 60335-1:2017", {"issuer": "KR", "series": "C"}),
    ("KS X ISO/IEC 27001:2014", "KS X ISO/IEC 27001:2014", {"prefix": "ISO/IEC"}),
    ("CNS 15030", "CNS 15030", {"publisher": "CNS", "issuer": "TW"}),
    # CIS: Cyrillic publishers to the Latin form (as GOST), years as the body writes them
    (
        "ДСТУ EN 60335-1:2017 (EN 60335-1:2012, IDT)",
        "DSTU EN 60335-1:2017 (EN 60335-1:2012, IDT)",
        {"publisher": "DSTU", "adoption": "IDT"},
    ),
    ("ДСТУ 4163-2003", "DSTU 4163-2003", {"year": "2003"}),
    ("СТБ ISO 9001-2015", "STB ISO 9001-2015", {"publisher": "STB", "issuer": "BY"}),
    ("СТБ ИСО 9001-2015", "STB ISO 9001-2015", {"prefix": "ISO"}),
    ("СТ РК ISO 9001-2016", "ST RK ISO 9001-2016", {"publisher": "ST RK", "issuer": "KZ"}),
    ("O‘z DSt ISO 9001:2015", "O'z DSt ISO 9001:2015", {"publisher": "O'z DSt"}),
    # Americas
    ("ABNT NBR 5410:2004", "ABNT NBR 5410:2004", {"publisher": "NBR", "number": "5410"}),
    ("ABNT NBR IEC 60335-1:2016", "ABNT NBR IEC 60335-1:2016", {"part": "1"}),
    ("NOM-003-SCFI-2014", "NOM-003-SCFI-2014", {"publisher": "NOM", "number": "003"}),
    ("NOM 003 SCFI 2014", "NOM-003-SCFI-2014", {"year": "2014"}),
    ("NMX-J-521/1-ANCE-2012", "NMX-J-521/1-ANCE-2012", {"series": "J", "part": "1"}),
    ("PROY-NOM-051-SCFI/SSA1-2020", "PROY-NOM-051-SCFI/SSA1-2020", {"stage": "PROY"}),
    ("IRAM-ISO 9001:2015", "IRAM-ISO 9001:2015", {"publisher": "IRAM", "prefix": "ISO"}),
    ("IRAM ISO 9001:2015", "IRAM ISO 9001:2015", {"issuer": "AR"}),
    ("CSA C22.2 No. 60335-1:16", "CSA C22.2 No. 60335-1:16", {"number": "60335", "year": "2016"}),
    ("CAN/CSA-C22.2 No. 60950-1-07", "CAN/CSA-C22.2 No. 60950-1-07", {"year": "2007"}),
    ("CSA Z462:21", "CSA Z462:21", {"number": "Z462"}),
    ("ANSI/UL 1449-2021", "ANSI/UL 1449-2021", {"publisher": "ANSI", "year": "2021"}),
    ("UL 60335-2-40", "UL 60335-2-40", {"publisher": "UL", "part": "2-40"}),
    # Africa, Oceania, Middle East
    ("SANS 10142-1:2020", "SANS 10142-1:2020", {"publisher": "SANS", "part": "1"}),
    ("SANS 60335-1:2019/IEC 60335-1:2016", "SANS 60335-1:2019/IEC 60335-1:2016", {}),
    ("AS/NZS 3000:2018", "AS/NZS 3000:2018", {"publisher": "AS", "copublishers": ("NZS",)}),
    ("AS 1170.4-2007", "AS 1170.4-2007", {"number": "1170", "part": "4"}),
    ("AS/NZS ISO 9001:2016", "AS/NZS ISO 9001:2016", {"prefix": "ISO"}),
    ("ES 7154/2010", "ES 7154/2010", {"publisher": "ES", "issuer": "EG", "year": "2010"}),
    ("SI 900 Part 1", "SI 900 Part 1", {"publisher": "SI", "part": "1"}),
    ("TS EN ISO 9001:2015", "TS EN ISO 9001:2015", {"publisher": "TS", "issuer": "TR"}),
    # Europe
    ("DIN EN ISO 9001:2015-11", "DIN EN ISO 9001:2015-11", {"year": "2015", "month": "11"}),
    ("DIN 1988-200:2012-05", "DIN 1988-200:2012-05", {"number": "1988", "part": "200"}),
    ("E DIN EN 60335-1:2020-08", "E DIN EN 60335-1:2020-08", {"stage": "E"}),
    ("DIN SPEC 91020:2012-07", "DIN SPEC 91020:2012-07", {"prefix": "SPEC"}),
    ("NF C 15-100", "NF C15-100", {"publisher": "NF"}),
    ("NF EN ISO 9001", "NF EN ISO 9001", {"prefix": "EN ISO"}),
    ("UNE-EN ISO 9001:2015", "UNE-EN ISO 9001:2015", {"publisher": "UNE", "issuer": "ES"}),
    ("UNE-EN 60335-1:2012/A11:2014", "UNE-EN 60335-1:2012/A11:2014", {"year": "2012"}),
]


@pytest.mark.parametrize(("text", "canonical", "parts"), CASES, ids=[c[0] for c in CASES])
def test_national_parse_render(text: str, canonical: str, parts: dict) -> None:
    ident = parse(text)
    assert ident.body == "NATIONAL"
    assert normalize(text) == canonical
    assert normalize(canonical) == canonical  # canonical forms are kept
    for name, want in parts.items():
        assert getattr(ident, name) == want, name


# a draft and its published document, written with either year separator, are one work
SAME_WORK = [
    ("DEAS 126:2021", "EAS 126:2021"),
    ("GSO 1943/2016", "GSO 1943:2016"),
    ("ABNT NBR 5410:2004", "NBR 5410:2004"),
    ("ДСТУ 4163-2003", "DSTU 4163:2003"),
    ("E DIN EN 60335-1:2020-08", "DIN EN 60335-1:2023-02"),
    ("PROY-NOM-051-SCFI/SSA1-2020", "NOM-051-SCFI/SSA1-2010"),
]


@pytest.mark.parametrize(("a", "b"), SAME_WORK)
def test_national_same_work(a: str, b: str) -> None:
    assert key(a, "work") == key(b, "work")


def test_adopted_document_is_resolvable() -> None:
    """ "SASO GSO 2530:2021" carries GSO 2530 as its adopted document (work key GSO2530)."""
    ident = parse("SASO GSO 2530:2021")
    assert [key(a, "work") for a in ident.adopted] == ["GSO2530"]
    ident = parse("KS C IEC 60335-1:2017")
    assert [key(a, "work") for a in ident.adopted] == ["IEC60335-1"]
    ident = parse("ДСТУ EN 60335-1:2017 (EN 60335-1:2012, IDT)")
    assert ident.adoption == "IDT" and ident.adopted[0].year == "2012"


@pytest.mark.parametrize(
    "text",
    ["SASO", "GSO :2021", "SNI-8211", "IS 302 (Part 1):20", "DIN 1988:2012-05-01", "ES Brochure"],
)
def test_national_rejects(text: str) -> None:
    with pytest.raises(ParseError):
        parse(text)
