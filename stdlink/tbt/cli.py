"""`stdlink import tbt|countries|hs ...`, `stdlink tbt show SYMBOL [--json]`, `stdlink tbt match`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register_import(import_sub) -> None:
    p = import_sub.add_parser(
        "tbt",
        help="导入 WTO TBT 通报（表格 .txt/.docx/.html、ePing Excel/JSON）/ import TBT notifications",
    )
    p.add_argument("paths", nargs="+", help="files (or directories of files)")
    p.add_argument("--user", default="", help="username recorded as the importer")
    p.set_defaults(func=cmd_import_tbt)
    c = import_sub.add_parser(
        "countries", help="导入国家/地区参考表 / import the countries reference table"
    )
    c.add_argument(
        "path",
        nargs="?",
        default="",
        help="countries_iso_zh_wto_bri.csv (default: from STDLINK_DATA_DIR)",
    )
    c.add_argument("--no-progress", action="store_true", help=argparse.SUPPRESS)
    c.set_defaults(func=cmd_import_countries)
    h = import_sub.add_parser(
        "hs", help="导入 HS 2022 编码与 ICS→HS 对照 / import HS 2022 codes and ICS→HS pairs"
    )
    h.add_argument(
        "path",
        nargs="?",
        default="",
        help="the reference/hs directory (default: from STDLINK_DATA_DIR)",
    )
    h.add_argument("--no-progress", action="store_true", help=argparse.SUPPRESS)
    h.set_defaults(func=cmd_import_hs)


def register(subparsers) -> None:
    tbt = subparsers.add_parser("tbt", help="TBT 通报预警 / TBT notifications")
    sub = tbt.add_subparsers(dest="tbt_command", metavar="COMMAND", required=True)
    show = sub.add_parser("show", help="显示一条通报 / show one notification")
    show.add_argument("symbol")
    show.add_argument("--json", action="store_true", help="JSON output")
    show.set_defaults(func=cmd_show)
    match = sub.add_parser("match", help="列出将发送的预警 / list the alerts matching would send")
    match.add_argument("--json", action="store_true", help="JSON output")
    match.add_argument("--send", action="store_true", help="store the alerts and send them")
    match.set_defaults(func=cmd_match)


def _files(paths: list[str]) -> list[tuple[str, bytes]]:
    out = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.iterdir()):
                if f.is_file() and f.suffix.lower() in {
                    ".txt",
                    ".docx",
                    ".html",
                    ".htm",
                    ".xlsx",
                    ".json",
                }:
                    out.append((str(f), f.read_bytes()))
        elif p.is_file():
            out.append((str(p), p.read_bytes()))
        else:
            raise FileNotFoundError(raw)
    return out


def _user(name: str):
    if not name:
        return None
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(username=name).first()


def cmd_import_tbt(args) -> int:
    from stdlink.clitools import fail, setup_django

    setup_django()
    from stdlink.tbt.parsers import TbtParseError
    from stdlink.tbt.services.imports import import_files

    try:
        files = _files(args.paths)
    except FileNotFoundError as exc:
        return fail(f"文件不存在 / no such file: {exc}")
    try:
        res = import_files(files, acting_user=_user(args.user))
    except TbtParseError as exc:
        return fail(f"导入失败，未保存任何数据 / import failed, nothing stored: {exc}")
    print(
        f"TBT: {len(res.created)} 新增 / created, {len(res.updated)} 更新 / updated, {len(res.unchanged)} 未变 / unchanged"
    )
    return 0


def cmd_import_countries(args) -> int:
    from stdlink.clitools import fail, setup_django

    setup_django()
    from stdlink.env import data_dir
    from stdlink.tbt.classify.reference import COUNTRIES_CSV
    from stdlink.tbt.services.reference import import_countries

    path = Path(args.path) if args.path else data_dir() / COUNTRIES_CSV
    if not path.is_file():
        return fail(f"文件不存在 / no such file: {path}")
    try:
        n = import_countries(path)
    except (ValueError, KeyError) as exc:
        return fail(f"导入失败，未保存任何数据 / import failed, nothing stored: {exc}")
    print(f"countries: {n}")
    return 0


def cmd_import_hs(args) -> int:
    from stdlink.clitools import fail, setup_django

    setup_django()
    from stdlink.env import data_dir
    from stdlink.tbt.services.reference import import_hs

    path = Path(args.path) if args.path else data_dir() / "reference" / "hs"
    if not (path / "harmonized-system.csv").is_file():
        return fail(f"找不到 harmonized-system.csv / not found in {path}")
    try:
        codes, pairs = import_hs(path)
    except (ValueError, KeyError) as exc:
        return fail(f"导入失败，未保存任何数据 / import failed, nothing stored: {exc}")
    print(f"HS codes: {codes}, ICS→HS pairs: {pairs}")
    return 0


def cmd_show(args) -> int:
    from stdlink.clitools import fail, setup_django

    setup_django()
    from stdlink.tbt.classify.symbols import parse_symbol
    from stdlink.tbt.models import Notification
    from stdlink.tbt.services.present import notification_json

    sym = parse_symbol(args.symbol)
    n = Notification.objects.filter(symbol=sym.symbol if sym else args.symbol).first()
    if n is None:
        return fail(f"没有这条通报 / no such notification: {args.symbol}", code=1)
    data = notification_json(n)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    members = "、".join(m["name_zh"] for m in data["members"])
    print(f"{data['symbol']}  [{data['kind']}]  {members}  {data['status']}")
    print(f"  HS: {' '.join(data['hs_codes']) or '—'}  ICS: {' '.join(data['ics_codes']) or '—'}")
    print(
        f"  分发 / distributed: {data['distribution_date'] or '—'}  截止 / comments by: {data['comment_deadline'] or '—'}"
    )
    for c in data["cited_standards"]:
        print(
            f"  cites {c['identifier']}"
            + (f" → {', '.join(c['adopted_by'])}" if c["adopted_by"] else "")
        )
    return 0


def cmd_match(args) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.tbt.services.matching import match_all

    alerts = match_all(send=args.send)
    if args.json:
        json.dump(alerts, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for a in alerts:
        print(f"{a['grade_zh']} {a['symbol']} → {a['subscriber']}: {a['reason']}")
    print(f"{len(alerts)} alerts")
    return 0
