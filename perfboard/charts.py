"""Chart builders: pure functions, a DataFrame from a view in, a Plotly figure out.

Every figure carries its title (with the unit) and a source line, so that a chart copied out of the
app, exported or projected still says what it shows and where the figures come from.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from perfboard import formatting, markup, rules, texts
from perfboard.narrative import split_refs
from perfboard.reports import ReportRef

# One palette for the whole app, chosen for contrast on a projector.
BLUE = "#1f5fa8"
ORANGE = "#e07b00"
GREEN = "#2e7d32"
RED = "#c0392b"
GREY = "#7f8c8d"
INK = "#1b1b1b"
DERIVED = "#a9c4e4"
BANDS = ("#c8c8c8", "#d9d9d9", "#e8e8e8", "#f4f4f4")  # below, between and above rules.TARGET_BANDS
SERIES = (BLUE, ORANGE, GREEN, "#8e44ad", "#16a085", "#d35400", "#2c3e50")
STATUS_COLOURS = {"met": GREEN, "not_met": RED}
FONT_FAMILY = "Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif"
FONT_SIZE = 16
ROW_HEIGHT = 92
FIGURES_GAP = 30  # px between a bullet's end and its written-out figures, and after them
LEGEND_ROW = 24  # px of one row of a legend
SOURCE_LINE_HEIGHT = 20  # px a line of the source line takes at its font size
SOURCE_LINE_WIDTH = 36  # characters before the source line wraps: it must fit under a half-width chart
NOTE_LINE_WIDTH = 60  # a footnote sits under a full-width chart (trends)
LEFT_MARGIN = 20  # px left of a chart's title, source line and, without row labels, its plot
TOP_MARGIN = 90  # px above a chart's plot: its title and a legend's row


# Every figure carries this template, so a chart looks the same wherever it is built and drawn: in the app (which
# draws it as it is, theme=None), in an export from the app, from the command line and in the deck. Left to
# Plotly's default, a figure built in the app took Streamlit's template (its colours are placeholders that only
# Streamlit's page fills in) and one built by the command line took Plotly's (white gridlines and zero lines, so
# none showed): the same chart exported from both differed. Axes push their margin out for wide tick labels;
# gridlines run across the values (a chart with its values along x asks for them).
# Ticks are written out with thousands separators (40,000 万元), not in SI units (40k), which no report uses.
AXIS_STYLE = {"automargin": True, "gridcolor": "#eeeeee", "zerolinecolor": "#444444", "linecolor": "#444444",
              "tickformat": ",~r"}
HOUSE_TEMPLATE = go.layout.Template(layout={
    "colorway": SERIES,
    "xaxis": {**AXIS_STYLE, "showgrid": False},
    "yaxis": AXIS_STYLE,
})


@dataclass(frozen=True)
class Source:
    """Where a chart's figures come from: the report of a unit and year, and its sections."""

    report: ReportRef
    sections: tuple[str, ...] = ()
    has_estimate: bool = False
    has_partial: bool = False
    has_derived: bool = False
    notes: tuple[str, ...] = ()  # footnotes for figures from other public sources, with their caveats

    def line(self) -> str:
        """来源：单位《报告》第…部分；含预计数…, wrapped so that it fits under a narrow chart too."""
        report = texts.SOURCE_LINE.format(cited=markup.chart_text(self.report.cited()))
        flags = [texts.SOURCE_FLAGS[name] for name, present in
                 (("estimate", self.has_estimate), ("partial", self.has_partial), ("derived", self.has_derived))
                 if present]
        parts = [report, *filter(None, [sections_text(self.sections)]), *flags]
        lines = ["；".join(line) for line in wrap(parts, SOURCE_LINE_WIDTH)]
        note_lines = ["".join(line) for note in self.notes
                      for line in wrap([part for part in re.split("(?<=[。；])", note) if part], NOTE_LINE_WIDTH)]
        return "<br>".join([*lines, *(markup.chart_text(line) for line in note_lines)])


def wrap(parts: list[str], width: int) -> list[list[str]]:
    """Parts packed into lines of about `width` characters. A part longer than a line breaks before its 《 (a
    long unit name, then its report's title: 某县农业农村局（测试数据）《…绩效自评报告》ran off a narrow chart),
    otherwise a part is never split."""
    lines: list[list[str]] = [[]]
    for whole in parts:
        pieces = before_title(whole, width)
        for number, part in enumerate(pieces):
            # a part broken into lines keeps them: its pieces are never joined by ；
            if lines[-1] and (number > 0 or len(pieces) > 1 or len("；".join(lines[-1] + [part])) > width):
                lines.append([])
            lines[-1].append(part)
    return lines


def before_title(part: str, width: int) -> list[str]:
    """A part longer than a line: its unit's name, then its report's title, each in even lines of `width`
    characters at most (《某县人力资源和社会保障局2023年度部门整体支出绩效自评报告（测试数据）》 ran past a
    half-width chart)."""
    head, bracket, title = part.partition("《")
    pieces = [head, bracket + title] if len(part) > width and head and bracket else [part]
    return [line for piece in pieces for line in in_lines(piece, width).split("<br>")]


def sections_text(sections: Iterable[str]) -> str:
    refs = ordered_unique(ref for cell in sections for ref in split_refs(cell))
    if not refs:
        return ""
    return texts.SOURCE_SECTIONS.format(sections=markup.chart_text(texts.LIST_JOIN.join(refs)))


