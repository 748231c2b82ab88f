"""`stdlink demo [--clear]` and `stdlink import counties FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from stdlink.clitools import setup_django


def _cmd_demo(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.ledger import demo as ledger_demo
    from stdlink.programme import demo

    # One command for every demo data set: programme records and the seed documents' ledger.
    if a.show_users or a.reset_passwords:
        demo.show_users(reset=a.reset_passwords)
    elif a.clear:
        demo.clear()
        ledger_demo.clear()
    else:
        demo.create()
        ledger_demo.create()
    return 0


def _cmd_counties(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.programme.counties import CountyImportError, import_counties

    path = Path(a.path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(
            f"文件 / file {path}: 无法读取（需 UTF-8）/ cannot be read (UTF-8 expected): {exc}",
            file=sys.stderr,
        )
        return 1
    try:
        result = import_counties(text, path.name)
    except CountyImportError as exc:
        print("导入失败，未写入任何数据 / import failed, nothing stored:", file=sys.stderr)
        for e in exc.errors:
            print(f"  {e}", file=sys.stderr)
        return 1
    print(
        f"县级行政区 / counties: 新建 / created {result.created}, 更新 / updated "
        f"{result.updated}, 未变 / unchanged {result.unchanged}"
    )
    return 0


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "demo", help="创建或删除演示数据 / create or remove the demo data set"
    )
    p.add_argument("--clear", action="store_true", help="删除演示数据 / remove the demo data")
    p.add_argument(
        "--show-users",
        action="store_true",
        help="再次列出演示用户及密码 / print the demo users and their passwords again",
    )
    p.add_argument(
        "--reset-passwords",
        action="store_true",
        help="将演示用户密码重置为演示密码并列出 / set the demo passwords again and print them",
    )
    p.set_defaults(func=_cmd_demo)


def register_import(import_subparsers) -> None:
    p = import_subparsers.add_parser(
        "counties", help="县级行政区 CSV (code,name_zh,name_en,parent_code) / county list"
    )
    p.add_argument("path")
    p.set_defaults(func=_cmd_counties)
