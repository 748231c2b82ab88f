"""Public entry points: parse, normalize, key and the comparison helpers.

Dispatch is on the leading token (``ISO``, ``GB/T``, ``ГОСТ``, ``urn:`` ...), so each call runs
exactly one body grammar in the common case; a ``hint`` only matters where the leading token
is shared (a bare ``TR`` is JIS or BSI, ``EN`` can be CEN or ETSI).  Results are cached: an
import of 200k catalogue records repeats many identifiers, and Identifier is frozen.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Identifier, ParseError
from .render import render
from .repair import repair

_LEAD_RE = re.compile(r"[A-Za-zА-Яа-яЁё]+")


def _dispatch(s: str, hint: str | None) -> Identifier:
    from . import bodies

    if not s:
        raise ParseError(s, 0, "an identifier (the text is empty)")
    if s[:4].lower() == "urn:":
        from .urn import parse_urn

        return parse_urn(s)
    return bodies.dispatch(s, hint)


@lru_cache(maxsize=65536)
def _parse_cached(text: str, hint: str | None) -> Identifier:
    s = repair(text)
    try:
        return _dispatch(s, hint.upper() if hint else None)
    except ParseError:
        raise
    except (ValueError, KeyError, IndexError, AttributeError, TypeError) as exc:
        # A grammar bug must not escape as anything but ParseError (property-tested).
        raise ParseError(s, 0, f"a well-formed identifier ({type(exc).__name__})") from exc


def parse(text: str, hint: str | None = None) -> Identifier:
    """Parse ``text`` into an :class:`Identifier`; raise :class:`ParseError` if it is not one.

    ``hint`` is a body code ("ISO", "JIS", "BSI" ...) used only where the leading token is
    ambiguous.
    """
    if not isinstance(text, str):
        raise ParseError(str(text), 0, "a string")
    return _parse_cached(text, hint)


@lru_cache(maxsize=65536)
def normalize(text: str, hint: str | None = None) -> str:
    """The canonical string of ``text`` (raises ParseError when it is not an identifier)."""
    return render(parse(text, hint))


def _as_ident(x: Identifier | str) -> Identifier:
    return x if isinstance(x, Identifier) else parse(x)


def key(ident: Identifier | str, level: str = "exact") -> str:
    """A matching key, stable under case and spacing.

    - ``work``: the document regardless of edition, stage, language and supplements
      ("ISO 9001"); adoption wrappers are kept (BS EN ISO 9001 is its own work).
    - ``edition``: the work plus its year ("ISO 9001:2015"); languages, edition numbers and
      VAP suffixes other than a consolidated version do not count.
    - ``exact``: the edition plus stage and the whole supplement chain
      ("ISO 9001:2015/Amd 1:2024").
    """
    from dataclasses import replace

    i = _as_ident(ident)
    if level == "work":
        w = replace(
            i,
            year=None,
            month=None,
            day=None,
            edition=None,
            version=None,
            stage=None,
            iteration=None,
            languages=(),
            supplements=(),
            vap=None,
            undated=False,
            all_parts=False,
            raw="",
            revision=None,
            extra=i.extra if i.type in ("verbatim", "ndoc", "wdoc", "dir", "range") else None,
            relations=(),
            addenda=(),
            flags=_key_flags(i.flags),
        )
        w = replace(w, adopted=tuple(_strip_adopted(a) for a in w.adopted))
    elif level == "edition":
        w = replace(
            i.root,
            languages=(),
            # a NIST edition ("e2", "e1993") is what tells its editions apart (no year)
            edition=i.edition if i.body == "NIST" else None,
            raw="",
            vap=None,
            month=None if i.body not in ("ITU", "ETSI") else i.month,
            extra=i.extra if i.type in ("verbatim", "ndoc", "wdoc", "dir", "range") else None,
            relations=(),
            flags=_key_flags(i.flags),
        )
    elif level == "exact":
        w = replace(
            i,
            languages=(),
            raw="",
            vap=i.vap if i.vap in ("CSV",) else None,
            flags=_key_flags(i.flags),
        )
    else:
        raise ValueError(f"level must be 'work', 'edition' or 'exact', not {level!r}")
    return _keystr(render(w))


# Flags that record only how an identifier was written (house style), never what it names.
_STYLE_FLAGS = ("iec-style",)


def _key_flags(flags: tuple[str, ...]) -> tuple[str, ...]:
    if not flags:
        return flags
    return tuple(
        f for f in flags if f not in _STYLE_FLAGS and not f.startswith(("rstyle=", "style:"))
    )


def _strip_adopted(a: Identifier) -> Identifier:
    from dataclasses import replace

    return replace(
        a,
        year=None,
        month=None,
        edition=None,
        supplements=(),
        languages=(),
        relations=(),
        addenda=(),
        raw="",
    )


_KEY_SPACE_RE = re.compile(r"\s+")


def _keystr(s: str) -> str:
    """Upper case, all whitespace removed: "iso9001", "ISO 9001" and "ISO  9001" share a key,
    and so do the house styles "Amd 1" (ISO) and "AMD1" (IEC webstore)."""
    return _KEY_SPACE_RE.sub("", s).upper()


def same_work(a: Identifier | str, b: Identifier | str) -> bool:
    """True when both name the same document, whatever the edition, stage or supplement."""
    return key(a, "work") == key(b, "work")


def _year_num(i: Identifier) -> tuple[int, int]:
    y = int(i.year) if i.year and i.year.isdigit() else -1
    if 0 <= y < 100:  # two-digit years (GOST, ASTM): 00-29 → 2000s
        y += 2000 if y < 30 else 1900
    e = 0
    if i.edition:
        try:
            e = int(float(i.edition))
        except ValueError:
            e = 0
    return y, e


def is_newer_edition(a: Identifier | str, b: Identifier | str) -> bool:
    """True when ``a`` is a later edition of the same work as ``b`` (by year, then edition)."""
    ia, ib = _as_ident(a).root, _as_ident(b).root
    if not same_work(ia, ib):
        return False
    return _year_num(ia) > _year_num(ib)


def is_supplement_of(a: Identifier | str, b: Identifier | str) -> bool:
    """True when ``a`` is a supplement (amendment, corrigendum, 修改单 ...) applying to ``b``.

    ``b`` may be any link of ``a``'s chain, or the undated work when ``b`` carries no year.
    """
    ia, ib = _as_ident(a), _as_ident(b)
    if not ia.supplements:
        return False
    kb = key(ib, "exact")
    base = ia.base
    while base is not None:
        if key(base, "exact") == kb:
            return True
        base = base.base
    if not ib.year and not ib.supplements:
        return key(ia, "work") == key(ib, "work")
    return False
