"""Every query file creates a view that runs; the rate and grade macros follow docs/architecture.md, Domain rules."""

from __future__ import annotations

import pytest

from perfboard.database import connect, fetch, view_names


def test_queries_folder_holds_the_views_the_pages_use():
    assert {"indicator_progress", "indicator_yoy", "headline_progress", "spending_structure"} <= set(view_names())


HIERARCHY_VIEWS = {"unit_children"}  # the seed holds one unit: these views are tried on a generated county


@pytest.mark.parametrize("view", view_names())
def test_every_query_file_creates_a_view_that_runs(seed_db, county, view):
    con = connect(county[1] if view in HIERARCHY_VIEWS else seed_db)
    try:
        columns, rows = fetch(con, view)
    finally:
        con.close()
    assert "unit_code" in columns and "year" in columns  # every view can be filtered by unit and year
    assert rows, f"{view} returns no rows"


@pytest.mark.parametrize("view", view_names())
def test_every_query_file_is_a_chain_of_named_ctes(view):
    from perfboard.database import view_sql

    sql = view_sql(view).lower()
    assert "with" in sql and "final as (" in sql and "select * from final" in sql


@pytest.mark.parametrize(("direction", "target", "actual", "expected"), [
    ("higher", 2100, 2200.15, 2200.15 / 2100),  # 立项争资, 一(三)/四.1: 2200.15 / 2100 = 1.047690…
    ("higher", 25, 12.96, 0.5184),              # 资金筹措, 四.5: 12.96 / 25 = 0.5184
    ("higher", 4.28, 4.28, 1.0),                # 税收入库: actual equals target
    ("higher", 0, 5, None),                     # a zero target has no meaningful ratio
    ("lower", 10, 8, 1.0),                      # under a ceiling: achieved
    ("lower", 10, 12.5, 0.8),                   # 10 / 12.5 = 0.8
    ("lower", 0, 0, 1.0),                       # docs/architecture.md: lower with A = 0 and B = 0 is achieved
    ("lower", 0, 3, 0.0),                       # 0 / 3
    ("equal", 65, 65, 1.0),
    ("equal", 50, 40, 0.8),                     # min(40/50, 50/40) = 0.8
    ("equal", 50, 62.5, 0.8),                   # min(62.5/50, 50/62.5) = 0.8
    ("equal", 0, 2, 0.0),
    ("higher", None, 5, None),                  # no target: no rate
    ("higher", 5, None, None),                  # no actual: no rate
])
def test_completion_rate(macros, direction, target, actual, expected):
    (rate,) = macros.execute("select completion_rate(?, ?::double, ?::double)", [direction, target, actual]).fetchone()
    assert rate == pytest.approx(expected) if expected is not None else rate is None


@pytest.mark.parametrize(("current", "previous", "expected"), [
    (35.44, 32.0347, (35.44 - 32.0347) / 32.0347),  # the formula itself
    (110, 100, 0.1),
    (90, 100, -0.1),
    (5, 0, None),     # last year zero: no rate, not an error
    (5, None, None),  # last year missing
])
def test_yoy_rate(macros, current, previous, expected):
    (rate,) = macros.execute("select yoy_rate(?::double, ?::double)", [current, previous]).fetchone()
    assert rate == pytest.approx(expected) if expected is not None else rate is None


@pytest.mark.parametrize(("score", "expected"), [
    (100, "优"), (98, "优"), (90, "优"), (89.99, "良"), (80, "良"), (79.99, "中"), (60, "中"), (59.99, "差"), (0, "差"),
    (None, None),
])
def test_grade_boundaries(macros, score, expected):
    (grade,) = macros.execute("select grade(?::double)", [score]).fetchone()
    assert grade == expected


@pytest.mark.parametrize(("table", "column", "order"), [
    ("rule_statuses", "status", "PROJECT_STATUSES"),
    ("rule_weights", "level1", "SCORE_ROWS"),
])
def test_rule_tables_order_closed_lists_as_the_schema_declares_them(macros, table, column, order):
    from perfboard import schema

    key = "status_order" if table == "rule_statuses" else "level1_order"
    listed = [row[0] for row in macros.execute(f"select {column} from {table} order by {key}").fetchall()]
    assert tuple(listed) == getattr(schema, order)


