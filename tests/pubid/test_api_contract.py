"""The API other capabilities code against: keys, comparisons, rejects, CLI."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from argparse import ArgumentParser

import pytest

from stdlink.pubid import (
    Identifier,
    ParseError,
    is_newer_edition,
    is_supplement_of,
    key,
    normalize,
    parse,
    render,
    same_work,
)
from stdlink.pubid import cli as pubid_cli

ISSUE_EXAMPLES = [
    ("GB/T 19001—2016", "GB/T 19001-2016", "CN"),
    ("GB/T19001-2016", "GB/T 19001-2016", "CN"),
    ("ISO 9001:2015(E)", "ISO 9001:2015(en)", "ISO"),
    ("ISO/IEC 27001:2022/Amd 1:2024", "ISO/IEC 27001:2022/Amd 1:2024", "ISO"),
    ("IEC 60335-1:2010+AMD1:2013 CSV", "IEC 60335-1:2010+AMD1:2013 CSV", "IEC"),
    ("EN ISO 13485:2016/AC:2018", "EN ISO 13485:2016/AC:2018", "CEN"),
    ("BS EN 60204-1:2018", "BS EN 60204-1:2018", "BSI"),
    ("IEEE Std 802.11-2020", "IEEE Std 802.11-2020", "IEEE"),
    ("ITU-T Y.2060 (06/2012)", "ITU-T Y.2060 (06/2012)", "ITU"),
    ("JIS Z 8301:2019", "JIS Z 8301:2019", "JIS"),
    ("ГОСТ Р ИСО 9001-2015", "GOST R ISO 9001-2015", "GOST"),
    ("ASTM F963-17", "ASTM F963-17", "ASTM"),
    ("DB33/T 2350-2021", "DB33/T 2350-2021", "CN"),
    ("T/ZZB 0001-2016", "T/ZZB 0001-2016", "CN"),
    ("Q/GDW 1234-2018", "Q/GDW 1234-2018", "CN"),
    ("urn:iso:std:iso:9001:stage-90.92", "ISO 9001", "ISO"),
    ("ECMA-262", "ECMA-262", "ECMA"),
    ("CIE 015:2018", "CIE 015:2018", "CIE"),
    ("OIML R 111-1:2004 (E)", "OIML R 111-1:2004 (E)", "OIML"),
]


@pytest.mark.parametrize(("text", "canonical", "body"), ISSUE_EXAMPLES)
def test_issue_examples(text: str, canonical: str, body: str) -> None:
    ident = parse(text)
    assert isinstance(ident, Identifier)
    assert ident.body == body
    assert render(ident) == canonical
    json.dumps(ident.to_dict(), ensure_ascii=False)


def test_keys_are_case_and_spacing_insensitive() -> None:
    assert key("iso9001", "work") == key("ISO 9001", "work") == key("ISO  9001", "work")
    assert key("GB/T 19001—2016", "edition") == key("GB/T19001-2016", "edition")
    assert key("ISO 9001:2015(E)", "edition") == key("ISO 9001:2015", "edition")
    assert key("ISO 10079-1:1991/COR1:1992") == key("ISO 10079-1:1991/Cor 1:1992")


def test_key_levels() -> None:
    i = parse("ISO 9001:2015/Amd 1:2024")
    assert key(i, "work") == key("ISO 9001", "work")
    assert key(i, "edition") == key("ISO 9001:2015", "edition")
    assert key(i, "exact") != key("ISO 9001:2015", "exact")
    with pytest.raises(ValueError):
        key(i, "bogus")


def test_compare_helpers() -> None:
    assert same_work("ISO 9001:2015", "ISO 9001:2008")
    assert not same_work("ISO 9001:2015", "ISO 9004:2018")
    assert is_newer_edition("ISO 9001:2015", "ISO 9001:2008")
    assert not is_newer_edition("ISO 9001:2008", "ISO 9001:2015")
    assert not is_newer_edition("ISO 9001:2015", "ISO 14001:2004")
    assert is_newer_edition("GB/T 19001-2016", "GB/T 19001—2008")
    assert is_supplement_of("ISO 9001:2015/Amd 1:2024", "ISO 9001:2015")
    assert is_supplement_of(
        "ISO/IEC 13818-1:2015/Amd 3:2016/Cor 1:2017", "ISO/IEC 13818-1:2015/Amd 3:2016"
    )
    assert is_supplement_of("IEC 60335-1:2010+AMD1:2013 CSV", "IEC 60335-1:2010")
    assert is_supplement_of("GB 18352.6-2016/XG1-2026", "GB 18352.6-2016")
    assert not is_supplement_of("ISO 9001:2015", "ISO 9001:2015")
    base = parse("IEC 60335-1:2010+AMD1:2013 CSV").base
    assert base is not None and render(base) == "IEC 60335-1:2010"


def test_chinese_components() -> None:
    i = parse("GB18352.6-2016/XG1-2026")
    assert (i.publisher, i.prefix, i.scope, i.nature, i.number, i.part, i.year) == (
        "GB",
        "GB",
        "national",
        "mandatory",
        "18352",
        "6",
        "2016",
    )
    assert i.supplements[0].type == "xg"
    d = parse("DB33/T 2350-2021")
    assert (d.scope, d.issuer, d.nature) == ("local", "33", "T")
    assert parse("T/ZZB 0001-2016").scope == "social-group"
    assert parse("Q/GDW 1234-2018").scope == "enterprise"


@pytest.mark.parametrize(
    "bad",
    [
        "",
        "   ",
        "xyz",
        "INVALID 12345",
        "GB/T -2006",
        "ISO",
        "urn:iso:iso:9001",
        "ZZ/T 123-2020",
        "DB99/T 1-2020",
        "NIST WRONG-SERIE 800-11",
    ],
)
def test_rejects_with_position(bad: str) -> None:
    with pytest.raises(ParseError) as exc:
        parse(bad)
    assert exc.value.expected
    assert 0 <= exc.value.position <= len(bad)


def test_hint_biases_ambiguous_prefix() -> None:
    assert parse("TR B 0035:2019").body == "JIS"
    assert parse("TS 1:1998", hint="BSI").body == "BSI"


def test_identifier_is_frozen() -> None:
    i = parse("ISO 9001:2015")
    with pytest.raises(AttributeError):
        i.year = "2016"  # type: ignore[misc]


def _run(argv: list[str], stdin: str = "") -> tuple[int, str]:
    parser = ArgumentParser(prog="stdlink")
    pubid_cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    old_in, old_out = sys.stdin, sys.stdout
    sys.stdin, sys.stdout = io.StringIO(stdin), io.StringIO()
    try:
        code = args.func(args)
        return code, sys.stdout.getvalue()
    finally:
        sys.stdin, sys.stdout = old_in, old_out


def test_cli_parse_json() -> None:
    code, out = _run(["pubid", "parse", "GB/T19001-2016", "--json"])
    assert code == 0
    data = json.loads(out)
    assert data["normalized"] == "GB/T 19001-2016" and data["scope"] == "national"


def test_cli_parse_error_exit_code() -> None:
    code, _ = _run(["pubid", "parse", "not an identifier"])
    assert code == 2


def test_cli_normalize_never_stops() -> None:
    lines = ["GB/T19001—2016", "garbage here", "", "ISO9001:2015", "ΩΩΩ"]
    code, out = _run(["pubid", "normalize"], "\n".join(lines) + "\n")
    assert code == 0
    rows = out.split("\n")[:-1]
    assert len(rows) == len(lines)
    assert rows[0] == "GB/T 19001-2016" and rows[3] == "ISO 9001:2015"
    for i in (1, 2, 4):
        field, err = rows[i].split("\t", 1)
        assert field == "" and "position" in err


def test_cli_module_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "stdlink.pubid.cli", "pubid", "normalize"],
        input="JISX0208:1997\nbad\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.splitlines()[0] == "JIS X 0208:1997"
    assert proc.stdout.splitlines()[1].startswith("\t")


def test_no_django_import() -> None:
    code = (
        "import sys, stdlink.pubid, stdlink.pubid.cli; "
        "sys.exit(1 if any(m == 'django' or m.startswith('django.') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], timeout=60).returncode == 0


def test_normalize_cached_and_stable() -> None:
    assert normalize("ＧＢ／Ｔ　１９００１－２０１６") == "GB/T 19001-2016"
