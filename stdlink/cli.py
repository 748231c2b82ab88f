"""The `stdlink` console script.

Each app contributes its own subcommands from `stdlink/<app>/cli.py`:
- `register(subparsers)` adds top-level commands (`pubid`, `search`, `ledger`, `demo`, ...);
- `register_import(import_subparsers)` adds a source to `stdlink import <source>`.
Any other first word is handed to Django's management commands, so `stdlink migrate`,
`stdlink runserver` and `stdlink createsuperuser` work as `manage.py` would.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

COMMAND_MODULES = (
    "stdlink.pubid.cli",
    "stdlink.catalog.cli",
    "stdlink.search.cli",
    "stdlink.semantic.cli",
    "stdlink.programme.cli",
    "stdlink.ledger.cli",
    "stdlink.tracking.cli",
    "stdlink.tbt.cli",
    "stdlink.jobs.cli",
    "stdlink.compare.cli",
    "stdlink.accounts.cli",
)


def _load_modules() -> list:
    modules = []
    for name in COMMAND_MODULES:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as exc:
            if exc.name != name:  # a real missing dependency inside the module: surface it
                raise
    return modules


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="stdlink",
        description="StdLink 标准联通 — 标准国际化工作平台 / standards internationalisation platform. "
        "Other commands (migrate, runserver, createsuperuser, ...) go to Django.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    import_parser = subparsers.add_parser("import", help="导入数据 / import data from files")
    import_sub = import_parser.add_subparsers(dest="source", metavar="SOURCE", required=True)
    for module in _load_modules():
        if hasattr(module, "register"):
            module.register(subparsers)
        if hasattr(module, "register_import"):
            module.register_import(import_sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    own = set(parser._subparsers._group_actions[0].choices)  # noqa: SLF001 - argparse has no API
    if argv and argv[0] not in own and argv[0] not in {"-h", "--help"}:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "stdlink.settings")
        from django.core.management import execute_from_command_line

        execute_from_command_line(["stdlink", *argv])
        return 0
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0 if not argv else 2
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
