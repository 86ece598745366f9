"""导入报告 (docs/architecture.md, "Importing a report"): a self-evaluation report (.docx, .txt or a text PDF)
read into draft data, every figure tied to its section, its sentence and its place in that sentence.

    text lines → outline (一、 （一） 1. （1）) → sections with stable keys, body word for word
               → figures (number, unit, qualifier) → kind from the sentence (target, actual, growth, stated rate,
                 spending item, score) → indicator from the catalogue's names and synonyms.csv
               → a draft: the current data with this unit-year replaced, and the review list

Nothing here guesses silently: a figure whose indicator or kind cannot be told is listed as unclassified, with
its sentence, for a person to assign or reject. The draft goes through the data desk like any upload.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from difflib import SequenceMatcher
from html.parser import HTMLParser
from itertools import zip_longest
from pathlib import Path

from perfboard import formatting, pdf_tables, texts
from perfboard.desk import Staged, merged
from perfboard.loader import decode
from perfboard.narrative import ascii_figures, section_ref
from perfboard.schema import (ACHIEVEMENT_TIERS, ALL_LEVEL1_GROUPS, BUDGET_EXECUTION, LEVEL1_GROUPS, MEASURE_UNITS,
                              OTHER_LEVEL1_GROUPS, QUALITATIVE_UNIT, RATE_UNITS, SELF_EVALUATION, TABLES_BY_NAME,
                              TOTAL_ROW, UNIT_SCALES, is_unit)
from perfboard.workbook import REVIEW_SHEET, Origin, Upload, csv_rows, write_workbook

# ---- reading the document -----------------------------------------------------------------------------

LOG = logging.getLogger("perfboard")
logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on a broken file (EOF marker not found) are
#                                                     noise beside the reason said in Chinese (UnreadableReport)
WORD_ARTEFACT = re.compile(r"\[bookmark: [^\]]*\]")  # left in text exported from Word


class UnreadableReport(ValueError):
    """A report that cannot be read, said in Chinese (a reason of texts.REPORT_*) for the person who gave it."""


def document_lines(name: str, raw: bytes) -> list[str]:
    """The report's paragraphs in order (a table's rows as cells joined by tabs), whatever the file type. A file
    that cannot be read, or holds no Chinese text (a scan), raises UnreadableReport saying why."""
    lowered = name.lower()
    if lowered.endswith(".docx"):
        lines = read_document(docx_lines, raw, texts.REPORT_NOT_DOCX)
    elif lowered.endswith(".pdf"):
        lines = read_document(pdf_lines, raw, texts.REPORT_NOT_PDF)
    else:
        text, _, bad_line = decode(raw)
        if text is None:
            raise UnreadableReport(texts.REPORT_ENCODING if bad_line is None
                                   else texts.REPORT_ENCODING_AT.format(line=bad_line))
        lines = html_lines(text) if lowered.endswith(HTML_SUFFIXES) else [piped_row(line) for line in text.splitlines()]
    lines = [WORD_ARTEFACT.sub("", line) for line in lines if line is not None]
    if not any(CHINESE.search(line) for line in lines):
        raise UnreadableReport(texts.REPORT_NO_TEXT)
    return lines


CHINESE = re.compile(r"[\u4e00-\u9fff]")


def read_document(read: Callable[[bytes], list[str]], raw: bytes, broken: str) -> list[str]:
    from pypdf.errors import FileNotDecryptedError

    try:
        return read(raw)
    except FileNotDecryptedError as error:
        raise UnreadableReport(texts.REPORT_PDF_LOCKED) from error
    except Exception as error:  # noqa: BLE001 - python-docx, lxml and pypdf raise many kinds on a broken file
        LOG.info("report not readable: %r", error)
        raise UnreadableReport(broken) from error


# A table row in a text file as converters write it: 一级指标|二级指标|…, or | 一级指标 | … | with a border, and
# under a Markdown header a rule |---|:---:| to leave out
PIPE = re.compile(r"\s*[|｜]\s*")
RULE_CELL = re.compile(r":?-{3,}:?")


def piped_row(line: str) -> str | None:
    """A line of cells between pipes as a .docx table's row (cells joined by tabs); None for a Markdown rule
    row; any other line as it is. A pipe at the line's start is a border, and so is the one at its end then;
    without it, a pipe at the end closes an empty last cell (偏差原因 left blank)."""
    stripped = line.strip()
    if len(PIPE.findall(stripped)) < 2:
        return line
    if stripped[0] in "|｜":
        stripped = (stripped[1:-1] if stripped[-1] in "|｜" else stripped[1:]).strip()
    cells = PIPE.split(stripped)
    if all(RULE_CELL.fullmatch(cell) for cell in cells):
        return None
    return "\t".join(cells)


HTML_SUFFIXES = (".html", ".htm")  # a report as its web page was saved
REPORT_SUFFIXES = ("docx", "txt", "pdf", *(suffix.lstrip(".") for suffix in HTML_SUFFIXES))  # what an editor uploads
HTML_BLOCKS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "tr", "section", "article",
               "blockquote", "pre", "hr", "dd", "dt"}
HTML_HIDDEN = {"script", "style", "head", "noscript", "template", "title"}


class HtmlReport(HTMLParser):
    """A web page's text as the report's lines: a block (p, div, br, h1…) ends a line, a table's row is its cells
    joined by tabs, as a Word table's are. A cell merged down (rowspan) stands empty in the rows below, one merged
    across (colspan) in each column, so that every cell keeps its header's place. Nothing of the page is run or
    shown: only its text is read."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.text: list[str] = []
        self.hidden = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.span = (1, 1)
        self.below: dict[int, int] = {}  # column -> rows still covered by a rowspan from above

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HTML_HIDDEN:
            self.hidden += 1
        elif tag in ("td", "th") and self.row is not None:
            self.end_cell()
            values = dict(attrs)
            self.cell, self.span = [], (whole_number(values.get("rowspan"), 1), whole_number(values.get("colspan"), 1))
        elif tag == "tr":
            self.end_row()
            self.flush()
            self.row = []
        elif tag in HTML_BLOCKS and self.cell is None:
            self.flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML_HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("td", "th"):
            self.end_cell()
        elif tag == "tr":
            self.end_row()
        elif tag == "table":
            self.end_row()
            self.below = {}
        elif tag in HTML_BLOCKS and self.cell is None:
            self.flush()

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            (self.cell if self.cell is not None else self.text).append(data)

    def flush(self) -> None:
        line = web_text(self.text)
        if line:
            self.lines.append(line)
        self.text = []

    def covered(self) -> None:
        """Empty cells for the columns a rowspan above still covers, up to the next free column."""
        while self.below.get(len(self.row), 0) > 0:
            self.below[len(self.row)] -= 1
            self.row.append("")

    def end_cell(self) -> None:
        if self.cell is None or self.row is None:
            return
        self.covered()
        rows, columns = self.span
        text = web_text(self.cell)
        for _ in range(min(columns, MAX_SPAN)):
            if rows > 1:
                self.below[len(self.row)] = min(rows, MAX_SPAN) - 1
            self.row.append(text)
        self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self.row is None:
            return
        self.covered()
        if any(self.row):
            self.lines.append("\t".join(self.row))
        self.row = None


MAX_SPAN = 50  # a rowspan or colspan past any form's size: a hostile page cannot make a cell fill memory


def web_text(pieces: list[str]) -> str:
    """A web page's text as a browser shows it: runs of white space as one space, and none between Chinese
    characters (a line break in the page's source inside 农村公路\n建设里程)."""
    words = "".join(pieces).split()
    joined = words[:1]
    for before, word in zip(words, words[1:]):
        joined.append(word if formatting.is_wide(before[-1]) and formatting.is_wide(word[0]) else f" {word}")
    return "".join(joined)


def html_lines(text: str) -> list[str]:
    """The page's lines without the site's own (`is_site_chrome`)."""
    page = HtmlReport()
    page.feed(text)
    page.close()
    page.end_row()
    page.flush()
    return [line for line in page.lines if not is_site_chrome(line)]


# A government site's page around the report: its menu and where the page sits (首页 | 政务公开, 当前位置：…), the
# article's details (发布时间：… 浏览次数：…), its buttons (【打印本页】【关闭窗口】) and the site's footer (主办：…
# 备案号：…). A short line of these is the site's, not the report's; the colon keeps 提供技术支持120次 the report's.
SITE_CHROME = re.compile(r"^(?:首页(?:\s*[|｜>＞»]|$)|当前位置|您的位置|(?:【[^】]{1,8}】\s*)+$)|"
                         r"(?:发布时间|发布日期|浏览次数|阅读次数|点击数|访问量|字号|备案号|网站标识码|技术支持|主办|承办)\s*[:：]|"
                         r"ICP备|版权所有\s*[©(（:：]")


def is_site_chrome(line: str) -> bool:
    return len(line) <= 120 and bool(SITE_CHROME.search(line.strip()))


def docx_lines(raw: bytes) -> list[str]:
    from docx import Document

    document = Document(io.BytesIO(raw))
    numbers = WordNumbers(document)
    lines = []
    for block in body_blocks(document.element.body):
        if block.tag.endswith("}p"):
            first, *rest = paragraph_text(block).split("\n")
            label = numbers.label(block)  # counted even for a paragraph that writes its own number
            lines += [label + first if label and numbered(first.strip()) is None else first, *rest]
        else:
            for row in block.iter(f"{W}tr"):
                cells = [(paragraph_text(cell).replace("\n", ""), grid_span(cell)) for cell in row
                         if cell.tag == f"{W}tc"]
                lines.append("\t".join(text for text, span in cells for _ in range(span)))
    return lines


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# a block Word wraps: a content control (a template's fields), tracked changes, custom XML; its paragraphs count
WRAPPERS = {f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}ins", f"{W}moveTo"}


def body_blocks(element) -> Iterable:
    """The document's paragraphs and tables in order, those inside a content control too."""
    for child in element.iterchildren():
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag in WRAPPERS:
            yield from body_blocks(child)


def paragraph_text(element) -> str:
    """The text of a paragraph (or of a table's cell) as Word shows it: a tab as a space, a line break inside
    the paragraph (Shift+Enter, often between a heading and its text) as a new line."""
    parts = []
    for node in element.iter(f"{W}t", f"{W}tab", f"{W}br", f"{W}cr"):
        if node.tag == f"{W}t":
            parts.append(node.text or "")
        elif node.getparent().tag == f"{W}r":  # not a tab stop of the paragraph's style (w:pPr/w:tabs/w:tab)
            parts.append(" " if node.tag == f"{W}tab" else "\n")
    return "".join(parts)


def word_value(element, path: str) -> str | None:
    """The w:val of the element at `path` under `element` (w:pPr/w:numPr/w:numId), None when there is none."""
    from docx.oxml.ns import qn

    for step in path.split("/"):
        element = element.find(qn(step)) if element is not None else None
    return element.get(qn("w:val")) if element is not None else None


WORD_LEVELS = 9  # a Word list has levels 0 to 8
# Word's number formats, as the outline reads them: 一、 （一） 1. （1）
WORD_NUMBER_FORMATS = {"chineseCounting": "chinese", "chineseCountingThousand": "chinese", "japaneseCounting": "chinese",
                       "ideographTraditional": "chinese", "decimal": "decimal", "decimalZero": "decimal"}


class WordNumbers:
    """The numbers Word draws before paragraphs it numbers itself (a heading style with automatic numbering, a
    numbered list). They are not in the text: a heading 部门概况 Word shows as 一、部门概况 is read as Word shows
    it, so the outline finds its chapters. Bullets and formats the outline cannot read give no number."""

    def __init__(self, document) -> None:
        from docx.oxml.ns import qn

        numbering = self.definitions(document)
        self.abstract_of = {}  # numId -> abstractNumId
        self.levels = {}  # (abstractNumId, ilvl) -> (numFmt, lvlText, start)
        self.level_of_style = {}  # style id -> ilvl, for a style a multi-level list names
        if numbering is not None:
            for num in numbering.findall(qn("w:num")):
                self.abstract_of[num.get(qn("w:numId"))] = word_value(num, "w:abstractNumId")
            for abstract in numbering.findall(qn("w:abstractNum")):
                for level in abstract.findall(qn("w:lvl")):
                    ilvl = whole_number(level.get(qn("w:ilvl")), 0)
                    self.levels[(abstract.get(qn("w:abstractNumId")), ilvl)] = (
                        word_value(level, "w:numFmt") or "decimal", word_value(level, "w:lvlText") or "",
                        whole_number(word_value(level, "w:start"), 1))
                    style = word_value(level, "w:pStyle")
                    if style:
                        self.level_of_style[style] = ilvl
        self.styles = {style.style_id: style for style in document.styles}
        self.counts: dict[str, list[int]] = {}

    @staticmethod
    def definitions(document):
        """The document's numbering definitions; None when it has none (python-docx then tries to make an empty
        part, which it cannot)."""
        try:
            return document.part.numbering_part.element
        except NotImplementedError:
            return None

    def numbering_of(self, paragraph) -> tuple[str, int] | None:
        """(numId, ilvl) of the paragraph, from its own properties or its style's (and the styles it is based on)."""
        num_id, ilvl = word_value(paragraph, "w:pPr/w:numPr/w:numId"), word_value(paragraph, "w:pPr/w:numPr/w:ilvl")
        style_id = word_value(paragraph, "w:pPr/w:pStyle")
        style = self.styles.get(style_id)
        while num_id is None and style is not None:
            num_id = word_value(style.element, "w:pPr/w:numPr/w:numId")
            ilvl = ilvl or word_value(style.element, "w:pPr/w:numPr/w:ilvl")
            style = style.base_style
        if num_id is None or num_id == "0":
            return None
        return num_id, whole_number(ilvl, self.level_of_style.get(style_id, 0))

    def label(self, paragraph) -> str:
        found = self.numbering_of(paragraph)
        abstract = self.abstract_of.get(found[0]) if found else None
        if abstract is None or (abstract, found[1]) not in self.levels or found[1] >= WORD_LEVELS:
            return ""
        ilvl = found[1]
        counts = self.counts.setdefault(abstract, [0] * WORD_LEVELS)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else self.levels[(abstract, ilvl)][2]
        counts[ilvl + 1:] = [0] * (len(counts) - ilvl - 1)
        text = self.levels[(abstract, ilvl)][1]
        formats = {level: self.levels.get((abstract, level), ("decimal", "", 1))[0]
                   for level in (int(digit) - 1 for digit in re.findall(r"%([1-9])", text))}
        if not formats or any(WORD_NUMBER_FORMATS.get(kind) is None for kind in formats.values()):
            return ""  # a bullet, or a format the outline cannot read (Ⅰ, a, ①)

        def shown(matched: re.Match) -> str:
            level = int(matched.group(1)) - 1
            count = counts[level] or 1
            return chinese_numeral(count) if WORD_NUMBER_FORMATS.get(formats.get(level)) == "chinese" else str(count)

        return re.sub(r"%([1-9])", shown, text)


def grid_span(cell) -> int:
    """The grid columns a Word table cell spans: a cell merged across columns (二级指标 and 三级指标 as one)
    stands in each, so that every row's cells keep their header's places."""
    return whole_number(word_value(cell, "w:tcPr/w:gridSpan"), 1)


def whole_number(value: str | None, default: int) -> int:
    """A count Word's XML gives (w:start, w:ilvl, w:gridSpan), or `default` when it gives none or no number."""
    return int(value) if value and value.isdigit() else default


