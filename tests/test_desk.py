"""The data desk (perfboard/desk.py, perfboard/workbook.py): template → fill → upload → check → preview →
publish → history → download → restore, on the seed and on the test fixture unit; every rejection leaves the
current version byte for byte as it was; kills, concurrent readers and a second editor never break it."""

from __future__ import annotations

import hashlib
import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from perfboard import audit, desk, workbook
from perfboard.cli import main
from perfboard.database import (DEFAULT_DATA_DIR, LoadError, Readers, StaleVersionError, current_build,
                                current_version, fetch, load, version_files, versions)
from perfboard.schema import PROJECT_STATUSES, TABLES
from tests.conftest import SEED_UNIT, SEED_YEAR
from tests.datasets import OTHER_UNIT, OTHER_YEAR, write_other_unit_dataset
from tests.test_store import readers_during, tax_actual

ROOT = Path(__file__).resolve().parent.parent
UNITS = {"seed": (SEED_UNIT, SEED_YEAR), "other": (OTHER_UNIT, OTHER_YEAR)}


@pytest.fixture(params=list(UNITS))
def store(request, tmp_path) -> tuple[Path, str, int]:
    """A store holding version 1 of the seed, or of the fixture unit (测试数据)."""
    data_dir = DEFAULT_DATA_DIR if request.param == "seed" else write_other_unit_dataset(tmp_path / "data")
    db = tmp_path / "store" / "perfboard.duckdb"
    load(data_dir, db)
    return (db, *UNITS[request.param])


def table_contents(db: Path) -> dict[str, list[tuple]]:
    """Every data table of the current version, rows sorted: what 'unchanged in the database' means."""
    con = duckdb.connect(str(current_build(db)), read_only=True)
    try:
        return {table.name: sorted(con.execute(f"select * exclude (source_line) from {table.name}").fetchall(),
                                   key=repr) for table in TABLES} | {
            "narrative": sorted(con.execute("select * exclude (source_line) from narrative_sections").fetchall(),
                                key=repr)}
    finally:
        con.close()


def store_state(db: Path) -> tuple:
    """The current version, its file's bytes (hashed) and the list of versions: nothing may change on a rejection."""
    build = current_build(db)
    return current_version(db), build.name, hashlib.sha256(build.read_bytes()).hexdigest(), len(versions(db))


def edited(book_bytes: bytes, sheet: str, changes: dict[tuple[int, str], object]) -> bytes:
    """The workbook with cells set by (row, header label)."""
    book = load_workbook(io.BytesIO(book_bytes))
    worksheet = book[sheet]
    header = [cell.value for cell in worksheet[1]]
    for (row, label), value in changes.items():
        worksheet.cell(row, header.index(label) + 1).value = value
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row_of(book_bytes: bytes, sheet: str, **match: object) -> int:
    book = load_workbook(io.BytesIO(book_bytes), read_only=True)
    rows = list(book[sheet].iter_rows(values_only=True))
    header = list(rows[0])
    return next(number for number, row in enumerate(rows[1:], start=2)
                if all(row[header.index(label)] == value for label, value in match.items()))


def test_the_workbook_round_trip_changes_nothing(store):
    """Export the data as a workbook, upload it: no problem, an empty preview, and published anyway the
    database holds exactly the same rows."""
    db, _, _ = store
    book = workbook.write_workbook(desk.current_files(db))
    staged = desk.stage_upload(db, [("数据.xlsx", book)])
    dataset, problems = desk.check(staged)
    assert problems == []
    assert desk.preview(db, dataset, staged).empty
    before = table_contents(db)
    desk.publish(db, staged, "测试", "往返", "", audit.every_unit_year)
    assert current_version(db) == 2 and table_contents(db) == before


