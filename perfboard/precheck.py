"""The loader's rules proved over whole files in DuckDB, for data in the plain form a spreadsheet writes.

A county's million spending rows took the loader seconds of Python, one cell at a time. Most data sets are in
the plain form: UTF-8, one record per line, no quoting, no padding, plain digits. For those, DuckDB reads each
file as text and one query per file proves every cell passes the loader's rules (`loader.normalise_cell`);
the store then casts the cells as it casts the loader's (docs/architecture.md, "Two ways in").

The pre-check is stricter than the loader, never looser: a file it is not sure of (a problem, or only an
unusual form such as "1,000" or a quoted cell) is left to `loader.read_dataset`, which reads every cell and
says what is wrong where. So every message is still the loader's, and what the pre-check lets through is
stored exactly as the loader would have stored it (tests/test_precheck.py compares the two).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import duckdb

from perfboard.loader import (
    CODE_PATTERN,
    CONTROL_CHARACTERS,
    FALSE_WORDS,
    TRUE_WORDS,
    Problem,
    read_narrative,
    takes_percent_sign,
)
from perfboard.schema import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_CELL_CHARS,
    MAX_FILE_BYTES,
    MAX_ROWS_PER_FILE,
    MAX_SPENDING_DEPTH,
    SIGNED_MEASURE_UNITS,
    TABLES,
    UNIT_PATTERN,
    UNIT_SCALES,
    Column,
    Kind,
    LoadedTable,
    Table,
)

UNREACHABLE_ITEMS_SQL = Path(__file__).resolve().parent.parent / "queries" / "precheck" / "unreachable_items.sql"


def character_class(ranges: Iterable[tuple[int, int]]) -> str:
    """A regular-expression class for DuckDB (RE2) of the code point ranges."""
    return "[" + "".join(f"\\x{{{low:x}}}-\\x{{{high:x}}}" for low, high in ranges) + "]"


# What the loader strips, Python's str.strip(): a cell that starts or ends with one of these is left to it
# (tests/test_precheck.py checks the list against every code point).
PADDING_CHARACTERS = ((0x09, 0x0D), (0x1C, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x1680, 0x1680), (0x2000, 0x200A),
                      (0x2028, 0x2029), (0x202F, 0x202F), (0x205F, 0x205F), (0x3000, 0x3000))
PADDING = character_class(PADDING_CHARACTERS)


# The loader's control characters, and line breaks: a cell holding one spans lines, so its line number is not
# its record's.
UNUSUAL = character_class([*CONTROL_CHARACTERS, (0x0A, 0x0A), (0x0D, 0x0D)])
# Characters that would make DuckDB read a path as a pattern of several files.
GLOB_CHARACTERS = set("*?[]{}")


@dataclass(frozen=True)
class StagedFile:
    """A table's file read into DuckDB as text, `raw_<table>`: its columns in the file's order."""

    table: Table
    header: tuple[str, ...]

    @property
    def raw_name(self) -> str:
        return f"raw_{self.table.name}"


def plain_header(raw: bytes, table: Table) -> tuple[str, ...] | None:
    """The file's column names, when the file is in the plain form and its header names each column once."""
    if b'"' in raw:  # quoting: Python's csv and DuckDB differ on a quote that is not where it should be
        return None
    try:
        line_end = raw.find(b"\n")  # not split(): that would copy the whole rest of the file
        first_line = (raw if line_end < 0 else raw[:line_end]).decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    header = tuple(cell.strip().lstrip("\ufeff") for cell in first_line.rstrip("\r").split(","))
    known = {c.name for c in table.columns}
    required = {c.name for c in table.columns if not c.optional}
    if len(set(header)) != len(header) or not required <= set(header) <= known:
        return None
    return header


def line_count(raw: bytes) -> int:
    return raw.count(b"\n") + (0 if raw.endswith(b"\n") else 1)


