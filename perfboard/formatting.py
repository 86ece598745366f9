"""Numbers as Chinese reports write them: 4.28亿元, 2,200.15万元, 104.8%, 未报告 for a missing figure."""

from __future__ import annotations

import math
import unicodedata

import pandas as pd

from perfboard import texts
from perfboard.schema import QUALIFIER_MEANINGS, UNIT_SCALES


def is_wide(character: str) -> bool:
    """A Chinese character or a full-width sign: it takes the room of two digits or Latin letters, in a terminal,
    a spreadsheet's column, a chart or a printed line."""
    return unicodedata.east_asian_width(character) in "WF"


def display_width(text: str) -> int:
    """A text's width in digits' room (terminal columns): a wide character counts two."""
    return sum(2 if is_wide(character) else 1 for character in text)


def is_missing(value: object) -> bool:
    """None, NaN, or pandas' NA (from a nullable column)."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def truthy(value: object) -> bool:
    """A yes/no cell from DuckDB or pandas (bool, numpy.bool_ or missing)."""
    return not is_missing(value) and bool(value)


def plain_number(value: float, decimals: int = 4) -> str:
    """Thousands separators, up to `decimals` places and no trailing zeros: 2,200.15 / 25,751 / 1.6536."""
    text = f"{float(value):,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def stated(value: object, unit: str, words: object, qualifier: object = None) -> str:
    """A target or result: its figure, or the report's words where it gives no figure (按时, 明显改善)."""
    if is_missing(value) and not is_missing(words) and str(words).strip():
        return str(words)
    return amount(value, unit, qualifier)


def amount(value: object, unit: str = "", qualifier: object = None) -> str:
    """A figure with its unit as the report writes it; 近 goes before the number, 以上 after the unit."""
    if is_missing(value):
        return texts.NOT_REPORTED
    text = f"{plain_number(value)}{unit}"
    if is_missing(qualifier) or not qualifier:
        return text
    place = QUALIFIER_MEANINGS[qualifier][1]
    if place == "between":
        if unit[:1] in UNIT_SCALES and len(unit) > 1 and float(value) != int(float(value)):
            # 1.2万余亩: a decimal takes 余 after its 万, as reports write it; 120余万人次 keeps it before
            return f"{plain_number(value)}{unit[0]}{qualifier}{unit[1:]}"
        return f"{plain_number(value)}{qualifier}{unit}"
    return f"{qualifier}{text}" if place == "before" else f"{text}{qualifier}"


def money(value: object) -> str:
    """An amount in 万元 to the cent, as a spending table shows it: 9,950.00万元."""
    if is_missing(value):
        return texts.NOT_REPORTED
    return f"{float(value):,.2f}{texts.MONEY_UNIT}"


def rate(value: object, decimals: int = 1) -> str:
    """A completion rate given as a fraction: 1.0477 -> 104.8%."""
    if is_missing(value):
        return texts.NO_RATE
    return f"{float(value) * 100:.{decimals}f}%"


def change_rate(value: object, decimals: int = 2) -> str:
    """A growth rate given as a fraction, signed, to at most `decimals` places as reports write it:
    0.1063 -> +10.63%, 0.44 -> +44% (not +44.00%)."""
    if is_missing(value):
        return texts.NO_RATE
    percent = float(value) * 100
    return ("+" if percent >= 0 else "-") + plain_number(abs(percent), decimals) + "%"


def year(value: int) -> str:
    return texts.YEAR_OPTION.format(year=value)


def markers(is_estimate: object = False, period: object = None, is_derived: object = False) -> str:
    """The marks a figure carries wherever it is shown: （预计）（截至10月）〔推算〕."""
    parts = []
    if truthy(is_estimate):
        parts.append(texts.MARK_ESTIMATE)
    if not is_missing(period) and period:
        parts.append(texts.MARK_PERIOD.format(period=period))
    if truthy(is_derived):
        parts.append(texts.MARK_DERIVED)
    return "".join(parts)
