"""A second unit shaped unlike the seed (tests/datasets.py, 测试数据): another outline and report title, no
targets, 19 indicators in one category, 亿美元 and 突破. Every page, export and the audit work on it alone and
beside the seed, and nothing of the seed's report appears on its pages or in its files."""

from __future__ import annotations

import json

import pytest

from perfboard.cli import main
from tests.conftest import shown, unit_year
from tests.datasets import OTHER_TITLE, OTHER_UNIT, OTHER_YEAR, write_other_unit_dataset
from tests.test_pages import PAGES, charts_on, open_page

SEED_WORDS = ("桃江", "2024年度部门整体支出自评绩效报告", "四.1", "一(三)")


@pytest.fixture(scope="module")
def other(loaded):
    return loaded("other_unit", write_other_unit_dataset)


def page_text(at) -> str:
    texts = [shown(e.value) for kind in ("markdown", "caption", "info", "warning", "title", "subheader")
             for e in at.get(kind) if isinstance(e.value, str) and not e.value.startswith("<style>")]
    texts += [m.label + m.value for m in at.get("metric")]
    texts += [json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in at.get("plotly_chart")]
    return "\n".join(texts)


@pytest.mark.parametrize("page", PAGES, ids=list(PAGES))
def test_every_page_renders_the_other_unit_without_the_seed(page, other, monkeypatch):
    at = open_page(page, *other, monkeypatch)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    text = page_text(at)
    assert not [word for word in SEED_WORDS if word in text]
    sidebar = " ".join(shown(c.value) for c in at.sidebar.caption)
    assert f"《{OTHER_TITLE}》" in sidebar  # the report's own title, not the seed's


def test_each_category_sits_beside_its_own_section(other, monkeypatch):
    """The other report discusses 招商引资 in 一(一) and 园区建设 in 一(二): its own outline, not the seed's 四.1."""
    at = open_page("screens/targets_page.py", *other, monkeypatch)
    cited = [shown(m.value) for m in at.markdown if "报告原文" in shown(m.value)]  # the box's first line
    assert any("一(一)" in c for c in cited) and any("一(二)" in c for c in cited)


def test_the_report_page_places_every_chart_of_the_year(other, monkeypatch):
    from perfboard.catalogue import year_charts

    with unit_year(other[1], OTHER_UNIT, OTHER_YEAR) as data:
        charts = year_charts(data)
    at = open_page("screens/report_page.py", *other, monkeypatch)
    assert charts_on(at) == len(charts) and len(charts) >= 3


def test_a_category_judged_in_words_alone_has_no_chart_and_its_words_in_the_table(other, monkeypatch):
    """政务服务's one indicator is 按时办结 against 按时办结: nothing to draw, its words in the table of targets."""
    from perfboard.catalogue import year_charts

    with unit_year(other[1], OTHER_UNIT, OTHER_YEAR) as data:
        keys = {named.key for named in year_charts(data)}
    assert "bullet_service" not in keys and "bullet_building" in keys
    at = open_page("screens/targets_page.py", *other, monkeypatch)
    [table] = [frame.value for frame in at.dataframe if "企业开办审批时效" in frame.value.iloc[:, 0].values]
    row = table[table.iloc[:, 0] == "企业开办审批时效"].iloc[0]
    assert (row["目标值"], row["完成值"], row["状态"]) == ("按时办结", "按时办结", "以文字表述")
    titles = page_text(at)
    assert "政务服务：目标与完成" not in titles and "园区建设：目标与完成" in titles


@pytest.mark.parametrize("what", ["html", "tables", "deck"])
def test_exports_cite_the_other_report_and_nothing_of_the_seed(what, other, tmp_path):
    out = tmp_path / "export"
    assert main(["export", what, "--db", str(other[1]), "--out", str(out)]) == 0
    written = next(tmp_path.glob("export.*"))
    if what == "html":
        page = written.read_text(encoding="utf-8")
        assert f"《{OTHER_TITLE}》" in page and not [w for w in SEED_WORDS if w in page]
    elif what == "deck":
        from pptx import Presentation

        deck = Presentation(str(written))
        words = "\n".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes
                          if shape.has_text_frame)
        assert f"《{OTHER_TITLE}》" in words and not [w for w in SEED_WORDS if w in words]
    else:
        assert written.suffix == ".xlsx" and written.stat().st_size > 5000


