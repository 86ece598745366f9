"""Chart builders: pure functions that carry title, unit and source line, and mark what is derived."""

from __future__ import annotations

import pandas as pd
import pytest

from perfboard import charts
from perfboard.catalogue import spending_chapters, year_charts
from perfboard.reports import ReportRef
from perfboard.unit_year import UnitYear
from tests.conftest import SEED_REPORT


def annotations(figure) -> list[str]:
    return [a.text for a in figure.layout.annotations]


AGRICULTURE = ReportRef("某县农业农村局（测试数据）", 2023, "某县农业农村局（测试数据）2023年度部门整体支出绩效自评报告")


# Lines of at most charts.SOURCE_LINE_WIDTH (36) characters, so that they fit under a half-width chart: the seed's
# unit and title are 40 together, and a long unit and title (the second) ran off the chart's edge.
@pytest.mark.parametrize(("source", "expected"), [
    (charts.Source(SEED_REPORT, ("一(三)；四.1", "四.1")),
     "来源：桃江高新技术产业开发区管理委员会<br>《2024年度部门整体支出自评绩效报告》；第一(三)、四.1部分"),
    (charts.Source(SEED_REPORT, (), has_estimate=True, has_derived=True),
     "来源：桃江高新技术产业开发区管理委员会<br>《2024年度部门整体支出自评绩效报告》；含预计数<br>〔推算〕为据报告数字推算"),
    # a title that begins with the unit's name: the name is not said twice
    (charts.Source(AGRICULTURE, ("三(一)",)), "来源：《某县农业农村局（测试数据）2023年度部门整体支出绩效自评报告》<br>第三(一)部分"),
    (charts.Source(ReportRef("某局", 2023, "自评报告"), ("二",)), "来源：某局《自评报告》；第二部分"),  # short: one line
    # a title longer than a line (38 characters with its 《》, 测试数据) in two even lines of 19; an entity made of
    # the data's < counts as one character and is kept whole (40 in all: two lines of 20)
    (charts.Source(ReportRef("某县人力资源和社会保障局（测试数据）", 2023,
                             "某县人力资源和社会保障局2023年度部门整体支出绩效自评报告（测试数据）"), ("二",)),
     "来源：某县人力资源和社会保障局（测试数据）<br>《某县人力资源和社会保障局2023年度<br>部门整体支出绩效自评报告（测试数据）》；第二部分"),
    (charts.Source(ReportRef("某局", 2023, "某县人力资源和社会保障局2023年度部门整体支出<绩效>自评报告（测试数据）"), ()),
     "来源：某局<br>《某县人力资源和社会保障局2023年度部<br>门整体支出&lt;绩效&gt;自评报告（测试数据）》"),
])
def test_source_line_names_the_report_its_sections_and_marks(source, expected):
    assert source.line() == expected


@pytest.mark.parametrize("rows", [1, 2, 7, 39])  # 39: the seed's indicators in one chart
def test_bullets_are_stacked_as_plotly_stacks_subplots(rows):
    """bullet_chart lays its rows out itself (made once, not added row by row to subplots): the same domains
    as make_subplots gives."""
    from plotly.subplots import make_subplots

    reference = make_subplots(rows=rows, cols=1, vertical_spacing=0.5 / rows)
    expected = [edge for axis in reference.select_yaxes() for edge in axis.domain]
    assert [edge for row in charts.stacked_rows(rows, 0.5 / rows) for edge in row] == pytest.approx(expected, abs=1e-12)


