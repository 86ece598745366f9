"""The 16:9 deck for the evaluation meeting (绩效评价会): title, a slide per indicator category, spending,
trends, projects, problems and measures, and a closing slide. Each chart slide carries the chart, its key
figures and a short excerpt of the report; the whole section goes into the speaker notes."""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

import pandas as pd
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from perfboard import charts, formatting, summary, texts
from perfboard.catalogue import NamedChart, lead_sentence, year_charts
from perfboard.narrative import split_refs
from perfboard.tables import spending_totals
from perfboard.unit_year import UnitYear

CJK_FONT = "Noto Sans CJK SC"
LATIN_FONT = "Noto Sans"
INK, GREY, BLUE = RGBColor(0x1B, 0x1B, 0x1B), RGBColor(0x5F, 0x6B, 0x76), RGBColor(0x1F, 0x5F, 0xA8)
SLIDE_WIDTH, SLIDE_HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, 13.333 × 7.5 inches
EXCERPT_CHARACTERS = 140
SLIDE_CHART_WIDTH, SLIDE_CHART_MIN_HEIGHT = 960, 640  # px: the chart box's proportions, text legible on a slide


@dataclass(frozen=True)
class DeckContent:
    """What the deck says: one unit's year and its charts."""

    data: UnitYear
    charts: dict[str, NamedChart]

    @classmethod
    def of(cls, data: UnitYear) -> DeckContent:
        return cls(data, {c.key: c for c in year_charts(data)})

    def section_text(self, refs: object, whole: bool = True) -> str:
        """The text of the cited sections with their subsections; an excerpt unless `whole`."""
        text = self.data.cited_text(refs)
        if whole or len(text) <= EXCERPT_CHARACTERS:
            return text
        return text[:EXCERPT_CHARACTERS].rstrip() + "……"

    def refs_of(self, named: NamedChart) -> str:
        """The report references of the sections a chart sits beside."""
        refs = self.data.sections[self.data.sections["section_key"].isin(named.sections)]["ref"].dropna()
        return "；".join(refs)

    def sections_titled(self, *words: str) -> pd.DataFrame:
        return self.data.sections[self.data.sections["title"].str.contains("|".join(words))]


def set_font(run, size: int, bold: bool = False, colour: RGBColor = INK) -> None:
    """Size, weight and colour, with the East Asian typeface (a:ea) set as well as the Latin one."""
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = colour
    run.font.name = LATIN_FONT
    properties = run._r.get_or_add_rPr()
    for tag, face in (("a:ea", CJK_FONT), ("a:cs", CJK_FONT)):
        element = properties.find(qn(tag))
        if element is None:
            element = properties.makeelement(qn(tag), {})
            properties.append(element)
        element.set("typeface", face)


def add_text(slide, left, top, width, height, lines: list[tuple[str, int, bool, RGBColor]]) -> None:
    """A text box, one paragraph per (text, size, bold, colour)."""
    box = slide.shapes.add_textbox(left, top, width, height)
    frame = box.text_frame
    frame.word_wrap = True
    for number, (text, size, bold, colour) in enumerate(lines):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(6)
        run = paragraph.add_run()
        run.text = text
        set_font(run, size, bold, colour)


def add_picture(slide, image: bytes, left, top, max_width, max_height) -> None:
    from PIL import Image

    with Image.open(io.BytesIO(image)) as picture:
        width, height = picture.size
    scale = min(max_width / width, max_height / height)
    slide.shapes.add_picture(io.BytesIO(image), left, top, Emu(int(width * scale)), Emu(int(height * scale)))


def set_notes(slide, text: str) -> None:
    slide.notes_slide.notes_text_frame.text = text


def chart_slide(deck, named: NamedChart, render: Callable, figures: list[str], refs: object,
                content: DeckContent) -> None:
    """The key message on top, the chart on the left, key figures and the report's words on the right."""
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    add_text(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.0), [(named.message or named.title, 26, True, INK)])
    image = render(named.figure, "png", width=SLIDE_CHART_WIDTH, min_height=SLIDE_CHART_MIN_HEIGHT)
    add_picture(slide, image, Inches(0.4), Inches(1.4), Inches(8.3), Inches(5.7))
    excerpt = content.section_text(refs, whole=False)
    lines = [(line, 16, False, INK) for line in figures]
    if excerpt:
        lines.append((texts.DECK_REPORT_WORDS.format(ref=refs), 13, True, BLUE))
        lines.append((excerpt, 13, False, GREY))
    add_text(slide, Inches(8.9), Inches(1.5), Inches(4.1), Inches(5.6), lines)
    set_notes(slide, content.section_text(refs) or named.message)


def indicator_figure(row: pd.Series) -> str:
    return texts.DECK_INDICATOR.format(
        name=row["indicator_name"],
        actual=formatting.amount(row["actual"], row["unit"], row["qualifier"]) + formatting.markers(
            row["is_estimate"], row["period"]),
        target=formatting.amount(row["target"], row["unit"]), rate=formatting.rate(row["completion_rate"]))


SLIDE_MAX_INDICATORS = 8  # bullets on one slide that stay legible on a projector
MIDDLE_CHARTS = ("spending_share", "yoy_rates", "project_pipeline")  # after the categories, in this order
# How reports title their chapter of measures: 改进措施和有关建议 (the 2024 report), 下一步打算, 工作计划 …
MEASURES_WORDS = ("措施", "建议", "打算", "计划")


