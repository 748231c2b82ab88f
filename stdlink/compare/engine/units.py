"""Units of measure through pint, with the unit words of Chinese and English standards.

`UNIT_WORDS` maps each written form (after full-width folding) to a pint expression; a written
unit may be compound (mg/kg, µg/cm² per week, 毫克/千克). `quantity(value, unit)` gives a pint
Quantity; `comparable(u1, u2)` and `to_common(v1, u1, v2, u2)` compare across units
(mg/kg ↔ ppm, kV ↔ V, h ↔ min, cm ↔ mm, kPa ↔ bar).
"""

from __future__ import annotations

import re
from functools import lru_cache

import pint

# written form -> pint expression. Longest forms are tried first by the extractor.
UNIT_WORDS: dict[str, str] = {
    # mass fraction and concentration
    "mg/kg": "mg/kg",
    "毫克/千克": "mg/kg",
    # a mass per 100 g (food, cosmetics): pint's hectogram keeps the factor
    "g/100g": "g/hg",
    "g/100 g": "g/hg",
    "克/100克": "g/hg",
    "克/100 克": "g/hg",
    "mg/100g": "mg/hg",
    "mg/100 g": "mg/hg",
    "毫克/100克": "mg/hg",
    "g/100mL": "g/dL",
    "g/100 mL": "g/dL",
    "g/100ml": "g/dL",
    "g/100 ml": "g/dL",
    "毫克每千克": "mg/kg",
    "ppm": "ppm",
    "ppb": "ppb",
    "mg/L": "mg/L",
    "mg/l": "mg/L",
    "毫克/升": "mg/L",
    "g/L": "g/L",
    "g/l": "g/L",
    "g/m2": "g/m**2",
    "mg·kg-1": "mg/kg",
    "mg kg-1": "mg/kg",
    "mg·L-1": "mg/L",
    "mg L-1": "mg/L",
    "µg·kg-1": "ug/kg",
    "g·m-2": "g/m**2",
    "per cent": "percent",
    "percent": "percent",
    "kgf": "kgf",
    "千克力": "kgf",
    "°F": "degF",
    "lb": "lb",
    "oz": "oz",
    "inches": "inch",
    "inch": "inch",
    "mg/dm2": "mg/dm**2",
    "mg/dm²": "mg/dm**2",
    "毫克/平方分米": "mg/dm**2",
    "dm2": "dm**2",
    "dm²": "dm**2",
    "dm": "dm",
    "分米": "dm",
    "µg/L": "ug/L",
    "微克/升": "ug/L",
    "µg/kg": "ug/kg",
    "微克/千克": "ug/kg",
    "ng": "ng",
    "纳克": "ng",
    "%RH": "percent",
    "cd/m2": "cd/m**2",
    "cd/m²": "cd/m**2",
    "lm": "lm",
    "流明": "lm",
    "kWh": "kWh",
    "kW·h": "kWh",
    "千瓦时": "kWh",
    "度电": "kWh",
    "Wh": "Wh",
    "mAh": "mAh",
    "毫安时": "mAh",
    "N/mm2": "N/mm**2",
    "N/mm²": "N/mm**2",
    "MΩ·cm": "megaohm*cm",
    "°": "degree",
    "g/m²": "g/m**2",
    "克/平方米": "g/m**2",
    "%": "percent",
    "％": "percent",
    "‰": "permille",
    # electrical
    "kV": "kV",
    "千伏": "kV",
    "mV": "mV",
    "毫伏": "mV",
    "V": "V",
    "伏特": "V",
    "伏": "V",
    "mA": "mA",
    "毫安": "mA",
    "µA": "uA",
    "微安": "uA",
    "A": "A",
    "安培": "A",
    "安": "A",
    "kW": "kW",
    "千瓦": "kW",
    "W": "W",
    "瓦特": "W",
    "瓦": "W",
    "MΩ": "megaohm",
    "兆欧": "megaohm",
    "kΩ": "kiloohm",
    "千欧": "kiloohm",
    "Ω": "ohm",
    "欧姆": "ohm",
    "欧": "ohm",
    "Hz": "Hz",
    "kHz": "kHz",
    "赫兹": "Hz",
    # time
    "h": "hour",
    "hr": "hour",
    "hours": "hour",
    "hour": "hour",
    "小时": "hour",
    "时": "hour",
    "min": "minute",
    "mins": "minute",
    "minutes": "minute",
    "minute": "minute",
    "分钟": "minute",
    "ms": "millisecond",
    "s": "second",
    "sec": "second",
    "seconds": "second",
    "second": "second",
    "秒": "second",
    "d": "day",
    "days": "day",
    "day": "day",
    "天": "day",
    "日": "day",
    "weeks": "week",
    "week": "week",
    "周": "week",
    "星期": "week",
    "months": "month",
    "month": "month",
    "个月": "month",
    "月": "month",
    "years": "year",
    "year": "year",
    "年": "year",
    # length, area, volume
    "km": "km",
    "千米": "km",
    "公里": "km",
    "m": "m",
    "米": "m",
    "cm": "cm",
    "厘米": "cm",
    "mm": "mm",
    "毫米": "mm",
    "µm": "um",
    "微米": "um",
    "nm": "nm",
    "纳米": "nm",
    "cm2": "cm**2",
    "cm²": "cm**2",
    "平方厘米": "cm**2",
    "m2": "m**2",
    "m²": "m**2",
    "平方米": "m**2",
    "mm2": "mm**2",
    "mm²": "mm**2",
    "平方毫米": "mm**2",
    "L": "L",
    "升": "L",
    "mL": "mL",
    "ml": "mL",
    "毫升": "mL",
    "m3": "m**3",
    "m³": "m**3",
    "立方米": "m**3",
    "cm3": "cm**3",
    "cm³": "cm**3",
    "立方厘米": "cm**3",
    "mm3": "mm**3",
    "mm³": "mm**3",
    "立方毫米": "mm**3",
    # mass
    "kg": "kg",
    "千克": "kg",
    "公斤": "kg",
    "g": "g",
    "克": "g",
    "mg": "mg",
    "毫克": "mg",
    "µg": "ug",
    "微克": "ug",
    # pressure, force, energy
    "MPa": "MPa",
    "兆帕": "MPa",
    "kPa": "kPa",
    "千帕": "kPa",
    "Pa": "Pa",
    "帕斯卡": "Pa",
    "帕": "Pa",
    "bar": "bar",
    "巴": "bar",
    "mbar": "mbar",
    "kN": "kN",
    "千牛": "kN",
    "N": "N",
    "牛顿": "N",
    "牛": "N",
    "kJ": "kJ",
    "千焦": "kJ",
    "J": "J",
    "焦耳": "J",
    "焦": "J",
    "N·m": "N*m",
    "N.m": "N*m",
    # temperature
    "°C": "degC",
    "℃": "degC",
    "摄氏度": "degC",
    "K": "K",
    # light and sound
    "lx": "lx",
    "勒克斯": "lx",
    "cd": "cd",
    "坎德拉": "cd",
    "dB(A)": "dBA",
    "dBA": "dBA",
    "dB": "dB_",
    "分贝": "dB_",
    # speed
    "km/h": "km/hour",
    "m/s": "m/s",
    "r/min": "rpm",
    "rpm": "rpm",
    "转/分": "rpm",
    # counts
    "cycles": "repetition",
    "operations": "repetition",
    "operation cycles": "repetition",
    "insertions": "repetition",
    "flexes": "repetition",
    "rotations": "repetition",
    "strokes": "repetition",
    "openings": "repetition",
    "drops": "repetition",
    "cycle": "repetition",
    "times": "repetition",
    "次": "repetition",
    "个循环": "repetition",
    "循环": "repetition",
    # microbial counts: colony-forming units (CFU/g, CFU/mL)
    "CFU": "cfu",
    "cfu": "cfu",
    "菌落形成单位": "cfu",
    "pieces": "piece",
    "个": "piece",
    "件": "piece",
    "根": "piece",
}

