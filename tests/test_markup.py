"""markup: data shown as text wherever Streamlit renders Markdown or Plotly renders its HTML subset."""

from __future__ import annotations

import pytest

from perfboard import markup
from tests.conftest import shown


@pytest.mark.parametrize("text", [
    "4.28亿元", "1.负责贯彻执行", "# 标题", "- 列表", "**粗体**", "<b>粗</b>", "![图](http://198.51.100.7/x.png)",
    "[链接](javascript:alert(1))", ":red[红]", "$x^2$", "&#x27;", "a\\b", "    缩进四格", "www.example.com",
])
def test_plain_shows_exactly_the_text(text):
    assert shown(markup.plain(text)) == text.lstrip()


@pytest.mark.parametrize("text", ["见 http://198.51.100.7/x", "见 www.example.com", "联系 a@b.cn"])
def test_plain_breaks_autolinks_with_an_invisible_joiner(text):
    escaped = markup.plain(text)
    assert "http\\:" not in escaped and "www\\." not in escaped and "a\\@" not in escaped
    assert shown(escaped) == text


def test_fill_escapes_the_values_not_the_template():
    assert markup.fill("**{name}**：{value}", name="<i>税收</i>", value="4.28") == "**\\<i\\>税收\\<\\/i\\>**：4\\.28"


def test_highlight_never_splits_an_escape():
    """The old highlight escaped first and then replaced: a search for x cut &#x27; in two."""
    marked = markup.highlight("化解'隐性债务'x", "x")
    assert marked.endswith(":orange-background[x]")
    assert shown(marked.replace(":orange-background[x]", "x")) == "化解'隐性债务'x"
    assert markup.highlight("<b>", "") == "\\<b\\>"


def test_chart_text_keeps_tags_as_text():
    assert markup.chart_text("<b>A&B</b>") == "&lt;b&gt;A&amp;B&lt;/b&gt;"


# 测试数据: a form's table row as the import keeps it (cells between tabs), between two paragraphs
BODY = "三级指标\t年度指标值\t实际完成值\n\n新建农村公路\t50公里\t52|公里\n\n危桥改造\t12座\n\n经自评，得分95.8分。"


def test_a_bodys_table_rows_are_a_table_its_paragraphs_plain():
    markdown = markup.body_markdown("开头。\n\n" + BODY)
    paragraph, table, last = markdown.split("\n\n")
    assert paragraph == "开头。" and shown(last) == "经自评，得分95.8分。"
    lines = table.splitlines()
    assert lines[0] == "| 三级指标 | 年度指标值 | 实际完成值 |" and lines[1] == "| --- | --- | --- |"
    assert lines[2] == "| 新建农村公路 | 50公里 | 52\\|公里 |"  # a pipe of data opens no column
    assert lines[3] == "| 危桥改造 | 12座 |  |"  # a short row filled to the header's width


def test_a_bodys_table_rows_in_a_narrow_box_are_lines_and_the_query_is_marked_in_cells():
    markdown = markup.body_markdown(BODY, "危桥", tables=False)
    assert markdown.split("\n\n")[2] == ":orange-background[危桥]改造 ｜ 12座"
    assert "|" not in markdown.replace("\\|", "")  # no table: a row is a line of its cells