# Radical code points a PDF's font may map ordinary characters to, when a glyph serves both: 康熙部首 (⾼ → 高, by
# NFKC) and the supplement's, which Unicode does not decompose. RADICAL_CHARACTERS gives those NFKC gets wrong or
# leaves: every one Noto Sans CJK SC maps a character to (Chromium's PDFs; 民 as ⺠, 户 as ⼾, whose NFKC is the
# traditional 戶), found by printing U+4E00–U+9FA5 and reading it back (tests/test_report_import.py); four it
# maps to a rare character of CJK Extension A (胶 as 㬵); and ⻄ → 西.
RADICALS = re.compile("[\u2e80-\u2eff\u2f00-\u2fdf]")
RADICAL_CHARACTERS = str.maketrans(
    "⺦⺃⺂⻲⺅⺉⻧⺐⺏⺒⺓⺕⺔⺖⼾⺘⺙⻫⺛⺞⺠⺡⺣⺤⺨⺭⻯⺯⺰⺱⺹⺺⺾⻂⻅⻆⻈⻉⻋⻌⻐⻑⻒⻓⻔⻖⻘⻙⻚⻛⻜⻝⻟⻠⻢⻣⻤⻥⻦⻨⻩⻪⻬⻮⻰⻱⻳⻄"
    "㬺㫚㮣㬵",
    "丬乚乛亀亻刂卤尢尣巳幺彐彑忄户扌攵斉旡歺民氵灬爫犭礻竜糹纟罓耂肀艹衤见角讠贝车辶钅長镸长门阝青韦页风飞食飠饣马骨鬼鱼鸟麦黄黾齐齿龙龜龟西"
    "幐曶槩胶")
PARAGRAPH_END = ("。", "！", "？", "：", "；", "”", "」", "）")
FULL_LINE = 0.8  # a line this long (of the longest) ran to the page's edge: its paragraph goes on


# A page's number as printed above or below its text: 3, - 3 -, —3—, 第3页, 第 3 页 共 10 页, 3/10
PAGE_NUMBER = re.compile(r"^[-—–－\s]*\d{1,4}[-—–－\s]*$|^第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?$|"
                         r"^\d{1,4}\s*/\s*\d{1,4}$")


def without_page_number(text: str) -> list[str]:
    """A page's lines without its number at the top or the bottom: joined to the paragraph that runs on from
    the page before, 完成投资35.44 and a page number 3 would read 35.443."""
    lines = [line for line in text.splitlines() if line.strip()]
    while lines and PAGE_NUMBER.match(lines[-1].strip()):
        lines.pop()
    while lines and PAGE_NUMBER.match(lines[0].strip()):
        lines.pop(0)
    return lines


def pdf_lines(raw: bytes) -> list[str]:
    """The PDF's text with its paragraphs joined again: a PDF breaks lines where the page is full. A line that
    ends a sentence, or is a heading, ends its paragraph. A page with ruled tables is read from where it draws
    its text (`pdf_tables`), so that a cell whose text wraps stays one cell, and a row the page's end cuts is
    joined with its rest."""
    from pypdf import PdfReader

    pages = [pdf_page(page) for page in PdfReader(io.BytesIO(raw)).pages]
    physical = [RADICALS.sub(lambda m: unicodedata.normalize("NFKC", m.group(0)), line.translate(RADICAL_CHARACTERS))
                for line in pdf_tables.rejoined(pages)]
    # a table row keeps its tabs: its first cell may be one merged down from the row above, empty
    return paragraphs_of([line if "\t" in line else line.strip() for line in physical if line.strip()])


def pdf_page(page) -> pdf_tables.PageText | str:
    """A page's lines without its number: read from its drawing when it holds a ruled table, else pypdf's text."""
    drawing = pdf_tables.PageDrawing()
    text = page.extract_text(visitor_operand_before=drawing.operator, visitor_text=drawing.text) or ""
    try:
        read = pdf_tables.page_text(drawing)
    except (ArithmeticError, LookupError, ValueError):  # a page drawn as no one foresaw: its text still reads
        LOG.exception("a PDF page's ruled tables could not be read; pypdf's text is used")
        read = None
    if read is None:
        return "\n".join(without_page_number(text))
    return replace(read, lines=without_page_number("\n".join(read.lines)))


def paragraphs_of(physical: list[str]) -> list[str]:
    """A PDF's lines as paragraphs: a line that ran to the page's edge goes on in the next, a table's rows stay
    lines of their own."""
    full = FULL_LINE * max((formatting.display_width(line) for line in physical), default=0)
    paragraphs: list[str] = []
    in_table = after_table = False
    for line in physical:
        # a table's rows are lines of their own: the header of a form's table, and the lines of three cells or
        # more after it (`spaced_tables` reads them)
        cells = line.split()  # a row of a ruled table (`pdf_tables`) comes as cells between tabs
        in_table = "\t" in line or is_table_header(cells) or in_table and len(cells) >= 3
        previous = paragraphs[-1] if paragraphs else ""
        # a line that ran to the edge ends its paragraph with a sentence; a colon there (…等级为"优"。其中：) only
        # leads on, unless a numbered list follows
        if not (in_table or after_table) and formatting.display_width(previous) >= full and \
                not (previous.endswith(PARAGRAPH_END) and not previous.endswith("：")) and not numbered(line):
            paragraphs[-1] = previous + line
        else:
            paragraphs.append(line)
        after_table = in_table
    return paragraphs


# ---- the outline --------------------------------------------------------------------------------------

CHINESE_NUMERALS = "一二三四五六七八九十"
SENTENCE_MARKS = "，。；,;"  # words holding one of these are a sentence, not a heading or a cell's few words
# 第三部分 绩效情况, and 第三部分绩效情况 as a PDF's text gives it (no space between Chinese characters), but not
# 第一部分资金已拨付到位。, a sentence
PART_HEADING = re.compile(rf"^第([{CHINESE_NUMERALS}]+)(?:部分|章)(?:[\s、:：]+|$|(?=[^{SENTENCE_MARKS}！!]+$))(.*)$")
HEADING_PATTERNS = (  # (level, pattern): 第一部分 / 一、 / （一） / 1. 1、 / （1）
    (0, PART_HEADING),
    (1, re.compile(rf"^([{CHINESE_NUMERALS}]+)(?:[、.．]\s*|\s+)(\S.*)$")),  # 四、 and 四 存在的问题
    (2, re.compile(rf"^[（(]([{CHINESE_NUMERALS}]+)[）)]\s*(\S.*)$")),
    (3, re.compile(r"^(\d{1,2})[.．、](?!\d)\s*(\S.*)$")),
    (4, re.compile(r"^[（(](\d{1,2})[）)]\s*(\S.*)$")),
)
REPORT_WORDS = ("报告", "总结")  # a report's title says what it is
MAX_HEADING_CHARS = 30  # a numbered line longer than this is a list item or a paragraph, not a heading
# A numbered line ending as a sentence does is a paragraph; one ending in 。 only when it holds a figure or a
# colon (3.补贴资金按时发放率100%。), since a report may close its titles so (1.综合实力稳步提升。)
SENTENCE_ENDS = ("；", ";", "！", "!")
STATEMENT = re.compile(r"[\d：:]")


@dataclass
class Section:
    key: str
    level: int
    title: str
    body: list[str] = field(default_factory=list)
    ref: str | None = None


def numbered(line: str) -> tuple[int, str, str] | None:
    for level, pattern in HEADING_PATTERNS:
        matched = pattern.match(line)
        if matched:
            return level, matched.group(1), matched.group(2)
    return None


