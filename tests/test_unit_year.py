"""One read object for a unit's year (perfboard/unit_year.py), and one row for its total score
(queries/evaluation_summary.sql) that the overview, the score chart, the summary, the HTML report and the
deck all read; and the layers of docs/architecture.md (The flow) kept in the imports."""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pandas as pd
import pytest
from PIL import Image
from pptx import Presentation

from perfboard import summary
from perfboard.deck import DeckContent, build_deck, build_html
from perfboard.unit_year import CountyYear
from tests.conftest import unit_year
from tests.datasets import UNIT, YEAR, write_dataset
from tests.test_pages import open_page

ROOT = Path(__file__).resolve().parent.parent


def scored(level1: str, score: float) -> dict[str, object]:
    return {"unit_code": UNIT, "year": YEAR, "level1": level1, "score": score, "source": "三"}


# (evaluation rows, status, total shown everywhere, grade)
TOTALS = {
    "stated": ([scored("总分", 90)], "stated", "90分", "优"),
    # 45 + 25 + 9 = 79, summed by the view and marked; 60 <= 79 < 80 is 中
    "parts_only": ([scored("产出", 45), scored("效益", 25), scored("满意度", 9)], "derived", "79分〔推算〕", "中"),
    "none": ([], "not_reported", "未报告", "未报告"),
}


@pytest.fixture(scope="module", params=TOTALS, ids=list(TOTALS))
def total_case(request, loaded):
    rows, status, text, grade = TOTALS[request.param]
    data_dir, db_path = loaded(f"total_{request.param}", lambda folder: write_dataset(folder, evaluation=rows))
    return data_dir, db_path, status, text, grade


def one_pixel_png(figure, image_format: str, **size: int) -> bytes:
    """A stand-in renderer: the deck's words are under test here, not its pictures (tests/test_export.py)."""
    buffer = io.BytesIO()
    Image.new("RGB", (1, 1)).save(buffer, "PNG")
    return buffer.getvalue()


def test_every_reader_shows_the_same_total(total_case, monkeypatch):
    data_dir, db_path, status, text, grade = total_case
    with unit_year(db_path, UNIT, YEAR) as data:
        assert data.total["total_status"] == status
        assert summary.total_score_text(data.total) == text
        assert summary.total_grade_text(data.total) == grade
        content = DeckContent.of(data)
        year_summary = summary.year_summary(YEAR, data.headline, data.structure, data.total)
        page = build_html(content)
        deck = Presentation(io.BytesIO(build_deck(content, one_pixel_png)))
    title_slide = " ".join(shape.text_frame.text for shape in deck.slides[0].shapes if shape.has_text_frame)
    notes = deck.slides[0].notes_slide.notes_text_frame.text
    if status == "not_reported":
        assert "自评得分" not in year_summary and "报告自评" not in title_slide
    else:
        assert f"自评得分{text}，等级为{grade}" in year_summary
        assert f"报告自评 {text} · 等级 {grade}" in title_slide
        assert year_summary in notes and year_summary in page
    if "score_groups" in content.charts:
        title = content.charts["score_groups"].title
        assert title.endswith(f"报告自评总分{text}") and "（分）" not in title.split("：")[1]  # not 98分（分）
    for page, label in (("screens/overview_page.py", "自评得分"), ("screens/score_page.py", "报告自评总分")):
        at = open_page(page, data_dir, db_path, monkeypatch)
        (card,) = [m for m in at.get("metric") if m.label == label]
        assert card.value == text


def test_the_seed_total_row_holds_stated_parts_and_computed(seed_year):
    """五(二): 产出50 + 效益38 + 满意度10 = 98, stated as 98, 优; no weights or budget: nothing computed."""
    total = seed_year.total
    assert (total["stated_total"], total["parts_total"], total["total_score"], total["total_status"],
            total["grade"]) == (98, 98, 98, "stated", "优")
    assert total["computed_total"] is None or total["computed_total"] != total["computed_total"]  # NULL
    assert total["computed_basis"] == "incomplete"


