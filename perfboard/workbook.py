"""The data desk's workbook (docs/architecture.md, "The data desk"): one sheet per data file with Chinese
headers, drop-down lists for every code and closed list, number formats, an instructions sheet with an
example for every column, and the report text; and the way back, from a workbook, a zip or CSV files to
rows of the data files, each remembering the sheet (or file) and row it came from.

Cells are read as text, exactly as the loader reads a CSV cell, so a workbook goes through the loader's
checks unchanged. A workbook written from the data and read back gives the same files (a round trip).
"""

from __future__ import annotations

import csv
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from perfboard import texts
from perfboard.loader import Problem, decode
from perfboard.schema import MAX_FILE_BYTES, MEASURE_UNITS, NARRATIVE_DIR, TABLES, TABLES_BY_NAME, Column, Kind, Table

NARRATIVE_SHEET = "报告原文"
INSTRUCTIONS_SHEET = "填写说明"
LISTS_SHEET = "代码表"  # hidden: the values of the drop-down lists
REVIEW_SHEET = "导入核对"  # 导入报告's review list: read by people, skipped on upload
NARRATIVE_COLUMNS = (("unit_code", "单位代码"), ("year", "年度"), ("part", "段号"), ("text", "正文（Markdown）"))
NARRATIVE_PART_CHARS = 30_000  # Excel holds at most 32,767 characters in a cell
EMPTY_FORM_ROWS = 300  # rows below the data that keep the drop-down lists
NUMBER_FORMATS = {Kind.MONEY: "#,##0.00", Kind.YEAR: "0", Kind.INTEGER: "0"}
BOOLEAN_CHOICES = ("是", "否")
HEADER_FILL = PatternFill("solid", fgColor="DDE6F2")
MAX_UPLOAD_FILES = 200  # members of a zip: a data directory has a dozen


@dataclass(frozen=True)
class Origin:
    """Where an uploaded row came from: 工作簿 2025.xlsx 工作表「指标值」, row 7, and its columns' places."""

    where: str
    row: int
    positions: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass
class Upload:
    """What an upload holds: rows of data files (text cells, by column code) and report texts."""

    tables: dict[str, list[tuple[Origin, dict[str, str]]]] = field(default_factory=dict)
    narratives: dict[tuple[str, int], tuple[Origin, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def add_rows(self, table: Table, rows: list[tuple[Origin, dict[str, str]]]) -> None:
        self.tables.setdefault(table.name, []).extend(rows)


# ---- files as rows ------------------------------------------------------------------------------------

def csv_rows(raw: bytes) -> list[dict[str, str]]:
    """The rows of a data file of a published version (already checked by the loader)."""
    text, _, _ = decode(raw)
    return list(csv.DictReader(io.StringIO(text or "")))


def csv_bytes(table: Table, rows: list[dict[str, str]]) -> bytes:
    """A data file in the loader's format: UTF-8, the schema's columns in order, one line per row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=[c.name for c in table.columns], lineterminator="\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows({c.name: row.get(c.name) or "" for c in table.columns} for row in rows)
    return out.getvalue().encode("utf-8")


def narrative_path(unit_code: str, year: int) -> str:
    return f"{NARRATIVE_DIR}/{unit_code}/{year}.md"


NARRATIVE_FILE = re.compile(rf"{NARRATIVE_DIR}/([A-Za-z0-9_]+)/([0-9]{{4}})\.md", re.IGNORECASE)


def narratives_of(files: dict[str, bytes]) -> dict[tuple[str, int], str]:
    found = {}
    for path, raw in files.items():
        matched = NARRATIVE_FILE.fullmatch(path)
        if matched:
            found[(matched.group(1), int(matched.group(2)))] = decode(raw)[0] or ""
    return found


# ---- writing the workbook -----------------------------------------------------------------------------

def write_workbook(files: dict[str, bytes], unit_code: str | None = None, year: int | None = None,
                   template: bool = False) -> bytes:
    """The data as a workbook (`template` False: every row, for the round trip), or a template to fill in:
    the catalogue sheets with their rows (the codes the lists offer), and for a unit's year its rows when the
    data holds that year, else its indicators listed from its latest year with the figures left empty."""
    rows = {table.name: csv_rows(files[table.file_name]) if table.file_name in files else [] for table in TABLES}
    narratives = narratives_of(files)
    if template:
        rows, narratives = template_rows(rows, narratives, unit_code, year)
    book = Workbook()
    instructions = book.active
    instructions.title = INSTRUCTIONS_SHEET
    lists = book.create_sheet(LISTS_SHEET)
    list_ranges = write_lists(lists, rows)
    for table in TABLES:
        write_table_sheet(book.create_sheet(table.label), table, rows[table.name], list_ranges)
    write_narrative_sheet(book.create_sheet(NARRATIVE_SHEET), narratives)
    write_instructions(instructions, rows)
    lists.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def template_rows(rows: dict[str, list[dict[str, str]]], narratives: dict[tuple[str, int], str],
                  unit_code: str | None, year: int | None):
    """The catalogue as it is; the yearly sheets for one unit's year (or empty)."""
    yearly = {t.name for t in TABLES if "year" in {c.name for c in t.columns}}
    chosen = {name: [r for r in table_rows if name not in yearly or (
        r.get("unit_code") == unit_code and r.get("year") == str(year))] for name, table_rows in rows.items()}
    kept_narratives = {key: text for key, text in narratives.items() if key == (unit_code, year)}
    if unit_code and year and not chosen["indicator_values"]:
        earlier = sorted({int(r["year"]) for r in rows["indicator_values"]
                          if r.get("unit_code") == unit_code and int(r["year"]) < year})
        if earlier:  # a form, not figures: every indicator of the latest year, its values left empty
            chosen["indicator_values"] = [
                {"unit_code": unit_code, "year": str(year), "indicator_code": r["indicator_code"]}
                for r in rows["indicator_values"]
                if r.get("unit_code") == unit_code and r["year"] == str(earlier[-1]) and not r.get("document_code")]
    return chosen, kept_narratives


def list_values(column: Column, rows: dict[str, list[dict[str, str]]]) -> tuple[str, ...]:
    """The values a column's drop-down offers: its closed list, or the codes of the table it refers to."""
    if column.kind is Kind.BOOLEAN:
        return BOOLEAN_CHOICES
    if column.choices:
        return column.choices
    if column.kind is Kind.UNIT:
        return MEASURE_UNITS  # offered, not required: another short unit passes too (UNIT_PATTERN)
    if column.references:
        table, referred = column.references.split(".")
        return tuple(dict.fromkeys(r[referred] for r in rows[table] if r.get(referred)))
    return ()


def write_lists(sheet, rows: dict[str, list[dict[str, str]]]) -> dict[tuple[str, str], str]:
    """One column of the hidden sheet per list; the range each (table, column) validates against."""
    ranges: dict[tuple[str, str], str] = {}
    by_values: dict[tuple[str, ...], str] = {}
    for table in TABLES:
        for column in table.columns:
            values = list_values(column, rows)
            if not values:
                continue
            if values not in by_values:
                letter = get_column_letter(len(by_values) + 1)
                for number, value in enumerate(values, start=1):
                    sheet.cell(number, len(by_values) + 1, value).data_type = "s"
                by_values[values] = f"'{LISTS_SHEET}'!${letter}$1:${letter}${len(values)}"
            ranges[(table.name, column.name)] = by_values[values]
    return ranges


def cell_value(column: Column, text: str | None) -> object:
    """A data file's text cell as the workbook shows it: numbers as numbers, 是/否, text as text."""
    if text is None or text == "":
        return None
    if column.kind is Kind.BOOLEAN:
        return BOOLEAN_CHOICES[0] if text.strip().lower() in ("true", "1", "是", "y", "yes") else BOOLEAN_CHOICES[1]
    if column.kind in (Kind.MONEY, Kind.NUMBER, Kind.YEAR, Kind.INTEGER):
        try:
            number = float(text)
        except ValueError:
            return text
        return int(number) if number.is_integer() and abs(number) < 2**53 else number
    return text


def write_table_sheet(sheet, table: Table, rows: list[dict[str, str]], list_ranges: dict) -> None:
    sheet.append([column.label for column in table.columns])
    for row in rows:
        sheet.append([cell_value(column, row.get(column.name)) for column in table.columns])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text stays text: never a formula
    last_row = len(rows) + 1 + EMPTY_FORM_ROWS
    for index, column in enumerate(table.columns, start=1):
        letter = get_column_letter(index)
        header = sheet.cell(1, index)
        header.font, header.fill = Font(bold=True), HEADER_FILL
        header.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[letter].width = max(12, min(40, len(column.label) * 2 + 2))
        if column.kind in NUMBER_FORMATS:
            for (cell,) in sheet.iter_rows(min_row=2, max_row=last_row, min_col=index, max_col=index):
                cell.number_format = NUMBER_FORMATS[column.kind]
        if (table.name, column.name) in list_ranges:
            open_list = column.kind is Kind.UNIT
            rule = DataValidation(type="list", formula1=list_ranges[(table.name, column.name)], allow_blank=True,
                                  showErrorMessage=True, errorStyle="warning" if open_list else "stop",
                                  errorTitle=texts.WORKBOOK_LIST_TITLE,
                                  error=(texts.WORKBOOK_OPEN_LIST_WARNING if open_list else
                                         texts.WORKBOOK_LIST_ERROR).format(label=column.label))
            rule.add(f"{letter}2:{letter}{last_row}")
            sheet.add_data_validation(rule)
    sheet.freeze_panes = "A2"


def write_narrative_sheet(sheet, narratives: dict[tuple[str, int], str]) -> None:
    sheet.append([label for _, label in NARRATIVE_COLUMNS])
    for (unit_code, year), text in sorted(narratives.items()):
        parts = [text[i:i + NARRATIVE_PART_CHARS] for i in range(0, len(text), NARRATIVE_PART_CHARS)] or [""]
        for number, part in enumerate(parts, start=1):
            sheet.append([unit_code, year, number, part])
            sheet.cell(sheet.max_row, 4).data_type = "s"
            sheet.cell(sheet.max_row, 4).alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate((18, 8, 6, 120), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.cell(1, index).font, sheet.cell(1, index).fill = Font(bold=True), HEADER_FILL
    sheet.freeze_panes = "A2"


def write_instructions(sheet, rows: dict[str, list[dict[str, str]]]) -> None:
    """Every column of every sheet: its header, code, kind, whether required, the values allowed, an example."""
    sheet.append([texts.WORKBOOK_INTRO])
    sheet.append([])
    sheet.append(list(texts.WORKBOOK_INSTRUCTION_COLUMNS))
    header_row = sheet.max_row
    for table in TABLES:
        example = next(iter(rows[table.name]), {})
        for column in table.columns:
            allowed = texts.WORKBOOK_FROM_SHEET.format(sheet=TABLES_BY_NAME[column.references.split(".")[0]].label) \
                if column.references else "、".join(list_values(column, rows)[:12])
            sheet.append([table.label, column.label, column.name, texts.KIND_WORDS[column.kind.name],
                          texts.WORKBOOK_REQUIRED if column.required else "", allowed,
                          cell_value(column, example.get(column.name))])
    sheet.append([NARRATIVE_SHEET, texts.WORKBOOK_NARRATIVE_HELP])
    for index, width in enumerate((14, 34, 18, 10, 8, 40, 30), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.cell(header_row, index).font = Font(bold=True)
    for cells in sheet.iter_rows(min_row=header_row + 1):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.cell(1, 1).font = Font(bold=True, size=13)


# ---- reading an upload --------------------------------------------------------------------------------

TABLE_BY_SHEET = {**{t.label: t for t in TABLES}, **{t.name: t for t in TABLES}}


def read_upload(name: str, raw: bytes, upload: Upload | None = None) -> Upload:
    """The rows of an uploaded workbook (.xlsx), zip of data files, data file (.csv) or report text (.md)."""
    upload = upload if upload is not None else Upload()
    lowered = name.lower()
    if len(raw) > MAX_FILE_BYTES:
        upload.problems.append(Problem(name, texts.UPLOAD_TOO_LARGE.format(limit=MAX_FILE_BYTES // 2**20)))
        return upload
    try:
        if lowered.endswith(".xlsx"):
            if unpacks_too_large(raw):  # a workbook is a zip: a small file may unpack into gigabytes
                upload.problems.append(Problem(name, texts.UPLOAD_TOO_LARGE.format(limit=MAX_FILE_BYTES // 2**20)))
                return upload
            read_workbook(name, raw, upload)
        elif lowered.endswith(".zip"):
            read_zip(name, raw, upload)
        elif lowered.endswith(".csv"):
            read_csv_file(name, name, raw, upload)
        else:
            upload.problems.append(Problem(name, texts.UPLOAD_KIND))
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as error:
        upload.problems.append(Problem(name, texts.UPLOAD_UNREADABLE.format(reason=type(error).__name__)))
    return upload


def unpacks_too_large(raw: bytes) -> bool:
    """Whether the archive's members, as its headers declare them, unpack past the file limit."""
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return sum(member.file_size for member in archive.infolist()) > MAX_FILE_BYTES


def text_of(value: object) -> str:
    """A workbook cell as the text a CSV cell would hold (4.28 not 4.2800000001; 2024 not 2024.0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 2**53 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def header_codes(table_columns: dict[str, str], header: list[str], where: str, upload: Upload) -> list[str | None]:
    """The column code of each header cell (its Chinese label or its code); unknown headers are problems."""
    codes = []
    for index, cell in enumerate(header, start=1):
        label = cell.strip().lstrip("\ufeff")
        if not label:
            codes.append(None)
            continue
        code = table_columns.get(label)
        if code is None:
            upload.problems.append(Problem(where, texts.UPLOAD_UNKNOWN_HEADER.format(
                header=label, known="、".join(dict.fromkeys(table_columns.values()))), line=1, value=label))
        codes.append(code)
    return codes


def column_names(table: Table) -> dict[str, str]:
    return {**{c.label: c.name for c in table.columns}, **{c.name: c.name for c in table.columns}}


def collect_rows(table: Table, header: list[str], body, where: str, upload: Upload) -> None:
    codes = header_codes(column_names(table), header, where, upload)
    positions = {code: index for index, code in enumerate(codes, start=1) if code}
    rows = []
    for number, cells in body:
        values = [text_of(v) for v in cells]
        if not any(v.strip() for v in values):
            continue  # an empty row of the form
        typed = {code: value for code, value in zip(codes, values) if code}
        row = {c.name: cell_from_workbook(c, typed[c.name]) for c in table.columns if c.name in typed}
        rows.append((Origin(where, number, positions), row))
    upload.add_rows(table, rows)


def cell_from_workbook(column: Column, text: str) -> str:
    """是/否 back to true/false; everything else exactly as typed, for the loader to judge."""
    if column.kind is Kind.BOOLEAN and text.strip() in BOOLEAN_CHOICES:
        return "true" if text.strip() == BOOLEAN_CHOICES[0] else "false"
    return text


def read_workbook(name: str, raw: bytes, upload: Upload) -> None:
    book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    try:
        for sheet in book.worksheets:
            where = texts.UPLOAD_SHEET.format(file=name, sheet=sheet.title)
            if sheet.title in (INSTRUCTIONS_SHEET, LISTS_SHEET, REVIEW_SHEET):
                continue
            rows = sheet.iter_rows(values_only=True)
            header = [text_of(v) for v in next(rows, ())]
            body = ((number, list(cells)) for number, cells in enumerate(rows, start=2))
            if sheet.title == NARRATIVE_SHEET:
                read_narrative_rows(header, body, where, upload)
            elif sheet.title in TABLE_BY_SHEET:
                collect_rows(TABLE_BY_SHEET[sheet.title], header, body, where, upload)
            else:
                upload.problems.append(Problem(where, texts.UPLOAD_UNKNOWN_SHEET.format(
                    sheets="、".join([t.label for t in TABLES] + [NARRATIVE_SHEET]))))
    finally:
        book.close()


def read_narrative_rows(header: list[str], body, where: str, upload: Upload) -> None:
    names = {label: code for code, label in NARRATIVE_COLUMNS} | {code: code for code, _ in NARRATIVE_COLUMNS}
    codes = header_codes(names, header, where, upload)
    parts: dict[tuple[str, int], list[tuple[int, str, int]]] = {}
    for number, cells in body:
        row = {code: text_of(value) for code, value in zip(codes, cells) if code}
        if not any(v.strip() for v in row.values()):
            continue
        unit_code, year, part = row.get("unit_code", "").strip(), row.get("year", "").strip(), row.get("part", "")
        if not re.fullmatch("[0-9]{4}", year) or not unit_code:
            upload.problems.append(Problem(where, texts.UPLOAD_NARRATIVE_KEY, line=number, value=f"{unit_code} {year}"))
            continue
        order = int(part) if part.strip().isdigit() else number
        parts.setdefault((unit_code, int(year)), []).append((order, row.get("text", ""), number))
    for key, pieces in parts.items():
        pieces.sort()
        upload.narratives[key] = (Origin(where, pieces[0][2]), "".join(text for _, text, _ in pieces))


def read_csv_file(archive: str, name: str, raw: bytes, upload: Upload) -> None:
    """A data file, named by its file name (indicator_values.csv) or its Chinese name (指标值.csv)."""
    stem = posixpath.basename(name).rsplit(".", 1)[0]
    table = TABLE_BY_SHEET.get(stem)
    where = name if archive == name else texts.UPLOAD_MEMBER.format(file=archive, member=name)
    if table is None:
        upload.problems.append(Problem(where, texts.UPLOAD_UNKNOWN_FILE.format(
            files="、".join(t.file_name for t in TABLES))))
        return
    text, problem, line = decode(raw)
    if text is None:
        upload.problems.append(Problem(where, problem, line=line))
        return
    records = list(csv.reader(io.StringIO(text)))
    if not records:
        return
    collect_rows(table, records[0], ((number, cells) for number, cells in enumerate(records[1:], start=2)),
                 where, upload)


def read_zip(name: str, raw: bytes, upload: Upload) -> None:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        members = [m for m in archive.infolist() if not m.is_dir() and not posixpath.basename(m.filename).startswith(".")]
        if len(members) > MAX_UPLOAD_FILES:
            upload.problems.append(Problem(name, texts.UPLOAD_TOO_MANY_FILES.format(count=len(members))))
            return
        for member in members:
            inner = member.filename
            if member.file_size > MAX_FILE_BYTES:  # said before it is unpacked: a small zip may hold a huge file
                upload.problems.append(Problem(texts.UPLOAD_MEMBER.format(file=name, member=inner),
                                               texts.UPLOAD_TOO_LARGE.format(limit=MAX_FILE_BYTES // 2**20)))
                continue
            if inner.lower().endswith(".csv"):
                read_csv_file(name, inner, archive.read(member), upload)
                continue
            matched = re.search(rf"{NARRATIVE_DIR}/([A-Za-z0-9_]+)/([0-9]{{4}})\.md$", inner, re.IGNORECASE)
            if matched:
                text, problem, line = decode(archive.read(member))
                where = texts.UPLOAD_MEMBER.format(file=name, member=inner)
                if text is None:
                    upload.problems.append(Problem(where, problem, line=line))
                else:
                    upload.narratives[(matched.group(1), int(matched.group(2)))] = (Origin(where, 1), text)