def test_audit_and_score_run_on_the_other_unit(other, capsys):
    assert main(["audit", "--db", str(other[1])]) == 0
    assert main(["score", "--db", str(other[1])]) == 0
    out = capsys.readouterr().out
    assert "桃江" not in out


def test_overview_without_a_score_or_a_spending_split_says_so_in_full(other, monkeypatch):
    """The score card's figure is cut at the card's width: it says 未报告 and the reason goes underneath; a
    total without parts is charted as it is instead of 'no spending data' beside its own figure."""
    at = open_page("screens/overview_page.py", *other, monkeypatch)
    cards = {m.label: m.value for m in at.metric}
    assert cards["自评得分"] == "未报告" and cards["部门整体支出"] == "1,234.50万元"
    assert any("报告未给出自评得分" in shown(c.value) for c in at.caption)
    assert not any("没有支出数据" in shown(i.value) for i in at.info)
    assert charts_on(at) == 2  # the spending tree and the headline bullets


def test_the_audit_sees_parts_that_do_not_add_up_and_targets_that_are_missing_or_unmeasurable(other):
    from perfboard import audit

    with unit_year(other[1], OTHER_UNIT, OTHER_YEAR) as data:
        every = audit.run(data)
    found = {f.check: f for f in every}
    # 186.5 against 111.72 + 74.1 = 185.82: 0.68 apart, while rounding allows 0.05 + 0.005 + 0.05 = 0.105
    parts = found["INDICATOR_PARTS"]
    assert parts.subject == "signed_investment" and "185.82亿元" in parts.message and "0.68亿元" in parts.message
    # 19 in 招商引资, then 新建道路, 机关运转保障 and 企业开办审批时效 (按时办结: words, no tier)
    assert "22 项指标" in found["NO_TARGETS"].message
    unmeasurable = " ".join(f.message for f in every if f.check == "TARGET_NOT_MEASURABLE")
    assert "保障园区机关正常运转" in unmeasurable and "按时办结" in unmeasurable


@pytest.mark.parametrize(("total", "parts", "fires"), [
    (186.5, (111.72, 74.1), True),    # 0.68 apart: more than rounding (0.105)
    (185.8, (111.72, 74.1), False),   # 0.02 apart: within rounding
    (10, (4, 6), False),              # exact
])
def test_parts_are_held_to_their_rounding(total, parts, fires):
    from perfboard import audit

    assert (abs(total - sum(parts)) > audit.rounding_tolerance(total, *parts)) is fires


def test_the_deck_splits_a_long_category_and_speaks_without_targets(other):
    """19 indicators of 招商引资 go on three slides of 7, 7 and 5 bullets (legible on a projector), every slide
    has a title of its own, and the headline message does not count targets the report does not set."""
    from perfboard.deck import DeckContent, indicator_slides, unique_title

    with unit_year(other[1], OTHER_UNIT, OTHER_YEAR) as data:
        content = DeckContent.of(data)
        assert content.data.report.title == OTHER_TITLE
        slides = list(indicator_slides(content))
    assert [len(rows) for _, rows in slides] == [7, 7, 5, 2]  # 19 = 7 + 7 + 5; 园区建设 has two
    assert [named.title for named, _ in slides][:3] == [f"招商引资：目标与完成（{n}/3）" for n in (1, 2, 3)]
    used: set[str] = set()
    titles = [unique_title(named, used).message for named, _ in slides]
    assert len(set(titles)) == len(titles)
    assert content.charts["bullet_headline"].message == "2项重点指标：报告只给出完成数，没有设定目标值"