def test_a_view_is_read_once_per_unit_year(seed_db):
    reads: list[tuple[str, int | None]] = []
    with unit_year(seed_db, "taojiang_hitech", 2024) as data:
        counted = type(data)(data.unit_code, data.year, data.report,
                             lambda name, unit_code, year: reads.append((name, year)) or data.fetch(name, unit_code, year))
        DeckContent.of(counted)
        counted.total, counted.results  # noqa: B018 (read again: served from the object)
    assert len(reads) == len(set(reads)) and ("indicator_results", 2024) in reads


# The seed's outline (narrative.md): 二 has (一)(二), 四 has 1–6, 六 has none.
@pytest.mark.parametrize(("refs", "expected"), [
    ("四", ["四", "四.1", "四.2", "四.3", "四.4", "四.5", "四.6"]),
    ("二", ["二", "二(一)", "二(二)"]),
    ("四.1；六", ["四.1", "六"]),
    ("六；四.1", ["四.1", "六"]),  # in the report's order, not the citing order
    ("十", []),  # not a section of this report
])
def test_cited_sections_come_with_their_subsections_in_reading_order(seed_year, refs, expected):
    cited = seed_year.cited_sections(refs)
    assert cited["ref"].tolist() == expected
    bodies = [body if isinstance(body, str) else "" for body in cited["body"]]
    assert seed_year.cited_text(refs) == "\n\n".join(f"{title}\n{body}".strip()
                                                     for title, body in zip(cited["title"], bodies))


# The flow of docs/architecture.md, lowest first: a module imports only from its own layer or lower ones.
LAYERS = (
    {"texts", "schema", "markup", "rules", "narrative", "formatting", "reports"},  # words and rules
    {"loader", "workbook", "precheck", "pdf_tables"},  # files → validation
    {"database", "desk", "accounts", "report_import"},  # the store, its versions, who may change it, imports
    {"unit_year"},  # the one read object
    {"charts", "summary", "tables", "catalogue", "audit", "county"},  # pure: frames in, figures and words out
    {"export", "deck"},  # what people take away
    {"ui", "cli"},  # the two entry points
)
LAYER_OF = {module: number for number, modules in enumerate(LAYERS) for module in modules}


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "perfboard":
                found |= {alias.name for alias in node.names}
            elif node.module.startswith("perfboard."):
                found.add(node.module.split(".")[1])
            else:
                found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
    return found


def test_every_package_module_has_a_layer():
    modules = {path.stem for path in (ROOT / "perfboard").glob("*.py")} - {"__init__"}
    assert modules == set(LAYER_OF)


@pytest.mark.parametrize("module", sorted(LAYER_OF))
def test_nothing_imports_from_a_higher_layer(module):
    imported = imported_modules(ROOT / "perfboard" / f"{module}.py") & set(LAYER_OF)
    assert {name for name in imported if LAYER_OF[name] > LAYER_OF[module]} == set()


@pytest.mark.parametrize("path", sorted((ROOT / "screens").glob("*.py")), ids=lambda p: p.stem)
def test_pages_read_through_ui_never_the_store(path):
    assert not imported_modules(path) & {"database", "loader", "duckdb", "unit_year", "cli"}


def test_a_county_names_each_unit_once_as_its_latest_year_does():
    """测试数据: county_units over three years, in its order (year, unit); u1 renamed in 2024."""
    history = pd.DataFrame({"unit_code": ["u1", "u2", "u1", "u2", "u1"], "year": [2022, 2022, 2023, 2023, 2024],
                            "unit_name": ["旧名", "乙单位", "旧名", "乙单位", "甲单位"]})
    county = CountyYear(2024, lambda view, unit_code, year: history)
    assert county.names == {"u1": "甲单位", "u2": "乙单位"}
