"""Each audit check on its own: a case that must fire and a case that must not. The seed cases are the
2024 report itself; each expected finding was checked by hand against the report text (cited)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

import pandas as pd
import pytest

from perfboard import audit
from perfboard.database import fetch_df
from perfboard.unit_year import UnitYear
from tests.conftest import SEED_UNIT, SEED_YEAR


@pytest.fixture
def seed(seed_con) -> UnitYear:
    return UnitYear.of(partial(fetch_df, seed_con), SEED_UNIT, SEED_YEAR)


def held(data: UnitYear, year: int | None = None, **frames: pd.DataFrame) -> UnitYear:
    """The year's views read once, those named in `frames` replaced; `year` relabels it without re-reading."""
    rows = {name: data.view(name) for name in audit.AUDITED_VIEWS.values()} | frames
    return UnitYear(data.unit_code, year or data.year, data.report, lambda name, unit_code, year: rows[name])


def fired(data: UnitYear, code: str) -> list[audit.Finding]:
    return list(audit.CHECKS[code][1](audit.Reports.of(data)))


def changed(data: UnitYear, view: str, key_column: str, key: str, **values) -> UnitYear:
    frame = data.view(view).copy()
    for column, value in values.items():
        frame.loc[frame[key_column] == key, column] = value
    return held(data, **{view: frame})


def test_every_check_is_registered_with_a_label_and_a_severity():
    from perfboard import texts

    assert set(audit.CHECKS) == set(texts.CHECK_LABELS)
    assert {severity for severity, _ in audit.CHECKS.values()} <= set(texts.SEVERITIES)


def test_spending_parts(seed):
    assert fired(seed, "SPENDING_PARTS") == []  # 754.63 + 46.82 = 801.45; 801.45 + 51516.62 = 52318.07 (一(二))
    broken = changed(seed, "spending_structure", "item_code", "basic_public", amount=46.00)
    (found,) = fired(broken, "SPENDING_PARTS")  # 754.63 + 46.00 = 800.63, 0.82 short of 801.45
    assert found.subject == "basic" and "800.63万元" in found.message and "0.82万元" in found.message
    overlisted = changed(seed, "spending_structure", "item_code", "project_debt_and_bonds", amount=60000.0)
    (found,) = fired(overlisted, "SPENDING_PARTS")  # 615.33 + 60000 + 9950 + 200 + 710 = 71475.33 > 51516.62
    assert found.subject == "project" and "71,475.33万元" in found.message


def test_spending_unitemised(seed):
    (found,) = fired(seed, "SPENDING_UNITEMISED")  # 二(二) ends its list with 等: 51516.62 - 51408.96 = 107.66
    assert "107.66万元" in found.message and found.severity == "提示"
    listed_all = held(seed, spending_structure=seed.structure[~seed.structure["is_derived"]])
    assert fired(listed_all, "SPENDING_UNITEMISED") == []


def test_score_parts(seed):
    assert fired(seed, "SCORE_PARTS") == []  # 五(二): 50 + 38 + 10 = 98
    broken = changed(seed, "evaluation_summary", "unit_code", SEED_UNIT, stated_total=99.0)
    (found,) = fired(broken, "SCORE_PARTS")
    assert "合计98分" in found.message and "总分为99分" in found.message


def test_score_over_weight(seed):
    (found,) = fired(seed, "SCORE_OVER_WEIGHT")  # 五(二): 效益 38 against the default weight 30
    assert found.subject == "效益" and "38分" in found.message and "30分" in found.message
    assert fired(changed(seed, "evaluation_score", "level1", "效益", weight=40.0), "SCORE_OVER_WEIGHT") == []


def test_score_group_missing(seed):
    (found,) = fired(seed, "SCORE_GROUP_MISSING")  # 五(二) gives no 预算执行 score
    assert found.subject == "预算执行"
    assert fired(changed(seed, "evaluation_score", "level1", "预算执行", stated_score=10.0), "SCORE_GROUP_MISSING") == []