def test_bullet_chart_has_bands_target_actual_and_derived_previous(seed_year):
    results = seed_year.results
    investment = results[results["category"] == "investment"]
    figure = charts.bullet_chart(investment, "投资", charts.source_of(investment, SEED_REPORT))
    names = [trace.name for trace in figure.data]
    assert names.count("目标的60%以下") == 1      # bands only where there is a target (固定资产投资)
    assert "目标" in names and "完成" in names
    previous = [t for t in figure.data if t.name == "上年"]
    assert len(previous) == 2 and all(t.marker.symbol == "diamond-open" for t in previous)  # derived: open
    assert previous[0].x[0] == pytest.approx(32.03)  # 35.44 / 1.1063 = 32.0347…, to the report's two places
    labels = " ".join(annotations(figure))
    assert "35.44亿元（预计）" in labels and "完成 117.3%" in labels and "无目标值" in labels
    assert "含预计数" in labels and "〔推算〕为据报告数字推算" in labels


@pytest.mark.parametrize(("text", "size", "width"), [
    ("工业固定资产投资（亿元）", 17, 204),  # 12 full-width characters × 17 px
    ("2023年", 16, 54.4),  # 4 digits × 0.6 × 16 px + 年 16 px
    ("", 16, 0),
])
def test_text_width_counts_chinese_characters_as_a_full_em(text, size, width):
    assert charts.text_width(text, size) == pytest.approx(width)


def test_the_source_line_starts_at_the_charts_left_edge_beside_long_row_labels(seed_year):
    """投资's rows are labelled 工业固定资产投资 / （亿元） at the bullet chart's 17 px: its widest line, 8
    characters, takes 136 px of margin, so the source line, anchored to the plot, moves 136 px left (it ran past
    a narrow chart's right edge). Right of the bullets, the widest figures, 30.22亿元（预计） at 16 px (5 × 9.6 +
    6 × 16 = 144 px), and a 30 px gap."""
    results = seed_year.results
    investment = results[results["category"] == "investment"]
    figure = charts.bullet_chart(investment, "投资", charts.source_of(investment, SEED_REPORT))
    source_line = next(a for a in figure.layout.annotations if a.text.startswith("来源"))
    assert figure.layout.margin.l == charts.LEFT_MARGIN + 136 and source_line.xshift == -136
    assert figure.layout.margin.r == 144 + charts.FIGURES_GAP
    pie = charts.share_donut(seed_year.structure.head(3), "构成", charts.source_of(investment, SEED_REPORT))
    assert pie.layout.margin.l == charts.LEFT_MARGIN  # no row labels: the plot starts at the margin


@pytest.mark.parametrize(("name", "unit", "label"), [
    ("税收入库", "亿元", "税收入库（亿元）"),  # eight characters: one line
    ("工业固定资产投资", "亿元", "工业固定资产投资<br>（亿元）"),
    ("改造乡镇综合文化站", "个", "改造乡镇综<br>合文化站<br>（个）"),  # nine: two even lines, not eight and one
    ("65岁以上老年人健康管理率", "%", "65岁以上老年<br>人健康管理率<br>（%）"),
    # data made inert (markup.chart_text): an entity is one character and is never split
    ("&lt;b&gt;测试&amp;数据指标", "个", "&lt;b&gt;测试<br>&amp;数据指标<br>（个）"),  # 10 shown: 5 and 5
    ("&lt;b&gt;", "个", "&lt;b&gt;（个）"),
])
def test_a_bullets_label_takes_lines_of_at_most_eight_characters(name, unit, label):
    assert charts.row_label(name, unit) == label


@pytest.mark.parametrize(("amounts", "rotation"), [
    # the middle of the largest part turned to 270° (nine o'clock), counted clockwise from twelve as the ring is drawn
    ([801.45, 51516.62], 87.24),  # the seed's 一(二): 项目支出's middle at (801.45 + 25758.31) / 52318.07 × 360 = 182.76°
    ([50, 50], 180.0),  # two halves: the first one's middle at 90°
    ([600, 150, 1200], 20.77),  # 项目支出 runs from 750 to 1950 of 1950: its middle at 1350 / 1950 × 360 = 249.23°
    ([100], 90.0),  # a whole alone: its middle at 180°
])
def test_a_ring_puts_its_largest_part_to_the_left_so_its_label_stands_beside_it(amounts, rotation):
    assert charts.largest_to_the_left(pd.Series(amounts)) == pytest.approx(rotation, abs=0.01)
    parts = pd.DataFrame({"item_name": [f"甲{n}" for n in range(len(amounts))], "amount": amounts})
    ring = charts.share_donut(parts, "构成", charts.Source(SEED_REPORT)).data[0]
    assert ring.textposition == "outside" and ring.rotation % 360 == pytest.approx(rotation, abs=0.01)  # 180 is -180


