"""The one rule for integer, month and date parameters (core.params): 4xx, never 500."""

from __future__ import annotations

import datetime as dt

import pytest

from stdlink.core.params import ParamError, month_or_none, parse_date, parse_int, parse_month


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7", 7), ("", None), (None, None), (" 12 ", 12)],
)
def test_parse_int(value, expected):
    assert parse_int(value, "page") == expected


@pytest.mark.parametrize("value", ["99999999999999999999", "-1", "0", "abc", "\x00", "1e3"])
def test_parse_int_refuses(value):
    with pytest.raises(ParamError):
        parse_int(value, "page")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-03", dt.date(2021, 3, 1)),
        ("2021-3", dt.date(2021, 3, 1)),
        ("0-01", None),
        ("9999999999-01", None),
        ("2021-13", None),
        ("abc", None),
        ("\x00", None),
    ],
)
def test_month_or_none(value, expected):
    assert month_or_none(value) == expected


def test_parse_month_and_date_raise_param_errors():
    assert parse_month("2021-04") == dt.date(2021, 4, 1)
    assert parse_date("2021-04-05", "since") == dt.date(2021, 4, 5)
    for bad in ("0-01", "2021-00"):
        with pytest.raises(ParamError):
            parse_month(bad)
    with pytest.raises(ParamError):
        parse_date("0000-01-01", "since")


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/standards?page=99999999999999999999",
        "/api/v1/committees?page=99999999999999999999",
        "/api/v1/ics?page=-1",
        "/api/v1/standards?year=99999999999999999999",
        "/api/v1/programme/surveys?month=0-01",
        "/api/v1/ledger/tasks?document=99999999999999999999",
    ],
)
def test_api_answers_4xx(client, personas, url):
    client.force_login(personas.admin)
    assert 400 <= client.get(url).status_code < 500


@pytest.mark.parametrize(
    "url",
    [
        "/programme/surveys/?month=0-01",
        "/programme/surveys/?month=9999999999-01",
        "/ledger/?issuer=99999999999999999999",
        "/ledger/status/?owner=99999999999999999999&document=99999999999999999999",
        "/standards/?year=99999999999999999999&page=99999999999999999999",
    ],
)
def test_pages_show_the_filter_error(client, personas, url):
    client.force_login(personas.admin)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["filter"].errors


@pytest.mark.parametrize("url", ["/ics/%00/", "/api/v1/bodies/%00", "/standards/lookup?id=%00"])
def test_nul_characters_are_refused(client, db, url):
    assert client.get(url).status_code == 400
