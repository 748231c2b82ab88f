"""Snippets: escape the text first, then wrap the query's words in <mark> (never the reverse)."""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from stdlink.search.segment import HAS_CJK, Term

_SUFFIXES = (
    "ements",
    "ement",
    "ations",
    "ation",
    "ities",
    "ity",
    "ies",
    "ing",
    "ed",
    "es",
    "s",
    "y",
)


def _stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=2048)
def pattern(terms: tuple[Term, ...]) -> re.Pattern | None:
    """One regex for every word of the query: English words by their stem, Chinese words and,
    failing those, their pieces."""
    parts: set[str] = set()
    for term in terms:
        for alt in term:
            for token in alt:
                if HAS_CJK.search(token):
                    parts.add(re.escape(token))
                elif len(token) >= 2 or token.isdigit():
                    parts.add(r"(?<![0-9a-z])" + re.escape(_stem(token)) + r"[0-9a-z]*")
    if not parts:
        return None
    return re.compile("|".join(sorted(parts, key=len, reverse=True)), re.IGNORECASE)


def mark(text: str, regex: re.Pattern | None, limit: int = 300) -> SafeString:
    """`text` (cut to `limit` characters) escaped, with matches in <mark>."""
    text = text or ""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    if regex is None:
        return mark_safe(escape(text))  # noqa: S308 - escaped
    out, pos = [], 0
    for m in regex.finditer(text):
        if m.end() == m.start():
            continue
        out.append(escape(text[pos : m.start()]))
        out.append("<mark>" + escape(m.group(0)) + "</mark>")
        pos = m.end()
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece escaped above
