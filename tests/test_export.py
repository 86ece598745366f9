"""Exports, opened and read back: chart images, the workbook and CSV, the deck, the HTML report and its PDF.
They need Debian's Chromium (kaleido and the PDF printer drive it); make test installs it."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn

from perfboard import export
from perfboard.catalogue import year_charts
from perfboard.cli import main
from perfboard.database import view_names
from perfboard.deck import DeckContent, build_deck, build_html
from tests.conftest import SEED_REPORT, SEED_UNIT, SEED_YEAR, unit_year

UNIT_NAME = SEED_REPORT.unit_name


@pytest.fixture(scope="module")
def seed_data(seed_db):
    with unit_year(seed_db, SEED_UNIT, SEED_YEAR) as data:
        yield data


@pytest.fixture(scope="module")
def render():
    return export.shared_renderer()


@pytest.fixture(scope="module")
def deck_file(seed_data, render):
    steps = []
    data = build_deck(DeckContent.of(seed_data), render, lambda done, step: steps.append(done))
    return Presentation(io.BytesIO(data)), steps


def test_png_and_svg_carry_the_chinese_title_and_source(seed_data, render):
    named = next(c for c in year_charts(seed_data) if c.key == "bullet_investment")
    png = render(named.figure, "png")
    with Image.open(io.BytesIO(png)) as image:
        assert image.format == "PNG" and image.size == (2 * export.EXPORT_WIDTH, 2 * named.figure.layout.height)
    svg = render(named.figure, "svg").decode("utf-8")
    assert svg.startswith("<svg") and "投资：目标与完成" in svg and "来源：桃江高新技术产业开发区管理委员会" in svg


def test_deck_slides_pictures_chinese_text_east_asian_font_and_notes(deck_file):
    deck, steps = deck_file
    slides = list(deck.slides)
    # title; every category of 四 (税收, 投资, 项目, 争资, 经济运行, 招商引资, 营商环境, 要素支撑 in two slides
    # of 5 and 4 indicators, 风险防范) and 部门概况; spending, growth, projects; 问题, 措施; closing
    assert len(slides) == 18
    assert deck.slide_width * 9 == deck.slide_height * 16  # 16:9
    pictures = [sum(1 for s in slide.shapes if s.shape_type == 13) for slide in slides]
    assert pictures == [0] + [1] * 11 + [1, 1, 1] + [0, 0, 0]  # one picture per chart slide
    first = " ".join(shape.text_frame.text for shape in slides[0].shapes if shape.has_text_frame)
    assert UNIT_NAME in first and "报告自评 98分 · 等级 优" in first  # 五(二)
    tax = " ".join(shape.text_frame.text for shape in slides[1].shapes if shape.has_text_frame)
    assert "税收入库4.28亿元，完成年度目标的100.0%" in tax
    runs = [run for slide in slides for shape in slide.shapes if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs]
    assert runs and all(run._r.rPr.find(qn("a:ea")).get("typeface") == "Noto Sans CJK SC" for run in runs)
    assert "1-12月，已实现入库税收4.28亿元" in slides[1].notes_slide.notes_text_frame.text  # the whole 四.1
    assert all(slide.has_notes_slide and slide.notes_slide.notes_text_frame.text for slide in slides[:-1])
    assert steps[-1] == 1.0 and steps == sorted(steps)


def test_xlsx_reads_back_equal_to_the_views(seed_data, tmp_path):
    path = tmp_path / "tables.xlsx"
    path.write_bytes(export.xlsx_bytes({name: export.headed(seed_data.view(name)) for name in view_names()}))
    book = load_workbook(path)
    assert set(book.sheetnames) == set(view_names())
    sheet = book["spending_structure"]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.bold
    header = [c.value for c in sheet[1]]
    assert header[:5] == ["单位代码", "年度", "支出项代码", "上级支出项代码", "支出项"]
    frame = seed_data.view("spending_structure")
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(frame)
    amounts = {row[header.index("支出项代码")]: row[header.index("金额（万元）")] for row in rows}
    assert amounts["total"] == pytest.approx(52318.07) and amounts["project_unitemised"] == pytest.approx(107.66)
    assert sheet.cell(row=2, column=header.index("金额（万元）") + 1).number_format == "#,##0.00##"


def test_csv_has_a_bom_for_excel(seed_data):
    data = export.csv_bytes(export.headed(seed_data.view("headline_progress")))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0]["指标名称"] == "税收入库" and rows[0]["目标值"] == "4.28"


@pytest.mark.parametrize(("value", "expected"), [
    ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+1", "+1"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
    ("@SUM(1)", "'@SUM(1)"), ("税收入库", "税收入库"), (4.28, 4.28), (None, None),
    ("+10.63%", "+10.63%"), ("-5", "-5"), ("+1,234.5", "+1,234.5"), ("-1+1", "'-1+1"), ("+10%x", "'+10%x"),
])
def test_formula_injection_is_neutralised(value, expected):
    assert export.neutralised(value) == expected


def test_workbook_and_csv_neutralise_formulas_in_cells():
    import pandas as pd

    frame = pd.DataFrame({"备注": ["=HYPERLINK(\"http://x\")", "正常"]})
    assert "'=HYPERLINK" in export.csv_bytes(frame).decode("utf-8-sig")
    book = load_workbook(io.BytesIO(export.xlsx_bytes({"t": frame})))
    assert book["t"]["A2"].value == "=HYPERLINK(\"http://x\")" and book["t"]["A2"].data_type == "s"


def test_workbook_shows_signed_figures_without_an_apostrophe():
    import pandas as pd

    frame = pd.DataFrame({"同比": ["+10.63%", "=1+1"]})
    sheet = load_workbook(io.BytesIO(export.xlsx_bytes({"t": frame})))["t"]
    assert [sheet["A2"].value, sheet["A3"].value] == ["+10.63%", "=1+1"]  # both text: nothing is evaluated
    assert sheet["A3"].data_type == "s"
    assert "+10.63%" in export.csv_bytes(frame).decode("utf-8-sig").splitlines()


def test_html_report_is_self_contained_and_its_pdf_prints(seed_data, tmp_path):
    page = build_html(DeckContent.of(seed_data))
    assert page.count("<script") >= 20 and "<script src=" not in page  # plotly.js inlined, nothing fetched
    assert "plotly.js v" in page
    assert "2024年，税收入库4.28亿元，完成年度目标的100.0%" in page
    pdf = export.pdf_from_html(page)
    assert pdf.startswith(b"%PDF") and len(pdf) > 50_000


def test_cli_exports_every_chart_and_the_tables(capsys, seed_db, tmp_path):
    assert main(["export", "charts", "--format", "svg", "--db", str(seed_db), "--out", str(tmp_path / "svg")]) == 0
    assert len(list((tmp_path / "svg").glob("*.svg"))) == 20
    assert main(["export", "tables", "--db", str(seed_db), "--out", str(tmp_path / "t.xlsx")]) == 0
    assert set(load_workbook(tmp_path / "t.xlsx").sheetnames) == set(view_names())
    assert main(["export", "deck", "--db", str(seed_db), "--out", str(tmp_path / "d.pptx")]) == 0
    assert len(Presentation(tmp_path / "d.pptx").slides) == 18  # as test_deck_slides_pictures_chinese_text_east_asian_font_and_notes counts them
    assert "已导出 1 个文件" in capsys.readouterr().out


def test_cli_export_needs_one_unit_year(capsys, seed_db, tmp_path):
    assert main(["export", "deck", "--year", "2019", "--db", str(seed_db), "--out", str(tmp_path / "d.pptx")]) == 2
    assert "现有单位（年度）：taojiang_hitech（2024）" in capsys.readouterr().err


def test_images_rendered_in_eight_threads_are_each_the_one_asked_for(render):
    """The kaleido server is shared by every session; unguarded, 4 threads got 40 of 40 wrong images."""
    import threading

    import plotly.graph_objects as go

    results: dict[int, list[bytes]] = {n: [] for n in range(8)}
    errors: list[str] = []

    def draw(number: int) -> None:
        figure = go.Figure(go.Bar(x=[1], y=[number + 1]), layout={"title": {"text": f"marker-{number}-end"}})
        try:
            for _ in range(3):
                results[number].append(render(figure, "svg"))
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))

    threads = [threading.Thread(target=draw, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    for number, images in results.items():
        assert len(images) == 3
        for image in images:  # each image carries its own figure's title and no other's
            assert {m for m in range(8) if f"marker-{m}-end".encode() in image} == {number}
