"""The strict loader: every class of bad input is rejected with file, line and column, all problems of
a load are reported together, nothing is written, and Excel's encodings load like UTF-8."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

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
     "indicators.csv", 2, "unit", "值“亿”不在可选范围内"),
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
]


@pytest.fixture
def existing_db(data_copy, tmp_path) -> Path:
    """A database already built from good data, which a failed load must leave exactly as it was."""
    db_path = tmp_path / "perfboard.duckdb"
    load(data_copy, db_path)
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
    assert not list(existing_db.parent.glob(".*.building"))


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
    load(data_copy, db_path)
    assert view_contents(db_path) == view_contents(seed_db)


def test_thousands_separators_and_percent_signs_are_read_as_numbers(data_copy, seed_db, tmp_path):
    edit(data_copy, "spending.csv", ",52318.07,", ',"52,318.07",')
    edit(data_copy, "indicator_values.csv", ",56.08,", ",56.08%,")
    edit(data_copy, "indicator_values.csv", ",25751,", ',"25,751",')
    db_path = tmp_path / "separators.duckdb"
    load(data_copy, db_path)
    assert view_contents(db_path) == view_contents(seed_db)


def test_the_embedded_data_has_no_problems():
    from perfboard.database import DEFAULT_DATA_DIR

    assert read_dataset(DEFAULT_DATA_DIR).problems == []
