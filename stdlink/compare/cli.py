"""`stdlink compare run A B [--json]`: compare two documents and print the rows; nothing is stored."""

from __future__ import annotations

import argparse
import json
import sys


def _cmd_run(a: argparse.Namespace) -> int:
    from stdlink.compare.engine import CompareInputError, compare_texts, read_path, result_json

    try:
        text_a = read_path(a.a)
        text_b = read_path(a.b)
    except OSError as exc:
        print(f"无法读取 / cannot read: {exc}", file=sys.stderr)
        return 1
    except CompareInputError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    data = result_json(compare_texts(text_a, text_b))
    if a.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for row in data["rows"]:
        print(f"{row['a'] or '—':>8}  {row['b'] or '—':>8}  {row['relation']:<10} {row['reason']}")
    s = data["summary"]
    counts = ", ".join(f"{k} {v}" for k, v in s["counts"].items())
    print(
        f"\n{counts}; 待确认 / to confirm {s['needs_confirmation']}; 建议一致性程度 / suggested degree {s['degree']}"
    )
    return 0


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "compare", help="标准比对 / compare two standards clause by clause"
    )
    sub = parser.add_subparsers(dest="compare_command", metavar="ACTION", required=True)
    run = sub.add_parser(
        "run",
        help="比对两份文件并输出逐条结果（不保存）/ compare two documents and print the rows (nothing stored)",
    )
    run.add_argument("a", help="文件 A（.docx/.pdf/.txt）/ document A")
    run.add_argument("b", help="文件 B（.docx/.pdf/.txt）/ document B")
    run.add_argument("--json", action="store_true", help="输出 JSON / print JSON")
    run.set_defaults(func=_cmd_run)