@pytest.mark.parametrize(("weights", "fires"), [
    ([10.0] * 4, True),   # 测试数据: a form's 产出 of four indicators at 10 each, 40 against the group's 50
    ([12.5] * 4, False),  # 4 × 12.5 = 50
    ([10.0, 10.0, 10.0, None], False),  # one indicator without its 分值: the form does not give them all
])
def test_indicator_weights(seed, weights, fires):
    assert fired(seed, "INDICATOR_WEIGHTS") == []  # the seed's report gives no indicator its 分值
    scores = seed.view("evaluation_score").copy()
    output = ["tax_revenue", "fixed_asset_investment", "projects_started", "fundraising"]
    scores.loc[scores["indicator_code"].isin(output), "level1"] = "产出"
    scores.loc[scores["indicator_code"].isin(output), "weight"] = [float("nan") if w is None else w for w in weights]
    found = fired(held(seed, evaluation_score=scores), "INDICATOR_WEIGHTS")
    assert [(f.subject, "4项指标分值合计40分" in f.message, "权重为50分" in f.message) for f in found] == \
        ([("产出", True, True)] if fires else [])


def test_rate_mismatch(seed):
    (found,) = fired(seed, "RATE_MISMATCH")  # 四.5: 12.96 / 25 = 51.84%, the report says 56.08%
    assert found.subject == "financing_raised" and "56.08%" in found.message and "51.84%" in found.message
    assert found.severity == "错误" and found.source == "四.5"
    fixed = changed(seed, "indicator_results", "indicator_code", "financing_raised", stated_rate=0.5184)
    assert fired(fixed, "RATE_MISMATCH") == []


def test_rate_unverifiable(seed):
    (found,) = fired(seed, "RATE_UNVERIFIABLE")  # 四.6: 103.3% of a task the report does not give
    assert found.subject == "hidden_debt_resolved" and "103.3%" in found.message
    quiet = changed(seed, "indicator_results", "indicator_code", "hidden_debt_resolved", stated_rate=None)
    assert fired(quiet, "RATE_UNVERIFIABLE") == []


def test_yoy_mismatch(seed):
    assert fired(seed, "YOY_MISMATCH") == []  # no 2023 data: derived previous years reproduce the rate
    loaded = changed(seed, "indicator_results", "indicator_code", "fixed_asset_investment", previous_basis="loaded",
                     previous_actual=30.0, yoy_rate=0.1813)  # as indicator_yoy computes it: (35.44 - 30) / 30
    (found,) = fired(loaded, "YOY_MISMATCH")  # (35.44 - 30) / 30 = +18.13%, stated +10.63%
    assert "+18.13%" in found.message and "+10.63%" in found.message
    consistent = changed(seed, "indicator_results", "indicator_code", "fixed_asset_investment", previous_basis="loaded",
                         previous_actual=32.0347, yoy_rate=0.1063)  # (35.44 - 32.0347) / 32.0347 = 0.106300
    assert fired(consistent, "YOY_MISMATCH") == []


def test_target_equals_actual(seed):
    found = {f.subject: f for f in fired(seed, "TARGET_EQUALS_ACTUAL")}
    # 一(三) target 30.22亿元 = 四.1 "其中工业固投30.22亿元"; 一(三) tax target 4.28 = 四.1 actual 4.28
    assert set(found) == {"fixed_asset_investment", "tax_revenue"}
    assert found["fixed_asset_investment"].severity == "警告" and "工业固定资产投资" in found["fixed_asset_investment"].message
    assert found["tax_revenue"].severity == "提示"
    apart = changed(changed(seed, "indicator_results", "indicator_code", "fixed_asset_investment", target=30.0),
                    "indicator_results", "indicator_code", "tax_revenue", actual=4.29)
    assert fired(apart, "TARGET_EQUALS_ACTUAL") == []
    # rates coincide as counts do: 95% the target of one, the actual of another, in a form's rows (测试数据)
    rates = changed(changed(apart, "indicator_results", "indicator_code", "fixed_asset_investment", unit="%",
                            target=95.0), "indicator_results", "indicator_code", "tax_revenue", unit="%", actual=95.0)
    assert fired(rates, "TARGET_EQUALS_ACTUAL") == []


