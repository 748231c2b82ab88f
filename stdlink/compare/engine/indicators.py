"""Indicator extraction: quantity, comparator, value or range, unit — table-driven.

The comparator comes from the wording (tables `MAX_WORDS`, `MIN_WORDS`, `RANGE_LEADS`, ...), the
unit from `units.UNIT_WORDS`. Standard numbers (GB/T 2912.1, ISO 3071), clause and table
references (见5.1, Table 2, 附录A) and dates are masked first so that their digits are not read
as values; notes are not scanned (they are informative).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from . import units
from .text import fold
from .unitwords import UNIT_PATTERN, alternation

# Comparator words, longest first where one contains another. (word, strict)
MAX_WORDS: list[tuple[str, bool]] = [
    ("小于或等于", False),
    ("小于等于", False),
    ("低于或等于", False),
    ("不超出", False),
    ("不大于", False),
    ("不超过", False),
    ("不高于", False),
    ("不多于", False),
    ("不得超过", False),
    ("不应超过", False),
    ("不应大于", False),
    ("不得大于", False),
    ("不应高于", False),
    ("不得高于", False),
    ("至多", False),
    ("最多", False),
    ("最大", False),
    ("最高", False),
    ("上限", False),
    ("≤", False),
    ("<=", False),
    ("小于", True),
    ("低于", True),
    ("少于", True),
    ("<", True),
    ("shall not exceed", False),
    ("shall not be more than", False),
    ("not be more than", False),
    ("not be greater than", False),
    ("not be higher than", False),
    ("not be above", False),
    ("不宜大于", False),
    ("不宜超过", False),
    ("不宜高于", False),
    ("≯", False),
    ("shall not be greater than", False),
    ("not exceeding", False),
    ("not exceed", False),
    ("not more than", False),
    ("not greater than", False),
    ("not higher than", False),
    ("no more than", False),
    ("no greater than", False),
    ("no higher than", False),
    ("less than or equal to", False),
    ("lower than or equal to", False),
    ("at most", False),
    ("maximum", False),
    ("max.", False),
    ("max", False),
    ("up to and including", False),
    ("not above", False),
    ("up to", False),
    ("within", False),
    ("less than", True),
    ("lower than", True),
    ("fewer than", True),
    ("below", True),
    ("under", True),
]
MIN_WORDS: list[tuple[str, bool]] = [
    ("大于或等于", False),
    ("大于等于", False),
    ("高于或等于", False),
    ("不小于", False),
    ("不低于", False),
    ("不少于", False),
    ("不得低于", False),
    ("不得小于", False),
    ("不应低于", False),
    ("不应小于", False),
    ("不得少于", False),
    ("至少", False),
    ("最少", False),
    ("最小", False),
    ("最低", False),
    ("下限", False),
    ("≥", False),
    (">=", False),
    ("大于", True),
    ("高于", True),
    ("多于", True),
    ("超过", True),
    (">", True),
    ("not less than", False),
    ("not be less than", False),
    ("not be lower than", False),
    ("not be fewer than", False),
    ("not be below", False),
    ("不宜小于", False),
    ("不宜低于", False),
    ("≮", False),
    ("not lower than", False),
    ("not fewer than", False),
    ("no less than", False),
    ("no lower than", False),
    ("no fewer than", False),
    ("greater than or equal to", False),
    ("at least", False),
    ("minimum", False),
    ("min.", False),
    ("min", False),
    ("more than", True),
    ("greater than", True),
    ("higher than", True),
    ("not below", False),
    ("above", True),
    ("exceeding", True),
]
# "不" + a modal + a comparative: 不大于, 不得大于, 不应少于, 不宜多于 ... (不少于 is a minimum
# although 少于 alone is a strict maximum: the negated forms must be words of their own).
_MODALS = ["", "得", "应", "宜", "可", "能", "应当", "准"]
_NEGATED_MAX = ["大于", "超过", "高于", "多于", "超出"]
_NEGATED_MIN = ["小于", "低于", "少于"]
for _words, _bases in ((MAX_WORDS, _NEGATED_MAX), (MIN_WORDS, _NEGATED_MIN)):
    _known = {w for w, _s in _words}
    _words += [("不" + m + b, False) for b in _bases for m in _MODALS if "不" + m + b not in _known]
MAX_WORDS += [("not to exceed", False), ("limited to", False)]

# Words after a value that make it a limit.
MAX_AFTER = [
    "shall not be exceeded",
    "must not be exceeded",
    "should not be exceeded",
    "及以下",
    "或以下",
    "以下",
    "以内",
    "之内",
    "内",
    "or less",
    "or below",
    "or lower",
    "max.",
    "maximum",
    "max",
]
MIN_AFTER = [
    "及以上",
    "或以上",
    "以上",
    "or more",
    "or above",
    "or higher",
    "min.",
    "minimum",
    "min",
]
# Words that state a value without a limit: "应为 / shall be".
EQ_WORDS = ["应为", "应是", "须为", "为", "shall be", "must be", "is", "of", "="]
RANGE_LEADS = ["between", "within", "from", "在", "介于", "范围为", "范围"]
RANGE_SEPS = ["~", "至", "到", "to", "and", "-", "–"]
GRADE_WORDS = ["grade", "rating", "class", "level", "等级"]

# Superscript digits are kept in the text the extractor reads (see `_fold_powers`): 10³ is a power.
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺"
_SUPER_TO_ASCII = str.maketrans(_SUPERSCRIPTS, "0123456789-+")
# A power of ten: 10^3, 10³, 10⁻²; with a mantissa 1×10³, 1.5 x 10^4, 2*10^3.
_NUM = (
    r"[-+]?(?:(?:\d+(?:\.\d+)?\s*[×xX*]\s*)?10(?:\s*\^\s*[-+]?\d+|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"  # 1×10³, 10^2
    r"|\d+(?:\.\d+)?[eE][-+]?\d+(?![A-Za-z])"  # 1.0E+03
    r"|\d+(?:\.\d+)?万"  # 4万 (次), 1.5万
    r"|(?:\d{1,3}(?:[ \u2009]\d{3})+(?![\d.])|\d+(?:,\d{3})*)(?:\.\d+)?)"
)
_SCIENTIFIC = re.compile(
    r"^(?:(\d+(?:\.\d+)?)\s*[×xX*]\s*)?10(?:\s*\^\s*([-+]?\d+)|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+))$"
)


_alternation = alternation
_UNIT = UNIT_PATTERN

_MASKS = [
    # standard numbers: GB/T 2912.1—2009, ISO 3071:2020, T/ZZB 2101, IEC 60335-1
    re.compile(
        r"\b(?:GB|GB/T|GB/Z|[A-Z]{1,3}/T|T/[A-Z]+|DB\d*/?T?|ISO(?:/IEC)?|IEC|EN|BS|DIN|ASTM|ANSI|UL|JIS|AS|NZS|CSA|IEEE|SN|RS-[A-Z]+)"
        r"\s*[A-Z]?\s*\d[\d.\-:/—–]*(?:\s*[—–-]\s*\d{4})?"
    ),
    # clause, table, figure and annex references
    re.compile(r"(?:见|按|按照|依据|符合|参照|第)\s*[A-Z]?\d+(?:\.\d+)*\s*(?:条|章|节)?"),
    re.compile(r"[表图]\s*[A-Z]?\d+(?:\.\d+)*"),
    re.compile(r"\b(?:clause|subclause|table|figure|annex|see|in)\s+[A-Z]?\d+(?:\.\d+)*", re.I),
    # dates
    re.compile(r"\d{4}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?"),
]

_PATTERN = re.compile(
    # a grade: 3-4级, 4级, grade 3-4, grade 4
    rf"(?P<grade>(?P<g1>\d+(?:\.\d+)?)(?:\s*[-~/]\s*(?P<g2>\d+(?:\.\d+)?))?\s*级"
    rf"|(?P<g5>\d+(?:\.\d+)?)(?:\s*[-/]\s*(?P<g6>\d+(?:\.\d+)?))?\s*(?:grade|rating)(?![A-Za-z])"
    rf"|(?:{_alternation(GRADE_WORDS)})\s*(?P<g3>\d+(?:\.\d+)?)(?:\s*[-/]\s*(?P<g4>\d+(?:\.\d+)?))?(?![\d.]))"
    # a tolerance: 100 mm ± 5 mm, ±3 %
    rf"|(?P<tol>(?:(?P<nom>{_NUM})\s*(?P<nomunit>{_UNIT})?\s*)?±\s*(?P<dev>\d+(?:\.\d+)?)\s*\)?\s*(?P<tolunit>{_UNIT})?)"
    # a range with a lead word, or with a range separator
    rf"|(?P<range>(?:(?P<lead>{_alternation(RANGE_LEADS)})\s*)?(?P<lo>{_NUM})\s*(?P<lounit>{_UNIT})?\s*"
    rf"(?P<sep>~|至|到|to(?![A-Za-z])|and(?![A-Za-z])|-|–)\s*(?P<hi>{_NUM})\s*(?P<hiunit>{_UNIT})?)"
    # a count with a word between: "7 500 switching cycles", "10 000 operating cycles"
    rf"|(?P<count>(?P<cval>{_NUM})\s+(?:[A-Za-z-]+\s+){{1,2}}(?P<cunit>cycles|operations|insertions|flexes|rotations|strokes|openings|drops|times)(?![A-Za-z]))"
    # one value
    rf"|(?P<single>(?P<val>{_NUM})\s*(?P<unit>{_UNIT})?)",
    re.I,
)
_EQ_LIST = ["应当为", "应为", "应是", "须为", "shall be", "must be", "shall have", "="]
_WORD_KIND: dict[str, tuple[str, bool]] = {w.lower(): ("eq", False) for w in _EQ_LIST}
_WORD_KIND.update({w.lower(): ("min", s) for w, s in MIN_WORDS})
_WORD_KIND.update({w.lower(): ("max", s) for w, s in MAX_WORDS})
_COMPARATOR_RX = re.compile(_alternation(_WORD_KIND), re.I)
_EQ_RX = re.compile(_alternation(_EQ_LIST), re.I)
_MAX_AFTER_RX = re.compile(r"^\s*(?:" + _alternation(MAX_AFTER) + ")", re.I)
_MIN_AFTER_RX = re.compile(r"^\s*(?:" + _alternation(MIN_AFTER) + ")", re.I)
# Requirements that a substance be absent: a maximum of zero, whatever the unit of the other side.
NIL_WORDS = [
    "不得检出",
    "不应检出",
    "不允许检出",
    "应未检出",
    "未检出",
    "不可检出",
    "shall not be detected",
    "shall not be detectable",
    "not detectable",
    "not detected",
    "shall be absent",
]
_NIL_RX = re.compile(alternation(NIL_WORDS), re.I)
# Words that name a limit of detection or quantification: the value after them is no requirement.
LOD_WORDS = [
    "方法检出限",
    "检出限",
    "检测限",
    "定量限",
    "limit of detection",
    "detection limit",
    "limit of quantification",
    "quantification limit",
    "LOD",
    "LOQ",
]
_LOD_BEFORE = re.compile(r"(?:" + alternation(LOD_WORDS) + r")\s*(?:[:：=]|为|是|of|is)?\s*$", re.I)
_CONJUNCTION = re.compile(r"\s*(?:,|，|、|/|and|or|和|及|或|与)\s*", re.I)
_SENTENCE = re.compile(r"[。；;!?！？\n]|(?<!max)(?<!min)(?<!approx)\.\s")
_MODAL = re.compile(
    r"(?:应当|均应|应|必须|须|不得|的|为|\b(?:shall|must|should|be|the|is|are|of|when|tested|for|at|and|with|to|in))\s*$|^\s*(?:the|of|and|for)\s+",
    re.I,
)


@dataclass
class Indicator:
    quantity: str
    comparator: str  # max | min | range | eq
    value: float | list[float]
    unit: str  # canonical symbol ('' for none)
    text: str  # as written
    start: int
    end: int
    strict: bool = False
    severity: bool = (
        False  # a test severity (voltage, energy, cycles, duration): higher is more severe
    )
    written_unit: str = ""
    nil: bool = False  # "不得检出" / "not detectable": a maximum of zero in any unit
    lod: float | None = None  # the limit of detection named with "不得检出" (in `unit`)

    def as_dict(self) -> dict:
        d = asdict(self)
        d.pop("written_unit")
        return d

    @property
    def dimension(self) -> str:
        return units.dimension(self.written_unit)


def mask(text: str) -> str:
    """The text with references and dates blanked out (same length)."""
    for rx in _MASKS:
        text = rx.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _num(s: str) -> float:
    """A written number: 1 250, 1,250, 12.5, 1×10³, 10^2, 1.0E+03."""
    s = s.strip()
    sign = -1.0 if s.startswith("-") else 1.0
    m = _SCIENTIFIC.match(s.lstrip("+-"))
    if m:
        exponent = int((m.group(2) or m.group(3)).translate(_SUPER_TO_ASCII))
        return sign * float(m.group(1) or 1) * 10.0**exponent
    if s.endswith("万"):
        return float(s[:-1]) * 10_000
    return float(re.sub(r"[,\s\u2009]", "", s))


def _fold_powers(text: str) -> str:
    """`fold`, but the superscript exponent of a power of ten stays as written (10³ is 1000, not
    103); superscripts elsewhere fold as usual (m³ → m3, kg⁻¹ → kg-1)."""
    folded = fold(text)
    if not any(ch in _SUPERSCRIPTS for ch in text):
        return folded
    chars = list(folded)
    for m in _POWER_EXPONENT.finditer(text):
        chars[m.start(1) : m.end(1)] = m.group(1)
    return "".join(chars)


_POWER_EXPONENT = re.compile(r"(?<![\d.])10([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)")


def _comparator_before(window: str) -> tuple[str | None, bool, int]:
    """The comparator named closest before a value: (kind, strict, position) or (None, False, -1)."""
    # One alternation, longest word first: "不低于" is read as a minimum, not as "低于".
    # The word closest to the value wins ("shall not exceed" after an earlier "shall be").
    last = None
    for m in _COMPARATOR_RX.finditer(window):
        last = m
    if last is None:
        return None, False, -1
    kind, strict = _WORD_KIND[last.group(0).lower()]
    return kind, strict, last.end()


def _quantity(window: str, title: str) -> str:
    pieces = [p for p in re.split(r"[，,、:：()（）]", window) if p.strip()] if window else []
    phrase = pieces[-1] if pieces else ""
    phrase = _COMPARATOR_RX.sub(" ", phrase)
    phrase = re.sub(r"\s+", " ", phrase).strip()
    for _ in range(3):
        phrase = _MODAL.sub("", phrase).strip()
    if len(phrase) < 2 or re.fullmatch(r"[\W\d_]+", phrase):
        return title
    if len(phrase) > 40:
        phrase = phrase[-40:]
        phrase = phrase.split(" ", 1)[-1] if " " in phrase else phrase
    return phrase


def extract(text: str, title: str = "") -> list[Indicator]:
    """The indicators a requirement's text names."""
    folded = mask(_fold_powers(text))
    found: list[Indicator] = []
    lods: list[Indicator] = []
    prev_end = 0
    while True:
        m = _PATTERN.search(folded, prev_end)
        if m is None:
            break
        start, end = m.span()
        if end == start:
            prev_end = end + 1
            continue
        sentence_start = max((s.end() for s in _SENTENCE.finditer(folded, 0, start)), default=0)
        window = folded[max(prev_end, sentence_start) : start]
        after = folded[end : end + 30]
        kind, strict, _pos = _comparator_before(window)
        if kind is None and found and found[-1].end == prev_end and _CONJUNCTION.fullmatch(window):
            # "not exceed 90 mg/kg and 75 mg/kg", "不大于90 mg/kg、75 mg/kg": the limit carries over
            kind, strict = found[-1].comparator, found[-1].strict
        if m.group("grade"):
            lo = m.group("g1") or m.group("g3") or m.group("g5")
            hi = m.group("g2") or m.group("g4") or m.group("g6")
            value = (_num(lo) + _num(hi)) / 2 if hi else _num(lo)
            unit, written = "grade", "级"
            comparator, strict = _single_comparator(kind, strict, after)
            comparator = comparator if comparator in ("max", "min") else "eq"
        elif m.group("tol"):
            dev = _num(m.group("dev"))
            written = m.group("tolunit") or m.group("nomunit") or ""
            nominal = _num(m.group("nom")) if m.group("nom") else 0.0
            value = [nominal - dev, nominal + dev]
            comparator = "range"
            unit = units.canonical(written) if written else ""
        elif m.group("range"):
            sep = m.group("sep").lower()
            lead = m.group("lead")
            lo_unit, hi_unit = m.group("lounit") or "", m.group("hiunit") or ""
            plain_hyphen = sep in ("-", "–") and not lead
            if (sep == "and" and not lead) or (
                plain_hyphen and (lo_unit or " " in m.group("range"))
            ):
                # "20 mg/kg and 5 %", "3 - 5": not a range; read the first value alone
                m2 = re.match(rf"(?P<val>{_NUM})\s*(?P<unit>{_UNIT})?", folded[start:], re.I)
                end = start + m2.end()
                written = m2.group("unit") or ""
                value = _num(m2.group("val"))
                unit = units.canonical(written) if written else ""
                comparator, strict = _single_comparator(kind, strict, folded[end : end + 12])
                if comparator is None and not written:
                    prev_end = end
                    continue
            else:
                written = hi_unit or lo_unit
                lo, hi = _num(m.group("lo")), _num(m.group("hi"))
                if (
                    lo_unit
                    and hi_unit
                    and lo_unit != hi_unit
                    and units.comparable(lo_unit, hi_unit)
                ):
                    lo = units.convert(lo, lo_unit, hi_unit)
                value = [min(lo, hi), max(lo, hi)]
                comparator = "range"
                unit = units.canonical(written) if written else ""
                if kind in ("max", "min") and not written and hi - lo == 1 and lo == int(lo):
                    # "≥ 3-4" under a header "耐水色牢度/级": a half grade after a limit sign
                    value, comparator, unit, written = (lo + hi) / 2, kind, "grade", "级"
        elif m.group("count"):
            written = m.group("cunit")
            value = _num(m.group("cval"))
            unit = units.canonical(written)
            comparator, strict = _single_comparator(kind, strict, after)
        else:
            written = m.group("unit") or ""
            value = _num(m.group("val"))
            unit = units.canonical(written) if written else ""
            comparator, strict = _single_comparator(kind, strict, after)
            if not written and (
                comparator is None or (comparator == "eq" and not _EQ_RX.search(window))
            ):
                prev_end = end  # a bare number: a count in the text, not a requirement
                continue
        if comparator is None:
            comparator = "eq"
        while end > start and folded[end - 1].isspace():
            end -= 1  # "\\s*" before an absent unit took the line end
        ind = Indicator(
            quantity=_quantity(window, title),
            comparator=comparator,
            value=value,
            unit=unit,
            text=text[start:end].strip(),
            start=start,
            end=end,
            strict=strict if comparator in ("max", "min") else False,
            written_unit=written,
        )
        ind.severity = comparator == "eq" and ind.dimension in units.SEVERITY_DIMENSIONS
        # "不得检出（检出限0.01 mg/kg）": the detection limit qualifies "not detected", it is no
        # requirement of its own
        (lods if _LOD_BEFORE.search(window) else found).append(ind)
        prev_end = end
    for m in _NIL_RX.finditer(folded):
        if not any(f.start <= m.start() < f.end for f in found):
            window = folded[
                max(
                    (x.end() for x in _SENTENCE.finditer(folded, 0, m.start())), default=0
                ) : m.start()
            ]
            nil = Indicator(
                quantity=_quantity(window, title),
                comparator="max",
                value=0.0,
                unit="",
                text=text[m.start() : m.end()],
                start=m.start(),
                end=m.end(),
                nil=True,
            )
            sentence_end = _SENTENCE.search(folded, m.end())
            stop = sentence_end.start() if sentence_end else len(folded)
            lod = next((x for x in lods if m.end() <= x.start < stop), None)
            if lod is not None and not isinstance(lod.value, list):
                nil.lod, nil.unit, nil.written_unit = lod.value, lod.unit, lod.written_unit
            found.append(nil)
    found.sort(key=lambda i: i.start)
    _table_rows(folded, found)
    if title and len(found) == 1:
        found[0].quantity = title  # a clause about one thing is best named by its heading
    return found