def test_template_fill_publish_history_download_restore(store):
    """A new year: the template lists the unit's indicators with empty figures; one figure is filled in,
    previewed, published; version 1 is downloaded as a zip and restored as version 3."""
    db, unit_code, year = store
    template = workbook.write_workbook(desk.current_files(db), unit_code, year + 1, template=True)
    indicator = desk.unit_year_rows(db, "indicator_values", unit_code, year)[0]["indicator_code"]
    row = row_of(template, "指标值", 单位代码=unit_code, 年度=year + 1, 指标代码=indicator)
    filled = edited(template, "指标值", {(row, "实际完成值"): 4.51, (row, "报告出处"): "一"})
    staged = desk.stage_upload(db, [("填报.xlsx", filled)])
    dataset, problems = desk.check(staged)
    assert problems == []
    change = desk.preview(db, dataset, staged)
    added = [c for c in change.rows["指标值"] if c.old is None]
    assert added and all(c.key.startswith(f"{unit_code} / {year + 1} / ") for c in added)
    assert any(f"{year + 1} 实际 4.51" in line and "（新增）" in line for line in change.seen)
    result = desk.publish(db, staged, "编辑甲", f"{year + 1}年数据", change.summary(), audit.every_unit_year)
    assert result.version == 2 and [v.editor for v in versions(db)] == ["命令行", "编辑甲"]
    con = Readers().connection(current_build(db))
    columns, rows = fetch(con, "indicator_results", unit_code, year + 1)
    assert [float(r[columns.index("actual")]) for r in rows if r[columns.index("indicator_code")] == indicator] \
        == [4.51]
    first = desk.version_zip(db, 1)
    restored = desk.stage_upload(db, [("第1版.zip", first)])  # the download, uploaded again
    assert desk.check(restored)[1] == []
    desk.publish(db, desk.stage_version(db, 1), "编辑甲", "恢复", "", audit.every_unit_year)
    assert current_version(db) == 3 and len(versions(db)) == 3
    assert desk.current_files(db) == version_files(db, 1)


def test_the_workbook_has_lists_formats_instructions_and_chinese_headers(tmp_path):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    book = load_workbook(io.BytesIO(workbook.write_workbook(desk.current_files(db))))
    assert book.sheetnames[0] == "填写说明" and "指标值" in book.sheetnames and "报告原文" in book.sheetnames
    assert book["代码表"].sheet_state == "hidden"
    values = book["指标值"]
    assert [c.value for c in values[1]][:4] == ["单位代码", "年度", "指标代码", "目标值"]
    lists = {str(rule.sqref): rule.formula1 for rule in values.data_validations.dataValidation}
    assert any(ref.startswith("A2:") for ref in lists)  # 单位代码 from the list of units
    qualifier_column = get_column_letter([c.value for c in values[1]].index("限定词") + 1)
    assert any(ref.startswith(f"{qualifier_column}2:") for ref in lists)  # 限定词 from its closed list
    # 计量单位 offers the common units and, past them, warns without refusing: 人日 is a unit too (schema.is_unit)
    styles = {str(rule.sqref)[0]: rule.errorStyle for rule in book["指标目录"].data_validations.dataValidation}
    unit_column = get_column_letter([c.value for c in book["指标目录"][1]].index("计量单位") + 1)
    assert styles.pop(unit_column) == "warning" and set(styles.values()) == {"stop"}
    spending = book["支出"]
    amount_column = [c.value for c in spending[1]].index("实际支出（万元）") + 1
    assert spending.cell(2, amount_column).number_format == "#,##0.00"
    instructions = [[c.value for c in row] for row in book["填写说明"].iter_rows()]
    assert any(row[:3] == ["指标值", "实际完成值", "actual"] for row in instructions)  # every column explained
    assert all(row[6] is not None for row in instructions if row[0] == "指标值" and row[2] == "unit_code")


# Every rejection class of the loader, typed into the workbook: (sheet, header, value, words of the message)
REJECTIONS = {
    "not_a_number": ("指标值", "实际完成值", "4。5", "不是数字"),
    "full_width_digits": ("指标值", "实际完成值", "４.２８", "半角"),
    "unknown_indicator": ("指标值", "指标代码", "no_such_indicator", "no_such_indicator"),
    "bad_year": ("指标值", "年度", 2100, "2100"),
    "negative_money": ("支出", "实际支出（万元）", -5, "负"),
    "control_character": ("项目", "项目名称", "名称\x9b31m", "控制字符"),  # C1: a workbook cannot hold C0
    "not_in_list": ("指标值", "限定词", "大约", "大约"),
    "too_long": ("项目", "备注", "字" * 20_001, "20000"),
}


