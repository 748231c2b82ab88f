"""The security/load probe as a test (issue 9, F7): every URL pattern of the URLconf and every GET
operation of the OpenAPI document, anonymously and as each persona, with malformed values for every
integer and date parameter (path and query). Nothing may answer 5xx.

Query parameter names come from every FilterSet in the project plus the usual ones (page, id …),
so a new filter is probed as soon as it exists.
"""

from __future__ import annotations

import re
import traceback

import django_filters
import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from tests.programme.conftest import World, make_records, unit_user, uscc

HUGE = "99999999999999999999"
BAD_VALUES = [HUGE, "-1", "0-01", "abc", "\x00", "9999999999-01"]
COMMON_NAMES = {"page", "id", "pk", "month", "year", "date", "from", "to", "since", "until"}
IDENTITIES = ["anonymous", "editor_a", "reader_a", "user_b", "admin", "unit_user"]
STRING_PATH_VALUES = ["abc", "\x00", HUGE]
STRING_PATH_REAL = ["ISO", "ISO/TC 176"]  # a body and a committee that exist


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def query_names() -> list[str]:
    from stdlink.api import api

    get_resolver().url_patterns  # noqa: B018 - imports every app's views and filtersets
    api.urls  # noqa: B018
    names = set(COMMON_NAMES)
    for fs in _subclasses(django_filters.FilterSet):
        names |= set(fs.base_filters)
    return sorted(names)


def _walk(patterns, prefix="", namespace=None, converters=None):
    for p in patterns:
        conv = dict(converters or {})
        if isinstance(p.pattern, RoutePattern):
            conv.update(p.pattern.converters)
        if isinstance(p, URLResolver):
            yield from _walk(
                p.url_patterns, prefix + str(p.pattern), p.namespace or namespace, conv
            )
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), namespace, conv


_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_PARAM = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


def fill(route: str, value_for) -> str:
    """A request path for a route, each parameter replaced by value_for(converter_name, name)."""
    path = _ROUTE_PARAM.sub(lambda m: value_for(m["conv"] or "str", m["name"]), route)
    path = _REGEX_PARAM.sub(lambda m: value_for("regex", m["name"]), path)
    path = path.replace("^", "").replace("$", "").replace("\\Z", "").replace("\\", "")
    return "/" + path


def app_routes():
    """(route, converter name per parameter) of every non-API pattern (the API is walked through
    its OpenAPI document below)."""
    out = []
    for route, ns, conv in _walk(get_resolver().url_patterns):
        if ns == "api-v1":
            continue
        kinds = {name: type(c).__name__ for name, c in conv.items()}
        out.append((route, kinds, ns))
    return out


@pytest.fixture
def probe_world(personas, settings):
    """Records of every programme type in both regions, a committee and a standard, a unit user."""
    from stdlink.catalog.models import Body, Committee, Standard
    from stdlink.core.models import Region
    from stdlink.programme.models import Unit

    unit_a = Unit.objects.create(
        name="杭州甲公司", kind="enterprise", uscc=uscc(1), region=Region.objects.get(code="330106")
    )
    unit_b = Unit.objects.create(
        name="宁波乙公司", kind="enterprise", uscc=uscc(2), region=Region.objects.get(code="330212")
    )
    world = World(unit_a, unit_b, make_records(unit_a, "A"), make_records(unit_b, "B"))
    iso = Body.objects.get(code="ISO")
    committee = Committee.objects.create(body=iso, code="ISO/TC 176")
    Standard.objects.create(
        uid="ISO9001:2015",
        identifier="ISO 9001:2015",
        key="ISO9001:2015",
        work_key="ISO9001",
        body=iso,
        title_en="Quality",
        committee=committee,
        year=2015,
        source="iso",
    )
    users = {
        "anonymous": None,
        "editor_a": personas.editor_a,
        "reader_a": personas.reader_a,
        "user_b": personas.user_b,
        "admin": personas.admin,
        "unit_user": unit_user("unit_a_user", unit_a),
    }
    pks = sorted({str(r.pk) for r in world.records_a.values()})[:3]
    return users, pks