def other_sources(frame: pd.DataFrame) -> list[pd.Series]:
    """The documents other than the report that figures of `frame` come from, in order: note 1, 2, …"""
    if "from_report" not in frame:
        return []
    others = frame[~frame["from_report"].fillna(True).astype(bool)]
    return [rows.iloc[0] for _, rows in others.groupby("document_title", sort=False)]


def other_source_note(number: int, document: pd.Series) -> str:
    return texts.SOURCE_OTHER_NOTE.format(number=number, title=document["document_title"],
                                          publisher=document["document_publisher"] or "",
                                          date=document["document_date"] or "", caveat=document["caveat"] or "")


def ordered_unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


def source_of(frame: pd.DataFrame, report: ReportRef) -> Source:
    """The source of a chart drawn from `frame`: its sections and whether any figure is marked."""

    def any_true(column: str) -> bool:
        return column in frame and bool(frame[column].fillna(False).astype(bool).any())

    return Source(
        report=report,
        sections=tuple(frame["source"].dropna()) if "source" in frame else (),
        has_estimate=any_true("is_estimate"),
        has_partial=any_true("is_partial"),
        has_derived=any_true("is_derived") or ("previous_basis" in frame
                                               and bool((frame["previous_basis"] == "derived").any())),
        notes=tuple(other_source_note(n, d) for n, d in enumerate(other_sources(frame), start=1)),
    )


def series_colour(number: int) -> str:
    """The n-th series' colour; the palette repeats for data with more series than colours."""
    return SERIES[number % len(SERIES)]


def inert(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell made inert for Plotly (markup.chart_text)."""
    safe = frame.copy()
    for column in safe.columns:
        if safe[column].dtype == object or pd.api.types.is_string_dtype(safe[column]):
            safe[column] = safe[column].map(lambda v: markup.chart_text(v) if isinstance(v, str) else v)
    return safe


def from_data(builder):
    """A chart builder fed straight from a view: the frame's text is made inert before it is drawn, the
    title in `finish` and the source in `Source.line`, so no builder has to remember it."""
    @functools.wraps(builder)
    def build(frame: pd.DataFrame, title: str, source: Source) -> go.Figure:
        return builder(inert(frame), title, source)

    return build


def finish(fig: go.Figure, title: str, source: Source, height: int, notes: Sequence[dict] = (),
           top: int = TOP_MARGIN) -> go.Figure:
    """The house style: title, source line under the plot, fonts and margins legible on a projector. `notes`
    are the builder's own annotations, set here with the source line in one go: Plotly checks every annotation
    of a figure again each time one is added (a bullet chart of 39 indicators spent 21 ms on it)."""
    layout = fig.layout.to_plotly_json()
    labels_width = category_labels_width(fig, layout)
    lines = source.line().count("<br>") + 1
    extra = SOURCE_LINE_HEIGHT * max(0, lines - 3)  # footnotes beyond the usual three lines: room below
    # an x axis with a title (金额（万元）) puts the source line below the title, not over it
    below_axis = AXIS_TITLE_ROOM if any((axis.get("title") or {}).get("text") for key, axis in layout.items()
                                        if key.startswith("xaxis")) else 0
    # The source line starts at the chart's left edge, not the plot's: beside long row labels (工业固定资产投资
    # （亿元）) it began 190 px in and ran past the right edge of a chart in a narrow column.
    source_line = {"text": source.line(), "xref": "paper", "yref": "paper", "x": 0, "y": 0, "xanchor": "left",
                   "yanchor": "top", "xshift": -labels_width, "yshift": -40 - below_axis, "showarrow": False,
                   "font": {"size": FONT_SIZE - 3, "color": GREY}, "align": "left"}
    title_text = titled_lines(markup.chart_text(title))
    above = TITLE_LINE * title_text.count("<br>")
    fig.update_layout(
        # at the chart's top, whatever the margin: Plotly centres a title in the top margin, so room made there
        # for a legend of two rows moved the title down onto it
        title={"text": title_text, "x": 0.012, "xanchor": "left", "y": 1, "yref": "container", "yanchor": "top",
               "pad": {"t": TITLE_PAD}, "font": {"size": FONT_SIZE + 6, "color": INK, "weight": 600}},
        font={"family": FONT_FAMILY, "size": FONT_SIZE, "color": INK},
        height=height + extra + above + below_axis,
        margin={"l": LEFT_MARGIN + labels_width, "r": 30, "t": top + above, "b": 135 + extra + below_axis},
        paper_bgcolor="white",
        plot_bgcolor="white",
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.0, "xanchor": "right", "x": 1,
                "font": {"size": FONT_SIZE - 1}},
        hoverlabel={"font": {"family": FONT_FAMILY}},
        template=HOUSE_TEMPLATE,
        annotations=[*fig.layout.annotations, *notes, source_line],
    )
    return fig


TITLE_LINE = 30  # px of a title's line at its 22 px
AXIS_TITLE_ROOM = 30  # px an x axis's title takes below its tick labels
TITLE_PAD = 28  # px above a title: below the toolbar Plotly shows over a chart on hover
TITLE_CHARS = 16  # a title longer than this overran a half-width chart on a 1280 px screen (about 400 px)


def titled_lines(title: str) -> str:
    """A long title broken after its colon (自评总分分布：<br>各分数段单位数（12个单位有总分）): on one line it ran
    into the chart beside it in a half-width column. A short one, or one without a colon, stays whole."""
    head, colon, rest = title.partition("：")
    return f"{head}{colon}<br>{rest}" if colon and rest and len(title) > TITLE_CHARS else title


def category_labels_width(fig: go.Figure, layout: dict) -> int:
    """About how wide, in px, the widest row label of a chart with text on its y axis is drawn (0 for a chart
    with numbers there): the left margin the labels need, so that the source line can start left of them. Read
    from the figure's JSON (`layout`, the figure's layout as JSON): Plotly's property getters took 8 ms over a
    bullet chart's 39 axes, this 1.5 ms."""
    sizes = [axis.get("tickfont", {}).get("size") for key, axis in layout.items() if key.startswith("yaxis")]
    rows = [trace.to_plotly_json().get("y") for trace in fig.data]  # a treemap or a pie has none
    labels = {value for values in rows if values is not None for value in values if isinstance(value, str)}
    size = max(filter(None, sizes), default=FONT_SIZE)
    return math.ceil(max((text_width(line, size) for label in labels for line in label.split("<br>")), default=0))


