"""Small helpers shared by the `stdlink` subcommands of every app."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


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
    return iter(
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


def fail(message: str, code: int = 2) -> int:
    """Print a bilingual error to stderr and return the exit code."""
    print(message, file=sys.stderr)
    return code
