"""Reading identifiers and committee codes out of a query, and answering them by key.

"GB/T 19001-2016", "iso9001", "ISO 9001 2015", "gbt19001" are identifiers (stdlink.pubid, after
a few spelling repairs people need); "9001" and "60601-1" are bare document numbers; "ISO/TC 176"
is a committee code and becomes a committee filter. A parsed identifier with no match gets a
"did you mean" from the identifiers of the same publisher (rapidfuzz).
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache

from stdlink.pubid import ParseError, key, parse

_CN_CODE = re.compile(r"^(GB|YY|JB|QB|HG|SJ|NY|WS|HJ|GA|JJF|JJG|DB\d{2})\s*([TZ])\s*(?=\d)")
_DASHED_PUBLISHER = re.compile(r"^([A-Z][A-Z/]*[A-Z])-(?=\d)")
_SPACED_YEAR = re.compile(r"^(.*\d)\s+((?:19|20)\d\d)$")
_NUMBER = re.compile(r"^(\d{3,6}(?:[-.]\d{1,3})*)(?:[:-]((?:19|20)\d\d))?$")
_COMMITTEE = re.compile(
    r"^(?P<body>ISO/IEC\s*JTC\s*1|ISO/IEC|ISO|IEC|CEN|CENELEC|ETSI|ITU-[TR]|SAC|IEEE|JISC|IALA|OIML)"
    r"\s*/\s*(?P<kind>TC|SC|PC|JTC|SG|TMBG|TMB|CASCO)\s*(?P<num>\d+)"
    r"(?P<sub>(?:\s*/\s*(?:SC|WG|JWG)\s*\d+)*)(?:\s+|$)(?P<rest>.*)$",
    re.IGNORECASE,
)
_STATUS_GROUP = {
    "current": 0,
    "upcoming": 1,
    "draft": 1,
    "unknown": 1,
    "withdrawn": 2,
    "replaced": 2,
}
#: For a bare number ("9001") the international and Chinese national documents come first.
PUBLISHER_PREFERENCE = {"ISO": 0, "IEC": 0, "GB": 1}


def status_group(status: str) -> int:
    return _STATUS_GROUP.get(status, 1)


@dataclass(frozen=True)
class Analysis:
    """What a query is: an identifier, a bare number, a committee code and/or free text."""

    text: str
    exact_key: str | None = None
    work_key: str | None = None
    publisher: str | None = None
    normalized: str | None = None
    number: str | None = None
    number_year: str | None = None
    committee: str | None = None
    rest: str = ""  # what follows the identifier (or the number)
    free_text: str = ""  # what follows the committee code (the whole text without one)

    @property
    def is_identifier(self) -> bool:
        return self.exact_key is not None or self.number is not None


def _variants(text: str) -> list[str]:
    upper = text.upper()
    out = [text, upper]
    cn = _CN_CODE.sub(lambda m: f"{m.group(1)}/{m.group(2)} ", upper)
    out.append(cn)
    out.append(_DASHED_PUBLISHER.sub(r"\1 ", cn))
    for candidate in list(out):
        m = _SPACED_YEAR.match(candidate)
        if m:
            out.append(f"{m.group(1)}:{m.group(2)}")
            out.append(f"{m.group(1)}-{m.group(2)}")
    return list(dict.fromkeys(out))


def _parse_identifier(text: str):
    if not any(c.isdigit() for c in text) or not any(c.isalpha() for c in text):
        return None
    for variant in _variants(text):
        try:
            return parse(variant), variant
        except (ParseError, ValueError):
            continue
    return None


def normalise_committee(body: str, kind: str, num: str, sub: str) -> str:
    body = (
        re.sub(r"\s+", " ", body.upper())
        .replace("JTC1", "JTC 1")
        .replace("ISO/IECJTC", "ISO/IEC JTC")
    )
    code = f"{body}/{kind.upper()} {num}"
    for part in re.findall(r"(SC|WG|JWG)\s*(\d+)", sub.upper()):
        code += f"/{part[0]} {part[1]}"
    return code


@lru_cache(maxsize=4096)
def analyse(text: str) -> Analysis:
    """Recognise identifier, number and committee parts of a (cleaned) query."""
    committee = None
    m = _COMMITTEE.match(text)
    if m:
        committee = normalise_committee(
            m.group("body"), m.group("kind"), m.group("num"), m.group("sub") or ""
        )
        text_rest = m.group("rest").strip()
    else:
        text_rest = text
    tokens = text_rest.split()
    for n in range(min(len(tokens), 4), 0, -1):
        found = _parse_identifier(" ".join(tokens[:n]))
        if found is None:
            continue
        ident, variant = found
        try:
            exact, work = key(variant, level="exact"), key(variant, level="work")
        except (ParseError, ValueError):
            continue
        return Analysis(
            text=text,
            exact_key=exact,
            work_key=work,
            free_text=text_rest,
            publisher=_publisher(work),
            normalized=ident.to_dict().get("normalized") or variant,
            committee=committee,
            rest=" ".join(tokens[n:]),
        )
    if tokens:
        m = _NUMBER.match(tokens[0])
        if m and not (len(m.group(1)) == 4 and m.group(1)[:2] in ("19", "20") and not m.group(2)):
            return Analysis(
                text=text,
                number=m.group(1),
                number_year=m.group(2),
                committee=committee,
                rest=" ".join(tokens[1:]),
                free_text=text_rest,
            )
    return Analysis(text=text, committee=committee, rest=text_rest, free_text=text_rest)


def _publisher(work_key: str) -> str:
    from stdlink.search.indexer import publisher_of

    return publisher_of(work_key)


# --- matching by key (backend-neutral: plain ORM over SearchDoc) ------------------------------

#: ident_rank of a hit: exact key, same work, a part of the work (IEC 60601 → IEC 60601-1),
#: the corrected identifier of a near miss, a bare-number match.
EXACT, WORK, PART, FUZZY, NUMBER = 0, 1, 2, 3, 4


def key_matches(analysis: Analysis) -> dict[int, int]:
    """{SearchDoc id: ident_rank} for an identifier query (one indexed look-up)."""
    from django.db import connection

    if analysis.exact_key is None:
        return {}
    work = analysis.work_key or analysis.exact_key
    sql = (
        "SELECT id, key, work_key FROM search_searchdoc WHERE key = %s OR work_key = %s "
        "OR (work_key > %s AND work_key < %s) OR (work_key > %s AND work_key < %s) "
        "LIMIT 2000"
    )
    # Parts sort right after the work: "IEC60601-…" lies between "IEC60601-" and "IEC60601.",
    # "GB9706.…" between "GB9706." and "GB9706/".
    params = [analysis.exact_key, work, work + "-", work + ".", work + ".", work + "/"]
    with connection.cursor() as cur:
        cur.execute(sql, params)
        rows = cur.fetchall()
    return {
        pk: EXACT if k == analysis.exact_key else WORK if wk == work else PART for pk, k, wk in rows
    }


def joint_variant(analysis: Analysis) -> Analysis | None:
    """The same identifier as an ISO/IEC joint document ("ISO 27001" → "ISO/IEC 27001")."""
    from dataclasses import replace

    work, exact = analysis.work_key or "", analysis.exact_key or ""
    for single in ("ISO", "IEC"):
        if (
            work.startswith(single)
            and not work.startswith("ISO/IEC")
            and work[len(single) : len(single) + 1].isdigit()
        ):
            return replace(
                analysis,
                work_key="ISO/IEC" + work[len(single) :],
                exact_key="ISO/IEC" + exact[len(single) :],
            )
    return None


_fuzzy_lock = threading.Lock()
_fuzzy_cache: dict[str, tuple[tuple[int, int], list[str], float]] = {}


def _work_keys(publisher: str) -> list[str]:
    from django.db.models import Count, Max

    from stdlink.search.models import SearchDoc

    cached = _fuzzy_cache.get(publisher)
    now = time.monotonic()
    if cached and now - cached[2] < 30:  # re-check the index at most every 30 s
        return cached[1]
    stamp = SearchDoc.objects.aggregate(n=Count("id"), m=Max("id"))
    version = (stamp["n"], stamp["m"] or 0)
    if cached and cached[0] == version:
        _fuzzy_cache[publisher] = (version, cached[1], now)
        return cached[1]
    keys = sorted(
        set(SearchDoc.objects.filter(publisher=publisher).values_list("work_key", flat=True))
    )
    with _fuzzy_lock:
        _fuzzy_cache[publisher] = (version, keys, now)
    return keys


def did_you_mean(analysis: Analysis) -> str | None:
    """The work key of the closest identifier of the same publisher, for a near miss.

    Candidates come from rapidfuzz's ratio; among them the fewest edits win, then the same
    shape (a typo, not another part: "ISO 90001" is ISO 9001, not ISO 9000-1), then the work
    with most documents (the better-known standard)."""
    from django.db.models import Count
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    from stdlink.search.models import SearchDoc

    if not analysis.publisher or not analysis.work_key:
        return None
    choices = _work_keys(analysis.publisher)
    if not choices:
        return None
    wanted = analysis.work_key
    best = process.extract(wanted, choices, scorer=fuzz.ratio, limit=10, score_cutoff=70)
    if not best:
        return None
    candidates = [c for c, _, _ in best]
    sizes = dict(
        SearchDoc.objects.filter(work_key__in=candidates)
        .values_list("work_key")
        .annotate(n=Count("id"))
        .values_list("work_key", "n")
    )

    def shape(text: str) -> int:
        return sum(text.count(c) for c in "-./")

    candidates.sort(
        key=lambda c: (
            Levenshtein.distance(wanted, c),
            abs(shape(c) - shape(wanted)),
            -sizes.get(c, 0),
            c,
        )
    )
    return candidates[0]


def number_matches(
    number: str, year: str | None, candidates: list[tuple[int, str, str]]
) -> dict[int, int]:
    """{id: NUMBER rank} among (id, work_key, key) candidates whose document number is `number`
    ("9001" is ISO 9001 and JIS Q 9001, not GB/T 19001)."""
    pattern = re.compile(r"(?<![0-9A-Za-z.\-])" + re.escape(number) + r"$")
    loose = re.compile(r"(?<![0-9])" + re.escape(number) + r"$")
    out: dict[int, int] = {}
    for pk, work_key, exact in candidates:
        if pattern.search(work_key) or loose.search(work_key):
            out[pk] = EXACT if (year and exact.endswith(year)) else NUMBER
        elif re.search(r"(?<![0-9])" + re.escape(number) + r"[-.]", work_key):
            out[pk] = NUMBER + 1
    return out
