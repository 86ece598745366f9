"""Every page renders without exception (streamlit.testing.v1.AppTest), shows its charts and tables,
follows the year chosen in the sidebar, and says so clearly for a year without data."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from perfboard import texts
from perfboard.unit_year import UnitYear
from tests.conftest import shown

APP = str(Path(__file__).resolve().parent.parent / "app.py")

# page file -> (charts at least, tables at least) on the 2024 report
PAGES = {
    "screens/overview_page.py": (2, 0),
    "screens/targets_page.py": (10, 1),   # one bullet graph per indicator category (10 categories)
    "screens/spending_page.py": (5, 1),   # tree, split, basic parts, project parts, 三公经费
    "screens/trends_page.py": (3, 1),     # trend lines, growth rates, spending by year
    "screens/projects_page.py": (1, 1),
    "screens/report_page.py": (19, 0),    # every chart of the year beside its section
    "screens/score_page.py": (1, 1),      # stated against weight per group; the group table
    "screens/audit_page.py": (0, 0),      # findings as cards
    "screens/county_page.py": (4, 1),     # distribution, ranking, categories, severity; the units table
    "screens/present_page.py": (1, 0),    # one chart per screen
}


def charts_on(at: AppTest) -> int:
    return len(at.get("plotly_chart"))


def open_page(page: str, data_dir: Path, db_path: Path, monkeypatch, **query) -> AppTest:
    monkeypatch.setenv("PERFBOARD_DATA", str(data_dir))
    monkeypatch.setenv("PERFBOARD_DB", str(db_path))
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in query.items():
        at.query_params[name] = value
    at.run()
    if page != "screens/overview_page.py":
        at.switch_page(page).run()
    return at


@pytest.fixture
def seed_paths(tmp_path):
    from perfboard.database import DEFAULT_DATA_DIR

    return DEFAULT_DATA_DIR, tmp_path / "app.duckdb"


def test_sessions_share_one_unit_year_per_build(seed_paths, monkeypatch):
    """Every session's pages read the selected year through one held UnitYear (ui.unit_year), so its views
    and outline are gathered once per build, not on every run."""
    made = []
    real = UnitYear.of
    monkeypatch.setattr(UnitYear, "of", lambda fetch, unit_code, year: made.append((unit_code, year))
                        or real(fetch, unit_code, year))
    for page in ("screens/overview_page.py", "screens/targets_page.py", "screens/report_page.py"):
        at = open_page(page, *seed_paths, monkeypatch)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    assert made == [("taojiang_hitech", 2024)]


def test_what_a_page_derives_from_the_year_is_made_once_per_build(seed_paths, monkeypatch):
    """The overview's summary and the tables of 自评得分, 目标完成 and 支出结构 (ui.of_year) are made on the first
    run of the first session; later runs and other sessions only draw them."""
    from perfboard import summary, tables

    made = {(summary, "year_summary"): 1, (tables, "score_table"): 2,  # 自评得分: the groups' and the indicators'
            (tables, "indicator_table"): 1, (tables, "spending_table"): 1}
    calls = {name: 0 for _, name in made}
    for module, name in made:
        real = getattr(module, name)
        monkeypatch.setattr(module, name, lambda *args, real=real, name=name: calls.update({name: calls[name] + 1})
                            or real(*args))
    pages = ("overview", "score", "targets", "spending")
    for page in pages * 2:
        at = open_page(f"screens/{page}_page.py", *seed_paths, monkeypatch)
        at.run()
        assert not at.exception, [e.value for e in at.exception]
    assert calls == {name: count for (_, name), count in made.items()}


@pytest.mark.parametrize(("page", "expected"), PAGES.items(), ids=list(PAGES))
def test_page_renders_its_charts_and_tables(page, expected, seed_paths, monkeypatch):
    at = open_page(page, *seed_paths, monkeypatch)
    charts, tables = expected
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert charts_on(at) >= charts
    assert len(at.dataframe) >= tables


def test_overview_cards_and_summary_speak_the_report(seed_paths, monkeypatch):
    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch)
    cards = {m.label: m.value for m in at.metric}
    assert cards["税收入库"] == "4.28亿元"                 # 四.1
    assert cards["固定资产投资（预计）"] == "35.44亿元"     # 四.1, 预计
    assert cards["新引进项目（截至10月）"] == "20个"        # 四.2, 截至10月
    assert cards["新开工项目"] == "未报告"                  # 一(三) gives the target only
    assert cards["立项争资"] == "2,200.15万元"
    assert cards["自评得分"] == "98分"                      # 五(二)
    summary = " ".join(shown(m.value) for m in at.markdown)
    assert "税收入库4.28亿元，完成年度目标的100.0%" in summary
    assert "立项争资2,200.15万元，完成年度目标的104.8%" in summary  # 2200.15 / 2100 = 104.77% -> 104.8%


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_page_follows_the_year_chosen_in_the_sidebar(page, two_year_data, tmp_path, monkeypatch):
    at = open_page(page, two_year_data, tmp_path / "two.duckdb", monkeypatch)
    assert at.sidebar.selectbox(key="year").value == 2024  # the latest year by default
    at.sidebar.selectbox(key="year").select(2023).run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.query_params["year"] == ["2023"] or at.query_params["year"] == "2023"
    assert at.session_state["selection"].year == 2023
    assert (at.title or charts_on(at)) and charts_on(at) >= min(1, PAGES[page][0])


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_a_year_without_data_gives_a_clear_message(page, seed_paths, monkeypatch):
    at = open_page(page, *seed_paths, monkeypatch, year="2019")
    assert not at.exception, [e.value for e in at.exception]
    assert any("没有 2019 年的数据" in shown(info.value) and "2024年" in shown(info.value) for info in at.info)
    assert charts_on(at) == 0


def test_audit_page_lists_the_findings_by_severity(seed_paths, monkeypatch):
    at = open_page("screens/audit_page.py", *seed_paths, monkeypatch)
    counts = {m.label: m.value for m in at.metric}
    assert counts == {"错误": "1", "警告": "27", "提示": "6"}  # see tests/test_audit.py for each finding
    text = " ".join(shown(m.value) for m in at.markdown)
    assert "报告称完成56.08%，按报告数字 12.96 ÷ 25 = 51.84%" in text
    at.multiselect(key="audit_severities").select("错误").run()
    assert [s.value for s in at.subheader] == ["错误（1）"]


def test_score_page_says_why_the_seed_cannot_be_scored(seed_paths, monkeypatch):
    at = open_page("screens/score_page.py", *seed_paths, monkeypatch)
    cards = {m.label: m.value for m in at.metric}
    assert cards == {"报告自评总分": "98分", "按规则计算总分": "—"}
    assert [info.value for info in at.info if "无法按规则重算得分" in info.value] == [  # 五(二) gives no weights or budget
        "无法按规则重算得分：产出、效益、满意度：报告未列出该组的指标及分值，无法计算；预算执行：报告未给出预算数，无法计算预算执行率。"
        "下表列出报告自评分、各组权重，以及无法计算的原因。"]


def test_overview_counts_the_findings(seed_paths, monkeypatch):
    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch)
    assert any("数据核查：错误 1 条、警告 27 条、提示 6 条" in c.value for c in at.caption)


def test_presentation_turns_pages_one_chart_at_a_time(seed_paths, monkeypatch):
    at = open_page("screens/present_page.py", *seed_paths, monkeypatch)
    messages = lambda: [shown(m.value) for m in at.main.markdown if "<" not in m.value]  # noqa: E731
    assert "7项重点工作目标：5项已完成，2项报告未给出完成数" in messages()[0]  # 一(三) and 四: 5 met, 2 unreported
    assert charts_on(at) == 1 and at.button(key="slide_back").disabled
    at.button(key="slide_forward").click().run()
    assert "税收入库4.28亿元，完成年度目标的100.0%" in messages()[0]
    assert charts_on(at) == 1 and any("2 / 20" in m.value for m in at.markdown)


def test_overview_builds_the_deck_with_progress(seed_paths, monkeypatch):
    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch)
    at.button(key="build_deck").click().run(timeout=180)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.session_state["deck_taojiang_hitech_2024"]) > 100_000  # the .pptx bytes, ready to download


def test_unit_selector_is_hidden_with_a_single_unit(seed_paths, monkeypatch):
    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch)
    assert [box.label for box in at.sidebar.selectbox] == ["年度"]


def test_a_page_view_never_rebuilds_and_a_new_load_reaches_the_running_app(data_copy, tmp_path, monkeypatch):
    """Reading never rebuilds (a changed file is not loaded by a visit), and a load is picked up by the
    sessions of a running server without a restart: each load is a new build behind the pointer."""
    from perfboard.database import load
    from tests.conftest import set_cells

    db_path = tmp_path / "app.duckdb"
    load(data_copy, db_path)
    at = open_page("screens/overview_page.py", data_copy, db_path, monkeypatch)
    assert {m.label: m.value for m in at.metric}["税收入库"] == "4.28亿元"  # 四.1
    set_cells(data_copy / "indicator_values.csv", {"indicator_code": "tax_revenue"}, actual="5.28")
    at.run()
    assert {m.label: m.value for m in at.metric}["税收入库"] == "4.28亿元"  # the file changed, nobody loaded it
    load(data_copy, db_path)
    at.run()
    assert {m.label: m.value for m in at.metric}["税收入库"] == "5.28亿元"  # the same session, no restart


@pytest.mark.parametrize("year", ["²", "٢٠٢٤", "2024abc", "-1"])
def test_a_malformed_year_in_the_url_falls_back_to_the_latest(year, seed_paths, monkeypatch):
    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch, year=year)
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["selection"].year == 2024


def test_a_failing_page_shows_a_reference_not_a_traceback(seed_paths, monkeypatch, caplog):
    """Whatever breaks inside a page, the visitor reads a Chinese sentence with a reference; the server log
    has the details under that reference."""
    from perfboard import summary

    def broken(*_args, **_kwargs):
        raise RuntimeError("/srv/secret/path went wrong")

    monkeypatch.setattr(summary, "year_summary", broken)
    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch)
    assert not at.exception
    message = " ".join(e.value for e in at.error)
    assert "这一页暂时无法显示" in message and "/srv/secret" not in message
    reference = message.split("编号 ")[1].split(" ")[0]
    assert any(reference in record.getMessage() and record.exc_info for record in caplog.records)


def test_error_details_are_off_for_visitors():
    import tomllib

    config = tomllib.loads((Path(APP).parent / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
    assert config["runner"]["magicEnabled"] is False  # no bare expression writes to a page
    # no full collection after every run: it held every session's messages back (docs/architecture.md)
    assert config["runner"]["postScriptGC"] is False


def test_a_client_clearing_the_caches_leaves_connections_and_pages_working(seed_paths, monkeypatch):
    """Any websocket client may send Streamlit's clear-cache message (it clears both caches for everyone).
    The connections live outside those caches, so a clear costs recomputation and nothing else."""
    import streamlit as st

    from perfboard import ui
    from perfboard.database import current_build

    at = open_page("screens/overview_page.py", *seed_paths, monkeypatch)
    build = current_build(seed_paths[1])
    connection = ui.READERS.connection(build)
    st.cache_data.clear()
    st.cache_resource.clear()
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert {m.label: m.value for m in at.metric}["税收入库"] == "4.28亿元"  # 四.1
    assert ui.READERS.connection(build) is connection


@pytest.fixture(scope="module")
def two_units(loaded):
    from tests.datasets import write_seed_with_fixture_unit

    return loaded("two_units", write_seed_with_fixture_unit)


def test_switching_unit_lands_on_a_year_that_unit_has(two_units, monkeypatch):
    """From 桃江 2024 to a unit that has 2023 only: its latest year, in the URL too (it was a dead end)."""
    at = open_page("screens/overview_page.py", *two_units, monkeypatch, unit="taojiang_hitech", year="2024")
    assert at.session_state["selection"].year == 2024
    at.sidebar.selectbox(key="unit").select("test_unit").run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.session_state["selection"].unit_code == "test_unit"
    assert at.session_state["selection"].year == 2023
    assert at.query_params["year"] in (["2023"], "2023") and at.query_params["unit"] in (["test_unit"], "test_unit")
    at.sidebar.selectbox(key="unit").select("taojiang_hitech").run()
    assert at.session_state["selection"].year == 2024


def test_trends_show_the_public_figures_of_2020_and_2023_marked_with_their_documents(seed_paths, monkeypatch):
    """历年对比 for 桃江: tax in 2020, 2023 and 2024, investment in 2020 and 2024 (and 2023 derived from the
    2024 report's 10.63%); the news figures carry a note mark, and the footnotes name the documents and their
    caveats (documents.csv)."""
    import plotly.io as pio

    at = open_page("screens/trends_page.py", *seed_paths, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    from perfboard import charts, texts

    figures = [pio.from_json(chart.proto.spec) for chart in at.get("plotly_chart")]
    # drawn as exported: the house template, not restyled by Streamlit's theme in the browser
    assert all(chart.proto.theme == "" for chart in at.get("plotly_chart"))
    assert all(figure.layout.template == charts.HOUSE_TEMPLATE for figure in figures)
    trend = next(f for f in figures if f.layout.title.text == texts.CHART_TRENDS_TITLE)
    tax, investment = (next(t for t in trend.data if t.text and label in t.text) for label in ("4.28", "35.44"))
    assert list(plotted(tax.x)) == [2020, 2023, 2024] and list(plotted(tax.y)) == [1.78, 3.36, 4.28]
    assert list(tax.text) == ["1.78［注1］", "3.36［注2］", "4.28"]
    assert list(plotted(investment.x)) == [2020, 2023, 2024]
    assert list(investment.text) == ["28.8［注1］", "32.03〔推算〕", "35.44"]  # 35.44 / 1.1063 = 32.0347…
    assert list(tax.marker.symbol) == ["square-open", "square-open", "circle"]  # the news figures' own marker
    note = next(a.text for a in trend.layout.annotations if a.text.startswith("来源"))
    assert "注1：经开区2020年工作总结（新闻报道）（桃江县人民政府网站，2021-03-01）" in note
    assert "注2：园区2023年度工作总结大会（新闻报道）（桃江新闻网，2024-02-07）" in note
    assert note.count("园区合并前的数字，未说明是否含灰山港") == 2


def test_trends_redraw_for_the_years_and_indicators_chosen(seed_paths, monkeypatch):
    """The comparison table and the trend lines are held per choice (ui.chosen_table, ui.chosen_chart): another
    choice draws its own, and going back shows the first again. Years in the seed: 2024 from the report, 2023
    derived from its growth rates, 2020 and 2023 from the news (documents.csv)."""
    at = open_page("screens/trends_page.py", *seed_paths, monkeypatch)

    def compared_years() -> list[str]:
        return [c for c in at.dataframe[-1].value.columns if c.endswith("年")]

    def trend_names() -> set[str]:  # each indicator's line names it on hover: "%{text}<extra>税收入库</extra>"
        spec = next(json.loads(c.proto.spec) for c in at.get("plotly_chart") if c.key == "chart_trend_lines")
        return {re.search("<extra>(.*)</extra>", t["hovertemplate"])[1] for t in spec["data"] if "hovertemplate" in t}

    assert compared_years() == ["2023年", "2024年"]  # the base year first
    at.selectbox(key="trends_earlier").set_value(2020).run()  # 2020's figures are the news's: never compared
    assert not at.dataframe and texts.TRENDS_NOTHING_TO_COMPARE in [i.value for i in at.info]
    at.selectbox(key="trends_earlier").set_value(2023).run()
    assert compared_years() == ["2023年", "2024年"]

    every_name = trend_names()
    at.multiselect(key="trends_pick").set_value(["税收入库"]).run()
    assert trend_names() == {"税收入库"} < every_name
    at.multiselect(key="trends_pick").set_value([]).run()  # no choice: every indicator
    assert trend_names() >= every_name


@pytest.mark.parametrize(("status", "rows"), [("在建", 3), ("已投产", 10), ("前期", 1)])  # data/projects.csv
def test_projects_redraw_for_the_status_chosen(seed_paths, monkeypatch, status, rows):
    at = open_page("screens/projects_page.py", *seed_paths, monkeypatch)
    at.multiselect(key="projects_statuses").set_value([status]).run()
    table = at.dataframe[-1].value
    assert list(table[texts.TABLE_COLUMNS["status"]]) == [status] * rows
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)  # a bar for each project type at its status
    assert {x for trace in spec["data"] for x in trace["x"]} == {status}
    at.multiselect(key="projects_statuses").set_value([]).run()
    assert len(at.dataframe[-1].value) == 16


def test_report_search_highlights_the_query_and_clears(seed_paths, monkeypatch):
    """报告原文's sections are made once per build for no query (ui.report_blocks); a query shows its own."""
    at = open_page("screens/report_page.py", *seed_paths, monkeypatch)
    every_block = [m.value for m in at.markdown]
    at.text_input(key="report_search").set_value("入库税收").run()
    found = [m.value for m in at.markdown if ":orange-background[入库税收]" in m.value]
    assert found and all(block.startswith("#") for block in found)  # each section one block, its heading first
    at.text_input(key="report_search").set_value("").run()
    assert [m.value for m in at.markdown] == every_block


def plotted(values):
    """A trace's numbers as Plotly sends them to the browser (typed arrays arrive base64-encoded)."""
    import base64

    import numpy as np

    if isinstance(values, dict):
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


@pytest.mark.parametrize(("evaluation", "card", "says"), [
    # groups only: the total is their sum and says so (it showed 98分 优 unmarked while 自评得分 said 未报告)
    ([("产出", 50), ("效益", 35)], "85分〔推算〕", "报告未给出总分，由各组得分相加"),
    ([("总分", 92)], "92分", "等级 优"),  # the total only: shown (the overview said 未报告)
])
def test_overview_score_card_marks_a_derived_total(evaluation, card, says, tmp_path, monkeypatch):
    from perfboard.database import load
    from tests.datasets import UNIT, YEAR, write_dataset

    data_dir = write_dataset(tmp_path / "data", evaluation=[
        {"unit_code": UNIT, "year": YEAR, "level1": level1, "score": score} for level1, score in evaluation])
    load(data_dir, tmp_path / "db.duckdb")
    at = open_page("screens/overview_page.py", data_dir, tmp_path / "db.duckdb", monkeypatch)
    assert {m.label: m.value for m in at.metric}["自评得分"] == card
    assert any(says in shown(c.value) for c in at.caption)


@pytest.mark.parametrize(("evaluation", "columns"), [
    ([("总分", 92)], 2),  # the total only: no chart of groups, the report's words across the page (2 cards' columns)
    ([("产出", 50), ("效益", 35)], 4),  # groups: their chart with the words beside it
])
def test_score_page_leaves_no_empty_column_where_there_is_no_chart(evaluation, columns, tmp_path, monkeypatch):
    from perfboard.database import load
    from tests.datasets import UNIT, YEAR, write_dataset

    data_dir = write_dataset(tmp_path / "data", evaluation=[
        {"unit_code": UNIT, "year": YEAR, "level1": level1, "score": score} for level1, score in evaluation])
    load(data_dir, tmp_path / "db.duckdb")
    at = open_page("screens/score_page.py", data_dir, tmp_path / "db.duckdb", monkeypatch)
    assert not at.exception and len(at.columns) == columns


def test_a_held_figure_serves_the_same_chart_and_a_copy_changes_alone():
    """ui.HeldFigure makes the dict st.plotly_chart asks for once; what it serves is the figure's own."""
    import json

    import numpy as np
    import plotly.graph_objects as go
    import plotly.io as pio

    from perfboard import ui

    figure = go.Figure(go.Bar(x=["甲", "乙"], y=np.array([1.5, 2.5]))).update_layout(title="测试数据")
    held = ui.HeldFigure(figure)
    assert json.loads(pio.to_json(held.to_dict(), validate=False)) == json.loads(
        pio.to_json(figure.to_dict(), validate=False))
    assert held.to_dict() is held.to_dict()  # made once
    copy = go.Figure(held).update_layout(height=760)  # as the presentation mode and the deck draw
    assert copy.layout.height == 760 and "height" not in held.to_dict()["layout"]


def test_export_menus_draw_their_buttons_only_when_opened(seed_paths, monkeypatch):
    """ui.export_menu: a closed menu holds no buttons (a page of 20 charts would lay out 40 on every run);
    opening one draws its PNG and SVG, or Excel and CSV, buttons."""
    from perfboard import texts

    at = open_page("screens/targets_page.py", *seed_paths, monkeypatch)
    assert not at.get("download_button")
    chart = at.get("plotly_chart")[0].key  # chart_<the chart's key>
    at.session_state[f"export_{chart}"] = True  # as a click on its 导出 does
    at.run()
    labels = [button.proto.label for button in at.get("download_button")]
    assert labels == [texts.EXPORT_PNG, texts.EXPORT_SVG]
    at.session_state[f"export_{chart}"] = False
    at.session_state["export_table_targets_table"] = True
    at.run()
    assert [button.proto.label for button in at.get("download_button")] == [texts.EXPORT_XLSX, texts.EXPORT_CSV]


def test_the_targets_table_shows_the_filtered_indicators_only(seed_paths, monkeypatch):
    """Filtering by status splits the table: each status shows only its rows, and together they are every row."""
    at = open_page("screens/targets_page.py", *seed_paths, monkeypatch)
    status_header = texts.TABLE_COLUMNS["status_text"]
    every_row = len(at.dataframe[-1].value)
    shown = 0
    for status, label in texts.STATUS_LABELS.items():
        at.multiselect(key="targets_statuses").set_value([status]).run()
        assert not at.exception, [e.value for e in at.exception]
        table = at.dataframe[-1].value  # empty for a status no indicator has
        assert set(table[status_header]) <= {label}
        shown += len(table)
    assert shown == every_row > 0


@pytest.mark.parametrize("targets_kept", [True, False])
def test_overview_without_headline_indicators_says_where_the_indicators_are(tmp_path, monkeypatch, targets_kept):
    """测试数据: the seed with no indicator marked for the overview, as a report imported into the catalogue is:
    its first eight indicators with a target and an actual stand in, and the page says so; without any target
    there are no cards, and the page says where the indicators are."""
    import shutil

    from perfboard.database import DEFAULT_DATA_DIR
    from tests.datasets import rewrite_rows

    data_dir = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    rewrite_rows(data_dir / "indicators.csv", lambda row: {**row, "is_headline": "false"})
    if not targets_kept:
        rewrite_rows(data_dir / "indicator_values.csv", lambda row: {**row, "target": ""})
    at = open_page("screens/overview_page.py", data_dir, tmp_path / "app.duckdb", monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    said = [info.value for info in at.info]
    captions = [caption.value for caption in at.caption]
    cards = [metric.label for metric in at.metric if metric.proto.help]  # a headline card cites its source
    if targets_kept:
        # data/indicator_values.csv in catalogue order: the six of 2024 with both a target and an actual
        # (一(三) and 四.1, 四.2, 四.5), fewer than rules.STAND_IN_HEADLINES
        assert sorted(re.sub(r"[〔（].*", "", card) for card in cards) == sorted([  # without its marks (截至10月)
            "税收入库", "固定资产投资", "新引进项目", "亿元以上项目", "立项争资", "资金筹措到位资金"])
        assert any("下列卡片是报告中同时给出目标值和完成值的前 6 项" in text for text in captions)
    else:
        assert cards == []
        assert any("项指标都未设为总览指标" in text for text in said) and not any("没有指标数据" in text for text in said)


def read_report_on_the_desk() -> None:
    """A page that reads one report as the data desk does (ui.imported): the case's file name and bytes and
    whether the reader fails as nobody foresaw come through the session state."""
    import streamlit as st

    from perfboard import report_import, ui
    from perfboard.database import DEFAULT_DATA_DIR, data_files

    name, raw, unforeseen = st.session_state["report"]
    reader = report_import.import_report
    if unforeseen:  # AppTest runs the page in the test's own process: the reader is put back after
        report_import.import_report = lambda *args: {}["a key nobody foresaw"]
    try:
        ui.imported(name, raw, "taojiang_hitech", 2024, data_files(DEFAULT_DATA_DIR))
    finally:
        report_import.import_report = reader


@pytest.mark.parametrize(("name", "raw", "unforeseen", "reason"), [
    ("报告.pdf", b"%PDF-1.4\ngarbage\n", False, texts.REPORT_NOT_PDF),  # 测试数据: a PDF cut off after its header
    ("报告.txt", "一、概况\n完成税收4.28亿元。".encode(), True, texts.REPORT_IMPORT_FAILED),
])
def test_the_desk_says_why_a_report_cannot_be_read_and_never_shows_the_error(name, raw, unforeseen, reason):
    at = AppTest.from_function(read_report_on_the_desk, default_timeout=60)
    at.session_state["report"] = (name, raw, unforeseen)
    at.run()
    assert not at.exception
    assert [error.value for error in at.error] == [texts.IMPORT_UNREADABLE.format(file=name, reason=reason)]
