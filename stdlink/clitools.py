"""Small helpers shared by the `stdlink` subcommands of every app."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

# A background job listening to the progress bars of the code it runs (stdlink.jobs): it is
# called with the number of items done since its previous call.
_LISTENER: ContextVar[Callable[[int], None] | None] = ContextVar("progress_listener", default=None)


def setup_django() -> None:
    """Configure Django for a command that needs the ORM (imported lazily: `pubid` must not)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stdlink.settings")
    import django

    django.setup()


def progress(
    iterable: Iterable[T],
    *,
    desc: str,
    unit: str = "rec",
    total: int | None = None,
    enabled: bool | None = None,
) -> Iterator[T]:
    """A progress bar showing records/s on stderr; silent when stderr is not a terminal."""
    from tqdm import tqdm

    if enabled is None:
        enabled = sys.stderr.isatty()
    listener = _LISTENER.get()
    bar = iter(
        tqdm(
            iterable,
            desc=desc,
            unit=unit,
            total=total,
            disable=not enabled,
            dynamic_ncols=True,
            smoothing=0.1,
        )
    )
    return _reporting(bar, listener) if listener else bar


def _reporting(items: Iterator[T], listener: Callable[[int], None]) -> Iterator[T]:
    """Pass items through, telling the listener how many went by (at most ~4 times a second)."""
    pending, last = 0, time.monotonic()
    try:
        for item in items:
            yield item
            pending += 1
            if time.monotonic() - last >= 0.25:
                listener(pending)
                pending, last = 0, time.monotonic()
    finally:
        if pending:
            listener(pending)


@contextmanager
def listen_progress(listener: Callable[[int], None]):
    """Within the block, every `progress()` bar also reports its counts to `listener`."""
    token = _LISTENER.set(listener)
    try:
        yield
    finally:
        _LISTENER.reset(token)


def fail(message: str, code: int = 2) -> int:
    """Print a bilingual error to stderr and return the exit code."""
    print(message, file=sys.stderr)
    return code
