"""The narrative split into sections with stable keys and the report's own numbering."""

from __future__ import annotations

import pytest

from perfboard.narrative import parse_narrative, section_ref


@pytest.mark.parametrize(("title", "parent_ref", "expected"), [
    ("一、部门概况", None, "一"),
    ("（三）绩效目标设立情况", "一", "一(三)"),
    ("1.综合实力稳步提升", "四", "四.1"),
    ("6.风险防范不断夯实", "四", "四.6"),
    ("2024年度部门整体支出自评绩效报告", None, None),  # an unnumbered title
    ("（一）无上级的小节", None, None),
    # a report in parts numbers its chapters anew in each part
    ("第二部分 绩效目标完成情况", None, "二"),
    ("第三章 存在的问题", None, "三"),
    ("一、产出指标", "二", "二.一"),
    ("（一）数量指标", "二.一", "二.一(一)"),
    ("１．预算编制科学", "三", "三.1"),  # a full-width number is cited as the data files write it
    ("一．部门基本情况", None, "一"), ("二.部门整体支出情况", None, "二"),  # 一、 as some reports write it
    ("(二)支出情况", "二", "二(二)"),  # （二） in half-width brackets
    ("四 存在的问题", None, "四"),  # a space after the number
])
def test_section_ref_follows_the_report_numbering(title, parent_ref, expected):
    assert section_ref(title, parent_ref) == expected


def test_sections_nest_and_carry_their_body():
    text = "# 一、概况 {#overview}\n\n正文一。\n\n## （一）基本情况 {#overview.basic}\n\n正文二。\n# 二、支出 {#spending}\n"
    sections, problems = parse_narrative(text)
    assert problems == []
    rows = {row["section_key"]: row for _, row in sections}
    assert rows["overview.basic"]["parent_key"] == "overview" and rows["overview.basic"]["ref"] == "一(一)"
    assert rows["overview"]["body"] == "正文一。" and rows["overview.basic"]["body"] == "正文二。"
    assert rows["spending"]["parent_key"] is None and rows["spending"]["body"] is None


def test_text_before_the_first_heading_is_a_problem():
    _, problems = parse_narrative("前言\n# 一、概况 {#overview}\n")
    assert problems == [(1, "正文出现在第一个章节标题之前。请在文件开头加上章节标题。")]


def test_seed_narrative_has_the_report_sections(seed_con):
    rows = seed_con.execute("select section_key, ref from narrative_sections order by sort_order").fetchall()
    refs = dict(rows)
    assert refs["performance.strength"] == "四.1" and refs["overview.targets"] == "一(三)"
    assert refs["problems"] == "六" and refs["measures"] == "七"
    assert len(rows) == 21  # the preface, 7 chapters and 13 numbered subsections of the report


def test_search_finds_sections_and_marks_the_words(seed_con):
    import pandas as pd

    from perfboard.narrative import matches

    sections = pd.DataFrame(seed_con.execute("select title, body from narrative_sections").fetchall(),
                            columns=["title", "body"])
    found = matches(sections, "隐性债务")
    assert len(found) == 2  # 二(二) 竹乡公司隐性债务化解…; 四.6 累计化解隐性债务1.11亿元
    assert len(matches(sections, "")) == len(sections)
    assert matches(sections, "不存在的词").empty
