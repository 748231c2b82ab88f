"""HS and ICS codes: found in product text or their own field, normalised, and inferred.

HS codes are kept as written ("9503.0089", "20.09", "95") and normalised to digits with their
HS2/HS4/HS6 prefixes; a national tariff line keeps its first six digits for matching. Codes the
notification runs together ("8702.2092.8702.2093", "8415.10.8415.81") are split. ICS codes come
from markers in the product text ("(ICS分类号:75.080)", "ICS 67.100.10", "ICS code(s): ...") or
their own field. Where one side is missing it is inferred from the other through the reference
ICS→HS6 pairs and marked inferred.
"""

from __future__ import annotations

import re

from ..parsers.record import HsCode, IcsCode

_SEP = r"\s*[;；,，、/]\s*|\s+及\s*|\s+and\s+|\s+"
_HS_TOKEN = r"\d{2}(?:[.\s]?\d{1,2}){0,6}"
_ICS_TOKEN = r"\d{2}(?:\.\d{3}(?:\.\d{2})?)?"

# "HS编码：8424", "(HS编码:95)", "(HS 320910)", "(HS code(s): 2505)", "HS: 68022, 68029", "(HS:29)"
# "ex 9503" (part of a heading) counts as the heading.
_EX = r"(?:ex\s*)?"
_HS_MARK = re.compile(
    r"(?:\bHS\s*(?:编码|編碼|code\(?s?\)?|codes?|No\.?)?|海关编码|海關編碼|税则号|稅則號)\s*[:：]?\s*"
    rf"(?P<codes>{_EX}{_HS_TOKEN}(?:(?:\s*[;；,，、]\s*|\s+及\s*|\s+and\s+){_EX}{_HS_TOKEN})*)"
    r"|(?<![A-Za-z])ex\s+(?P<ex>\d{4}(?:[.\s]?\d{2}){0,3})(?![\d.])",
    re.I,
)
# HS chapters by name: "Chapter 61", "Chapters 61 and 62", "HS第61章", "第61、62章", "第61至63章".
_CHAPTER = re.compile(
    r"(?:\bHS\s*)?(?:\bChapters?\s+(?P<en>\d{1,2}(?:\s*(?:,|and|to|-|–)\s*\d{1,2})*)"
    r"(?!\s*of\s+(?:the\s+)?(?!HS|Harmoni)[A-Za-z])"
    r"|第\s*(?P<zh>\d{1,2}(?:\s*(?:、|，|,|和|及|至|到|-|–)\s*\d{1,2})*)\s*章)",
    re.I,
)
_ICS_MARK = re.compile(
    r"ICS\s*(?:编码|編碼|分类号|分類號|code\(?s?\)?|codes?)?\s*[:：]?\s*"
    rf"(?P<codes>{_ICS_TOKEN}(?:\s*[;；,，、]\s*{_ICS_TOKEN})*)",
    re.I,
)
# Bare tariff lines in a product text that is a list of codes ("8504409010、8544420000及8536901000").
_BARE_HS = re.compile(
    r"(?<![A-Za-z0-9_.:/-])(\d{6,10}|\d{4}\.\d{2}(?:\.?\d{2}){0,2})(?![A-Za-z0-9_.:/-]*\d)"
)


def split_list(text: str) -> list[str]:
    return [
        t.strip(" .。")
        for t in re.split(r"[;；,，、\r\n]|\s+及\s*|\s+and\s+", text)
        if t.strip(" .。")
    ]


_FIELD_LABEL = re.compile(
    r"(?:(?<=\s)|^)(HS\s*编码|ICS\s*编码|HS\s*編碼|ICS\s*編碼|HS code\(s\)|ICS code\(s\))\s*[：:]",
    re.I,
)


def split_trailing_fields(products: str) -> tuple[str, str | None, str | None]:
    """Split " HS编码：... ICS编码：..." off the end of a product text → (text, hs, ics).

    Only labels outside parentheses count: "(HS code(s): 2505)" stays part of the text.
    """
    hs = ics = None
    labels = [m for m in _FIELD_LABEL.finditer(products) if not _inside_parens(products, m.start())]
    end = len(products)
    cut = end
    for m in reversed(labels):
        value = products[m.end() : cut].strip()
        if m.group(1).upper().startswith("HS"):
            hs = value if hs is None else hs
        else:
            ics = value if ics is None else ics
        cut = m.start()
    return products[:cut].rstrip(), hs, ics


def _inside_parens(text: str, pos: int) -> bool:
    depth = 0
    for ch in text[:pos]:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth = max(0, depth - 1)
    return depth > 0


def _split_joined(code: str) -> list[str]:
    """'8702.2092.8702.2093' → ['8702.2092', '8702.2093'] (two codes joined by a dot)."""
    parts = code.split(".")
    for i in range(1, len(parts)):
        left, right = ".".join(parts[:i]), ".".join(parts[i:])
        if (
            len(parts[i]) == 4
            and parts[i][:2] == parts[0][:2]
            and len(re.sub(r"\D", "", left)) >= 6
            and len(parts[0]) == 4
        ):
            return [left, *_split_joined(right)]
    return [code]


def chapters(text: str) -> list[str]:
    """HS chapters named in words ("Chapter 61", "第61至63章") as two-digit codes; a range
    is expanded."""
    out: list[str] = []
    for m in _CHAPTER.finditer(text or ""):
        spec = m["en"] or m["zh"]
        for part in re.split(r"\s*(?:,|，|、|and|和|及)\s*", spec):
            ends = [int(x) for x in re.split(r"\s*(?:to|至|到|-|–)\s*", part) if x.isdigit()]
            if not ends:
                continue
            lo, hi = ends[0], ends[-1]
            for ch in range(lo, hi + 1) if lo <= hi <= lo + 20 else (lo, hi):
                code = f"{ch:02d}"
                if 1 <= ch <= 97 and code not in out:
                    out.append(code)
    return out


