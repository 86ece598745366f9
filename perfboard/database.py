"""Build the DuckDB database from a data directory, and read views from it.

A load (a publish) validates everything first, writes a new immutable version (the data files as published,
the tables built from them, and who published it, when and why) and then switches the pointer to it in one
rename: a failed load (bad data, a full disk, a read-only directory, a kill, an editor working on a version
that is no longer current) leaves the previous version current and exactly as it was.
"""

from __future__ import annotations

import errno
import fcntl
import hashlib
import logging
import os
import re
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache, partial
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from perfboard import precheck, rules, texts
from perfboard.loader import Dataset, Problem, read_dataset
from perfboard.schema import TABLES, LoadedTable, Table

LOG = logging.getLogger("perfboard")
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


class StoreError(Exception):
    """Writing the new database failed (full disk, read-only directory, …); the previous one is current."""

    def __init__(self, db_path: Path, cause: Exception):
        super().__init__(texts.STORE_FAILED.format(db=db_path, reason=store_reason(cause)))
        self.cause = cause


def store_reason(cause: Exception) -> str:
    """The cause in words a finance officer can act on."""
    if isinstance(cause, OSError) and cause.errno in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT):
        return texts.STORE_NO_SPACE
    if isinstance(cause, OSError) and cause.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return texts.STORE_READ_ONLY
    text = str(cause)
    if any(word in text for word in ("No space", "File too large", "disk", "Disk")):
        return texts.STORE_NO_SPACE
    if any(word in text for word in ("Read-only", "Permission denied", "read-only")):
        return texts.STORE_READ_ONLY
    return texts.STORE_OTHER.format(error=text.splitlines()[0][:200] if text else type(cause).__name__)


class StaleVersionError(Exception):
    """The change was prepared on a version that another publish has replaced since; nothing was written."""

    def __init__(self, based_on: int | None, current: int | None):
        super().__init__(texts.PUBLISH_STALE.format(based_on=based_on, current=current))
        self.based_on, self.current = based_on, current


@dataclass(frozen=True)
class LoadResult:
    db_path: Path
    tables: int
    rows: int
    views: int
    version: int


@dataclass(frozen=True)
class Version:
    """One published version: an immutable build holding its data files and who published it, when, why."""

    number: int
    published_at: str
    editor: str
    comment: str
    based_on: int | None
    summary: str
    build: Path


@dataclass(frozen=True)
class Publication:
    """Who publishes, why, and on which version the change was prepared (None: whatever is current)."""

    editor: str
    comment: str
    summary: str = ""
    based_on: int | None = None


# The audit of every unit-year, run once per publish and stored as rows (docs/architecture.md, "Findings at
# publish"). The audit reads views through the one read object, a layer above the store, so the entry points
# hand it in: a function from a fetch (view, unit, year -> rows) to the findings, one row each.
AuditRun = Callable[[Callable[..., pd.DataFrame]], pd.DataFrame]
# Told each step of a publish as it starts: a key of texts.PUBLISH_STEPS.
Progress = Callable[[str], None]


def no_progress(step: str) -> None:
    """For a publish nobody watches."""


def progress_line(step: str) -> str:
    """「正在发布（第 2/4 步）：计算各视图……」"""
    steps = list(texts.PUBLISH_STEPS)
    return texts.PUBLISH_PROGRESS.format(number=steps.index(step) + 1, total=len(steps),
                                         step=texts.PUBLISH_STEPS[step])


FINDING_COLUMNS = {"unit_code": "VARCHAR", "year": "INTEGER", "check": "VARCHAR", "check_label": "VARCHAR",
                   "severity": "VARCHAR", "subject_kind": "VARCHAR", "subject": "VARCHAR", "subject_name": "VARCHAR",
                   "message": "VARCHAR", "source": "VARCHAR"}


FINDING_TABLES = ("findings", "audited")