@pytest.mark.parametrize("case", list(REJECTIONS), ids=list(REJECTIONS))
def test_a_rejected_upload_names_the_sheet_row_and_column_and_changes_nothing(case, tmp_path, capsys):
    sheet, header, value, words = REJECTIONS[case]
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    before = store_state(db)
    book = workbook.write_workbook(desk.current_files(db))
    broken = edited(book, sheet, {(2, header): value})
    path = tmp_path / "改过.xlsx"
    path.write_bytes(broken)
    assert main(["publish", str(path), "--db", str(db)]) == 1
    printed = capsys.readouterr().err
    assert f"改过.xlsx 工作表「{sheet}」 第2行" in printed and words in printed, printed
    staged = desk.stage_upload(db, [(path.name, broken)])
    with pytest.raises(LoadError):  # even past the check, the store refuses it
        desk.publish(db, staged, "测试", "不应发布", "", audit.every_unit_year)
    assert store_state(db) == before


def tax_row(book: bytes) -> int:
    return row_of(book, "指标值", 指标代码="tax_revenue")


# Rejections across rows and files: (sheet, the cells to set given the workbook, words of the message)
CROSS_ROW_REJECTIONS = {
    # the row it repeats is named by its sheet row too, not by a line of a generated file
    "duplicate_key": ("指标值", lambda book: {(tax_row(book) + 1, "指标代码"): "tax_revenue"}, "与第2行重复"),
    "missing_required": ("指标值", lambda book: {(tax_row(book), "指标代码"): None}, "不能为空"),
    "unknown_parent": ("支出", lambda book: {(3, "上级支出项代码"): "no_such_item"}, "no_such_item"),
    "negative_count": ("指标值", lambda book: {(row_of(book, "指标值", 指标代码="projects_introduced"),
                                                 "实际完成值"): -3}, "-3"),
    "bad_boolean": ("指标值", lambda book: {(tax_row(book), "是否预计数"): "也许"}, "也许"),
}


@pytest.mark.parametrize("case", list(CROSS_ROW_REJECTIONS), ids=list(CROSS_ROW_REJECTIONS))
def test_rejections_across_rows_and_files_change_nothing(case, tmp_path):
    sheet, changes, words = CROSS_ROW_REJECTIONS[case]
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    before = store_state(db)
    book = workbook.write_workbook(desk.current_files(db))
    staged = desk.stage_upload(db, [("改过.xlsx", edited(book, sheet, changes(book)))])
    problems = desk.check(staged)[1]
    assert problems and any(words in str(p) for p in problems), [str(p) for p in problems]
    assert all(p.file.startswith(f"改过.xlsx 工作表「{sheet}」") for p in problems), [str(p) for p in problems]
    with pytest.raises(LoadError):
        desk.publish(db, staged, "测试", "不应发布", "", audit.every_unit_year)
    assert store_state(db) == before


@pytest.mark.parametrize(("name", "content", "words"), [
    ("indicator_values.csv", "unit_code,year,indicator_code,note\ntaojiang_hitech,2024,tax_revenue,原文\n".encode()
     + "taojiang_hitech,2024,fundraising,备注\n".encode("gbk"), "GBK"),  # lines saved in two encodings
    ("坏文件.xlsx", b"not a workbook", "无法打开"),
    ("数据.zip", b"PK\x03\x04broken", "无法打开"),
    ("说明.txt", b"hello", "无法识别"),
    ("unknown.csv", b"a,b\n1,2\n", "不认识这个文件名"),
    ("indicator_values.csv", b"unit_code,year,indicator_code,wrong_column\n", "wrong_column"),
])
def test_unreadable_uploads_are_refused_with_a_reason(name, content, words, tmp_path):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    before = store_state(db)
    dataset, problems = desk.check(desk.stage_upload(db, [(name, content)]))
    assert problems and any(words in str(p) for p in problems), problems
    assert store_state(db) == before


