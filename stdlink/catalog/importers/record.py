"""The neutral record every importer maps its source documents to (picklable, Django-free).

Workers build these in other processes; the main process writes them with `base.Writer`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: Bumped whenever a mapping changes: it is part of the content hash, so a re-import after a
#: mapping change rewrites every record instead of skipping it as unchanged.
MAPPER_VERSION = (
    # 7: committee codes and names with whitespace collapsed (JIS CR/LF); pubid issue 16
    # 8: pubid grammar variants (0003 amendment of 2026-12-06): 37 IEEE/ANSI/AIEE designations
    #    with an upper-case suffix ("ANSI N42.49A-2011") are parsed, no longer kept verbatim
    "8"
)


def normalise_code(text: str) -> str:
    """A committee code or name with every run of whitespace (CR/LF, tabs, ideographic spaces)
    collapsed to one space: JIS records carry names like "…協会      \r\n      …工業会"."""
    return " ".join(text.split())


@dataclass(slots=True)
class CommitteeNode:
    code: str
    kind: str = ""
    number: str = ""
    name_en: str = ""
    name_zh: str = ""
    secretariat: str = ""

    def __post_init__(self) -> None:
        # Every importer builds its committees through this class: codes never carry CR/LF.
        self.code = normalise_code(self.code)[:255]
        self.name_en = normalise_code(self.name_en)
        self.name_zh = normalise_code(self.name_zh)
        self.secretariat = normalise_code(self.secretariat)


@dataclass(slots=True)
class RelationRow:
    type: str
    target_identifier: str
    target_key: str
    raw_type: str
    raw_description: str = ""
    corrected: bool = False
    degree: str = ""


@dataclass(slots=True)
class Record:
    """One source document, mapped. `raw` is the zlib-compressed source bytes."""

    index: int
    locator: str
    raw: bytes
    content_hash: str
    format: str
    uid: str
    identifier: str
    key: str
    work_key: str
    # Body candidates from the identifier (pubid publisher, pubid body); the writer picks the
    # first known Body, else auto-creates one, else uses the source default.
    publisher: str = ""
    pubid_body: str = ""
    doctype: str = ""
    title_zh: str = ""
    title_en: str = ""
    title_other: str = ""
    title_other_lang: str = ""
    status: str = "unknown"
    stage: str = ""
    published: dt.date | None = None
    year: int | None = None
    edition: str = ""
    nature: str = ""
    languages: list = field(default_factory=list)
    links: list = field(default_factory=list)
    abstract: str = ""
    abstract_lang: str = ""
    extra: dict = field(default_factory=dict)
    titles: list = field(default_factory=list)  # (language, script, type, text)
    dates: list = field(default_factory=list)  # (type, date | None, raw)
    ics: list = field(default_factory=list)  # (code, text)
    ccs: list = field(default_factory=list)  # codes
    committees: list = field(default_factory=list)  # paths: [CommitteeNode root → leaf]
    relations: list = field(default_factory=list)  # RelationRow
    warnings: list = field(default_factory=list)  # (field, message)
    key_fallbacks: int = 0


@dataclass(slots=True)
class RecordError:
    """A document that could not be read or mapped, located by file, record index and field."""

    index: int
    locator: str
    field: str
    message: str