def stage_file(con: duckdb.DuckDBPyConnection, data_dir: Path, table: Table) -> StagedFile | None:
    """The table's file as text in `raw_<table>`, or None when it is not in the plain form. A record per line
    with no blank line makes each row's line number its place plus one (the header is line 1)."""
    path = data_dir / table.file_name
    if not path.is_file():
        if table.required_file:
            return None
        staged = StagedFile(table, tuple(c.name for c in table.columns))
        con.execute(f"create temp table {staged.raw_name} ({', '.join(f'{name} varchar' for name in staged.header)})")
        return staged
    if GLOB_CHARACTERS & set(str(path)) or path.stat().st_size > MAX_FILE_BYTES:
        return None
    raw = path.read_bytes()
    header = plain_header(raw, table)
    if header is None:
        return None
    try:
        raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    staged = StagedFile(table, header)
    columns = "{" + ", ".join(f"'{name}': 'VARCHAR'" for name in header) + "}"  # names checked against schema
    try:
        con.execute(f"create temp table {staged.raw_name} as select * from read_csv(?, header = true, "
                    f"columns = {columns}, delim = ',', quote = '\"', escape = '\"', strict_mode = true, "
                    "auto_detect = false, null_padding = false)", [str(path)])
    except duckdb.Error:  # a record too wide or too narrow, a stray carriage return: the loader says which
        return None
    rows = con.execute(f"select count(*) from {staged.raw_name}").fetchone()[0]
    if rows > MAX_ROWS_PER_FILE or line_count(raw) != rows + 1:
        return None
    return staged


def cell_value(name: str) -> str:
    return f"nullif({name}, '')"


def number_pattern(column: Column) -> str:
    """Plain digits the loader reads unchanged, short enough to stay below the column's magnitude limit."""
    integer_digits = len(str(int(column.kind.magnitude_limit))) - 1
    sign = "" if column.non_negative else "-?"
    if column.kind is Kind.INTEGER:
        return f"{sign}[0-9]{{1,{integer_digits}}}"
    decimals = "{1,2}" if column.kind is Kind.MONEY else "+"
    return f"{sign}[0-9]{{1,{integer_digits}}}(\\.[0-9]{decimals})?"


def quoted_list(words) -> str:
    return ", ".join(f"'{word}'" for word in sorted(words))


def kind_holds(column: Column, value: str) -> str:
    """SQL: the non-empty cell `value` is one the loader accepts for the column's kind and choices."""
    conditions = []
    if column.kind is Kind.CODE:
        conditions.append(f"regexp_full_match({value}, '{CODE_PATTERN.pattern}')")
    if column.kind is Kind.UNIT:
        conditions.append(f"regexp_full_match({value}, '{UNIT_PATTERN.pattern}') "  # schema.is_unit
                          f"and {value} not in ({quoted_list(UNIT_SCALES)})")
    if column.choices:
        conditions.append(f"{value} in ({quoted_list(column.choices)})")
    if column.kind is Kind.BOOLEAN:
        conditions.append(f"regexp_full_match({value}, '[A-Za-z0-9]+|是|否') "
                          f"and lower({value}) in ({quoted_list(TRUE_WORDS | FALSE_WORDS)})")
    if column.kind is Kind.YEAR:
        conditions.append(f"regexp_full_match({value}, '[0-9]{{4}}') "
                          f"and try_cast({value} as integer) between {FIRST_YEAR} and {LAST_YEAR}")
    if column.kind is Kind.INTEGER:
        conditions.append(f"regexp_full_match({value}, '{number_pattern(column)}')")
    if column.kind in (Kind.NUMBER, Kind.MONEY):
        conditions.append(f"regexp_full_match({percent_removed(column, value)}, '{number_pattern(column)}')")
    return " and ".join(conditions) or "true"


def percent_removed(column: Column, value: str) -> str:
    return f"regexp_replace({value}, '%$', '')" if takes_percent_sign(column) else value


def cell_holds(column: Column) -> str:
    """SQL: the loader accepts the column's cell (its characters aside: `row_holds`), and hands it on as
    `canonical` writes it."""
    value = cell_value(column.name)
    empty = "false" if column.required else "true"
    return (f"(case when {value} is null then {empty} "
            f"else length({value}) <= {MAX_CELL_CHARS} and {kind_holds(column, value)} end)")


