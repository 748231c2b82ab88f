"""``stdlink embeddings build [--model usem3|e5|all] [--limit N] [--reindex]`` and
``stdlink embeddings status [--json]``: run or report the title-vector build."""

from __future__ import annotations

import argparse
import json
import sys
import time


def _cmd_build(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.semantic.services.build import build

    models = {"usem3": ("usem3",), "e5": ("e5",), "all": ("usem3", "e5")}[args.model]
    if args.background:
        from stdlink import jobs

        job = jobs.enqueue("semantic.build", list(models), title="title vectors")
        print(f"已排队 / queued: job {job.pk} (stdlink worker runs it)", file=sys.stderr)
        return 0
    bars: dict[str, object] = {}
    show = sys.stderr.isatty() and not args.no_progress

    def progress(step: str, done: int, total: int) -> None:
        if not show:
            return
        from tqdm import tqdm

        bar = bars.get(step)
        if bar is None:
            bar = bars[step] = tqdm(total=total, desc=step, unit="rec", dynamic_ncols=True)
        bar.n = done
        bar.refresh()

    started = time.perf_counter()
    out = build(models, progress=progress, limit=args.limit, reindex=args.reindex)
    for bar in bars.values():
        bar.close()
    print(
        "向量已更新 / vectors updated: "
        + ", ".join(f"{k} {v:,}" for k, v in out.items())
        + f"; {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


def _cmd_status(args: argparse.Namespace) -> int:
    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.semantic.services.build import status

    rows = status()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for r in rows:
        line = (
            f"{r['model']:<6} {r['state']:<8} 已编码 / encoded {r['encoded']:,} / {r['total']:,}"
            f"  {r['seconds']:.0f} s"
        )
        if "indexed" in r:
            line += f"  已入索引 / indexed {r['indexed']:,}  标准-标题 / links {r['links']:,}"
        if r["message"]:
            line += f"  ({r['message']})"
        print(line)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "embeddings",
        help="标题向量 / title vectors: build or report",
        description="标题向量 / title vectors for semantic search: `build` (resumable) or `status`.",
    )
    sub = parser.add_subparsers(dest="action", required=True)
    b = sub.add_parser("build", help="编码未编码的标题 / encode the titles not encoded yet")
    b.add_argument(
        "--model",
        choices=("usem3", "e5", "all"),
        default="usem3",
        help="usem3 (retrieval, default), e5 (re-ranking; slow) or all",
    )
    b.add_argument("--limit", type=int, default=None, help="encode at most N texts per model")
    b.add_argument("--reindex", action="store_true", help="rebuild the index file from the DB")
    b.add_argument("--no-progress", action="store_true", help="no progress bar")
    b.add_argument("--background", action="store_true", help="queue it as a background job instead")
    b.set_defaults(func=_cmd_build)
    s = sub.add_parser("status", help="进度 / progress per model")
    s.add_argument("--json", action="store_true", help="JSON output")
    s.set_defaults(func=_cmd_status)