def _strip_ex(token: str) -> str:
    return re.sub(r"^ex\s*", "", token.strip(), flags=re.I)


def hs_from_text(text: str) -> list[str]:
    """HS codes marked in a product text, as written (joined codes split; "ex" dropped);
    chapters named in words ("Chapter 61", "第61章") as their two digits."""
    out: list[str] = []
    for m in _HS_MARK.finditer(text or ""):
        for tok in split_list(m["codes"] or m["ex"]):
            for c in _split_joined(_strip_ex(tok)):
                if c and c not in out:
                    out.append(c)
    for c in chapters(text):
        if not any(h.replace(".", "").startswith(c) for h in out):
            out.append(c)
    return out


def hs_bare(text: str) -> list[str]:
    """Tariff lines written bare in a product text that is (mostly) a list of codes."""
    t = (text or "").strip()
    codes = [m.group(1) for m in _BARE_HS.finditer(t)]
    if not codes:
        return []
    rest = _BARE_HS.sub("", t)
    if len(re.sub(r"[\s、,，;；及and.。]", "", rest)) > len(t) // 3:
        return []  # prose with numbers in it, not a code list
    return codes


def ics_from_text(text: str) -> list[str]:
    out: list[str] = []
    for m in _ICS_MARK.finditer(text or ""):
        for tok in split_list(m["codes"]):
            if re.fullmatch(_ICS_TOKEN, tok) and tok not in out:
                out.append(tok)
    return out


# A tariff line written with spaces ("8516 79 10"): four digits, then groups of two.
_SPACED_LINE = re.compile(r"\d{4}(?:\s\d{2})+")


def _split_spaced(tok: str) -> list[str]:
    """A token of digits, dots and spaces holds several codes ("9503 9504", "95 96") unless it
    is one spaced tariff line ("8516 79 10"); any other token is one code or words."""
    if not re.fullmatch(r"[\d.\s]+", tok) or _SPACED_LINE.fullmatch(tok):
        return [tok]
    return tok.split()


def hs_field(value: str | None) -> list[str]:
    """An HS field of its own ("7217.3011；7217.3021", "271210;8516", one code a line, or
    codes separated by spaces) → codes as written."""
    if not value:
        return []
    out: list[str] = []
    for tok in (t for line in split_list(str(value)) for t in _split_spaced(line)):
        named = chapters(tok)
        for c in named or ([_strip_ex(tok)] if re.search(r"\d", tok) else []):
            if c not in out:
                out.append(c)
    return out


def ics_field(value: str | None) -> list[str]:
    """An ICS field of its own: every code in it, whatever separates them (";", ",", a line
    break, spaces) and whatever labels it ("ICS 67.100.10")."""
    if not value:
        return []
    out: list[str] = []
    for m in re.finditer(rf"(?<![\d.]){_ICS_TOKEN}(?![\d.]*\d)", str(value)):
        if m[0] not in out:
            out.append(m[0])
    return out


def normalise_hs(raw: str, *, inferred: bool = False, via: str | None = None) -> list[HsCode]:
    """One written HS code → normalised code(s); joined codes give several."""
    out = []
    for part in _split_joined(raw.strip()):
        digits = re.sub(r"\D", "", part)
        if len(digits) < 2:
            continue
        if len(digits) % 2 == 1 and len(digits) < 6 and "." in part:
            # "20.09" style is fine (2009); a stray odd length from a dropped leading zero ("902")
            pass
        out.append(
            HsCode(
                raw=part,
                digits=digits,
                hs2=digits[:2],
                hs4=digits[:4] if len(digits) >= 4 else None,
                hs6=digits[:6] if len(digits) >= 6 else None,
                inferred=inferred,
                via=via,
            )
        )
    return out


def hs_digits(raw_codes: list[str]) -> list[str]:
    """Codes as notified, digits only (joined codes split), in order, without repeats."""
    out: list[str] = []
    for raw in raw_codes:
        for h in normalise_hs(raw):
            if h.digits not in out:
                out.append(h.digits)
    return out


def infer_hs_from_ics(ics_codes: list[str], pairs: dict[str, list[str]]) -> list[HsCode]:
    """HS6 codes for ICS codes through the reference pairs (an ICS code also matches its
    sub-fields: 67.100 → pairs of 67.100.10, 67.100.20 ...)."""
    out: list[HsCode] = []
    seen: set[str] = set()
    for ics in ics_codes:
        for key, hs_list in pairs.items():
            if key == ics or key.startswith(ics + "."):
                for hs6 in hs_list:
                    if hs6 not in seen:
                        seen.add(hs6)
                        out.extend(normalise_hs(hs6, inferred=True, via=key))
    return out


def infer_ics_from_hs(hs: list[HsCode], reverse: dict[str, list[str]]) -> list[IcsCode]:
    out: list[IcsCode] = []
    seen: set[str] = set()
    for h in hs:
        if h.inferred:
            continue
        for hs6, ics_list in reverse.items():
            if (h.hs6 and hs6 == h.hs6) or (not h.hs6 and hs6.startswith(h.digits)):
                for ics in ics_list:
                    if ics not in seen:
                        seen.add(ics)
                        out.append(IcsCode(ics, inferred=True, via=hs6))
    return out
