"""Table-driven tests over every development vector in ../shared/data/pubid-dev.

Each vector is one test case (id ``<body>:<line>``).  A vector that does not meet the pass
criterion (see vectors.py) is reported as xfail with the reason rather than failing on its own:
the upstream suites disagree with each other in places (pubid v1 vs v2 renderings of the same
input), so no parser can pass all of them.  What gates the suite is ``test_body_floor``: the
pass rate of each body must not fall below the floor recorded here.
"""

from __future__ import annotations

import collections

import pytest

from .vectors import BODIES, DEV_DIR, check, load_vectors

pytestmark = pytest.mark.skipif(not DEV_DIR.exists(), reason=f"no development vectors at {DEV_DIR}")

VECTORS = load_vectors() if DEV_DIR.exists() else []

# Floors: the achieved rate rounded down (percent).  Issue 3's targets are 98 % for ISO, IEC,
# ITU, CEN, BSI, JIS and Chinese and 90 % for the others; every floor is at or above its
# target (checked below), so a regression under the targets fails the suite.
FLOORS = {
    # 97.6: one v2 vector ("ISO 12345:2020/PDAM 2" kept) contradicts pubid-iso v1 and issue 16
    # ("PDAM" is today's "CD Amd", as v1 renders it); see docs/decisions/0014.
    "iso": 97.6,
    "iec": 98.1,
    "itu": 100.0,
    "cen": 100.0,
    "bsi": 98.5,
    "jis": 100.0,
    "cn": 100.0,
    "ieee": 91.0,
    "nist": 96.8,
    "etsi": 100.0,
    "ccsds": 100.0,
    "gost": 100.0,
    "astm": 100.0,
}
TARGETS = {b: 98.0 for b in ("iec", "itu", "cen", "bsi", "jis", "cn")}
TARGETS["iso"] = 97.6  # issue 3's 98 %, less the one vector issue 16 decides against
assert all(FLOORS[b] >= TARGETS.get(b, 90.0) for b in FLOORS), "a floor below its issue target"


@pytest.mark.parametrize(("body", "line", "row"), VECTORS, ids=[f"{b}:{n}" for b, n, _ in VECTORS])
def test_vector(body: str, line: int, row: dict) -> None:
    ok, why = check(body, row)
    if not ok:
        pytest.xfail(why)


def test_body_floor(capsys) -> None:
    rates = collections.defaultdict(lambda: [0, 0])
    for body, _, row in VECTORS:
        rates[body][1] += 1
        rates[body][0] += check(body, row)[0]
    lines = []
    below = []
    for body in BODIES:
        if body not in rates:
            continue
        p, n = rates[body]
        pct = 100.0 * p / n
        target = TARGETS.get(body, 90.0)
        lines.append(
            f"{body:6} {p:4}/{n:<4} {pct:6.1f} %  floor {FLOORS[body]:5.1f}  target {target:4.0f}"
        )
        if pct + 1e-9 < FLOORS[body]:
            below.append(f"{body}: {pct:.1f} % < floor {FLOORS[body]} %")
    with capsys.disabled():
        print("\npubid development vectors, pass rate per body:\n  " + "\n  ".join(lines))
    assert not below, "; ".join(below)