# Dimensions whose value under a plain "shall be" is a test severity: the higher, the more severe.
SEVERITY_DIMENSIONS = {"voltage", "energy", "count", "time", "force", "current"}

_DEFINITIONS = [
    "repetition = [repetition] = rep",
    "piece = [piece] = pc",
    "dBA = [sound_level_a]",
    "dB_ = [level_db]",
    # pint knows ppm but not ppb (its "ppt" is a picopint)
    "ppb = 1e-9",
    "cfu = [colony] = CFU",
]


@lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry:
    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in _DEFINITIONS:
        ureg.define(line)
    return ureg


def _split(unit: str) -> list[tuple[str, int]]:
    """'µg/cm² per week' -> [('µg', 1), ('cm²', -1), ('week', -1)]."""
    unit = re.sub(r"\s+per\s+|\s*每\s*", "/", unit.strip())
    parts: list[tuple[str, int]] = []
    sign = 1
    for token in re.split(r"(/|·|\*)", unit):
        token = token.strip().strip("()（）")
        if token == "/":
            sign = -1
        elif token in ("·", "*", ""):
            continue
        else:
            parts.append((token, sign))
    return parts


@lru_cache(maxsize=2048)
def pint_units(unit: str):
    """The pint Unit of a written unit, or None when it is unknown."""
    if not unit:
        return None
    ureg = registry()
    try:
        if unit in UNIT_WORDS:
            return ureg.parse_units(UNIT_WORDS[unit])
        result = ureg.dimensionless
        for token, sign in _split(unit):
            expr = UNIT_WORDS.get(token)
            if expr is None:
                return None
            u = ureg.parse_units(expr)
            result = result * u if sign > 0 else result / u
    except pint.errors.PintError:  # a unit word pint does not know: unknown, not a crash
        return None
    return result