def slide_charts(content: DeckContent) -> list[NamedChart]:
    """Every chart the deck shows, in slide order."""
    return [named for named, _ in indicator_slides(content)] + [content.charts[key] for key in MIDDLE_CHARTS
                                                                  if key in content.charts]


def indicator_slides(content: DeckContent) -> Iterator[tuple[NamedChart, pd.DataFrame]]:
    """Every category of the year (not only the headline ones), as one chart per slide; a category with
    more indicators than a slide holds is split across slides, (1/3), (2/3), …"""
    for code, group in content.data.results.groupby("category", sort=False):
        named = content.charts.get(f"bullet_{code}")
        if named is None:
            continue
        size = math.ceil(len(group) / math.ceil(len(group) / SLIDE_MAX_INDICATORS))  # 9 rows: 5 and 4, not 8 and 1
        chunks = [group.iloc[start:start + size] for start in range(0, len(group), size)]
        if len(chunks) == 1:
            yield named, group
            continue
        for number, chunk in enumerate(chunks, start=1):
            title = named.title + texts.CHART_PART_SUFFIX.format(number=number, count=len(chunks))
            figure = charts.bullet_chart(chunk, title, charts.source_of(chunk, content.data.report))
            yield NamedChart(f"{named.key}_{number}", title, figure, named.sections, lead_sentence(chunk)), chunk


def unique_title(named: NamedChart, used: set[str]) -> NamedChart:
    """The slide keeps its key message unless an earlier slide said the same: then its chart's title."""
    message = named.message or named.title
    if message in used:
        message = named.title
    used.add(message)
    return replace(named, message=message)


def build_deck(content: DeckContent, render: Callable, progress: Callable[[float, str], None] | None = None) -> bytes:
    """The deck as .pptx bytes; `progress(fraction, step)` is told as each slide is made."""
    deck = Presentation()
    deck.slide_width, deck.slide_height = SLIDE_WIDTH, SLIDE_HEIGHT
    category_slides = list(indicator_slides(content))
    steps = 1 + len(category_slides) + len(MIDDLE_CHARTS) + 2
    done = []

    def step(what: str) -> None:
        done.append(what)
        if progress:
            progress(len(done) / steps, what)

    total = content.data.total
    score_line = (texts.DECK_SCORE.format(score=summary.total_score_text(total), grade=summary.total_grade_text(total))
                  if total is not None and not formatting.is_missing(total["total_score"]) else "")
    slide = deck.slides.add_slide(deck.slide_layouts[6])
    add_text(slide, Inches(0.8), Inches(2.0), Inches(11.7), Inches(3.5), [
        (content.data.report.unit_name, 36, True, INK),
        (texts.DECK_TITLE.format(year=content.data.year), 30, False, BLUE),
        (score_line, 24, False, INK),
    ])
    set_notes(slide, summary.year_summary(content.data.year, content.data.headline, content.data.structure, total))
    step(texts.DECK_STEP_TITLE)

    titles: set[str] = set()
    for named, group in category_slides:
        refs = "；".join(dict.fromkeys(ref for cell in group["source"] for ref in split_refs(cell)))
        chart_slide(deck, unique_title(named, titles), render, [indicator_figure(row) for _, row in group.iterrows()],
                    refs, content)
        step(named.title)

    spending_figures = [texts.DECK_SPENDING_ITEM.format(name=row["item_name"], amount=formatting.money(row["amount"]),
                                                        share=formatting.rate(row["share_of_total"]))
                        for _, row in spending_totals(content.data.structure).iterrows()]
    for key, figures in zip(MIDDLE_CHARTS, (spending_figures, [], [])):
        if key in content.charts:
            named = content.charts[key]
            chart_slide(deck, unique_title(named, titles), render, figures, content.refs_of(named), content)
            step(named.title)

    for titled in (content.sections_titled("问题"), content.sections_titled(*MEASURES_WORDS)):
        if titled.empty:
            continue
        section = titled.iloc[0]
        slide = deck.slides.add_slide(deck.slide_layouts[6])
        body = section["body"] if isinstance(section["body"], str) else ""
        points = [p.strip() for p in body.split("\n\n") if p.strip()]
        add_text(slide, Inches(0.5), Inches(0.3), Inches(12.3), Inches(1.0), [(section["title"], 28, True, INK)])
        add_text(slide, Inches(0.7), Inches(1.4), Inches(11.9), Inches(5.8),
                 [(shorten(point), 18, False, INK) for point in points])
        set_notes(slide, body)
    step(texts.DECK_STEP_PROBLEMS)

    slide = deck.slides.add_slide(deck.slide_layouts[6])
    add_text(slide, Inches(0.8), Inches(2.3), Inches(11.7), Inches(3.0), [
        (texts.DECK_CLOSING, 40, True, BLUE),
        (texts.DECK_CLOSING_SOURCE.format(cited=content.data.report.cited()), 18, False, GREY),
    ])
    step(texts.DECK_STEP_DONE)
    buffer = io.BytesIO()
    deck.save(buffer)
    return buffer.getvalue()


def build_html(content: DeckContent) -> str:
    """The self-contained HTML report of the year (see export.report_html)."""
    from perfboard.export import report_html

    data = content.data
    text = summary.year_summary(data.year, data.headline, data.structure, data.total)

    def words(section_keys: tuple[str, ...]) -> str:
        refs = data.sections[data.sections["section_key"].isin(section_keys[:1])]["ref"].dropna()
        return content.section_text("；".join(refs), whole=False)

    return report_html(data.report, text, list(content.charts.values()), words)


def shorten(point: str, limit: int = 90) -> str:
    return point if len(point) <= limit else point[:limit].rstrip() + "……"
