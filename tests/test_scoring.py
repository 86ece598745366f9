"""Scoring by the rules (docs/architecture.md, Domain rules, 财预〔2020〕10号): hand-computed cases for forward, reverse,
equality and qualitative indicators, the cap, the budget-execution rule and the grade bands.

The weights below are test data: the 2024 report states no indicator weights, so the embedded data set
cannot be scored (see test_the_seed_report_cannot_be_scored_and_says_why)."""

from __future__ import annotations

import pytest

from perfboard.database import connect, fetch, load
from tests.conftest import SEED_UNIT, SEED_YEAR, set_cells


@pytest.mark.parametrize(("weight", "rate", "expected"), [
    (10, 1.0, 10),        # met: full weight
    (10, 1.1727, 10),     # exceeded: capped at the full weight, not 11.727
    (20, 0.5184, 10.368),  # not met: 20 × 0.5184
    (10, 0.0, 0),
    (None, 0.5, None),    # no weight: no score
])
def test_quantitative_score(macros, weight, rate, expected):
    (score,) = macros.execute("select quantitative_score(?::double, ?::double)", [weight, rate]).fetchone()
    assert score == pytest.approx(expected) if expected is not None else score is None


@pytest.mark.parametrize(("achievement", "low", "high"), [
    ("达成", 8, 10), ("部分达成", 6, 8), ("未达成", 0, 6),  # weight 10: 80–100%, 60–80%, 0–60%
])
def test_qualitative_tiers(macros, achievement, low, high):
    assert macros.execute("select tier_low(10.0, ?), tier_high(10.0, ?)", [achievement, achievement]).fetchone() == (
        pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(("execution", "expected"), [
    (1.0463614, 10),        # 52318.07 / 50000: over-executed, capped at the weight
    (0.8719678, 8.719678),  # 52318.07 / 60000 = 0.871968: 10 × 0.871968
    (0.9, 9),
    (None, None),           # no budget given: no score
])
def test_budget_execution_score(macros, execution, expected):
    (score,) = macros.execute("select budget_execution_score(10.0, ?::double)", [execution]).fetchone()
    assert score == pytest.approx(expected) if expected is not None else score is None


@pytest.mark.parametrize(("rate", "flagged"), [(1.5, False), (1.5001, True), (2.0, True), (None, False)])
def test_far_above_target(macros, rate, flagged):
    assert macros.execute("select far_above_target(?::double)", [rate]).fetchone()[0] is flagged


@pytest.fixture(scope="module")
def scored_db(tmp_path_factory):
    """Test data: the 2024 figures with weights, groups, tiers and a budget the report does not give."""
    import shutil

    from perfboard.database import DEFAULT_DATA_DIR

    data = tmp_path_factory.mktemp("scored") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    indicators, values = data / "indicators.csv", data / "indicator_values.csv"
    for code, level1 in [("tax_revenue", "产出"), ("fixed_asset_investment", "产出"), ("fundraising", "产出"),
                         ("financing_raised", "产出"), ("major_safety_accidents", "效益"), ("staff_count", "效益"),
                         ("zero_fee_projects", "效益"), ("agency_services", "满意度")]:
        set_cells(indicators, {"indicator_code": code}, level1=level1)
    for code, cells in {
        "tax_revenue": {"weight": "10"},
        "fixed_asset_investment": {"weight": "10"},
        "fundraising": {"weight": "10"},
        "financing_raised": {"weight": "20"},
        "major_safety_accidents": {"weight": "10", "target": "2", "actual": "4"},  # lower: 2 / 4 = 0.5
        "staff_count": {"weight": "10", "target": "60"},                          # equal: 60 / 65
        "zero_fee_projects": {"weight": "10", "achievement": "部分达成", "score": "7"},
        "agency_services": {"weight": "10", "achievement": "达成", "score": "9.5"},
        "projects_introduced": {"target": "10"},                                  # 20 / 10 = 200%
    }.items():
        set_cells(values, {"indicator_code": code}, **cells)
    set_cells(data / "evaluation.csv", {"level1": "效益"}, max_score="30")
    set_cells(data / "spending.csv", {"item_code": "total"}, adjusted_budget="60000")
    db_path = data.parent / "scored.duckdb"
    load(data, db_path)
    return db_path


def score_rows(db_path, unit: str = SEED_UNIT, year: int = SEED_YEAR):
    con = connect(db_path)
    try:
        columns, rows = fetch(con, "evaluation_score", unit, year)
    finally:
        con.close()
    records = [dict(zip(columns, row)) for row in rows]
    return {(r["row_type"], r["indicator_code"] or r["level1"] or "total"): r for r in records}


@pytest.mark.parametrize(("code", "expected", "basis"), [
    ("tax_revenue", 10, "computed"),               # forward, met: 4.28 / 4.28 = 1 -> 10
    ("fixed_asset_investment", 10, "computed"),    # forward, 117.27%: capped -> 10
    ("fundraising", 10, "computed"),               # forward, 104.77%: capped -> 10
    ("financing_raised", 10.37, "computed"),       # forward, not met: 20 × 0.5184 = 10.368 -> 10.37
    ("major_safety_accidents", 5, "computed"),     # reverse: target 2, actual 4 -> 2 / 4 = 0.5 -> 10 × 0.5
    ("staff_count", 9.23, "computed"),             # equality: min(65/60, 60/65) = 0.923077 -> 9.23
    ("zero_fee_projects", 7, "qualitative"),       # 部分达成, stated 7 lies in [6, 8]
    ("agency_services", 9.5, "qualitative"),       # 达成, stated 9.5 lies in [8, 10]
])
def test_indicator_scores(scored_db, code, expected, basis):
    row = score_rows(scored_db)[("indicator", code)]
    assert (row["computed_score"], row["basis"]) == (pytest.approx(expected), basis)


def test_group_and_total_scores(scored_db):
    rows = score_rows(scored_db)
    # 产出: 10 + 10 + 10 + 10.37 = 40.37 against the stated 50
    assert (rows[("group", "产出")]["computed_score"], rows[("group", "产出")]["stated_score"]) == (
        pytest.approx(40.37), 50)
    assert rows[("group", "产出")]["difference"] == pytest.approx(9.63)
    # 效益: 5 + 9.23 + 7 = 21.23, weight 30 from evaluation.csv
    assert (rows[("group", "效益")]["computed_score"], rows[("group", "效益")]["weight"]) == (
        pytest.approx(21.23), 30)
    assert rows[("group", "满意度")]["computed_score"] == pytest.approx(9.5)
    # 预算执行: 52318.07 / 60000 = 0.871968 -> 10 × 0.871968 = 8.72
    assert rows[("group", "预算执行")]["computed_score"] == pytest.approx(8.72)
    assert rows[("group", "预算执行")]["execution"] == pytest.approx(52318.07 / 60000)
    # total: 40.37 + 21.23 + 9.5 + 8.72 = 79.82 -> 中 (60 <= 79.82 < 80); the report states 98 -> 优
    total = rows[("total", "total")]
    assert (total["computed_score"], total["computed_grade"], total["stated_score"], total["stated_grade"]) == (
        pytest.approx(79.82), "中", 98, "优")


def test_far_above_target_is_flagged(scored_db):
    rows = score_rows(scored_db)
    assert rows[("indicator", "projects_introduced")]["far_above_target"] is True   # 20 / 10 = 200%
    assert rows[("indicator", "fixed_asset_investment")]["far_above_target"] is False  # 117.27%


def test_a_qualitative_score_outside_its_tier_is_not_accepted(scored_db, tmp_path):
    import shutil

    data = tmp_path / "data"
    shutil.copytree(scored_db.parent / "data", data)
    set_cells(data / "indicator_values.csv", {"indicator_code": "agency_services"}, score="5")  # 达成 needs 8–10
    load(data, tmp_path / "out.duckdb")
    rows = score_rows(tmp_path / "out.duckdb")
    assert rows[("indicator", "agency_services")]["basis"] == "qualitative_out_of_range"
    assert rows[("group", "满意度")]["computed_score"] is None
    assert rows[("group", "满意度")]["basis"] == "incomplete"
    assert rows[("total", "total")]["computed_score"] is None


def test_the_seed_report_cannot_be_scored_and_says_why(seed_db):
    rows = score_rows(seed_db)
    total = rows[("total", "total")]
    assert (total["computed_score"], total["basis"], total["stated_score"], total["stated_grade"]) == (
        None, "incomplete", 98, "优")  # 五(二): 98 -> 优
    assert rows[("group", "产出")]["basis"] == "no_indicators"      # no indicator is assigned to 产出
    assert rows[("group", "预算执行")]["basis"] == "no_budget"      # the report gives no budget
    assert rows[("group", "效益")]["weight"] == 30                  # default weight: the report gives none
    assert rows[("indicator", "tax_revenue")]["basis"] == "no_level1"


@pytest.mark.parametrize(("stated", "weights", "total_weight"), [
    # 测试数据 in the 投入, 过程, 产出, 效益 framework, each group's 分值 given: 20 + 20 + 40 + 20 = 100
    ([("投入", 20, 18), ("过程", 20, 19), ("产出", 40, 38), ("效益", 20, 19)],
     {"投入": 20, "过程": 20, "产出": 40, "效益": 20}, 100),
    # its 分值 not given: the groups as stated, no default weight, and so no total weight
    ([("决策", None, 18), ("过程", None, 19), ("产出", None, 38), ("效益", None, 19)],
     {"决策": None, "过程": None, "产出": None, "效益": None}, None),
    # the self-evaluation's own groups keep the default ones, stated or not: 50 + 30 + 10 + 10 = 100
    ([("产出", None, 48), ("效益", None, 28)], {"产出": 50, "效益": 30, "满意度": 10, "预算执行": 10}, 100),
])
def test_a_report_of_another_framework_is_scored_in_its_own_groups(tmp_path, stated, weights, total_weight):
    from tests.datasets import UNIT, YEAR, write_dataset

    evaluation = [{"unit_code": UNIT, "year": YEAR, "level1": "总分", "score": 94, "source": "五"}] + [
        {"unit_code": UNIT, "year": YEAR, "level1": group, "max_score": weight, "score": score, "source": "五"}
        for group, weight, score in stated]
    load(write_dataset(tmp_path / "data", evaluation=evaluation), tmp_path / "p.duckdb")
    rows = score_rows(tmp_path / "p.duckdb", UNIT, YEAR)
    assert {level1: row["weight"] for (kind, level1), row in rows.items() if kind == "group"} == weights
    assert [level1 for kind, level1 in rows if kind == "group"] == list(weights)  # in the rules' order
    total = rows[("total", "total")]
    assert (total["weight"], total["stated_score"], total["computed_score"]) == (total_weight, 94, None)


@pytest.mark.parametrize(("achievement", "computed", "basis", "group"), [
    (None, None, "qualitative_no_tier", None),  # 及时 | 及时, no tier: the rules cannot score it, nor its group
    ("达成", 10, "qualitative", 20),            # the tier stated: 10 lies in 达成's 8–10; group 10 + 10
])
def test_an_indicator_judged_in_words_is_scored_only_with_its_tier(tmp_path, achievement, computed, basis, group):
    """测试数据: a form's row 资金拨付及时性 | 及时 | 及时 | 10 | 10 beside a quantitative row of 产出 (10 of 10)."""
    from tests.datasets import UNIT, YEAR, write_dataset

    indicators = [
        {"indicator_code": "tax_revenue", "indicator_name": "税收收入", "category": "tax", "level1": "产出",
         "unit": "亿元", "direction": "higher", "sort_order": 1},
        {"indicator_code": "timely", "indicator_name": "资金拨付及时性", "category": "tax", "level1": "产出",
         "unit": "定性", "direction": "higher", "sort_order": 2}]
    values = [
        {"unit_code": UNIT, "year": YEAR, "indicator_code": "tax_revenue", "target": 2, "actual": 2.5, "weight": 10,
         "score": 10, "source": "二"},
        {"unit_code": UNIT, "year": YEAR, "indicator_code": "timely", "target_text": "及时", "actual_text": "及时",
         "achievement": achievement or "", "weight": 10, "score": 10, "source": "二"}]
    load(write_dataset(tmp_path / "data", indicators=indicators, indicator_values=values), tmp_path / "p.duckdb")
    rows = score_rows(tmp_path / "p.duckdb", UNIT, YEAR)
    assert (rows[("indicator", "timely")]["computed_score"], rows[("indicator", "timely")]["basis"]) == (computed, basis)
    assert rows[("group", "产出")]["computed_score"] == group
    con = connect(tmp_path / "p.duckdb")
    try:
        status = con.execute("select status from indicator_progress where indicator_code = 'timely'").fetchone()[0]
    finally:
        con.close()
    assert status == "in_words"  # neither met nor missed: the report words it
