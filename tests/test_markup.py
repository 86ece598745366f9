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