def test_a_rule_changed_in_rules_py_changes_the_views(monkeypatch):
    """One rule, one place: the grade bands and the 150% line live in perfboard/rules.py only."""
    import duckdb

    from perfboard import rules
    from perfboard.database import create_macros

    monkeypatch.setattr(rules, "GRADE_BANDS", (("优", 95), ("良", 80), ("中", 60), ("差", 0)))
    monkeypatch.setattr(rules, "FAR_ABOVE_TARGET", 1.2)
    con = duckdb.connect()
    create_macros(con)
    assert con.execute("select grade(92), far_above_target(1.3)").fetchone() == ("良", True)
    con.close()


def test_spending_structure_walks_the_longest_chain_the_loader_lets_through():
    """A chain of MAX_SPENDING_DEPTH items (loader.check_spending_trees refuses longer ones), written child
    before parent: each item finds its root, depth and shares, and the view lists them root first."""
    import duckdb

    from perfboard.database import table_ddl, view_sql
    from perfboard.schema import MAX_SPENDING_DEPTH, TABLES_BY_NAME

    con = duckdb.connect()
    con.execute(table_ddl(TABLES_BY_NAME["spending"]))
    # item i sits under item i − 1 and is half of it: 2^(depth − 1), …, 2, 1 万元 (hand calculation)
    chain = [("u", 2024, f"i{i}", f"i{i - 1}" if i else None, f"第{i}级", None, None, 2 ** (MAX_SPENDING_DEPTH - 1 - i),
              None, None, "测试数据", None, 100 - i) for i in range(MAX_SPENDING_DEPTH)]
    con.executemany(f"insert into spending values ({', '.join('?' * 13)})", chain)
    rows = con.execute(f"select item_code, root_code, depth, share_of_parent, share_of_total from "
                       f"({view_sql('spending_structure')})").fetchall()
    con.close()
    assert [row[0] for row in rows] == [f"i{i}" for i in range(MAX_SPENDING_DEPTH)]
    assert {row[1] for row in rows} == {"i0"} and [row[2] for row in rows] == list(range(MAX_SPENDING_DEPTH))
    assert [row[3] for row in rows] == [None, *[pytest.approx(0.5)] * (MAX_SPENDING_DEPTH - 1)]
    assert float(rows[-1][4]) == pytest.approx(round(0.5 ** (MAX_SPENDING_DEPTH - 1), 4))


@pytest.mark.parametrize("dataset", ["seed_db", "county"])
@pytest.mark.parametrize("view", view_names())
def test_a_published_version_stores_each_view_as_the_rows_its_query_gives(request, dataset, view):
    """docs/architecture.md, "Views computed once per version": each view is a table of its rows, in its order;
    the views that read the audit's findings were stored after the audit (their rows still match)."""
    from perfboard.database import view_sql

    db = request.getfixturevalue(dataset)
    con = connect(db if dataset == "seed_db" else db[1])
    try:
        (kind,) = con.execute("select table_type from information_schema.tables where table_name = ?",
                              [view]).fetchone()
        stored = con.execute(f"select * from {view}").fetchall()
        computed = con.execute(view_sql(view)).fetchall()
    finally:
        con.close()
    assert kind == "BASE TABLE"
    ordered = "order by" in view_sql(view).lower()
    assert (stored == computed) if ordered else (sorted(map(repr, stored)) == sorted(map(repr, computed)))


@pytest.mark.parametrize("dataset", ["seed_db", "county"])
@pytest.mark.parametrize("view", view_names())
def test_fetch_df_reads_through_arrow_what_duckdb_df_gives(request, dataset, view):
    """database.as_frame: the same frame as DuckDB's `.df()`, dtype for dtype and bit for bit (money as float,
    missing integers and booleans nullable, an empty text column as None), for a unit-year and for all rows."""
    import pandas as pd

    from perfboard.database import fetch_df, select_view

    db = request.getfixturevalue(dataset)
    con = connect(db if dataset == "seed_db" else db[1])
    try:
        unit_code, year = con.execute("select unit_code, max(year) from available_years group by all "
                                      "order by all limit 1").fetchone()
        for scope in ((None, None), (unit_code, year)):
            expected = con.cursor().execute(*select_view(view, *scope)).df()
            pd.testing.assert_frame_equal(fetch_df(con, view, *scope), expected, check_dtype=True, check_exact=True)
    finally:
        con.close()
