"""`stdlink tracking rate|outdated|gaps|suggest|counterparts|sync|parse` — adoption tracking from the terminal."""

from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    tr = subparsers.add_parser(
        "tracking", help="国际标准跟踪转化 / adoption tracking and conversion"
    )
    sub = tr.add_subparsers(dest="tracking_command", metavar="COMMAND", required=True)

    rate = sub.add_parser("rate", help="国际标准转化率 / conversion rate with its scope")
    rate.add_argument("--by", choices=["ics", "committee", "body", "sector"], default="")
    rate.add_argument("--denominator", choices=["all", "ics_with_cn", "list"], default="all")
    rate.add_argument(
        "--list",
        dest="list_file",
        help="file of international identifiers (one a line) for --denominator list",
    )
    rate.add_argument("--json", action="store_true")
    rate.set_defaults(func=cmd_rate)

    out = sub.add_parser(
        "outdated", help="落后于国际新版本的采标 / adoptions behind a newer edition"
    )
    out.add_argument("--json", action="store_true")
    out.set_defaults(func=cmd_outdated)

    gaps = sub.add_parser("gaps", help="未转化的国际标准 / international standards not adopted")
    gaps.add_argument("--ics", default="")
    gaps.add_argument("--committee", default="")
    gaps.add_argument("--limit", type=int, default=50)
    gaps.add_argument("--json", action="store_true")
    gaps.set_defaults(func=cmd_gaps)

    sug = sub.add_parser("suggest", help="对应国际标准建议 / suggest international counterparts")
    sug.add_argument("number", help="Chinese standard number, e.g. 'YY 0053-2016'")
    sug.add_argument("--title", default=None, help="Chinese title (default: the catalogue's)")
    sug.add_argument("--limit", type=int, default=5)
    sug.add_argument("--json", action="store_true")
    sug.set_defaults(func=cmd_suggest)

    cp = sub.add_parser(
        "counterparts",
        help="采用某国际标准的中国标准 / Chinese standards adopting an ISO/IEC standard",
    )
    cp.add_argument("identifier")
    cp.add_argument("--json", action="store_true")
    cp.set_defaults(func=cmd_counterparts)

    sync = sub.add_parser(
        "sync",
        help="从目录关系和采标声明生成采标记录 / adoptions from catalogue relations and statements",
    )
    sync.set_defaults(func=cmd_sync)

    parse = sub.add_parser(
        "parse", help="解析采标声明（不入库）/ parse adoption statements without storing"
    )
    parse.add_argument("text", help="text, or - for standard input")
    parse.add_argument("--json", action="store_true")
    parse.set_defaults(func=cmd_parse)


def _dump(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def cmd_rate(args: argparse.Namespace) -> int:
    from stdlink.clitools import fail, setup_django

    setup_django()
    from stdlink.tracking.rate import conversion_rate

    identifiers = None
    if args.denominator == "list":
        if not args.list_file:
            return fail("--denominator list 需要 --list FILE / needs --list FILE")
        try:
            with open(args.list_file, encoding="utf-8-sig") as fh:
                identifiers = [line.strip() for line in fh if line.strip()]
        except OSError as exc:
            return fail(f"{args.list_file}: {exc}")
    res = conversion_rate(by=args.by, denominator=args.denominator, identifiers=identifiers)
    if args.json:
        _dump(res.as_dict())
        return 0
    d = res.scope.describe()
    t = res.total
    print(d["zh"])
    print(d["en"])
    rate = f"{t.rate:.1%}" if t.rate is not None else "—"
    print(
        f"转化率 / conversion rate: {t.numerator:,} / {t.denominator:,} = {rate} (目标 / target {res.target:.0%})"
    )
    for g in res.groups:
        r = f"{g.rate:.1%}" if g.rate is not None else "—"
        print(f"  {g.label[:50]:50} {g.numerator:>7,} / {g.denominator:<7,} {r:>7}")
    return 0


def cmd_outdated(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.tracking.outdated import outdated_adoptions

    rows = outdated_adoptions()
    if args.json:
        _dump([r.as_dict() for r in rows])
        return 0
    for r in rows:
        print(
            f"{r.domestic:24} {r.adopted:28} → {r.current or r.reason:28} {r.years_behind or '':>3}"
        )
    print(f"{len(rows):,} 条 / adoptions behind")
    return 0


def cmd_gaps(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.tracking.gaps import gap_queryset

    qs = gap_queryset(ics=args.ics, committee=args.committee)
    total = qs.count()
    rows = [
        {
            "identifier": s.identifier,
            "title": s.title_en,
            "committee": (s.committee.code if s.committee else ""),
        }
        for s in qs[: max(0, args.limit)]
    ]
    if args.json:
        _dump({"total": total, "items": rows})
        return 0
    for r in rows:
        print(f"{r['identifier']:28} {r['committee']:16} {r['title'][:70]}")
    print(f"{total:,} 项未转化 / not adopted")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.tracking.suggest import suggest

    res = suggest(args.number, args.title, k=args.limit)
    if args.json:
        _dump(res.as_dict())
        return 0
    print(f"{res.number} {res.title}")
    for c in res.candidates:
        print(f"  {c.score:.2f}  {c.identifier:28} {c.title[:60]}")
        for reason in c.reasons:
            print(f"        · {reason}")
    if res.none_likely:
        print("  可能没有对应国际标准 / no counterpart is likely")
    return 0


def cmd_counterparts(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.tracking.suggest import suggest_domestic

    res = suggest_domestic(args.identifier)
    if args.json:
        _dump(res)
        return 0
    for a in res["adopted_by"]:
        print(f"采用 / adopted by  {a['identifier']:24} {a['degree'] or '—'} ({a['source']})")
    for m in res["may_correspond"]:
        print(f"可能对应 / may     {m['identifier']:24} {m['score']:.2f} {m['title'][:40]}")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.tracking.services import sync_catalogue_relations, sync_statements

    a = sync_catalogue_relations()
    b = sync_statements()
    print(
        f"目录关系 / catalogue relations: {a.seen:,} seen, {a.recorded:,} recorded; "
        f"采标声明 / statements: {b.seen:,} records read, {b.recorded:,} recorded"
    )
    return 0


def cmd_parse(args: argparse.Namespace) -> int:
    from stdlink.tracking.statements import parse_statements

    text = sys.stdin.read() if args.text == "-" else args.text
    sts = parse_statements(text)
    if args.json:
        _dump(
            [
                {
                    "intl": s.intl,
                    "degree": s.degree,
                    "domestic": s.domestic,
                    "form": s.form,
                    "evidence": s.evidence,
                }
                for s in sts
            ]
        )
        return 0
    for s in sts:
        print(f"{s.domestic or '—':22} {s.intl:30} {s.degree or '—':4} {s.form:14} {s.evidence}")
    return 0
