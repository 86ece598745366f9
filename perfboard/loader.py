"""Read and validate the source files of a data directory.

Every cell is checked against `schema.TABLES`; every problem found is reported with its file, line,
column and value, and nothing is handed on to the database unless the whole directory is clean.
"""

from __future__ import annotations

import csv
import gc
import io
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from perfboard import texts
from perfboard.narrative import parse_narrative
from perfboard.schema import (
    FIRST_YEAR,
    LAST_YEAR,
    MAX_CELL_CHARS,
    MAX_FILE_BYTES,
    MAX_NARRATIVE_BYTES,
    MAX_ROWS_PER_FILE,
    MAX_SPENDING_DEPTH,
    NARRATIVE_DIR,
    NARRATIVE_TABLE,
    SIGNED_MEASURE_UNITS,
    TABLES,
    Column,
    Kind,
    LoadedTable,
    Table,
    is_unit,
)

TRUE_WORDS = {"true", "1", "是", "y", "yes"}
FALSE_WORDS = {"false", "0", "否", "n", "no"}
CODE_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
NUMBER_PATTERN = re.compile(r"^[+-]?([0-9]+|[0-9]{1,3}(,[0-9]{3})+)(\.[0-9]+)?$")  # ASCII digits only
INTEGER_PATTERN = re.compile(r"^[+-]?[0-9]+$")
# C0 and C1 control characters but line breaks, and the two Unicode non-characters: no report text has them,
# and Excel and PowerPoint files cannot hold them.
CONTROL_CHARACTERS = ((0x00, 0x09), (0x0B, 0x0C), (0x0E, 0x1F), (0x7F, 0x9F), (0xFFFE, 0xFFFF))  # ranges
CONTROL_PATTERN = re.compile("[" + "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in CONTROL_CHARACTERS) + "]")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, said so that a finance officer can find and fix it."""

    file: str
    message: str
    line: int | None = None
    column: str | None = None
    column_index: int | None = None
    label: str = ""
    value: str | None = None

    def __str__(self) -> str:
        if self.line is None:
            where = texts.AT_FILE.format(file=self.file)
        elif self.column is None:
            where = texts.AT_LINE.format(file=self.file, line=self.line)
        elif self.column_index is None:
            where = texts.AT_HEADER_COLUMN.format(file=self.file, column=self.column, label=self.label)
        else:
            where = texts.AT_CELL.format(file=self.file, line=self.line, column_index=self.column_index,
                                         column=self.column, label=self.label)
        return f"{where}：{self.message}"


@dataclass
class Dataset:
    """The validated content of a data directory."""

    tables: dict[str, LoadedTable]
    narrative: LoadedTable
    problems: list[Problem]

    @property
    def row_count(self) -> int:
        return sum(len(t) for t in self.tables.values()) + len(self.narrative)


def decode(raw: bytes) -> tuple[str | None, str | None, int | None]:
    """(text, problem, line) of a file as Excel or a text editor wrote it: UTF-8 (with or without BOM) or
    GBK/GB18030. A file that mixes the two, or that reads as GBK only by turning into rare characters (Big5,
    another legacy encoding), is refused with the line where it goes wrong: it would load as mojibake."""
    try:
        return raw.decode("utf-8-sig"), None, None
    except UnicodeDecodeError:
        pass
    utf8_lines, other_lines = [], []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if line.isascii():
            continue
        try:
            line.decode("utf-8-sig")
            utf8_lines.append(number)
        except UnicodeDecodeError:
            other_lines.append(number)
    if utf8_lines:  # some lines are UTF-8 with Chinese text, and some are not
        utf8_is_majority = len(utf8_lines) >= len(other_lines)
        first = (other_lines if utf8_is_majority else utf8_lines)[0]
        names = ("UTF-8", "GBK") if utf8_is_majority else ("GBK", "UTF-8")
        return None, texts.MIXED_ENCODING.format(majority=names[0], minority=names[1]), first
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return None, texts.UNREADABLE_ENCODING, None
    rare = rare_character_share(text)
    if rare > RARE_CHARACTER_LIMIT:
        return None, texts.NOT_GBK_TEXT.format(share=f"{rare:.0%}"), None
    return text, None, None


# Report text in GBK uses the common characters of GB2312 almost only; Big5 bytes read as GBK turn about
# four characters in ten into rare ones outside it.
RARE_CHARACTER_LIMIT = 0.1


def rare_character_share(text: str) -> float:
    """The share of Chinese characters outside GB2312 (0 when there are too few to judge)."""
    chinese = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(chinese) < 5:
        return 0.0
    rare = 0
    for ch in chinese:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare / len(chinese)