_HEADER_UNIT = re.compile(
    # a cell that is a unit ("mg/kg", "grade"), or a unit in brackets or after a slash at the end of
    # the header cell ("甲醛含量/(mg/kg)", "耐水色牢度/级", "Formaldehyde (mg/kg)")
    rf"(?:(?<=\t)|^)\s*(?P<cell>{_UNIT}|级|grade|rating)\s*(?=\t|$)"
    rf"|(?:(?<![A-Za-zµ])/\s*[(（]?|[(（])\s*(?P<unit>{_UNIT}|级|grade|rating)\s*[)）]?(?=\s*(?:\t|$))",
    re.I | re.M,
)


def _table_rows(folded: str, found: list[Indicator]) -> None:
    """Table lines ("甲醛含量/(mg/kg)\t≤\t20"): a value without unit takes the unit named in the
    line's header cell, and the indicator is named by the line's first cell."""
    for ind in found:
        line_start = folded.rfind("\n", 0, ind.start) + 1
        line_end = folded.find("\n", ind.end)
        line = folded[line_start : line_end if line_end >= 0 else len(folded)]
        if not ind.written_unit:
            m = _HEADER_UNIT.search(folded, line_start, ind.start)
            if m:
                ind.written_unit = m.group("cell") or m.group("unit")
                if ind.written_unit.lower() in ("级", "grade", "rating"):
                    ind.written_unit = "级"
                ind.unit = units.canonical(ind.written_unit)
                ind.severity = ind.comparator == "eq" and ind.dimension in units.SEVERITY_DIMENSIONS
        if "\t" in line:
            first = _HEADER_UNIT.sub("", line.split("\t", 1)[0]).strip(" /")
            if first and not re.fullmatch(r"[\d.\s]+", first):
                ind.quantity = first


# What a fraction is of, written after its unit: "15.0 % m/m max.", "1.0 %（质量分数）", "4 % by mass".
BASIS_WORDS = [
    "m/m",
    "w/w",
    "v/v",
    "m/v",
    "w/v",
    "by mass",
    "by weight",
    "by volume",
    "mass fraction",
    "质量分数",
    "体积分数",
    "质量比",
]
_BASIS_RX = re.compile(r"^\s*[(（]?\s*(?:" + alternation(BASIS_WORDS) + r")\s*[)）]?", re.I)


def _single_comparator(kind: str | None, strict: bool, after: str) -> tuple[str | None, bool]:
    basis = _BASIS_RX.match(after)
    if basis:
        after = after[basis.end() :]
    if _MAX_AFTER_RX.match(after):
        return "max", False
    if _MIN_AFTER_RX.match(after):
        return "min", False
    if kind in ("max", "min"):
        return kind, strict
    return ("eq" if kind == "eq" else None), False
