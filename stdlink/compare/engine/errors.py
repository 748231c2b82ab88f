"""Errors of the comparison engine: bilingual, naming the file."""

from __future__ import annotations


class CompareInputError(ValueError):
    """A document cannot be read. `code` is stable (tests, API); the message is zh-Hans / English."""

    def __init__(self, code: str, name: str, zh: str, en: str):
        self.code = code
        self.name = name
        self.zh = zh
        self.en = en
        super().__init__(f"文件“{name}”{zh} / file {name!r} {en}")
