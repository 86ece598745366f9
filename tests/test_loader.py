"""The strict loader: every class of bad input is rejected with file, line and column, all problems of
a load are reported together, nothing is written, and Excel's encodings load like UTF-8."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from perfboard import audit
from perfboard.database import LoadError, connect, fetch, load, view_names
from perfboard.loader import read_dataset


def edit(data_dir: Path, file_name: str, old: str, new: str) -> None:
    path = data_dir / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file_name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def drop_column(data_dir: Path, file_name: str, index: int) -> None:
    path = data_dir / file_name
    lines = [line.split(",") for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text("\n".join(",".join(cells[:index] + cells[index + 1:]) for cells in lines) + "\n",
                    encoding="utf-8")


def add_column(data_dir: Path, file_name: str, name: str) -> None:
    path = data_dir / file_name
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([f"{header},{name}", *(f"{row}," for row in rows)]) + "\n", encoding="utf-8")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# (what is wrong, how to break the copy, file, line, column, words the message must contain)
BAD_INPUTS = [
    ("missing column", lambda d: drop_column(d, "indicators.csv", 7),
     "indicators.csv", 1, "direction", "缺少这一列"),
    ("unknown column", lambda d: add_column(d, "units.csv", "remarks"),
     "units.csv", 1, "remarks", "未知列名“remarks”"),
    ("text in a number column", lambda d: edit(d, "indicator_values.csv", "tax_revenue,4.28,", "tax_revenue,四点二八,"),
     "indicator_values.csv", 2, "target", "值“四点二八”不是数字"),
    ("unknown unit code", lambda d: edit(d, "indicator_values.csv", "taojiang_hitech,2024,fundraising",
                                         "taojiang,2024,fundraising"),
     "indicator_values.csv", 9, "unit_code", "单位代码“taojiang”在 units.csv 中没有登记"),
    ("unknown indicator code", lambda d: edit(d, "indicator_values.csv", ",fundraising,", ",fund_raising,"),
     "indicator_values.csv", 9, "indicator_code", "指标代码“fund_raising”在 indicators.csv 中没有登记"),
    ("unknown measurement unit", lambda d: edit(d, "indicators.csv", "tax,true,,,亿元", "tax,true,,,亿"),
     "indicators.csv", 2, "unit", "计量单位“亿”无法识别"),
    ("measurement unit with a figure", lambda d: edit(d, "indicators.csv", "tax,true,,,亿元", "tax,true,,,10亿元"),
     "indicators.csv", 2, "unit", "计量单位“10亿元”无法识别"),
    ("duplicate key", lambda d: edit(d, "projects.csv", "taojiang_hitech,2024,新兴管件二期",
                                     "taojiang_hitech,2024,波恩贝二期"),
     "projects.csv", 7, "project_name", "与第4行重复"),
    ("spending parent missing", lambda d: edit(d, "spending.csv", "basic_public,basic,", "basic_public,basics,"),
     "spending.csv", 5, "parent_code", "上级支出项“basics”在 taojiang_hitech 2024年的支出中不存在"),
    ("spending cycle", lambda d: edit(d, "spending.csv", "2024,total,,", "2024,total,basic_personnel,"),
     "spending.csv", 2, "parent_code", "total → basic_personnel → basic → total"),
    ("impossible year", lambda d: edit(d, "evaluation.csv", "taojiang_hitech,2024,效益", "taojiang_hitech,20240,效益"),
     "evaluation.csv", 3, "year", "年度“20240”不合理"),
    ("negative spending", lambda d: edit(d, "spending.csv", ",754.63,", ",-754.63,"),
     "spending.csv", 4, "actual", "值“-754.63”为负数"),
    ("negative indicator count", lambda d: edit(d, "indicator_values.csv", "petitions_resolved,,47,",
                                                "petitions_resolved,,-47,"),
     "indicator_values.csv", 37, "actual", "值“-47”为负数"),
    ("money past the cent", lambda d: edit(d, "spending.csv", ",46.82,", ",46.825,"),
     "spending.csv", 5, "actual", "超过两位小数"),
    ("not a yes/no", lambda d: edit(d, "spending.csv", "52318.07,false,", "52318.07,maybe,"),
     "spending.csv", 2, "is_memo", "值“maybe”不是“是/否”"),
    ("required cell empty", lambda d: edit(d, "indicators.csv", "tax_revenue,税收入库,", "tax_revenue,,"),
     "indicators.csv", 2, "indicator_name", "不能为空"),
    # Python's \d and isdigit() accept these digits; DuckDB's casts do not (the load then crashed)
    ("full-width digits", lambda d: edit(d, "indicator_values.csv", "tax_revenue,4.28,", "tax_revenue,４.２８,"),
     "indicator_values.csv", 2, "target", "请改为半角数字：4.28"),
    ("Arabic-Indic digits", lambda d: edit(d, "indicator_values.csv", "tax_revenue,4.28,", "tax_revenue,٤.٢٨,"),
     "indicator_values.csv", 2, "target", "请改为半角数字：4.28"),
    ("superscript year", lambda d: edit(d, "evaluation.csv", "taojiang_hitech,2024,效益", "taojiang_hitech,202⁴,效益"),
     "evaluation.csv", 3, "year", "请改为半角数字：2024"),
    ("typo year far ahead", lambda d: edit(d, "evaluation.csv", "taojiang_hitech,2024,效益", "taojiang_hitech,2100,效益"),
     "evaluation.csv", 3, "year", "年度“2100”不合理"),
    ("400-digit number", lambda d: edit(d, "indicator_values.csv", "tax_revenue,4.28,", "tax_revenue," + "9" * 400 + ","),
     "indicator_values.csv", 2, "target", "超出可保存的范围"),
    ("money beyond DECIMAL(18,2)", lambda d: edit(d, "spending.csv", ",754.63,", ",12345678901234567.5,"),
     "spending.csv", 4, "actual", "超出可保存的范围"),
    ("integer beyond INTEGER", lambda d: edit(d, "categories.csv", "tax,税收,1,", "tax,税收,99999999999,"),
     "categories.csv", 2, "sort_order", "超出可保存的范围"),
    ("NUL in a text cell", lambda d: edit(d, "units.csv", "桃江高新", "桃江\x00高新"),
     "units.csv", 2, "unit_name", "控制字符（U+0000）"),
    ("escape character in a name", lambda d: edit(d, "indicators.csv", "税收入库", "税收\x1b[31m入库"),
     "indicators.csv", 2, "indicator_name", "控制字符（U+001B）"),
    ("tab inside a name", lambda d: edit(d, "projects.csv", "新兴管件二期", "新兴\t管件二期"),
     "projects.csv", 4, "project_name", "控制字符（U+0009）"),
    ("overlong cell", lambda d: edit(d, "units.csv", "桃江高新", "长" * 20_001),
     "units.csv", 2, "unit_name", "超过单元格上限 20000"),
]


@pytest.fixture
def existing_db(data_copy, tmp_path) -> Path:
    """A database already built from good data, which a failed load must leave exactly as it was."""
    db_path = tmp_path / "perfboard.duckdb"
    load(data_copy, db_path, audit_run=audit.every_unit_year)  # as seed_db is loaded
    return db_path


@pytest.mark.parametrize(("break_data", "file_name", "line", "column", "words"),
                         [case[1:] for case in BAD_INPUTS], ids=[case[0] for case in BAD_INPUTS])
def test_bad_input_is_rejected_with_its_place_and_changes_nothing(data_copy, existing_db, break_data, file_name,
                                                                   line, column, words):
    before = digest(existing_db)
    break_data(data_copy)
    with pytest.raises(LoadError) as raised:
        load(data_copy, existing_db)
    matching = [p for p in raised.value.problems if p.file == file_name and p.line == line and p.column == column]
    assert matching, f"no problem at {file_name}:{line}:{column} in:\n{raised.value}"
    message = str(matching[0])
    assert message.startswith(f"{file_name} 第{line}行") and column in message and words in message
    assert digest(existing_db) == before
    assert not list(existing_db.parent.rglob("*.building*"))


def test_a_load_reports_every_problem_not_just_the_first(data_copy, existing_db):
    edit(data_copy, "indicator_values.csv", "tax_revenue,4.28,", "tax_revenue,abc,")
    edit(data_copy, "spending.csv", ",754.63,", ",-754.63,")
    edit(data_copy, "projects.csv", ",已投产,", ",投产了,")
    with pytest.raises(LoadError) as raised:
        load(data_copy, existing_db)
    assert {p.file for p in raised.value.problems} == {"indicator_values.csv", "spending.csv", "projects.csv"}


def test_unreadable_encoding_names_the_file_and_what_to_do(data_copy, existing_db):
    (data_copy / "units.csv").write_bytes(b"unit_code,unit_name\n\xff\xfe\xfa\n")
    with pytest.raises(LoadError) as raised:
        load(data_copy, existing_db)
    assert "units.csv：无法识别文件编码" in str(raised.value) and "CSV UTF-8" in str(raised.value)


def test_mixed_encodings_name_the_first_line_in_the_other_encoding(data_copy, existing_db):
    """Excel on one machine and a text editor on another: a UTF-8 file with one row pasted in GBK."""
    path = data_copy / "projects.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    raw = b"".join(line.encode("gbk" if number == 5 else "utf-8") for number, line in enumerate(lines, start=1))
    path.write_bytes(raw)
    before = digest(existing_db)
    with pytest.raises(LoadError) as raised:
        load(data_copy, existing_db)
    assert "projects.csv 第5行：文件混用了两种编码：多数行是 UTF-8，这一行是 GBK" in str(raised.value)
    assert digest(existing_db) == before


def test_big5_is_refused_rather_than_read_as_gbk_mojibake(data_copy, existing_db):
    path = data_copy / "projects.csv"
    header, *rows = path.read_text(encoding="utf-8").splitlines()
    # 繁體 names as a Taiwan or Hong Kong office would save them: each is valid GBK byte for byte
    traditional = [row.replace("项目", "項目").replace("产业", "產業") for row in rows]
    path.write_bytes("\n".join([header, *traditional]).encode("big5", errors="replace"))
    with pytest.raises(LoadError) as raised:
        load(data_copy, existing_db)
    assert "projects.csv：文件不是 UTF-8" in str(raised.value) and "Big5" in str(raised.value)


@pytest.mark.parametrize(("name", "words"), [("2024.MD", None), ("2023.txt", "应为 .md 文本文件")])
def test_narrative_file_names_are_read_whatever_the_case_and_others_are_named(data_copy, tmp_path, name, words):
    folder = data_copy / "narrative" / "taojiang_hitech"
    (folder / "2024.md").rename(folder / name)
    if words is None:  # Windows keeps whatever case the name was typed in
        load(data_copy, tmp_path / "case.duckdb")
        con = connect(tmp_path / "case.duckdb")
        assert con.execute("select count(*) from narrative_sections").fetchone()[0] == 21
        con.close()
    else:
        with pytest.raises(LoadError, match=f"narrative/taojiang_hitech/{name}：报告原文文件{words}"):
            load(data_copy, tmp_path / "other.duckdb")


def test_a_control_character_in_the_report_text_names_its_line(data_copy, existing_db):
    path = data_copy / "narrative" / "taojiang_hitech" / "2024.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[6] += "\x07"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LoadError, match="2024.md 第7行：值中含有不可见的控制字符（U\\+0007）"):
        load(data_copy, existing_db)


def test_limits_refuse_oversized_files_and_row_counts(data_copy, existing_db, monkeypatch):
    from perfboard import loader, precheck

    for module in (loader, precheck):
        monkeypatch.setattr(module, "MAX_ROWS_PER_FILE", 10)
    monkeypatch.setattr(loader, "MAX_NARRATIVE_BYTES", 1000)
    with pytest.raises(LoadError) as raised:
        load(data_copy, existing_db)
    message = str(raised.value)
    assert "projects.csv 第12行：文件超过 10 行的上限" in message  # the header and 10 rows pass, the 11th does not
    assert "narrative/taojiang_hitech/2024.md：文件有 0.0 MB，超过上限 0.0 MB" in message


def test_the_spending_tree_check_is_linear_and_refuses_deep_chains():
    """A 4,000-deep chain took 122 s in the quadratic check; it is now walked once and refused at depth 9."""
    from perfboard.loader import tree_faults

    chain = {f"item{n}": (f"item{n - 1}" if n else None) for n in range(4000)}
    faults = list(tree_faults(chain))
    assert [item for item, _ in faults] == ["item8"]  # item0 is level 1, so item8 is the first at level 9
    assert "超过 8 层" in faults[0][1]
    cycle = {"a": "b", "b": "c", "c": "a", "d": "a"}
    assert [item for item, _ in tree_faults(cycle)] == ["a"]  # one cycle, reported once


def test_missing_file_is_named(data_copy, existing_db):
    (data_copy / "projects.csv").unlink()
    with pytest.raises(LoadError, match="projects.csv：缺少文件"):
        load(data_copy, existing_db)


@pytest.mark.parametrize("problem", ["heading without key", "duplicate key"])
def test_narrative_problems_name_file_and_line(data_copy, existing_db, problem):
    path = data_copy / "narrative" / "taojiang_hitech" / "2024.md"
    text = path.read_text(encoding="utf-8")
    if problem == "heading without key":
        text = text.replace("# 三、项目组织实施情况分析 {#implementation}", "# 三、项目组织实施情况分析")
        expected = "2024.md 第53行：章节标题缺少键"
    else:
        text = text.replace("{#implementation}", "{#spending}")
        expected = "2024.md 第53行：章节键“spending”与第39行重复"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError, match=expected):
        load(data_copy, existing_db)


def view_contents(db_path: Path) -> dict[str, list[tuple]]:
    con = connect(db_path)
    try:
        return {view: fetch(con, view)[1] for view in view_names()}
    finally:
        con.close()


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig"])
def test_excel_encodings_load_to_identical_results(data_copy, seed_db, tmp_path, encoding):
    for path in [*data_copy.glob("*.csv"), *data_copy.glob("narrative/**/*.md")]:
        path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    db_path = tmp_path / f"{encoding}.duckdb"
    load(data_copy, db_path, audit_run=audit.every_unit_year)  # as seed_db is loaded
    assert view_contents(db_path) == view_contents(seed_db)


def test_thousands_separators_and_percent_signs_are_read_as_numbers(data_copy, seed_db, tmp_path):
    edit(data_copy, "spending.csv", ",52318.07,", ',"52,318.07",')
    edit(data_copy, "indicator_values.csv", ",56.08,", ",56.08%,")
    edit(data_copy, "indicator_values.csv", ",25751,", ',"25,751",')
    db_path = tmp_path / "separators.duckdb"
    load(data_copy, db_path, audit_run=audit.every_unit_year)  # as seed_db is loaded
    assert view_contents(db_path) == view_contents(seed_db)


def test_the_embedded_data_has_no_problems():
    from perfboard.database import DEFAULT_DATA_DIR

    assert read_dataset(DEFAULT_DATA_DIR).problems == []


def test_a_cycle_in_the_unit_hierarchy_is_refused_at_its_cell(tmp_path):
    """甲 → 乙 → 甲: the 全部单位 roll-ups walk parent_code, so the loader names the cell where the cycle
    closes (units.csv line 2 is the first unit, 甲)."""
    from tests.datasets import write_dataset

    data = write_dataset(tmp_path / "data", units=[
        {"unit_code": "test_unit", "unit_name": "甲（测试数据）", "parent_code": "other"},
        {"unit_code": "other", "unit_name": "乙（测试数据）", "parent_code": "test_unit"}])
    problems = [str(p) for p in read_dataset(data).problems]
    assert problems == ["units.csv 第2行 第3列（parent_code 上级单位代码）："
                        "单位的上级链条形成循环（test_unit → other → test_unit）。每个单位最终应归到一个没有上级单位的单位（如县人民政府）。"]
