"""The data desk (docs/architecture.md, "The data desk"): an upload or a correction becomes a complete data
set beside the current version, is checked by the loader, previewed as a change, and published as a new
version only when a person confirms it. The CLI and the 数据管理 page both go through here.

How an upload changes the data: for the yearly files (指标值, 支出, 项目, 自评得分, 资料来源) every unit-year
the upload holds replaces that unit-year's rows, and the other unit-years stay as they are; for the
catalogue (单位, 指标类别, 指标目录) an uploaded row replaces the row with the same code or is added. A report
text replaces that unit-year's text. A data directory given to `perfboard publish` or `load` is the whole
data. Nothing is removed by leaving it out of an upload, except rows of a unit-year the upload holds.
"""

from __future__ import annotations

import io
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd

from perfboard import formatting, texts
from perfboard.database import (AuditRun, LoadResult, Progress, Publication, Version, current_build, current_version,
                                data_files, fetch_df, load, no_progress, version_files, versions, write_database)
from perfboard.loader import Dataset, Problem, read_dataset
from perfboard.schema import TABLES, TABLES_BY_NAME, Kind, Table
from perfboard.workbook import Origin, Upload, csv_bytes, csv_rows, narrative_path, read_upload, write_workbook

YEARLY_TABLES = frozenset(t.name for t in TABLES if "year" in {c.name for c in t.columns})


@dataclass
class Staged:
    """A complete data set after a change, the version it was prepared on, and where its uploaded rows came
    from (so that a problem names the sheet and row the person typed, not a generated file)."""

    files: dict[str, bytes]
    based_on: int | None
    origins: dict[tuple[str, int], Origin] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class RowChange:
    key: str
    old: dict[str, str | None] | None  # None: added
    new: dict[str, str | None] | None  # None: removed

    @property
    def changed_columns(self) -> list[str]:
        if self.old is None or self.new is None:
            return []
        return [name for name in self.new if self.old.get(name) != self.new.get(name)]  # as written


@dataclass(frozen=True)
class Preview:
    """What a change does: per file the rows added, removed and changed, and what people will see."""

    rows: dict[str, list[RowChange]]  # table label -> its row changes
    seen: list[str]  # 税收入库 2025 实际 4.51亿元（新增）; 2024 总分 98 → 96

    @property
    def empty(self) -> bool:
        return not any(self.rows.values()) and not self.seen

    def summary(self) -> str:
        counts = []
        for label, changes in self.rows.items():
            added = sum(c.old is None for c in changes)
            removed = sum(c.new is None for c in changes)
            changed = len(changes) - added - removed
            if changes:
                counts.append(texts.PREVIEW_COUNTS.format(label=label, added=added, removed=removed, changed=changed))
        return "；".join(counts) or texts.PREVIEW_NOTHING


def current_files(db_path: Path) -> dict[str, bytes]:
    number = current_version(db_path)
    if number is None:
        raise LookupError(texts.DESK_NO_VERSION)
    return version_files(db_path, number)


# ---- from an upload to a complete data set ------------------------------------------------------------

def key_of(table: Table, row: dict[str, str]) -> tuple[str, ...]:
    return tuple((row.get(name) or "").strip() for name in table.key)


def file_with_lines(table: Table, rows: list[dict[str, str]]) -> tuple[bytes, list[int]]:
    """A data file and the line each row starts on (a cell may hold a line break: lines are counted)."""
    header = csv_bytes(table, [])
    lines, line, body = [], 2, [header]
    for row in rows:
        written = csv_bytes(table, [row])[len(header):]
        lines.append(line)
        line += written.count(b"\n")
        body.append(written)
    return b"".join(body), lines


def merged(current: dict[str, bytes], upload: Upload, based_on: int | None) -> Staged:
    """The current data with the upload applied (see the module's docstring for the rules)."""
    files = dict(current)
    origins: dict[tuple[str, int], Origin] = {}
    for table in TABLES:
        uploaded = upload.tables.get(table.name)
        if not uploaded:
            continue
        kept = csv_rows(current[table.file_name]) if table.file_name in current else []
        if table.name in YEARLY_TABLES:
            scopes = {((r.get("unit_code") or "").strip(), (r.get("year") or "").strip()) for _, r in uploaded}
            kept = [r for r in kept if (r["unit_code"], r["year"]) not in scopes]
        else:
            replaced = {key_of(table, r) for _, r in uploaded}
            kept = [r for r in kept if key_of(table, r) not in replaced]
        content, lines = file_with_lines(table, kept + [row for _, row in uploaded])
        files[table.file_name] = content
        for (origin, _), line in zip(uploaded, lines[len(kept):]):
            origins[(table.file_name, line)] = origin
    for (unit_code, year), (origin, text) in upload.narratives.items():
        path = narrative_path(unit_code, year)
        files[path] = text.encode("utf-8")
        for line in range(1, text.count("\n") + 2):
            origins[(path, line)] = origin
    return Staged(files, based_on, origins, list(upload.problems))


