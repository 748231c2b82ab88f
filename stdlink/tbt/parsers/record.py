"""The one record type every source format produces, and its located error.

A :class:`Notification` keeps each field *as written* in the source (what a reader can check
against the document) and, after :func:`stdlink.tbt.classify.enrich`, the normalised values
derived from them (members, HS/ICS codes with prefixes, dates with precision, objectives,
cited standards). Pure Python: the Django importer turns it into model rows.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


class TbtParseError(ValueError):
    """Malformed input, located: file, record (symbol or row) and field."""

    def __init__(self, message: str, *, source: str = "", record: str = "", field: str = ""):
        self.message = message
        self.source = source
        self.record = record
        self.field = field
        where = " · ".join(
            p
            for p in (
                source,
                f"record {record}" if record else "",
                f"field {field}" if field else "",
            )
            if p
        )
        super().__init__(f"{where}: {message}" if where else message)


@dataclass
class DateValue:
    """A date as written, with what could be made of it.

    ``precision`` is "day", "month" or "year" when ``date`` is set (a month-precision date is
    stored as the first of the month); ``text`` is the wording when it is not a plain date
    ("待定", "Day following final publication ..."), or the note after a date. ``rule`` names a
    relative form ("distribution+60d") that was or could be computed.
    """

    raw: str
    date: date | None = None
    precision: str | None = None
    text: str | None = None
    rule: str | None = None

    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


@dataclass
class HsCode:
    raw: str  # as notified ("9503.0089", "20.09", "95")
    digits: str  # "95030089"
    hs2: str
    hs4: str | None
    hs6: str | None
    inferred: bool = False  # True when derived from an ICS code (reference pairs)
    via: str | None = None  # the ICS code it came from


@dataclass
class IcsCode:
    code: str  # "67.100.10"
    inferred: bool = False
    via: str | None = None  # the HS6 it came from


@dataclass
class MemberRef:
    raw: str
    iso3: str | None
    name_zh: str = ""
    name_en: str = ""
    wto_member: bool = False
    bri: bool = False


@dataclass
class CitedStandard:
    raw: str  # as found in the text ("EN 71-3", "DEAS 126:2021")
    normalized: str  # pubid rendering, or the cleaned raw text when pubid cannot parse it
    work_key: str  # pubid work key (edition-free), used to find catalogue records
    body: str = ""
    parsed: bool = True


@dataclass
class Notification:
    symbol: str
    source: str = ""  # file path or URL
    source_format: str = ""  # wto_form | eping_excel | eping_json
    text_language: str | None = None  # zh | en
    # -- fields as written -------------------------------------------------------------
    kind_label: str | None = None  # header word: 通报 / NOTIFICATION / 补遗 / Addendum ...
    member: str | None = None
    agency: str | None = None
    article: str | None = None
    products_text: str | None = None
    hs_codes: list[str] = field(default_factory=list)  # as written
    ics_codes: list[str] = field(default_factory=list)  # as written
    title: str | None = None
    language: str | None = None
    description: str | None = None
    objective: str | None = None
    distribution_date: str | None = None
    proposed_adoption_date: str | None = None
    proposed_entry_into_force: str | None = None
    comment_deadline: str | None = None
    related_symbols: list[str] = field(default_factory=list)
    texts_available_from: str | None = None
    source_url: str | None = None
    external_id: str | None = None  # ePing id
    open_for_comments: bool | None = None  # as the source states it (ePing API)
    # -- derived (classify.enrich) -------------------------------------------------------
    kind: str = "new"  # new | addendum | revision | corrigendum | supplement
    kind_number: int | None = None
    base_symbol: str | None = (
        None  # the notification this one amends (its symbol minus the last part)
    )
    root_symbol: str = ""  # the first notification of the chain
    members: list[MemberRef] = field(default_factory=list)
    hs: list[HsCode] = field(default_factory=list)
    ics: list[IcsCode] = field(default_factory=list)
    dates: dict[str, DateValue] = field(default_factory=dict)
    objectives: list[str] = field(default_factory=list)  # ePing objective codes
    cited_standards: list[CitedStandard] = field(default_factory=list)
    measure_type: str = ""  # technical_regulation | standard | conformity_assessment
    stage: str = ""  # draft | adopted | ...
    addendum_reasons: list[str] = field(default_factory=list)

    RAW_FIELDS = (
        "symbol member agency article products_text hs_codes ics_codes title language description "
        "objective distribution_date proposed_adoption_date proposed_entry_into_force "
        "comment_deadline related_symbols"
    ).split()

    def to_dict(self) -> dict:
        d = asdict(self)
        for k, v in list(d.items()):
            if isinstance(v, date):
                d[k] = v.isoformat()
        d["dates"] = {k: {**asdict(v), "date": v.iso()} for k, v in self.dates.items()}
        return d