def markup_width(text: str, size: float) -> float:
    """The widest line of a chart text with Plotly's markup (<b>, <span>, <br>), in px at a font size."""
    return max(text_width(re.sub(r"<[^>]+>", "", line), size) for line in text.split("<br>"))


def text_width(text: str, size: float) -> float:
    """A text's width in px at a font size: Chinese characters and full-width signs take a full em, the rest
    about 0.6 of one."""
    return sum(size if formatting.is_wide(ch) else 0.6 * size for ch in text)


def figure_label(row: pd.Series) -> str:
    """An indicator's actual as the report writes it, with its marks: 35.44亿元（预计）."""
    return formatting.amount(row["actual"], row["unit"], row.get("qualifier")) + formatting.markers(
        row.get("is_estimate"), row.get("period"))


def band_names() -> list[str]:
    """The bullet graph's bands as shares of the target (rules.TARGET_BANDS): 目标的60%以下, 60%–80%, …"""
    edges = [f"{share:.0%}" for share in rules.TARGET_BANDS]
    return [texts.CHART_BAND_BELOW.format(upper=edges[0]),
            *(texts.CHART_BAND_BETWEEN.format(lower=low, upper=high) for low, high in zip(edges, edges[1:])),
            texts.CHART_BAND_ABOVE.format(lower=edges[-1])]


def stacked_rows(rows: int, spacing: float) -> list[tuple[float, float]]:
    """The vertical domains of `rows` plots stacked top to bottom with `spacing` between them, as
    `make_subplots(rows=rows, cols=1, vertical_spacing=spacing)` lays them out."""
    height = (1 - spacing * (rows - 1)) / rows
    return [(bottom := (rows - number) * (height + spacing), bottom + height) for number in range(1, rows + 1)]


@from_data
def bullet_chart(progress: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """A bullet graph per indicator: bands at 60/80/90% of target, the actual bar, the target marker and
    last year's marker (open where it is derived). Each indicator keeps its own unit and scale. The traces and
    axes are gathered first and the figure made once: added one by one to subplots, a report's eleven bullet
    charts took half a second to build (docs/architecture.md, "What a rerun does")."""
    rows = max(len(progress), 1)
    traces: list[dict] = []
    layout: dict = {}
    annotations: list[dict] = []
    legend_shown: set[str] = set()

    def once(name: str) -> bool:
        first = name not in legend_shown
        legend_shown.add(name)
        return first

    for number, (bottom, top) in enumerate(stacked_rows(rows, 0.5 / rows), start=1):
        suffix = str(number) if number > 1 else ""
        layout[f"xaxis{suffix}"] = {"anchor": f"y{suffix}", "domain": [0.0, 1.0]}
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "domain": [bottom, top]}
    for number, (_, row) in enumerate(progress.iterrows(), start=1):
        suffix = str(number) if number > 1 else ""
        axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        label = row_label(row["indicator_name"], row["unit"])
        target, actual = row["target"], row["actual"]
        previous = row.get("previous_actual")
        known = [v for v in (target, actual, previous) if not formatting.is_missing(v)]
        scale = max(known) * 1.18 if known and max(known) > 0 else 1.0
        if not formatting.is_missing(target) and target > 0:
            edges = [0, *(share * target for share in rules.TARGET_BANDS), scale]
            for band, (start, end) in enumerate(zip(edges, edges[1:])):
                traces.append(dict(type="bar", x=[end - start], y=[label], base=start, orientation="h", width=0.8,
                                   marker={"color": BANDS[band]}, hoverinfo="skip", name=band_names()[band],
                                   showlegend=False, **axes))
        if not formatting.is_missing(actual):
            colour = STATUS_COLOURS.get(row["status"], BLUE)
            rate_text = "" if formatting.is_missing(row["completion_rate"]) else \
                f" · {formatting.rate(row['completion_rate'])}"
            traces.append(dict(type="bar", x=[actual], y=[label], orientation="h", width=0.34,
                               marker={"color": colour}, name=texts.CHART_BULLET_ACTUAL, showlegend=once("actual"),
                               hovertemplate=f"{texts.CHART_BULLET_ACTUAL} {figure_label(row)}{rate_text}"
                                             "<extra></extra>", **axes))
        if not formatting.is_missing(target):
            traces.append(dict(type="scatter", x=[target], y=[label], mode="markers",
                               name=texts.CHART_BULLET_TARGET, showlegend=once("target"),
                               marker={"symbol": "line-ns", "size": 34, "line": {"width": 4, "color": INK}},
                               hovertemplate=f"{texts.CHART_BULLET_TARGET} "
                                             f"{formatting.amount(target, row['unit'])}<extra></extra>", **axes))
        if not formatting.is_missing(previous):
            derived = row.get("previous_basis") == "derived"
            mark = texts.MARK_DERIVED if derived else ""
            traces.append(dict(type="scatter", x=[previous], y=[label], mode="markers",
                               name=texts.CHART_BULLET_PREVIOUS, showlegend=once("previous"),
                               marker={"symbol": "diamond-open" if derived else "diamond", "size": 16,
                                       "color": ORANGE, "line": {"width": 3, "color": ORANGE}},
                               hovertemplate=f"{texts.CHART_BULLET_PREVIOUS} "
                                             f"{formatting.amount(previous, row['unit'])}{mark}<extra></extra>",
                               **axes))
        annotations.append({"text": bullet_label(row), "x": 1.02, "xref": "paper", "y": label, "yref": f"y{suffix}",
                            "xanchor": "left", "align": "left", "showarrow": False, "font": {"size": FONT_SIZE}})
        layout[f"xaxis{suffix}"].update(range=[0, scale], showgrid=False, zeroline=False, ticks="outside",
                                        tickfont={"size": FONT_SIZE - 3})
        layout[f"yaxis{suffix}"].update(tickfont={"size": FONT_SIZE + 1})
    fig = go.Figure(traces, {**layout, "barmode": "overlay", "bargap": 0.1})
    # room above the bullets for a legend of two rows, as a narrow plot wraps it, clear of the title; right of
    # them for their widest written-out figures, not a fixed 230 px: in a half-width column on a 1280 px screen
    # every pixel is a bar's
    finish(fig, title, source, height=ROW_HEIGHT * rows + 190 + LEGEND_ROW, notes=annotations,
           top=TOP_MARGIN + LEGEND_ROW)
    figures_width = max((markup_width(note["text"], FONT_SIZE) for note in annotations), default=0)
    fig.update_layout(margin={"r": math.ceil(figures_width) + FIGURES_GAP})
    return fig


