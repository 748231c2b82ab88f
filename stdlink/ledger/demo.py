"""Demo ledger: the tasks of the five seed policy documents, marked as demo (`stdlink demo`).

Documents come from STDLINK_SEEDS_DIR (default ../shared/seeds); importing is idempotent (a
document is recognised by its number or content), so running `stdlink demo` again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from stdlink.env import seeds_dir


def create(out: Callable[[str], None] = print) -> int:
    """Import every seed document into the ledger and mark it as demo; returns the count."""
    from stdlink.ledger.models import PolicyDocument
    from stdlink.ledger.parser import PolicyParseError, read_source
    from stdlink.ledger.services import import_text

    folder = seeds_dir()
    files = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not files:
        out(f"台账演示数据：未找到种子文件 / ledger demo: no seed documents in {folder}")
        return 0
    loaded = 0
    for path in files:
        try:
            result = import_text(
                read_source(path.read_bytes(), path.name), source_name=path.name, acting_user=None
            )
        except PolicyParseError as exc:
            out(f"  {path.name}: 跳过 / skipped ({exc})")
            continue
        PolicyDocument.objects.filter(pk=result.document.pk).update(is_demo=True)
        loaded += 1
        out(f"  {path.name}: {result.document.tasks.count()} 项任务 / tasks")
    out(f"台账演示数据 / ledger demo: {loaded} documents")
    return loaded


def clear(out: Callable[[str], None] = print) -> int:
    from stdlink.ledger.models import PolicyDocument

    n, _ = PolicyDocument.objects.filter(is_demo=True).delete()
    out(f"已删除台账演示数据 / ledger demo removed ({n} rows)")
    return n
