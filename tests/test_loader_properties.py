"""Property: whatever a cell holds, a load is either clean or a clear rejection (every problem names its file
and, for a cell, its line and column), never a traceback, and a rejected load leaves the database as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfboard.database import DEFAULT_DATA_DIR, LoadError, load
from perfboard.schema import TABLES
from tests.datasets import write_table

# Cells the checks must survive: Unicode digits, control characters, extreme and malformed numbers, markup.
NASTY_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["４.２８", "٤٫٢٨", "²⁰²⁴", "9" * 400, "1e309", "-0", "+.5", "1,23,4", "NaN", "inf",
                     "12345678901234567.89", "99999999999", "\x00", "a\x1bb", "\t=1+1", "\ufeff2024",
                     "<iframe srcdoc='<script>alert(1)</script>'>", "![x](http://198.51.100.1/x.png)",
                     "2100", "1999", "true", "是", "", " ", "\u3000"]),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)

CELLS = [(table.name, column.name) for table in TABLES for column in table.columns]


def rows_of(data_dir: Path, table_name: str) -> list[dict[str, str]]:
    import csv

    with (data_dir / f"{table_name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    folder = tmp_path_factory.mktemp("property")
    db_path = folder / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db_path)
    return folder, db_path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=st.sampled_from(CELLS), value=NASTY_CELLS, row=st.integers(min_value=0, max_value=3))
def test_any_cell_gives_a_clean_load_or_a_clear_rejection(workspace, cell, value, row):
    folder, db_path = workspace
    data_dir = folder / "data"
    shutil.rmtree(data_dir, ignore_errors=True)
    shutil.copytree(DEFAULT_DATA_DIR, data_dir)
    table_name, column = cell
    rows = rows_of(data_dir, table_name)
    rows[row % len(rows)][column] = value
    write_table(data_dir / f"{table_name}.csv", table_name, rows)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    try:
        load(data_dir, db_path)
    except LoadError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.file and problem.message
            assert problem.line is not None or problem.column is None
        assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before
