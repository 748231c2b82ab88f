"""Development-vector loading and the pass criterion shared by the tests and the benchmark.

A vector passes when:
- ``expect: reject`` → parse raises ParseError;
- ``expect: parse`` → parse succeeds, and
  - ``normalized`` (when given) equals ``render(ident)``;
  - ``observed_roundtrip`` exact/casefold (when given) holds for ``render(ident)``;
  - the neutral core parts that are asserted (publisher, number, part, year, and for Chinese
    codes prefix/scope/issuer/nature) match the parsed components.  For a supplement, the
    top-level number/year describe the supplement and ``base.*`` the base document, as in the
    upstream suites; Chinese vectors describe the base and list XG sheets in ``supplements``.
Other asserted parts (URNs, implementation class names, alternative renderings) are
reported as *soft* checks, not counted in the pass rate.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA_DIR = Path(os.environ.get("STDLINK_DATA_DIR", REPO / ".." / "shared" / "data")).resolve()
DEV_DIR = DATA_DIR / "pubid-dev"
BODIES = (
    "iso",
    "iec",
    "itu",
    "ieee",
    "nist",
    "cen",
    "bsi",
    "jis",
    "etsi",
    "ccsds",
    "gost",
    "astm",
    "cn",
)


def load_vectors(dev_dir: Path = DEV_DIR) -> list[tuple[str, int, dict]]:
    rows = []
    for body in BODIES:
        path = dev_dir / f"{body}.jsonl"
        if not path.exists():
            continue
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            if line.strip():
                rows.append((body, i + 1, json.loads(line)))
    return rows


def _get(ident, name):
    if name in ("number", "year", "type", "stage", "iteration") and ident.supplements:
        sup = ident.supplements[-1]
        if name == "stage":
            return sup.stage
        return getattr(sup, name)
    return getattr(ident, name, None)


CORE = ("publisher", "number", "part", "year")
CN_CORE = ("publisher", "number", "part", "year", "prefix", "scope", "issuer", "nature")


def check(body: str, row: dict) -> tuple[bool, str]:
    """Apply the pass criterion to one vector; return (passed, reason)."""
    from stdlink.pubid import ParseError, parse, render

    text = row["input"]
    try:
        ident = parse(text)
    except ParseError as exc:
        if row["expect"] == "reject":
            return True, "rejected"
        return False, f"ParseError: {exc}"
    if row["expect"] == "reject":
        return False, f"accepted as {render(ident)!r}"
    out = render(ident)
    want = row.get("normalized")
    if want is not None and out != want:
        return False, f"rendered {out!r}, expected {want!r}"
    parts = row.get("parts") or {}
    rt = parts.get("observed_roundtrip")
    if rt == "exact" and out != text:
        return False, f"round trip {out!r} != {text!r}"
    if rt == "casefold" and out.casefold() != text.casefold():
        return False, f"round trip {out!r} !~ {text!r}"
    names = CN_CORE if body == "cn" else CORE
    for name in names:
        if name not in parts:
            continue
        want_v = parts[name]
        if body == "cn":
            got = getattr(ident, name)
        else:
            got = _get(ident, name)
        if name == "publisher" and want_v in (None, "") and got is not None:
            if body not in ("iso", "nist"):
                continue
        if isinstance(want_v, (dict, list)):
            continue
        if (got or None) != (want_v or None):
            return False, f"{name}={got!r}, expected {want_v!r}"
    return True, "ok"


def _parts_ok(body: str, ident, parts: dict) -> bool | None:
    """True/False when the row asserts core components, None when it asserts none."""
    names = CN_CORE if body == "cn" else CORE
    asserted = [n for n in names if n in parts and not isinstance(parts[n], (dict, list))]
    if not asserted:
        return None
    for name in asserted:
        want_v = parts[name]
        got = getattr(ident, name) if body == "cn" else _get(ident, name)
        if name == "publisher" and want_v in (None, "") and got is not None:
            if body not in ("iso", "nist"):
                continue
        if (got or None) != (want_v or None):
            return False
    return True


def rates(rows) -> dict[str, tuple[int, int]]:
    """The three measures of issue 16 over ``rows`` (body, line, row), as (passed, total):

    - ``repair``: a non-canonical input (``normalized`` given and different from the input)
      renders to its canonical form;
    - ``stability``: a canonical input (``normalized`` equal to the input, or an observed
      exact/casefold round trip) renders to itself;
    - ``components``: the asserted core components (publisher, number, part, year; Chinese
      prefix/scope/issuer/nature) are the parsed ones.
    A row that does not parse fails every measure it takes part in.
    """
    from stdlink.pubid import ParseError, parse, render

    out = {"repair": [0, 0], "stability": [0, 0], "components": [0, 0]}
    for body, _, row in rows:
        if row["expect"] != "parse":
            continue
        text = row["input"]
        want = row.get("normalized")
        parts = row.get("parts") or {}
        rt = parts.get("observed_roundtrip")
        try:
            ident = parse(text)
            got = render(ident)
        except ParseError:
            ident = got = None
        if want is not None and want != text:
            out["repair"][1] += 1
            out["repair"][0] += got == want
        elif want == text or rt in ("exact", "casefold"):
            out["stability"][1] += 1
            if rt == "casefold" and want is None:
                out["stability"][0] += got is not None and got.casefold() == text.casefold()
            else:
                out["stability"][0] += got == text
        ok = _parts_ok(body, ident, parts) if ident is not None else None
        if ok is not None or (ident is None and any(n in parts for n in CORE)):
            out["components"][1] += 1
            out["components"][0] += bool(ok)
    return {k: (v[0], v[1]) for k, v in out.items()}
