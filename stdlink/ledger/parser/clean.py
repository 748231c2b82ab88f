"""Text clean-up before structure parsing.

Steps, in order (each is a small function, tested on its own):
1. `repair_gbk_shift` - undo a byte-misalignment artefact: text that went through GBK with one
   byte lost shows up as "?!" followed by nonsense characters (seed 001: "。〔市場監" became
   "?!彩袌霰O"). Re-encoding the damaged run and restoring the lost "。〔" bytes recovers it.
   `repair_broken_gloss` - a similar shift after a damaged gloss ("深入?yún)⑴c" for 深入参与).
2. `strip_pinyin_glosses` - remove inline pinyin glosses such as 發(fā), 關（guān）: only parentheses
   holding latin letters with at least one tone mark, so (ISO), (WP29) and (二十一) stay.
3. t2s - traditional to simplified script (OpenCC).
4. `normalise_width` - full-width letters/digits to ASCII; ASCII punctuation next to Chinese text to
   the full-width forms the other modules expect; no spaces between Chinese and digits.
5. `strip_markdown` - "#" headings and "**" emphasis from texts copied out of web pages.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PINYIN_GLOSS = re.compile(
    rf"[(（]\s*[a-zü{TONE_MARKS}]*[{TONE_MARKS}][a-zü{TONE_MARKS}]*\s*[)）]", re.IGNORECASE
)
# "?!" directly followed by Chinese text: the start of a GBK-shifted run.
_GBK_SHIFT = re.compile(r"\?!(?=[\u3400-\u9fff])")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》"


@lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified script (idempotent on simplified text)."""
    return _t2s().convert(text)


def repair_gbk_shift(text: str) -> str:
    """Recover runs damaged by a one-byte shift in GBK (see module docstring).

    The shifted run ends at the first ASCII character (a GBK trail byte in 0x40-0x7E read on its
    own, or a "?" standing for an undecodable pair), after which the byte stream is aligned again.
    Characters lost for good come back as U+FFFD; agency lookup matches them as wildcards.
    """
    out: list[str] = []
    pos = 0
    for match in _GBK_SHIFT.finditer(text):
        if match.start() < pos:
            continue
        end = match.end()
        while end < len(text) and ord(text[end]) >= 0x80 and text[end] != "\n":
            end += 1
        if end < len(text) and text[end] != "\n":
            end += 1  # the realigning ASCII byte belongs to the run
        run = text[match.end() : end]
        try:
            raw = b"\xa1\xa3\xa1" + run.encode("gbk")
        except UnicodeEncodeError:
            continue
        fixed = raw.decode("gbk", errors="replace")
        fixed = fixed.replace("\ufffd?", "\ufffd")
        out.append(text[pos : match.start()])
        out.append(fixed)
        pos = end
    out.append(text[pos:])
    return "".join(out)


_BROKEN_GLOSS = re.compile(rf"\?[a-zü{TONE_MARKS}]+[)）](?=[^\x00-\x7f])")


def repair_broken_gloss(text: str) -> str:
    """Recover "?yún)⑴c" (seed 001, for 参与): a gloss whose "(" and the next character's lead byte
    were lost, leaving the following characters shifted by one GBK byte.

    The lost byte is unknown, so every lead byte is tried and the candidate that makes the most
    frequent word in jieba's dictionary wins; with no plausible candidate the run becomes U+FFFD.
    """
    out: list[str] = []
    pos = 0
    for match in _BROKEN_GLOSS.finditer(text):
        if match.start() < pos:
            continue
        end = match.end()
        while end < len(text) and ord(text[end]) >= 0x80 and text[end] != "\n":
            end += 1
        if end < len(text) and text[end] != "\n":
            end += 1
        try:
            run = text[match.end() : end].encode("gbk")
        except UnicodeEncodeError:
            continue
        out.append(text[pos : match.start()])
        out.append(_best_lead_byte(run))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def _best_lead_byte(run: bytes) -> str:
    freq = _word_freq()
    best, best_score = "\ufffd", 0
    for lead in range(0x81, 0xFF):
        try:
            candidate = (bytes([lead]) + run).decode("gbk")
        except UnicodeDecodeError:
            continue
        score = freq.get(to_simplified(candidate), 0)
        if score > best_score:
            best, best_score = candidate, score
    return best


@lru_cache(maxsize=1)
def _word_freq() -> dict[str, int]:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.dt.FREQ


def strip_pinyin_glosses(text: str) -> str:
    return _PINYIN_GLOSS.sub("", text)


def normalise_width(text: str) -> str:
    """Full-width ASCII letters/digits → ASCII; ASCII punctuation in Chinese text → full width."""
    chars = []
    for ch in text:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            ch = unicodedata.normalize("NFKC", ch)
        elif ch == "\u3000" or ch == "\xa0":
            ch = " "
        elif ch in "．":
            ch = "."
        chars.append(ch)
    text = "".join(chars)
    text = text.replace("(", "（").replace(")", "）")
    # Commas, colons and semicolons next to Chinese characters.
    text = re.sub(rf"(?<=[{_CJK}）])\s*,\s*|\s*,\s*(?=[{_CJK}（])", "，", text)
    text = re.sub(rf"(?<=[{_CJK}）])\s*:\s*|\s*:\s*(?=[{_CJK}（])", "：", text)
    text = re.sub(rf"(?<=[{_CJK}）])\s*;\s*|\s*;\s*(?=[{_CJK}（])", "；", text)
    # No spaces between Chinese and digits ("到 2022 年底" → "到2022年底").
    text = re.sub(rf"(?<=[{_CJK}])[ \t]+(?=[0-9])|(?<=[0-9])[ \t]+(?=[{_CJK}])", "", text)
    return text


def strip_markdown(text: str) -> str:
    text = re.sub(r"(?m)^[ \t]*#{1,6}[ \t]+", "# ", text)  # keep one marker: a heading boundary
    text = text.replace("**", "")
    text = re.sub(r"(?m)^[ \t]*[-*][ \t]+(?=\S)", "", text)
    return text


def clean_text(text: str) -> str:
    """The full clean-up pipeline; idempotent."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = repair_gbk_shift(text)
    text = repair_broken_gloss(text)
    text = strip_pinyin_glosses(text)
    text = to_simplified(text)
    text = normalise_width(text)
    text = strip_markdown(text)
    lines = [line.strip() for line in text.split("\n")]
    return "\n".join(lines).strip()
