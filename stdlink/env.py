"""Typed helpers that read settings from the environment and fail loudly on bad values."""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


class ConfigError(RuntimeError):
    """A setting in the environment has a value that cannot be used."""


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name}={raw!r}: 应为布尔值 / expected a boolean (1/0, true/false)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name}={raw!r}: 应为整数 / expected an integer") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    """Where the real reference data lives (never committed): STDLINK_DATA_DIR or ../shared/data."""
    raw = os.environ.get("STDLINK_DATA_DIR")
    path = Path(raw) if raw else REPO_ROOT.parent / "shared" / "data"
    return path.resolve()


def seeds_dir() -> Path:
    """The five seed policy documents (STDLINK_SEEDS_DIR or ../shared/seeds), for demo data."""
    raw = os.environ.get("STDLINK_SEEDS_DIR")
    path = Path(raw) if raw else REPO_ROOT.parent / "shared" / "seeds"
    return path.resolve()
