"""全部单位: the county views on a hand-made three-unit county (figures worked out beside each test), the pure
functions of perfboard/county.py, and the page in AppTest on a generated county (模拟数据)."""

from __future__ import annotations

import json

from functools import partial

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from perfboard import catalogue, charts, county, texts
from perfboard.database import connect, fetch_df
from perfboard.unit_year import CountyYear
from tests.conftest import SMALL_COUNTY
from tests.datasets import YEAR, write_three_unit_county
from tests.test_pages import open_page


@pytest.fixture(scope="module")
def three(loaded):
    con = connect(loaded("three_units", write_three_unit_county)[1])
    yield CountyYear(YEAR, partial(fetch_df, con))
    con.close()


def by_unit(frame: pd.DataFrame) -> dict[str, pd.Series]:
    return {row["unit_code"]: row for _, row in frame.iterrows()}


def test_each_unit_has_its_spending_split_and_shares(three):
    units = by_unit(three.units)
    # 测试局: 100 + 200 = 300; 基本支出 share 100 / 300 = 0.3333
    assert float(units["bureau"]["total_spending"]) == 300
    assert units["bureau"]["basic_share"] == pytest.approx(0.3333)
    # 甲科: 项目支出（含专项） still counts as 项目支出 (rule_spending_split: the name begins with it)
    assert float(units["dept_a"]["project_spending"]) == 70


def test_scores_grades_and_ranks_across_units(three):
    units = by_unit(three.units)
    assert (units["bureau"]["total_score"], units["bureau"]["grade"], units["bureau"]["score_rank"]) == (90, "优", 1)
    # 甲科 states only its parts: 40 + 30 + 10 = 80, derived, 良
    assert units["dept_a"]["total_score"] == 80 and units["dept_a"]["total_is_derived"]
    assert (units["dept_a"]["grade"], units["dept_a"]["score_rank"]) == ("良", 2)
    # 乙科 states 70 (its parts add up to 60): the stated total counts, 中, third of three
    assert (units["dept_b"]["total_score"], units["dept_b"]["grade"], units["dept_b"]["score_rank"]) == (70, "中", 3)
    assert set(three.units["ranked_units"]) == {3}


def test_headline_targets_met_missed_and_unreported(three):
    units = by_unit(three.units)
    # tax 2 → 2.5 met; 2 → 1.5 missed; 2 → (none) unreported
    counts = {code: (row["targets_met"], row["targets_missed"], row["targets_unreported"]) for code, row in units.items()}
    assert counts == {"bureau": (1, 0, 0), "dept_a": (0, 1, 0), "dept_b": (0, 0, 1)}


def test_findings_are_read_from_rows_stored_at_publish(three):
    units = by_unit(three.units)
    assert units["dept_b"]["errors"] >= 1 and units["dept_b"]["is_audited"]  # SCORE_PARTS: 60 against 70
    stored = three.fetch("audit_findings", "dept_b", YEAR)
    assert "SCORE_PARTS" in set(stored["check"])
    assert units["bureau"]["errors"] == 0


def test_a_build_without_the_audit_says_not_audited_never_zero(tmp_path):
    from perfboard.database import load

    data = write_three_unit_county(tmp_path / "data")
    load(data, tmp_path / "p.duckdb")  # no audit handed in
    con = connect(tmp_path / "p.duckdb")
    try:
        units = county.with_classes(fetch_df(con, "county_units", None, YEAR))
    finally:
        con.close()
    assert not units["is_audited"].any() and units["errors"].isna().all()
    assert set(units["worst_severity"]) == {county.NOT_AUDITED}
    assert set(county.table(units, YEAR)[texts.COUNTY_COL_ERRORS]) == {county.NOT_AUDITED}


def test_the_hierarchy_rolls_up_children_with_their_shares(three):
    children = three.fetch("unit_children", "bureau", YEAR)
    # 甲科 100, 乙科 300: together 400; shares 0.25 and 0.75, largest first
    assert list(children["child_code"]) == ["dept_b", "dept_a"]
    assert list(children["share_of_children"]) == [0.75, 0.25]
    assert set(children["children_total"].astype(float)) == {400}
    below = three.hierarchy
    assert set(below[below["unit_code"] == "bureau"]["descendant_code"]) == {"bureau", "dept_a", "dept_b"}