def test_target_without_actual(seed):
    subjects = {f.subject for f in fired(seed, "TARGET_WITHOUT_ACTUAL")}
    # 一(三): 新开工 14, 新投产 10 without results; 四.5: four land figures planned (年内拟) without results
    assert subjects == {"projects_started", "projects_in_production", "idle_approved_land_disposed",
                        "inefficient_land_disposed", "land_approval", "three_land_rectification"}
    reported = held(seed, indicator_results=seed.results[seed.results["status"] != "no_actual"])
    assert fired(reported, "TARGET_WITHOUT_ACTUAL") == []


def test_far_above_target(seed):
    assert fired(seed, "FAR_ABOVE_TARGET") == []  # the highest is 35.44 / 30.22 = 117.3%
    far = changed(seed, "indicator_results", "indicator_code", "fundraising", actual=3200.0, completion_rate=3200 / 2100)
    (found,) = fired(far, "FAR_ABOVE_TARGET")  # 3200 / 2100 = 152.4%
    assert "152.4%" in found.message


def test_estimates_and_partial_periods(seed):
    # 四.1: 预计 产值, 增加值, 固投 (and its 工业固投), 线上零售额; 四.5: 预计 新建厂房, 供地
    assert len(fired(seed, "ESTIMATE_IN_YEAR_END")) == 7
    # 四.2: six 截至10月 figures; 四.5 "现已" 到位资金; 四.6 "截至目前" 化解债务
    assert len(fired(seed, "PARTIAL_PERIOD")) == 8
    clean = held(seed, indicator_results=seed.results.assign(is_estimate=False, is_partial=False))
    assert fired(clean, "ESTIMATE_IN_YEAR_END") == [] and fired(clean, "PARTIAL_PERIOD") == []


def test_text_figure_missing(seed):
    assert fired(seed, "TEXT_FIGURE_MISSING") == []  # every figure of the data stands in its sections
    typo = changed(seed, "indicator_results", "indicator_code", "tax_revenue", actual=4.82)
    (found,) = fired(typo, "TEXT_FIGURE_MISSING")
    assert found.subject == "tax_revenue" and "4.82亿元" in found.message
    spending_typo = changed(seed, "spending_structure", "item_code", "basic", amount=801.54)
    (found,) = fired(spending_typo, "TEXT_FIGURE_MISSING")
    assert found.subject == "basic"


@pytest.mark.parametrize(("text", "value", "found"), [
    ("新开工项目14个", 14, True), ("新开工项目140个", 14, False), ("5.868平方公里", 5.868, True),
    ("5.868平方公里", 5.8, False), ("2003年", 200, False), ("200万元", 200, True), ("25,751平方米", 25751, True),
    # a figure written with trailing zeros is the same figure; other digits after it are not
    ("项目支出760.60万元", 760.6, True), ("760.00万元", 760, True), ("760.61万元", 760.6, False), ("760.05万元", 760, False),
    # typed full-width, as a report may be: the same figures
    ("入库税收４．２８亿元", 4.28, True), ("入库税收４．２８亿元", 28, False), ("覆盖率４５％", 45, True),
])
def test_a_figure_is_found_only_as_a_whole_number(text, value, found):
    assert audit.written_in(text, value) is found


def test_text_year_label(seed):
    (found,) = fired(seed, "TEXT_YEAR_LABEL")  # 四.1 opens "2023年，园区各项主要经济指标…" in the 2024 report
    assert found.source == "四.1" and "“2023年”" in found.message
    sections = seed.sections.copy()
    sections["body"] = sections["body"].str.replace("2023年，园区", "2024年，园区")
    assert fired(held(seed, report_sections=sections), "TEXT_YEAR_LABEL") == []