ROW_LABEL_CHARS = 8  # a bullet's label, line by line: about 140 px, so a half-width column keeps room for bars


def row_label(name: str, unit: str) -> str:
    """A bullet's label: the indicator's name and unit, on lines of at most ROW_LABEL_CHARS characters, the unit
    on a line of its own when they do not fit one. On one line, 改造乡镇综合文化站（个） took 200 px of a 520 px
    chart (a half-width column on a 1280 px screen) and left its bars 30 px."""
    label = f"{name}（{unit}）"
    return label if in_lines(label, ROW_LABEL_CHARS) == label else f"{in_lines(name, ROW_LABEL_CHARS)}<br>（{unit}）"


def in_lines(text: str, chars: int) -> str:
    """`text` on lines of at most `chars` characters, of even length: 改造乡镇综 / 合文化站, not 改造乡镇综合文化 /
    站. An entity the data's text was made inert with (&lt;, `markup.chart_text`) counts as the one character it
    shows and is never split."""
    shown = re.findall(r"&#?\w+;|.", text, flags=re.DOTALL)
    size = math.ceil(len(shown) / math.ceil(len(shown) / chars)) if shown else chars
    return "<br>".join("".join(shown[at:at + size]) for at in range(0, len(shown), size))


def bullet_label(row: pd.Series) -> str:
    """The figures beside a bullet: actual with its marks and completion, or what the report leaves out."""
    if formatting.is_missing(row["actual"]):
        return f"<span style='color:{GREY}'>{texts.CHART_BULLET_NO_ACTUAL}</span>"
    text = f"<b>{figure_label(row)}</b>"
    if formatting.is_missing(row["target"]):
        return f"{text}<br><span style='color:{GREY}'>{texts.CHART_BULLET_NO_TARGET}</span>"
    colour = STATUS_COLOURS.get(row["status"], BLUE)
    return f"{text}<br><span style='color:{colour}'>{texts.OVERVIEW_KPI_RATE.format(rate=formatting.rate(row['completion_rate']))}</span>"


def branch_colours(tree: pd.DataFrame) -> list[str]:
    """Each item's tile colour: a root blue; each part of it (基本支出, 项目支出) a colour of its own, in the order
    the ring of shares on 总览 colours them; the items under a part a lighter shade of the part's colour. `tree`
    lists parents before their children, as spending_structure does."""
    colour_of: dict[str, str] = {}
    parts = 0
    for code, parent, depth in zip(tree["item_code"], tree["parent_code"], tree["depth"]):
        if depth == 0 or parent not in colour_of:
            colour_of[code] = BLUE
        elif depth == 1:
            colour_of[code], parts = series_colour(parts), parts + 1
        else:
            colour_of[code] = lighter(colour_of[parent], 0.2)
    return [colour_of[code] for code in tree["item_code"]]


