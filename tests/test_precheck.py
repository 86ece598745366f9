"""The pre-check (perfboard/precheck.py) against the loader: whatever it lets through is stored exactly as the
loader stores it, and whatever the loader refuses it leaves to the loader, whose messages are the ones said."""

from __future__ import annotations

import csv
import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from perfboard import precheck
from perfboard.database import DEFAULT_DATA_DIR, LoadError, insert_checked_files, write_database
from perfboard.loader import read_dataset
from perfboard.schema import NARRATIVE_TABLE, TABLES
from tests.datasets import DEFAULTS, UNIT, YEAR, write_dataset, write_other_unit_dataset, write_three_unit_county


def stored_tables(db_path: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return {table.name: con.execute(f"select * from {table.name} order by source_line").fetchall()
                for table in [*TABLES, NARRATIVE_TABLE]}
    finally:
        con.close()


def taken_in_bulk(data_dir: Path) -> bool:
    con = duckdb.connect()
    try:
        return insert_checked_files(con, data_dir) is not None
    finally:
        con.close()


def assert_stored_as_the_loader_stores(data_dir: Path, tmp_path: Path, in_bulk: bool) -> None:
    """A publish of `data_dir` (the pre-check first) stores what the loader alone stores, or refuses it with the
    loader's very problems; `in_bulk` says whether the pre-check is expected to take it."""
    dataset = read_dataset(data_dir)
    assert taken_in_bulk(data_dir) is in_bulk
    if dataset.problems:
        with pytest.raises(LoadError) as raised:
            write_database(data_dir, tmp_path / "published.duckdb")
        assert raised.value.problems == dataset.problems
        return
    write_database(data_dir, tmp_path / "published.duckdb")
    write_database(data_dir, tmp_path / "by_the_loader.duckdb", dataset=dataset)
    assert stored_tables(tmp_path / "published.duckdb") == stored_tables(tmp_path / "by_the_loader.duckdb")


def spending_with(**cells: str) -> list[dict[str, object]]:
    """The default spending rows, the first (the total) with `cells` in place of its own."""
    first, *rest = DEFAULTS["spending"]
    return [{**first, **cells}, *rest]


CELLS = [
    # (case, file, rows, taken in bulk)
    ("plain amounts", "spending", spending_with(actual="300.5"), True),
    ("a boolean in capitals", "spending", spending_with(is_memo="TRUE"), True),
    ("a boolean in Chinese", "spending", spending_with(is_memo="否"), True),
    ("a full-width comma and a no-break space inside", "spending", spending_with(item_name="部门\u00a0整体支出，合计"), True),
    ("a percent sign in a percent column", "indicator_values",
     [{**DEFAULTS["indicator_values"][0], "stated_rate": "125%"}], True),
    ("a percentage that fell", "indicator_values",
     [{**DEFAULTS["indicator_values"][0], "stated_yoy": "-3.5"}], True),
    ("a unit no list holds", "indicators", [{**DEFAULTS["indicators"][0], "unit": "人日"}], True),
    ("a unit per another", "indicators", [{**DEFAULTS["indicators"][0], "unit": "元/人"}], True),
    # valid, in a form the pre-check leaves to the loader
    ("padding", "spending", spending_with(actual=" 300 "), False),
    ("an ideographic space after a name", "spending", spending_with(item_name="部门整体支出\u3000"), False),
    ("a space before a name", "spending", spending_with(item_name=" 部门整体支出"), False),
    ("a note of spaces alone", "spending", spending_with(note="  "), False),
    ("thousands separators (quoted by the writer)", "spending", spending_with(actual="1,300"), False),
    ("a plus sign", "spending", spending_with(actual="+300"), False),
    ("minus zero in a column that may not be negative", "spending", spending_with(actual="-0"), False),
    ("an ASCII comma in a name", "spending", spending_with(item_name="部门整体支出,合计"), False),
    ("a line break in a note", "spending", spending_with(note="第一行\n第二行"), False),
    ("a year with a leading zero", "spending", [{**row, "year": f"0{YEAR}"} for row in DEFAULTS["spending"]], False),
    # problems: the loader's messages
    ("full-width digits", "spending", spending_with(actual="３００"), False),
    ("three decimals in an amount", "spending", spending_with(actual="300.125"), False),
    ("a negative amount", "spending", spending_with(actual="-300"), False),
    ("a superscript in a year", "spending", [{**row, "year": "202⁴"} for row in DEFAULTS["spending"]], False),
    ("a year out of range", "spending", [{**row, "year": "1899"} for row in DEFAULTS["spending"]], False),
    ("a code with a hyphen", "spending", spending_with(item_code="to-tal"), False),
    ("a boolean nobody writes", "spending", spending_with(is_memo="maybe"), False),
    ("a required cell left empty", "spending", spending_with(item_name=""), False),
    ("a control character", "spending", spending_with(item_name="部门\x07整体支出"), False),
    ("a number too large", "indicator_values", [{**DEFAULTS["indicator_values"][0], "actual": "1" + "0" * 15}], False),
    ("a negative count", "indicator_values", [{**DEFAULTS["indicator_values"][0], "actual": "-2"}], False),
    ("a unit with a figure in it", "indicators", [{**DEFAULTS["indicators"][0], "unit": "10万元"}], False),
    ("a scale alone as a unit", "indicators", [{**DEFAULTS["indicators"][0], "unit": "万"}], False),
    ("an unknown unit", "spending", spending_with(unit_code="nobody"), False),
    ("a key given twice", "spending", [*DEFAULTS["spending"], DEFAULTS["spending"][1]], False),
    ("a parent that is not there", "spending", spending_with(parent_code="nowhere"), False),
    ("a cycle", "spending", spending_with(parent_code="basic"), False),
    ("a remainder with an amount", "spending", [*DEFAULTS["spending"][:2], {**DEFAULTS["spending"][2],
                                                                             "is_remainder": "true"}], False),
    ("a remainder without a parent", "spending", spending_with(is_remainder="true", actual=""), False),
]


@pytest.mark.parametrize(("file_name", "rows", "in_bulk"), [case[1:] for case in CELLS],
                         ids=[case[0] for case in CELLS])
def test_cells_are_stored_as_the_loader_stores_them_or_left_to_it(tmp_path, file_name, rows, in_bulk):
    data_dir = write_dataset(tmp_path / "data", **{file_name: rows})
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk)