def test_presentation_gives_a_long_chart_its_own_height(other, monkeypatch):
    """19 bullets at 92 px each do not fit the 760 px of a projector screen: the chart keeps its height and
    the screen scrolls, instead of squeezing the rows until their labels overlap."""
    import plotly.io as pio

    at = open_page("screens/present_page.py", *other, monkeypatch)
    at.button(key="slide_forward").click().run()  # the headline chart first, then 招商引资
    (chart,) = at.get("plotly_chart")
    figure = pio.from_json(chart.proto.spec)
    assert "招商引资" in figure.layout.title.text
    assert figure.layout.height >= 92 * 19


@pytest.fixture(scope="module")
def both(loaded):
    from tests.datasets import write_seed_and_other_unit

    return loaded("seed_and_other", write_seed_and_other_unit)


@pytest.mark.parametrize("args", [["query", "indicator_progress", "--unit", OTHER_UNIT], ["audit"], ["score"],
                                  ["export", "html", "--unit", OTHER_UNIT], ["export", "tables", "--unit", OTHER_UNIT]])
def test_the_cli_serves_the_other_unit_beside_the_seed(both, args, capsys, tmp_path):
    extra = ["--out", str(tmp_path / "out")] if args[0] == "export" else []
    assert main([*args, "--db", str(both[1]), *extra]) == 0
    out = capsys.readouterr().out
    if args[0] in ("audit", "score"):  # both units, each row saying whose it is
        assert "taojiang_hitech" in out and OTHER_UNIT in out
    if args[:2] == ["export", "html"]:
        page = next(tmp_path.glob("out.html")).read_text(encoding="utf-8")
        assert f"《{OTHER_TITLE}》" in page and not [w for w in SEED_WORDS if w in page]


def test_pages_of_the_other_unit_beside_the_seed_show_nothing_of_it(both, monkeypatch):
    for page in PAGES:
        at = open_page(page, *both, monkeypatch, unit=OTHER_UNIT)
        assert not at.exception, (page, [e.value for e in at.exception])
        assert at.session_state["selection"].unit_code == OTHER_UNIT
        assert not [word for word in SEED_WORDS if word in page_text(at)], page


def test_headline_indicators_are_chosen_per_unit_year(tmp_path, monkeypatch):
    """A unit picks its own overview cards (indicator_values.is_headline); the catalogue's flag is the default."""
    from perfboard.database import load
    from tests.datasets import UNIT, YEAR, write_dataset

    data_dir = write_dataset(tmp_path / "data", indicators=[
        {"indicator_code": "tax_revenue", "indicator_name": "税收收入", "category": "tax", "is_headline": "true",
         "unit": "亿元", "direction": "higher"},
        {"indicator_code": "roads", "indicator_name": "新建道路", "category": "tax", "unit": "公里", "direction": "higher"}],
        indicator_values=[{"unit_code": UNIT, "year": YEAR, "indicator_code": "tax_revenue", "actual": 2.5,
                           "is_headline": "false"},
                          {"unit_code": UNIT, "year": YEAR, "indicator_code": "roads", "actual": 3.2,
                           "is_headline": "true"}])
    load(data_dir, tmp_path / "db.duckdb")
    at = open_page("screens/overview_page.py", data_dir, tmp_path / "db.duckdb", monkeypatch)
    cards = {m.label: m.value for m in at.metric}
    assert cards.get("新建道路") == "3.2公里" and "税收收入" not in cards


def test_the_deck_finds_the_plans_chapter_whatever_its_title(other, tmp_path):
    """This report calls its chapter of measures 三、下一步打算 (the seed's is 七、改进措施和有关建议)."""
    from pptx import Presentation

    assert main(["export", "deck", "--db", str(other[1]), "--out", str(tmp_path / "deck")]) == 0
    titles = [shape.text_frame.text for slide in Presentation(str(tmp_path / "deck.pptx")).slides
              for shape in slide.shapes if shape.has_text_frame]
    assert "二、存在问题" in titles and "三、下一步打算" in titles
