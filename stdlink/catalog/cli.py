"""``stdlink import relaton|ics|ccs|cn-list PATH...``: the catalogue importers.

Each prints a bilingual summary and exits 0, or prints the located errors (file, record index,
field) of a rolled-back batch and exits 1.
"""

from __future__ import annotations

import argparse
import sys

from stdlink.clitools import setup_django


def _summary(batch) -> None:
    st = batch.stats or {}
    t = (batch.timings or {}).get("total", 0) or 0
    rate = f", {batch.read / t:,.0f} 条/秒 / rec/s" if t and batch.read else ""
    print(
        f"导入完成 / import done ({batch.source}, batch {batch.pk}): "
        f"读取 / read {batch.read:,}, 新建 / created {batch.created_count:,}, "
        f"更新 / updated {batch.updated_count:,}, 未变 / unchanged {batch.unchanged_count:,}, "
        f"跳过 / skipped {batch.skipped_count:,}; {t:.1f} s{rate}"
    )
    if st.get("relations_stored") or batch.source in ("relaton", "cn-list"):
        print(
            f"  关系 / relations: 写入 / stored {st.get('relations_stored', 0):,}, "
            f"已解析 / resolved {st.get('relations_resolved', 0):,}; "
            f"合并记录 / merged records {st.get('records_merged', 0):,}"
        )
    if st.get("warnings_total"):
        print(f"  警告 / warnings: {st['warnings_total']:,} (ImportBatch {batch.pk}.warnings)")
    for e in batch.errors or []:
        print(f"  已跳过 / skipped: {_where(e)}")


def _where(e: dict) -> str:
    from stdlink.catalog.importers.base import describe

    return describe(e)


def _run(fn, args, *paths) -> int:
    setup_django()
    from stdlink.catalog.importers.base import ImportFailed

    try:
        batch = fn(*paths, **args)
    except ImportFailed as exc:
        print(exc.message, file=sys.stderr)
        for e in exc.errors[:50]:
            print(f"  {_where(e)}", file=sys.stderr)
        if len(exc.errors) > 50:
            print(f"  … (+{len(exc.errors) - 50})", file=sys.stderr)
        return 1
    _summary(batch)
    return 0


def _cmd_relaton(a: argparse.Namespace) -> int:
    from stdlink.catalog.importers.relaton import import_paths

    return _run(
        import_paths,
        {"skip_invalid": a.skip_invalid, "limit": a.limit, "progress": not a.no_progress},
        a.paths,
    )


def _cmd_ics(a: argparse.Namespace) -> int:
    from stdlink.catalog.importers.ics import import_ics

    return _run(import_ics, {"skip_invalid": a.skip_invalid, "progress": not a.no_progress}, a.path)


def _cmd_ccs(a: argparse.Namespace) -> int:
    from stdlink.catalog.importers.ccs import import_ccs

    return _run(
        import_ccs, {"skip_invalid": a.skip_invalid, "progress": not a.no_progress}, a.paths
    )


def _cmd_cn_list(a: argparse.Namespace) -> int:
    from stdlink.catalog.importers.cn_list import import_cn_list

    return _run(
        import_cn_list,
        {"skip_invalid": a.skip_invalid, "limit": a.limit, "progress": not a.no_progress},
        a.path,
    )


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--skip-invalid",
        action="store_true",
        help="跳过并列出无效记录，而不是回滚整批 / skip and list invalid records "
        "instead of rolling the batch back",
    )
    p.add_argument("--no-progress", action="store_true", help="不显示进度条 / no progress bar")


def register_import(import_subparsers: argparse._SubParsersAction) -> None:
    p = import_subparsers.add_parser(
        "relaton", help="Relaton YAML 目录 / Relaton YAML: .yaml, .yaml.gz streams or directories"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument(
        "--limit",
        type=int,
        default=None,
        help="每个文件只读前 N 条 / only the first N documents of each file",
    )
    _common(p)
    p.set_defaults(func=_cmd_relaton)

    p = import_subparsers.add_parser("ics", help="ICS 国际标准分类表 / ICS table (CSV)")
    p.add_argument("path", metavar="PATH")
    _common(p)
    p.set_defaults(func=_cmd_ics)

    p = import_subparsers.add_parser(
        "ccs", help="CCS 中国标准文献分类表 / CCS tables (CSV, one per level, or their directory)"
    )
    p.add_argument("paths", nargs="+", metavar="PATH")
    _common(p)
    p.set_defaults(func=_cmd_ccs)

    p = import_subparsers.add_parser(
        "cn-list", help="中国官方标准目录 / Chinese official standard list (NMPA JSON)"
    )
    p.add_argument("path", metavar="PATH")
    p.add_argument("--limit", type=int, default=None, help="只读前 N 条 / only the first N rows")
    _common(p)
    p.set_defaults(func=_cmd_cn_list)


def _print_report(r: dict) -> None:
    print(
        f"导入批次 / import batch {r['batch']} ({r['source']}, {r['state']}): "
        f"读取 / read {r['read']:,}, 新建 / created {r['created']:,}, "
        f"更新 / updated {r['updated']:,}, 未变 / unchanged {r['unchanged']:,}, "
        f"跳过 / skipped {r['skipped']:,}; {r['seconds']} s"
        + (f", {r['rate']:,} 条/秒 / rec/s" if r["rate"] else "")
    )
    print(f"  文件 / files: {', '.join(r['files'])}")
    if r["relations_stored"]:
        print(
            f"  关系 / relations: 写入 / stored {r['relations_stored']:,}, "
            f"已解析 / resolved {r['relations_resolved']:,}"
        )
    if r["errors"]:
        print(f"  错误 / errors ({r['errors_total']:,}):")
        for e in r["errors"]:
            print(f"    {e}")
    if r["warnings"]:
        print(f"  警告 / warnings ({r['warnings_total']:,}):")
        for w in r["warnings"]:
            print(f"    {w}")


def _cmd_imports_show(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.catalog.import_kinds import batch_report
    from stdlink.catalog.models import ImportBatch

    batch = ImportBatch.objects.filter(pk=a.id).first()
    if batch is None:
        print(f"没有导入批次 {a.id} / no import batch {a.id}", file=sys.stderr)
        return 1
    _print_report(batch_report(batch))
    return 0


def _cmd_imports_list(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.catalog.models import ImportBatch

    for b in ImportBatch.objects.all()[: a.limit]:
        print(
            f"{b.pk:>6} {b.started:%Y-%m-%d %H:%M} {b.source:<14} {b.state:<10} "
            f"read {b.read:,} created {b.created_count:,} updated {b.updated_count:,} "
            f"unchanged {b.unchanged_count:,} skipped {b.skipped_count:,}"
        )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("imports", help="导入批次 / import batches: list, show N")
    sub = p.add_subparsers(dest="imports_cmd", required=True)
    q = sub.add_parser("list", help="最近的导入批次 / recent import batches")
    q.add_argument("--limit", type=int, default=20)
    q.set_defaults(func=_cmd_imports_list)
    q = sub.add_parser("show", help="导入批次报告 / the report of batch N")
    q.add_argument("id", type=int, metavar="N")
    q.set_defaults(func=_cmd_imports_show)
