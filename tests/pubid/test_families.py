"""Families of identifier forms (issue 16, item 1), one rule each, from the bodies' conventions.

Rows are (input, canonical rendering).  They are written from what the bodies and the PubID
libraries publish — ISO's French and Russian designations (Guide ISO/CEI, ИСО/ОПМС), the
legacy stage codes of the ISO/IEC Directives (PDAM = CD Amd), ITU's file names (T-REC-…),
IEC's committee-document and working-programme designations, JIS technical reports, BSI
adoptions, CENELEC co-publications, GOST adoptions, IEEE's legacy spellings and NIST's
bracketed stages — not from the development vectors.  Each family also checks that its
canonical forms are kept (normalising a canonical form changes nothing).
"""

from __future__ import annotations

import pytest

from stdlink.pubid import key, normalize, parse

FAMILIES = {
    "iso-french": [
        ("Guide ISO/CEI 98-3", "ISO/IEC Guide 98-3"),
        ("GUIDE ISO/CEI 71:2001(F)", "ISO/IEC Guide 71:2001(fr)"),
        ("ISO/CEI 17025:2005/Cor.1:2006(fr)", "ISO/IEC 17025:2005/Cor 1:2006(fr)"),
        ("ISO 9001:2015(F)", "ISO 9001:2015(fr)"),
    ],
    "iso-russian": [
        ("Руководство ИСО/МЭК 76", "ISO/IEC Guide 76"),
        ("ИСО/ОПМС 26000:2010(R)", "ISO/FDIS 26000:2010(ru)"),
        ("ИСО/ПМС 1956/2", "ISO/DIS 1956-2"),
        ("ИСО/ТС 18625", "ISO/TS 18625"),
        ("ИСО/ТО 8517", "ISO/TR 8517"),
        ("ISO 17225-1:2014(R)", "ISO 17225-1:2014(ru)"),
    ],
    "iso-legacy-stages": [
        ("ISO/IEC 27006:2015/PDAM 1", "ISO/IEC 27006:2015/CD Amd 1"),
        ("ISO/IEC 10646-1:1993/pDCOR.2", "ISO/IEC 10646-1:1993/CD Cor 2"),
        ("ISO/IEC 14496-10:2014/FPDAM 1(en)", "ISO/IEC 14496-10:2014/DAM 1(en)"),
        ("ISO 17301-1:2016/FCOR 2.3", "ISO 17301-1:2016/FDCOR 2.3"),
        ("ISO 17301-1:2016/DCOR 1", "ISO 17301-1:2016/DCOR 1"),
        ("ISO 3245:2015/FDAmd 1", "ISO 3245:2015/FDAM 1"),
        ("ISO 4254-1:2005/FDAM 1:2007", "ISO 4254-1:2005/FDAM 1:2007"),
        ("ISO/CD2 14065:2018", "ISO/CD 14065.2:2018"),
        ("ISO/NWIP 19144-4", "ISO/NP 19144-4"),
    ],
    "iso-editions": [
        ("ISO 22610:2006 Ed", "ISO 22610:2006"),
        ("ISO 17121:2000 Ed 1", "ISO 17121:2000"),
        ("ISO 11553-1 Ed.2", "ISO 11553-1"),
        ("ISO/IEC 30142 ED1", "ISO/IEC 30142"),
        ("ISO 9001:2015 Second edition 2015-09-15", "ISO 9001:2015"),
    ],
    "iso-joint": [
        ("ISO 5537|IDF 26", "ISO 5537|IDF 26"),
        ("ISO 8262-2 | IDF 124-2:2005", "ISO 8262-2 | IDF 124-2:2005"),
    ],
    "iso-urn": [
        ("urn:iso:std:iso:21143:stage-draft.v2", "ISO/DIS 21143.2"),
        ("urn:iso:std:iso:9001:stage-40.00", "ISO/DIS 9001"),
        ("urn:iso:std:iso-iec:7816:-6:stage-draft", "ISO/IEC DIS 7816-6"),
    ],
    "iec-urn": [
        (
            "urn:iec:std:iec:62439:-1:2010:csv:amd:2016:v2:amd:2012:v1",
            "IEC 62439-1:2010+AMD1:2012+AMD2:2016 CSV",
        ),
        ("urn:iec:std:iec:60050:-351:2013:amd:2016:v1", "IEC 60050-351:2013/AMD1:2016"),
        ("urn:iec:std:iec:61010:-2-201:2017:rlv", "IEC 61010-2-201:2017 RLV"),
        ("urn:iec:std:iec:ca:01:2020:csv", "IEC CA 01:2020 CSV"),
        ("urn:iec:working-document:cis-d:468a:stage-cc", "CIS/D/468A/CC"),
        ("urn:iec:std:iec:60034-16-3:1996:ts::fr", "IEC TS 60034-16-3:1996(fr)"),
    ],
    "itu": [
        ("T-REC-G.711-198811-I", "ITU-T G.711 (11/1988)"),
        ("ITU T-REC-T.4-200307-I", "ITU-T T.4 (07/2003)"),
        ("R-REC-BT.500-14-201910-I!!PDF-E", "ITU-R BT.500-14 (10/2019)"),
        ("ITU-T REC G.711", "ITU-T G.711"),
        ("ITU-R REC-V.574-5", "ITU-R V.574-5"),
        ("ITU-T OB.1096 - 15.III.2016", "ITU-T OB No. 1096 (03/2016)"),
        ("OB.1200 - 1.VII.2020", "ITU-T OB No. 1200 (07/2020)"),
        ("Annex to ITU-T OB.1283 (01/2024)", "Annex to ITU-T OB No. 1283 (01/2024)"),
        ("ITU-R RR (2020)", "ITU-R RR (2020)"),
        ("Radio Regulations, Edition of 2020", "ITU-R RR (2020)"),
        ("ITU-R 52 (2014)", "ITU-R 52 (2014)"),
        ("ITU-T T.4-E", "ITU-T T.4-E"),
    ],
    "iec-committee-documents": [
        ("SMB/8001/R", "SMB/8001/R"),
        ("61/6500/CDV", "61/6500/CDV"),
        ("JTC1-SC27/300/RVN", "JTC1-SC27/300/RVN"),
        ("SyCAAL/90A/DC", "SyCAAL/90A/DC"),
        ("CIS/D/468A/CC", "CIS/D/468A/CC"),
        ("100/3601(F)/FDIS", "100/3601(F)/FDIS"),
    ],
    "iec-schemes-and-programme": [
        ("IECEE OD-2020:2018", "IECEE OD-2020:2018"),
        ("IECRE OD-501:2018", "IECRE OD-501:2018"),
        ("IECQ OD 3405:2017", "IECQ OD 3405:2017"),
        ("IECEx 02:2019", "IECEx 02:2019"),
        ("IECEE OD-5014 Ed.1.3", "IECEE OD-5014 Ed.1.3"),
        ("IECQ 03-1 Edition 5.0", "IECQ 03-1 Edition 5.0"),
        ("IECEx  OD 233  Ed. 2.0", "IECEx OD 233 Ed. 2.0"),
        ("PWI 100-44 ED1", "IEC PWI 100-44 ED1"),
        ("PWI SRD SyCCOMM-1 ED1", "IEC SRD PWI SyCCOMM-1 ED1"),
    ],
    "jis": [
        ("JIS/TR B 0031:2003", "JIS TR B 0031:2003"),
        ("JIS B 0031:2003/AMENDMENT 2:2019", "JIS B 0031:2003/AMD 2:2019"),
        ("JIS B 0031:2003R", "JIS B 0031:2003R"),
        ("JIS C 7709-1:1997/AMENDMENT 4:2010R", "JIS C 7709-1:1997/AMD 4:2010R"),
        ("JIS Z 8210:2017 SYMBOL JD110", "JIS Z 8210:2017 SYMBOL JD110"),
        ("JIS L 0001:2024 SYMBOL Washing process", "JIS L 0001:2024 SYMBOL Washing process"),
        ("TR B 0035:2019", "JIS TR B 0035:2019"),
    ],
    "bsi": [
        ("PD IEC/TR 80002-3:2014", "PD IEC TR 80002-3:2014"),
        ("BS ISO/PRF PAS 5643", "BS ISO/PAS 5643"),
        ("PD CISPR TR 16-4-5:2006+A2:2021", "PD CISPR TR 16-4-5:2006+A2:2021"),
        ("BS EN ISO/IEC 80079-34:2020 ED2", "BS EN ISO/IEC 80079-34:2020 ED2"),
        ("BS EN 1234:2010 (French version)", "BS EN 1234:2010 (French)"),
        ("PAS 9017:2020+C1 SPANISH TRANSLATION", "PAS 9017:2020+C1 (Spanish)"),
    ],
    "cen": [
        ("EN/CLC/TS 50131-7:2010", "EN/CLC/TS 50131-7:2010"),
        ("EN 50131-1:2006 ED2", "EN 50131-1:2006 ED2"),
        ("CEN-CLC/TR 17602", "CEN/CLC/TR 17602"),
    ],
    "gost": [
        ("ГОСТ Р ИСО/МЭК МФС 10000-1-99", "GOST R ISO/IEC ISP 10000-1-99"),
        ("ГОСТ Р 56939-2016 (ИСО/МЭК 15408-1:2009)", "GOST R 56939-2016 (ISO/IEC 15408-1:2009)"),
        ("ГОСТ Р 58056-2018 (ISO 19650-1:2018, MOD)", "GOST R 58056-2018 (ISO 19650-1:2018, MOD)"),
    ],
    "ieee-legacy": [
        ("IEEE Std 581.1978", "IEEE Std 581-1978"),
        ("IEEE Std 1244-5.2000", "IEEE Std 1244-5-2000"),
        ("IEC 61523-3 First edition 2004-09", "IEC 61523-3 Edition 1.0, September 2004"),
        ("ISO/IEC 15288 First edition 2002-11-01", "ISO/IEC 15288 Edition 1.0, November 1, 2002"),
        ("IEC 62243 Second edition 2012-06", "IEC 62243 Edition 2.0, June 2012"),
        ("IEEE C57.139/D14June 2010", "IEEE Draft Std C57.139/D14, June 2010"),
        ("IEEE P802.11ajD8.0, August 2017", "IEEE Draft Std P802.11aj/D8.0, August 2017"),
        ("IEEE P2410-D4, July 2019", "IEEE Draft Std P2410/D4, July 2019"),
        (
            "IEEE Unapproved Draft Std P1003.1_D4 , Jan 2008",
            "IEEE Draft Std P1003.1/D4, January 2008",
        ),
        ("AIEE No 41-1930 (ASA C29A-1930)", "AIEE No 41-1930 (ASA C29A-1930)"),
        ("ANSI PC63.10/D14, April 2020", "ANSI Draft PC63.10/D14, April 2020"),
    ],
    "typography-and-tokens": [
        ("ISO 9001 : 2015", "ISO 9001:2015"),
        ("IEC 60335-1:2010+A1:2013", "IEC 60335-1:2010+AMD1:2013"),
        ("NIST SP800-53r5", "NIST SP 800-53r5"),
    ],
    "adoption-statements": [
        ("GB/T 19001—2016/ISO 9001:2015", "GB/T 19001-2016/ISO 9001:2015"),
        ("GB/T 24001-2016 (ISO 14001:2015, IDT)", "GB/T 24001-2016 (ISO 14001:2015, IDT)"),
        ("GB 4706.1-2005 (IEC 60335-1:2004, idt)", "GB 4706.1-2005 (IEC 60335-1:2004, IDT)"),
    ],
    "nist": [
        ("NIST IR 8259 (ipd)", "NIST IR 8259 ipd"),
        ("NIST SP 800-171r2 (Spanish)", "NIST SP 800-171r2 spa"),
        ("NIST SP 1800-19 (Draft)", "NIST SP 1800-19 iprd"),
        ("NIST SP 500-268v1.1", "NIST SP 500-268ver1.1"),
        ("NIST SP 304a-2017", "NIST SP 304Ae2017"),
        ("NIST SP 800-56ar", "NIST SP 800-56Ar1"),
        ("NIST SP 955 Suppl.", "NIST SP 955sup"),
        ("NIST SP 800-189 IPD spa", "NIST SP 800-189 ipd spa"),
        ("NIST IR 4335r11/90", "NIST IR 4335/Upd1-199011"),
        ("NIST SP 800-38a-add", "NIST SP 800-38A Add."),
        ("NIST IR 6529-a", "NIST IR 6529-A"),
        ("NISTIR 8259A", "NIST IR 8259A"),
        ("NIST.SP.800-53r5", "NIST SP 800-53r5"),
        ("NIST SP 800-57, Part 1", "NIST SP 800-57pt1"),
    ],
}
CASES = [(fam, a, b) for fam, rows in FAMILIES.items() for a, b in rows]