def chinese_numeral(number: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (the inverse of `chinese_number`); from 100 on, in digits."""
    if not 0 < number < 100:
        return str(number)
    tens, ones = divmod(number, 10)
    return ((CHINESE_NUMERALS[tens - 1] if tens > 1 else "") + ("十" if tens else "")
            + (CHINESE_NUMERALS[ones - 1] if ones else ""))


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12 (numbering of chapters and subsections)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CHINESE_NUMERALS.index(text[1]) + 1
    if text.endswith("十"):
        return (CHINESE_NUMERALS.index(text[0]) + 1) * 10
    if "十" in text:
        tens, ones = text.split("十")
        return (CHINESE_NUMERALS.index(tens) + 1) * 10 + CHINESE_NUMERALS.index(ones) + 1
    return CHINESE_NUMERALS.index(text) + 1


def is_heading(lines: list[str], number: int, found: tuple[int, str, str]) -> bool:
    """A numbered line is a heading when it is short and stands alone; in a run of numbered lines (a list of
    duties, of steps) it is an item."""
    level, _, title = found
    if "。" in title.rstrip("。"):  # a sentence follows the number: a paragraph
        return False
    if level in (0, 1, 2):  # 第一部分, 一、 （一）: part, chapter and section titles, which may be long
        return len(lines[number]) <= 2 * MAX_HEADING_CHARS
    ending = title.rstrip()
    if len(lines[number]) > MAX_HEADING_CHARS or ending.endswith(SENTENCE_ENDS) or "，" in title or \
            ending.endswith("。") and STATEMENT.search(title):
        return False  # 2.质量指标：城镇调查失业率控制在5.5%以内； alone under its heading is a paragraph
    neighbours = [lines[i] for i in (number - 1, number + 1) if 0 <= i < len(lines)]
    return not any((other := numbered(line)) is not None and other[0] == level for line in neighbours)


def tidy(line: str) -> str:
    """A paragraph trimmed; a table row (cells joined by tabs) each cell trimmed, its empty cells kept: a cell
    merged down from the row above is empty, and its row's cells must stay under their headers."""
    return "\t".join(cell.strip().replace("\u3000", " ") for cell in line.split("\t"))


def outline(raw_lines: list[str]) -> list[Section]:
    """The report as sections: a preface (the title and what comes before 一、), then one section per heading,
    each with a key made from its numbering (sec4.1), stable whatever the report's wording."""
    lines = [tidy(line) for line in raw_lines]
    lines = [line for line in lines if line.strip()]
    title = next((line for line in lines[:4] if any(word in line for word in REPORT_WORDS)), lines[0] if lines else "")
    sections = [Section("preface", 1, title)]
    path: list[tuple[int, int]] = []  # (level, ordinal) of the open headings
    chapters = 0
    for number, line in enumerate(lines):
        if number < 4 and line == title:
            continue
        found = numbered(line)
        if found and found[0] == 3 and line[len(found[1])] == "、" and chapters >= 3 \
                and int(found[1]) == chapters + 1:
            found = (1, found[1], found[2])  # 6、 存在的主要问题, right after 五、: the chapter the report meant
        if not found or not is_heading(lines, number, found):
            sections[-1].body.append(line)
            continue
        level, ordinal_text, _ = found
        ordinal = chinese_number(ordinal_text) if not ordinal_text.isdigit() else int(ordinal_text)
        if level <= 1:  # each part numbers its chapters anew
            chapters = ordinal if level == 1 else 0
        path = [(lvl, o) for lvl, o in path if lvl < level] + [(level, ordinal)]
        key = "sec" + ".".join(str(o) for _, o in path)
        while any(s.key == key for s in sections):  # a report that numbers two sections alike
            key += "b"
        sections.append(Section(key, len(path), line))
    return sections


def narrative_markdown(sections: list[Section]) -> str:
    """The sections in the narrative format of data/README.md: headings with keys, the body word for word. A
    form's table of one cell to a line is kept as its rows, cells between tabs (`stacked_tables`), so that the
    report's page shows it as the table it is."""
    parts = []
    for section in sections:
        heading = section.title.replace("{", "｛").replace("}", "｝").lstrip("#").strip() or texts.IMPORT_UNTITLED
        parts.append(f"{'#' * section.level} {heading} {{#{section.key}}}\n")
        if section.body:
            parts.append("\n\n".join(stacked_tables(section.body)) + "\n")
    return "\n".join(parts)


def with_refs(sections: list[Section]) -> list[Section]:
    """Each section's reference as the data files cite it (一, 一(三), 四.1), from the narrative's own rule. A
    section the rule gives none (（1）低保金发放 under 三) is cited by its nearest section that has one, whose
    citation takes in its subsections (`narrative.Outline.cited`)."""
    refs: dict[int, str | None] = {}  # the rule's, which the loader gives the published narrative too
    cites: dict[int, str | None] = {}
    result = []
    for section in sections:
        ref = section_ref(section.title, refs.get(section.level - 1)) if section.key != "preface" else None
        refs[section.level] = ref
        cites[section.level] = ref or cites.get(section.level - 1)
        result.append(replace(section, ref=cites[section.level]))
    return result


# ---- figures ------------------------------------------------------------------------------------------

UNIT_ALIASES = {"平米": "平方米", "万平米": "万平方米"}
BETWEEN_QUALIFIERS = ("余", "多")  # 2000余人次, 120多万人次
# 1.2万余亩, 3亿多元: the qualifier inside a unit of 万 or 亿, read as the unit with the qualifier between
SPLIT_UNITS = {f"{unit[0]}{qualifier}{unit[1:]}": (unit, qualifier) for unit in (*MEASURE_UNITS, *UNIT_ALIASES)
               if unit[0] in UNIT_SCALES and len(unit) > 1 for qualifier in BETWEEN_QUALIFIERS}
UNITS = sorted({*MEASURE_UNITS, *UNIT_ALIASES, *SPLIT_UNITS, "分"}, key=len, reverse=True)
QUALIFIERS_BEFORE = ("超过", "突破", "不足", "近", "约")
NOT_A_QUALIFIER = "签节履合预集制违邀公特"  # 签约15个, 节约20万元: 约 ends a word there, it qualifies nothing
FIGURE = re.compile(
    rf"(?P<before>{'|'.join(q if q != '约' else f'(?<![{NOT_A_QUALIFIER}])约' for q in QUALIFIERS_BEFORE)})?"
    rf"(?<![\d.,])(?P<number>\d+(?:,\d{{3}})*(?:\.\d+)?)(?P<between>{'|'.join(BETWEEN_QUALIFIERS)})?\s*"
    rf"(?P<unit>{'|'.join(map(re.escape, UNITS))})(?!次)"  # 15.6万亩次 is none of 万亩: a unit we do not list
    rf"(?P<after>以上|以内|以下)?")
NAME_AFTER = re.compile(r"^[\u4e00-\u9fff]")  # 5000万元以上项目: the figure names a class, it is no value


def unit_of(figure: re.Match) -> str:
    """The figure's unit as the indicators name it: 平米 is 平方米, 1.2万余亩's is 万亩."""
    written = figure.group("unit")
    return SPLIT_UNITS[written][0] if written in SPLIT_UNITS else UNIT_ALIASES.get(written, written)


def qualifier_of(figure: re.Match) -> str | None:
    """The qualifier the report writes with a figure, before it (近), between it and its unit (余, 万余) or after
    (以上)."""
    groups = figure.groupdict()  # a table's cell may hold a bare number, matched without these groups
    split = SPLIT_UNITS.get(groups.get("unit") or "")
    return groups.get("before") or groups.get("between") or (split[1] if split else None) or groups.get("after")
SENTENCE_END = re.compile(r"(?<=[。！？])")
CLAUSE_MARKS = "，,；;：:、"
NOT_THOUSANDS = r"(?!(?<=\d),\d{3}(?!\d))"  # the comma of 5,280 ends no clause
CLAUSE_BREAK = re.compile(f"{NOT_THOUSANDS}[{CLAUSE_MARKS}（(]")  # an opening bracket too: 52公里（目标50公里）
TARGET_CUES = ("目标", "任务", "计划", "力争", "拟")
ACTUAL_OVERRIDES = ("预计", "已", "实际", "累计")
ESTIMATE_CUES = ("预计",)
SCORE_WORDS = ("得分", "评分", "总分")  # 满分 and 扣分 are not what a unit scored
FULL_MARKS = re.compile(r"满分(?:值)?(?:为|是)?$")
WHOLE_SCORE_CUES = ("自评", "综合", "整体", "总体")
# The part of the year a figure covers: 截至10月, 截至目前, or months counted from January (1-10月, 1至11月, 1—9月)
PERIOD = re.compile(r"截至(\d{1,2}月(?:底|末)?|目前|\d{1,2}月\d{1,2}日)|(?<![\d.])1\s*[-—–－~～至到]\s*\d{1,2}\s*月(?:份)?")
WHOLE_YEAR = re.compile(r"截至12月(?:底|末|31日)?|1\s*[-—–－~～至到]\s*12\s*月(?:份)?")  # the year's end: no part-year mark
GROWTH = re.compile(r"(同比)?(增长|下降|增加|减少)$")
# said against last year (同比增长, 比上年下降), or right after the count it changes (…120万人次，增长3.5%), as
# reports leave 同比 out
AGAINST_LAST_YEAR = re.compile(r"(?:同比|比上年|较上年|比去年|较去年)(?:增长|下降|增加|减少)$")
ON_LAST_YEAR = re.compile(rf"{AGAINST_LAST_YEAR.pattern}|^[，,]\s*(?:增长|下降|增加|减少)$")
# 为年度任务的120%, …35处，完成率100%: how much of the target
STATED_COMPLETION = re.compile(r"(?:目标|任务|计划|预算)[^，。；：]*的$|^[，,]\s*(?:年度|全年)?(?:目标|任务|计划)?完成率(?:为|达到?)?$")

EXCERPT_CHARS = 24  # words shown either side of a figure in the review

# Kinds of figure, as the review table names them
TARGET, ACTUAL, GROWTH_RATE, STATED, SPENDING, SCORE, WEIGHT, INDICATOR_SCORE, UNCLASSIFIED = (
    "target", "actual", "growth", "stated_rate", "spending", "score", "weight", "indicator_score", "unclassified")
SUGGESTED = "suggested"  # a count the indicator its words name may measure: drafted as its actual once a person ticks it
MAX_SCORE = "max_score"  # a group's full marks: 预算执行15分（满分20分）
BUDGET, ADJUSTED_BUDGET = "budget", "adjusted_budget"  # a spending item's budget, as it stood at the start and after
# A form's target or result in words (按时, 明显改善, 达成): kept as the report words them, never read as a number
TARGET_TEXT, ACTUAL_TEXT = "target_text", "actual_text"
TEXT_KINDS = (TARGET_TEXT, ACTUAL_TEXT)


@dataclass(frozen=True)
class NewIndicator:
    """An indicator a self-evaluation table names that the catalogue does not have, proposed for it. Its code
    is made from its name and unit, so a second report (or a re-import) naming it again proposes the same one."""

    name: str
    unit: str
    level1: str  # one of schema.ALL_LEVEL1_GROUPS, or "" when the table's 一级指标 is none of them
    level2: str  # the table's 二级指标 (数量指标, 社会效益指标 …): the proposed category
    direction: str
    is_headline: bool = False  # listed among the year's targets (重点工作目标有：…): shown on 总览

    @property
    def code(self) -> str:
        return "ind_" + hashlib.sha1(f"{self.name}|{self.unit}".encode()).hexdigest()[:10]

    @property
    def category_name(self) -> str:
        return self.level2 or texts.IMPORT_NEW_CATEGORY

    @property
    def category_code(self) -> str:
        return "cat_" + hashlib.sha1(self.category_name.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class Figure:
    """One number of the report with its unit, what it is, and where it stands."""

    section_key: str
    ref: str | None
    sentence: str
    start: int  # the figure's place in the sentence
    end: int
    number: str
    unit: str
    qualifier: str | None
    kind: str = UNCLASSIFIED
    indicator_code: str | None = None
    is_estimate: bool = False
    period: str | None = None
    name: str = ""  # for spending items and scores: the item or group; else the words it was matched by
    new_indicator: NewIndicator | None = None  # the indicator proposed for it, when the catalogue has none
    listed_under: str | None = None  # the spending item a table lists it under: "project" in a table of projects

    @property
    def marked(self) -> str:
        """The words around the figure, the figure in 【】: the review table's highlight."""
        before, after = self.sentence[:self.start], self.sentence[self.end:]
        before = before if len(before) <= EXCERPT_CHARS else "…" + before[-EXCERPT_CHARS:]
        after = after if len(after) <= EXCERPT_CHARS else after[:EXCERPT_CHARS] + "…"
        return f"{before}【{self.sentence[self.start:self.end]}】{after}"

    @property
    def value(self) -> str:
        return self.number if self.kind in TEXT_KINDS else self.number.replace(",", "")


def normalised(text: str) -> str:
    """Quotes and spaces taken out, so that 清理“僵尸企业” and 清理僵尸企业 are the same words."""
    return re.sub(r"[\s“”\"'‘’「」『』]", "", text)


LIST_NUMBER = r"(?:\d+[.、．]|[（(]\d+[)）])"  # 1. 2、 （3）: an item of a list inside a paragraph
TWO_WORDS = re.compile(r"^([\u4e00-\u9fff]{2})([\u4e00-\u9fff]{2})$")


def longest_first(pairs: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(name, code) pairs for matching, longest name first. A name of two two-character words is found in either
    order too: 税收入库 and 入库税收, 安全生产 and 生产安全 are the same thing, as reports word it."""
    swapped = {(TWO_WORDS.sub(r"\2\1", name), code) for name, code in pairs if TWO_WORDS.match(name)}
    return tuple(sorted((p for p in {*pairs, *swapped} if p[0]), key=lambda p: -len(p[0])))


@dataclass(frozen=True)
class Catalogue:
    """The indicators a figure may belong to: each name and synonym, normalised, with its unit."""

    names: tuple[tuple[str, str], ...]  # (normalised name, indicator code), longest first
    units: dict[str, str]
    proposals: dict[str, NewIndicator] = field(default_factory=dict)  # code -> one the report proposed so far

    @classmethod
    def of(cls, indicators: list[dict[str, str]], synonyms: list[dict[str, str]]) -> Catalogue:
        pairs = {(normalised(r["indicator_name"]), r["indicator_code"]) for r in indicators}
        pairs |= {(normalised(r["synonym"]), r["indicator_code"]) for r in synonyms}
        return cls(longest_first(pairs), {r["indicator_code"]: r["unit"] for r in indicators})

    def with_proposed(self, proposed: Iterable[NewIndicator]) -> Catalogue:
        """The catalogue and the indicators a report has proposed so far (by name and unit)."""
        new = {p.code: p for p in proposed if p.code not in self.units}
        if not new:
            return self
        names = longest_first({*self.names, *((normalised(p.name), code) for code, p in new.items())})
        return Catalogue(names, {**self.units, **{code: p.unit for code, p in new.items()}}, {**self.proposals, **new})

    def match(self, before: str, after: str, unit: str | None) -> tuple[str, str] | None:
        """The indicator whose name ends nearest before the figure (or, failing that, follows it), longest name
        first, and whose unit is the figure's unit (any, for None: a growth rate of the indicator)."""
        near, far = normalised(before), normalised(after)
        best = None
        for name, code in self.names:
            if unit is not None and self.units.get(code) != unit:
                continue
            at = near.rfind(name)
            if at >= 0:
                distance = len(near) - (at + len(name))
                if best is None or distance < best[0]:
                    best = (distance, name, code)
        if best is not None:
            return best[2], best[1]
        for name, code in self.names:
            if (unit is None or self.units.get(code) == unit) and name in far:
                return code, name
        return None


def plain_table_sentences(body: list[str]) -> list[str]:
    """The rows of a table none of the form's readers knows (年度总体目标 | 预期目标 | 实际完成情况), each read as a
    sentence of its cells, each led by its column's name from the table's first row when that row has no figure
    (预期目标：完成老旧小区改造12个；实际完成情况：已完成改造12个。), so that no figure of a table goes unlisted.
    Rows from the form's indicator header on are its readers' (`table_figures`), those of its 预算执行情况 until a
    row of names without a figure begins another table (the form's 年度总体目标, in the same Word table), and a
    table whose first row names two of the form's columns (一级指标 … 分值 得分: `group_marks_figures`)."""
    read: list[str] = []
    names: list[str] | None = None
    budget_rows = False
    for line in body:
        cells = line.split("\t")
        if "\t" not in line:
            names, budget_rows = None, False  # the table has ended
        elif table_columns(cells) is not None:
            break
        elif budget_columns(cells) is not None:
            budget_rows = True
        elif budget_rows and (re.search(r"\d", line) or sum(bool(cell.strip()) for cell in cells) < 2):
            continue
        elif (names is None or budget_rows) and not FIGURE.search(line):
            names, budget_rows = [HEADER_NOISE.sub("", cell) for cell in cells], False
        elif sum(header_role(name) is not None for name in names or []) >= 2:
            continue
        else:
            named = zip_longest(names or [], cells, fillvalue="")
            read.append("；".join(f"{name}：{cell}" if name else cell for name, cell in named if cell.strip()) + "。")
    return read


def sentences(section: Section) -> list[str]:
    return [s.strip() for paragraph in section.body for s in SENTENCE_END.split(paragraph) if s.strip()]


def figures_of(sections: list[Section], catalogue: Catalogue) -> list[Figure]:
    """Every figure of the report, in order. An indicator the report proposes (a table's row, a listed target, a
    rate) joins the catalogue as it is read, so that a later sentence naming it gives its figures to it."""
    found: list[Figure] = []
    chapter: Section | None = None
    open_titles: dict[int, str] = {}  # the title of the section open at each level of the outline
    for section in sections:
        section = replace(section, body=spaced_tables(stacked_tables([ascii_figures(line) for line in section.body])))
        chapter = section if section.level <= 1 or chapter is None else chapter
        open_titles = {level: title for level, title in open_titles.items() if level < section.level}
        open_titles[section.level] = section.title
        titles = [open_titles[level] for level in sorted(open_titles, reverse=True)]
        spending_section = is_spending_section(section) or \
            is_spending_section(chapter) and "绩效" not in section.title  # 二、…支出管理 （三）预算执行情况
        results = not spending_section and reports_results(section, chapter)
        table_rows = [line for line in section.body if "\t" in line]
        # the form's order: 预算执行情况, then the indicators, then their 总分
        read = [budget_table_figures(section) + table_figures(section, table_rows, catalogue) +
                total_row_figures(section, table_rows) + group_marks_figures(section, table_rows)]
        prose = [line for line in section.body if "\t" not in line] + plain_table_sentences(section.body)
        for sentence in sentences(replace(section, body=prose)):
            catalogue = catalogue.with_proposed(f.new_indicator for f in read[-1] if f.new_indicator and f.kind != SUGGESTED)
            said_before = [figure for figures in read for figure in figures]
            figures = sentence_figures(section, titles, sentence, catalogue, spending_section, said_before)
            read.append([suggested(figure) for figure in figures] if results else figures)
        catalogue = catalogue.with_proposed(f.new_indicator for f in read[-1] if f.new_indicator and f.kind != SUGGESTED)
        found += [figure for figures in read for figure in figures]
    return one_proposal_each(found)


SHARED_NAME_CHARS = 4  # 免疫规划疫苗接种 in 适龄儿童免疫规划疫苗接种 and in 免疫规划疫苗接种剂次


def one_proposal_each(figures: list[Figure]) -> list[Figure]:
    """One proposal for each indicator an indicator table names, in the form's own words and groups. The prose
    may name the row's indicator alike (孕产妇系统管理率 in 2.质量指标 and in the table's row under 产出指标): the
    row's groups stand. It may name it in other words (适龄儿童免疫规划疫苗接种 4.2万剂次, and the row
    免疫规划疫苗接种剂次 4.2万剂次): with the same unit, the same actual and SHARED_NAME_CHARS characters in a row
    shared, the row's proposal stands for both, so that the draft holds one indicator and not two."""
    proposals = {f.new_indicator.code: f.new_indicator for f in figures if f.new_indicator is not None}
    rows = {f.indicator_code: f.new_indicator for f in figures
            if f.new_indicator is not None and CELL_BREAK in f.sentence}  # proposed by a table's row
    actuals: dict[str, set[Decimal]] = {}
    for f in figures:
        if f.kind in (ACTUAL, SUGGESTED) and f.indicator_code in proposals:
            actuals.setdefault(f.indicator_code, set()).add(Decimal(f.value))
    standing = dict(rows)  # code -> the proposal its figures carry
    for code in proposals.keys() - rows.keys():
        prose = proposals[code]
        row = next((rows[other] for other in sorted(rows) if rows[other].unit == prose.unit and
                    actuals.get(code, set()) & actuals.get(other, set()) and
                    shared_run(prose.name, rows[other].name) >= SHARED_NAME_CHARS), None)
        if row is not None:
            standing[code] = row
    headlined = {standing[f.indicator_code].code for f in figures  # a listed target, whichever figure says so
                 if f.new_indicator is not None and f.new_indicator.is_headline and f.indicator_code in standing}
    standing = {code: replace(p, is_headline=p.is_headline or p.code in headlined) for code, p in standing.items()}
    return [replace(f, indicator_code=standing[f.indicator_code].code, name=standing[f.indicator_code].name,
                    new_indicator=standing[f.indicator_code]) if f.indicator_code in standing else f
            for f in figures]


def shared_run(one: str, other: str) -> int:
    """How many characters the two names share in a row, at the longest."""
    return SequenceMatcher(None, one, other, autojunk=False).find_longest_match().size


# Sections that report what was done (四、部门整体支出绩效情况分析, （二）产出指标完成情况) and not what was planned,
# how the evaluation went or what is to be done: a count there that no target or change accompanies (提供帮办代办
#服务286次) is suggested as the actual of the indicator its words name. A suggestion is not drafted, nor does it
# join the catalogue, until a person ticks it in the review: words before a count alone are loose (内设股室8个).
RESULTS_TITLE = re.compile(r"绩效|完成情况|产出|效益|成效|主要工作")
NOT_RESULTS_TITLE = re.compile(r"目标设立|目标设定|评价工作|问题|措施|建议|概况|基本情况|职能")


def reports_results(section: Section, chapter: Section) -> bool:
    titles = (section.title, chapter.title)
    return any(RESULTS_TITLE.search(t) for t in titles) and not any(NOT_RESULTS_TITLE.search(t) for t in titles)


CLAUSE_ENDS = re.compile(f"$|{NOT_THOUSANDS}[{CLAUSE_MARKS}。！？）)]")


def suggested(figure: Figure) -> Figure:
    """An unclassified count that ends its clause as a suggestion of the indicator its words name
    (`count_proposal`). None for what was planned (计划新建校舍3所, 完成年度25亿元任务的…) or by how much a target
    was passed (超出年度目标6公里)."""
    clause, after = clause_before(figure.sentence, figure.start), figure.sentence[figure.end:]
    if figure.kind != UNCLASSIFIED or passed_by(clause) or said_as_target(figure.sentence[:figure.start], clause) \
            or not CLAUSE_ENDS.match(after):  # 植之源10万吨竹纤维（粉）建设项目: a figure inside a name
        return figure
    proposed = count_proposal(figure)
    return figure if proposed is None or NAMES_NOTHING.match(proposed.name) else proposed_as(figure, SUGGESTED, proposed)


# The indicator table of a self-evaluation form: 一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分
TABLE_HEADERS = {"name": ("三级指标", "指标名称", "指标内容", "具体指标", "指标"),
                 "target": ("指标值", "年度指标值", "全年指标值", "预期指标值", "目标值", "年度目标值", "全年目标值",
                            "预期目标值", "计划值", "年初目标值", "年度目标", "目标"),
                 "actual": ("实际完成值", "全年实际值", "全年实际完成值", "完成值", "实际值", "全年完成值", "实际完成数",
                            "实际完成"),
                 "weight": ("分值", "权重", "指标分值"), "score": ("得分", "自评得分"), "level1": ("一级指标",),
                 "level2": ("二级指标",),
                 # a form that writes the unit and the sign of the target in columns of their own
                 "unit": ("度量单位", "计量单位", "单位"), "relation": ("指标性质", "指标方向", "运算符")}
LOWER_IS_BETTER = re.compile(r"[≤<＜]|不超过|不高于|不大于|以内|以下|(?<!不)低于|控制在")  # ≤5%, 控制在3起以内; not 不低于
# A header as forms write it: 年度指标值（A）, 实际完成值(B), a line break inside the cell
HEADER_NOISE = re.compile(r"[（(][^）)]*[）)]|\s")
CELL_BREAK = " | "  # a table row as the review shows it
TABLE_KINDS = {"target": TARGET, "actual": ACTUAL, "weight": WEIGHT, "score": INDICATOR_SCORE}  # in the form's order
TABLE_TEXT_KINDS = {"target": TARGET_TEXT, "actual": ACTUAL_TEXT}


# The last row of the form's indicator table: 总分 | 100 | 99.77 (its full marks, then the score) or 总分 | 99.77
TOTAL_ROW_NAMES = ("总分", "合计得分", "总得分")


def is_total_row(cells: list[str]) -> bool:
    """总分, then its full marks and its score or the score alone (a Word cell merged across the columns of the
    names gives 总分 in each of them)."""
    filled = [cell.strip() for cell in cells if cell.strip()]
    names = [cell for cell in filled if HEADER_NOISE.sub("", cell) in TOTAL_ROW_NAMES]
    values = filled[len(names):]
    return bool(names) and filled[:len(names)] == names and 1 <= len(values) <= 2 and \
        all(NUMBER_CELL.match(value) for value in values)


# The last columns of a form, after its values: a cell of words there is the row's own, not the next row's name
TRAILING_HEADERS = ("偏差原因", "未完成原因", "原因分析", "备注", "改进措施")
# A column of words some forms place between the values (年度指标值 | 评分标准 | 分值 | 实际完成值): how a row is
# scored. Its cells say so (每少1处扣1分, 按完成比例计分, 低于90%不得分), which no indicator's name does.
RULE_HEADERS = ("评分标准", "评分方法", "计分方法", "评分规则", "评分细则", "计分标准")
RULE_WORDS = ("扣", "得分", "计分", "满分", "不得分", "给分")
VALUE_CELL = re.compile(r"^[≥≤><＞＜=]?\s*\d")  # 14个, 98.5%, ≥95%, 10: a value, not a name


def header_role(cell: str) -> str | None:
    """The column a header cell names (name, target, actual … as `TABLE_HEADERS`; reason for 偏差原因分析, rule
    for 评分标准)."""
    plain = HEADER_NOISE.sub("", cell)
    return next((role for role, names in TABLE_HEADERS.items() if plain in names), None) or \
        ("reason" if plain.startswith(TRAILING_HEADERS) else "rule" if plain in RULE_HEADERS else None)


def is_table_header(cells: list[str]) -> bool:
    """Whether the cells are the header of a form's table: of indicators, or of 预算执行情况."""
    return table_columns(cells) is not None or budget_columns(cells) is not None


def table_columns(cells: list[str]) -> dict[str, int] | None:
    """The places of the columns a header row names, when it is an indicator table's header."""
    places: dict[str, int] = {}
    for place, cell in enumerate(cells):
        role = header_role(cell)
        if role in TABLE_HEADERS:  # the form's own words (偏差原因) have no figures to read
            places.setdefault(role, place)
    return places if {"name", "target", "actual"} <= set(places) else None


NUMBER_CELL = re.compile(r"^\d+(?:\.\d+)?$")


def spaced_tables(body: list[str]) -> list[str]:
    """An indicator table as a PDF's text gives it: lines of cells between spaces, under a header line of the
    form's column names (一级指标 二级指标 三级指标 指标值 实际完成值 分值 得分). Each line after the header
    becomes cells between tabs, as a .docx table's row, while it fits the header: a cell merged down the rows
    (一级指标) is written in its first row only, and a blank 偏差原因 leaves the last cell out, so a row of fewer
    cells is placed where its name is words and its values figures (`aligned`). The first line that fits
    nowhere ends the table."""
    rows, header, budget_width = [], None, None
    for line in body:
        cells = line.split()
        spaced = "\t" not in line and len(cells) >= 3
        places = table_columns(cells) if spaced else None
        if places is not None or spaced and budget_columns(cells) is not None:
            header, budget_width = ((places, len(cells)), None) if places is not None else (None, len(cells))
            rows.append("\t".join(cells))
            continue
        if budget_width is not None and "\t" not in line and len(cells) == budget_width:
            rows.append("\t".join(cells))  # a row of 预算执行情况: its name, then a figure in each column
            continue
        budget_width = None
        row = aligned(cells, *header) if header and "\t" not in line else None
        if row is None:
            # the table's last row, 总分 100 99.77, as `total_row_figures` reads it
            rows.append("\t".join(cells) if header and "\t" not in line and is_total_row(cells) else line)
            header = None
        else:
            rows.append("\t".join(row))
    return rows


def reads_as_reason(cell: str) -> bool:
    """A 偏差原因 cell: 无, a dash, or a sentence (punctuation, or longer than any indicator's name)."""
    return cell in ("无", *NO_VALUE) or any(mark in cell for mark in SENTENCE_MARKS) or len(cell) > 24


def begins_no_row(cell: str, next_cell: str) -> bool:
    """Whether a cell of words after a row's values cannot begin the next row: it is no group's name (产出指标,
    数量指标), and no value follows it as one follows an indicator's name. 部分工程受汛期影响顺延 before 产出指标
    is the row's 偏差原因."""
    return group_cell(cell) is None and not cell.endswith("指标") and not VALUE_CELL.match(next_cell)


def stacked_tables(body: list[str]) -> list[str]:
    """An indicator table as text taken from a Word file by some tools gives it: one cell to a line, the header's
    names first (一级指标 / 二级指标 / 三级指标 / 年度指标值 / 实际完成值 / 分值 / 得分 / 偏差原因). Its cells are
    joined again into rows between tabs, as a .docx table's (`stacked_rows`)."""
    out: list[str] = []
    at = 0
    while at < len(body):
        budget = stacked_budget_table(body, at)
        if budget is not None:
            rows, at = budget
            out += rows
            continue
        header, end = [], at
        while end < len(body) and "\t" not in body[end]:
            if header and not HEADER_NOISE.sub("", body[end]):
                header[-1] += body[end]  # 年度指标值 / （A）: a cell's note on a line of its own
            elif header_role(body[end]):
                header.append(body[end])
            else:
                break
            end += 1
        places = table_columns(header) if len(header) >= 3 else None
        if places is None:
            out.append(body[at])
            at += 1
            continue
        out.append("\t".join(header))
        rows, at = stacked_rows(body, end, places, header)
        out += rows
    return out


BUDGET_RATE_HEADERS = ("执行率", "预算执行率")  # a column of the 预算执行情况 table no figure is read from
NO_VALUE = ("—", "-", "/", "／")  # a cell the form leaves without a figure (其中：当年财政拨款 has no 分值)
MAX_WORDS_CELL = 20  # a target or result in words (全面完成年度工作任务); longer is a sentence, for a person


def stacked_budget_table(body: list[str], at: int) -> tuple[list[str], int] | None:
    """The form's 预算执行情况 table one cell to a line, as `stacked_tables` reads the indicator table: the name
    column's header (年度预算执行情况（万元）), the columns `budget_columns` knows and 执行率, then rows of a name
    and a value (or —) for each column. Its rows joined between tabs, and the line where it ends; None when no
    such table begins at `at`."""
    end = at + 1
    while end < len(body) and HEADER_NOISE.sub("", body[end]) in BUDGET_HEADER_NAMES:
        end += 1
    header = body[at:end]
    if "\t" in "".join(header) or budget_columns(header) is None:
        return None
    rows, width = [], len(header)
    while end + width <= len(body) and not VALUE_CELL.match(body[end]) and \
            all(VALUE_CELL.match(cell) or cell.strip() in NO_VALUE for cell in body[end + 1:end + width]):
        rows.append("\t".join(body[end:end + width]))
        end += width
    return (["\t".join(header), *rows], end) if rows else None


def stacked_rows(body: list[str], at: int, places: dict[str, int], header: list[str]) -> tuple[list[str], int]:
    """The table's rows from line `at` on, and the line where the table ends. A row is the words of its names,
    then its values, so a cell of words after a value begins the next row, unless the form ends in a column of
    words (偏差原因) and the cell reads as one. A merged cell written once (一级指标) leaves a row short: `aligned`
    places it. A 评分标准 between the values (每少1处扣1分) is the row's own too. A row that reads as no indicator's
    (按时, 及时: no figure) stays as its lines, for a person."""
    out: list[str] = []
    row: list[str] = []
    words_last = header_role(header[-1]) == "reason"
    rule_place = next((place for place, cell in enumerate(header) if header_role(cell) == "rule"), None)

    def close() -> None:
        placed = aligned(row, places, len(header)) if row else None
        out.extend(["\t".join(placed)] if placed else row)
        row.clear()

    while at < len(body) and "\t" not in body[at]:
        cell = body[at]
        is_value = bool(VALUE_CELL.match(cell))
        if not row and (is_value or len(cell) > 40):
            break  # a value with no name before it, or a paragraph: the table has ended
        if any(VALUE_CELL.match(c) for c in row) and not is_value:
            if rule_place is not None and len(row) < len(header) and any(word in cell for word in RULE_WORDS):
                row.append(cell)  # how the row is scored, between its values
                at += 1
                continue
            if rule_place is not None and in_words(cell) and len(row) < ruled_length(row, places, rule_place):
                row.append(cell)  # a result in words (及时) after the weight: the rule places the row's columns
                at += 1
                continue
            next_cell = body[at + 1] if at + 1 < len(body) else ""
            if words_last and len(row) < len(header) and (reads_as_reason(cell) or begins_no_row(cell, next_cell)):
                row.append(cell)
                at += 1
            close()  # the cell, if not taken as the row's reason, begins the next row
            continue
        if len(row) >= len(header):
            close()
            continue
        row.append(cell)
        at += 1
    close()
    return out, at


def ruled_length(row: list[str], places: dict[str, int], rule_place: int) -> int:
    """How many cells a row has through its last value, its 评分标准 (每少1处扣1分) standing in the rule's column
    (`rule_place`): 0 when it has none."""
    ruled = next((at for at, cell in enumerate(row) if any(word in cell for word in RULE_WORDS)), None)
    last_value = max(places[role] for role in TABLE_KINDS if role in places)
    return 0 if ruled is None else ruled + last_value - rule_place + 1


def aligned(cells: list[str], places: dict[str, int], width: int) -> list[str] | None:
    """The row's cells in the header's places, or None when no placing reads as an indicator's row. Words
    beyond what the row needs may be the last column's (a 偏差原因 of several words)."""
    for joined in range(1, max(len(cells) - width + 3, 2)):  # how many words the last cell has
        words = cells if joined == 1 else [*cells[:-joined], " ".join(cells[-joined:])]
        for blank_after in range(width - len(words) + 1) if joined == 1 else (0,):
            if len(words) + blank_after > width:
                continue
            row = [""] * (width - len(words) - blank_after) + words + [""] * blank_after
            if reads_as_indicator(row, places):
                return row
    return None


def reads_as_indicator(row: list[str], places: dict[str, int]) -> bool:
    """A name of words, a target or an actual with a figure, a weight and a score that are numbers if given; or a
    qualitative row: a target or a result in words (按时 | 按时), each figure or words, and a weight or a score."""
    name, target, actual = (row[places[role]] for role in ("name", "target", "actual"))
    numbers = [row[places[role]] for role in ("weight", "score") if role in places and row[places[role]]]
    if not name or FIGURE.search(name) or not all(NUMBER_CELL.match(cell) for cell in numbers):
        return False
    return bool(FIGURE.search(target) or FIGURE.search(actual)) or bool(numbers) and is_qualitative(target, actual)


def in_words(cell: str) -> bool:
    """A target or a result a form states in words (按时, 明显改善, 达成): short words without a figure, not a
    dash and not a sentence."""
    plain = cell.strip()
    return bool(plain) and plain not in NO_VALUE and not re.search(r"\d", plain) and \
        len(plain) <= MAX_WORDS_CELL and not any(mark in plain for mark in SENTENCE_MARKS)


def is_qualitative(target: str, actual: str) -> bool:
    """Words for the target or the result, and for the other words, a figure or nothing."""
    cells = (target.strip(), actual.strip())
    return any(in_words(cell) for cell in cells) and \
        all(in_words(cell) or FIGURE.search(cell) or cell in ("", *NO_VALUE) for cell in cells)


def cell_start(cells: list[str], place: int) -> int:
    """Where a cell begins in its row as the review shows it (the cells joined by CELL_BREAK)."""
    return sum(len(cell) + len(CELL_BREAK) for cell in cells[:place])


def table_figures(section: Section, rows: list[str], catalogue: Catalogue) -> list[Figure]:
    """Each row of an indicator table: its target, actual, weight and score, the indicator told by its name."""
    found, places = [], None
    levels = {"level1": "", "level2": ""}  # a cell merged down the rows is written in its first row only
    for line in rows:
        cells = line.split("\t")
        header = table_columns(cells)
        if header is not None:
            places = header
            continue
        if places is None or len(cells) <= max(places.values()) or is_total_row(cells):
            continue  # the total row is the whole score's (`total_row_figures`)
        levels.update({level: cells[places[level]].strip() for level in levels
                       if level in places and cells[places[level]].strip()})
        name = cells[places["name"]].strip()
        figures = {}
        for role in ("target", "actual", "weight", "score"):
            if role in places:
                matched = FIGURE.search(cells[places[role]]) or re.search(r"(?P<number>\d+(?:\.\d+)?)", cells[places[role]])
                if matched:
                    figures[role] = matched
        target_cell, actual_cell = cells[places["target"]], cells[places["actual"]]
        qualitative = bool(figures.keys() & {"weight", "score"}) and is_qualitative(target_cell, actual_cell)
        words = {role: cells[places[role]].strip() for role in ("target", "actual")
                 if qualitative and in_words(cells[places[role]])}
        unit_cell = cells[places["unit"]].strip() if "unit" in places else ""
        unit = next((unit_of(m) for r, m in figures.items()
                     if r in ("target", "actual") and "unit" in m.groupdict() and m.group("unit")),
                    UNIT_ALIASES.get(unit_cell, unit_cell) if is_unit(unit_cell) else "")  # 架次, 元/人
        unit = unit or (QUALITATIVE_UNIT if words else "")
        indicator = catalogue.match(name, "", unit) if unit else None
        relation = cells[places["relation"]] if "relation" in places else ""
        proposed = None
        if indicator is None and unit and name and (figures.keys() & {"target", "actual"} or words):
            proposed = new_indicator(name, unit, levels, relation + cells[places["target"]])
            indicator = (proposed.code, name)
        elif indicator is not None and indicator[0] in catalogue.proposals:  # the prose's before: the form's groups,
            own = new_indicator(name, unit, levels, relation + cells[places["target"]])  # and its ≤ if it says so
            prose = catalogue.proposals[indicator[0]]
            proposed = replace(prose, level1=own.level1, level2=own.level2,
                               direction="lower" if "lower" in (own.direction, prose.direction) else prose.direction)
        for role in TABLE_KINDS:
            if role in figures:
                matched = figures[role]
                start = cell_start(cells, places[role]) + matched.start()
                found.append(Figure(section.key, section.ref, CELL_BREAK.join(cells), start,
                                    start + len(matched.group(0)), matched.group("number"),
                                    "分" if role in ("weight", "score") else unit, qualifier_of(matched),
                                    kind=TABLE_KINDS[role] if indicator else UNCLASSIFIED,
                                    indicator_code=indicator[0] if indicator else None, name=name,
                                    new_indicator=proposed))
            elif role in words and indicator:
                start = cell_start(cells, places[role]) + cells[places[role]].index(words[role])
                found.append(Figure(section.key, section.ref, CELL_BREAK.join(cells), start, start + len(words[role]),
                                    words[role], "", None, kind=TABLE_TEXT_KINDS[role], indicator_code=indicator[0],
                                    name=name, new_indicator=proposed))
    return found


def cell_figure(section: Section, cells: list[str], place: int, number: str, unit: str, kind: str,
                name: str) -> Figure:
    """The figure of one whole cell of a table row."""
    start = cell_start(cells, place)
    return Figure(section.key, section.ref, CELL_BREAK.join(cells), start, start + len(cells[place]), number, unit,
                  None, kind=kind, name=name)


GROUP_MARKS = re.compile(r"[（(](\d+(?:\.\d+)?)分[)）]$")  # 投入（20分）, 产出指标(40分)


def group_marks_figures(section: Section, rows: list[str]) -> list[Figure]:
    """The full marks of each first-level group a form's table writes in its group's cell (投入（20分） | 目标设定 |
    …), once for each group: a form of 投入 and 过程 states them nowhere else."""
    found: dict[str, Figure] = {}
    for line in rows:
        cells = line.split("\t")
        for place, cell in enumerate(cells):
            marks, group = GROUP_MARKS.search(cell.strip()), group_cell(cell)
            if marks and group and group not in found:
                found[group] = cell_figure(section, cells, place, marks.group(1), "分", MAX_SCORE, group)
    return list(found.values())


def group_cell(cell: str) -> str | None:
    """The first-level group a table's cell is, written as a form writes it (产出指标, 投入类指标, 投入（20分）)."""
    group = HEADER_NOISE.sub("", cell).removesuffix("指标").removesuffix("类")
    return group if group in ALL_LEVEL1_GROUPS else None


def total_row_figures(section: Section, rows: list[str]) -> list[Figure]:
    """The whole score the form's total row states, and its full marks when it gives both. A Word cell merged
    across the columns of the names (总分 | 总分 | 总分 | 100 | 99.77) is the one name."""
    found = []
    for line in rows:
        cells = line.split("\t")
        if not is_total_row(cells):
            continue
        filled = [place for place, cell in enumerate(cells) if cell.strip()]
        values = [place for place in filled if HEADER_NOISE.sub("", cells[place]) not in TOTAL_ROW_NAMES]
        kinds = [MAX_SCORE, SCORE] if len(values) == 2 else [SCORE]
        found += [cell_figure(section, cells, place, cells[place].strip(), "分", kind, TOTAL_ROW)
                  for place, kind in zip(values, kinds)]
    return found


# The form's table of 预算执行情况: 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, of which the row of
# 年度资金总额 is the whole; its other rows (其中：当年财政拨款, 上年结转资金) say where the money came from
BUDGET_TABLE_HEADERS = {BUDGET: ("年初预算数", "年初预算", "预算数", "预算金额", "预算资金"),
                        ADJUSTED_BUDGET: ("全年预算数", "调整后预算数", "全年预算", "调整后预算"),
                        SPENDING: ("全年执行数", "执行数", "实际支出数", "实际支出", "实际支出金额", "支出金额", "执行金额",
                                   "实际执行数", "决算数"),
                        MAX_SCORE: ("分值",), SCORE: ("得分",)}
# A table of projects (项目名称 | 预算数 | 实际支出): each row one of 项目支出's projects, by its name
PROJECT_NAME_HEADERS = ("项目名称", "项目名", "支出项目", "项目支出名称")
WHOLE_FUNDS = ("年度资金总额", "资金总额", "部门整体支出")
BUDGET_HEADER_NAMES = {name for names in BUDGET_TABLE_HEADERS.values() for name in names} | set(BUDGET_RATE_HEADERS)
# The money unit a table's amounts are in, as its title, header or the line before it says: 万元 anywhere, or 元
# as a unit is written (单位：元, 全年执行数（元）), not inside a word (单元)
MONEY_UNITS_STATED = (("万元", re.compile(r"万元")), ("元", re.compile(r"(?:单位[：:]\s*|[（(])元[）)]?")))


def money_unit_stated(text: str) -> str | None:
    return next((unit for unit, stated in MONEY_UNITS_STATED if stated.search(text)), None)


def budget_columns(cells: list[str]) -> dict[str, int] | None:
    """The places of the columns of a 预算执行情况 table's header, when the cells are one."""
    named = {kind: place for place, cell in enumerate(cells) for kind, names in BUDGET_TABLE_HEADERS.items()
             if HEADER_NOISE.sub("", cell) in names}
    return named if {BUDGET, SPENDING} <= set(named) or {ADJUSTED_BUDGET, SPENDING} <= set(named) else None


def budget_table_figures(section: Section) -> list[Figure]:
    """The budget, adjusted budget and spending of the whole (年度资金总额, 合计) and of the template's items (基本支出,
    项目支出, the 三公 items) from a 预算执行情况 table, and 预算执行's score and full marks from the whole's row, when
    the section's title, the table or the lines before it say the money unit (a figure without its unit is no
    amount; 元 are taken where 0.01万元 holds them exactly, as in prose: `amount_in_wan_yuan`); and the projects of
    a table of projects."""
    found: list[Figure] = []
    table: tuple[list[str], dict[str, int], str | None, list[list[str]]] | None = None
    money_unit = money_unit_stated(section.title)
    for line in [*section.body, ""]:  # the last line ends the last table
        cells = [cell.strip() for cell in line.split("\t")]
        named = budget_columns(cells)
        if table is not None and (named is not None or "\t" not in line):
            found += budget_rows_figures(section, *table)
            table = None
        if named is not None:
            money_unit = money_unit or money_unit_stated(line)
            table = (cells, named, money_unit, [])
        elif "\t" not in line:
            money_unit = money_unit_stated(line)  # 单位：万元, the line before the table
        elif table is not None:
            table[3].append(cells)
    return found


def budget_rows_figures(section: Section, header: list[str], places: dict[str, int], money_unit: str | None,
                        rows: list[list[str]]) -> list[Figure]:
    """The figures of one 预算执行情况 table (or table of projects) under its header. Its 合计 is the whole of the
    items it lists: of 基本支出 and 项目支出 the department's, of the 三公 items 三公经费 (`table_whole`)."""
    first_value = min(places.values())
    of_projects = any(HEADER_NOISE.sub("", cell) in PROJECT_NAME_HEADERS for cell in header[:first_value])
    items = [project_row_item(cells[:first_value]) if of_projects else budget_row_item(cells[:first_value])
             for cells in rows]
    # a table of 收入 (财政拨款收入, 事业收入 … 合计) sums money come in, not spent
    of_income = any("收入" in "".join(cells[:first_value]) for cells in [header, *rows])
    whole = None if of_projects or of_income else table_whole(items)
    found = []
    for cells, item in zip(rows, items):
        item = whole if item == TABLE_SUM else item
        for kind, place in places.items() if item or of_projects or whole is None else ():
            number = ascii_figures(cells[place]).replace(",", "") if place < len(cells) else ""
            is_score = kind in (SCORE, MAX_SCORE)
            if not NUMBER_CELL.match(number) or is_score and of_projects:
                continue
            if is_score and item == TOTAL_SPENDING or not is_score and money_unit:
                figure = cell_figure(section, cells, place, number, "分" if is_score else money_unit, kind,
                                     BUDGET_EXECUTION if is_score else item or "".join(cells[:first_value]))
                # 24,445,512.34元, and a sum whose whole the table does not tell: for a person
                exact = is_score or amount_in_wan_yuan(figure) is not None and item is not None
                found.append(replace(figure, listed_under="project" if of_projects else None) if exact
                             else replace(figure, kind=UNCLASSIFIED))
    return found


TABLE_SUM = "合计"  # a table's row of its sum (合计, 总计), whose item the table's other rows tell


def table_whole(items: list[str | None]) -> str | None:
    """The item a table's 合计 row is: the one the template's items of its other rows are parts of (the whole for
    基本支出 and 项目支出, 三公经费 for its three), the whole when it lists none, else none."""
    parents = {template_item(item)[1] for item in items if item not in (None, TABLE_SUM, TOTAL_SPENDING)}
    if not parents or parents == {"total"}:
        return TOTAL_SPENDING
    if len(parents) > 1 or None in parents:
        return None
    [parent] = parents
    return next(name for name, (code, _, _) in SPENDING_ITEMS.items() if code == parent)


def project_row_item(names: list[str]) -> str | None:
    """The project a row of a table of projects names, None for its sum (合计, 小计)."""
    name = next((name for name in names if name), "")
    return None if not name or HEADER_NOISE.sub("", name) in (*TOTAL_WORDS, "小计") else name


def budget_row_item(names: list[str]) -> str | None:
    """The spending item a row of the 预算执行情况 table is: the whole (年度资金总额), its sum (合计: TABLE_SUM), an
    item of the template (基本支出, 其中：项目支出), or none (其中：当年财政拨款 says where money came from)."""
    for name in names:
        plain = re.sub(r"^其中[：:]?", "", HEADER_NOISE.sub("", name))
        if plain in WHOLE_FUNDS:
            return TOTAL_SPENDING
        if plain in TOTAL_WORDS:
            return TABLE_SUM
        written = re.sub(r"^其中[：:]?", "", re.sub(r"\s", "", name))  # 因公出国（境）费: its brackets are its own
        item = next((words for words in (plain, written) if words and template_item(words) is not None), None)
        if item:
            return item
    return None


def new_indicator(name: str, unit: str, levels: dict[str, str], target_cell: str) -> NewIndicator:
    """The indicator a table row names, as the catalogue would hold it: its group from 一级指标 (产出指标 → 产出),
    its category from 二级指标, lower-is-better when its target says so (≤5%, 控制在3起以内)."""
    return NewIndicator(name, unit, group_cell(levels["level1"]) or "", levels["level2"],
                        "lower" if LOWER_IS_BETTER.search(target_cell) else "higher")


# 部门收支情况, （三）预算执行情况 speak of spending too, and so does 经济性 in a report in the 4E outline (经济性,
# 效率性, 效果性, 公平性): its budget execution and its 三公经费
SPENDING_TITLE_WORDS = ("支出", "经费", "收支", "预算执行", "经济性")


def is_spending_section(section: Section) -> bool:
    """一(二) and 二 of the template speak of spending (支出, 经费, 收支, 预算执行); chapter 四 speaks of
    performance (绩效)."""
    return any(word in section.title for word in SPENDING_TITLE_WORDS) and "绩效" not in section.title


def sentence_figures(section: Section, titles: list[str], sentence: str, catalogue: Catalogue, spending_section: bool,
                     said_before: list[Figure]) -> list[Figure]:
    """The figures of one sentence, classified; `said_before` are those of the section's sentences before it."""
    period = PERIOD.search(sentence)
    figures: list[Figure] = []
    previous_end = 0
    for matched in FIGURE.finditer(sentence):
        unit = unit_of(matched)
        after_text = sentence[matched.end():]
        if matched.group("after") and NAME_AFTER.match(after_text):
            continue  # 5000万元以上项目: part of a name
        if sentence[matched.end():matched.end() + 1] in ("年", "月", "日", "号") or \
                sentence[matched.start("number") - 1:matched.start("number")] == "第":
            continue  # a date, or an ordinal: 第3批, 第2名
        clause = clause_before(sentence, matched.start())
        clause_end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence, matched.end())), len(sentence))
        figure = Figure(section.key, section.ref, sentence, matched.start(), matched.end(), matched.group("number"),
                        unit, qualifier_of(matched),
                        period=period.group(0) if period and period.start() < matched.start() else None)
        figure = classified(figure, sentence[:matched.start()], clause, sentence[matched.end():clause_end],
                            sentence[previous_end:matched.start()], figures, said_before, catalogue, spending_section)
        if figure.kind == UNCLASSIFIED:
            pair = stated_pair(figure, clause, sentence[matched.end():clause_end], figures)
            if pair is not None:
                position, figures[position], figure = pair
        if figure.kind == UNCLASSIFIED and not spending_section:
            figure = listed_target(figure, clause, sentence[:matched.start()]) or figure
        if figure.kind == UNCLASSIFIED and figures:
            completed = stated_completion(figure, sentence[previous_end:matched.start()], figures)
            if completed is not None:
                given, figure = completed
                figures[len(figures) - len(given):] = given
        if figure.kind == UNCLASSIFIED and figures and not spending_section:
            grown = stated_growth(figure, sentence[previous_end:matched.start()], figures[-1])
            if grown is not None:
                figures[-1], figure = grown
        figures.append(figure)
        previous_end = matched.end()
    levels = prose_levels(titles, sentence)
    return [replace(f, new_indicator=replace(f.new_indicator, **levels))
            if f.new_indicator is not None and any(levels.values()) else f
            for f in bounds_before_actuals(figures)]


