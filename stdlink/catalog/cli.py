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
