"""Ruled tables read from where a PDF page draws them (perfboard/pdf_tables.py). The rules and pieces below are
hand-made (测试数据): a rule is a thin box, as a page fills or strokes a cell's border."""

import html

import pytest

from perfboard import pdf_tables, report_import
from perfboard.pdf_tables import Box, PageText, Piece


def ruled(ys: list[float], xs: list[float], left: float | None = None, right: float | None = None) -> list[Box]:
    """A grid of rules: a horizontal one at each y from `left` to `right`, a vertical one at each x."""
    left, right = xs[0] if left is None else left, xs[-1] if right is None else right
    return ([Box(left, y - 0.25, right, y + 0.25) for y in ys] +
            [Box(x - 0.25, min(ys), x + 0.25, max(ys)) for x in xs])


def test_a_grid_of_rules_is_a_table_of_its_rows_and_columns():
    [table] = pdf_tables.tables_of(ruled([700, 680, 660], [50, 150, 300, 400]))
    assert (table.ys, table.xs, table.open_top, table.open_bottom) == ([700, 680, 660], [50, 150, 300, 400],
                                                                     False, False)


def test_two_tables_that_touch_but_rule_other_columns_are_two():
    """A table printed right under another, each sized to its own text: touching rules, other columns."""
    first, second = ruled([700, 680], [50, 150, 300]), ruled([680, 660], [50, 200, 260, 400])
    tables = pdf_tables.tables_of(first + second)
    assert [(t.ys, t.xs) for t in tables] == [([700, 680], [50, 150, 300]), ([680, 660], [50, 200, 260, 400])]


def test_a_row_with_a_cell_merged_across_stays_in_its_table():
    """满意度指标's row merges 二级 and 三级指标: a rule of the other rows is missing from it, none is added."""
    rules = ruled([700, 680], [50, 150, 250, 350]) + [
        Box(50, 659.75, 350, 660.25), Box(49.75, 660, 50.25, 680), Box(149.75, 660, 150.25, 680),
        Box(349.75, 660, 350.25, 680)]  # the third row: no rule at 250
    [table] = pdf_tables.tables_of(rules)
    assert table.ys == [700, 680, 660]
    cells = table.rows([Piece(55, 690, 10, "一级指标"), Piece(155, 690, 10, "二级"), Piece(255, 690, 10, "三级"),
                        Piece(55, 668, 10, "满意度指标"), Piece(155, 668, 10, "群众满意度")])
    assert cells == [["一级指标", "二级", "三级"], ["满意度指标", "群众满意度", "群众满意度"]]  # in each column


def test_a_cell_merged_down_is_written_in_its_first_row_and_wrapped_text_stays_one_cell():
    """产出指标 spans two rows, centred over their rule-less boundary; 完成农村公路建设 wraps onto two lines."""
    rules = ruled([700, 660], [50, 150, 300]) + [Box(150, 679.75, 300, 680.25)]  # no rule at 680 under 产出指标
    [table] = pdf_tables.tables_of(rules)
    cells = table.rows([Piece(55, 677, 10, "产出指标"), Piece(155, 690, 10, "完成农村"), Piece(155, 684, 10, "公路建设"),
                        Piece(155, 668, 10, "质量指标")])
    assert cells == [["产出指标", "完成农村公路建设"], ["", "质量指标"]]


def test_a_row_cut_by_the_pages_end_is_joined_with_its_rest():
    """Side borders below the last rule on one page, above the first on the next: one row, cell by cell."""
    cut = pdf_tables.tables_of(ruled([700, 680], [50, 150, 300]) + [Box(49.75, 600, 50.25, 680)])
    rest = pdf_tables.tables_of(ruled([760, 740], [50, 150, 300]) + [Box(49.75, 740, 50.25, 800)])
    assert (cut[0].open_bottom, rest[0].open_top) == (True, True)
    pages = [PageText(["一级指标\t三级指标", "产出指标\t完成农村"], False, True),
             PageText(["某局自评报告（页眉）", "\t公路建设", "效益指标\t列养率"], True, False)]
    assert pdf_tables.rejoined(pages) == ["一级指标\t三级指标", "产出指标\t完成农村公路建设", "某局自评报告（页眉）",
                                          "效益指标\t列养率"]
    # a page of text between them ends the table: nothing is joined across it
    assert pdf_tables.rejoined([pages[0], "正文。", pages[1]])[1] == "产出指标\t完成农村"