def bounds_before_actuals(figures: list[Figure]) -> list[Figure]:
    """An actual of an indicator said as a bound (控制在3.5%以内, 稳定在45万亩以上) and followed in its sentence by
    that indicator's actual said as one (实际为2.8%): the bound is the target. Read alone, the first stood as the
    actual and the true one was dropped."""
    read = list(figures)
    for place, (first, second) in enumerate(zip(read, read[1:])):
        if first.kind == ACTUAL and second.kind == ACTUAL and first.indicator_code == second.indicator_code and \
                "实际" in clause_before(second.sentence, second.start) and \
                TARGET_WORDING.search(clause_before(first.sentence, first.start).replace(first.name, "") +
                                      first.sentence[first.end:first.end + 2] + (first.qualifier or "")):
            read[place] = replace(first, kind=TARGET, is_estimate=False)
    return read


# A group of another framework leads the words that name it (其中投入指标18分, 过程类指标（20分）): within them it
# is a part (预算管理得分8分 is part of 过程, 项目决策 of 决策)
OTHER_GROUP_LEAD = re.compile(rf"^(?:其中)?[：:]?\s*{LIST_NUMBER}?\s*({'|'.join(OTHER_LEVEL1_GROUPS)})类?(?:指标)?")


def group_named(words: str) -> str | None:
    """The first-level group the words name: one of the self-evaluation's anywhere in them (产出指标得分,
    预算执行情况), one of another framework's (投入, 过程, 决策 …) only as their lead."""
    lead = OTHER_GROUP_LEAD.match(words.strip())
    return lead.group(1) if lead else next((group for group in LEVEL1_GROUPS if group in words), None)