def test_text_stale_plan(seed):
    excerpts = [f.message for f in fired(seed, "TEXT_STALE_PLAN")]
    # 四.3: "预计2024年春节前…", "供水项目预计在12月底前…", "计划在2024年6月底前…" in a report on 2024
    assert len(excerpts) == 3
    assert any("预计2024年春节前" in e for e in excerpts) and any("计划在2024年6月底前" in e for e in excerpts)
    # Read as a 2023 report, the 2024 deadlines are still ahead; only "12月底前" (of 2023) has passed.
    assert len(fired(held(seed, year=2023), "TEXT_STALE_PLAN")) == 1


def problems_body(report: UnitYear, body: str) -> UnitYear:
    return changed(report, "report_sections", "section_key", "problems", body=body)


@pytest.mark.parametrize(("body", "empty"), [
    ("", True), ("无。", True), ("暂无", True), ("  ", True),
    ("加强预算执行监控。", False),  # nine characters that say something: it was called empty
])
def test_text_empty_section(seed, body, empty):
    assert fired(seed, "TEXT_EMPTY_SECTION") == []
    found = fired(problems_body(seed, body), "TEXT_EMPTY_SECTION")
    assert [(f.subject, f.severity) for f in found] == ([("problems", "错误")] if empty else [])


def test_text_generic_section(seed):
    # 六 and 七 name no indicator, project or figure, while 资金筹措 stands at 51.8% (四.5)
    found = fired(seed, "TEXT_GENERIC_SECTION")
    assert [f.subject for f in found] == ["problems", "measures"]
    assert "资金筹措到位资金（51.8%）" in found[0].message
    specific = problems_body(seed, "1.资金筹措到位资金12.96亿元，仅完成年度任务25亿元的51.84%。")
    assert [f.subject for f in fired(specific, "TEXT_GENERIC_SECTION")] == ["measures"]


@pytest.mark.parametrize(("named", "generic"), [
    ("税收入库", False),                       # an indicator of 四.1
    ("园区各项考核奖励", False),               # a project item, second level of 二(二)
    ("项目支出", True),                        # a first-level item says nothing specific
    ("其他项目支出（报告未逐项列明）", True),  # the derived remainder is not the report's own name
])
def test_text_generic_section_counts_names_of_the_report(seed, named, generic):
    measures = changed(seed, "report_sections", "section_key", "measures",
                       body=f"下一步将继续抓好{named}工作，确保落实到位。")
    flagged = [f.subject for f in fired(measures, "TEXT_GENERIC_SECTION")]
    assert ("measures" in flagged) is generic and "problems" in flagged


def test_run_on_the_seed_counts_each_check(seed):
    findings = audit.run(seed)
    counts = {}
    for f in findings:
        counts[f.check] = counts.get(f.check, 0) + 1
    assert counts == {"SPENDING_UNITEMISED": 1, "SCORE_OVER_WEIGHT": 1, "SCORE_GROUP_MISSING": 1, "RATE_MISMATCH": 1,
                      "RATE_UNVERIFIABLE": 1, "TARGET_EQUALS_ACTUAL": 2, "TARGET_WITHOUT_ACTUAL": 6,
                      "ESTIMATE_IN_YEAR_END": 7, "PARTIAL_PERIOD": 8, "TEXT_YEAR_LABEL": 1, "TEXT_STALE_PLAN": 3,
                      "TEXT_GENERIC_SECTION": 2}
    assert all(f.unit_code == SEED_UNIT and f.year == SEED_YEAR for f in findings)