def normalise_cell(column: Column, raw: str) -> tuple[str | None, str | None]:
    """The cell as canonical text for DuckDB to cast, or an error message. Empty cells are None."""
    value = raw.strip().strip("\u3000")
    if value == "":
        return None, (texts.REQUIRED.format(label=column.label) if column.required else None)
    if len(value) > MAX_CELL_CHARS:
        return None, texts.CELL_TOO_LONG.format(length=len(value), limit=MAX_CELL_CHARS)
    control = CONTROL_PATTERN.search(value)
    if control:
        return None, texts.CONTROL_CHARACTER.format(code=f"U+{ord(control.group()):04X}")
    fields = {"value": value, "label": column.label}
    if column.kind is Kind.CODE and not CODE_PATTERN.match(value):
        return None, texts.BAD_CODE.format(**fields)
    if column.kind is Kind.UNIT and not is_unit(value):
        return None, texts.BAD_UNIT.format(**fields)
    if column.choices and value not in column.choices:
        return None, texts.NOT_A_CHOICE.format(choices="、".join(column.choices), **fields)
    if column.kind is Kind.BOOLEAN:
        word = value.lower()
        if word in TRUE_WORDS:
            return "true", None
        if word in FALSE_WORDS:
            return "false", None
        return None, texts.NOT_A_BOOLEAN.format(**fields)
    if column.kind in (Kind.YEAR, Kind.INTEGER, Kind.NUMBER, Kind.MONEY) and not value.isascii():
        suggestion = ascii_digits(value)
        if suggestion.isascii():
            return None, texts.NOT_ASCII_DIGITS.format(suggestion=suggestion, **fields)
    if column.kind is Kind.YEAR:
        if not INTEGER_PATTERN.match(value) or not FIRST_YEAR <= int(value) <= LAST_YEAR:
            return None, texts.BAD_YEAR.format(first=FIRST_YEAR, last=LAST_YEAR, **fields)
        return value, None
    if column.kind is Kind.INTEGER:
        if not INTEGER_PATTERN.match(value):
            return None, texts.NOT_AN_INTEGER.format(**fields)
        return within_range(column, value, value)
    if column.kind in (Kind.NUMBER, Kind.MONEY):
        return normalise_number(column, value)
    return value, None


def read_column(column: Column, cells: tuple[str, ...]) -> tuple[list[str | None], dict[str, str]]:
    """`normalise_cell` over a column: its canonical values, and the message for each raw value that is wrong.
    Each distinct value is read once: codes, years, flags and closed lists repeat on every row of a county's
    million spending rows."""
    canonical: dict[str, str | None] = {}
    errors: dict[str, str] = {}
    for raw in set(cells):
        canonical[raw], error = normalise_cell(column, raw)
        if error:
            errors[raw] = error
    return list(map(canonical.__getitem__, cells)), errors


def ascii_digits(value: str) -> str:
    """The value with full-width, superscript, Arabic-Indic … digits and full-width signs as ASCII."""
    folded = unicodedata.normalize("NFKC", value)
    return "".join(str(unicodedata.digit(ch)) if not ch.isascii() and unicodedata.digit(ch, None) is not None
                   else ch for ch in folded)


def normalise_number(column: Column, value: str) -> tuple[str | None, str | None]:
    fields = {"value": value, "label": column.label}
    digits = value.removesuffix("%") if takes_percent_sign(column) else value
    if not NUMBER_PATTERN.match(digits):
        return None, texts.NOT_A_NUMBER.format(**fields)
    digits = digits.replace(",", "")
    if column.kind is Kind.MONEY and "." in digits and len(digits.split(".")[1]) > 2:
        return None, texts.TOO_MANY_DECIMALS.format(**fields)
    if column.non_negative and digits.startswith("-") and float(digits) != 0:
        return None, texts.NEGATIVE.format(**fields)
    return within_range(column, value, digits)


def takes_percent_sign(column: Column) -> bool:
    """Excel writes a percent-formatted cell as "56.08%"; a column whose label says it holds percent reads it
    as 56.08."""
    return "（%）" in column.label


def within_range(column: Column, value: str, digits: str) -> tuple[str | None, str | None]:
    """The digits, or a message when the number is too large for its column's type (a 400-digit number
    would become infinity, a large integer would crash the load)."""
    limit = column.kind.magnitude_limit
    if abs(Decimal(digits)) >= Decimal(limit):
        return None, texts.NUMBER_TOO_LARGE.format(value=value, limit=f"{limit:,.0f}")
    return digits, None