# 1.数量指标：…, （2）社会效益：…: the group a sentence of a report's 产出指标 or 效益指标 section speaks of
LEVEL2_LEAD = re.compile(rf"^{LIST_NUMBER}?\s*([\u4e00-\u9fff]{{2,8}}(?:指标|效益))[：:]")


def prose_levels(titles: list[str], sentence: str) -> dict[str, str]:
    """An indicator proposed from prose takes its group and category from where the report states it, as a
    table row does from 一级指标 and 二级指标: the sentence's lead (1.数量指标：) or its section's title ((三)
    满意度指标), and the group (产出, 效益, 满意度) those name or, failing them, the nearest section around it
    names (2.质量指标 inside （一）产出指标). `titles`: the section's own, then those enclosing it outwards."""
    plain = [heading[2].strip() if (heading := numbered(title)) else title for title in titles]  # （三）满意度指标 → 满意度指标
    lead = LEVEL2_LEAD.match(sentence)
    level2 = lead.group(1) if lead else plain[0] if re.search(r"(?:指标|效益|满意度)$", plain[0]) else ""
    level1 = next((group for text in (plain[0], level2, *plain[1:]) if (group := group_named(text))), "")
    return {"level1": level1, "level2": level2}


TOTAL_WORDS = ("合计", "总计")  # after the groups' scores: their sum, the whole score


def score_lead_group(before_sentence: str) -> str | None:
    """The group a statement's lead names before its colon: 效益指标（30分）：得分28.5分 is 效益's score."""
    lead, colon, _ = before_sentence.rsplit("；", 1)[-1].partition("：")
    return group_named(lead) if colon else None


def clause_before(sentence: str, start: int) -> str:
    """The words of a figure's clause before it: since the sentence's last break (，；：、 or an opening bracket:
    52公里（目标50公里）) before `start`."""
    return sentence[max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, start)), default=0):start]


def clause_ahead(sentence: str, start: int) -> str:
    """The clause before the one of a figure at `start`, when it holds no figure: 城镇新增就业人数 in
    指标1：城镇新增就业人数，年度目标1000人, 目标值 in 目标值：开展职业技能培训3000人次; "" otherwise."""
    end = start - len(clause_before(sentence, start)) - 1
    if end < 0:
        return ""
    ahead = clause_before(sentence, end)
    return "" if FIGURE.search(ahead) else ahead