def create_finding_tables(con: duckdb.DuckDBPyConnection) -> None:
    """`findings` (every finding of the audit) and `audited` (the unit-years it ran on), empty until
    `store_findings`; the views that read them are created in between."""
    columns = ", ".join(f'"{name}" {sql_type}' for name, sql_type in FINDING_COLUMNS.items())
    con.execute(f"create table findings ({columns})")
    con.execute("create table audited (unit_code varchar, year integer)")


def store_findings(con: duckdb.DuckDBPyConnection, audit_run: AuditRun | None) -> None:
    """The audit's findings of every unit-year; none, and no unit-year marked audited, when no audit was
    handed in (a page then says 未核查 rather than showing no findings)."""
    if audit_run is None:
        return
    try:
        found = audit_run(partial(fetch_df, con))[list(FINDING_COLUMNS)]
    except (OSError, duckdb.Error):
        raise  # the store's own failures end the publish (StoreError)
    except Exception:  # a check that fails on data nobody foresaw must not stop a publish: 未核查, logged
        LOG.exception("the audit failed at publish; the version is published without findings")
        return
    con.register("found", found)
    con.execute("insert into findings select * from found")
    con.unregister("found")
    con.execute("insert into audited select unit_code, year from available_years")


def view_names() -> list[str]:
    return sorted(path.stem for path in QUERIES_DIR.glob("*.sql"))


