"""The year summary written from the data, and the display tables."""

from __future__ import annotations

import pandas as pd
import pytest

from perfboard import summary, tables
from perfboard.database import fetch_df
from tests.conftest import SEED_UNIT, SEED_YEAR


def test_year_summary_in_the_report_register(seed_year):
    text = summary.year_summary(SEED_YEAR, seed_year.headline, seed_year.structure, seed_year.total)
    assert text.startswith("2024年，税收入库4.28亿元，完成年度目标的100.0%；")
    assert "固定资产投资35.44亿元（预计），完成年度目标的117.3%，同比增长10.63%" in text  # 35.44 / 30.22 = 117.27%
    assert "新开工项目、新投产项目报告未给出完成数" in text
    # 801.45 / 52318.07 = 1.53%; 51516.62 / 52318.07 = 98.47%
    assert "全年支出52,318.07万元，其中基本支出801.45万元（占1.5%）、项目支出51,516.62万元（占98.5%）" in text
    assert text.endswith("自评得分98分，等级为优。")


def test_the_summarys_spending_is_to_the_cent_as_the_cards_show_it():
    """测试数据: 21,111.10 = 12,345.67 + 8,765.43; the summary read 21,111.1万元 above a card of 21,111.10万元."""
    structure = pd.DataFrame({"item_code": ["total", "basic", "project"], "parent_code": [None, "total", "total"],
                              "item_name": ["部门整体支出", "基本支出", "项目支出"], "depth": [0, 1, 1],
                              "is_memo": [False] * 3, "amount": [21111.1, 12345.67, 8765.43],
                              "share_of_parent": [None, 12345.67 / 21111.1, 8765.43 / 21111.1]})
    assert summary.spending_sentence(structure) == \
        "全年支出21,111.10万元，其中基本支出12,345.67万元（占58.5%）、项目支出8,765.43万元（占41.5%）"


def test_indicator_table_writes_missing_figures_as_not_reported(seed_con):
    table = tables.indicator_table(fetch_df(seed_con, "indicator_results", SEED_UNIT, SEED_YEAR)).set_index(
        "indicator_code")
    assert table.at["projects_started", "actual_text"] == "未报告"
    assert table.at["projects_started", "status_text"] == "未报告完成数"
    assert table.at["financing_raised", "rate_text"] == "51.8%"          # 12.96 / 25
    assert table.at["financing_raised", "stated_rate_text"] == "56.1%"   # as the report states: 56.08%
    assert table.at["financing_raised", "marks"] == "（截至目前）"


@pytest.mark.parametrize(("target", "target_words", "actual", "actual_words", "shown"), [
    (None, "及时", None, "及时", ("及时", "及时")),             # a form's row in words (测试数据)
    (90.0, None, None, "基本知晓", ("90%", "基本知晓")),         # a figure for the target, words for the result
    (None, "保障机关正常运转", None, None, ("保障机关正常运转", "未报告")),
    (90.0, "九成", 95.0, "过九成", ("90%", "95%")),              # a figure stands before any words
])
def test_indicator_table_shows_the_reports_words_where_it_gives_no_figure(target, target_words, actual, actual_words,
                                                                         shown):
    progress = pd.DataFrame({"target": [target], "target_text": [target_words], "actual": [actual],
                             "actual_text": [actual_words], "unit": ["%"], "qualifier": [None],
                             "completion_rate": [None], "stated_rate": [None], "status": ["in_words"],
                             "is_estimate": [False], "period": [None]})
    table = tables.indicator_table(progress)
    assert (table.at[0, "target_text"], table.at[0, "actual_text"]) == shown
    assert table.at[0, "status_text"] == "以文字表述"


def test_card_rows_keep_multi_indicator_categories_together(seed_con):
    headline = fetch_df(seed_con, "headline_progress", SEED_UNIT, SEED_YEAR)
    rows = [list(row["indicator_code"]) for row in tables.card_rows(headline)]
    assert rows == [["tax_revenue", "fixed_asset_investment", "fundraising"],
                    ["projects_started", "projects_in_production", "projects_introduced", "projects_introduced_100m"]]


@pytest.mark.parametrize(("categories", "rows"), [
    # a health bureau's imported categories (测试数据): 满意度 alone, then 数量, 质量, 效益 of two each
    ("a bb cc dd", ["a b b", "c c d d"]),
    ("a e bbb", ["a e", "b b b"]),  # a category does not split to fill the row before
    ("a bbbbb cc", ["a", "b b b b", "b c c"]),  # one longer than a row takes rows, its last shared
    ("", []),
])
def test_card_rows_share_a_row_between_small_categories(categories, rows):
    codes = categories.replace(" ", "")
    headline = pd.DataFrame({"category_code": list(codes), "indicator_code": [f"{c}{i}" for i, c in enumerate(codes)]})
    assert [" ".join(code[0] for code in row["indicator_code"]) for row in tables.card_rows(headline)] == rows


