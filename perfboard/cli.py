"""The `perfboard` command: load, check and query the data (finance staff and the tests script with it)."""

from __future__ import annotations

import argparse
import csv
import json
import signal
import sys
from decimal import Decimal
from functools import partial
from pathlib import Path

import pandas as pd

from perfboard import audit, deck, export, tables, texts
from perfboard.database import (DEFAULT_DATA_DIR, DEFAULT_DB_PATH, LoadError, StoreError, connect, fetch, fetch_df, load,
                                view_names)
from perfboard.loader import read_dataset
from perfboard.unit_year import UnitYear


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="perfboard", description=texts.CLI_DESCRIPTION)
    commands = parser.add_subparsers(dest="command", required=True)

    def data_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--data", type=Path, default=DEFAULT_DATA_DIR,
                             help=texts.CLI_DATA.format(default=DEFAULT_DATA_DIR))

    def db_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--db", type=Path, default=DEFAULT_DB_PATH,
                             help=texts.CLI_DB.format(default=DEFAULT_DB_PATH))

    load_command = commands.add_parser("load", help=texts.CLI_LOAD)
    data_option(load_command)
    db_option(load_command)

    check_command = commands.add_parser("check", help=texts.CLI_CHECK)
    data_option(check_command)

    query_command = commands.add_parser("query", help=texts.CLI_QUERY)
    query_command.add_argument("view", help=texts.CLI_VIEW.format(views="、".join(view_names())))
    query_command.add_argument("--unit", help=texts.CLI_UNIT)
    query_command.add_argument("--year", type=int, help=texts.CLI_YEAR)
    db_option(query_command)
    query_command.add_argument("--format", choices=("table", "csv", "json"), default="table",
                               help=texts.CLI_FORMAT)
    export_command = commands.add_parser("export", help=texts.CLI_EXPORT)
    export_command.add_argument("what", choices=("deck", "charts", "tables", "html", "pdf"), help=texts.CLI_EXPORT_WHAT)
    export_command.add_argument("--unit", help=texts.CLI_UNIT)
    export_command.add_argument("--year", type=int, help=texts.CLI_YEAR)
    db_option(export_command)
    export_command.add_argument("--format", choices=("png", "svg"), default="png", help=texts.CLI_IMAGE_FORMAT)
    export_command.add_argument("--out", type=Path, required=True, help=texts.CLI_OUT)

    audit_command = commands.add_parser("audit", help=texts.CLI_AUDIT)
    score_command = commands.add_parser("score", help=texts.CLI_SCORE)
    for command in (audit_command, score_command):
        command.add_argument("--unit", help=texts.CLI_UNIT)
        command.add_argument("--year", type=int, help=texts.CLI_YEAR)
        db_option(command)
        command.add_argument("--format", choices=("table", "json"), default="table", help=texts.CLI_AUDIT_FORMAT)
    return parser


def open_database(args: argparse.Namespace):
    """A read-only connection, or None after saying in Chinese what to do: no database yet, or a --unit or
    --year that it does not hold (the units and years it holds are named)."""
    if not args.db.exists():
        print(texts.CLI_NO_DATABASE.format(db=args.db), file=sys.stderr)
        return None
    con = connect(args.db)
    unit, year = getattr(args, "unit", None), getattr(args, "year", None)
    if (unit is not None or year is not None) and not unit_years(con, unit, year):
        held = unit_years(con, None, None)
        print(texts.CLI_UNKNOWN_SCOPE.format(
            asked=" ".join(filter(None, [unit, str(year) if year is not None else None])),
            held=texts.LIST_JOIN.join(f"{code}（{texts.LIST_JOIN.join(str(y) for c, y in held if c == code)}）"
                                      for code in dict.fromkeys(c for c, _ in held))), file=sys.stderr)
        con.close()
        return None
    return con


def unit_years(con, unit_code: str | None, year: int | None) -> list[tuple[str, int]]:
    _, rows = fetch(con, "available_years", unit_code, year)
    return [(row[0], int(row[2])) for row in rows]


def run_audit(args: argparse.Namespace) -> int:
    con = open_database(args)
    if con is None:
        return 2
    try:
        findings = [found for unit_code, year in unit_years(con, args.unit, args.year)
                    for found in audit.run(UnitYear.of(partial(fetch_df, con), unit_code, year))]
    finally:
        con.close()
    frame = audit.findings_frame(findings)
    columns = ["unit_code", "year", "severity", "check", "check_label", "subject_kind", "subject", "subject_name",
               "message", "source"]
    shown = columns if args.format == "json" else [*unit_column(frame), "year", "severity", "check_label",
                                                   "subject_name", "message", "source"]
    write_frame(frame, shown, args.format)
    return 0


def unit_column(frame: pd.DataFrame) -> list[str]:
    """["unit_code"] when the rows come from more than one unit: a table must say whose row is whose."""
    return ["unit_code"] if frame["unit_code"].nunique() > 1 else []


def run_score(args: argparse.Namespace) -> int:
    con = open_database(args)
    if con is None:
        return 2
    try:
        frame = fetch_df(con, "evaluation_score", args.unit, args.year)
    finally:
        con.close()
    if args.format == "json":
        write_frame(frame, list(frame.columns), "json")
    else:
        write_frame(tables.score_table(frame), [*unit_column(frame), "year", *texts.SCORE_TABLE_COLUMNS], "table",
                    texts.SCORE_TABLE_COLUMNS)
    return 0