def read_text(path: Path, file_name: str, limit: int, problems: list[Problem]) -> str | None:
    """A file's text, or None after saying why (too large, an encoding it cannot be read in)."""
    size = path.stat().st_size
    if size > limit:
        problems.append(Problem(file_name, texts.FILE_TOO_LARGE.format(size=byte_size(size), limit=byte_size(limit))))
        return None
    text, problem, line = decode(path.read_bytes())
    if problem:
        problems.append(Problem(file_name, problem, line=line))
    return text


def byte_size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def read_rows(path: Path, file_name: str, problems: list[Problem]) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each non-blank record; the header is line 1."""
    text = read_text(path, file_name, MAX_FILE_BYTES, problems)
    if text is None:
        return
    reader = csv.reader(io.StringIO(text, newline=""))
    next_line, records = 1, 0
    try:
        for cells in reader:
            line, next_line = next_line, reader.line_num + 1
            if "".join(cells).strip():
                records += 1
                if records > MAX_ROWS_PER_FILE + 1:  # the header and MAX_ROWS_PER_FILE rows
                    problems.append(Problem(file_name, texts.TOO_MANY_ROWS.format(limit=f"{MAX_ROWS_PER_FILE:,}"),
                                            line=line))
                    return
                yield line, cells
    except csv.Error as error:
        problems.append(Problem(file_name, texts.BROKEN_CSV.format(error=error), line=next_line))


def read_table(data_dir: Path, table: Table, problems: list[Problem]) -> LoadedTable | None:
    """The table's rows with every cell checked; None when the file cannot be read as this table."""
    path = data_dir / table.file_name
    if not path.is_file():
        if not table.required_file:
            return LoadedTable(table)  # a file the first data format did not have: none of its rows
        problems.append(Problem(table.file_name, texts.MISSING_FILE.format(file=table.file_name)))
        return None
    rows = read_rows(path, table.file_name, problems)
    first = next(rows, None)
    expected = [c.name for c in table.columns]
    if first is None:
        if not problems or problems[-1].file != table.file_name:
            problems.append(Problem(table.file_name, texts.EMPTY_FILE.format(columns=",".join(expected)),
                                    line=1))
        return None
    header = [cell.strip().lstrip("\ufeff") for cell in first[1]]
    if not check_header(table, header, problems):
        for _ in rows:  # read on: a broken record or too many rows is said as well
            pass
        return None
    found: list[Problem] = []
    lines, records = [], []
    for line, cells in rows:
        if len(cells) == len(header):
            lines.append(line)
            records.append(cells)
        else:
            found.append(Problem(table.file_name, texts.ROW_WIDTH.format(found=len(cells), expected=len(header)),
                                 line=line))
    raw_columns = list(zip(*records)) if records else [()] * len(header)
    records.clear()  # a county's spending file is held once, as columns
    columns = {}
    for index, (name, cells) in enumerate(zip(header, raw_columns), start=1):
        column = table.column(name)
        columns[name], errors = read_column(column, cells)
        if errors:
            found.extend(Problem(table.file_name, errors[raw], lines[number], name, index, column.label, raw)
                         for number, raw in enumerate(cells) if raw in errors)
    problems.extend(sorted(found, key=lambda problem: (problem.line, problem.column_index or 0)))  # line by line
    loaded = LoadedTable(table, columns, lines, {name: index for index, name in enumerate(header, start=1)})
    check_duplicate_keys(loaded, problems)
    return loaded


def check_header(table: Table, header: list[str], problems: list[Problem]) -> bool:
    known = {c.name for c in table.columns}
    ok = True
    for index, name in enumerate(header, start=1):
        if name not in known:
            problems.append(Problem(table.file_name, texts.UNKNOWN_COLUMN.format(value=name, columns=",".join(
                c.name for c in table.columns)), 1, name, index, "", name))
            ok = False
        elif header.index(name) != index - 1:
            problems.append(Problem(table.file_name, texts.DUPLICATE_COLUMN.format(value=name), 1, name, index,
                                    table.column(name).label, name))
            ok = False
    for column in table.columns:
        if column.name not in header and not column.optional:
            problems.append(Problem(table.file_name, texts.MISSING_COLUMN.format(column=column.name), 1,
                                    column.name, None, column.label))
            ok = False
    return ok


def cell_problem(loaded: LoadedTable, row_number: int, column_name: str, message: str) -> Problem:
    """A problem located at one cell of an already-read table."""
    column = loaded.table.column(column_name)
    return Problem(loaded.table.file_name, message, loaded.lines[row_number], column_name,
                   loaded.positions[column_name], column.label, loaded.columns[column_name][row_number])