FORM_ROWS = ("<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>年度指标值</td><td>实际完成值</td><td>分值</td>"
             "<td>得分</td><td>偏差原因</td></tr>"
             "<tr><td rowspan='2'>产出指标</td><td>数量指标</td><td>完成农村公路建设及危桥改造里程</td><td>≥50公里</td>"
             "<td>52公里</td><td>20</td><td>20</td><td>无</td></tr>"
             "<tr><td>质量指标</td><td>工程验收合格率</td><td>100%</td><td>100%</td><td>10</td><td>10</td><td>无</td></tr>"
             "<tr><td>效益指标</td><td>社会效益指标</td><td>农村公路列养率</td><td>≥95%</td><td>93%</td><td>15</td><td>14</td>"
             "<td>部分新建道路尚未纳入养护计划，次年完成</td></tr>"
             "<tr><td>满意度指标</td><td colspan='2'>沿线群众满意度</td><td>≥90%</td><td>95%</td><td>10</td><td>10</td>"
             "<td>无</td></tr><tr><td colspan='5'>总分</td><td>100</td><td>97</td><td></td></tr>")


def printed(rows: str, style: str = "") -> bytes:
    from perfboard.export import pdf_from_html

    return pdf_from_html(
        "<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:11pt} td{width:11%}"
        f"{style}</style></head><body><p>某局2023年度部门整体支出绩效自评报告（测试数据）</p><p>三、部门整体支出绩效情况</p>"
        f"<p>（一）绩效指标完成情况</p><table border='1' style='width:100%'>{rows}</table>"
        "<p>（二）其他</p><p>正文一段。</p></body></html>")


@pytest.mark.parametrize("style", ["", "table{border-collapse:collapse} td{border:0.5pt solid black}"])
def test_a_form_whose_cells_wrap_gives_every_indicator_of_its_table(style):
    """The national form printed to PDF by Chromium, cells separate or collapsed: pypdf's text ran the wrapped
    cells' lines into each other and no indicator was read (测试数据: the total row states 97 of 100 itself)."""
    draft = report_import.import_report("r.pdf", printed(FORM_ROWS, style), "u", 2023,
                                        report_import.Catalogue.of([], []))
    names = {row["indicator_code"]: (row["indicator_name"], row["level1"]) for row in draft.indicators}
    assert [(*names[r["indicator_code"]], r["target"], r["actual"], r["score"]) for r in draft.indicator_values] == [
        ("完成农村公路建设及危桥改造里程", "产出", "50", "52", "20"), ("工程验收合格率", "产出", "100", "100", "10"),
        ("农村公路列养率", "效益", "95", "93", "14"), ("沿线群众满意度", "满意度", "90", "95", "10")]
    assert [(r["level1"], r["max_score"], r["score"]) for r in draft.evaluation] == [("总分", "100", "97")]


def test_a_table_over_several_pages_gives_each_row_once():
    """40 rows whose names wrap, over pages that cut some of them (测试数据)."""
    rows = "".join(f"<tr><td>产出指标</td><td>数量指标</td><td>完成农村公路建设及危桥改造第{i}段</td><td>≥50公里</td>"
                   f"<td>{i}公里</td><td>1</td><td>1</td><td>无</td></tr>" for i in range(1, 41))
    lines = report_import.document_lines("r.pdf", printed(FORM_ROWS.split("</tr>")[0] + "</tr>" + rows))
    read = [line.split("\t") for line in lines if "第" in line and "段" in line]
    assert [(cells[2], cells[4]) for cells in read] == [(f"完成农村公路建设及危桥改造第{i}段", f"{i}公里")
                                                        for i in range(1, 41)]


def test_a_page_that_draws_too_much_is_left_to_pypdf():
    drawing = pdf_tables.PageDrawing()
    drawing.rules = ruled([700, 680], [50, 150, 300])
    drawing.points = pdf_tables.MAX_PATH_POINTS + 1
    assert pdf_tables.page_text(drawing) is None