def run_export(args: argparse.Namespace) -> int:
    con = open_database(args)
    if con is None:
        return 2
    try:
        available = unit_years(con, args.unit, args.year)
        if args.year is None and available:  # the latest year of each unit
            latest = {unit: max(y for u, y in available if u == unit) for unit, _ in available}
            available = sorted(latest.items())
        if len(available) != 1:
            print(texts.CLI_EXPORT_NEEDS_ONE.format(count=len(available)), file=sys.stderr)
            return 2
        (unit_code, year), = available
        out = with_suffix(args.out, args.what)
        written = write_export(args.what, UnitYear.of(partial(fetch_df, con), unit_code, year), out, args.format)
    finally:
        con.close()
    print(texts.EXPORT_DONE.format(count=written, path=out))
    return 0


EXPORT_SUFFIXES = {"deck": ".pptx", "tables": ".xlsx", "html": ".html", "pdf": ".pdf"}  # charts: a folder


def with_suffix(out: Path, what: str) -> Path:
    """The output file with the extension its kind needs (`--out tables` writes tables.xlsx)."""
    suffix = EXPORT_SUFFIXES.get(what)
    return out if suffix is None or out.suffix.lower() == suffix else out.with_name(out.name + suffix)


def write_export(what: str, data: UnitYear, out: Path, image_format: str) -> int:
    """Write one export and say how many files it made."""
    if what == "tables":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(export.xlsx_bytes({name: export.headed(data.view(name)) for name in view_names()}))
        return 1
    content = deck.DeckContent.of(data)
    if what in ("html", "pdf"):
        page = deck.build_html(content)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(page.encode("utf-8") if what == "html" else export.pdf_from_html(page))
        return 1
    render = export.shared_renderer()
    if what == "deck":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(deck.build_deck(content, render))
        return 1
    out.mkdir(parents=True, exist_ok=True)
    for named in content.charts.values():
        (out / f"{named.key}.{image_format}").write_bytes(render(named.figure, image_format))
    return len(content.charts)


def run_load(args: argparse.Namespace) -> int:
    try:
        result = load(args.data, args.db)
    except LoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(texts.LOAD_FAILED.format(count=len(error.problems), db=args.db), file=sys.stderr)
        return 1
    except StoreError as error:
        print(error, file=sys.stderr)
        return 3
    print(texts.LOAD_OK.format(tables=result.tables, rows=result.rows, views=result.views, db=result.db_path))
    return 0


def run_check(args: argparse.Namespace) -> int:
    dataset = read_dataset(args.data)
    for problem in dataset.problems:
        print(problem, file=sys.stderr)
    if dataset.problems:
        print(texts.CHECK_FAILED.format(count=len(dataset.problems)), file=sys.stderr)
        return 1
    print(texts.CHECK_OK.format(files=len(dataset.tables), rows=dataset.row_count))
    return 0


def cell_text(value: object) -> str:
    """A value as CSV and the table print it: 14 not 14.0, 2200.15, true/false, empty for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return format(value, ".15g")
    return str(value)


def json_value(value: object) -> object:
    """Money (Decimal, two places) as a JSON number; 52318.07 prints as 52318.07."""
    return float(value) if isinstance(value, Decimal) else value


def run_query(args: argparse.Namespace) -> int:
    if args.view not in view_names():
        print(texts.CLI_UNKNOWN_VIEW.format(view=args.view, views="、".join(view_names())), file=sys.stderr)
        return 2
    con = open_database(args)
    if con is None:
        return 2
    try:
        columns, rows = fetch(con, args.view, args.unit, args.year)
    finally:
        con.close()
    write_rows(columns, rows, args.format, sys.stdout)
    return 0


def write_frame(frame: pd.DataFrame, columns: list[str], output_format: str,
                headers: dict[str, str] | None = None) -> None:
    """A DataFrame's columns to standard output, missing values as empty (null in JSON)."""
    rows = frame[columns].astype(object).where(frame[columns].notna(), None).values.tolist()
    write_rows([(headers or {}).get(c, c) for c in columns], rows, output_format, sys.stdout)


def write_rows(columns: list[str], rows: list[tuple], output_format: str, out) -> None:
    if output_format == "json":
        records = [{c: json_value(v) for c, v in zip(columns, row)} for row in rows]
        json.dump(records, out, ensure_ascii=False, indent=2, default=str)
        out.write("\n")
    elif output_format == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([[cell_text(v) for v in row] for row in rows])
    else:
        write_table(columns, rows, out)


def write_table(columns: list[str], rows: list[tuple], out) -> None:
    if not rows:
        out.write(texts.CLI_NO_ROWS + "\n")
        return
    cells = [columns] + [[cell_text(v) for v in row] for row in rows]
    widths = [max(display_width(row[i]) for row in cells) for i in range(len(columns))]
    for number, row in enumerate(cells):
        out.write("  ".join(cell + " " * (width - display_width(cell)) for cell, width in zip(row, widths)).rstrip())
        out.write("\n")
        if number == 0:
            out.write("  ".join("-" * width for width in widths) + "\n")


def display_width(text: str) -> int:
    """Terminal columns: a CJK character takes two."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


COMMANDS = {"load": run_load, "check": run_check, "query": run_query, "audit": run_audit, "score": run_score,
            "export": run_export}


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `perfboard query … | head` ends quietly
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
