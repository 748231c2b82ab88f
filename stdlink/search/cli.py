"""``stdlink search "QUERY" [--json] [--limit N]`` and ``stdlink search reindex``.

"reindex" as the only word is the rebuild command; to search for the word itself, quote it with
a flag: ``stdlink search --query reindex``.
"""

from __future__ import annotations

import argparse
import json
import sys


def _cmd_search(args: argparse.Namespace) -> int:
    from stdlink.clitools import fail, setup_django

    words = list(args.words or [])
    if args.query is None and words == ["reindex"]:
        return _cmd_reindex(args)
    text = args.query if args.query is not None else " ".join(words)
    if not text.strip():
        return fail('请给出检索词 / give a query: stdlink search "ISO 9001"')
    setup_django()
    from stdlink.search.interface import SearchQuery, search
    from stdlink.search.sanitize import QueryError

    try:
        result = search(SearchQuery(q=text, per_page=max(1, min(args.limit, 100))), strict=True)
    except QueryError as exc:
        return fail(str(exc))
    if args.json:
        print(
            json.dumps(
                {
                    "hits": [
                        {
                            "identifier": h.identifier,
                            "title": h.title,
                            "status": h.status,
                            "score": h.score,
                        }
                        for h in result.hits
                    ],
                    "total": result.total,
                    "facets": result.facets.as_dict(),
                    "took_ms": round(result.took_ms, 2),
                    "did_you_mean": result.did_you_mean,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    if result.did_you_mean:
        print(f"您是否要找 / did you mean: {result.did_you_mean}")
    print(f"{result.total} 条结果 / hits ({result.took_ms:.1f} ms)")
    if args.explain:
        print(explain_table(result.hits))
        return 0
    for hit in result.hits:
        print(f"{hit.score:6.2f}  {hit.identifier:<32} {hit.status:<10} {hit.title}")
    return 0


def explain_table(hits) -> str:
    """One line per hit: fused rank, lexical rank, semantic rank, rank by the English words of a
    Chinese query, why it matched, title."""
    lines = [
        f"{'融合 fused':>10} {'词 lexical':>10} {'义 semantic':>11} {'译 translated':>13}  "
        f"{'依据 why':<26} {'标准 identifier':<32} 标题 title"
    ]
    for hit in hits:
        r = hit.ranks

        def cell(v):
            return "-" if v is None else str(v)

        lines.append(
            f"{cell(r.get('fused')):>10} {cell(r.get('lexical')):>10} "
            f"{cell(r.get('semantic')):>11} {cell(r.get('translated')):>13}  "
            f"{'+'.join(hit.why) or '-':<26} "
            f"{hit.identifier:<32} {hit.title}"
        )
    return "\n".join(lines)


def _cmd_reindex(args: argparse.Namespace) -> int:
    import time

    from stdlink.clitools import setup_django

    setup_django()
    from stdlink.search.indexer import reindex

    started = time.perf_counter()
    n = reindex(progress=None if not getattr(args, "no_progress", False) else False)
    print(
        f"已索引 / indexed {n} standards in {time.perf_counter() - started:.1f} s", file=sys.stderr
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search",
        help="检索标准 / search standards; `stdlink search reindex` rebuilds the index",
        description="检索标准 / search standards. `stdlink search reindex` rebuilds the index.",
    )
    parser.add_argument("words", nargs="*", metavar="QUERY", help="检索词 / query words")
    parser.add_argument("--query", "-q", help="the query (also when it is the word 'reindex')")
    parser.add_argument("--json", action="store_true", help="JSON output")
    parser.add_argument("--limit", type=int, default=10, help="hits to show (default 10)")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="show each hit's lexical, semantic and fused rank and why it matched",
    )
    parser.add_argument("--no-progress", action="store_true", help="reindex without progress bar")
    parser.set_defaults(func=_cmd_search)