def test_score_bars_write_each_score_inside_its_bar_clear_of_the_weight_marker():
    """产出 48分 of a weight of 50 (测试数据): written above the bar, the score was struck through by the marker."""
    groups = pd.DataFrame({"level1": ["产出", "预算执行"], "stated_score": [48.0, 9.0], "computed_score": [None, 9.74],
                           "weight": [50.0, 10.0]})
    figure = charts.score_bars(groups, "自评得分", charts.Source(SEED_REPORT))
    bars = [trace for trace in figure.data if trace.type == "bar"]
    assert [list(bar.text) for bar in bars] == [["48分", "9分"], ["", "9.74分"]]
    assert {(bar.textposition, bar.insidetextanchor) for bar in bars} == {("inside", "end")}


@pytest.mark.parametrize(("weights", "legend"), [
    ([20.0, 20.0], ["报告自评", "权重"]),
    ([None, None], ["报告自评"]),  # 测试数据 of another framework stating no 分值: no marker, no legend for one
])
def test_score_bars_show_the_weight_only_where_there_is_one(weights, legend):
    groups = pd.DataFrame({"level1": ["投入", "过程"], "stated_score": [18.5, 18.0], "computed_score": [None, None],
                           "weight": weights})
    figure = charts.score_bars(groups, "自评得分", charts.Source(SEED_REPORT))
    assert [trace.name for trace in figure.data] == legend


def test_the_growth_chart_speaks_of_no_derived_figure_it_does_not_draw(seed_year):
    """四.1's rates are stated (同比增长10.63%); the previous years they imply are derived, but this chart draws
    the rates only, so its source line does not say 〔推算〕 (it did, with nothing marked), and no axis title
    stands on the source line's row."""
    [growth] = [named for named in year_charts(seed_year) if named.key == "yoy_rates"]
    source_line = next(text for text in annotations(growth.figure) if text.startswith("来源"))
    assert "推算" not in source_line and "四.1" in source_line
    assert growth.figure.layout.xaxis.title.text is None


def test_bullet_chart_says_when_the_report_gives_no_actual(seed_year):
    results = seed_year.results
    started = results[results["indicator_code"] == "projects_started"]
    figure = charts.bullet_chart(started, "项目", charts.source_of(started, SEED_REPORT))
    assert "未报告完成数" in " ".join(annotations(figure))
    assert not [t for t in figure.data if t.name == "完成"]


def test_spending_treemap_marks_the_derived_remainder_and_leaves_out_memo(seed_year):
    structure = seed_year.structure
    figure = charts.spending_treemap(structure, "支出", charts.source_of(structure, SEED_REPORT))
    tree = figure.data[0]
    assert "其他项目支出（报告未逐项列明）〔推算〕" in tree.labels
    assert "三公经费" not in tree.labels
    assert list(tree.values)[0] == pytest.approx(52318.07)


def test_each_part_of_the_spending_tree_has_the_colour_the_ring_of_shares_gives_it(seed_year):
    """The seed's 一(二): 基本支出 and 项目支出 take the ring's first two colours (总览's ring lists them in that
    order), and the items under them lighter shades of those; the derived remainder stays grey."""
    structure = seed_year.structure
    tree = structure[~structure["is_memo"]]
    colour = dict(zip(tree["item_name"], charts.spending_treemap(structure, "支出", charts.Source(SEED_REPORT))
                      .data[0].marker.colors))
    assert (colour["部门整体支出"], colour["基本支出"], colour["项目支出"]) == (charts.BLUE, charts.BLUE, charts.ORANGE)
    assert colour["竹乡公司隐性债务化解及专项债资金"] == charts.lighter(charts.ORANGE, 0.2) == "#e69533"
    assert colour["其他项目支出（报告未逐项列明）"] == charts.GREY


