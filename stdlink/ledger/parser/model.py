"""Dataclasses the parser returns (plain data; `to_dict()` gives the JSON the CLI prints)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any


@dataclass
class ParsedDeadline:
    text: str  # as written, e.g. "2023年年底前", "2020年6月-9月"
    end: dt.date | None  # the date the task is due (None for ongoing work)
    start: dt.date | None = None  # for periods
    kind: str = "by"  # by | period | ongoing


@dataclass
class ParsedClause:
    raw: str  # the clause as written, brackets included
    leads: list[str] = field(default_factory=list)  # canonical agency names
    cos: list[str] = field(default_factory=list)
    lead_by_convention: bool = False  # no 牵头 in the clause: the first listed is the lead
    inherited: bool = False  # applied from an earlier "以下均需…负责，不再列出"


@dataclass
class ParsedKpi:
    indicator: str
    comparator: str  # >= <= = > <
    value: Decimal
    unit: str
    year: int | None
    raw: str
    task_number: str | None = None  # None: a document-level target


@dataclass
class ParsedTask:
    number: str  # path such as "二.(三).1"
    label: str  # the marker as written, e.g. "(二十一)"
    order: int
    heading: str
    text: str
    section: str = ""  # headings of the enclosing numbered sections
    clauses: list[ParsedClause] = field(default_factory=list)
    deadline: ParsedDeadline | None = None
    deadline_inherited: bool = False  # from the document's overall period
    kpis: list[ParsedKpi] = field(default_factory=list)

    @property
    def leads(self) -> list[str]:
        out: list[str] = []
        for clause in self.clauses:
            out += [a for a in clause.leads if a not in out]
        return out

    @property
    def cos(self) -> list[str]:
        leads = set(self.leads)
        out: list[str] = []
        for clause in self.clauses:
            out += [a for a in clause.cos if a not in out and a not in leads]
        return out


@dataclass
class ParsedSection:
    number: str
    label: str
    heading: str


@dataclass
class ParsedDocument:
    source_name: str
    title: str
    doc_number: str
    issuers: list[str]
    issued: dt.date | None
    level: str  # national | provincial | municipal | unknown
    text: str  # the cleaned text
    tasks: list[ParsedTask]
    sections: list[ParsedSection] = field(default_factory=list)
    kpis: list[ParsedKpi] = field(default_factory=list)  # all targets, task-linked or not
    default_deadline: ParsedDeadline | None = None
    unknown_agencies: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """JSON-ready dict (dates ISO, decimals as strings)."""

        def conv(value: Any) -> Any:
            if isinstance(value, dt.date):
                return value.isoformat()
            if isinstance(value, Decimal):
                return format(value.normalize(), "f")
            if isinstance(value, dict):
                return {k: conv(v) for k, v in value.items()}
            if isinstance(value, list):
                return [conv(v) for v in value]
            return value

        data = asdict(self)
        if not include_text:
            data.pop("text")
        for task_data, task in zip(data["tasks"], self.tasks, strict=True):
            task_data["lead"] = task.leads
            task_data["co"] = task.cos
            if not include_text:
                task_data.pop("text")
            task_data.pop("kpis")
        return conv(data)