def canonical(unit: str) -> str:
    """A short, language-neutral symbol for a written unit (毫克/千克 -> mg/kg)."""
    if unit in ("级", "grade"):
        return "grade"
    u = pint_units(unit)
    if u is None:
        return unit
    text = re.sub(
        r"(?<![A-Za-z])(m|µ)?l(?![A-Za-z])", lambda m: (m.group(1) or "") + "L", f"{u:~P}"
    )
    return {
        "%": "%",
        "rep": "times",
        "pc": "pieces",
        "dB_": "dB",
        "dBA": "dB(A)",
        "g/hg": "g/100g",
        "mg/hg": "mg/100g",
        "g/dL": "g/100mL",
    }.get(text, text)


def dimension(unit: str) -> str:
    """A coarse name of what a unit measures ('' for none, 'grade', 'voltage', 'fraction', ...)."""
    if not unit:
        return ""
    if unit in ("级", "grade"):
        return "grade"
    u = pint_units(unit)
    if u is None:
        return "unknown:" + unit
    dim = registry().get_dimensionality(u)
    for name, ref in _reference_dimensions().items():
        if dim == ref:
            return name
    return str(dim)


@lru_cache(maxsize=1)
def _reference_dimensions() -> dict:
    ureg = registry()
    refs = {
        "fraction": "percent",
        "voltage": "V",
        "energy": "J",
        "current": "A",
        "time": "s",
        "force": "N",
        "pressure": "Pa",
        "count": "repetition",
        "temperature": "K",
        "length": "m",
        "area": "m**2",
        "mass": "kg",
        "power": "W",
        "resistance": "ohm",
        "frequency": "Hz",
        "concentration": "g/L",
        "areal_mass": "g/m**2",
        "speed": "m/s",
    }
    return {name: ureg.get_dimensionality(ureg.parse_units(expr)) for name, expr in refs.items()}


@lru_cache(maxsize=4096)
def comparable(unit_a: str, unit_b: str) -> bool:
    if (unit_a or "") == (unit_b or ""):
        return True
    if not unit_a or not unit_b:
        return False
    if "grade" in (canonical(unit_a), canonical(unit_b)):
        return canonical(unit_a) == canonical(unit_b)
    ua, ub = pint_units(unit_a), pint_units(unit_b)
    if ua is None or ub is None:
        return False
    return registry().get_dimensionality(ua) == registry().get_dimensionality(ub)


def convert(value: float, unit_from: str, unit_to: str) -> float:
    """`value` in `unit_from` expressed in `unit_to` (units must be comparable)."""
    if (
        not unit_from
        or not unit_to
        or unit_from == unit_to
        or canonical(unit_from) == canonical(unit_to)
    ):
        return value
    ureg = registry()
    return float(ureg.Quantity(value, pint_units(unit_from)).to(pint_units(unit_to)).magnitude)
