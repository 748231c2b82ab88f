"""Tokenising for the index and for queries: jieba for Chinese, plain words for everything else.

Both backends receive text that is already split into space-separated tokens, so SQLite FTS5 and
PostgreSQL see the same words. Chinese runs are segmented by jieba (precise mode, no HMM, so the
same text always gives the same words) with a domain dictionary built from the catalogue's Chinese
titles and the CCS names. Every Chinese word of three or more characters is also indexed as its
character bigrams ("pieces"), and a query word matches either the word or all of its pieces; so a
query still finds a title that jieba segmented differently (or before the dictionary changed).

jieba loads its dictionary in about a second: that happens once per process, on the first use,
never at Django start-up.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

log = logging.getLogger(__name__)

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RUN = re.compile(f"[{_CJK}]+")
#: A Chinese run, or a run of letters/digits of any other script.
TOKEN_RE = re.compile(f"[{_CJK}]+|[^\\W_{_CJK}]+")
HAS_CJK = re.compile(f"[{_CJK}]")

#: Words dropped from queries (kept in the index): they only make AND queries miss.
EN_STOPWORDS = frozenset(
    "a an and are as at be by for from in into is it of on or the to with without".split()
)
ZH_STOPWORDS = frozenset("的 和 与 及 或 之 等 中 对 用".split())

_lock = threading.Lock()
_tokenizer = None
_dict_mtime: float | None = None


def dictionary_path() -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR) / "search" / "userdict.txt"


_checked = 0.0


def _load() -> object:
    """The jieba tokenizer, created on first use (and again when the domain dictionary changed;
    another process's `reindex` is noticed within a few seconds)."""
    global _tokenizer, _dict_mtime, _checked
    now = time.monotonic()
    if _tokenizer is not None and now - _checked < 5.0:
        return _tokenizer
    _checked = now
    path = dictionary_path()
    mtime = path.stat().st_mtime if path.exists() else None
    if _tokenizer is not None and mtime == _dict_mtime:
        return _tokenizer
    with _lock:
        if _tokenizer is not None and mtime == _dict_mtime:
            return _tokenizer
        import jieba

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        path.parent.mkdir(parents=True, exist_ok=True)
        tok.tmp_dir = str(path.parent)  # jieba's dictionary cache lives beside ours
        tok.initialize()
        if mtime is not None:
            tok.load_userdict(str(path))
        _tokenizer, _dict_mtime = tok, mtime
        _cut_cache.clear()
    return _tokenizer


_cut_cache: dict[str, tuple[str, ...]] = {}


def cut(run: str) -> tuple[str, ...]:
    """jieba words of one Chinese run (cached: the same title elements recur thousands of times)."""
    tok = _load()  # first: a changed dictionary empties the cache
    words = _cut_cache.get(run)
    if words is None:
        words = tuple(w for w in tok.cut(run, HMM=False) if w.strip())
        if len(_cut_cache) < 200_000:
            _cut_cache[run] = words
    return words


def pieces(word: str) -> list[str]:
    """Character bigrams of a Chinese word of three or more characters (else none)."""
    if len(word) < 3:
        return []
    return [word[i : i + 2] for i in range(len(word) - 1)]


def words(text: str) -> list[str]:
    """Index words of `text`: lower-cased non-Chinese runs and jieba words of Chinese runs."""
    out: list[str] = []
    for match in TOKEN_RE.finditer(text or ""):
        run = match.group(0)
        if HAS_CJK.match(run):
            out.extend(cut(run))
        else:
            out.append(run.lower())
    return out


def index_text(text: str) -> tuple[str, str]:
    """(words, pieces) of `text`, each as space-separated tokens for the index."""
    ws = words(text)
    ps = [p for w in ws if HAS_CJK.match(w) for p in pieces(w)]
    return " ".join(ws), " ".join(ps)


# A query term: alternatives, each a tuple of tokens that must all match.
Term = tuple[tuple[str, ...], ...]


def query_terms(text: str) -> list[Term]:
    """The terms of a free-text query, each a set of alternatives (word, or all its pieces)."""
    terms: list[Term] = []
    all_words = words(text)
    meaningful = [w for w in all_words if w not in EN_STOPWORDS and w not in ZH_STOPWORDS]
    for w in meaningful or all_words:
        alternatives: list[tuple[str, ...]] = [(w,)]
        ps = pieces(w) if HAS_CJK.match(w) else []
        if ps:
            alternatives.append(tuple(dict.fromkeys(ps)))
        term = tuple(alternatives)
        if term not in terms:
            terms.append(term)
    return terms


def build_dictionary(chinese_texts: Iterable[str], extra_words: Iterable[str] = ()) -> Path:
    """Write the domain dictionary: title elements (space-separated parts of Chinese titles, which
    Chinese standards use as term boundaries) and CCS names, weighted by how often they occur."""
    counts: Counter[str] = Counter()
    for text in chinese_texts:
        for element in re.split(r"[\s　:：;；,，、()（）\[\]【】《》“”\"'—\-/]+", text or ""):
            if 2 <= len(element) <= 8 and CJK_RUN.fullmatch(element):
                counts[element] += 1
    for word in extra_words:
        for element in re.split(r"[\s、，,；;()（）]+", word or ""):
            if 2 <= len(element) <= 8 and CJK_RUN.fullmatch(element):
                counts[element] += 2
    path = dictionary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    # jieba needs a frequency high enough for the domain word to beat its pieces.
    tmp.write_text(
        "".join(f"{w} {2000 + 500 * n} n\n" for w, n in sorted(counts.items())), encoding="utf-8"
    )
    tmp.replace(path)
    global _checked
    _checked = 0.0  # this process segments with the new dictionary from now on
    return path
