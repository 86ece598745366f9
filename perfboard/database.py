"""Build the DuckDB database from a data directory, and read views from it.

A load validates everything first, writes a new database file beside the old one and then swaps it
in with one rename: a failed load leaves the previous database exactly as it was.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from perfboard.loader import Dataset, Problem, read_dataset
from perfboard.schema import LoadedTable, Table

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_DB_PATH = PROJECT_ROOT / "build" / "perfboard.duckdb"
QUERIES_DIR = PROJECT_ROOT / "queries"
MACROS_DIR = QUERIES_DIR / "macros"


class LoadError(Exception):
    """The data directory has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class LoadResult:
    db_path: Path
    tables: int
    rows: int
    views: int


def view_names() -> list[str]:
    return sorted(path.stem for path in QUERIES_DIR.glob("*.sql"))


def view_sql(name: str) -> str:
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def table_ddl(table: Table) -> str:
    columns = [f"{c.name} {c.kind.sql_type}" for c in table.columns] + ["source_line INTEGER"]
    return f"create table {table.name} ({', '.join(columns)}, primary key ({', '.join(table.key)}))"


def insert_rows(con: duckdb.DuckDBPyConnection, loaded: LoadedTable) -> None:
    """Hand the validated text cells to DuckDB, which casts each column to its declared type."""
    table = loaded.table
    staged = pa.table({
        **{c.name: pa.array([row.get(c.name) for row in loaded.rows], pa.string()) for c in table.columns},
        "source_line": pa.array(loaded.lines, pa.int32()),
    })
    casts = ", ".join(f"cast({c.name} as {c.kind.sql_type})" for c in table.columns)
    con.register("staged", staged)
    con.execute(f"insert into {table.name} select {casts}, source_line from staged")
    con.unregister("staged")


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The rules the views share (completion, growth, grade, scoring) from queries/macros/."""
    for path in sorted(MACROS_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def create_views(con: duckdb.DuckDBPyConnection) -> int:
    """Macros first, then every view; a view that reads another view waits until that one exists."""
    create_macros(con)
    pending = view_names()
    while pending:
        failed: list[tuple[str, duckdb.Error]] = []
        for name in pending:
            try:
                con.execute(f"create view {name} as {view_sql(name)}")
            except duckdb.CatalogException as error:
                failed.append((name, error))
        if len(failed) == len(pending):
            raise failed[0][1]
        pending = [name for name, _ in failed]
    return len(view_names())


def source_digest(data_dir: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def write_database(dataset: Dataset, data_dir: Path, db_path: Path) -> int:
    con = duckdb.connect(str(db_path))
    try:
        for loaded in [*dataset.tables.values(), dataset.narrative]:
            con.execute(table_ddl(loaded.table))
            insert_rows(con, loaded)
        view_count = create_views(con)
        con.execute("create table load_info as select current_timestamp as loaded_at, ? as data_dir, "
                    "? as source_digest", [str(data_dir), source_digest(data_dir)])
    finally:
        con.close()
    return view_count


def load(data_dir: Path = DEFAULT_DATA_DIR, db_path: Path = DEFAULT_DB_PATH) -> LoadResult:
    """Validate `data_dir` and replace `db_path` with a database built from it, or raise LoadError."""
    dataset = read_dataset(data_dir)
    if dataset.problems:
        raise LoadError(dataset.problems)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staging = db_path.with_name(f".{db_path.name}.{os.getpid()}.building")
    staging.unlink(missing_ok=True)
    try:
        view_count = write_database(dataset, data_dir, staging)
        os.replace(staging, db_path)
    finally:
        staging.unlink(missing_ok=True)
    return LoadResult(db_path, len(dataset.tables) + 1, dataset.row_count, view_count)


def is_stale(data_dir: Path, db_path: Path) -> bool:
    """True when the database is missing or older than any source file or query."""
    if not db_path.exists():
        return True
    built = db_path.stat().st_mtime
    sources = [p for d in (data_dir, QUERIES_DIR) for p in d.rglob("*") if p.is_file()]
    return any(p.stat().st_mtime > built for p in sources)


def ensure_database(data_dir: Path = DEFAULT_DATA_DIR, db_path: Path = DEFAULT_DB_PATH) -> Path:
    """The database, built first when it is missing or older than the data (`streamlit run` alone works)."""
    if is_stale(data_dir, db_path):
        load(data_dir, db_path)
    return db_path


def connect(db_path: Path = DEFAULT_DB_PATH) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(db_path), read_only=True)


def select_view(view: str, unit_code: str | None = None, year: int | None = None) -> tuple[str, list]:
    """SQL and parameters reading a view, optionally for one unit and one year."""
    if view not in view_names():
        raise KeyError(view)
    conditions, parameters = [], []
    if unit_code is not None:
        conditions.append("unit_code = ?")
        parameters.append(unit_code)
    if year is not None:
        conditions.append("year = ?")
        parameters.append(int(year))
    where = f" where {' and '.join(conditions)}" if conditions else ""
    # The view name was checked against the query files above; values are always bound.
    return f"select * from {view}{where}", parameters


def fetch(con: duckdb.DuckDBPyConnection, view: str, unit_code: str | None = None,
          year: int | None = None) -> tuple[list[str], list[tuple]]:
    """Column names and rows of a view, values exactly as stored (money as Decimal)."""
    cursor = con.cursor()  # one cursor per query: a connection is not shared between threads
    try:
        result = cursor.execute(*select_view(view, unit_code, year))
        return [d[0] for d in result.description], result.fetchall()
    finally:
        cursor.close()


def fetch_df(con: duckdb.DuckDBPyConnection, view: str, unit_code: str | None = None,
             year: int | None = None) -> pd.DataFrame:
    """A view as a DataFrame for charts and pages (money as float)."""
    cursor = con.cursor()
    try:
        return cursor.execute(*select_view(view, unit_code, year)).df()
    finally:
        cursor.close()