def check_duplicate_keys(loaded: LoadedTable, problems: list[Problem]) -> None:
    keys = list(zip(*(loaded.columns[name] for name in loaded.table.key)))
    if len(set(keys)) == len(keys):
        return  # the usual case, answered without a Python loop over a million rows
    first_line: dict[tuple, int] = {}
    for number, key in enumerate(keys):
        if None in key:
            continue  # already reported as a required cell left empty
        if key in first_line:
            described = "，".join(f"{name}={value}" for name, value in zip(loaded.table.key, key))
            problems.append(cell_problem(loaded, number, loaded.table.key[-1],
                                         texts.DUPLICATE_KEY.format(first_line=first_line[key], key=described)))
        else:
            first_line[key] = loaded.lines[number]


def check_references(tables: dict[str, LoadedTable], problems: list[Problem]) -> None:
    """Every code that points into another file must be registered there."""
    for loaded in tables.values():
        for column in loaded.table.columns:
            if column.references is None:
                continue
            target_name, target_column = column.references.split(".")
            target = tables.get(target_name)
            if target is None:
                continue  # that file has its own problems, already reported
            known = {*target.columns[target_column], None}
            values = loaded.columns[column.name]
            if known.issuperset(values):
                continue
            for number, value in enumerate(values):
                if value not in known:
                    problems.append(cell_problem(loaded, number, column.name, texts.UNKNOWN_REFERENCE.format(
                        label=column.label, value=value, ref_file=target.table.file_name)))


def check_indicator_signs(tables: dict[str, LoadedTable], problems: list[Problem]) -> None:
    """Targets and actuals count or measure things, so only a percentage may be negative."""
    values, catalogue = tables.get("indicator_values"), tables.get("indicators")
    if values is None or catalogue is None:
        return
    unit_of = dict(zip(catalogue.columns["indicator_code"], catalogue.columns["unit"]))
    for name in ("target", "actual"):
        label = values.table.column(name).label
        for number, (code, value) in enumerate(zip(values.columns["indicator_code"], values.columns[name])):
            if value is not None and float(value) < 0 and unit_of.get(code) not in SIGNED_MEASURE_UNITS:
                problems.append(cell_problem(values, number, name, texts.NEGATIVE.format(value=value, label=label)))


def check_spending_trees(tables: dict[str, LoadedTable], problems: list[Problem]) -> None:
    """Each unit-year's spending items form trees: parents exist, no cycles, no chain deeper than
    MAX_SPENDING_DEPTH, remainders sit under a parent. Linear in the number of items."""
    spending = tables.get("spending")
    if spending is None:
        return
    columns = spending.columns
    parents, remainders, actuals = columns["parent_code"], columns["is_remainder"], columns["actual"]
    by_unit_year: dict[tuple, dict[str, int]] = {}
    for number, (unit_code, year, item_code) in enumerate(zip(columns["unit_code"], columns["year"],
                                                              columns["item_code"])):
        by_unit_year.setdefault((unit_code, year), {})[item_code] = number
    for (unit_code, year), numbers in by_unit_year.items():
        parent_of = {code: parents[n] for code, n in numbers.items()}
        for item_code, number in numbers.items():
            parent = parents[number]
            if remainders[number] == "true":
                if parent is None:
                    problems.append(cell_problem(spending, number, "parent_code", texts.REMAINDER_WITHOUT_PARENT))
                if actuals[number] is not None:
                    problems.append(cell_problem(spending, number, "actual",
                                                 texts.REMAINDER_HAS_AMOUNT.format(value=actuals[number])))
            if parent is not None and parent not in numbers:
                problems.append(cell_problem(spending, number, "parent_code", texts.SPENDING_PARENT_MISSING.format(
                    value=parent, unit_code=unit_code, year=year)))
        for item_code, message in tree_faults(parent_of):
            problems.append(cell_problem(spending, numbers[item_code], "parent_code", message))


def check_unit_tree(tables: dict[str, LoadedTable], problems: list[Problem]) -> None:
    """Units form a hierarchy (county → bureau → department) through parent_code: no cycle, no chain deeper
    than MAX_SPENDING_DEPTH (the roll-ups and the 全部单位 parent filter walk it)."""
    units = tables.get("units")
    if units is None:
        return
    numbers = {code: number for number, code in enumerate(units.columns["unit_code"])}
    parent_of = {code: units.columns["parent_code"][number] for code, number in numbers.items()}
    for unit_code, message in tree_faults(parent_of, texts.UNIT_CYCLE, texts.UNIT_TOO_DEEP):
        problems.append(cell_problem(units, numbers[unit_code], "parent_code", message))


