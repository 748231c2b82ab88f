"""A standard's page lists each related standard once, seen from that standard, grouped by meaning
(the case found on the full catalogue: ISO 9001:2015 and its CD drafts each record the pair)."""

from __future__ import annotations

import pytest

from stdlink.catalog.models import Body, Relation, Standard
from stdlink.catalog.queries import relation_groups, standard_context


def _std(body, identifier, status="current"):
    return Standard.objects.create(
        uid=identifier,
        identifier=identifier,
        key=identifier,
        work_key=identifier.split(":")[0],
        body=body,
        status=status,
        source="iso",
    )


def _rel(source, rtype, target, raw="obsoletes"):
    return Relation.objects.create(
        source=source,
        type=rtype,
        target=target,
        target_identifier=target.identifier if target else "ISO 1:1900",
        target_key="x",
        raw_type=raw,
    )


@pytest.fixture
def iso9001(db):
    iso = Body.objects.get(code="ISO")
    s = {
        "2015": _std(iso, "ISO 9001:2015"),
        "2008": _std(iso, "ISO 9001:2008", "replaced"),
        "cd": _std(iso, "ISO/CD 9001.2", "draft"),
        "amd": _std(iso, "ISO 9001:2015/Amd 1:2024"),
    }
    _rel(s["2015"], "replaces", s["2008"])
    _rel(s["2008"], "replaced_by", s["2015"], "updates")  # the same pair from the other side
    _rel(s["2015"], "replaced_by", s["cd"])
    _rel(s["cd"], "replaces", s["2015"])  # ... and again
    _rel(s["2015"], "amended_by", s["amd"], "updates")
    return s


def _shown(standard):
    ctx = standard_context(standard)
    return {g["type"]: [e["identifier"] for e in g["items"]] for g in ctx["relation_groups"]}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "2015",
            {
                "replaces": ["ISO 9001:2008"],
                "replaced_by": ["ISO/CD 9001.2"],
                "amended_by": ["ISO 9001:2015/Amd 1:2024"],
            },
        ),
        ("2008", {"replaced_by": ["ISO 9001:2015"]}),
        ("cd", {"replaces": ["ISO 9001:2015"]}),
        ("amd", {"amends": ["ISO 9001:2015"]}),
    ],
)
def test_each_related_standard_once_in_one_direction(iso9001, page, expected):
    assert _shown(iso9001[page]) == expected


def test_this_records_own_edge_wins_when_the_two_sides_disagree(db):
    iso = Body.objects.get(code="ISO")
    a, b = _std(iso, "ISO 1:2000"), _std(iso, "ISO 1:2010")
    _rel(a, "replaced_by", b)
    _rel(b, "replaced_by", a)  # contradictory record on the other side
    assert _shown(a) == {"replaced_by": ["ISO 1:2010"]}
    assert _shown(b) == {"replaced_by": ["ISO 1:2000"]}


def test_unresolved_targets_are_kept_and_grouped():
    class R:
        def __init__(self, rtype, ident):
            self.type, self.target, self.target_identifier, self.degree = rtype, None, ident, ""

    groups = relation_groups([R("adopts", "ISO 1:2000"), R("adopts", "iso 1:2000")], [])
    assert [(g["type"], len(g["items"])) for g in groups] == [("adopts", 1)]