@pytest.mark.parametrize(("colour", "share", "mixed"), [
    ("#e07b00", 0.2, "#e69533"),  # 224 + 31 × 0.2 = 230.2 → e6; 123 + 132 × 0.2 = 149.4 → 95; 0 + 51 = 51 → 33
    ("#1f5fa8", 0.0, "#1f5fa8"),
    ("#000000", 1.0, "#ffffff"),
])
def test_lighter_mixes_a_colour_with_white(colour, share, mixed):
    assert charts.lighter(colour, share) == mixed


def test_a_spending_tree_of_one_item_writes_white_on_its_blue_tile():
    """A report that gives only its total (the other unit, tests/datasets.py: 部门整体支出 1234.5万元) drew
    its one tile's text black on blue."""
    import pandas as pd

    structure = pd.DataFrame({"item_code": ["total"], "parent_code": [None], "item_name": ["部门整体支出"],
                              "depth": [0], "is_memo": [False], "is_derived": [False], "amount": [1234.5],
                              "share_of_parent": [None]})
    tree = charts.spending_treemap(structure, "支出", charts.Source(SEED_REPORT)).data[0]
    assert list(tree.marker.colors) == [charts.BLUE] and tree.textfont.color == "white"


def test_every_chart_of_the_year_has_a_title_and_a_source_line(seed_year):
    built = year_charts(seed_year)
    assert len({c.key for c in built}) == len(built) == 20
    for named in built:
        assert named.figure.layout.title.text.replace("<br>", "") == named.title
        assert any(text.startswith("来源：") for text in annotations(named.figure)), named.key


def test_charts_sit_beside_the_section_that_speaks_about_them(seed_year):
    sections = {c.key: c.sections for c in year_charts(seed_year)}
    assert sections["bullet_headline"] == ("overview.targets",)      # 一(三) sets the targets
    assert sections["spending_tree"] == ("overview.spending",)       # 一(二) gives the totals
    assert sections["spending_parts_project"] == ("spending.project",)  # 二(二) lists the items
    assert sections["spending_memo_sangong"] == ("spending.basic",)  # 二(一) gives the 三公经费
    assert sections["project_pipeline"] == ("performance.projects",)  # 四.3
    assert sections["score_groups"] == ("evaluation.process",)       # 五(二)


def test_pipeline_counts_projects_by_status(seed_year):
    projects = seed_year.projects
    figure = charts.project_pipeline(projects, "项目", charts.Source(SEED_REPORT))
    totals = dict(zip(figure.data[-1].x, figure.data[-1].text))
    # 四.3: 1 in 前期 (标厂七期), 3 在建, 1 已完成 (口味王五期), 10 已投产 as listed, 1 已运营 (变电站)
    assert totals == {"前期": "1个", "在建": "3个", "已完成": "1个", "已投产": "10个", "已运营": "1个"}


def test_spending_by_year_shows_the_total_when_the_report_gives_no_parts():
    """A report that states only 部门整体支出 1234.5万元 (the other unit, tests/datasets.py): its bar, not an
    empty chart."""
    import pandas as pd

    structure = pd.DataFrame({"unit_code": ["u"], "year": [2022], "item_code": ["total"], "parent_code": [None],
                              "item_name": ["部门整体支出"], "depth": [0], "is_memo": [False], "amount": [1234.5]})
    figure = charts.spending_by_year(structure, "历年支出", charts.Source(SEED_REPORT))
    assert [(trace.name, list(trace.y)) for trace in figure.data] == [("部门整体支出", [1234.5])]