def test_workbooks_are_parsed_with_defusedxml():
    """A workbook is XML: without defusedxml, openpyxl expands entity bombs (billion laughs) in memory."""
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML


def test_a_zip_member_too_large_is_refused_before_it_is_unpacked(tmp_path):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as packed:
        info = zipfile.ZipInfo("indicator_values.csv")
        packed.writestr(info, b"0" * 1000)
    raw = bytearray(archive.getvalue())  # claim 300 MB in the headers, as a zip bomb does
    for header in (b"PK\x03\x04", b"PK\x01\x02"):
        at = raw.find(header)
        offset = at + (22 if header == b"PK\x03\x04" else 24)
        raw[offset:offset + 4] = (300 * 2**20).to_bytes(4, "little")
    problems = desk.check(desk.stage_upload(db, [("大.zip", bytes(raw))]))[1]
    assert any("超过" in str(p) for p in problems)


def test_a_publish_prepared_on_an_old_version_is_refused(tmp_path):
    """Two editors upload on version 1; the first publishes; the second is told and nothing changes."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    book = workbook.write_workbook(desk.current_files(db))
    row = row_of(book, "指标值", 指标代码="tax_revenue")
    first = desk.stage_upload(db, [("甲.xlsx", edited(book, "指标值", {(row, "实际完成值"): 4.82}))])
    second = desk.stage_upload(db, [("乙.xlsx", edited(book, "指标值", {(row, "实际完成值"): 4.83}))])
    desk.publish(db, first, "甲", "改税收", "", audit.every_unit_year)
    before = store_state(db)
    with pytest.raises(StaleVersionError, match="基于第 1 版.*当前已是第 2 版"):
        desk.publish(db, second, "乙", "也改税收", "", audit.every_unit_year)
    assert store_state(db) == before


def test_a_correction_in_place_goes_through_the_same_checks(tmp_path):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    rows = desk.unit_year_rows(db, "projects", SEED_UNIT, SEED_YEAR)
    other_status = next(s for s in PROJECT_STATUSES if s != rows[0]["status"])
    rows[0]["status"] = "完工了"  # not one of the statuses
    dataset, problems = desk.check(desk.stage_rows(db, "projects", SEED_UNIT, SEED_YEAR, rows))
    assert [p.file for p in problems] == ["在线修改 表「项目」"] and problems[0].line == 1
    rows[0]["status"] = other_status
    staged = desk.stage_rows(db, "projects", SEED_UNIT, SEED_YEAR, rows)
    dataset, problems = desk.check(staged)
    change = desk.preview(db, dataset, staged)
    assert problems == [] and [c.changed_columns for c in change.rows["项目"]] == [["status"]]


# ---- random input: a clean publish or a clear rejection, never anything between ----------------------

# Text a workbook can hold (no C0 controls or surrogates), numbers, and values the loader has opinions about.
CELL_VALUES = st.one_of(st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=12),
                        st.integers(-10**6, 10**6), st.floats(allow_nan=False, allow_infinity=False, width=32),
                        st.sampled_from(["", "是", "否", "4。5", "１２", "超过", "2100", "=1+1", "\x9b", "在建"]))


@pytest.fixture(scope="module")
def seed_book(tmp_path_factory):
    db = tmp_path_factory.mktemp("mutations") / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    return db, workbook.write_workbook(desk.current_files(db))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(sheet=st.sampled_from(["指标值", "支出", "项目", "自评得分", "指标目录"]), row=st.integers(2, 12),
       column=st.integers(1, 10), value=CELL_VALUES)
def test_random_cells_give_a_clean_publish_or_a_clean_rejection(seed_book, sheet, row, column, value):
    db, book = seed_book
    header = [c.value for c in load_workbook(io.BytesIO(book), read_only=True)[sheet][1]]
    mutated = edited(book, sheet, {(row, header[(column - 1) % len(header)]): value})
    before = store_state(db)
    staged = desk.stage_upload(db, [("随机.xlsx", mutated)])
    dataset, problems = desk.check(staged)
    if problems:
        assert all(p.message for p in problems)
        with pytest.raises(LoadError):
            desk.publish(db, staged, "测试", "随机", "", audit.every_unit_year)
        assert store_state(db) == before
    else:
        result = desk.publish(db, staged, "测试", "随机", "", audit.every_unit_year)
        assert current_version(db) == result.version == before[0] + 1


# ---- kills and concurrency ----------------------------------------------------------------------------

def test_a_killed_publish_leaves_the_old_or_the_new_version_current(tmp_path):
    """SIGKILL at 20 moments of `perfboard publish`: each time the current version opens and holds 4.28
    (四.1) or the uploaded 4.82, and its data files match its tables."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    book = workbook.write_workbook(desk.current_files(db))
    path = tmp_path / "改税收.xlsx"
    path.write_bytes(edited(book, "指标值", {(row_of(book, "指标值", 指标代码="tax_revenue"), "实际完成值"): 4.82}))
    seen = set()
    for attempt in range(20):
        process = subprocess.Popen([sys.executable, "-m", "perfboard.cli", "publish", str(path), "--db", str(db)],
                                   cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.3 + attempt * 0.25)  # start-up, check, preview, build, switch: about 4.4 s on 2 cores
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        value = tax_actual(db)
        seen.add(value)
        in_files = next(float(r["actual"]) for r in workbook.csv_rows(desk.current_files(db)["indicator_values.csv"])
                        if r["indicator_code"] == "tax_revenue" and r["year"] == str(SEED_YEAR))
        assert in_files == value  # the version's files and its tables are the same version
    assert seen <= {4.28, 4.82} and seen
    print(f"values seen after the 20 kills: {sorted(seen)}")


