"""Shared fixtures: the embedded data set loaded once, and throw-away copies of it to break."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path

import pytest

from bench.county import County, write_county
from perfboard import audit
from perfboard.database import DEFAULT_DATA_DIR, connect, fetch_df, load
from perfboard.reports import ReportRef
from perfboard.unit_year import UnitYear

SEED_UNIT = "taojiang_hitech"
SEED_YEAR = 2024
SEED_REPORT = ReportRef("桃江高新技术产业开发区管理委员会", SEED_YEAR, "2024年度部门整体支出自评绩效报告")  # documents.csv


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The embedded data set (the 2024 report) loaded into a database of the test session's own."""
    db_path = tmp_path_factory.mktemp("seed") / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db_path, audit_run=audit.every_unit_year)  # as `perfboard load` and the app do
    return db_path


# A small generated county (模拟数据, bench/county.py): a county government, two bureaus, their departments.
SMALL_COUNTY = County(units=8, years=3, items=8, seed=11)


@pytest.fixture(scope="session")
def county(tmp_path_factory) -> tuple[Path, Path]:
    """(data_dir, db_path) of SMALL_COUNTY, loaded with its audit."""
    folder = tmp_path_factory.mktemp("county")
    write_county(folder / "data", SMALL_COUNTY)
    load(folder / "data", folder / "perfboard.duckdb", audit_run=audit.every_unit_year)
    return folder / "data", folder / "perfboard.duckdb"


@pytest.fixture(scope="session")
def loaded(tmp_path_factory):
    """A factory for loaded data sets: `loaded(name, write)` has `write(folder)` write a data directory
    (tests/datasets.py) and loads it, once per name in the session; it returns (data_dir, db_path)."""
    made: dict[str, tuple[Path, Path]] = {}

    def make(name: str, write) -> tuple[Path, Path]:
        if name not in made:
            folder = tmp_path_factory.mktemp(name)
            data_dir = write(folder / "data")
            load(data_dir, folder / "perfboard.duckdb", audit_run=audit.every_unit_year)
            made[name] = (data_dir, folder / "perfboard.duckdb")
        return made[name]

    return make


@contextmanager
def unit_year(db_path: Path, unit_code: str, year: int) -> Iterator[UnitYear]:
    """A unit's year read from a loaded database, as the CLI reads it; the connection closes afterwards."""
    con = connect(db_path)
    try:
        yield UnitYear.of(partial(fetch_df, con), unit_code, year)
    finally:
        con.close()


@pytest.fixture
def seed_year(seed_db) -> Iterator[UnitYear]:
    with unit_year(seed_db, SEED_UNIT, SEED_YEAR) as data:
        yield data


@pytest.fixture
def seed_con(seed_db):
    con = connect(seed_db)
    yield con
    con.close()


@pytest.fixture(scope="module")
def macros():
    """An empty in-memory database with the rule macros of queries/macros/, for testing them alone."""
    import duckdb

    from perfboard.database import create_macros

    con = duckdb.connect()
    create_macros(con)
    yield con
    con.close()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of data/ that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


@pytest.fixture(scope="session")
def two_year_data(tmp_path_factory) -> Path:
    """Test-only data: the 2024 report plus a copy of it labelled 2023, so that the year can change.
    The copy is not a real 2023 report; it exists only to exercise year switching."""
    target = tmp_path_factory.mktemp("two_years") / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    (target / "documents.csv").unlink()  # the copy has no report of its own, and no other sources
    for path in target.glob("*.csv"):
        header, *rows = path.read_text(encoding="utf-8").splitlines()
        if "year" not in header.split(","):
            continue
        rows = [row for row in rows if f",{SEED_YEAR}," in row]
        copies = [row.replace(f",{SEED_YEAR},", ",2023,", 1) for row in rows]
        path.write_text("\n".join([header, *rows, *copies]) + "\n", encoding="utf-8")
    narrative = target / "narrative" / SEED_UNIT
    shutil.copy(narrative / f"{SEED_YEAR}.md", narrative / "2023.md")
    return target


def set_cells(path: Path, match: dict[str, str], **values: str) -> None:
    """Change cells of the rows of a CSV file whose columns hold the `match` values."""
    import csv
    import io

    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        fields, rows = reader.fieldnames, list(reader)
    hits = [row for row in rows if all(row[k] == v for k, v in match.items())]
    assert hits, f"no row {match} in {path.name}"
    for row in hits:
        row.update(values)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8")


def shown(markdown: str) -> str:
    """What a reader sees of Markdown that markup.plain wrote: the text without its escapes."""
    import re

    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
