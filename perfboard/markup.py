"""Text from data, made inert where it meets a page or a chart.

Every name, title, note and report sentence comes from files that editors upload, so it may hold HTML
or Markdown (an <iframe srcdoc=…>, an image that makes each reader's browser fetch an outside address).
Streamlit renders Markdown in st.markdown, st.caption, st.info, st.title and metric labels; Plotly renders a
small HTML subset in every text of a figure. Data reaches them only through these functions, and no page
renders data with `unsafe_allow_html` (docs/architecture.md, "Text from data").
"""

from __future__ import annotations

import re
import string

# CommonMark lets a backslash escape any ASCII punctuation character, which then stands for itself: no
# emphasis, link, image, heading, list, HTML tag, entity, math ($) or Streamlit directive (:red[…]) can start.
_MARKDOWN_SPECIAL = re.compile("([" + re.escape(string.punctuation) + "])")
_LINE_START_SPACES = re.compile(r"^[ \t]+", re.MULTILINE)  # four spaces would start a code block
# GitHub's autolinks (http://…, www.…, name@host) are found in the parsed text, after escapes are gone; an
# invisible word joiner inside each pattern keeps the text as it reads and links nothing.
_AUTOLINK_START = re.compile(r"(?i)(https?|ftp|mailto|www)(\\[:.])|(\\@)")
WORD_JOINER = "\u2060"


def plain(value: object) -> str:
    """Data as Markdown that shows exactly its text: 4.28亿元 stays 4.28亿元, <b> stays <b>."""
    text = "" if value is None else str(value)
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", _LINE_START_SPACES.sub("", text))
    return _AUTOLINK_START.sub(lambda m: (m.group(1) or "") + WORD_JOINER + (m.group(2) or m.group(3)), escaped)


def fill(template: str, **values: object) -> str:
    """A Markdown template of ours (texts.py) filled with data, each value made plain."""
    return template.format(**{name: plain(value) for name, value in values.items()})


def highlight(text: str, query: str) -> str:
    """The text as plain Markdown with each occurrence of the query on a highlight: split first and
    escape each piece, so that a match never cuts an escape sequence in two."""
    query = query.strip()
    if not query:
        return plain(text)
    return f":orange-background[{plain(query)}]".join(plain(piece) for piece in text.split(query))


ROW_IN_A_LINE = " ｜ "  # a table's row in a box too narrow for its columns


def body_markdown(body: str, query: str = "", tables: bool = True) -> str:
    """A report section's body as Markdown: each paragraph plain, with the query's matches highlighted; a run of
    table rows (cells between tabs, as the import keeps a form's table) as a table, its first row the header, or
    (`tables=False`, for a narrow box, where eight columns would stand a character wide) each row a line of its
    cells. A pipe in a cell is escaped like any punctuation, so it cannot open a column."""
    blocks: list[str] = []
    rows: list[list[str]] = []
    for paragraph in body.split("\n\n"):
        if "\t" in paragraph:
            cells = [highlight(cell.replace("\n", " "), query) for cell in paragraph.split("\t")]
            if tables:
                rows.append(cells)
            else:
                blocks.append(ROW_IN_A_LINE.join(cell for cell in cells if cell))
            continue
        if rows:
            blocks.append(_table(rows))
            rows = []
        blocks.append(highlight(paragraph, query))
    if rows:
        blocks.append(_table(rows))
    return "\n\n".join(blocks)


def _table(rows: list[list[str]]) -> str:
    width = max(len(row) for row in rows)
    lines = ["| " + " | ".join(row + [""] * (width - len(row))) + " |" for row in rows]
    return "\n".join([lines[0], "|" + " --- |" * width, *lines[1:]])


def chart_text(value: object) -> str:
    """Data for a Plotly text (title, label, hover): its tags shown as text. Plotly turns the entities back
    into the characters on screen and in exported images."""
    text = "" if value is None else str(value)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