@pytest.mark.parametrize(("filters", "expected"), [
    (county.Filters(), {"bureau", "dept_a", "dept_b"}),
    (county.Filters(parent="dept_a"), {"dept_a"}),
    (county.Filters(grades=["优", "良"]), {"bureau", "dept_a"}),
    (county.Filters(severities=[texts.SEVERITY_ERROR]), {"dept_b"}),
    (county.Filters(search="甲"), {"dept_a"}),
    (county.Filters(search="DEPT_"), {"dept_a", "dept_b"}),  # codes too, whatever the case
    (county.Filters(search="<b>"), set()),  # searched as text, not as a pattern
    (county.Filters(categories=["税收"]), {"bureau", "dept_a", "dept_b"}),
])
def test_filters(three, filters, expected):
    units = county.with_classes(three.units)
    assert set(county.filtered(units, three.hierarchy, three.categories, filters)["unit_code"]) == expected


@pytest.mark.parametrize(("label", "first"), [
    (texts.COUNTY_SORT_SCORE, "bureau"), (texts.COUNTY_SORT_SCORE_LOW, "dept_b"),
    (texts.COUNTY_SORT_SPENDING, "bureau"), (texts.COUNTY_SORT_ERRORS, "dept_b"), (texts.COUNTY_SORT_CODE, "bureau"),
    (texts.COUNTY_SORT_MISSED, "dept_a"),
])
def test_sorts(three, label, first):
    assert county.sorted_by(county.with_classes(three.units), label).iloc[0]["unit_code"] == first


def test_table_marks_derived_totals_and_links_each_overview(three):
    shown = county.table(county.with_classes(three.units), YEAR).set_index(texts.COUNTY_COL_UNIT)
    assert shown.loc["甲科（测试数据）", texts.COUNTY_COL_SCORE] == "80分" + texts.MARK_DERIVED
    assert shown.loc["乙科（测试数据）", texts.COUNTY_COL_LINK] == f"./?unit=dept_b&year={YEAR}"
    # no indicator weights in the three units' data: no unit can be scored by the rules, and the table says so
    # (未报告 read as if the report had left it out)
    assert set(shown[texts.COUNTY_COL_COMPUTED]) == {"无法计算"}


def test_completion_by_category_adds_up_over_units(three):
    completion = county.completion_by_category(three.categories, pd.Series(["bureau", "dept_a", "dept_b"]))
    row = completion.iloc[0]
    assert (row["targets_met"], row["targets_missed"], row["targets_unreported"]) == (1, 1, 1)


def test_two_years_side_by_side_with_changes():
    # a unit scoring 80 then 90 and spending 100 then 150: +10 points, +50%, from second to first place
    first = pd.DataFrame({"unit_code": ["a", "b"], "unit_name": ["甲", "乙"], "total_score": [80.0, 85.0],
                          "total_is_derived": [False, False], "grade": ["良", "良"], "score_rank": [2, 1],
                          "total_spending": [100.0, 100.0], "errors": [0, 0]})
    second = first.assign(total_score=[90.0, 70.0], score_rank=[1, 2], total_spending=[150.0, 100.0])
    both = county.compare_years(first, second).set_index("unit_code")
    assert both.loc["a", "score_change"] == 10 and both.loc["a", "rank_change"] == 1
    assert both.loc["a", "spending_change"] == pytest.approx(0.5)
    assert both.loc["b", "rank_change"] == -1


def test_county_charts_are_built_from_the_views(three):
    units = county.with_classes(three.units)
    source = charts.CountySource(YEAR, len(units))
    ranking = charts.score_ranking(units, "排名", source)
    assert list(ranking.data[0].y) == ["测试局（测试数据）", "甲科（测试数据）", "乙科（测试数据）"]
    distribution = charts.score_distribution(units, "分布", source)
    assert sum(distribution.data[0].y) == 3  # every unit with a score, in one band each
    assert "3个单位" in ranking.layout.annotations[0].text


def test_rank_over_years_keeps_the_first_places_label_inside_the_chart():
    # ranks 17, 8, 1 of 20 (测试数据): first place sits at the top edge, its label above it
    ranks = pd.DataFrame({"year": [2022, 2023, 2024], "score_rank": [17, 8, 1], "ranked_units": [20, 20, 20],
                          "total_score": [70.0, 80.0, 95.0], "total_is_derived": [False, False, False]})
    figure = charts.rank_over_years(ranks, "排名", charts.CountySource("2022–2024", 20))
    assert list(figure.data[0].text) == ["第17名/20", "第8名/20", "第1名/20"]
    assert figure.data[0].cliponaxis is False  # drawn over the plot's edge, not cut at it
    assert tuple(figure.layout.yaxis.range) == (20.5, 0.5)  # first place at the top