def classified(figure: Figure, before_sentence: str, clause: str, after: str, since_previous: str,
               earlier: list[Figure], said_before: list[Figure], catalogue: Catalogue, spending_section: bool) -> Figure:
    """What the figure is, from the words around it (docs/architecture.md, "Importing a report"): `earlier` are
    the sentence's figures before it, `said_before` those of the section's sentences before."""
    estimate = any(cue in clause for cue in ESTIMATE_CUES) or any(
        cue in before_sentence for cue in ESTIMATE_CUES) and not earlier
    last = next((f for f in reversed(earlier) if f.indicator_code), None)
    if figure.unit == "分":
        words = clause if clause.strip() else since_previous  # 自评得分：95分: the words before the colon
        # the clause with the words before a bracket: 预算执行15分（满分20分）, 产出指标（50分）：得分48分
        outer_clause = re.split(f"{NOT_THOUSANDS}[{CLAUSE_MARKS}]", before_sentence)[-1]
        bracketed_group = since_previous.endswith(("（", "(")) and group_named(outer_clause)
        if FULL_MARKS.search(since_previous) or bracketed_group:
            return replace(figure, kind=MAX_SCORE, name=group_named(outer_clause) or TOTAL_ROW)
        if words.strip().startswith(TOTAL_WORDS) and any(f.kind == SCORE for f in [*said_before, *earlier]):
            return replace(figure, kind=SCORE, name=TOTAL_ROW)  # …预算执行（10分）：得分9.8分。合计95.8分。
        # 产出指标（50分）：得分48分 is the lead's group; …，其中数量指标得分20分 names a part of it, no group
        names_a_part = re.sub("|".join(SCORE_WORDS) + r"|[为是：:\s]", "", words)
        group = group_named(words) or ("总" if "总" in words else None) or \
            (score_lead_group(before_sentence) if any(word in words for word in SCORE_WORDS) and not names_a_part
             else None)
        said_whole = any(cue in words for cue in WHOLE_SCORE_CUES) or not any(f.kind == SCORE for f in earlier) \
            and any(cue in before_sentence for cue in WHOLE_SCORE_CUES)  # 自评结果：得分96分, not 其中数量指标得分20分
        if group is None and said_whole and any(word in words for word in SCORE_WORDS):
            group = "总"  # 绩效自评得分为92.5分, 综合评分95分: the score of the whole, no group named
        # 得分为94.5分。其中：预算执行情况18.5分，产出指标37分: the groups of the score just stated
        parts_of_score = before_sentence.startswith("其中") and any(f.kind == SCORE for f in said_before)
        if group is not None and (parts_of_score or any(word in before_sentence for word in SCORE_WORDS)):
            return replace(figure, kind=SCORE, name=TOTAL_ROW if group == "总" else group)
        return figure
    if figure.unit == "%" and GROWTH.search(since_previous.rstrip("为了达")) and last is not None and \
            earlier[-1] is last and last.kind not in (TARGET, GROWTH_RATE):  # the change of the actual just before it
        return as_growth(figure, since_previous, last)
    if figure.unit == "%" and AGAINST_LAST_YEAR.search(since_previous.rstrip("为了达")) and \
            not said_as_target(before_sentence, clause):  # 固定资产投资同比增长10.63%: the figure itself unsaid
        named = catalogue.match(last_clause(since_previous), "", None)
        if named is not None:
            return as_growth(figure, since_previous, replace(figure, indicator_code=named[0], name=named[1],
                                                             new_indicator=catalogue.proposals.get(named[0])))
    # 普及率目标值90%，实际完成92.5%: the rate's actual, not how much of its target. The count just before must be the
    # indicator's: after 体检2.15万人 (named by no indicator yet), 完成年度任务的107.5% is its own (stated_completion).
    if figure.unit == "%" and re.search(r"(的|完成|完成率|完成率为|完成了)$", since_previous) and last is not None \
            and earlier[-1] is last and "实际" not in clause:
        return replace(figure, kind=STATED, indicator_code=last.indicator_code, name=last.name)
    if spending_section and amount_in_wan_yuan(figure) is not None and not figure.qualifier:  # not 500余万元
        # 基本支出年初预算1000万元，调整后预算1100万元，实际支出1050万元: the item named before the figure, else
        # the one the sentence spoke of last, else the whole, unless the sentence is about a project of its own
        spoken_of = next((f.name for f in reversed(earlier) if f.kind in SPENDING_COLUMNS),
                         sentence_subject(before_sentence))
        budget = BUDGET_WORDS.search(since_previous)
        if budget:
            name = item_before(since_previous[:budget.start()], spoken_of)
            return replace(figure, kind=ADJUSTED_BUDGET if budget.group("adjusted") else BUDGET, name=name) \
                if name else figure
        executed = EXECUTED_WORDS.search(since_previous)
        name = item_before(since_previous[:executed.start()], spoken_of) if executed \
            else spending_name(since_previous) or project_named(since_previous, [*said_before, *earlier])
        if name:
            return replace(figure, kind=SPENDING, name=name)
    if after.startswith("任务") and last is not None:  # 完成年度25亿元任务的56.08%
        return replace(figure, kind=TARGET, indicator_code=last.indicator_code, name=last.name)
    if passed_by(clause):  # 超出年度目标100.15万元: by how much, of no indicator as it stands
        return replace(figure, is_estimate=estimate)
    targeted = said_as_target(before_sentence, clause)
    words = clause
    named_here = named_by(clause)[0]
    # 计划新开工项目14个，实际完成12个; 计划改造薄弱学校8所，实际改造8所: the indicator the sentence spoke of
    if last is not None and last.unit != figure.unit:  # 完成危房改造120户，完成率为120%（年度目标100户）: past its rate
        last = next((f for f in reversed(earlier) if f.indicator_code == last.indicator_code and f.unit == figure.unit),
                    last)
    if not named_here or last is not None and len(named_here) >= 2 and named_here in last.name:
        if last is not None and last.unit == figure.unit:
            return replace(figure, kind=TARGET if targeted else ACTUAL, indicator_code=last.indicator_code,
                           name=last.name, is_estimate=estimate and not targeted, new_indicator=last.new_indicator)
        words = re.sub(r"[：:]", "", since_previous)  # 群众满意度：目标值≥95%: its subject before the colon
    matched = catalogue.match(words if words.strip() else since_previous, after, figure.unit)
    if matched is None:
        proposed = rate_named(words, after, figure.unit)
        if proposed is None:
            return replace(figure, is_estimate=estimate)
        matched = proposed.code, proposed.name
    else:
        proposed = catalogue.proposals.get(matched[0])  # named again: the figure carries the proposal too
    code, words = matched
    targeted = said_as_target(before_sentence, clause, words)
    return replace(figure, kind=TARGET if targeted else ACTUAL, indicator_code=code, name=words,
                   is_estimate=estimate and not targeted, new_indicator=proposed)


def as_growth(figure: Figure, since_previous: str, count: Figure) -> Figure:
    """`figure` as the stated change of `count`'s indicator: negative when the words say it fell."""
    falling = any(word in since_previous.rstrip("为了达")[-4:] for word in ("下降", "减少"))
    return replace(figure, kind=GROWTH_RATE, indicator_code=count.indicator_code, name=count.name,
                   new_indicator=count.new_indicator, number=("-" if falling else "") + figure.number)


def said_as_target(before_sentence: str, clause: str, name: str = "") -> bool:
    """A sentence of 目标, 任务, 计划, 力争 or 拟 gives targets, unless the figure's clause says 预计, 已, 实际 or
    累计. The indicator's own name does not count: 各项工作目标完成率100% and 计划生育服务覆盖率95% are actuals."""
    words = statement_of(normalised(before_sentence))
    at = words.rfind(name) if name else -1
    if at >= 0:
        words = words[:at] + words[at + len(name):]
    return any(cue in words for cue in TARGET_CUES) and not any(cue in clause for cue in ACTUAL_OVERRIDES)


def statement_of(before: str) -> str:
    """The words of the statement a figure belongs to: a ； ends one statement of a sentence and begins the
    next (…，年度目标3万人；家庭医生签约服务覆盖率达到45.6%: no target), while the lead before a colon speaks for
    every statement after it (重点工作目标有：…；完成固定资产投资30.22亿元)."""
    lead, colon, rest = before.replace(":", "：").rpartition("：")
    return lead + colon + rest.rsplit("；", 1)[-1] if colon and "；" not in lead else before.rsplit("；", 1)[-1]


# A rate or a degree the report names in a sentence (家庭医生签约服务覆盖率, 学生满意度) the catalogue lacks: the
# words before the figure without what leads up to it (全年完成) and what links it (达到, 目标值, ≥). Only names
# of this form are proposed from prose: other words before a number are too loose to name an indicator by.
RATE_NAME = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z（）()]{2,24}(?:率|满意度|比例|占比|水平)$")  # 居民健康素养水平
RATE_LEAD = re.compile(rf"^(?:.*[：:])?(?:其中)?{LIST_NUMBER}?(?:高于|低于|超过|超出|优于|较|比)?(?:现|目前|预计)?"
                       r"(?:(?:年初设定目标|年初|年度目标|全年|年度|全县|全区|累计|实际)(?:为|是)?)?"  # 年度目标为培训农民
                       r"(?:预计|已经|已)?(?:实际)?(?:完成|实现|达到)?")  # 现已实际到位资金: 到位资金  # 高于目标值95%, 超过年初目标（90%）: a comparison leads to the target
RATE_LINK = re.compile(r"(?:年度目标值|年度目标|目标值|目标|任务|计划|实际完成值|实际值|实际|完成|为|达到|达|控制在|保持在|稳定在|不低于|不高于|"
                       r"不超过|以上|以内|[≥≤><=＞＜（(])*$")
GENERIC_RATES = ("完成率", "执行率", "预算执行率", "增长率", "增速", "占比", "比率")
# 各项工作目标完成率, 综合得分率: how far the targets were met or the score reached, no indicator
GENERIC_COMPLETION = ("目标完成率", "任务完成率", "得分率")


def named_by(clause: str) -> tuple[str, str]:
    """The words a clause names its figure by, without what leads up to it (全年完成) and what links it (达到,
    目标值, ≥), and those linking words: 实际值 is a link, not 实际 + 值."""
    text = clause.strip()
    link = RATE_LINK.search(text).group(0)
    return RATE_LEAD.sub("", text[:len(text) - len(link)]), link


SURVEYED = re.compile(r"(?:调查|测评)(?:结果)?$")


def rate_named(clause: str, after: str, unit: str) -> NewIndicator | None:
    """The indicator a percentage's clause names (家庭医生签约服务覆盖率达到45%); None when the words name no
    rate. Lower is better when the words linking name and figure, or those after it, say so (控制在10%以内), not
    the name (3岁以下儿童…)."""
    if unit not in RATE_UNITS:  # 婴儿死亡率3.2‰, 孕产妇死亡率10/10万
        return None
    name, link = named_by(clause)
    name = SURVEYED.sub("", name)  # 群众满意度调查结果为98.2%
    if not RATE_NAME.match(name) or name in GENERIC_RATES or name.endswith(GENERIC_COMPLETION) or "预算" in name:
        return None
    lower = LOWER_IS_BETTER.search(link + after) or name.endswith(LOWER_RATES)
    return NewIndicator(name, unit, "", "", "lower" if lower else "higher")


# Rates whose names say that less is better, whatever the words around their figure
LOWER_RATES = ("死亡率", "发病率", "发生率", "失业率", "事故率", "投诉率", "差错率", "返贫率", "辍学率")


# A count stated beside its target in one sentence: the words linking the second figure say which of the two
# is the target (年度目标, 目标值≥ / 实际, 完成); the first, when the second is the actual, must read as one
# (目标, 计划, 以上, 稳定在 …).
PAIR_ACTUAL_LINK = re.compile(r"实际|完成|达到?")
TARGET_WORDING = re.compile("|".join((*TARGET_CUES, "以上", "以内", "不低于", "不少于", "不高于", "不超过", "稳定在",
                                      "保持在", "控制在", "[≥≤]")))
# 计划新建校舍, 计划完成出口, 全年共办理案件: the lead words before the thing counted; 共 only before a verb (共青团员 keeps it)
PAIR_NAME_LEAD = re.compile(r"^(?:(?:年内|今年|年度|全年)?(?:计划|目标|力争|拟)(?:完成|实现|达到)?|共计|累计|共(?=办理|完成|开展|举办|组织|召开|培训|接待|发放|新增|实施|"
                            r"受理|处理|查处|检查|建成|新建|实现|引进|争取|帮扶|救助|走访|调解))")
PAIR_NAME = re.compile(r"^[\u4e00-\u9fff0-9A-Za-z（）()“”]{2,24}$")  # 完成“三地”整改


# 超出年度目标6公里, 比计划多3所: by how much the target was passed, not the target (超过年度目标30.22亿元 may
# say either, and is left for a person); the target itself in brackets is read, 超过年初目标（90%）
BEYOND_TARGET = re.compile(r"超出|超过|超额|多出|比[^，。；]*多|较[^，。；]*(?:增加|减少|多|少)")


# 完成年度任务2万亩, 完成省定目标38万吨: when or by whom the target was set names no other thing
NAMES_NOTHING = re.compile(r"^(?:年度|全年|年初|本年度?|(?:省|市|县)(?:定|级|下达)|上级下达|下达)$")


def passed_by(clause: str) -> bool:
    return bool(BEYOND_TARGET.search(clause)) and not clause.rstrip().endswith(("（", "("))


def count_named(clause: str) -> str | None:
    """The indicator a count's clause names (计划新建校舍, 全年共办理案件, 其中亿元以上项目: 新建校舍, 办理案件,
    亿元以上项目), or None when its words name none: too long, a figure in them, or words of change or share."""
    name = re.sub(r"^(?:完成|实现)", "", PAIR_NAME_LEAD.sub("", re.sub(r"^其中", "", named_by(clause)[0])))
    return name if PAIR_NAME.match(name) and not NOT_AN_ITEM.search(name) else None


def proposed_as(figure: Figure, kind: str, proposed: NewIndicator) -> Figure:
    return replace(figure, kind=kind, indicator_code=proposed.code, name=proposed.name, new_indicator=proposed)


def stated_pair(figure: Figure, clause: str, after: str,
                earlier: list[Figure]) -> tuple[int, Figure, Figure] | None:
    """A count and its target in one sentence, as a new indicator (完成高标准农田建设2.5万亩，年度目标2万亩;
    粮食播种面积稳定在45万亩以上，实际46.3万亩): `figure`'s clause only links (年度目标, 实际) and the figure
    before it in the same unit, unclassified, is named by its clause. Returns that figure's place in `earlier`,
    it as target or actual, and `figure` as the other. Words before a count alone are too loose to propose an
    indicator by (内设股室8个); a target beside the count says the report measures it. The second clause may repeat
    the verb of the name (完成薄弱学校改造8所，计划改造8所)."""
    if figure.unit in SPENDING_UNITS or figure.unit in (*RATE_UNITS, "分"):
        return None  # percentages are named as rates (rate_named), money and scores otherwise
    if not clause.strip():  # 实际完成值：3,260人次: the words before the colon link it
        clause = clause_ahead(figure.sentence, figure.start)
    name_here, link = named_by(clause)
    name_here = NAMES_NOTHING.sub("", name_here)
    here_is_target = any(cue in clause for cue in TARGET_CUES)  # link words only (实际完成, 年度目标值≥)
    if not here_is_target and not PAIR_ACTUAL_LINK.search(clause) or passed_by(clause):
        return None
    position = next((p for p in range(len(earlier) - 1, -1, -1) if earlier[p].unit == figure.unit), None)
    if position is None or earlier[position].kind != UNCLASSIFIED:
        return None
    other = earlier[position]
    if in_a_list_of_parts(other, earlier[:position]):
        return None
    other_clause = clause_before(other.sentence, other.start)
    name = count_named(other_clause)
    ahead = clause_ahead(other.sentence, other.start)
    if name is None and not named_by(other_clause)[0]:  # 城镇新增就业人数，年度目标1000人: named the clause before
        name, other_clause = count_named(ahead), ahead + other_clause
    elif other.sentence[max(other.start - len(other_clause) - 1, 0)] in "：:":  # 目标值：开展职业技能培训3000人次
        other_clause = ahead + other_clause
    repeated = PAIR_NAME_LEAD.sub("", name_here)
    led = PAIR_NAME_LEAD.match(name_here) or clause.strip().startswith("实际")  # 计划改造8所, 实际新建12个
    if name_here and not (name and len(repeated) >= 2 and repeated in name and led):
        return None
    # the name's own words do not count: 65岁以上老年人健康体检 says no 以上 of the count
    other_words = other_clause.replace(name or "", "")
    other_is_target = bool(TARGET_WORDING.search(other_words + (other.qualifier or "")))
    if here_is_target and not any(cue in other_words for cue in TARGET_CUES):
        other_is_target = False  # 稳定在38.5万吨，完成省定目标38万吨: beside a target said as one, a bound is the actual
    if name is None or here_is_target == other_is_target:
        return None
    target_words = link + after if here_is_target else named_by(other_clause)[1] + (other.qualifier or "")
    proposed = NewIndicator(name, figure.unit, "", "", "lower" if LOWER_IS_BETTER.search(target_words) else "higher")
    return (position, proposed_as(other, TARGET if other_is_target else ACTUAL, proposed),
            proposed_as(figure, TARGET if here_is_target else ACTUAL, proposed))


