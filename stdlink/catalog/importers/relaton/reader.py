"""Split Relaton inputs into documents, keeping each document's raw bytes.

Inputs: a `.yaml` file, a `.yaml.gz` multi-document stream, or a directory (record files as in a
relaton-data repository, and/or `*.yaml.gz` streams). A stream is split on `---` lines (the way
the streams were built: one record file per document), so every document's text is kept byte
for byte and parsing can be spread over worker processes.

Reading problems (truncated or corrupt gzip, unreadable file) are yielded as `ReadError` at the
index where they happened; decoding and YAML errors are found later, per document.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

BLOCK = 4 << 20
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Input:
    """One file to import: its source name and a label used in messages."""

    path: Path
    source: str
    label: str
    kind: str  # "stream" (.yaml / .yaml.gz) or "dir" (a directory of record files)


@dataclass(slots=True)
class ReadError:
    index: int
    message: str


def _source_of_file(p: Path) -> str:
    name = p.name
    for suffix in (".yaml.gz", ".yml.gz", ".yaml", ".yml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return p.stem


def _source_of_dir(p: Path) -> str:
    name = p.resolve().name
    if name in ("data", "static") and p.resolve().parent.name.startswith("relaton-data-"):
        name = p.resolve().parent.name
    return name.removeprefix("relaton-data-")


def expand(paths: list[Path | str]) -> list[Input]:
    """Paths → inputs. A directory yields its `*.yaml.gz` streams, one input each, and, when it
    holds record files (`*.yaml`, recursively), itself as one input."""
    out: list[Input] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            streams = sorted(x for x in p.iterdir() if x.name.endswith((".yaml.gz", ".yml.gz")))
            out.extend(Input(s, _source_of_file(s), str(s), "stream") for s in streams)
            if any(_record_files(p)):
                out.append(Input(p, _source_of_dir(p), str(p), "dir"))
        else:
            out.append(Input(p, _source_of_file(p), str(p), "stream"))
    return out


def _record_files(d: Path) -> Iterator[Path]:
    for f in sorted(d.rglob("*")):
        if (
            f.is_file()
            and f.suffix in (".yaml", ".yml")
            and not f.name.startswith("index")
            and not any(part.startswith(".") for part in f.relative_to(d).parts)
        ):
            yield f


def _starts(buf: bytes, end: int) -> list[int]:
    """Offsets of the `---` lines (document starts) in buf[:end]."""
    out = []
    if buf.startswith(b"---") and _is_sep(buf, 0):
        out.append(0)
    pos = buf.find(b"\n---", 0, end)
    while pos != -1:
        if _is_sep(buf, pos + 1):
            out.append(pos + 1)
        pos = buf.find(b"\n---", pos + 4, end)
    return out


def _is_sep(buf: bytes, at: int) -> bool:
    nxt = buf[at + 3 : at + 4]
    return nxt in (b"", b"\n", b"\r", b" ", b"\t")


def _split(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Yield documents (bytes, starting with their `---` line when they have one)."""
    buf = b""
    first = True
    for chunk in chunks:
        if first:
            chunk = chunk.removeprefix(_BOM)
            first = False
        buf += chunk
        cut = buf.rfind(b"\n") + 1
        starts = _starts(buf, cut)
        if not starts:
            continue
        if starts[0] != 0:
            starts.insert(0, 0)
        for a, b in zip(starts, starts[1:], strict=False):
            doc = buf[a:b]
            if _has_content(doc):
                yield doc
        buf = buf[starts[-1] :]
    if _has_content(buf):
        yield buf


def _has_content(doc: bytes) -> bool:
    if len(doc) > 64:
        return True
    for line in doc.splitlines():
        s = line.strip()
        if s and not s.startswith(b"#") and s != b"---" and s != b"...":
            return True
    return False


def _file_chunks(path: Path) -> Iterator[bytes]:
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rb") as f:
        while True:
            b = f.read(BLOCK)
            if not b:
                return
            yield b


def _manifest(inp: Input) -> dict[int, str]:
    """doc_index → repo path from a MANIFEST.tsv.gz beside the stream (relaton data dir)."""
    m = inp.path.parent / "MANIFEST.tsv.gz"
    if inp.kind != "stream" or not m.is_file():
        return {}
    st = m.stat()
    return _read_manifest(str(m), st.st_mtime_ns, st.st_size).get(inp.source, {})


@lru_cache(maxsize=2)
def _read_manifest(path: str, _mtime: int, _size: int) -> dict[str, dict[int, str]]:
    out: dict[str, dict[int, str]] = {}
    try:
        with gzip.open(path, "rb") as f:
            for line in f:
                source, idx, repo_path = line.rstrip(b"\r\n").decode("utf-8").split("\t", 2)
                if idx.isdigit():
                    out.setdefault(source, {})[int(idx)] = repo_path
    except (OSError, EOFError, ValueError, zlib.error, UnicodeDecodeError):
        return {}
    return out


def documents(inp: Input, limit: int | None = None) -> Iterator[tuple[int, str, bytes] | ReadError]:
    """Yield (index, locator, raw bytes) per document, or a ReadError where reading failed."""
    if inp.kind == "dir":
        index = 0
        for f in _record_files(inp.path):
            rel = f.relative_to(inp.path).as_posix()
            try:
                docs = list(_split(_file_chunks(f)))
            except OSError as exc:
                yield ReadError(index, f"{rel}: {exc}")
                return
            for j, doc in enumerate(docs):
                if limit is not None and index >= limit:
                    return
                yield index, (rel if len(docs) == 1 else f"{rel}#{j}"), doc
                index += 1
        return
    manifest = _manifest(inp)
    name = inp.path.name
    index = 0
    try:
        for doc in _split(_file_chunks(inp.path)):
            if limit is not None and index >= limit:
                return
            yield index, manifest.get(index) or f"{name}#{index}", doc
            index += 1
    except (EOFError, OSError, zlib.error) as exc:
        what = (
            "truncated or corrupt gzip"
            if isinstance(exc, (EOFError, zlib.error))
            or "gzip" in str(exc).lower()
            or "CRC" in str(exc)
            else "cannot read file"
        )
        yield ReadError(index, f"{what}: {exc}")