LINE_IN_MESSAGE = re.compile(r"第(\d+)行")


def located(problem: Problem, origins: dict[tuple[str, int], Origin]) -> Problem:
    """A loader problem said where the person typed it: the sheet (or uploaded file) and its row, also for a
    line its message names (与第47行重复 → 与第2行重复)."""
    origin = origins.get((problem.file, problem.line)) if problem.line is not None else None
    if origin is None:
        return problem

    def row_named(matched: re.Match) -> str:
        other = origins.get((problem.file, int(matched.group(1))))
        if other is None:
            return matched.group(0)
        return f"第{other.row}行" if other.where == origin.where else f"{other.where} 第{other.row}行"

    index = origin.positions.get(problem.column) if problem.column else None
    return replace(problem, file=origin.where, line=origin.row, message=LINE_IN_MESSAGE.sub(row_named, problem.message),
                   column_index=index if index is not None else problem.column_index)


@contextmanager
def written(files: dict[str, bytes]) -> Iterator[Path]:
    """The files as a data directory in a temporary folder, removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="perfboard-stage-") as folder:
        root = Path(folder) / "data"
        for path, content in files.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        root.mkdir(exist_ok=True)
        yield root


def check(staged: Staged) -> tuple[Dataset | None, list[Problem]]:
    """The loader's verdict on the staged data set, every problem said where it was typed."""
    if staged.problems:  # the upload itself could not be read: its rows are not all there
        return None, staged.problems
    with written(staged.files) as data_dir:
        dataset = read_dataset(data_dir)
    return dataset, [located(p, staged.origins) for p in dataset.problems]


# ---- the preview --------------------------------------------------------------------------------------

NUMERIC_KINDS = (Kind.MONEY, Kind.NUMBER, Kind.INTEGER, Kind.YEAR)


def stored(table: Table, row: dict[str, str | None]) -> dict[str, object]:
    """A row as the database stores it: 0.00 and 0 are the same amount, 4.28 and 4.280 the same figure."""
    return {c.name: Decimal(row[c.name]) if c.kind in NUMERIC_KINDS and row.get(c.name) is not None
            else row.get(c.name) for c in table.columns}


def row_changes(table: Table, old: list[dict], new: list[dict]) -> list[RowChange]:
    before = {key_of(table, r): r for r in old}
    after = {key_of(table, r): r for r in new}
    changes = []
    for key in [*before, *(k for k in after if k not in before)]:
        old_row, new_row = before.get(key), after.get(key)
        if old_row is None or new_row is None or stored(table, old_row) != stored(table, new_row):
            changes.append(RowChange(" / ".join(key), old_row, new_row))
    return changes


def preview(db_path: Path, dataset: Dataset, staged: Staged) -> Preview:
    """Rows added, removed and changed per file, then the figures people see that change."""
    with written(current_files(db_path)) as current_dir:
        old = read_dataset(current_dir)
    rows = {}
    for table in TABLES:
        before = old.tables[table.name].rows if table.name in old.tables else []
        after = dataset.tables[table.name].rows if table.name in dataset.tables else []
        rows[table.label] = row_changes(table, before, after)
    old_texts = {(r["unit_code"], r["year"], r["section_key"]): r for r in old.narrative.rows}
    new_texts = {(r["unit_code"], r["year"], r["section_key"]): r for r in dataset.narrative.rows}
    rows[texts.PREVIEW_NARRATIVE] = [
        RowChange(" / ".join(key), old_texts.get(key), new_texts.get(key))
        for key in [*old_texts, *(k for k in new_texts if k not in old_texts)]
        if old_texts.get(key) != new_texts.get(key)]
    return Preview(rows, seen_changes(db_path, dataset, staged))


SEEN_COLUMNS = ["unit_code", "year", "indicator_code", "indicator_name", "actual", "unit", "qualifier"]


def seen_changes(db_path: Path, dataset: Dataset, staged: Staged) -> list[str]:
    """The indicator results and total scores that a reader will see change."""
    with tempfile.TemporaryDirectory(prefix="perfboard-preview-") as folder:
        preview_db = Path(folder) / "preview.duckdb"
        with written(staged.files) as data_dir:
            write_database(data_dir, preview_db, dataset=dataset)
        new_con = duckdb.connect(str(preview_db), read_only=True)
        old_con = duckdb.connect(str(current_build(db_path)), read_only=True)
        try:
            lines = indicator_lines(fetch_df(old_con, "indicator_results"), fetch_df(new_con, "indicator_results"))
            lines += total_lines(fetch_df(old_con, "evaluation_summary"), fetch_df(new_con, "evaluation_summary"))
        finally:
            new_con.close()
            old_con.close()
    return lines


