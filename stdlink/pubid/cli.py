"""``stdlink pubid parse ID [--json]`` and ``stdlink pubid normalize`` (stdin → stdout).

``normalize`` is a filter for shell pipelines and catalogue clean-up: one output line per
input line, the canonical form, or an empty field, a tab and the error.  It never stops on a
bad line (exit status 0 unless stdout breaks), so a 200k-line file can be checked in one pass.
No Django import here: the command must work without settings.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import ParseError, parse, render


def _cmd_parse(args: argparse.Namespace) -> int:
    try:
        ident = parse(args.id, hint=args.hint)
    except ParseError as exc:
        print(f"无法解析标识符 / cannot parse identifier: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(ident.to_dict(), ensure_ascii=False, indent=2))
    else:
        d = ident.to_dict()
        print(render(ident))
        for k, v in d.items():
            if k not in ("normalized", "raw"):
                print(f"  {k}: {v}")
    return 0


def _cmd_normalize(args: argparse.Namespace) -> int:
    out = sys.stdout
    for line in sys.stdin:
        text = line.rstrip("\r\n")
        try:
            out.write(render(parse(text, hint=args.hint)) + "\n")
        except ParseError as exc:
            out.write("\t" + str(exc).replace("\t", " ").replace("\n", " ") + "\n")
        except Exception as exc:  # noqa: BLE001 - a filter must never stop on one line
            out.write(f"\tinternal error: {type(exc).__name__}: {exc}\n")
    out.flush()
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``pubid`` with ``parse`` and ``normalize`` to the ``stdlink`` command."""
    p = subparsers.add_parser(
        "pubid", help="标准编号解析 / parse and normalise standard identifiers"
    )
    sub = p.add_subparsers(dest="pubid_command", metavar="ACTION", required=True)
    pp = sub.add_parser("parse", help="parse one identifier and show its components")
    pp.add_argument("id", help='the identifier, e.g. "GB/T 19001-2016"')
    pp.add_argument("--json", action="store_true", help="print the components as JSON")
    pp.add_argument("--hint", default=None, help="body hint where the prefix is ambiguous")
    pp.set_defaults(func=_cmd_parse)
    pn = sub.add_parser("normalize", help="normalise identifiers read one per line from stdin")
    pn.add_argument("--hint", default=None, help="body hint where the prefix is ambiguous")
    pn.set_defaults(func=_cmd_normalize)


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point (``python -m stdlink.pubid.cli``)."""
    parser = argparse.ArgumentParser(prog="stdlink")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
