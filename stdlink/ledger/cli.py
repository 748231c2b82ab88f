"""`stdlink ledger parse FILE [--json]` (no storage, no Django) and `stdlink ledger import FILE`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    ledger = subparsers.add_parser("ledger", help="政策文件工作台账 / policy task ledger")
    sub = ledger.add_subparsers(dest="ledger_command", metavar="COMMAND", required=True)

    parse = sub.add_parser(
        "parse", help="解析政策文件（不入库）/ parse a policy document without storing it"
    )
    parse.add_argument("file", help=".txt, .docx, or - for standard input")
    parse.add_argument("--json", action="store_true", help="JSON output")
    parse.add_argument("--text", action="store_true", help="include task texts in the JSON")
    parse.set_defaults(func=cmd_parse)

    imp = sub.add_parser(
        "import", help="导入政策文件到台账 / import a policy document into the ledger"
    )
    imp.add_argument("file", help=".txt, .docx, or - for standard input")
    imp.add_argument("--title", default="", help="override the detected title")
    imp.add_argument("--user", default="", help="username recorded as the importer")
    imp.set_defaults(func=cmd_import)


def _read(path: str) -> tuple[bytes, str]:
    if path == "-":
        return sys.stdin.buffer.read(), "stdin"
    p = Path(path)
    if not p.is_file():
        raise FileNotFoundError(path)
    return p.read_bytes(), p.name


def _load(args) -> tuple[str, str] | int:
    from stdlink.clitools import fail
    from stdlink.ledger.parser import PolicyParseError, read_source

    try:
        data, name = _read(args.file)
    except FileNotFoundError:
        return fail(f"文件不存在 / no such file: {args.file}")
    try:
        return read_source(data, name), name
    except PolicyParseError as exc:
        return fail(str(exc))


def cmd_parse(args: argparse.Namespace) -> int:
    from stdlink.clitools import fail
    from stdlink.ledger.parser import PolicyParseError, parse_document

    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    text, name = loaded
    try:
        doc = parse_document(text, source_name=name)
    except PolicyParseError as exc:
        return fail(str(exc))
    if args.json:
        json.dump(doc.to_dict(include_text=args.text), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{doc.title}  {doc.doc_number}  [{doc.level}]  {'、'.join(doc.issuers)}")
    for task in doc.tasks:
        due = task.deadline.text if task.deadline else ""
        print(
            f"{task.number:12} {task.heading[:30]:32} 牵头: {'、'.join(task.leads) or '—'}"
            f" | 配合: {'、'.join(task.cos) or '—'} | {due}"
        )
    for kpi in doc.kpis:
        print(
            f"KPI {kpi.task_number or '-':12} {kpi.indicator} {kpi.comparator} "
            f"{kpi.value.normalize():f}{kpi.unit} ({kpi.year or ''})"
        )
    for warning in doc.warnings:
        print(f"! {warning}", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from stdlink.clitools import fail, setup_django

    loaded = _load(args)
    if isinstance(loaded, int):
        return loaded
    text, name = loaded
    setup_django()
    from django.contrib.auth import get_user_model

    from stdlink.ledger.parser import PolicyParseError
    from stdlink.ledger.services import import_text

    user = None
    if args.user:
        user = get_user_model().objects.filter(username=args.user).first()
        if user is None:
            return fail(f"用户不存在 / no such user: {args.user}")
    try:
        result = import_text(text, source_name=name, acting_user=user, title=args.title)
    except PolicyParseError as exc:
        return fail(str(exc))
    doc = result.document
    verb = "新建 / created" if result.created else "更新 / updated"
    print(
        f"{verb}: #{doc.pk} {doc.doc_number} {doc.title} — tasks +{result.tasks_created} "
        f"~{result.tasks_updated} -{result.tasks_removed}, KPI {doc.kpis.count()}"
    )
    for agency in result.new_agencies:
        print(f"! 新机构（待核实）/ new unverified agency: {agency}", file=sys.stderr)
    for warning in result.warnings:
        print(f"! {warning}", file=sys.stderr)
    return 0