def indicator_lines(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    keys = ["unit_code", "year", "indicator_code"]
    both = old[SEEN_COLUMNS].merge(new[SEEN_COLUMNS], on=keys, how="outer", suffixes=("_old", "_new"),
                                   indicator=True)
    lines = []
    for _, row in both.iterrows():
        name = row["indicator_name_new"] if row["_merge"] != "left_only" else row["indicator_name_old"]
        old_text = formatting.amount(row["actual_old"], row["unit_old"], row["qualifier_old"])
        new_text = formatting.amount(row["actual_new"], row["unit_new"], row["qualifier_new"])
        where = f"{row['unit_code']} {name} {int(row['year'])}"
        if row["_merge"] == "right_only":
            lines.append(texts.SEEN_NEW.format(where=where, value=new_text))
        elif row["_merge"] == "left_only":
            lines.append(texts.SEEN_REMOVED.format(where=where, value=old_text))
        elif old_text != new_text:
            lines.append(texts.SEEN_CHANGED.format(where=where, old=old_text, new=new_text))
    return lines


def total_lines(old: pd.DataFrame, new: pd.DataFrame) -> list[str]:
    keys = ["unit_code", "year"]
    both = old[[*keys, "total_score"]].merge(new[[*keys, "total_score"]], on=keys, how="outer",
                                               suffixes=("_old", "_new"))
    lines = []
    for _, row in both.iterrows():
        old_text, new_text = (texts.NOT_REPORTED if formatting.is_missing(v) else formatting.plain_number(v)
                              for v in (row["total_score_old"], row["total_score_new"]))
        if old_text != new_text:
            lines.append(texts.SEEN_TOTAL.format(unit=row["unit_code"], year=int(row["year"]), old=old_text,
                                                 new=new_text))
    return lines


# ---- publishing, history, restoring -------------------------------------------------------------------

def publish(db_path: Path, staged: Staged, editor: str, comment: str, summary: str,
            audit_run: AuditRun, progress: Progress = no_progress) -> LoadResult:
    """The staged data set as the next version with its audit's findings, if it was prepared on the current
    one."""
    with written(staged.files) as data_dir:
        return load(data_dir, db_path, Publication(editor, comment, summary, based_on=staged.based_on), audit_run,
                    progress)


def stage_upload(db_path: Path, uploads: list[tuple[str, bytes]]) -> Staged:
    """One or more uploaded files (a workbook, a zip, data files) applied to the current version."""
    based_on = current_version(db_path)
    upload = Upload()
    for name, raw in uploads:
        read_upload(name, raw, upload)
    return merged(current_files(db_path), upload, based_on)


def stage_directory(db_path: Path, data_dir: Path) -> Staged:
    """A data directory: the whole data, as `perfboard load` takes it."""
    return Staged(data_files(data_dir), current_version(db_path))


def stage_version(db_path: Path, number: int) -> Staged:
    """An earlier version's data, to be published again as a new version (restoring never rewrites history)."""
    return Staged(version_files(db_path, number), current_version(db_path))


def stage_rows(db_path: Path, table_name: str, unit_code: str, year: int, rows: list[dict[str, str]]) -> Staged:
    """A correction of one file's rows for one unit-year, made in the page's table."""
    table = TABLES_BY_NAME[table_name]
    where = texts.DESK_EDITED_WHERE.format(sheet=table.label)
    positions = {c.name: i for i, c in enumerate(table.columns, start=1)}
    fixed = [{**row, "unit_code": unit_code, "year": str(year)} for row in rows]
    upload = Upload(tables={table.name: [(Origin(where, number, positions), row)
                                         for number, row in enumerate(fixed, start=1)]})
    if not fixed:  # every row deleted: the unit-year's rows go, said as a change of its own
        kept = [r for r in csv_rows(current_files(db_path)[table.file_name])
                if (r["unit_code"], r["year"]) != (unit_code, str(year))]
        files = dict(current_files(db_path))
        files[table.file_name] = file_with_lines(table, kept)[0]
        return Staged(files, current_version(db_path))
    return merged(current_files(db_path), upload, current_version(db_path))


def version_zip(db_path: Path, number: int) -> bytes:
    """A version's data files as a zip (the data directory as published)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, content in version_files(db_path, number).items():
            archive.writestr(f"data/{path}", content)
    return out.getvalue()


def version_workbook(db_path: Path, number: int) -> bytes:
    return write_workbook(version_files(db_path, number))


def unit_year_rows(db_path: Path, table_name: str, unit_code: str, year: int) -> list[dict[str, str]]:
    """One file's rows of one unit-year in the current version, as text: what the correction table shows."""
    table = TABLES_BY_NAME[table_name]
    files = current_files(db_path)
    rows = csv_rows(files[table.file_name]) if table.file_name in files else []
    return [{c.name: row.get(c.name) or "" for c in table.columns} for row in rows
            if (row.get("unit_code"), row.get("year")) == (unit_code, str(year))]


def history(db_path: Path) -> tuple[list[Version], int | None]:
    """Every version, newest first, and the number of the current one."""
    return list(reversed(versions(db_path))), current_version(db_path)
