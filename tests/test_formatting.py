"""Numbers as Chinese reports write them."""

from __future__ import annotations

import math

import pytest

from perfboard import formatting


@pytest.mark.parametrize(("value", "unit", "qualifier", "expected"), [
    (4.28, "亿元", None, "4.28亿元"),             # 四.1 税收入库
    (2200.15, "万元", None, "2,200.15万元"),       # 四.1 立项争资
    (25751, "平方米", None, "25,751平方米"),       # 四.5 腾空厂房面积
    (1.6536, "亿元", None, "1.6536亿元"),          # 四.2 外贸, four places kept
    (14.0, "个", None, "14个"),
    (5000, "万元", "近", "近5,000万元"),           # 四.4 "贷款金额近5000万元"
    (50, "%", "以上", "50%以上"),                  # 四.4 "审批时长50%以上"
    (5.5, "%", "以内", "5.5%以内"),                # 控制在5.5%以内: an upper bound, after the figure
    (2000, "人次", "余", "2,000余人次"),             # between the number and its unit, as reports write it
    (120, "万人次", "多", "120多万人次"),
    (1.2, "万亩", "余", "1.2万余亩"),               # a decimal takes it after its 万 (测试数据: 1.2余万亩 is not said)
    (None, "个", None, "未报告"),
    (math.nan, "亿元", None, "未报告"),
])
def test_amount(value, unit, qualifier, expected):
    assert formatting.amount(value, unit, qualifier) == expected


@pytest.mark.parametrize(("value", "expected"), [
    (1.0477, "104.8%"), (1.0, "100.0%"), (0.5184, "51.8%"), (None, "—"), (math.nan, "—"),
])
def test_rate(value, expected):
    assert formatting.rate(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(0.1063, "+10.63%"), (-0.0312, "-3.12%"), (0.0, "+0%"),
                                                 (0.44, "+44%"), (None, "—")])  # 44%, not 44.00%
def test_change_rate(value, expected):
    assert formatting.change_rate(value) == expected


@pytest.mark.parametrize(("value", "expected"), [(52318.07, "52,318.07万元"), (9950, "9,950.00万元"),
                                                 (0, "0.00万元"), (None, "未报告")])
def test_money_is_to_the_cent(value, expected):
    assert formatting.money(value) == expected


@pytest.mark.parametrize(("estimate", "period", "derived", "expected"), [
    (True, None, False, "（预计）"),
    (False, "截至10月", False, "（截至10月）"),
    (False, math.nan, True, "〔推算〕"),
    (True, "截至目前", True, "（预计）（截至目前）〔推算〕"),
    (None, None, None, ""),
])
def test_markers(estimate, period, derived, expected):
    assert formatting.markers(estimate, period, derived) == expected


def test_a_computed_change_is_written_to_one_place():
    assert formatting.change_rate(1.6359, 1) == "+163.6%"  # as the growth chart and the report write it


@pytest.mark.parametrize(("text", "width"), [
    ("税收入库", 8), ("4.28亿元", 8),  # 4 digits' room for "4.28", 2 each for 亿 and 元
    ("（预计）", 8), ("ABC", 3), ("", 0),  # full-width brackets are wide
])
def test_a_chinese_character_takes_the_room_of_two_digits(text, width):
    """The one rule a terminal table, a spreadsheet's column, a PDF's line and a web page's spaces share."""
    assert formatting.display_width(text) == width
