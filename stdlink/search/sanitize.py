"""Cleaning user input before it reaches any backend.

Queries never carry backend syntax: the backends bind every token as a quoted term. This module
only makes the text well-formed: full-width forms folded (NFKC), control and format characters
and lone surrogates removed, whitespace collapsed, length capped.
"""

from __future__ import annotations

import re
import unicodedata

#: Longest accepted query, in characters. The API answers 400 above it; pages truncate.
MAX_QUERY_LENGTH = 500

_SURROGATES = re.compile("[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")


class QueryError(ValueError):
    """A query that cannot be run as given; the message is bilingual and shown to the user."""


def clean(text: str | None, *, truncate: bool = True) -> str:
    """`text` made safe to analyse. Over-long input is truncated, or raises QueryError when
    `truncate` is False."""
    if not text:
        return ""
    if not isinstance(text, str):
        text = str(text)
    if len(text) > MAX_QUERY_LENGTH * 4 and truncate:
        text = text[: MAX_QUERY_LENGTH * 4]  # bound the work below for 10 kB inputs
    text = _SURROGATES.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)
    text = _SPACES.sub(" ", text).strip()
    if len(text) > MAX_QUERY_LENGTH:
        if not truncate:
            raise QueryError(
                f"检索词过长（最多 {MAX_QUERY_LENGTH} 个字符）/ query too long "
                f"(at most {MAX_QUERY_LENGTH} characters)"
            )
        text = text[:MAX_QUERY_LENGTH].rstrip()
    return text
