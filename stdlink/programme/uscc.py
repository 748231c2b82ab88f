"""Unified social credit code (统一社会信用代码, GB 32100-2015): format and check character."""

from __future__ import annotations

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # 31 characters: no I, O, S, V, Z
WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def check_char(first17: str) -> str:
    """The 18th character for the first 17 (raises ValueError on a character outside the set)."""
    total = sum(CHARSET.index(c) * w for c, w in zip(first17, WEIGHTS, strict=True))
    value = 31 - total % 31
    return CHARSET[0 if value == 31 else value]


def problem(code: str) -> str | None:
    """None when `code` is a valid USCC, else a bilingual reason."""
    code = (code or "").strip().upper()
    if len(code) != 18:
        return f"应为 18 位（实际 {len(code)} 位）/ must be 18 characters (got {len(code)})"
    bad = [c for c in code if c not in CHARSET]
    if bad:
        return f"含有非法字符 {''.join(bad)!r} / contains invalid characters {''.join(bad)!r}"
    expected = check_char(code[:17])
    if code[17] != expected:
        return f"校验码错误（应为 {expected}）/ check character is wrong (expected {expected})"
    return None


def is_valid(code: str) -> bool:
    return problem(code) is None