def test_a_ranking_writes_a_long_unit_name_on_two_lines():
    """桃江高新技术产业开发区管理委员会, 16 characters on one line, took most of a half-width chart (1280 px
    screen) and left its bar a sliver: two lines of 8, and rows tall enough for them (48 px)."""
    units = pd.DataFrame({"unit_code": ["a", "b"], "unit_name": ["桃江高新技术产业开发区管理委员会", "测试局（测试数据）"],
                          "total_score": [98.0, 90.0], "total_is_derived": [False, False], "grade": ["优", "优"]})
    ranking = charts.score_ranking(units, "排名", charts.CountySource(YEAR, 2))
    assert list(ranking.data[0].y) == ["桃江高新技术产业<br>开发区管理委员会", "测试局（测试数据）"]
    assert ranking.layout.height == 260 + 48 * 2


@pytest.mark.parametrize(("derived", "label", "right_margin"), [
    (False, "84", 30),  # finish's margin
    (True, "84〔推算〕", charts.DERIVED_LABEL_ROOM),  # on a half-width chart it ran past the edge (seen on the 20-unit county)
])
def test_a_ranking_makes_room_for_a_derived_totals_label(derived, label, right_margin):
    units = pd.DataFrame({"unit_code": ["a"], "unit_name": ["甲（测试数据）"], "total_score": [84.0],
                          "total_is_derived": [derived], "grade": ["良"]})
    ranking = charts.score_ranking(units, "排名", charts.CountySource(YEAR, 1))
    assert list(ranking.data[0].text) == [label] and ranking.layout.margin.r == right_margin


@pytest.mark.parametrize(("filters", "order", "shown"), [
    (county.Filters(), texts.COUNTY_SORT_SCORE, ["bureau", "dept_a", "dept_b"]),
    (county.Filters(grades=["优", "良"]), texts.COUNTY_SORT_SCORE_LOW, ["dept_a", "bureau"]),
    (county.Filters(search="没有这个单位"), texts.COUNTY_SORT_SCORE, []),
])
def test_year_view_is_what_the_page_shows_after_filters_and_order(three, filters, order, shown):
    view = county.year_view(YEAR, three.units, three.hierarchy, three.categories, filters, order)
    assert list(view.units["unit_code"]) == shown and view.total == 3
    assert view.cards[0] == (texts.COUNTY_CARD_UNITS, str(len(shown)), "")
    assert len(view.table) == len(shown) and int(view.by_severity["units"].sum()) == len(shown)
    named = catalogue.county_charts(view)
    if shown:
        assert [chart.key for chart in named] == ["county_distribution", "county_categories_chart", "county_ranking",
                                                  "county_severity"]
        ranking = next(chart for chart in named if chart.key == "county_ranking")
        assert len(ranking.figure.data[0].y) == len(shown)  # every unit shown has a score in this county
        assert f"{len(shown)}个单位" in ranking.figure.layout.annotations[0].text
    else:
        assert named == []


# ---- the page ------------------------------------------------------------------------------------------

def county_page(county_paths, monkeypatch, **query) -> AppTest:
    at = open_page("screens/county_page.py", *county_paths, monkeypatch, **query)
    assert not at.exception, [e.value for e in at.exception]
    return at


def table_of(at: AppTest) -> pd.DataFrame:
    return at.dataframe[0].value


def test_page_shows_every_unit_with_charts_and_links(county, monkeypatch):
    at = county_page(county, monkeypatch, unit="u000", year="2024")
    table = table_of(at)
    assert len(table) == SMALL_COUNTY.units
    assert {chart.key for chart in at.get("plotly_chart")} == {  # only the open tab runs
        "chart_county_distribution", "chart_county_ranking", "chart_county_categories_chart", "chart_county_severity"}
    assert table[texts.COUNTY_COL_LINK].str.fullmatch(r"\./\?unit=u\d{3}&year=2024").all()
    assert all("模拟数据" in name for name in table[texts.COUNTY_COL_UNIT])


def test_the_county_year_is_read_once_per_build_and_year(county, monkeypatch):
    """Every rerun and every session of 全部单位 reads one held CountyYear (ui.county_year): its names and history
    are gathered once, not on each run."""
    from perfboard import ui

    made = []
    monkeypatch.setattr(ui, "CountyYear", lambda year, fetch: made.append(year) or CountyYear(year, fetch))
    ui._county_year.clear()  # the module's county: the other tests' pages made one of this build already
    for _ in range(2):
        at = county_page(county, monkeypatch, unit="u000", year="2024")
        at.multiselect(key="county_grades").set_value(["优"]).run()
    assert made == [2024]