def test_pick_keeps_everything_for_an_empty_choice(seed_con):
    projects = fetch_df(seed_con, "project_list", SEED_UNIT, SEED_YEAR)
    assert len(tables.pick(projects, status=[])) == 16
    assert len(tables.pick(projects, status=["在建"], project_type=["基础设施"])) == 3


def test_year_comparison_marks_derived_years(seed_con):
    pairs = fetch_df(seed_con, "indicator_comparison", SEED_UNIT, SEED_YEAR)
    table = tables.year_comparison(pairs[pairs["base_year"] == 2023]).set_index("indicator_code")
    assert table.at["industrial_output", "base_text"] == "182.56亿元〔推算〕"   # 182.94 / 1.0021 = 182.5566…
    assert table.at["industrial_output", "actual_text"] == "182.94亿元（预计）"
    assert table.at["industrial_output", "change_text"] == "+0.21%"


def test_year_comparison_keeps_qualifiers_and_the_stated_growth(tmp_path):
    """超过 travels with its figure; against the previous year the growth the report states is shown as stated
    (163.6%, not a recomputed +163.59%); over a longer span the computed change is written to one place."""
    from perfboard.database import connect, load
    from tests.datasets import UNIT, write_dataset

    def value(year: int, actual: float, **cells: object) -> dict[str, object]:
        return {"unit_code": UNIT, "year": year, "indicator_code": "tax_revenue", "actual": actual, **cells}

    data_dir = write_dataset(tmp_path / "data", narratives={},
                             indicator_values=[value(2020, 5, qualifier="超过"), value(2021, 10, qualifier="超过"),
                                               value(2022, 26.36, stated_yoy=163.6)])
    load(data_dir, tmp_path / "db.duckdb")
    con = connect(tmp_path / "db.duckdb")
    table = tables.year_comparison(fetch_df(con, "indicator_comparison", UNIT, 2022)).set_index("base_year")
    con.close()
    assert table.at[2021, "base_text"] == "超过10亿元" and table.at[2021, "change_text"] == "+163.6%"
    assert table.at[2020, "change_text"] == "+427.2%"  # (26.36 - 5) / 5 = 4.272, computed, to one place


@pytest.mark.parametrize(("groups", "expected"), [
    # (level1, computed score, basis) of each group; 测试数据
    ([("产出", 20.0, "computed"), ("效益", 10.0, "computed"), ("预算执行", None, "no_budget")],
     "预算执行：报告未给出预算数，无法计算预算执行率"),
    ([("产出", None, "no_indicators"), ("效益", None, "incomplete"), ("满意度", None, "no_indicators")],
     "产出、满意度：报告未列出该组的指标及分值，无法计算；效益：部分指标无法计分，不能汇总"),
    ([("产出", 45.0, "computed")], ""),
])
def test_unscored_groups_say_why_by_reason(groups, expected):
    scores = pd.DataFrame([{"row_type": "group", "level1": level1, "computed_score": score, "basis": basis}
                           for level1, score, basis in groups] +
                          [{"row_type": "total", "level1": None, "computed_score": None, "basis": "incomplete"}])
    assert tables.unscored_groups(scores) == expected


@pytest.mark.parametrize(("rows", "expected"), [
    # (category_section, category, category_name) of each result, in the page's order
    ([("四.1", "tax", "税收"), ("四.1", "tax", "税收"), ("四.2", "projects", "项目"), ("四.1", "fundraising", "争资")],
     [("四.1", [("tax", "税收"), ("fundraising", "争资")]), ("四.2", [("projects", "项目")])]),
    ([(None, "new", "报告所列指标"), (float("nan"), "other", "其他")],  # no section: one group, under None
     [(None, [("new", "报告所列指标"), ("other", "其他")])]),
    ([], []),
])
def test_categories_by_section_keep_the_order_the_results_come_in(rows, expected):
    results = pd.DataFrame(rows, columns=["category_section", "category", "category_name"])
    assert tables.categories_by_section(results) == expected


def test_categories_by_section_of_the_seed_are_as_pandas_groups_them(seed_year):
    results = seed_year.results
    grouped = [(ref, list(dict.fromkeys(zip(part["category"], part["category_name"]))))
               for ref, part in results.groupby("category_section", sort=False, dropna=False)]
    assert tables.categories_by_section(results) == [(ref if isinstance(ref, str) else None, categories)
                                                     for ref, categories in grouped]