def _check(client, path, params, failures):
    try:
        response = client.get(path, params)
    except Exception as exc:  # noqa: BLE001 - an exception in the view is the finding
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/stdlink/" in f.filename]
        where = (
            f" at {frames[-1].filename.split('/stdlink/')[-1]}:{frames[-1].lineno}"
            if frames
            else ""
        )
        failures.append(f"{path} {_short(params)}: {type(exc).__name__}: {exc}{where}")
        return
    if response.status_code >= 500:
        failures.append(f"{path} {_short(params)}: {response.status_code}")


def _short(params: dict) -> str:
    values = set(params.values())
    if len(values) == 1:
        return f"[{len(params)} parameters] = {next(iter(values))!r}"
    return repr(params)


@pytest.mark.parametrize("identity", IDENTITIES)
def test_no_url_answers_5xx_to_malformed_parameters(client, probe_world, identity):
    users, pks = probe_world
    if users[identity] is not None:
        client.force_login(users[identity])
    names = query_names()
    failures: list[str] = []
    routes = app_routes()
    assert len(routes) > 150  # the walk sees the apps and the admin
    for route, kinds, ns in routes:
        if ns == "admin":
            # Django's admin: every persona is redirected to its log-in before any parameter is
            # read; one request per malformed path value and one with malformed queries.
            for pv in STRING_PATH_VALUES:
                _check(client, fill(route, lambda conv, name, pv=pv: pv), {"p": HUGE}, failures)
            continue
        has_int = "IntConverter" in kinds.values()
        # Path: malformed values for every parameter; real pks so query parameters reach the view.
        path_values = [HUGE, "0"] if has_int else []
        if kinds or "(?P<" in route:
            path_values += STRING_PATH_VALUES if not has_int else []
        for pv in path_values:
            _check(
                client,
                fill(
                    route,
                    lambda conv, name, pv=pv: pv if conv != "IntConverter" or pv.isdigit() else "1",
                ),
                {},
                failures,
            )
        bases = (
            [
                fill(route, lambda conv, name, pk=pk: pk if conv == "IntConverter" else "abc")
                for pk in pks
            ]
            if kinds or "(?P<" in route
            else [fill(route, lambda *a: "")]
        )
        for base in dict.fromkeys(bases):
            for value in BAD_VALUES:
                _check(client, base, {n: value for n in names}, failures)
    assert failures == [], f"{len(failures)} requests answered 5xx:\n" + "\n".join(failures[:60])


def _api_operations():
    from stdlink.api import api

    schema = api.get_openapi_schema()
    for path, ops in schema["paths"].items():
        op = ops.get("get")
        if op:
            yield path, op.get("parameters", [])


def _is_number_or_date(param: dict) -> bool:
    schema = param.get("schema", {})
    types = {schema.get("type")} | {s.get("type") for s in schema.get("anyOf", [])}
    formats = {schema.get("format")} | {s.get("format") for s in schema.get("anyOf", [])}
    return bool(types & {"integer", "number"}) or bool(formats & {"date", "date-time"})


@pytest.mark.parametrize("identity", IDENTITIES)
def test_no_api_get_answers_5xx_to_malformed_parameters(client, probe_world, identity):
    users, pks = probe_world
    if users[identity] is not None:
        client.force_login(users[identity])
    failures: list[str] = []
    ops = list(_api_operations())
    assert len(ops) > 10
    for path, params in ops:
        path_params = [p["name"] for p in params if p["in"] == "path"]
        query = [p for p in params if p["in"] == "query"]
        typed = [p["name"] for p in query if _is_number_or_date(p)]
        others = [p["name"] for p in query if p["name"] not in typed]
        path_choices = [HUGE, "0", "abc", "\x00"] + pks if path_params else [None]
        for pv in path_choices:
            url = path
            for name in path_params:
                url = url.replace("{" + name + "}", pv)
            for value in BAD_VALUES:
                params_ = {n: value for n in typed}
                params_.update({n: value for n in others if value in (HUGE, "0-01", "\x00")})
                _check(client, url, params_, failures)
    assert failures == [], f"{len(failures)} API requests answered 5xx:\n" + "\n".join(
        failures[:60]
    )
