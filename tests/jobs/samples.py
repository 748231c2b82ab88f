"""Small upload samples cut from the real data (never committed: built at test time)."""

from __future__ import annotations

import gzip
from pathlib import Path


def relaton_stream(shared_data: Path, source: str = "iho", n: int = 25) -> bytes:
    """The first `n` documents of a real Relaton stream, as a .yaml.gz upload."""
    from stdlink.catalog.importers.relaton import reader

    inp = reader.expand([shared_data / "relaton" / f"{source}.yaml.gz"])[0]
    docs = [raw for _i, _loc, raw in reader.documents(inp, n)]
    return gzip.compress(b"".join(d if d.startswith(b"---") else b"---\n" + d for d in docs))


def broken_relaton_stream(shared_data: Path, source: str = "iho", n: int = 10) -> bytes:
    """A real stream whose 6th document is malformed YAML."""
    from stdlink.catalog.importers.relaton import reader

    inp = reader.expand([shared_data / "relaton" / f"{source}.yaml.gz"])[0]
    docs = [raw for _i, _loc, raw in reader.documents(inp, n)]
    docs[5] = b"---\nid: [unclosed\n  title: {\n"
    return gzip.compress(b"".join(d if d.startswith(b"---") else b"---\n" + d for d in docs))