def lighter(colour: str, share: float) -> str:
    """`colour` (#rrggbb) mixed with `share` of white."""
    channels = [int(colour[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02x}" for c in channels)


@from_data
def spending_treemap(structure: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """The spending tree (memo items excluded): area is the amount; the derived remainder is marked."""
    tree = structure[~structure["is_memo"]]
    labels = [name + (texts.MARK_DERIVED if derived else "") for name, derived in
              zip(tree["item_name"], tree["is_derived"])]
    colours = [GREY if derived else colour for colour, derived in zip(branch_colours(tree), tree["is_derived"])]
    fig = go.Figure(go.Treemap(
        ids=tree["item_code"], parents=tree["parent_code"].fillna(""), labels=labels, values=tree["amount"],
        branchvalues="total", marker={"colors": colours, "line": {"color": "white", "width": 2}},
        texttemplate="%{label}<br>%{customdata[0]}<br>%{customdata[1]}",
        customdata=[[formatting.money(a), formatting.rate(s) if not formatting.is_missing(s) else ""]
                    for a, s in zip(tree["amount"], tree["share_of_parent"])],
        hovertemplate="%{label}<br>%{customdata[0]}<br>" + texts.HOVER_SHARE.format(share="%{customdata[1]}")
                      + "<extra></extra>",
        # white on every tile: Plotly's own choice left a tree of one item (a report giving only its total) black on blue
        textfont={"size": FONT_SIZE + 2, "color": "white"}, pathbar={"visible": False}, root={"color": "white"},
    ))
    return finish(fig, title, source, height=560)


def largest_to_the_left(amounts: pd.Series) -> float:
    """The ring's rotation that puts the middle of its largest part at nine o'clock: its label then stands beside
    the ring, not under it on the source line (a part of 98.5%, labelled at six o'clock, did)."""
    shares = [float(a) for a in amounts]
    total = sum(shares) or 1.0
    largest = max(range(len(shares)), key=shares.__getitem__)
    middle = (sum(shares[:largest]) + shares[largest] / 2) / total * 360
    return (270 - middle) % 360


@from_data
def share_donut(parts: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """Two or more parts of one total as a ring, each labelled outside it with its amount and share: inside the
    ring Plotly shrinks a label to fit its slice, and a half of the ring's label ran into the total at its
    centre."""
    total = float(parts["amount"].sum())
    fig = go.Figure(go.Pie(
        labels=parts["item_name"], values=parts["amount"], hole=0.55, sort=False, direction="clockwise",
        rotation=largest_to_the_left(parts["amount"]),
        marker={"colors": [series_colour(n) for n in range(len(parts))], "line": {"color": "white", "width": 2}},
        texttemplate="%{label}<br>%{customdata}<br>%{percent:.1%}", textposition="outside",
        customdata=[formatting.money(a) for a in parts["amount"]],
        hovertemplate="%{label}：%{customdata}（%{percent:.1%}）<extra></extra>", textfont={"size": FONT_SIZE},
        automargin=True,
    ))
    fig.update_layout(showlegend=False)
    fig.add_annotation(text=formatting.money(total), x=0.5, y=0.5, xref="paper", yref="paper",
                       showarrow=False, font={"size": FONT_SIZE + 2, "color": INK})
    return finish(fig, title, source, height=540, top=130)


@from_data
def amount_bars(items: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """Items of one tree as horizontal bars with their amounts written out (zeros included)."""
    fig = go.Figure(go.Bar(
        x=items["amount"], y=items["item_name"], orientation="h", marker={"color": BLUE},
        text=[formatting.money(a) for a in items["amount"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}：%{text}<extra></extra>",
    ))
    top = float(items["amount"].max()) if len(items) else 0.0
    fig.update_xaxes(title=texts.AXIS_AMOUNT, range=[0, top * 1.35 if top > 0 else 1], showgrid=True)
    fig.update_yaxes(autorange="reversed")
    return finish(fig, title, source, height=110 + 60 * max(len(items), 1) + 80)


@from_data
def budget_execution_bars(items: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """Budget execution per item with a budget; below the line (rules.py) an explanation becomes due."""
    fig = go.Figure(go.Bar(
        x=items["budget_execution"] * 100, y=items["item_name"], orientation="h",
        marker={"color": [GREEN if r >= rules.BUDGET_EXPLANATION_BELOW else RED for r in items["budget_execution"]]},
        text=[formatting.rate(r) for r in items["budget_execution"]], textposition="outside", cliponaxis=False,
    ))
    fig.add_vline(x=rules.BUDGET_EXPLANATION_BELOW * 100, line_dash="dash", line_color=GREY)
    fig.update_xaxes(title=texts.CHART_BUDGET_TITLE, range=[0, max(110, float(items["budget_execution"].max()) * 115)])
    fig.update_yaxes(autorange="reversed")
    return finish(fig, title, source, height=110 + 60 * max(len(items), 1) + 80)


# point kind -> (fill, symbol, edge): a report's figure, one derived from a stated growth rate, one from
# another public source (a news report: not like-for-like, shown with its note)
POINT_STYLES = {"report": (BLUE, "circle", BLUE), "derived": (DERIVED, "circle-open", BLUE),
                "other": (GREY, "square-open", GREY)}


def point_kind(point: pd.Series, note_numbers: dict[str, int]) -> tuple[str, str]:
    """(kind, the mark after its figure) of one point of a series."""
    if formatting.truthy(point.get("is_derived")):
        return "derived", texts.MARK_DERIVED
    if "from_report" in point and not formatting.truthy(point["from_report"]):
        return "other", texts.MARK_OTHER_SOURCE.format(number=note_numbers[point["document_title"]])
    return "report", ""


def label_positions(years: list[int]) -> list[str]:
    """Above each point, but below one that the next year's point follows: neighbours' labels never meet. The
    first year's label above reads to the right, clear of the value axis."""
    positions = ["bottom center" if later == year + 1 else "top center"
                 for year, later in zip(years, [*years[1:], None])]
    if positions and positions[0] == "top center":
        positions[0] = "top right"
    return positions


@from_data
def trend_lines(series: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """Small multiples, one per indicator, over all years; derived years are open markers on a dashed line."""
    names = ordered_unique(series["indicator_name"])
    columns = min(2, max(len(names), 1))  # three across left each year's label no room on a 1280-wide projector
    rows = max(math.ceil(len(names) / columns), 1)
    units = dict(zip(series["indicator_name"], series["unit"]))
    fig = make_subplots(rows=rows, cols=columns, subplot_titles=[f"{n}（{units[n]}）" for n in names],
                        vertical_spacing=0.5 / rows, horizontal_spacing=0.08)
    years = sorted(series["year"].unique())
    note_numbers = {d["document_title"]: n for n, d in enumerate(other_sources(series), start=1)}
    for number, name in enumerate(names):
        row, col = divmod(number, columns)
        points = series[series["indicator_name"] == name].sort_values("year")
        kinds = [point_kind(point, note_numbers) for _, point in points.iterrows()]
        fig.add_trace(go.Scatter(
            x=points["year"], y=points["actual"], mode="lines+markers+text", showlegend=False,
            line={"color": BLUE, "width": 3, "dash": "solid" if set(kinds) == {"report"} else "dash"},
            marker={"size": 14, "color": [POINT_STYLES[kind[0]][0] for kind in kinds],
                    "symbol": [POINT_STYLES[kind[0]][1] for kind in kinds],
                    "line": {"width": 3, "color": [POINT_STYLES[kind[0]][2] for kind in kinds]}},
            text=[formatting.plain_number(v) + kind[1] for v, kind in zip(points["actual"], kinds)],
            textposition=label_positions(list(points["year"])), cliponaxis=False,
            hovertemplate="%{text}<extra>" + name + "</extra>",
        ), row=row + 1, col=col + 1)
        top = float(points["actual"].max())
        fig.update_yaxes(range=[0, top * 1.3 if top > 0 else 1], row=row + 1, col=col + 1)
        fig.update_xaxes(tickvals=years, ticktext=[formatting.year(y) for y in years],
                         range=[min(years) - 0.8, max(years) + 0.5],
                         row=row + 1, col=col + 1)
    legend = [(texts.LEGEND_LOADED, "report"), (texts.LEGEND_DERIVED, "derived")]
    if note_numbers:
        legend.append((texts.LEGEND_OTHER_SOURCE, "other"))
    for legend_name, kind in legend:
        fill, symbol, edge = POINT_STYLES[kind]
        fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", name=legend_name,
                                 marker={"symbol": symbol, "size": 14, "color": fill,
                                         "line": {"width": 3, "color": edge}}))
    finish(fig, title, source, height=300 * rows + 190, top=150)
    fig.update_layout(legend={"y": 1.0 + 60 / (300 * rows), "yanchor": "bottom"})
    return fig


@from_data
def yoy_bars(yoy: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """Year-on-year growth per indicator, signed, as the report states or the loaded years give it."""
    fig = go.Figure(go.Bar(
        x=yoy["yoy_rate"] * 100, y=yoy["indicator_name"], orientation="h",
        marker={"color": [GREEN if r >= 0 else RED for r in yoy["yoy_rate"]]},
        text=[formatting.change_rate(r) for r in yoy["yoy_rate"]], textposition="outside", cliponaxis=False,
        hovertemplate="%{y}：%{text}<extra></extra>",
    ))
    low, high = (float(yoy["yoy_rate"].min() * 100), float(yoy["yoy_rate"].max() * 100)) if len(yoy) else (0, 1)
    span = max(high, 0) - min(low, 0) or 1.0
    # no axis title: the chart's title names the rate and its unit, and a title under the axis stood on the
    # source line's row
    fig.update_xaxes(range=[min(low, 0) - 0.3 * span * (low < 0), max(high, 0) + 0.3 * span],
                     zeroline=True, zerolinecolor=INK, showgrid=True)
    fig.update_yaxes(autorange="reversed")
    return finish(fig, title, source, height=110 + 60 * max(len(yoy), 1) + 80)


@from_data
def spending_by_year(structure: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """The first level under the total (基本支出, 项目支出), year by year; the total itself where the report
    gives no parts (a chart of nothing would say the unit spent nothing)."""
    total_codes = structure[(structure["depth"] == 0) & ~structure["is_memo"]]["item_code"]
    level = structure[structure["parent_code"].isin(total_codes)]
    if level.empty:
        level = structure[structure["item_code"].isin(total_codes) & (structure["depth"] == 0)]
    fig = go.Figure()
    for number, (name, part) in enumerate(level.groupby("item_name", sort=False)):
        fig.add_trace(go.Bar(x=part["year"], y=part["amount"], name=name, marker={"color": series_colour(number)},
                             text=[formatting.money(a) for a in part["amount"]], textposition="outside",
                             cliponaxis=False))
    years = sorted(structure["year"].unique())
    fig.update_xaxes(tickvals=years, ticktext=[formatting.year(y) for y in years], title=texts.AXIS_YEAR)
    fig.update_yaxes(title=texts.AXIS_AMOUNT)
    fig.update_layout(barmode="group")
    return finish(fig, title, source, height=460)


@from_data
def project_pipeline(projects: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """How many projects stand at each status, stacked by type, statuses in pipeline order."""
    statuses = ordered_unique(projects.sort_values("status_order")["status"])
    fig = go.Figure()
    for number, (project_type, group) in enumerate(projects.groupby("project_type", sort=False)):
        counts = group.groupby("status").size().reindex(statuses, fill_value=0)
        fig.add_trace(go.Bar(x=statuses, y=counts.values, name=project_type, marker={"color": series_colour(number)},
                             hovertemplate=f"{project_type} %{{x}}：%{{y}}<extra></extra>"))
    totals = projects.groupby("status").size().reindex(statuses, fill_value=0)
    fig.add_trace(go.Scatter(x=statuses, y=totals.values, mode="text", text=[texts.COUNT_SUFFIX.format(count=t) for t in totals.values],
                             textposition="top center", showlegend=False, textfont={"size": FONT_SIZE + 1}))
    fig.update_layout(barmode="stack")
    fig.update_yaxes(title=texts.AXIS_COUNT, range=[0, max(totals.max() if len(totals) else 1, 1) * 1.25],
                     dtick=2)
    return finish(fig, title, source, height=440)


@from_data
def score_bars(groups: pd.DataFrame, title: str, source: Source) -> go.Figure:
    """Each first-level group: the score the report states, the score computed by the rules where the
    data allows, and the group's weight as a marker."""
    fig = go.Figure()
    for column, name, colour in (("stated_score", texts.LEGEND_STATED_SCORE, BLUE),
                                 ("computed_score", texts.LEGEND_COMPUTED_SCORE, GREEN)):
        if groups[column].notna().any():
            fig.add_trace(go.Bar(x=groups["level1"], y=groups[column], name=name, marker={"color": colour},
                                 text=["" if formatting.is_missing(s) else
                                       texts.POINTS_SUFFIX.format(score=formatting.plain_number(s, 2))
                                       for s in groups[column]],
                                 # inside the bar's top: above it, a score near its weight was struck through
                                 # by the weight's marker (产出 48分 of 50)
                                 textposition="inside", insidetextanchor="end", textangle=0,
                                 textfont={"color": "white"}))
    if groups["weight"].notna().any():  # a report of another framework may state no group's 分值
        fig.add_trace(go.Scatter(x=groups["level1"], y=groups["weight"], mode="markers", name=texts.LEGEND_WEIGHT,
                                 marker={"symbol": "line-ew", "size": 48, "line": {"width": 4, "color": INK}},
                                 hovertemplate="%{x}：" + texts.LEGEND_WEIGHT + " %{y}<extra></extra>"))
    top = float(pd.concat([groups["stated_score"], groups["computed_score"], groups["weight"]]).max())
    fig.update_yaxes(title=texts.AXIS_SCORE, range=[0, top * 1.25])
    fig.update_layout(barmode="group", uniformtext={"minsize": FONT_SIZE - 2, "mode": "show"})
    return finish(fig, title, source, height=440)


# ---- 全部单位: the county's units side by side ------------------------------------------------------------

GRADE_COLOURS = dict(zip((grade for grade, _ in rules.GRADE_BANDS), (GREEN, BLUE, ORANGE, RED)))
SEVERITY_COLOURS = dict(zip(texts.SEVERITIES, (RED, ORANGE, BLUE)))
RANKING_LIMIT = 20  # units a ranking shows: more would not be legible on a projector
RANKING_NAME_CHARS = 10  # a unit's name in a ranking, line by line: 桃江高新技术产业 / 开发区管理委员会
DERIVED_LABEL_ROOM = 100  # px right of a ranking for a bar's label with 〔推算〕


@dataclass(frozen=True)
class CountySource:
    """Where a chart over many units comes from: each unit's own report for the year, and the audit as it
    ran when the version was published."""

    year: int | str  # a year, or a span of years (2015–2024)
    units: int
    has_derived: bool = False
    with_findings: bool = False

    def line(self) -> str:
        parts = [texts.COUNTY_SOURCE_LINE.format(units=self.units, year=self.year)]
        if self.with_findings:
            parts.append(texts.COUNTY_SOURCE_FINDINGS)
        if self.has_derived:
            parts.append(texts.SOURCE_FLAGS["derived"])
        return "<br>".join("；".join(line) for line in wrap(parts, SOURCE_LINE_WIDTH))


def count_step(top: object) -> int:
    """Whole units between gridlines, about five of them: no 0.2 of a unit on an axis of counts."""
    return max(1, math.ceil((0 if pd.isna(top) else float(top)) / 5))


def grade_of(score: float) -> str:
    """The grade band a score falls in (rules.GRADE_BANDS, best first)."""
    return next(grade for grade, lowest in rules.GRADE_BANDS if score >= lowest)


def score_distribution(units: pd.DataFrame, title: str, source: CountySource) -> go.Figure:
    """How many units scored in each five-point band, coloured by grade; units without a score are left out
    (the title says how many are shown)."""
    scores = units["total_score"].dropna().astype(float)
    lowest = int(scores.min() // 5 * 5) if len(scores) else 60
    edges = list(range(min(lowest, 60), 101, 5))
    counts = pd.cut(scores, bins=[*edges[:-1], 100.0001], right=False, labels=edges[:-1]).value_counts()
    starts = edges[:-1]
    fig = go.Figure(go.Bar(
        x=[f"{start}–{start + 5}" for start in starts], y=[int(counts.get(start, 0)) for start in starts],
        marker={"color": [GRADE_COLOURS[grade_of(start)] for start in starts]},
        text=[texts.COUNTY_UNITS_SUFFIX.format(count=int(counts.get(start, 0))) if counts.get(start, 0) else ""
              for start in starts],
        textposition="outside", cliponaxis=False, hovertemplate="%{x}" + texts.POINTS_UNIT + "：%{y}<extra></extra>",
    ))
    fig.update_xaxes(type="category")  # the title names the score; an axis title would run into the source line
    fig.update_yaxes(title=texts.AXIS_UNITS, rangemode="tozero", dtick=count_step(counts.max()))
    return finish(fig, title, source, height=440)


@from_data
def score_ranking(units: pd.DataFrame, title: str, source: CountySource) -> go.Figure:
    """The units with a score, best first (at most RANKING_LIMIT), bars coloured by grade, derived totals
    hatched."""
    ranked = units.dropna(subset=["total_score"]).sort_values(["total_score", "unit_code"],
                                                               ascending=[False, True]).head(RANKING_LIMIT)
    derived = ranked["total_is_derived"].fillna(False).astype(bool)
    names = [in_lines(name, RANKING_NAME_CHARS) for name in ranked["unit_name"]]
    fig = go.Figure(go.Bar(
        x=ranked["total_score"], y=names, orientation="h",
        marker={"color": [GRADE_COLOURS.get(g, GREY) for g in ranked["grade"]],
                "pattern": {"shape": ["/" if d else "" for d in derived]}},
        text=[formatting.plain_number(s) + formatting.markers(is_derived=d) for s, d in zip(ranked["total_score"],
                                                                                       derived)],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}：%{x}" + texts.POINTS_UNIT + "<extra></extra>",
    ))
    fig.update_xaxes(range=[0, 110], showgrid=True)  # the title names the score; see score_distribution
    fig.update_yaxes(autorange="reversed")
    row = 34 if all("<br>" not in name for name in names) else 48  # two lines of a name need 48 px
    finish(fig, title, source, height=260 + row * max(len(ranked), 1))
    # room right of the plot for a derived total's 84〔推算〕: it ran past the edge of a half-width chart
    return fig.update_layout(margin={"r": DERIVED_LABEL_ROOM}) if derived.any() else fig


def category_completion(completion: pd.DataFrame, title: str, source: CountySource) -> go.Figure:
    """Per category, the targets met, missed and unreported, added up over the units shown."""
    fig = go.Figure()
    for column, name, colour in (("targets_met", texts.LEGEND_MET, GREEN),
                                 ("targets_missed", texts.LEGEND_MISSED, RED),
                                 ("targets_unreported", texts.LEGEND_UNREPORTED, GREY)):
        fig.add_trace(go.Bar(y=completion["category_name"].map(markup.chart_text), x=completion[column], name=name,
                             orientation="h", marker={"color": colour}, text=completion[column],
                             textposition="inside", hovertemplate="%{y} " + name + "：%{x}<extra></extra>"))
    fig.update_layout(barmode="stack")
    fig.update_xaxes(showgrid=True)
    fig.update_yaxes(autorange="reversed")
    # a row of room for the legend: in a half-width column it takes two rows, and ran into a title of two lines
    return finish(fig, title, source, height=140 + 60 * max(len(completion), 1) + 80 + LEGEND_ROW,
                  top=TOP_MARGIN + LEGEND_ROW)


def severity_units(counts: pd.DataFrame, title: str, source: CountySource) -> go.Figure:
    """How many units have each worst severity of finding (错误 before 警告 before 提示)."""
    fig = go.Figure(go.Bar(
        x=counts["severity"], y=counts["units"],
        marker={"color": [SEVERITY_COLOURS.get(s, GREEN if s == texts.COUNTY_NO_FINDINGS else GREY)
                          for s in counts["severity"]]},
        text=[texts.COUNTY_UNITS_SUFFIX.format(count=n) for n in counts["units"]], textposition="outside",
        cliponaxis=False,
    ))
    fig.update_xaxes(type="category")
    top = max(int(counts["units"].max()), 1)
    fig.update_yaxes(title=texts.AXIS_UNITS, range=[0, top * 1.2], dtick=count_step(top))
    return finish(fig, title, source, height=440)


def rank_over_years(ranks: pd.DataFrame, title: str, source: CountySource) -> go.Figure:
    """A unit's rank among the county's units each year (first at the top), with its score."""
    fig = go.Figure(go.Scatter(
        x=ranks["year"], y=ranks["score_rank"], mode="lines+markers+text", line={"color": BLUE, "width": 3},
        marker={"size": 12}, textposition="top center", cliponaxis=False,
        text=[texts.COUNTY_RANK_POINT.format(rank=int(r), of=int(n)) for r, n in zip(ranks["score_rank"],
                                                                                   ranks["ranked_units"])],
        customdata=ranks["total_score"], hovertemplate="%{x}：第%{y}名，%{customdata}" + texts.POINTS_UNIT +
                                                       "<extra></extra>",
    ))
    years = sorted(ranks["year"].unique())
    fig.update_xaxes(tickvals=years, ticktext=[formatting.year(y) for y in years], title=texts.AXIS_YEAR)
    top = int(ranks["ranked_units"].max()) if len(ranks) else 1
    fig.update_yaxes(title=texts.AXIS_RANK, autorange=False, range=[top + 0.5, 0.5])
    return finish(fig, title, source, height=440)


@from_data
def children_spending(children: pd.DataFrame, title: str, source: CountySource) -> go.Figure:
    """A parent unit's subordinate units: each one's spending and its share of what they spent together."""
    fig = go.Figure(go.Bar(
        x=children["total_spending"], y=children["child_name"], orientation="h", marker={"color": BLUE},
        text=[f"{formatting.money(a)}（{formatting.rate(s)}）" for a, s in zip(children["total_spending"],
                                                                             children["share_of_children"])],
        textposition="outside", cliponaxis=False, hovertemplate="%{y}：%{text}<extra></extra>",
    ))
    top = float(children["total_spending"].max()) if len(children) else 0.0
    fig.update_xaxes(title=texts.AXIS_AMOUNT, range=[0, top * 1.5 if top > 0 else 1], showgrid=True)
    fig.update_yaxes(autorange="reversed")
    return finish(fig, title, source, height=140 + 44 * max(len(children), 1) + 80)