@pytest.mark.parametrize(
    ("family", "text", "canonical"), CASES, ids=[f"{f}:{a}" for f, a, _ in CASES]
)
def test_family_rule(family: str, text: str, canonical: str) -> None:
    assert normalize(text) == canonical
    assert normalize(canonical) == canonical


# Where the input does not determine the canonical form, the text is kept verbatim: a NIST
# update whose date is not written (v1 looks it up in a table; we do not).
VERBATIM = ["NIST SP 800-53 Rev. 5 Upd. 1"]


@pytest.mark.parametrize("text", VERBATIM)
def test_undetermined_forms_are_kept(text: str) -> None:
    assert normalize(text) == text


def test_french_and_russian_forms_share_the_english_keys() -> None:
    assert key("Guide ISO/CEI 98-3", "work") == key("ISO/IEC Guide 98-3", "work")
    assert key("Руководство ИСО/МЭК 76", "work") == key("ISO/IEC Guide 76", "work")
    assert key("ISO 5537|IDF 26") == key("ISO 5537 | IDF 26")


def test_t_rec_file_name_components() -> None:
    i = parse("T-REC-G.711-198811-I")
    assert (i.publisher, i.series, i.number, i.year, i.month) == ("ITU-T", "G", "711", "1988", "11")


def test_legacy_stage_components() -> None:
    sup = parse("ISO/IEC 27006:2015/PDAM 1").supplements[-1]
    assert (sup.type, sup.stage, sup.number) == ("amd", "CD", "1")
    sup = parse("ISO/IEC 10646-1:1993/pDCOR.2").supplements[-1]
    assert (sup.type, sup.stage, sup.number) == ("cor", "CD", "2")


def test_adoption_statements_do_not_change_the_keys() -> None:
    """An adoption stated after "/" or in brackets describes the standard; it is not part of
    its designation, so every key is the standard's own (prefix adoptions stay in the key)."""
    for level in ("work", "edition", "exact"):
        assert key("GB/T 19001-2016/ISO 9001:2015", level) == key("GB/T 19001-2016", level)
        assert key("GOST R 56939-2016 (ISO/IEC 15408-1:2009)", level) == key(
            "GOST R 56939-2016", level
        )
    assert key("SASO GSO 2530:2021", "work") != key("SASO 2530:2021", "work")
    adopted = parse("GB/T 19001-2016/ISO 9001:2015").adopted[0]
    assert (adopted.publisher, adopted.number, adopted.year) == ("ISO", "9001", "2015")


def test_committee_document_urn_round_trip() -> None:
    from stdlink.pubid import urn

    assert urn(parse("86B/4488(F)/CDV")) == "urn:iec:working-document:86b:4488(f):stage-cdv"
    assert normalize("urn:iec:working-document:100:3590:stage-cdv") == "100/3590/CDV"
