"""Text from data never becomes markup: every page rendered on a data set with seven payload kinds in every
free-text field shows them as text. (test_browser.py opens the same pages in Chromium and watches for script
and outside requests.)"""

from __future__ import annotations

import json
import re

import pytest

from tests.datasets import PAYLOADS, write_hostile_dataset
from tests.test_pages import PAGES, open_page

# unescaped, each would render: a tag, a link or image, math, a Streamlit colour directive
UNESCAPED_MARKUP = re.compile(r"(?<!\\)<[A-Za-z/!]|(?<!\\)\]\(|(?<!\\)\$[^$]+(?<!\\)\$|(?<!\\):red\[")
TAGS_FROM_DATA = re.compile(r"<\s*(script|iframe|img|svg|style|a)\b|javascript:|onerror|onload", re.IGNORECASE)
CHART_TAGS = re.compile(r"<\s*(script|iframe|img|svg|style|a)\b", re.IGNORECASE)  # Plotly draws text, not Markdown


@pytest.fixture(scope="module")
def hostile(loaded):
    return loaded("hostile", write_hostile_dataset)


def markdown_texts(at) -> list[tuple[str, str, bool]]:
    """(kind, text, allows HTML) of every element whose text Streamlit renders as Markdown."""
    found = []
    for kind in ("markdown", "caption", "info", "warning", "error", "success", "title", "subheader", "header"):
        for element in at.get(kind):
            found.append((kind, element.value, bool(getattr(element.proto, "allow_html", False))))
    for metric in at.get("metric"):
        found.append(("metric", metric.label, False))
    return found


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_payloads_in_every_field_show_as_text(page, hostile, monkeypatch):
    at = open_page(page, *hostile, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    texts = markdown_texts(at)
    assert any("税收收入" in text or "单位" in text for _, text, _ in texts)  # the data is on the page
    for kind, text, allows_html in texts:
        if allows_html:  # only the app's own style sheets and counters may carry HTML
            assert not TAGS_FROM_DATA.search(text.replace("<style>\n", "")), (kind, text[:200])
            assert "alert(" not in text and "198.51.100" not in text, (kind, text[:200])
        else:
            assert not UNESCAPED_MARKUP.search(text), (kind, text[:300])
    specs = [json.dumps(json.loads(chart.proto.spec), ensure_ascii=False) for chart in at.get("plotly_chart")]
    for spec in specs:
        assert not CHART_TAGS.search(spec), CHART_TAGS.search(spec).group()
    if specs:  # the payload is there, as text (a chart of counts only, such as units by severity, has none)
        assert any("&lt;script&gt;" in spec or "&lt;iframe" in spec for spec in specs)


def test_every_payload_kind_is_in_the_data_set(hostile):
    """The data set is what the test claims: each payload in the unit's name, for a start."""
    units = (hostile[0] / "units.csv").read_text(encoding="utf-8")
    assert all(payload.replace('"', '""') in units for payload in PAYLOADS)