def view_sql(name: str) -> str:
    return (QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")


def table_ddl(table: Table) -> str:
    """The table's columns and each row's source line. Its key is not declared: the loader and the pre-check
    refuse a key given twice, with its line, and an index on it took two thirds of the time a county's
    spending rows took to store (no query looks a row up by its key)."""
    columns = [f"{c.name} {c.kind.sql_type}" for c in table.columns] + ["source_line INTEGER"]
    return f"create table {table.name} ({', '.join(columns)})"


def insert_rows(con: duckdb.DuckDBPyConnection, loaded: LoadedTable) -> None:
    """Hand the loader's validated text cells to DuckDB."""
    table = loaded.table
    staged = pa.table({
        **{c.name: pa.array(loaded.columns[c.name], pa.string()) for c in table.columns},
        "source_line": pa.array(loaded.lines, pa.int32()),
    })
    con.register("staged", staged)
    insert_cells(con, table, "staged")
    con.unregister("staged")


def insert_cells(con: duckdb.DuckDBPyConnection, table: Table, cells: str) -> None:
    """Validated text cells (a relation of the table's columns and source_line, canonical as
    `loader.normalise_cell` writes them) into the table, each column cast to its declared type."""
    casts = ", ".join(f"cast({c.name} as {c.kind.sql_type})" for c in table.columns)
    con.execute(f"insert into {table.name} select {casts}, source_line from {cells}")


def insert_checked_files(con: duckdb.DuckDBPyConnection, data_dir: Path) -> int | None:
    """The source tables straight from the files, when the pre-check proves every file clean
    (docs/architecture.md, "Two ways in"): the number of rows stored, or None when the loader must read them
    (what was written is then to be thrown away). The report texts are read in Python while DuckDB reads and
    checks the tables (it lets go of Python's lock while it works)."""
    with ThreadPoolExecutor(max_workers=1) as reader:
        staged_files, narrative = [], None
        for table in TABLES:
            staged = precheck.stage_file(con, data_dir, table)
            if staged is None or not precheck.cells_clean(con, staged):
                return None
            staged_files.append(staged)
            if table.name == "units":  # the texts need only the unit codes
                narrative = reader.submit(precheck.clean_narrative, data_dir, precheck.unit_codes(con, staged))
        for staged in staged_files:
            con.execute(table_ddl(staged.table))
            try:
                insert_cells(con, staged.table, f"({precheck.canonical_cells(staged)})")
            except duckdb.ConversionException:  # a cell the pre-check let through and the cast refuses: a
                return None                     # pre-check that missed a rule must not end the publish
            con.execute(f"drop table {staged.raw_name}")
        texts_read = narrative.result() if precheck.relations_clean(con) else None
    if texts_read is None:
        return None
    con.execute(table_ddl(texts_read.table))
    insert_rows(con, texts_read)
    return sum(con.execute(f"select count(*) from {table.name}").fetchone()[0] for table in TABLES) + len(texts_read)


def insert_dataset(con: duckdb.DuckDBPyConnection, dataset: Dataset) -> int:
    """The tables as the loader read them: the number of rows stored."""
    for loaded in [*dataset.tables.values(), dataset.narrative]:
        con.execute(table_ddl(loaded.table))
        insert_rows(con, loaded)
    return dataset.row_count


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """The rules the views share: the reference tables of perfboard/rules.py, then the macros of
    queries/macros/ that read them (completion, growth, grade, scoring)."""
    for table, (columns, rows) in rules.reference_tables().items():
        con.register("rule_values", pa.table({column: [row[i] for row in rows] for i, column in enumerate(columns)}))
        con.execute(f"create or replace table {table} as select * from rule_values")  # names from rules.py
        con.unregister("rule_values")
    for path in sorted(MACROS_DIR.glob("*.sql")):
        con.execute(path.read_text(encoding="utf-8"))


def words_of(name: str) -> set[str]:
    """Every word of a view's SQL: the tables and views it reads among them. A name in a comment counts too,
    which only orders the view later than it needs to be."""
    return set(re.findall(r"[a-z_][a-z0-9_]*", view_sql(name).lower()))


def create_views(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Macros first, then every view after the views it reads. The names in the order they were created.
    Trying every view and retrying those whose sources were not there yet cost the seed's publish 0.1 s."""
    create_macros(con)
    names = view_names()
    pending = {name: words_of(name) & set(names) - {name} for name in names}
    created: list[str] = []
    while pending:
        ready = [name for name, sources in pending.items() if sources <= set(created)]
        if not ready:
            raise ValueError(f"views that read each other: {', '.join(sorted(pending))}")
        for name in ready:
            con.execute(f"create view {name} as {view_sql(name)}")
            created.append(name)
            del pending[name]
    return created


def reading_findings(views: list[str]) -> set[str]:
    """The views that read the audit's findings, directly or through another view (`views` in the order
    `create_views` made them, so a view's sources come before it). A view is taken to read what its SQL
    names; a name in a comment only delays that view's materializing until after the audit."""
    reading: set[str] = set()
    for name in views:
        if words_of(name) & {*FINDING_TABLES, *reading}:
            reading.add(name)
    return reading


def materialize(con: duckdb.DuckDBPyConnection, views: list[str]) -> None:
    """Each view's rows stored as a table of the same name (docs/architecture.md, "Views computed once per
    version"). A published version never changes, so its views are computed once, here, and every page and
    the audit read rows instead of running the query; a view not yet stored reads the stored ones."""
    for name in views:  # names from queries/ (view_names)
        con.execute(f"create table {name}__rows as select * from {name}")
        con.execute(f"drop view {name}")
        con.execute(f"alter table {name}__rows rename to {name}")


# The audit's checks, stored with each build as findings: after an upgrade that changes a check, a build of the
# old code showed the old findings (一节没有内容 for a section with a sentence) while `perfboard audit` ran the new
# one. Their wording counts too (`audit_wording`), but not the pages' own words: those need no rebuild.
AUDIT_SOURCES = (PROJECT_ROOT / "perfboard" / "audit.py",)


def audit_wording() -> str:
    return repr((texts.CHECK_LABELS, texts.FINDING, texts.SEVERITIES, texts.SUBJECT_KINDS))


@cache
def build_format() -> str:
    """What the code makes a build of: the SQL of queries/, the rules' tables, the tables' columns and the audit
    (AUDIT_SOURCES and its wording). A build made by other code (before an upgrade) may lack a view's column a page reads, or hold
    findings the audit no longer makes: the app rebuilds it from its own files when it starts (`ensure_database`)."""
    digest = hashlib.sha256()
    for path in sorted(QUERIES_DIR.rglob("*.sql")):
        digest.update(path.relative_to(QUERIES_DIR).as_posix().encode() + path.read_bytes())
    for path in AUDIT_SOURCES:
        digest.update(path.read_bytes())
    digest.update(audit_wording().encode())
    digest.update(repr(sorted(rules.reference_tables().items())).encode())
    digest.update("".join(table_ddl(table) for table in TABLES).encode())
    return digest.hexdigest()


def source_digest(files: dict[str, bytes]) -> str:
    """One digest of the published files, path and content (read once with `data_files`)."""
    digest = hashlib.sha256()
    for path, content in files.items():
        digest.update(path.encode())
        digest.update(content)
    return digest.hexdigest()


def data_files(data_dir: Path) -> dict[str, bytes]:
    """The files of a data directory as published (hidden files left out), by their path inside it."""
    return {path.relative_to(data_dir).as_posix(): path.read_bytes() for path in sorted(data_dir.rglob("*"))
            if path.is_file() and not any(part.startswith(".") for part in path.relative_to(data_dir).parts)}


# A publish computes every view over the whole county (`materialize`): left alone, DuckDB took 700 MB more
# for it on the 200-unit county, in the app server when an editor publishes. Past this it spills to disk
# instead, in the same time.
WRITER_MEMORY_LIMIT = "512MB"


@dataclass(frozen=True)
class Written:
    """What a new database file holds: the source rows and the views."""

    rows: int
    views: int


def open_writer(db_path: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(db_path))
    con.execute(f"set memory_limit = '{WRITER_MEMORY_LIMIT}'")
    con.execute("set enable_progress_bar = false")  # DuckDB's own bar would print into `perfboard load`
    return con


def remove_database_file(db_path: Path) -> None:
    for leftover in (db_path, Path(f"{db_path}.wal")):
        leftover.unlink(missing_ok=True)


def write_database(data_dir: Path, db_path: Path, version: tuple[int, Publication] | None = None,
                   audit_run: AuditRun | None = None, dataset: Dataset | None = None,
                   progress: Progress = no_progress) -> Written:
    """Tables, views, load_info and (for a version) version_info and version_files into a new file, from
    `data_dir` (or from `dataset` when the loader has read it already). Raises LoadError when the data has
    problems. The explicit checkpoint makes a full disk fail here: `close()` alone swallows a failed checkpoint
    and leaves the data in a WAL file beside an empty database."""
    progress("tables")
    con = open_writer(db_path)
    try:
        rows = insert_checked_files(con, data_dir) if dataset is None else None
        if rows is None:
            if dataset is None:  # not proven clean in bulk: the loader reads every cell, on a new file
                con.close()
                remove_database_file(db_path)
                dataset = read_dataset(data_dir)
                if dataset.problems:
                    raise LoadError(dataset.problems)
                con = open_writer(db_path)
            rows = insert_dataset(con, dataset)
        create_finding_tables(con)
        progress("views")
        views = create_views(con)
        after_audit = reading_findings(views)
        materialize(con, [name for name in views if name not in after_audit])
        if audit_run is not None:
            progress("audit")
        store_findings(con, audit_run)
        materialize(con, [name for name in views if name in after_audit])
        progress("version")
        files = data_files(data_dir)
        con.execute("create table load_info as select current_timestamp as loaded_at, ? as data_dir, "
                    "? as source_digest, ? as build_format", [str(data_dir), source_digest(files), build_format()])
        if version is not None:
            number, publication = version
            con.execute("create table version_info as select ? as number, ? as published_at, ? as editor, "
                        "? as comment, ?::integer as based_on, ? as summary",
                        [number, datetime.now().astimezone().isoformat(timespec="seconds"), publication.editor,
                         publication.comment, publication.based_on,
                         publication.summary or texts.VERSION_WHOLE_DATA.format(rows=rows)])
            con.execute("create table version_files (path varchar primary key, content blob)")
            # as one Arrow table: row by row, a county's 2,000 files took 1.9 s instead of 0.4 s
            con.register("files", pa.table({"path": pa.array(list(files), pa.string()),
                                            "content": pa.array(list(files.values()), pa.binary())}))
            con.execute("insert into version_files select path, content from files")
            con.unregister("files")
        con.execute("checkpoint")
    finally:
        con.close()
    return Written(rows, len(views))


def verify_build(db_path: Path, tables: int) -> None:
    """The new file opens on its own, holds every table, and left no write-ahead log behind."""
    if Path(f"{db_path}.wal").exists():
        raise duckdb.IOException(texts.BUILD_WAL_LEFT)
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        found = con.execute("select count(*) from duckdb_tables() where not internal").fetchone()[0]
    finally:
        con.close()
    if found < tables:
        raise duckdb.IOException(texts.BUILD_INCOMPLETE.format(found=found, expected=tables))
    with open(db_path, "rb") as handle:
        os.fsync(handle.fileno())


# ---- the store: immutable versions behind one pointer -----------------------------------------------
# `db_path` is a symbolic link to the current version's build in `<name>.builds/`. A load writes a new file
# there and switches the link in one rename, so a reader opens either the old version or the new one, and a
# new version is a new path: DuckDB keeps one instance per path, so a running app sees it. Versions are
# never removed: history only grows (docs/architecture.md, "The store").

VERSION_NAME = re.compile(r"v(\d{6})-.*\.duckdb")

def builds_dir(db_path: Path) -> Path:
    return db_path.with_name(f"{db_path.name}.builds")


def current_build(db_path: Path) -> Path | None:
    """The file the pointer names now (or `db_path` itself when it is a plain file), None when none."""
    resolved = Path(os.path.realpath(db_path))
    return resolved if resolved.is_file() else None


@contextmanager
def store_lock(db_path: Path) -> Iterator[None]:
    """One writer at a time, across threads and processes."""
    lock_path = db_path.with_name(f".{db_path.name}.lock")
    with open(lock_path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(db_path: Path) -> None:
    """Staging files of builds that were killed or failed (only ever called under the store lock)."""
    patterns = [(builds_dir(db_path), "*.building*"), (db_path.parent, f".{db_path.name}.*.building*"),
                (db_path.parent, f".{db_path.name}.*.link")]
    for folder, pattern in patterns:
        for path in folder.glob(pattern):
            path.unlink(missing_ok=True)


def version_number(build: Path | None) -> int | None:
    """The version a build holds, from its name (v000012-….duckdb); None for a build of before versions."""
    matched = VERSION_NAME.fullmatch(build.name) if build is not None else None
    return int(matched.group(1)) if matched else None


def version_builds(db_path: Path) -> dict[int, Path]:
    found = {version_number(path): path for path in builds_dir(db_path).glob("v*.duckdb")}
    return {number: path for number, path in sorted(found.items()) if number is not None}


def current_version(db_path: Path) -> int | None:
    return version_number(current_build(db_path))


def read_version(build: Path) -> Version:
    con = duckdb.connect(str(build), read_only=True)
    try:
        number, published_at, editor, comment, based_on, summary = con.execute(
            "select number, published_at, editor, comment, based_on, summary from version_info").fetchone()
    finally:
        con.close()
    return Version(number, published_at, editor, comment, based_on, summary, build)


def versions(db_path: Path = DEFAULT_DB_PATH) -> list[Version]:
    """Every published version, oldest first."""
    return [read_version(build) for build in version_builds(db_path).values()]


def version_files(db_path: Path, number: int) -> dict[str, bytes]:
    """The data files a version was built from, as published."""
    build = version_builds(db_path).get(number)
    if build is None:
        raise KeyError(number)
    con = duckdb.connect(str(build), read_only=True)
    try:
        return {path: bytes(content) for path, content in
                con.execute("select path, content from version_files order by path").fetchall()}
    finally:
        con.close()


def switch_pointer(db_path: Path, build: Path) -> None:
    link = db_path.with_name(f".{db_path.name}.{uuid.uuid4().hex}.link")
    os.symlink(build.relative_to(db_path.parent), link)
    os.replace(link, db_path)
    directory = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def load(data_dir: Path = DEFAULT_DATA_DIR, db_path: Path = DEFAULT_DB_PATH,
         publication: Publication | None = None, audit_run: AuditRun | None = None,
         progress: Progress = no_progress) -> LoadResult:
    """Validate `data_dir` and publish it as the next version (with the audit's findings when `audit_run` is
    given), or raise LoadError (bad data), StaleVersionError (prepared on a version no longer current) or
    StoreError (the disk, the directory). Every error leaves the previous version current."""
    publication = publication or Publication(texts.EDITOR_COMMAND_LINE, texts.COMMENT_LOAD.format(data=data_dir.name))
    with writing(db_path):
        number, written = build_and_switch(data_dir, db_path, publication, audit_run, progress)
    return LoadResult(db_path, len(TABLES) + 1, written.rows, written.views, number)


@contextmanager
def writing(db_path: Path) -> Iterator[None]:
    """The store locked for one writer, its leftovers removed; OS and DuckDB failures as StoreError."""
    try:
        builds_dir(db_path).mkdir(parents=True, exist_ok=True)
        with store_lock(db_path):
            remove_leftovers(db_path)
            yield
    except (OSError, duckdb.Error) as error:
        raise StoreError(db_path, error) from error


def build_and_switch(data_dir: Path, db_path: Path, publication: Publication, audit_run: AuditRun | None,
                     progress: Progress = no_progress) -> tuple[int, Written]:
    """The next version built, checked and made current (only ever called under the store lock)."""
    current = current_version(db_path)
    if publication.based_on is not None and publication.based_on != current:
        raise StaleVersionError(publication.based_on, current)
    number = max(version_builds(db_path), default=0) + 1
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    build = builds_dir(db_path) / f"v{number:06d}-{stamp}-{uuid.uuid4().hex[:8]}.duckdb"
    staging = build.with_name(build.name + ".building")
    try:
        written = write_database(data_dir, staging, (number, publication), audit_run, progress=progress)
        verify_build(staging, len(TABLES) + 5)  # the narrative, findings, audited, version_info, version_files
        os.replace(staging, build)
        switch_pointer(db_path, build)
    finally:
        remove_database_file(staging)
    return number, written


def ensure_database(data_dir: Path = DEFAULT_DATA_DIR, db_path: Path = DEFAULT_DB_PATH,
                    audit_run: AuditRun | None = None) -> Path:
    """The current build; built once from `data_dir` when there is none yet (`streamlit run` alone works), and
    once again from its own files when the code that made it differs from this one (an upgrade). A changed data
    directory is not read: `perfboard load` publishes it."""
    current = current_build(db_path)
    if current is not None and (format_of(current) == build_format() or current in NOT_REBUILT):
        return current
    with writing(db_path):
        current = current_build(db_path)  # another thread or process may have built it meanwhile
        if current is None:
            build_and_switch(data_dir, db_path, Publication(texts.EDITOR_SYSTEM, texts.COMMENT_EMBEDDED), audit_run)
        elif format_of(current) != build_format() and current not in NOT_REBUILT:
            rebuild(db_path, current, audit_run)
    return current_build(db_path)


# Builds of other code this process could not rebuild: tried once, not on every page run
NOT_REBUILT: set[Path] = set()


@cache  # a build never changes
def format_of(build: Path) -> str | None:
    """The build_format a build was made with; None for a build older than the mark."""
    con = duckdb.connect(str(build), read_only=True)
    try:
        columns = {name for (name,) in con.execute(
            "select column_name from duckdb_columns() where table_name = 'load_info'").fetchall()}
        return con.execute("select build_format from load_info").fetchone()[0] if "build_format" in columns else None
    finally:
        con.close()


def rebuild(db_path: Path, current: Path, audit_run: AuditRun | None) -> None:
    """The current version's own files published again by this code, as the next version (docs/architecture.md,
    "The store"). Data the new code refuses, or a store that cannot take the new build (a full disk), keeps the old
    build current, and the log says why: the pages it can serve are better than none."""
    number = version_number(current)
    files = version_files(db_path, number) if number is not None else {}
    if not files:
        LOG.warning("build %s was made by other code and holds no files to rebuild it from", current)
        NOT_REBUILT.add(current)
        return
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            path = Path(folder) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        try:
            build_and_switch(Path(folder), db_path, Publication(
                texts.EDITOR_SYSTEM, texts.COMMENT_REBUILT.format(number=number), based_on=number), audit_run)
        except (LoadError, OSError, duckdb.Error) as error:
            LOG.error("version %s could not be rebuilt by this code, it stays current: %s", number, error)
            NOT_REBUILT.add(current)


def connect(db_path: Path = DEFAULT_DB_PATH) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the build the pointer names now (it keeps reading that build)."""
    return duckdb.connect(str(current_build(db_path) or db_path), read_only=True)


class Readers:
    """One read-only connection per build, shared by every session (each query takes its own cursor).
    Held here rather than in Streamlit's resource cache, which any browser can ask to clear. Connections to
    builds older than the newest two are dropped: a query still running on one keeps it until it ends."""

    KEPT = 2
    # DuckDB keeps the blocks it has read cached up to its memory limit (by default most of the machine): a
    # county's million spending rows stayed in the app server after one visit of each page. A page reads one
    # unit-year or one row per unit, far less than this.
    MEMORY_LIMIT = "128MB"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._open: dict[Path, duckdb.DuckDBPyConnection] = {}

    def connection(self, build: Path) -> duckdb.DuckDBPyConnection:
        with self._lock:
            con = self._open.get(build)
            if con is None:
                con = self._open[build] = duckdb.connect(str(build), read_only=True)
                # a setting, not connect(config=…): other readers of the same file in this process (the
                # desk, the history) open it without one, and DuckDB refuses a second, different config
                con.execute(f"set memory_limit = '{self.MEMORY_LIMIT}'")
                for old in list(self._open)[:-self.KEPT]:
                    del self._open[old]
            return con


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
        query, parameters = select_view(view, unit_code, year)
        return as_frame(cursor.sql(query, params=parameters))
    finally:
        cursor.close()


# Columns with missing values keep a type that says so, as DuckDB's own `.df()` gives them.
_NULLABLE_INTEGERS = {pa.int8(): "Int8", pa.int16(): "Int16", pa.int32(): "Int32", pa.int64(): "Int64"}


def as_frame(relation: duckdb.DuckDBPyRelation) -> pd.DataFrame:
    """A query's rows through Arrow, as the DataFrame DuckDB's `.df()` gives, dtype for dtype and value for value
    (tests/test_queries.py compares them on every view): DECIMAL as float (cast by DuckDB, as `.df()` does), an
    integer or boolean column with missing values as a nullable integer or boolean, a text column with nothing
    in it as Python None. Arrow converts a large result several times faster (the 200-unit county's
    spending_structure: 1.8 → 0.5 s)."""
    if any(str(kind).startswith("DECIMAL") for kind in relation.types):
        relation = relation.project(", ".join(
            f'cast("{name}" as double) as "{name}"' if str(kind).startswith("DECIMAL") else f'"{name}"'
            for name, kind in zip(relation.columns, relation.types)))
    rows = relation.to_arrow_table()
    frame = rows.to_pandas()
    for column, values in zip(rows.schema, rows.columns):
        if pa.types.is_string(column.type) and values.null_count == len(values):
            frame[column.name] = pd.Series([None] * len(frame), index=frame.index, dtype=object)
        elif values.null_count and column.type in _NULLABLE_INTEGERS:
            frame[column.name] = frame[column.name].astype(_NULLABLE_INTEGERS[column.type])
        elif values.null_count and pa.types.is_boolean(column.type):
            frame[column.name] = frame[column.name].astype("boolean")
    return frame