@pytest.mark.parametrize(("stated", "computed", "qualifier", "contradicts"), [
    (1.0477, 1.0477, None, False),   # 立项争资 2200.15 / 2100 = 104.77%, stated the same
    (0.5608, 0.5184, None, True),    # 四.5: 12.96 / 25 = 51.84% against the stated 56.08%
    (1.10, 1.00, "超过", False),     # "超过2亿" completes at least 2 / 2 = 100%: 110% may be true
    (0.90, 1.00, "突破", True),      # at least 100%, stated 90%: contradicts
    (0.90, 1.00, "不足", False),     # less than 100%: 90% may be true
    (0.90, 1.00, "以内", False),     # at most 100% (控制在…以内): 90% may be true
    (1.10, 1.00, "以下", True),      # at most 100%, stated 110%: contradicts
    (0.97, 1.00, "约", False),       # about 100%: within five points
    (0.90, 1.00, "近", True),        # about 100%: ten points off
    # a rate stated to fewer places stands for a range: 4.02 / 3.9 = 103.08% is 103.1% (测试数据, hand-calculated)
    (1.031, 1.0308, None, False), (1.04, 1.0362, None, False),  # 104% stands for 103.5–104.5%
    (1.031, 1.0290, None, True),   # 102.90% is not 103.1%
    (1.0308, 1.0310, None, True),  # stated to two places: 103.08% against 103.10%
])
def test_a_qualified_figure_is_compared_as_the_bound_it_states(stated, computed, qualifier, contradicts):
    assert audit.rate_contradicts(stated, computed, qualifier) is contradicts


def test_us_dollars_and_breakthrough_figures_load_and_stand_in_the_text(tmp_path):
    """'实际利用外资突破2亿美元' is typed as it is written: 2, 亿美元, 突破 (once refused, and typed as 超过 20000万美元
    it was then reported missing from the text)."""
    from perfboard.database import connect, load
    from tests.datasets import NARRATIVE, UNIT, YEAR, write_dataset

    data_dir = write_dataset(
        tmp_path / "data",
        narratives={(UNIT, YEAR): NARRATIVE.replace("税收收入2.5亿元。", "实际利用外资突破2亿美元。")},
        categories=[{"category_code": "investment", "category_name": "招商引资"}],
        indicators=[{"indicator_code": "foreign_capital", "indicator_name": "实际利用外资", "category": "investment",
                     "unit": "亿美元", "direction": "higher"}],
        indicator_values=[{"unit_code": UNIT, "year": YEAR, "indicator_code": "foreign_capital", "actual": 2,
                           "qualifier": "突破", "source": "二"}])
    load(data_dir, tmp_path / "usd.duckdb")
    con = connect(tmp_path / "usd.duckdb")
    report = held(UnitYear.of(partial(fetch_df, con), UNIT, YEAR))
    con.close()
    assert fired(report, "TEXT_FIGURE_MISSING") == []
    row = report.results.iloc[0]
    assert audit.amount(row) == "突破2亿美元"


@pytest.fixture(params=["seed", "three_units", "county"])
def published(request) -> Path:
    """A database loaded with its audit: the seed (whose 2020 and 2023 figures come from other public sources,
    with no report of their own), a hand-made three-unit county (tests/datasets.py), the generated county."""
    from tests.datasets import write_three_unit_county

    if request.param == "seed":
        return request.getfixturevalue("seed_db")
    if request.param == "county":
        return request.getfixturevalue("county")[1]
    return request.getfixturevalue("loaded")("three_units", write_three_unit_county)[1]


def test_findings_stored_at_publish_are_those_of_each_unit_year(published):
    """The audit of a publish (every unit-year at once) finds exactly what the audit of each unit-year alone
    finds, no more (a year without a report is not audited) and no fewer."""
    from perfboard.database import connect

    con = connect(published)
    try:
        stored = fetch_df(con, "audit_findings")
        held = fetch_df(con, "available_years")
        one_by_one = [found for unit, year in zip(held["unit_code"], held["year"])
                      for found in audit.run(UnitYear.of(partial(fetch_df, con), unit, int(year)))]
    finally:
        con.close()
    key = ["unit_code", "year", "check", "severity", "subject", "message", "source"]
    assert sorted(map(tuple, stored[key].fillna("").astype(str).values.tolist())) == sorted(
        tuple("" if getattr(found, column) is None else str(getattr(found, column)) for column in key)
        for found in one_by_one)
    assert len(one_by_one) > 0