def row_holds(columns: list[Column]) -> str:
    """SQL: no cell of the row holds an unusual character or starts or ends with padding, and some cell is not
    empty (the loader skips an empty record). One regular expression over the row's cells joined by commas,
    which no cell of a plain file holds: three times as fast as two tests of each cell."""
    cells = f"concat_ws(',', {', '.join(column.name for column in columns)})"
    return f"{cells} <> '' and not regexp_matches({cells}, '{UNUSUAL}|(^|,){PADDING}|{PADDING}(,|$)')"


def canonical(column: Column) -> str:
    """SQL: the text the loader hands on for a cell `cell_holds` accepts (`loader.normalise_cell`)."""
    value = cell_value(column.name)
    if column.kind is Kind.BOOLEAN:
        return f"case when lower({value}) in ({quoted_list(TRUE_WORDS)}) then 'true' when {value} is not null " \
               "then 'false' end"
    if column.kind in (Kind.NUMBER, Kind.MONEY):
        return percent_removed(column, value)
    return value


def cells_clean(con: duckdb.DuckDBPyConnection, staged: StagedFile) -> bool:
    """Every cell of the file passes the loader's rules, and no record is empty (the loader skips those)."""
    columns = [staged.table.column(name) for name in staged.header]
    every_cell = " and ".join(cell_holds(column) for column in columns)
    failing = con.execute(f"select count(*) from {staged.raw_name} where not ({every_cell} and {row_holds(columns)})")
    return failing.fetchone()[0] == 0


def canonical_cells(staged: StagedFile) -> str:
    """SQL: each row of the file as the loader would hand it on: every column of the table in its order (a
    column the file leaves out is empty), then the row's source line."""
    cells = [f"{canonical(column) if column.name in staged.header else 'null'} as {column.name}"
             for column in staged.table.columns]
    return f"select {', '.join(cells)}, cast(rowid + 2 as integer) as source_line from {staged.raw_name}"


def relations_clean(con: duckdb.DuckDBPyConnection) -> bool:
    """The loader's checks across rows and files (`loader.check_duplicate_keys`, `check_references` and the
    rest), over the stored tables: keys are unique, references resolve, only percentages are negative, spending
    items and units form sound trees."""
    failing = [f"select count(*) from (select 1 from {table.name} group by {', '.join(table.key)} having count(*) > 1)"
               for table in TABLES]
    failing += [f"select count(*) from {table.name} as cited where {column.name} is not null and not exists "
               f"(select 1 from {target} where {target}.{key} = cited.{column.name})"
               for table in TABLES for column in table.columns if column.references
               for target, key in [column.references.split(".")]]
    failing.append("select count(*) from indicator_values join indicators using (indicator_code) "
                   f"where (target < 0 or actual < 0) and indicators.unit not in ({quoted_list(SIGNED_MEASURE_UNITS)})")
    failing.append("select count(*) from spending where is_remainder and (parent_code is null or actual is not null)")
    if con.execute(f"select {' + '.join(f'({query})' for query in failing)}").fetchone()[0]:
        return False
    trees = {"spending": "select unit_code, year, item_code, parent_code from spending",
             "units": "select '', 0, unit_code, parent_code from units"}
    for query in trees.values():
        con.execute(f"create or replace temp view tree_edges (scope_unit, scope_year, item, parent) as {query}")
        unreachable = con.execute(UNREACHABLE_ITEMS_SQL.read_text(encoding="utf-8"),
                                  {"max_depth": MAX_SPENDING_DEPTH}).fetchone()[0]
        if unreachable:
            return False
    con.execute("drop view tree_edges")
    return True


def unit_codes(con: duckdb.DuckDBPyConnection, staged_units: StagedFile) -> set[str]:
    """The unit codes of a clean units.csv, as they will be stored."""
    return {code for (code,) in con.execute(f"select unit_code from ({canonical_cells(staged_units)})").fetchall()}


def clean_narrative(data_dir: Path, units: set[str]) -> LoadedTable | None:
    """The report texts, read by the loader; None when it finds a problem in one. It needs no connection, so
    that it can run while DuckDB reads the tables."""
    problems: list[Problem] = []
    narrative = read_narrative(data_dir, units, problems)
    return None if problems else narrative
