"""The one error the parser raises: bilingual, with a code tests and callers can rely on."""

from __future__ import annotations


class PolicyParseError(ValueError):
    """Input that cannot be read as a policy document (empty, binary, no numbered items...)."""

    def __init__(self, code: str, zh: str, en: str, *, source: str = "") -> None:
        self.code = code
        self.zh = zh
        self.en = en
        self.source = source
        where = f"{source}: " if source else ""
        super().__init__(f"{where}{zh} / {en}")