def tree_faults(parent_of: dict[str, str | None], cycle_message: str = texts.SPENDING_CYCLE,
                too_deep_message: str = texts.SPENDING_TOO_DEEP) -> Iterator[tuple[str, str]]:
    """(item, message) for each cycle and each chain deeper than MAX_SPENDING_DEPTH, each reported once at
    the item where it is found. Every item is walked at most once: a depth once known is reused. Spending
    items and units (a unit's parent_code) are both such trees; the messages name which."""
    depth: dict[str, int] = {}  # items whose chain up to a root is known to be sound: their level
    for start in parent_of:
        path: list[str] = []
        on_path: set[str] = set()
        item: str | None = start
        while item is not None and item in parent_of and item not in depth and item not in on_path:
            path.append(item)
            on_path.add(item)
            item = parent_of[item]
        if item in on_path:  # the walk came back to an item of its own path
            cycle = path[path.index(item):]
            yield cycle[0], cycle_message.format(chain=" → ".join([*cycle, cycle[0]]))
            depth.update((code, MAX_SPENDING_DEPTH + 1) for code in path)  # reported; not walked again
            continue
        level = depth.get(item, 0) if item is not None and item in parent_of else 0
        for code in reversed(path):
            level += 1
            depth[code] = level
            if level == MAX_SPENDING_DEPTH + 1:
                yield code, too_deep_message.format(limit=MAX_SPENDING_DEPTH,
                                                           chain=" → ".join(path[-MAX_SPENDING_DEPTH:][::-1]))


def read_narrative(data_dir: Path, known_units: set[str] | None, problems: list[Problem]) -> LoadedTable:
    """The report text of every unit-year; a file of a unit not in `known_units` is a problem (None: units.csv
    could not be read, so that is not judged)."""
    rows, lines = [], []
    for path in sorted(p for p in (data_dir / NARRATIVE_DIR).glob("**/*") if p.is_file()):
        file_name = path.relative_to(data_dir).as_posix()
        if path.suffix.lower() != ".md":
            problems.append(Problem(file_name, texts.NARRATIVE_NOT_MD.format(value=path.name)))
            continue
        parts = path.relative_to(data_dir / NARRATIVE_DIR).parts
        if (len(parts) != 2 or not INTEGER_PATTERN.match(path.stem)
                or not FIRST_YEAR <= int(path.stem) <= LAST_YEAR):
            problems.append(Problem(file_name, texts.NARRATIVE_BAD_PATH))
            continue
        unit_code, year = parts[0], path.stem
        if known_units is not None and unit_code not in known_units:
            problems.append(Problem(file_name, texts.NARRATIVE_UNKNOWN_UNIT.format(value=unit_code)))
            continue
        text = read_text(path, file_name, MAX_NARRATIVE_BYTES, problems)
        if text is None:
            continue
        control = CONTROL_PATTERN.search(text.replace("\t", " "))  # a tab in prose is only a wide space
        if control:
            problems.append(Problem(file_name, texts.CONTROL_CHARACTER.format(code=f"U+{ord(control.group()):04X}"),
                                    line=text.count("\n", 0, control.start()) + 1))
            continue
        sections, section_problems = parse_narrative(text)
        problems.extend(Problem(file_name, message, line=line) for line, message in section_problems)
        for line, section in sections:
            rows.append({"unit_code": unit_code, "year": year, **section})
            lines.append(line)
    return LoadedTable.of_rows(NARRATIVE_TABLE, rows, lines)


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector walks every container object alive each time enough new ones are made. The
    lists and tuples of a county's million rows hold no cycles, yet made it run for two thirds of the time
    spent reading them; memory is still freed as it was, when the last reference goes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@cycle_collector_paused()
def read_dataset(data_dir: Path) -> Dataset:
    """Every file of the directory, read and cross-checked; `problems` empty means it may be loaded."""
    problems: list[Problem] = []
    tables = {}
    for table in TABLES:
        loaded = read_table(data_dir, table, problems)
        if loaded is not None:
            tables[table.name] = loaded
    check_references(tables, problems)
    check_indicator_signs(tables, problems)
    check_spending_trees(tables, problems)
    check_unit_tree(tables, problems)
    units = tables.get("units")
    narrative = read_narrative(data_dir, set(units.columns["unit_code"]) if units else None, problems)
    return Dataset(tables, narrative, problems)
