"""The `perfboard` command: load, check and query the data (finance staff and the tests script with it)."""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import signal
import sys
from decimal import Decimal
from functools import partial
from pathlib import Path

import pandas as pd

from perfboard import accounts, audit, deck, desk, export, formatting, report_import, tables, texts, workbook
from perfboard.accounts import DEFAULT_ACCOUNTS_PATH, ROLES, VIEWER
from perfboard.database import (DEFAULT_DATA_DIR, DEFAULT_DB_PATH, LoadError, StaleVersionError, StoreError, connect,
                                current_build, current_version, fetch, fetch_df, load, progress_line, versions,
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

    def accounts_option(command: argparse.ArgumentParser) -> None:
        command.add_argument("--accounts", type=Path, default=accounts_path(),
                             help=texts.CLI_ACCOUNTS.format(default=accounts_path()))

    def who_options(command: argparse.ArgumentParser) -> None:
        command.add_argument("--comment", default="", help=texts.CLI_COMMENT)
        command.add_argument("--user", help=texts.CLI_PUBLISH_USER)
        accounts_option(command)

    load_command = commands.add_parser("load", help=texts.CLI_LOAD)
    data_option(load_command)
    db_option(load_command)
    load_command.add_argument("--if-empty", action="store_true", help=texts.CLI_LOAD_IF_EMPTY)

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
    export_command.add_argument("what", choices=("deck", "charts", "tables", "html", "pdf", "workbook"),
                                help=texts.CLI_EXPORT_WHAT)
    export_command.add_argument("--unit", help=texts.CLI_UNIT)
    export_command.add_argument("--year", type=int, help=texts.CLI_YEAR)
    db_option(export_command)
    export_command.add_argument("--format", choices=("png", "svg"), default="png", help=texts.CLI_IMAGE_FORMAT)
    export_command.add_argument("--out", type=Path, required=True, help=texts.CLI_OUT)

    template_command = commands.add_parser("template", help=texts.CLI_TEMPLATE)
    template_command.add_argument("--unit", help=texts.CLI_TEMPLATE_UNIT)
    template_command.add_argument("--year", type=int, help=texts.CLI_TEMPLATE_YEAR)
    template_command.add_argument("--out", type=Path, required=True, help=texts.CLI_OUT)
    db_option(template_command)

    for name, help_text in (("publish", texts.CLI_PUBLISH), ("diff", texts.CLI_DIFF)):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("path", type=Path, nargs="+", help=texts.CLI_PUBLISH_PATH)
        db_option(command)
        if name == "publish":
            who_options(command)

    import_command = commands.add_parser("import", help=texts.CLI_IMPORT)
    import_command.add_argument("report", type=Path, help=texts.CLI_IMPORT_REPORT)
    import_command.add_argument("--unit", required=True, help=texts.CLI_UNIT)
    import_command.add_argument("--year", type=int, help=texts.CLI_IMPORT_YEAR)
    import_command.add_argument("--out", type=Path, required=True, help=texts.CLI_IMPORT_OUT)
    import_command.add_argument("--unit-name", help=texts.CLI_IMPORT_UNIT_NAME)
    import_command.add_argument("--parent", default="", help=texts.CLI_IMPORT_PARENT)
    db_option(import_command)

    versions_command = commands.add_parser("versions", help=texts.CLI_VERSIONS)
    versions_command.add_argument("--format", choices=("table", "json"), default="table", help=texts.CLI_AUDIT_FORMAT)
    db_option(versions_command)

    restore_command = commands.add_parser("restore", help=texts.CLI_RESTORE)
    restore_command.add_argument("version", type=int, help=texts.CLI_RESTORE_VERSION)
    db_option(restore_command)
    who_options(restore_command)

    user_command = commands.add_parser("user", help=texts.CLI_USER)
    user_command.add_argument("action", choices=("add", "remove", "list", "passwd"), help=texts.CLI_USER_ACTION)
    user_command.add_argument("name", nargs="?", help=texts.CLI_USER_NAME)
    user_command.add_argument("--role", choices=ROLES, default=VIEWER, help=texts.CLI_USER_ROLE)
    accounts_option(user_command)

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
    if args.what == "workbook":  # the whole data of the current version, not one unit's year
        return write_workbook_file(args, lambda files: workbook.write_workbook(files))
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


EXPORT_SUFFIXES = {"deck": ".pptx", "tables": ".xlsx", "html": ".html", "pdf": ".pdf", "workbook": ".xlsx",
                   "template": ".xlsx"}  # charts: a folder


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


def say_progress(step: str) -> None:
    print(progress_line(step), file=sys.stderr, flush=True)


def run_load(args: argparse.Namespace) -> int:
    if args.if_empty and current_build(args.db) is not None:  # make run: never replace what editors published
        print(texts.LOAD_KEPT.format(version=current_version(args.db) or "?"))
        return 0
    try:
        result = load(args.data, args.db, audit_run=audit.every_unit_year, progress=say_progress)
    except LoadError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(texts.LOAD_FAILED.format(count=len(error.problems), db=args.db), file=sys.stderr)
        return 1
    except StoreError as error:
        print(error, file=sys.stderr)
        return 3
    print(texts.LOAD_OK.format(tables=result.tables, rows=result.rows, views=result.views, version=result.version,
                               db=result.db_path))
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
    widths = [max(formatting.display_width(row[i]) for row in cells) for i in range(len(columns))]
    for number, row in enumerate(cells):
        out.write("  ".join(cell + " " * (width - formatting.display_width(cell)) for cell, width in zip(row, widths)).rstrip())
        out.write("\n")
        if number == 0:
            out.write("  ".join("-" * width for width in widths) + "\n")


# ---- the data desk from the command line (docs/architecture.md, "The data desk") ---------------------

def accounts_path() -> Path:
    return Path(os.environ.get("PERFBOARD_ACCOUNTS") or DEFAULT_ACCOUNTS_PATH)


def write_workbook_file(args: argparse.Namespace, make) -> int:
    try:
        files = desk.current_files(args.db)
    except LookupError as error:
        print(error, file=sys.stderr)
        return 2
    out = with_suffix(args.out, args.command if args.command == "template" else "workbook")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(make(files))
    print(texts.EXPORT_DONE.format(count=1, path=out))
    return 0


def run_template(args: argparse.Namespace) -> int:
    if (args.unit is None) != (args.year is None):
        print(texts.CLI_TEMPLATE_BOTH, file=sys.stderr)
        return 2
    return write_workbook_file(args, lambda files: workbook.write_workbook(files, args.unit, args.year, template=True))


def staged_from(args: argparse.Namespace) -> desk.Staged:
    """PATH: one data directory (the whole data), or workbooks, zips and data files (changes to it)."""
    if len(args.path) == 1 and args.path[0].is_dir():
        return desk.stage_directory(args.db, args.path[0])
    return desk.stage_upload(args.db, [(path.name, path.read_bytes()) for path in args.path])


def checked_change(args: argparse.Namespace) -> tuple[desk.Staged, desk.Preview] | None:
    """The change staged, checked and previewed, printed; None (after printing the problems) when not valid."""
    missing = [str(path) for path in args.path if not path.exists()]
    if missing:
        print(texts.CLI_PATH_MISSING.format(paths="、".join(missing)), file=sys.stderr)
        return None
    staged = staged_from(args)
    dataset, problems = desk.check(staged)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(texts.CLI_CHANGE_REJECTED.format(count=len(problems)), file=sys.stderr)
        return None
    change = desk.preview(args.db, dataset, staged)
    print_preview(change)
    return staged, change


def print_preview(change: desk.Preview) -> None:
    print(change.summary())
    for label, changes in change.rows.items():
        for row in changes:
            if row.old is None:
                print(texts.CLI_ROW_ADDED.format(label=label, key=row.key))
            elif row.new is None:
                print(texts.CLI_ROW_REMOVED.format(label=label, key=row.key))
            else:
                print(texts.CLI_ROW_CHANGED.format(label=label, key=row.key, changes="；".join(
                    f"{name} {row.old.get(name) or '（空）'} → {row.new.get(name) or '（空）'}"
                    for name in row.changed_columns)))
    for line in change.seen:
        print(line)


def run_diff(args: argparse.Namespace) -> int:
    return 0 if ensure_versioned(args) and checked_change(args) is not None else 1


def ensure_versioned(args: argparse.Namespace) -> bool:
    if current_version(args.db) is None:
        print(texts.DESK_NO_VERSION, file=sys.stderr)
        return False
    return True


def publisher(args: argparse.Namespace) -> str | None:
    """Who publishes: --user, an editor account when accounts exist; else the login name on this server."""
    if args.user is None:
        return texts.EDITOR_SERVER_USER.format(name=getpass.getuser())
    account = accounts.read_accounts(args.accounts).get(args.user)
    if account is None or account.role != accounts.EDITOR:
        print(texts.CLI_NOT_AN_EDITOR.format(name=args.user), file=sys.stderr)
        return None
    return account.name


def publish_staged(args: argparse.Namespace, staged: desk.Staged, summary: str, comment: str) -> int:
    editor = publisher(args)
    if editor is None:
        return 2
    try:
        result = desk.publish(args.db, staged, editor, comment, summary, audit.every_unit_year, say_progress)
    except (LoadError, StaleVersionError, StoreError) as error:
        print(error, file=sys.stderr)
        return 3 if isinstance(error, StoreError) else 1
    accounts.record(args.accounts, editor, "publish", texts.CLI_PUBLISHED.format(version=result.version,
                                                                                  comment=comment))
    print(texts.CLI_PUBLISHED.format(version=result.version, comment=comment or texts.CLI_NO_COMMENT))
    return 0


def run_publish(args: argparse.Namespace) -> int:
    if not ensure_versioned(args):
        return 1
    checked = checked_change(args)
    if checked is None:
        return 1
    staged, change = checked
    if change.empty:
        print(texts.CLI_NOTHING_TO_PUBLISH)
        return 0
    return publish_staged(args, staged, change.summary(), args.comment)


def run_restore(args: argparse.Namespace) -> int:
    held = {v.number for v in versions(args.db)}
    if args.version not in held:
        print(texts.CLI_UNKNOWN_VERSION.format(version=args.version, held="、".join(map(str, sorted(held)))),
              file=sys.stderr)
        return 2
    staged = desk.stage_version(args.db, args.version)
    dataset, problems = desk.check(staged)  # a version was valid when published; the rules may have grown
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(texts.CLI_CHANGE_REJECTED.format(count=len(problems)), file=sys.stderr)
        return 1
    change = desk.preview(args.db, dataset, staged)
    print_preview(change)
    if change.empty:
        print(texts.CLI_NOTHING_TO_PUBLISH)
        return 0
    return publish_staged(args, staged, change.summary(),
                          texts.RESTORE_COMMENT.format(version=args.version, comment=args.comment))


def run_import(args: argparse.Namespace) -> int:
    """A draft of the unit-year from its report; publishing it is a separate, reviewed step."""
    if not ensure_versioned(args):
        return 1
    files = desk.current_files(args.db)
    units = [row["unit_code"] for row in workbook.csv_rows(files["units.csv"])]
    new_unit = report_import.NewUnit(args.unit_name, args.parent) if args.unit not in units and args.unit_name else None
    if args.unit not in units and new_unit is None:
        print(texts.CLI_IMPORT_UNKNOWN_UNIT.format(unit=args.unit, units="、".join(units)), file=sys.stderr)
        return 2
    try:
        raw = args.report.read_bytes()
    except OSError as error:
        reason = next((said for kind, said in texts.REPORT_NOT_OPENED.items() if isinstance(error, kind)),
                      texts.REPORT_NOT_OPENED_OTHER.format(code=error.errno))
        print(texts.IMPORT_UNREADABLE.format(file=args.report, reason=reason), file=sys.stderr)
        return 1
    try:
        year = args.year if args.year is not None else report_import.stated_year_of(args.report.name, raw)
        if year is None:
            print(texts.CLI_IMPORT_NO_YEAR.format(file=args.report), file=sys.stderr)
            return 2
        staged, draft = report_import.stage_report(files, current_version(args.db), args.report.name, raw, args.unit,
                                                   year, new_unit)
    except report_import.UnreadableReport as error:
        print(texts.IMPORT_UNREADABLE.format(file=args.report, reason=error), file=sys.stderr)
        return 1
    written = report_import.write_draft(staged, draft, args.out, args.unit, year)
    if draft.stated_year not in (None, year):
        print(texts.IMPORT_YEAR_DIFFERS.format(stated=draft.stated_year, title=draft.title, chosen=year),
              file=sys.stderr)
    print(texts.IMPORT_DONE.format(figures=draft.figure_count, words=draft.words_count,
                                   values=len(draft.indicator_values),
                                   new_indicators=len(draft.indicators),
                                   spending=len(draft.spending), scores=len(draft.evaluation),
                                   suggested=sum(f.kind == report_import.SUGGESTED for f in draft.figures),
                                   unclassified=sum(f.kind == report_import.UNCLASSIFIED for f in draft.figures),
                                   paths="、".join(map(str, written))))
    return 0


def run_versions(args: argparse.Namespace) -> int:
    held = versions(args.db)
    current = current_version(args.db)
    columns = ["number", "published_at", "editor", "comment", "summary", "based_on", "current"]
    rows = [(v.number, v.published_at, v.editor, v.comment, v.summary, v.based_on, v.number == current)
            for v in reversed(held)]
    write_rows(columns if args.format == "json" else [texts.VERSION_COLUMNS[c] for c in columns], rows,
               args.format, sys.stdout)
    return 0


def read_password() -> str:
    """From the terminal (asked twice, not echoed) or the first line of standard input; never an argument."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first, second = getpass.getpass(texts.USER_PASSWORD_PROMPT), getpass.getpass(texts.USER_PASSWORD_AGAIN)
    if first != second:
        raise accounts.AccountError(texts.USER_PASSWORD_MISMATCH)
    return first


def run_user(args: argparse.Namespace) -> int:
    by = texts.EDITOR_SERVER_USER.format(name=getpass.getuser())
    try:
        if args.action == "list":
            users = accounts.list_users(args.accounts)
            if users:
                write_rows([texts.LOGIN_NAME, texts.CLI_USER_ROLE_COLUMN],
                           [(a.name, texts.ROLE_LABELS[a.role]) for a in users], "table", sys.stdout)
            else:
                print(texts.USER_NONE)
            return 0
        if not args.name:
            raise accounts.AccountError(texts.CLI_USER_NEEDS_NAME)
        if args.action == "add":
            accounts.add_user(args.accounts, args.name, args.role, read_password(), by)
            print(texts.USER_ADDED.format(name=args.name, role=texts.ROLE_LABELS[args.role]))
        elif args.action == "remove":
            accounts.remove_user(args.accounts, args.name, by)
            print(texts.USER_REMOVED.format(name=args.name))
        else:
            accounts.set_password(args.accounts, args.name, read_password(), by)
            print(texts.USER_PASSWORD_SET.format(name=args.name))
    except accounts.AccountError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


COMMANDS = {"load": run_load, "check": run_check, "query": run_query, "audit": run_audit, "score": run_score,
            "export": run_export, "template": run_template, "publish": run_publish, "diff": run_diff,
            "versions": run_versions, "restore": run_restore, "user": run_user, "import": run_import}


def main(argv: list[str] | None = None) -> int:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `perfboard query … | head` ends quietly
    args = build_parser().parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