def test_a_path_with_operands_that_are_no_numbers_is_no_rule():
    """A broken or hostile page: the operator is passed over, the page still reads (测试数据)."""
    drawing = pdf_tables.PageDrawing()
    identity = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    drawing.operator(b"re", ["x", 1, 2, 3], identity, identity)
    drawing.operator(b"m", [None], identity, identity)
    drawing.operator(b"re", [0, 0, 100, 0.5], identity, identity)
    drawing.operator(b"f", [], identity, identity)
    assert drawing.rules == [Box(0, 0, 100, 0.5)]


def test_a_box_around_text_is_no_table():
    """A frame round the page or a boxed note: one column, its text left to pypdf (joined as one cell, a page's
    paragraphs would run together)."""
    assert pdf_tables.tables_of(ruled([800, 40], [30, 560])) == []
    assert pdf_tables.tables_of(ruled([700, 680, 660], [50, 300])) == []


def test_text_drawn_turned_is_no_cells_text():
    """A diagonal watermark (内部资料) over a table: upright text only (测试数据)."""
    drawing, identity = pdf_tables.PageDrawing(), [1.0, 0.0, 0.0, 1.0, 0.0, 0.0]
    drawing.text("指标", identity, [1.0, 0.0, 0.0, 1.0, 55.0, 690.0], None, 10)
    drawing.text("内部资料", identity, [0.7, 0.7, -0.7, 0.7, 60.0, 690.0], None, 40)
    assert [piece.text for piece in drawing.pieces] == ["指标"]


def test_the_seed_with_a_form_table_amid_its_text_reads_as_its_text_does():
    """The seed printed to PDF with a form's table (测试数据) between 四.1 and 四.2: the pages that hold the table
    are read from their drawing, their paragraphs too, and give what the text file gives (39 indicator rows)."""
    from perfboard.database import DEFAULT_DATA_DIR, data_files
    from perfboard.export import pdf_from_html

    seed = (DEFAULT_DATA_DIR / "reports" / "taojiang_hitech" / "2024.txt").read_text(encoding="utf-8").splitlines()
    table = ["一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\t偏差原因",
             "产出指标\t数量指标\t新开工项目\t14个\t15个\t20\t20\t无",
             "满意度指标\t服务对象满意度\t企业满意度\t≥90%\t95%\t10\t10\t无"]
    at = next(i for i, line in enumerate(seed) if line.startswith("2.招商引资"))
    lines = seed[:at] + table + seed[at:]
    rows = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row.split("\t")) + "</tr>" for row in table)
    page = ("<html><head><meta charset='utf-8'><style>body{font-family:'Noto Sans CJK SC';font-size:11pt}"
            "table{border-collapse:collapse} td{border:0.5pt solid #000}</style></head><body>" +
            "".join(f"<p>{html.escape(line)}</p>" for line in seed[:at]) + f"<table>{rows}</table>" +
            "".join(f"<p>{html.escape(line)}</p>" for line in seed[at:]) + "</body></html>")
    catalogue = report_import.catalogue_of(data_files(DEFAULT_DATA_DIR))
    as_text = report_import.import_report("r.txt", "\n".join(lines).encode(), "taojiang_hitech", 2024, catalogue)
    as_pdf = report_import.import_report("r.pdf", pdf_from_html(page), "taojiang_hitech", 2024, catalogue)
    assert len(as_pdf.indicator_values) == 39
    assert (as_pdf.indicator_values, as_pdf.spending, as_pdf.evaluation) == \
        (as_text.indicator_values, as_text.spending, as_text.evaluation)


def test_a_page_whose_tables_cannot_be_read_keeps_pypdfs_text(monkeypatch, caplog):
    """A page drawn as no one foresaw: the failure is logged and the page read as pypdf reads it, so the report
    still imports (its table's cells then as pypdf runs them)."""
    def unforeseen(drawing):
        raise IndexError("测试数据")

    monkeypatch.setattr(pdf_tables, "page_text", unforeseen)
    lines = report_import.document_lines("r.pdf", printed(FORM_ROWS))
    assert "某局2023年度部门整体支出绩效自评报告（测试数据）" in lines and "正文一段。" in lines
    assert "ruled tables could not be read" in caplog.text
