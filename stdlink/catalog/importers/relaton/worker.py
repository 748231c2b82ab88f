"""Worker side of the Relaton import: decode, YAML-load (CSafeLoader), map, compress.

Django-free, so it runs in `multiprocessing` workers (fork) as well as in-process.
"""

from __future__ import annotations

import json
import zlib

import yaml

from stdlink.catalog.importers.record import Record, RecordError
from stdlink.catalog.importers.relaton.mapper import FieldError, map_document

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML without libyaml
    _Loader = yaml.SafeLoader


def parse_one(
    source: str, index: int, locator: str, raw: bytes, content_hash: str
) -> Record | RecordError:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return RecordError(
            index,
            locator,
            "(encoding)",
            f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at line {line}",
        )
    try:
        doc = yaml.load(text, Loader=_Loader)  # noqa: S506 - CSafeLoader is the safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return RecordError(index, locator, "(yaml)", f"invalid YAML{where}: {problem}")
    try:
        rec = map_document(
            doc,
            source=source,
            index=index,
            locator=locator,
            raw=zlib.compress(raw, 6),
            content_hash=content_hash,
        )
        # JSON columns are encoded here, in the worker, not in the writing process.
        rec.extra = json.dumps(rec.extra, ensure_ascii=False)
        rec.links = json.dumps(rec.links, ensure_ascii=False)
        rec.languages = json.dumps(rec.languages, ensure_ascii=False)
        return rec
    except (TypeError, ValueError) as exc:
        return RecordError(index, locator, "(document)", f"cannot be stored as JSON: {exc}")
    except FieldError as exc:
        return RecordError(index, locator, exc.field, exc.message)
    except RecursionError:
        return RecordError(index, locator, "(document)", "nested too deeply")


def parse_chunk(args: tuple[str, list[tuple[int, str, bytes, str]]]) -> list:
    source, items = args
    return [parse_one(source, i, loc, raw, h) for i, loc, raw, h in items]
