"""`stdlink worker` (one queue worker) and `stdlink jobs list|show|cancel`."""

from __future__ import annotations

import argparse
import sys

from stdlink.clitools import setup_django


def _cmd_worker(a: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    opts = {"workers": a.threads, "worker_type": "thread", "periodic": not a.no_periodic}
    if a.max_tasks:
        opts["max_tasks"] = a.max_tasks
    if a.verbose:
        opts["verbose"] = True
    print(
        f"StdLink 任务进程 / worker: {a.threads} thread(s), "
        f"定时任务 / periodic {'off' if a.no_periodic else 'on'}; Ctrl-C 停止 / to stop",
        file=sys.stderr,
    )
    call_command("run_huey", **opts)
    return 0


def _cmd_list(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.jobs.models import Job

    qs = Job.objects.all()
    if a.status:
        qs = qs.filter(status=a.status)
    for job in qs[: a.limit]:
        live = job.live()
        total = f"/{live['total']:,}" if live["total"] else ""
        print(
            f"#{job.pk:<6} {job.created:%Y-%m-%d %H:%M:%S} {job.status:<10} {job.name:<28} "
            f"{live['done']:,}{total} {live['message'][:40]}"
        )
    return 0


def _cmd_show(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.jobs.models import Job

    job = Job.objects.filter(pk=a.id).first()
    if job is None:
        print(f"没有任务 #{a.id} / no job #{a.id}", file=sys.stderr)
        return 1
    live = job.live()
    print(f"任务 / job #{job.pk} {job.name} — {live['status_label']} ({job.status})")
    print(f"  进度 / progress: {live['done']:,}/{live['total'] or '?'} {live['rate']:,} /s")
    print(f"  尝试次数 / attempts: {job.attempts}; {live['message']}")
    if job.error:
        print(f"  错误 / error: {job.error}")
    if job.result is not None:
        print(f"  结果 / result: {job.result}")
    return 0


def _cmd_cancel(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.jobs.models import Job
    from stdlink.jobs.services import cancel_job

    job = Job.objects.filter(pk=a.id).first()
    if job is None:
        print(f"没有任务 #{a.id} / no job #{a.id}", file=sys.stderr)
        return 1
    cancel_job(job, acting_user=None)
    print(f"已请求取消 / cancel requested: job #{job.pk}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "worker", help="启动一个后台任务进程 / start one background worker (Ctrl-C stops it)"
    )
    p.add_argument(
        "--threads", type=int, default=1, help="并发线程数 / jobs run at once (default 1)"
    )
    p.add_argument(
        "--no-periodic",
        action="store_true",
        help="不调度定时任务 / do not enqueue periodic jobs (they are still claimed once)",
    )
    p.add_argument("--max-tasks", type=int, default=0, help="处理 N 个任务后退出 / exit after N")
    p.add_argument("--verbose", action="store_true")
    p.set_defaults(func=_cmd_worker)

    p = subparsers.add_parser("jobs", help="后台任务 / background jobs: list, show, cancel")
    sub = p.add_subparsers(dest="jobs_cmd", required=True)
    q = sub.add_parser("list", help="最近的任务 / recent jobs")
    q.add_argument("--status", default="")
    q.add_argument("--limit", type=int, default=30)
    q.set_defaults(func=_cmd_list)
    q = sub.add_parser("show", help="任务详情 / one job")
    q.add_argument("id", type=int)
    q.set_defaults(func=_cmd_show)
    q = sub.add_parser("cancel", help="取消任务 / cancel a job")
    q.add_argument("id", type=int)
    q.set_defaults(func=_cmd_cancel)