def test_page_filters_by_parent_grade_and_search(county, monkeypatch):
    at = county_page(county, monkeypatch, unit="u000", year="2024")
    at.selectbox(key="county_parent").set_value("u001").run()
    parents = set(table_of(at)[texts.COUNTY_COL_PARENT]) - {""}
    assert parents <= {"模拟县教育局（模拟数据）", "模拟县人民政府（模拟数据）"}  # u001 itself sits under u000
    at.selectbox(key="county_parent").set_value(None).run()
    at.multiselect(key="county_grades").set_value(["优"]).run()
    assert set(table_of(at)[texts.COUNTY_COL_GRADE]) <= {"优"}
    at.multiselect(key="county_grades").set_value([]).run()
    at.text_input(key="county_search").set_value("下属单位005").run()
    assert list(table_of(at)[texts.COUNTY_COL_UNIT]) == ["模拟县教育局下属单位005（模拟数据）"]
    at.text_input(key="county_search").set_value("没有这个单位").run()
    assert not at.dataframe
    assert texts.COUNTY_NONE_SHOWN in [i.value for i in at.info]


def test_page_sorts(county, monkeypatch):
    at = county_page(county, monkeypatch, unit="u000", year="2024")
    at.selectbox(key="county_sort").set_value(texts.COUNTY_SORT_SPENDING).run()
    spending = list(table_of(at)[texts.COUNTY_COL_SPENDING])
    assert spending == sorted(spending, reverse=True)
    at.selectbox(key="county_sort").set_value(texts.COUNTY_SORT_CODE).run()
    links = list(table_of(at)[texts.COUNTY_COL_LINK])
    assert links == sorted(links)


def open_tab(at: AppTest, label: str) -> AppTest:
    at.session_state["county_tab"] = label  # as a click on the tab does
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_page_compares_two_years_and_ranks_a_unit_over_years(county, monkeypatch):
    at = open_tab(county_page(county, monkeypatch, unit="u002", year="2024"), texts.COUNTY_TAB_COMPARE)
    compared = table_of(at)
    assert {"2023年总分", "2024年总分", texts.COUNTY_COL_SCORE_CHANGE} <= set(compared.columns)
    assert len(compared) == SMALL_COUNTY.units
    assert not at.get("plotly_chart")  # the year's charts are in the closed tab

    open_tab(at, texts.COUNTY_TAB_RANK)
    assert at.selectbox(key="county_rank_unit").value == "u002"  # the unit chosen in the sidebar
    assert [chart.key for chart in at.get("plotly_chart")] == ["chart_county_rank"]
    # the chart is held per chosen unit (ui.chosen_chart): another unit draws its own, titled by its name
    for unit in ("u003", "u002"):
        chosen = at.selectbox(key="county_rank_unit").set_value(unit).run().selectbox(key="county_rank_unit")
        title = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]
        assert title.startswith(chosen.options[chosen.index] + "：")


def test_filters_are_kept_while_another_tab_is_open(county, monkeypatch):
    at = county_page(county, monkeypatch, unit="u000", year="2024")
    at.text_input(key="county_search").set_value("下属单位005").run()
    at.selectbox(key="county_sort").set_value(texts.COUNTY_SORT_SPENDING).run()
    open_tab(open_tab(at, texts.COUNTY_TAB_RANK), texts.COUNTY_TAB_YEAR)
    assert at.text_input(key="county_search").value == "下属单位005"
    assert at.selectbox(key="county_sort").value == texts.COUNTY_SORT_SPENDING
    assert list(table_of(at)[texts.COUNTY_COL_UNIT]) == ["模拟县教育局下属单位005（模拟数据）"]


def test_a_parent_units_spending_page_shows_its_children(county, monkeypatch):
    at = open_page("screens/spending_page.py", *county, monkeypatch, unit="u001", year="2024")
    assert not at.exception
    assert texts.COUNTY_CHILDREN_NOTE in [c.value for c in at.caption]


def test_an_audit_that_fails_publishes_the_version_as_not_audited(tmp_path):
    """A check that breaks on data nobody foresaw must not stop finance staff from publishing."""
    from perfboard.database import load

    def broken_audit(fetch):
        raise KeyError("a column the check expected")

    data = write_three_unit_county(tmp_path / "data")
    result = load(data, tmp_path / "p.duckdb", audit_run=broken_audit)
    con = connect(tmp_path / "p.duckdb")
    try:
        units = fetch_df(con, "county_units", None, YEAR)
    finally:
        con.close()
    assert result.version == 1 and not units["is_audited"].any()