def chain(depth: int) -> list[dict[str, object]]:
    """Spending items `depth` levels deep, each the only child of the one before."""
    return [{"unit_code": UNIT, "year": YEAR, "item_code": f"level{level}", "item_name": f"第{level}层",
             "parent_code": f"level{level - 1}" if level > 1 else "", "actual": 10} for level in range(1, depth + 1)]


@pytest.mark.parametrize(("depth", "in_bulk"), [(8, True), (9, False)])
def test_the_deepest_chain_the_loader_allows_is_taken_and_one_deeper_is_not(tmp_path, depth, in_bulk):
    data_dir = write_dataset(tmp_path / "data", spending=chain(depth))
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk)


def rewrite(path: Path, change) -> None:
    path.write_bytes(change(path.read_bytes()))


FILE_FORMS = [
    # (case, change to spending.csv's bytes, taken in bulk)
    ("a byte-order mark and Windows line ends", lambda raw: b"\xef\xbb\xbf" + raw.replace(b"\n", b"\r\n"), True),
    ("no line end after the last record", lambda raw: raw.rstrip(b"\n"), True),
    ("a blank line between records", lambda raw: raw.replace(b"\n", b"\n\n", 2).replace(b"\n\n", b"\n", 1), False),
    ("a record of empty cells", lambda raw: raw + b",,,,,,,,,,,\n", False),
    ("a quoted cell with spaces around its quotes", lambda raw: raw.replace(b",\xe5\x9f\xba\xe6\x9c\xac\xe6\x94\xaf"
                                                                          b"\xe5\x87\xba,", b', "basic" ,', 1), False),
    ("a carriage return alone between records", lambda raw: raw.replace(b"\n", b"\r", 2).replace(b"\r", b"\n", 1),
     False),
    ("GBK", lambda raw: raw.decode("utf-8").encode("gbk"), False),
    ("a record one cell short", lambda raw: raw.replace(b",\n", b"\n", 1), False),
]