def test_readers_see_one_version_exactly_while_publishes_and_restores_run(tmp_path):
    """8 threads query while 20 publishes and restores alternate two data sets: no error, every answer is
    one version's (4.28 or 4.82)."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    book = workbook.write_workbook(desk.current_files(db))
    changed = edited(book, "指标值", {(row_of(book, "指标值", 指标代码="tax_revenue"), "实际完成值"): 4.82})
    with readers_during(db) as (answers, errors):
        for number in range(20):
            if number % 2 == 0:
                desk.publish(db, desk.stage_upload(db, [("改.xlsx", changed)]), "甲", "改", "", audit.every_unit_year)
            else:
                desk.publish(db, desk.stage_version(db, 1), "甲", "恢复", "", audit.every_unit_year)
    assert errors == []
    assert set(answers) == {4.28, 4.82} and len(versions(db)) == 21


# ---- the command line -----------------------------------------------------------------------------------

def test_cli_template_publish_versions_restore_diff(tmp_path, capsys):
    db = tmp_path / "perfboard.duckdb"
    assert main(["load", "--db", str(db)]) == 0
    assert main(["template", "--unit", SEED_UNIT, "--year", "2025", "--out", str(tmp_path / "模板"), "--db",
                 str(db)]) == 0
    assert (tmp_path / "模板.xlsx").exists()
    assert main(["export", "workbook", "--out", str(tmp_path / "全部.xlsx"), "--db", str(db)]) == 0
    book = (tmp_path / "全部.xlsx").read_bytes()
    changed = tmp_path / "改.xlsx"
    changed.write_bytes(edited(book, "指标值", {(row_of(book, "指标值", 指标代码="tax_revenue"), "实际完成值"): 4.82}))
    capsys.readouterr()
    assert main(["diff", str(changed), "--db", str(db)]) == 0
    assert "税收入库 2024 实际 4.28亿元 → 4.82亿元" in capsys.readouterr().out
    assert current_version(db) == 1  # diff never publishes
    assert main(["publish", str(changed), "--db", str(db), "--comment", "改税收"]) == 0
    assert main(["versions", "--db", str(db), "--format", "json"]) == 0
    listed = capsys.readouterr().out
    assert '"comment": "改税收"' in listed and '"current": true' in listed
    assert main(["restore", "1", "--db", str(db)]) == 0 and tax_actual(db) == 4.28
    assert main(["restore", "9", "--db", str(db)]) == 2
    assert main(["publish", str(tmp_path / "全部.xlsx"), "--db", str(db)]) == 0  # the same data: no new version
    assert current_version(db) == 3
    assert main(["load", "--if-empty", "--db", str(db)]) == 0  # make run: never replaces published data
    assert current_version(db) == 3 and len(versions(db)) == 3


def test_cli_publish_as_a_named_user_needs_an_editor_account(tmp_path, monkeypatch):
    db, accounts_file = tmp_path / "perfboard.duckdb", tmp_path / "accounts.json"
    load(DEFAULT_DATA_DIR, db)
    monkeypatch.setattr("sys.stdin", io.StringIO("secret123\n"))
    assert main(["user", "add", "查看员", "--role", "viewer", "--accounts", str(accounts_file)]) == 0
    book = workbook.write_workbook(desk.current_files(db))
    path = tmp_path / "改.xlsx"
    path.write_bytes(edited(book, "指标值", {(row_of(book, "指标值", 指标代码="tax_revenue"), "实际完成值"): 4.82}))
    assert main(["publish", str(path), "--db", str(db), "--user", "查看员", "--accounts", str(accounts_file)]) == 2
    assert current_version(db) == 1


@pytest.mark.parametrize(("cell", "text"), [
    (4.28, "4.28"), (2024.0, "2024"), (52318.07, "52318.07"), (True, "true"), (None, ""), ("超过", "超过"),
    (0.1 + 0.2, "0.30000000000000004"),  # as Excel stored it: the loader, not the reader, judges it
])
def test_a_workbook_cell_reads_as_the_text_a_csv_cell_would_hold(cell, text):
    assert workbook.text_of(cell) == text


def test_an_upload_replaces_the_unit_years_it_holds_and_keeps_the_rest(tmp_path):
    """One 2024 row of 指标值 in a CSV: the other 2024 rows go (the unit-year is replaced); a units row with a
    new name replaces the unit's row; a new unit is added. Nothing else changes."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    values = b"unit_code,year,indicator_code,actual,source\ntaojiang_hitech,2024,tax_revenue,4.28,\xe5\x9b\x9b.1\n"
    units = "单位代码,单位名称\ntaojiang_hitech,桃江高新区（改名）\nnew_unit,新单位（测试数据）\n".encode()
    staged = desk.stage_upload(db, [("indicator_values.csv", values), ("单位.csv", units)])
    dataset, problems = desk.check(staged)
    assert problems == []
    change = desk.preview(db, dataset, staged)
    kept_2024 = len(desk.unit_year_rows(db, "indicator_values", SEED_UNIT, SEED_YEAR))
    assert sum(c.new is None for c in change.rows["指标值"]) == kept_2024 - 1
    assert [c.key for c in change.rows["单位"] if c.old is None] == ["new_unit"]
    # the whole row is replaced: the note the upload leaves out is emptied, and the preview says so
    assert [c.changed_columns for c in change.rows["单位"] if c.old and c.new] == [["unit_name", "note"]]
    assert not change.rows["支出"] and not change.rows["项目"] and not change.rows["报告原文"]


def test_the_preview_says_how_the_total_score_changes(tmp_path):
    """五(二) states 98 (50 + 38 + 10); an upload of 自评得分 with 效益 36 and 总分 96 is previewed as 98 → 96."""
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    scores = ("unit_code,year,level1,score,source\n" + "".join(
        f"{SEED_UNIT},{SEED_YEAR},{group},{score},五(二)\n"
        for group, score in (("产出", 50), ("效益", 36), ("满意度", 10), ("总分", 96)))).encode()
    staged = desk.stage_upload(db, [("evaluation.csv", scores)])
    dataset, problems = desk.check(staged)
    assert problems == [] and desk.preview(db, dataset, staged).seen == [f"{SEED_UNIT} {SEED_YEAR} 总分 98 → 96"]
