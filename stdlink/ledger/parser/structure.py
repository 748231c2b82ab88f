"""Numbered structure: 一、 / （一） / 1. / （1） / ① / 第一阶段, nested in the order they appear.

A marker's level is not fixed: the first kind seen is level 1, a new kind nests under the current
item, a kind already on the stack closes everything below it. A marker that breaks its sibling
sequence (e.g. "2." where "4." was expected) is ordinary text: page-broken lines and annex tables
must not become tasks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from stdlink.ledger.parser.numerals import CIRCLED, NUMERAL_CHARS, chinese_to_int, circled_to_int

_N = f"[{NUMERAL_CHARS}]+"
MARKERS: list[tuple[str, re.Pattern]] = [
    ("cn", re.compile(rf"^({_N})[、，.]\s*")),
    ("pcn", re.compile(rf"^（({_N})）\s*")),
    ("ord", re.compile(rf"^第({_N})(阶段|部分|章|节|条)[、：:\s]*")),
    ("ar", re.compile(r"^(\d{1,3})(?:[.、](?!\d)|\s*[.、])\s*")),
    ("par", re.compile(r"^（(\d{1,3})）\s*")),
    ("circ", re.compile(rf"^([{CIRCLED}])\s*")),
]
# Lines that end the numbered body once it has started.
_STOP = re.compile(
    r"^(附件\s*([：:\d一二三四五六七八九十]|$)|（?来源[：:]|抄送[：:]|# |（此件公开发布）)"
)
_SENTENCE_END = "。！？；〕）”"
_CLAUSE_END = re.compile(r"(〕|负责）|单位[：:][^（）]*）|牵头[^（）]*）)$")


@dataclass
class Node:
    kind: str
    num: int
    label: str
    lines: list[str] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    parent: Node | None = None

    @property
    def text(self) -> str:
        out = ""
        for line in self.lines:
            if out and out[-1] not in _SENTENCE_END and not line.startswith(("“", "（")):
                out += line  # a line broken by a page break: join without a gap
            elif out:
                out += "\n" + line
            else:
                out = line
        return out

    @property
    def heading(self) -> str:
        first = self.lines[0] if self.lines else ""
        if "。" in first:
            head = first.split("。", 1)[0]
            if len(head) <= 80:
                return head
            return head[:40] + "…"
        return first if len(first) <= 80 else first[:40] + "…"

    def path(self) -> list[Node]:
        out: list[Node] = []
        node: Node | None = self
        while node is not None and node.kind != "root":
            out.append(node)
            node = node.parent
        return out[::-1]


@dataclass
class Outline:
    header: list[str]
    root: Node
    trailing: list[str]

    def leaves(self) -> list[Node]:
        out: list[Node] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if child.children:
                    walk(child)
                else:
                    out.append(child)

        walk(self.root)
        return out

    def sections(self) -> list[Node]:
        out: list[Node] = []

        def walk(node: Node) -> None:
            for child in node.children:
                if child.children:
                    out.append(child)
                    walk(child)

        walk(self.root)
        return out


def match_marker(line: str) -> tuple[str, int, str, str] | None:
    """(kind, number, label as written, rest of the line) or None."""
    for kind, pattern in MARKERS:
        m = pattern.match(line)
        if not m:
            continue
        raw = m.group(1)
        try:
            if kind in ("ar", "par"):
                num = int(raw)
            elif kind == "circ":
                num = circled_to_int(raw)
            else:
                num = chinese_to_int(raw)
        except ValueError:
            continue
        rest = line[m.end() :]
        if not rest.strip() and kind in ("ar", "par", "circ"):
            continue  # a bare "1." is a table cell or page number, not an item
        return kind, num, m.group(0).strip(), rest.strip()
    return None


def format_label(kind: str, num_label: str) -> str:
    """Path component: 二 / (三) / 1 / (1) / ① / 第一阶段."""
    label = num_label.rstrip("、，.：: ")
    return label.replace("（", "(").replace("）", ")")


def outline(text: str) -> Outline:
    root = Node("root", 0, "")
    header: list[str] = []
    trailing: list[str] = []
    stack: list[Node] = [root]
    started = False
    stopped = False
    closed = False  # the current item ended with a responsibility clause
    last_seen: dict[str, int] = {}  # numbering may run on across sections: (二十五) → 六、(二十六)
    excerpt = False  # the text starts mid-document (first marker is not number 1)
    for raw_line in text.split("\n"):
        line = raw_line.strip()
        if not line:
            continue
        if stopped:
            trailing.append(line)
            continue
        marker = match_marker(line)
        if marker is not None:
            kind, num, label, rest = marker
            kinds = [n.kind for n in stack]
            if kind in kinds:
                idx = kinds.index(kind)
                if num != stack[idx].num + 1:
                    marker = None  # out of sequence: plain text
                else:
                    del stack[idx:]
            elif (
                num != 1
                and num != last_seen.get(kind, -1) + 1
                and not (kind not in last_seen and (excerpt or not started))
            ):
                marker = None  # a first item that is not 1 and continues nothing
            if marker is not None:
                parent = stack[-1]
                node = Node(
                    kind, num, format_label(kind, label), [rest] if rest else [], parent=parent
                )
                parent.children.append(node)
                stack.append(node)
                if not started and num != 1:
                    excerpt = True
                last_seen[kind] = num
                started = True
                closed = bool(_CLAUSE_END.search(rest))
                continue
        if not started:
            header.append(line)
            continue
        if _STOP.match(line):
            stopped = True
            trailing.append(line)
            continue
        if closed:
            # A new paragraph after an item that ended with its responsibility clause is the
            # document's closing text, not part of the item.
            trailing.append(line)
            continue
        stack[-1].lines.append(line)
        closed = bool(_CLAUSE_END.search(line))
    return Outline(header=header, root=root, trailing=trailing)