@pytest.mark.parametrize(("change", "in_bulk"), [case[1:] for case in FILE_FORMS], ids=[case[0] for case in FILE_FORMS])
def test_file_forms_are_stored_as_the_loader_stores_them_or_left_to_it(tmp_path, change, in_bulk):
    data_dir = write_dataset(tmp_path / "data")
    rewrite(data_dir / "spending.csv", change)
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk)


REPORT_TEXTS = [
    # (case, the report texts by unit and year, taken in bulk); the texts are read while DuckDB reads the tables
    ("a text of the unit", {(UNIT, YEAR): "# 一、基本情况 {#overview}\n正文"}, True),
    ("a text of a unit units.csv does not list", {("nobody", YEAR): "# 一、基本情况 {#overview}\n正文"}, False),
    ("an empty text of a unit units.csv does not list", {("nobody", YEAR): ""}, False),
    ("a heading without its key", {(UNIT, YEAR): "# 一、基本情况\n正文"}, False),
]


@pytest.mark.parametrize(("narratives", "in_bulk"), [case[1:] for case in REPORT_TEXTS],
                         ids=[case[0] for case in REPORT_TEXTS])
def test_report_texts_are_stored_as_the_loader_stores_them_or_left_to_it(tmp_path, narratives, in_bulk):
    data_dir = write_dataset(tmp_path / "data", narratives=narratives)
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk)


def test_a_data_directory_whose_path_reads_as_a_pattern_is_left_to_the_loader(tmp_path):
    data_dir = write_dataset(tmp_path / "data[1]")
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk=False)


def test_a_file_over_the_row_limit_is_left_to_the_loader(tmp_path, monkeypatch):
    from perfboard import loader

    for module in (loader, precheck):
        monkeypatch.setattr(module, "MAX_ROWS_PER_FILE", 2)  # the default spending file has 3 rows
    data_dir = write_dataset(tmp_path / "data")
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk=False)


WHOLE_DATA_SETS = {
    "the seed": lambda folder: shutil.copytree(DEFAULT_DATA_DIR, folder),
    "another unit": write_other_unit_dataset,
    "a three-unit county": write_three_unit_county,
}


@pytest.mark.parametrize("write", WHOLE_DATA_SETS.values(), ids=WHOLE_DATA_SETS.keys())
def test_whole_data_sets_are_taken_in_bulk_and_stored_as_the_loader_stores_them(tmp_path, write):
    data_dir = Path(write(tmp_path / "data"))
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk=True)


def test_the_generated_county_is_taken_in_bulk_and_stored_as_the_loader_stores_it(tmp_path, county):
    data_dir, _ = county
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk=True)


def test_a_file_of_its_header_alone_is_taken_in_bulk(tmp_path):
    data_dir = write_dataset(tmp_path / "data", projects=[])
    rewrite(data_dir / "projects.csv", lambda raw: raw.rstrip(b"\n"))
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk=True)


def test_the_padding_the_pre_check_leaves_to_the_loader_is_what_python_strips():
    listed = {point for low, high in precheck.PADDING_CHARACTERS for point in range(low, high + 1)}
    assert listed == {point for point in range(sys.maxunicode + 1) if chr(point).isspace()}


def without_column(path: Path, name: str) -> None:
    """The CSV file with one column left out."""
    rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, [c for c in rows[0] if c != name], lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def test_files_of_the_first_data_format_are_taken_in_bulk(tmp_path):
    """No documents.csv, and indicator_values.csv without the columns added since: both optional."""
    data_dir = write_dataset(tmp_path / "data")
    (data_dir / "documents.csv").unlink()
    for name in ("target_text", "is_headline"):
        without_column(data_dir / "indicator_values.csv", name)
    assert_stored_as_the_loader_stores(data_dir, tmp_path, in_bulk=True)


def test_a_cell_the_pre_check_missed_is_still_found_by_the_loader(tmp_path, monkeypatch):
    """Were a kind's rule missing from the pre-check, the cast refuses the cell and the loader says where."""
    monkeypatch.setattr(precheck, "kind_holds", lambda column, value: "true")
    data_dir = write_dataset(tmp_path / "data", spending=spending_with(actual="abc"))
    with pytest.raises(LoadError) as raised:
        write_database(data_dir, tmp_path / "published.duckdb")
    assert raised.value.problems == read_dataset(data_dir).problems
    assert "spending.csv 第2行" in str(raised.value.problems[0]) and "abc" in str(raised.value.problems[0])