def stated_completion(figure: Figure, since_previous: str,
                      earlier: list[Figure]) -> tuple[list[Figure], Figure] | None:
    """A count and how much of its target it is, as a proposed indicator: 完成造林面积1.2万亩，为年度任务的120%
    (the count before `figure`, named by its clause, with `figure` as its stated rate), or 完成造林1.2万亩，完成年度
    2万亩任务的60% (a count, then its target followed by 任务). Returns the last figures of `earlier` given to the
    indicator, and `figure`; None when the words name nothing, or money named as spending."""
    if figure.unit != "%" or not STATED_COMPLETION.search(since_previous):
        return None
    *before, last = earlier
    stated_target = last.sentence[last.end:].startswith(("任务", "目标"))  # 完成年度25亿元任务的56.08%
    count = before[-1] if stated_target and before else last
    if stated_target and (count is last or count.unit != last.unit or last.kind != UNCLASSIFIED):
        return None  # 完成年度25亿元任务的56.08% alone: the target, and no count named before it
    proposed = count_proposal(count)
    if proposed is None:
        return None
    given = [proposed_as(count, ACTUAL, proposed), *([proposed_as(last, TARGET, proposed)] if stated_target else [])]
    return given, proposed_as(figure, STATED, proposed)


def stated_growth(figure: Figure, since_previous: str, count: Figure) -> tuple[Figure, Figure] | None:
    """A count with its change on last year, as a proposed indicator with its actual and stated growth:
    预计完成规模工业总产值182.94亿元，同比增长0.21%, or 增长0.21% right after it (a change against last year says
    the report measures the count year by year). A change by an amount in the count's unit (高考本科上线2,350人，
    较上年增加120人) proposes the count too; the amount itself, which no column holds, stays for a person. None
    when the words name nothing, for money named as spending (支出, 经费) and for a target (计划…同比增长10%)."""
    by_amount = figure.unit == count.unit  # only when said against last year: …300人次，增加20人次 may be anything
    if not (figure.unit == "%" or by_amount) or \
            not (AGAINST_LAST_YEAR if by_amount else ON_LAST_YEAR).search(since_previous.rstrip("为了达")):
        return None
    proposed = count_proposal(count)
    if proposed is None or said_as_target(count.sentence[:count.start], clause_before(count.sentence, count.start),
                                          proposed.name):
        return None
    actual = proposed_as(count, ACTUAL, proposed)
    return actual, figure if by_amount else as_growth(figure, since_previous, actual)


def in_a_list_of_parts(figure: Figure, before: list[Figure]) -> bool:
    """Whether the figure is a later part of a 其中 list (完成危房改造120户，其中C级危房80户，D级危房40户): a target
    after the list is the whole's, not the last part's. The first part alone may have its own (其中亿元以上项目5个，
    年度目标5个)."""
    lead = figure.sentence.rfind("其中", 0, figure.start)
    return lead >= 0 and not re.search(r"[；。]", figure.sentence[lead:figure.start]) and \
        any(f.unit == figure.unit and f.start > lead for f in before)


def count_proposal(count: Figure) -> NewIndicator | None:
    """The indicator an unclassified count's clause names, proposed; None for a rate or a score, for words that
    name nothing and for money named as spending (支出, 经费)."""
    if count.kind != UNCLASSIFIED or count.unit in (*RATE_UNITS, "分"):
        return None
    clause = clause_before(count.sentence, count.start)
    name = count_named(clause)
    if name is None or count.unit in SPENDING_UNITS and spending_name(clause):
        return None
    return NewIndicator(name, count.unit, "", "", "higher")


# 重点工作目标有：…, 年度绩效目标为：…: a list of the year's targets, each named by its clause, and what the
# overview shows; a sentence that begins with what is planned lists targets too (年内拟处置批而未供土地51.15亩，
# 低效闲置土地262.8亩；全年计划新建校舍3所), the work of a chapter, not the year's headline
TARGET_LIST = re.compile(r"(?:目标|任务|计划)(?:有|是|为|如下)?[：:]")
PLANNED = re.compile(rf"^{LIST_NUMBER}?(?:年内|全年|今年|本年度?)?(?:拟|计划(?!生育)|力争)")


def listed_target(figure: Figure, clause: str, before_sentence: str) -> Figure | None:
    """A figure in a list of targets (园区重点工作目标有：实现税收入库4.28亿元；完成固定资产投资30.22亿元；…) as
    the target of the indicator its clause names, proposed. A later sentence naming it gives its actual (the
    catalogue grows as the report is read, `figures_of`). None outside such a list, for a score, for money
    named as spending (资金, 经费), or when the clause says 已, 实际, 预计 or 累计."""
    year_targets = bool(TARGET_LIST.search(before_sentence))
    if figure.unit == "分" or not (year_targets or PLANNED.search(before_sentence)) or \
            any(cue in clause for cue in ACTUAL_OVERRIDES):
        return None
    if figure.unit in SPENDING_UNITS and spending_name(clause):
        return None  # 主要任务：…，投入资金500万元: money to spend, no indicator
    name = count_named(clause)
    if name is None:
        return None
    return proposed_as(figure, TARGET, NewIndicator(name, figure.unit, "", "",
                                                    "lower" if LOWER_IS_BETTER.search(clause) else "higher",
                                                    is_headline=year_targets))


# spending.csv holds 万元 (data/README.md): a report's 亿元 is shifted by four places, 5.23亿元 → 52300, which
# keeps the precision the report gives. 元 only when whole 0.01万元 hold it exactly (0元, 36,000元 → 3.60);
# 1,234.56元 is left for a person.
SPENDING_UNITS = {"万元": 0, "亿元": 4}
CENT_OF_WAN_YUAN = Decimal("0.01")  # the least amount spending.csv holds


def amount_in_wan_yuan(figure: Figure) -> str | None:
    """The spending figure in 万元, or None for 元 that 0.01万元 cannot hold."""
    if figure.unit == "元":
        amount = Decimal(figure.value).scaleb(-4)
        exact = amount.quantize(CENT_OF_WAN_YUAN)
        return format(exact, "f") if exact == amount else None
    return format(Decimal(figure.value).scaleb(SPENDING_UNITS[figure.unit]), "f") if figure.unit in SPENDING_UNITS \
        else None


TOTAL_SPENDING = "部门整体支出"
# 全年预算数 is the budget after the year's adjustments (决算 tables call it so); 年初预算, or 预算 alone, the first.
# 追加预算 and 调减预算 are changes of a budget, not one.
BUDGET_WORDS = re.compile(r"(?:(?P<adjusted>全年预算|调整后预算|调整预算|预算调整后)|年初预算|(?<![追调][加增减])预算)"
                          r"(?:数|金额)?(?:为|是|共)?$")
EXECUTED_WORDS = re.compile(r"(?:执行数|实际支出数?|实际执行|决算数?)(?:为|是|共)?$")  # 全年执行数为9000.12万元, 决算数为
SPENDING_NAME = re.compile(r"([^，。；：、]*?(?:支出|经费|费用|费|资金|奖励|奖补|补助|补贴))"
                           r"(?:决算)?(?:总额|总计|合计|决算数|决算)?(?:为|共计|共|合计|是|达到|达)?$")  # 支出总额, 支出决算数为, 支出决算总额为


# Words before an amount that say how it changed or what share it is, not what it was spent on (增加值, value
# added, is a quantity of its own)
NOT_AN_ITEM = re.compile(r"^(?:共|较|比|占|其中|合计|总计)|增加(?!值)|减少|增长|下降|节约|结余|结转|上年|同比")


def last_clause(text: str) -> str:
    """The words since the last break of a sentence (，。；：、)."""
    return re.split(r"[，。；：、]", text)[-1]


def project_named(text: str, earlier: list[Figure]) -> str | None:
    """A project listed after 项目支出 in its section, by whatever name it has (项目支出1000万元，主要用于基本公共
    卫生服务项目600万元、医疗机构能力建设400万元; …，其他项目1,099.53万元): the words since the last break, when they
    name a thing."""
    if not any((template_item(f.name) or ("",))[0] == "project" for f in earlier if f.kind == SPENDING):
        return None
    tail = re.sub(rf"^(主要(?:为|是|有|包括|用于)?|包括|用于)?{LIST_NUMBER}?", "", last_clause(text)).strip()
    return tail if 2 <= len(tail) <= MAX_HEADING_CHARS and not NOT_AN_ITEM.search(tail) else None


# Money that is not spent: 收入决算数, 财政拨款预算, 年末结余 are not the spending item spoken of before them
NOT_SPENDING = re.compile(r"收入|收支|拨款|结余|结转|资产|负债")


LEAD = re.compile(rf"^{LIST_NUMBER}?([^，。；：:]+)[：:]")  # 项目支出：…, （1）农村公路建设项目：…
PROJECT_WORDS = re.compile(r"(?:项目|工程|专项|资金|经费)$")


def sentence_subject(before_sentence: str) -> str | None:
    """The spending item a sentence's budget and spending figures speak of when no item is named before them: the
    item its lead names (项目支出：年初预算…), else the whole. A lead naming one project of its own (（1）农村公路
    建设项目：预算1,600万元) gives none: its figures are left for a person, who knows which item it is."""
    lead = LEAD.match(before_sentence.strip())
    if lead is None:
        return TOTAL_SPENDING
    if template_item(lead.group(1)) is not None:
        return lead.group(1)
    return None if PROJECT_WORDS.search(lead.group(1)) else TOTAL_SPENDING


def item_before(text: str, spoken_of: str | None) -> str | None:
    """The item a budget or an executed amount belongs to: the one named right before 预算 or 决算数, else the one
    the sentence spoke of last; none when the words before it speak of other money (收入决算数为1300万元)."""
    named = spending_name(text)
    if named:
        return named
    return None if NOT_SPENDING.search(last_clause(text)) else spoken_of


# Money a department brings in rather than spends (争取上级资金, 招商引资到位资金, 融资): a result measured against
# its target, as 税收 and 投资 are, not a spending item
RAISED_MONEY = re.compile(r"争取|到位|引资|招商|融资|募集|筹集|引进")


def spending_name(text: str) -> str | None:
    """The item a spending figure is the amount of: 基本支出, 人员经费, 公务接待费, 园区各项考核奖励; none for
    money raised (RAISED_MONEY)."""
    tail = last_clause(text)
    tail = re.sub(rf"^(其中|包括|主要(?:为|是|有|包括|用于)?|全年)?{LIST_NUMBER}?", "", tail)  # 主要为教师培训专项经费, 1.
    matched = SPENDING_NAME.search(tail)
    if not matched or RAISED_MONEY.search(matched.group(1)):
        return None
    name = re.sub(r"^(其中|包括)", "", matched.group(1)).strip().lstrip("（(【[")  # （人员经费…）
    return name or None


# ---- the draft ----------------------------------------------------------------------------------------

# The spending items of the 部门整体支出 template (财预〔2020〕10号's 部门整体支出 outline): their codes and
# parents. A report that writes 工资福利支出 for 人员经费 names the same item.
SPENDING_ITEMS = {  # name -> (code, parent code, is_memo)
    "部门整体支出": ("total", None, False), "整体支出": ("total", None, False), "年度支出": ("total", None, False),
    "支出": ("total", None, False),
    "基本支出": ("basic", "total", False), "项目支出": ("project", "total", False),
    "人员经费": ("basic_personnel", "basic", False), "工资福利支出": ("basic_personnel", "basic", False),
    "人员支出": ("basic_personnel", "basic", False), "人员类支出": ("basic_personnel", "basic", False),
    "公用经费": ("basic_public", "basic", False), "商品和服务支出": ("basic_public", "basic", False),
    "日常公用经费": ("basic_public", "basic", False), "公用支出": ("basic_public", "basic", False),
    "公用类支出": ("basic_public", "basic", False), "日常公用支出": ("basic_public", "basic", False),
    # the third part of 基本支出 in the economic classification, after 工资福利支出 and 商品和服务支出
    "对个人和家庭的补助": ("basic_family", "basic", False), "对个人和家庭补助": ("basic_family", "basic", False),
    "三公经费": ("sangong", None, True), "三公经费支出": ("sangong", None, True),
    "因公出国（境）费": ("sangong_overseas", "sangong", True), "公务接待费": ("sangong_reception", "sangong", True),
    # 决算 tables join the car's two items; under 三公经费 directly when a report does not (spending_rows)
    "公务用车购置及运行维护费": ("sangong_vehicle", "sangong", True), "公务用车购置及运行费": ("sangong_vehicle", "sangong", True),
    "公务用车购置费": ("sangong_vehicle_purchase", "sangong_vehicle", True),
    "公务用车运行费": ("sangong_vehicle_operation", "sangong_vehicle", True),
    "公务用车运行维护费": ("sangong_vehicle_operation", "sangong_vehicle", True),
    "总支出": ("total", None, False), "部门决算支出": ("total", None, False), "决算支出": ("total", None, False),
    "共支出": ("total", None, False),  # 全年共支出4,480.23万元
    "项目经费": ("project", "total", False),
    # the template of 二、一般公共预算支出情况: the whole when the report states no total of its own (STAND_IN_TOTALS)
    "一般公共预算支出": ("total", None, False), "一般公共预算财政拨款支出": ("total", None, False),
    "财政拨款支出": ("total", None, False),
}


YEAR_WORDS = re.compile(r"^(\d{4}年度?|本年度|本年|全年)")  # 2024年度支出, 本年度支出: the year's 支出
# 我单位2023年度总支出, 2023年度部门支出: the unit's own
SUBJECT_WORDS = re.compile(r"^(?:(?:我|本)(?:单位|部门|局|委|办|院|中心)|部门)")


def template_item(name: str) -> tuple[str, str | None, bool] | None:
    """The template's item a report's name says, compared without quotes and spaces (“三公”经费 is 三公经费), with
    the brackets of 因公出国(境)费 as the template writes them."""
    plain = normalised(name).replace("(", "（").replace(")", "）")
    unit_and_year = YEAR_WORDS.sub("", SUBJECT_WORDS.sub("", YEAR_WORDS.sub("", plain)))  # in either order
    return SPENDING_ITEMS.get(plain) or SPENDING_ITEMS.get(unit_and_year) or \
        SPENDING_ITEMS.get(unit_and_year.removesuffix("支出")) or \
        SPENDING_ITEMS.get(re.sub("费用$", "费", unit_and_year))  # 人员经费支出 is 人员经费, 公务接待费用 公务接待费


# A unit with 政府性基金 spends more than its general budget: 部门整体支出 or 总支出, when the report states it,
# is the whole, wherever it stands
STAND_IN_TOTALS = ("一般公共预算", "财政拨款")


# A part by a name of its own (资本性支出) stands under the item its sentence breaks down, when the sentence names
# parts of the template too: 总支出…，其中：工资福利支出…，资本性支出… (基本支出 unstated, its parts under the
# total). Alone (基本支出…，其中政府采购支出…) it may be no part at all, and would make the sums look wrong.
LISTED_PARTS = {"basic": {"basic_personnel", "basic_public", "basic_family"},
                "total": {"basic", "project", "basic_personnel", "basic_public", "basic_family"}}


def known_in_sentence(figures: list[Figure], sentence: str) -> set[str]:
    """The template's items the sentence names."""
    return {known[0] for f in figures if f.sentence == sentence and f.kind == SPENDING
            for known in [template_item(f.name)] if known}


def is_total(name: str) -> bool:
    return (template_item(name) or ("",))[0] == "total"


def stands_in(name: str) -> bool:
    """Whether the name says the whole only for want of a better one (STAND_IN_TOTALS)."""
    return is_total(name) and any(words in name for words in STAND_IN_TOTALS)


@dataclass(frozen=True)
class Draft:
    """The rows the report gives for one unit-year, the narrative, and every figure for the review."""

    indicator_values: list[dict[str, str]]
    spending: list[dict[str, str]]
    evaluation: list[dict[str, str]]
    narrative: str
    figures: list[Figure]
    used: frozenset[int]  # positions in `figures` that went into a row; the rest are listed apart
    indicators: list[dict[str, str]] = field(default_factory=list)  # proposed for the catalogue
    categories: list[dict[str, str]] = field(default_factory=list)
    title: str = ""  # the report's own title (2023年度部门整体支出绩效自评报告), "" when it states none

    @property
    def stated_year(self) -> int | None:
        """The year the report's title names (2023年度…), None when it names none: a draft for another year than
        the one chosen would put a year's figures under the next."""
        return year_of_title(self.title)

    @property
    def figure_count(self) -> int:
        return len(self.figures) - self.words_count

    @property
    def words_count(self) -> int:
        """Targets and results the form's table states in words (及时)."""
        return sum(figure.kind in TEXT_KINDS for figure in self.figures)


TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")


def year_of_title(title: str) -> int | None:
    named = TITLE_YEAR.search(title)
    return int(named.group(1)) if named else None


def refs_of(figures: list[Figure]) -> str:
    return "；".join(dict.fromkeys(f.ref for f in figures if f.ref))


def indicator_rows(unit_code: str, year: int, figures: list[Figure]) -> tuple[list[dict[str, str]], set[int]]:
    """One row per indicator: the first target, actual, growth and stated rate the report gives for it."""
    rows: dict[str, dict[str, str]] = {}
    cited: dict[str, list[Figure]] = {}
    used: set[int] = set()
    column_of = {TARGET: "target", ACTUAL: "actual", GROWTH_RATE: "stated_yoy", STATED: "stated_rate",
                 WEIGHT: "weight", INDICATOR_SCORE: "score", TARGET_TEXT: "target_text", ACTUAL_TEXT: "actual_text"}
    for number, figure in enumerate(figures):
        column = column_of.get(figure.kind)
        if column is None or figure.indicator_code is None:
            continue
        row = rows.setdefault(figure.indicator_code, {"unit_code": unit_code, "year": str(year),
                                                       "indicator_code": figure.indicator_code})
        if row.get(column):
            continue  # said twice: the first stands, the other stays in the review list
        row[column] = figure.value
        if figure.kind == ACTUAL:
            row["qualifier"] = figure.qualifier or ""
            row["is_estimate"] = "true" if figure.is_estimate else "false"
            row["period"] = figure.period if figure.period and not WHOLE_YEAR.fullmatch(figure.period) else ""
        if figure.kind == ACTUAL_TEXT and figure.value in ACHIEVEMENT_TIERS:
            row["achievement"] = figure.value  # the form states the tier itself (达成, 部分达成)
        cited.setdefault(figure.indicator_code, []).append(figure)
        used.add(number)
    for code, row in rows.items():
        row["source"] = refs_of(cited[code])
    return list(rows.values()), used


SPENDING_COLUMNS = {SPENDING: "actual", BUDGET: "budget", ADJUSTED_BUDGET: "adjusted_budget"}


def spending_rows(unit_code: str, year: int, figures: list[Figure]) -> tuple[list[dict[str, str]], set[int]]:
    """The spending tree: the template's items by their names, a report's own project items under 项目支出
    and the parts by names of their own a sentence lists under 基本支出 or the total (`LISTED_PARTS`), the same
    amount said twice under two names (人员经费, 工资福利支出) kept once with both names. A figure said again with
    another amount stays in the review, and a stand-in total (一般公共预算支出) gives way to a stated one."""
    items: dict[str, dict[str, str]] = {}
    cited: dict[str, list[Figure]] = {}
    used: set[int] = set()
    stated_totals = {SPENDING_COLUMNS[f.kind] for f in figures
                     if f.kind in SPENDING_COLUMNS and is_total(f.name) and not stands_in(f.name)}
    current_parent, parent_sentence = None, None
    states_projects = any(figure.kind in SPENDING_COLUMNS and (template_item(figure.name) or ("",))[0] == "project"
                          for figure in figures)  # a table of projects hangs from 项目支出 if the report states it
    for number, figure in enumerate(figures):
        column = SPENDING_COLUMNS.get(figure.kind)
        if column is None or stands_in(figure.name) and column in stated_totals:
            continue
        known = template_item(figure.name)
        if known:
            code, parent, memo = known
            if code in ("project", "sangong", "basic", "total"):
                current_parent, parent_sentence = code, figure.sentence
        elif current_parent == "project" and figure.kind == SPENDING or \
                figure.listed_under == "project" and states_projects:  # a table of projects: budgets too
            code, parent, memo = project_code(items, YEAR_WORDS.sub("", figure.name)), "project", False
        elif figure.kind == SPENDING and current_parent in LISTED_PARTS and figure.sentence == parent_sentence and \
                LISTED_PARTS[current_parent] & known_in_sentence(figures, figure.sentence):
            code, parent, memo = (f"{current_parent}_{sum(c.startswith(current_parent + '_') for c in items) + 1}",
                                  current_parent, False)
        else:
            continue
        amount, name = amount_in_wan_yuan(figure), YEAR_WORDS.sub("", figure.name)  # 2023年基本支出: 基本支出
        item = items.setdefault(code, {"unit_code": unit_code, "year": str(year), "item_code": code,
                                       "parent_code": parent or "", "is_memo": "true" if memo else "false",
                                       "item_name": TOTAL_SPENDING if code == "total" else name})
        if column not in item:  # said twice: the first stands
            item[column] = amount
        elif column == "actual" and item["actual"] == amount and name not in item["item_name"]:
            item["item_name"] = f"{item['item_name']}（{name}）"
        elif item[column] != amount:
            continue
        cited.setdefault(code, []).append(figure)
        used.add(number)
        if code.startswith("project_") and (lists_part_only(figure) or figure.listed_under == "project"):
            cited.setdefault(UNITEMISED, [figure])  # a table of 重点项目 may not list them all either
    if UNITEMISED in cited and not projects_add_up(items):  # after the projects listed, numbered 1, 2, … without it
        items[UNITEMISED] = {"unit_code": unit_code, "year": str(year), "item_code": UNITEMISED,
                             "parent_code": "project", "item_name": texts.IMPORT_UNITEMISED, "is_remainder": "true",
                             "is_memo": "false"}
    parents = {code: parent or "" for code, parent, _ in SPENDING_ITEMS.values()}
    for code, item in items.items():
        item["source"] = refs_of(cited[code])
        while item["parent_code"] and item["parent_code"] not in items:  # 人员经费 in a report that states no
            item["parent_code"] = parents.get(item["parent_code"], "")   # 基本支出: under the total, as said
    return list(items.values()), used


UNITEMISED = "project_unitemised"  # 项目支出 less the projects a report lists (…等, 主要用于…), derived by the view
PART_OF_A_LIST = re.compile(r"主要(?:用于|包括|为|有|是)")  # 主要用于A 2,100万元、B 980.5万元: not every project


def project_code(items: dict[str, dict[str, str]], name: str) -> str:
    """The code of the project of that name drafted already (its budget before its spending, in a table's row),
    else the next project's."""
    return next((code for code, item in items.items() if code.startswith("project_") and item["item_name"] == name),
                f"project_{sum(code.startswith('project_') for code in items) + 1}")


def projects_add_up(items: dict[str, dict[str, str]]) -> bool:
    """Whether the projects listed make up 项目支出 as stated (主要用于A、B，其他项目C: nothing is left over)."""
    listed = [Decimal(item.get("actual") or "0") for code, item in items.items() if code.startswith("project_")]
    return bool(items.get("project", {}).get("actual")) and sum(listed) == Decimal(items["project"]["actual"])


def lists_part_only(figure: Figure) -> bool:
    """Whether a project's figure stands in a list that names only some of 项目支出's projects (…等, 主要用于…):
    the rest is then a remainder the view derives, not an error of the report's sums."""
    return "等" in figure.sentence[figure.end:figure.end + 2] or bool(PART_OF_A_LIST.search(figure.sentence[:figure.start]))


def evaluation_rows(unit_code: str, year: int, figures: list[Figure]) -> tuple[list[dict[str, str]], set[int]]:
    rows, used = {}, set()
    for number, figure in enumerate(figures):
        if figure.kind == SCORE and figure.name not in rows:
            rows[figure.name] = {"unit_code": unit_code, "year": str(year), "level1": figure.name,
                                 "score": figure.value, "source": figure.ref or ""}
            used.add(number)
    for number, figure in enumerate(figures):  # a group's full marks, beside the score the report gives it
        if figure.kind == MAX_SCORE and figure.name in rows and not rows[figure.name].get("max_score"):
            rows[figure.name]["max_score"] = figure.value
            used.add(number)
    return list(rows.values()), used


def import_report(name: str, raw: bytes, unit_code: str, year: int, catalogue: Catalogue) -> Draft:
    sections = with_refs(outline(document_lines(name, raw)))
    return replace(draft_of(figures_of(sections, catalogue), narrative_markdown(sections), unit_code, year),
                   title=report_title(sections))


def report_title(sections: list[Section]) -> str:
    """The report's own title (2023年度部门整体支出绩效自评报告), "" when its first line is none."""
    return sections[0].title if any(word in sections[0].title for word in REPORT_WORDS) else ""


def stated_year_of(name: str, raw: bytes) -> int | None:
    """The year the report's title names, before any import: the year to import it for when none is given."""
    return year_of_title(report_title(outline(document_lines(name, raw))))


def draft_of(figures: list[Figure], narrative: str, unit_code: str, year: int) -> Draft:
    values, used_values = indicator_rows(unit_code, year, figures)
    spending, used_spending = spending_rows(unit_code, year, figures)
    evaluation, used_scores = evaluation_rows(unit_code, year, figures)
    indicators, categories = catalogue_rows([figures[number] for number in sorted(used_values)])
    return Draft(values, spending, evaluation, narrative, figures, frozenset(used_values | used_spending | used_scores),
                 indicators, categories)


def catalogue_rows(used: list[Figure]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """The indicators the draft proposes, and their categories: those of figures still given to them (a person
    may have given the figure to an indicator the catalogue has)."""
    proposed: dict[str, NewIndicator] = {}
    headline: set[str] = set()  # any of its figures listed among the year's targets
    for figure in used:  # the first figure that proposed it gives its category, where the report states it
        if figure.new_indicator is not None and figure.indicator_code == figure.new_indicator.code:
            proposed.setdefault(figure.new_indicator.code, figure.new_indicator)
            if figure.new_indicator.is_headline:
                headline.add(figure.new_indicator.code)
    indicators = [{"indicator_code": code, "indicator_name": new.name, "category": new.category_code,
                   "is_headline": str(code in headline).lower(), "level1": new.level1, "level2": new.level2,
                   "unit": new.unit, "direction": new.direction, "sort_order": str(order),
                   "note": texts.IMPORT_NEW_INDICATOR_NOTE + (texts.IMPORT_HEADLINE_NOTE if code in headline else "")}
                  for order, (code, new) in enumerate(proposed.items(), start=1)]
    categories = {new.category_code: new.category_name for new in proposed.values()}  # in the table's order
    return indicators, [{"category_code": code, "category_name": name, "sort_order": str(order),
                         "note": texts.IMPORT_NEW_INDICATOR_NOTE}
                        for order, (code, name) in enumerate(categories.items(), start=1)]


@dataclass(frozen=True)
class Decision:
    """A person's word on one figure in the review: take it or not, as what, for which indicator, which value."""

    use: bool
    kind: str
    indicator_code: str | None
    value: str


def decided(draft: Draft, decisions: list[Decision], unit_code: str, year: int) -> Draft:
    """The draft after the review: only the figures taken, with the kind, indicator and value the person set."""
    chosen = [replace(figure, kind=ACTUAL if decision.kind == SUGGESTED else decision.kind,  # a suggestion taken
                      indicator_code=decision.indicator_code or None, number=decision.value.strip())
              for figure, decision in zip(draft.figures, decisions) if decision.use]
    return replace(draft_of(chosen, draft.narrative, unit_code, year), title=draft.title)


REVIEW_COLUMNS = ("used", "kind", "indicator_code", "value", "unit", "qualifier", "sentence", "ref", "name")


def review_rows(draft: Draft) -> list[dict[str, str]]:
    """Every figure of the report: what it was read as and whether it went into the draft, its sentence with
    the figure marked. Unclassified figures are here too, never dropped."""
    return [{"used": "是" if number in draft.used else "否", "kind": texts.IMPORT_KINDS[figure.kind],
             "indicator_code": figure.indicator_code or "", "value": figure.value,
             "name": texts.IMPORT_NEW_INDICATOR.format(name=figure.name)
             if figure.new_indicator is not None and figure.indicator_code == figure.new_indicator.code
             else figure.name,
             "unit": figure.unit, "qualifier": figure.qualifier or "", "ref": figure.ref or "",
             "sentence": figure.marked} for number, figure in enumerate(draft.figures)]


@dataclass(frozen=True)
class NewUnit:
    """A unit the data does not hold yet, registered with its first report (a department new to the county)."""

    unit_name: str
    parent_code: str = ""


def draft_upload(draft: Draft, name: str, unit_code: str, year: int, current: dict[str, bytes],
                 new_unit: NewUnit | None = None) -> Upload:
    """The draft as an upload of the unit-year, each row's origin the report, so that the data desk checks,
    previews and publishes it like a workbook. The unit-year's self-evaluation document takes the report's own
    title (the charts' source lines name it), keeping its code; the year's other documents stay as they are. A
    new unit is added to units.csv (the loader checks its code, its name and its parent like any row)."""
    where = texts.IMPORT_WHERE.format(file=name)
    upload = Upload()
    if new_unit is not None:
        upload.add_rows(TABLES_BY_NAME["units"], [(Origin(where, 1), {
            "unit_code": unit_code, "unit_name": new_unit.unit_name, "parent_code": new_unit.parent_code,
            "note": texts.IMPORT_UNIT_NOTE.format(file=name)})])
    documents = []
    if draft.title:
        held = csv_rows(current["documents.csv"]) if "documents.csv" in current else []
        documents = [row for row in held if (row["unit_code"], row["year"]) == (unit_code, str(year))]
        reports = [row for row in documents if row["kind"] == SELF_EVALUATION]
        if reports:
            reports[0]["title"] = draft.title
        else:
            documents.append({"document_code": f"{unit_code}_report_{year}", "unit_code": unit_code,
                              "year": str(year), "kind": SELF_EVALUATION, "title": draft.title,
                              "note": texts.IMPORT_DOCUMENT_NOTE.format(file=name)})
    for table_name, rows in (("documents", documents), ("categories", draft.categories),
                             ("indicators", draft.indicators), ("indicator_values", draft.indicator_values),
                             ("spending", draft.spending), ("evaluation", draft.evaluation)):
        upload.add_rows(TABLES_BY_NAME[table_name], [(Origin(where, number), row)
                                                     for number, row in enumerate(rows, start=1)])
    upload.narratives[(unit_code, year)] = (Origin(where, 1), draft.narrative)
    return upload


def catalogue_of(files: dict[str, bytes]) -> Catalogue:
    return Catalogue.of(csv_rows(files["indicators.csv"]),
                        csv_rows(files["synonyms.csv"]) if "synonyms.csv" in files else [])


def stage_report(files: dict[str, bytes], based_on: int | None, name: str, raw: bytes, unit_code: str,
                 year: int, new_unit: NewUnit | None = None) -> tuple[Staged, Draft]:
    """The current data with the unit-year read from the report (and the unit, when it is new): what the data
    desk reviews and publishes."""
    draft = import_report(name, raw, unit_code, year, catalogue_of(files))
    return merged(files, draft_upload(draft, name, unit_code, year, files, new_unit), based_on), draft


def write_draft(staged: Staged, draft: Draft, out: Path, unit_code: str, year: int) -> list[Path]:
    """`out` a directory: the whole data with the unit-year drafted, in the format of data/, and the review list
    beside it (out.review.csv); `out` an .xlsx: the data desk's workbook of the unit-year with the review sheet."""
    import csv

    if out.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(write_workbook(staged.files, unit_code, year, template=True)))
        sheet = book.create_sheet(REVIEW_SHEET)
        sheet.append([texts.IMPORT_REVIEW_HEADERS[c] for c in REVIEW_COLUMNS])
        for row in review_rows(draft):
            sheet.append([row[c] for c in REVIEW_COLUMNS])
        for cells in sheet.iter_rows():
            for cell in cells:
                cell.data_type = "s"
        out.parent.mkdir(parents=True, exist_ok=True)
        book.save(out)
        return [out]
    for path, content in staged.files.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    review = out.with_name(out.name + ".review.csv")
    with review.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(REVIEW_COLUMNS), lineterminator="\n")
        writer.writerow({c: texts.IMPORT_REVIEW_HEADERS[c] for c in REVIEW_COLUMNS})
        writer.writerows(review_rows(draft))
    return [out, review]