@pytest.mark.parametrize(("years", "positions"), [
    ([2020, 2023, 2024], ["top right", "bottom center", "top center"]),  # the seed's 税收入库
    ([2023, 2024], ["bottom center", "top center"]),
    ([2024], ["top right"]),
])
def test_year_labels_of_a_trend_never_meet_a_neighbour_or_the_value_axis(years, positions):
    assert charts.label_positions(years) == positions


def test_trends_stand_two_across_so_that_each_years_label_fits_on_a_projector(seed_year):
    """Three across, a 1280-wide screen left each small multiple about 240 pixels and Plotly turned the
    years' labels on their side, 2023年 over 2024年 (the seed's five indicators)."""
    series = seed_year.series("indicator_series")
    series = series[series["indicator_name"].isin(series["indicator_name"].unique()[:5])]
    figure = charts.trend_lines(series, "历年", charts.source_of(series, SEED_REPORT))
    columns = {tuple(axis.domain) for axis in figure.select_xaxes()}
    assert len(columns) == 2 and len(list(figure.select_xaxes())) == 6  # three rows of two


def every_chart(data) -> list:
    series = data.series("indicator_series")
    return [named.figure for named in year_charts(data)] + [
        charts.trend_lines(series, "历年", charts.source_of(series, SEED_REPORT))]


def test_a_chart_is_the_same_whichever_plotly_template_is_the_default(seed_year):
    """The app imports Streamlit, which makes its template Plotly's default; the command line does not. Before
    the house template, the same chart built by each exported differently (in the app's export a small
    multiple's 300 showed as 00, in the command line's no gridline showed). Every chart now carries the house
    template, whose axes push the margin out for their tick labels."""
    import plotly.io as pio
    import streamlit.elements.plotly_chart  # noqa: F401 (registers Streamlit's template, as the app does)

    ambient = pio.templates.default
    built = {}
    try:
        for default in ("streamlit", "plotly", "none"):
            pio.templates.default = default
            built[default] = [figure.to_json() for figure in every_chart(seed_year)]
    finally:
        pio.templates.default = ambient
    assert len(built["plotly"]) == len(year_charts(seed_year)) + 1
    assert built["streamlit"] == built["plotly"] == built["none"]
    axes = [axis for figure in every_chart(seed_year) for axis in figure.select_yaxes()]
    assert all(figure.layout.template == charts.HOUSE_TEMPLATE for figure in every_chart(seed_year))
    assert len(axes) > len(built["plotly"]) and charts.HOUSE_TEMPLATE.layout.yaxis.automargin


def outline_of(*headings: tuple[int, str | None, str]) -> UnitYear:
    """测试数据: a unit-year whose report has these (level, ref, title) sections and nothing else."""
    sections = pd.DataFrame([{"section_key": f"s{n}", "level": level, "ref": ref, "title": title, "body": None}
                             for n, (level, ref, title) in enumerate(headings)])
    return UnitYear("u", 2023, None, lambda name, unit_code, year: sections)


@pytest.mark.parametrize(("data", "expected"), [
    ("seed", ["二", "三"]),  # 二、部门整体支出管理及使用情况分析, 三、项目组织实施情况分析 (the 2024 report)
    (outline_of((1, "一", "第一部分 部门概况"), (2, "一(二)", "（二）部门整体支出规模、使用方向"),
                (1, "二", "第二部分 部门整体支出管理情况"), (2, "二.一", "一、基本支出管理"),
                (1, "三", "第三部分 项目组织实施情况")), ["二", "三"]),  # in parts: the outermost that says it
    (outline_of((1, "一", "一、部门概况"), (1, "二", "二、绩效目标完成情况")), [None, None]),  # none: no words
])
def test_the_spending_page_shows_the_chapters_that_speak_of_spending(data, expected, seed_year):
    assert spending_chapters(seed_year if data == "seed" else data) == expected
