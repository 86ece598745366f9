"""The county at scale, measured side by side in one run (issue 11): each figure is a ratio of medians
(--rounds, at least 5) of our code against a baseline on the same data, on the seed and on a generated
county (bench/county.py, 模拟数据, written to a temporary folder, never to data/). It asserts nothing.

    .venv/bin/python bench/county_speed.py [--units 200] [--years 10] [--items 500] [--rounds 5]
        [--only load,views,pages,browser,memory,curve] [--curve 1,20,200,1000]

- load:    `perfboard load` (every check, the audit stored, the version written) ÷ DuckDB alone reading the same
           CSV files into typed tables; and the same without the audit.
- views:   pandas computing indicator progress and spending structure over all units (bench/pandas_views.py: the
           views' very rows, tested) ÷ the DuckDB views, as a page reads them (stored once per version,
           database.materialize) and computed from the source tables through their whole chain of queries.
- pages:   each page's script run in AppTest ÷ an empty page of the same app (same sidebar, same store), first
           visit after the caches are cleared and a rerun.
- browser: Chromium, navigation to the first drawn chart on 总览 and 全部单位 ÷ a one-chart Streamlit page.
- memory:  the app server's peak resident memory after Chromium visits every page.
- curve:   load and the 全部单位 page at 1, 20, 200 and 1,000 units (years and items as given; the rows per
           file stay under the loader's limit of 1.5 million).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.county import County, write_county  # noqa: E402
from perfboard.database import DEFAULT_DATA_DIR, fetch_df  # noqa: E402

PAGES = ("overview", "targets", "spending", "trends", "projects", "report", "score", "audit", "county", "present")

# Each load runs in a fresh process, so that nothing is cached and its peak memory is its own.
OURS = """
import json, resource, sys, time
from pathlib import Path
from perfboard import audit
from perfboard.database import load
started = time.perf_counter()
load(Path(sys.argv[1]), Path(sys.argv[2]), audit_run=audit.every_unit_year if sys.argv[3] == "audit" else None)
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""
DUCKDB_ALONE = """
import json, resource, sys, time
from pathlib import Path
import duckdb
from perfboard.schema import TABLES
started = time.perf_counter()
con = duckdb.connect(sys.argv[2])
for table in TABLES:
    path = Path(sys.argv[1]) / table.file_name
    if not path.exists():
        continue
    with path.open(encoding="utf-8-sig") as handle:  # the file's own columns (optional ones may be absent)
        header = handle.readline().strip().split(",")
    columns = {c.name: c.kind.sql_type for c in table.columns if c.name in header}
    columns = {name: columns[name] for name in header}
    con.execute(f"create table {table.name} as select * from read_csv(?, header=true, columns=$cols, "
                "auto_detect=false)".replace("$cols", repr(columns)), [str(path)])
con.execute("checkpoint")
con.close()
print(json.dumps({"seconds": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def median(values: list[float]) -> float:
    return statistics.median(values)


def run_script(script: str, *args: str) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


def measure_load(data: Path, work: Path, rounds: int, audit: bool = True) -> tuple[dict, dict]:
    """(ours, DuckDB alone): median seconds and peak MB, alternating runs on the same files."""
    ours, alone = [], []
    for _ in range(rounds):
        ours.append(run_script(OURS, str(data), str(fresh(work / "ours") / "p.duckdb"), "audit" if audit else "-"))
        alone.append(run_script(DUCKDB_ALONE, str(data), str(fresh(work / "alone") / "p.duckdb")))
    summary = lambda runs: {key: median([r[key] for r in runs]) for key in ("seconds", "peak_mb")}  # noqa: E731
    return summary(ours), summary(alone)


def report_load(name: str, data: Path, work: Path, rounds: int) -> None:
    for audit in (True, False):
        ours, alone = measure_load(data, work, rounds, audit)
        label = "perfboard load" + ("" if audit else "（不含审核）")
        print(f"[load] {name}: {label} {ours['seconds']:.2f} s ÷ DuckDB alone {alone['seconds']:.2f} s = "
              f"{ours['seconds'] / alone['seconds']:.1f}×; peak {ours['peak_mb']:.0f} MB vs {alone['peak_mb']:.0f} MB")


def source_copy(db: Path):
    """An in-memory database holding the store's source tables (with the audit's findings) and every view as a
    plain view, unstored: reading one runs the whole chain of queries from the source tables, as pandas must."""
    import duckdb

    from perfboard.database import create_finding_tables, create_views
    from perfboard.schema import NARRATIVE_TABLE, TABLES

    con = duckdb.connect()
    con.execute("attach ? as store (read_only)", [str(db)])
    for name in [table.name for table in TABLES] + [NARRATIVE_TABLE.name]:
        con.execute(f"create table {name} as select * from store.{name}")  # names from perfboard/schema.py
    create_finding_tables(con)
    con.execute("insert into findings select * from store.findings")
    con.execute("insert into audited select * from store.audited")
    con.execute("detach store")
    create_views(con)
    return con


def report_views(name: str, db: Path, rounds: int) -> None:
    import duckdb

    from bench import pandas_views
    from perfboard.database import as_frame

    con = duckdb.connect(str(db), read_only=True)
    computing = source_copy(db)
    tables = pandas_views.source_tables(con)
    baselines = {"indicator_progress": pandas_views.indicator_progress,
                 "spending_structure": pandas_views.spending_structure}
    for view, baseline in baselines.items():
        # Served: the view as a page reads it, stored once per version (database.materialize), as the pandas frame
        # pages get (fetch_df) and as Arrow. Computed: the view's whole chain of queries run from the source
        # tables, in memory, as a pandas frame: the same work as the pandas baseline (tests/test_pandas_views.py).
        runs: dict[str, list[float]] = {"served, to pandas": [], "served, to Arrow": [],
                                        "computed from the tables, to pandas": []}
        pandas_s = []
        for _ in range(rounds):
            for label, read in (("served, to pandas", lambda: fetch_df(con, view)),
                                ("served, to Arrow", lambda: con.sql(f"select * from {view}").to_arrow_table()),
                                ("computed from the tables, to pandas",
                                 lambda: as_frame(computing.sql(f"select * from {view}")))):
                started = time.perf_counter()
                rows = len(read())
                runs[label].append(time.perf_counter() - started)
            started = time.perf_counter()
            pandas_rows = len(baseline(tables))
            pandas_s.append(time.perf_counter() - started)
        pandas_ms = median(pandas_s) * 1000
        for label, times in runs.items():
            ours_ms = median(times) * 1000
            print(f"[views] {name}: {view} ({rows:,} rows; pandas {pandas_rows:,}): pandas {pandas_ms:.0f} ms ÷ "
                  f"DuckDB {label} {ours_ms:.0f} ms = DuckDB {pandas_ms / ours_ms:.1f}× faster")
    computing.close()
    con.close()


def app_copy(folder: Path) -> Path:
    """The app with one more, empty page (the baseline): app.py copied, screens/ linked file by file, and the
    app's Streamlit settings (.streamlit/, read from the working folder)."""
    (folder / "screens").mkdir(parents=True)
    (folder / ".streamlit").symlink_to(ROOT / ".streamlit")
    for page in (ROOT / "screens").glob("*.py"):
        (folder / "screens" / page.name).symlink_to(page)
    (folder / "screens" / "empty_page.py").write_text("import streamlit as st\n", encoding="utf-8")
    app = (ROOT / "app.py").read_text(encoding="utf-8").replace(
        "LOGIN_PAGE = PageEntry(",
        'PAGES = (*PAGES, PageEntry("screens/empty_page.py", "空白页", ":material/check_box_outline_blank:", "empty"))\n'
        "LOGIN_PAGE = PageEntry(")
    (folder / "app.py").write_text(app, encoding="utf-8")
    return folder / "app.py"


PAGE_TIMES = """
import json, os, sys, time
from streamlit.testing.v1 import AppTest
import streamlit as st
app, pages, rounds = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3])
at = AppTest.from_file(app, default_timeout=600)
at.query_params["unit"], at.query_params["year"] = sys.argv[4], sys.argv[5]
at.run()
def timed(page):
    started = time.perf_counter()
    at.switch_page(f"screens/{page}_page.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return time.perf_counter() - started
times = {page: {"first": [], "rerun": []} for page in ["empty", *pages]}
for _ in range(rounds):
    for page in ["empty", *pages]:
        st.cache_data.clear()
        st.cache_resource.clear()
        times[page]["first"].append(timed(page))
        times[page]["rerun"].append(timed(page))
print(json.dumps(times))
"""


def report_pages(name: str, data: Path, db: Path, work: Path, rounds: int, unit: str, year: int,
                 pages: tuple[str, ...] = PAGES) -> dict[str, float]:
    app = app_copy(fresh(work / "app"))
    env = {**os.environ, "PERFBOARD_DATA": str(data), "PERFBOARD_DB": str(db)}
    done = subprocess.run([sys.executable, "-c", PAGE_TIMES, str(app), ",".join(pages), str(rounds), unit, str(year)],
                          cwd=app.parent, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    times = json.loads(done.stdout.strip().splitlines()[-1])
    empty = {kind: median(times["empty"][kind]) for kind in ("first", "rerun")}
    ratios = {}
    for page in pages:
        first, rerun = median(times[page]["first"]), median(times[page]["rerun"])
        ratios[page] = rerun / empty["rerun"]
        print(f"[pages] {name}: {page:9} first visit {first * 1000:6.0f} ms ÷ empty {empty['first'] * 1000:.0f} ms = "
              f"{first / empty['first']:5.1f}×; rerun {rerun * 1000:6.0f} ms ÷ empty {empty['rerun'] * 1000:.0f} ms = "
              f"{ratios[page]:4.1f}×")
    return ratios


MINIMAL_CHART_APP = """
import plotly.graph_objects as go
import streamlit as st
st.title("一张图")
st.plotly_chart(go.Figure(go.Bar(x=["甲", "乙"], y=[1, 2])))
"""


def first_chart_seconds(browser, url: str) -> float:
    page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(".js-plotly-plot .main-svg", timeout=120_000)
    seconds = time.perf_counter() - started
    page.close()
    return seconds


def report_browser(name: str, data: Path, db: Path, work: Path, rounds: int, unit: str, year: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, app_server

    minimal = fresh(work / "minimal") / "app.py"
    minimal.write_text(MINIMAL_CHART_APP, encoding="utf-8")
    env = {"PERFBOARD_DATA": str(data), "PERFBOARD_DB": str(db)}
    with app_server(env) as ours, app_server({}, script=minimal) as baseline, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        first_chart_seconds(browser, ours)  # the first visit of a server registers its pages
        first_chart_seconds(browser, baseline)
        for path in ("", "county"):
            times, base = [], []
            for _ in range(rounds):
                times.append(first_chart_seconds(browser, f"{ours}/{path}?unit={unit}&year={year}"))
                base.append(first_chart_seconds(browser, baseline))
            print(f"[browser] {name}: {path or 'overview'} first chart {median(times):.2f} s ÷ one-chart page "
                  f"{median(base):.2f} s = {median(times) / median(base):.2f}×")
        browser.close()


def report_memory(name: str, data: Path, db: Path, unit: str, year: int) -> None:
    from playwright.sync_api import sync_playwright

    from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, app_server

    env = {"PERFBOARD_DATA": str(data), "PERFBOARD_DB": str(db)}
    with app_server(env) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080}, locale="zh-CN")
        page.goto(url)
        page.wait_for_selector("h1", timeout=120_000)
        for path in PAGES:
            page.goto(f"{url}/{'' if path == 'overview' else path}?unit={unit}&year={year}")
            page.wait_for_selector("h1, .st-key-key_message", timeout=120_000)
            page.wait_for_timeout(3000)
        browser.close()
        port = url.rsplit(":", 1)[1]
        pid = subprocess.run(["fuser", f"{port}/tcp"], capture_output=True, text=True).stdout.split()
        peak = server_peak_mb(int(pid[0])) if pid else None
    print(f"[memory] {name}: app server peak after visiting every page: "
          + (f"{peak:.0f} MB" if peak else "unknown (fuser found no process)"))


def server_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("VmHWM not found")


def report_curve(work: Path, sizes: list[int], county: County, rounds: int) -> None:
    for units in sizes:
        data = fresh(work / f"curve_{units}") / "data"
        shape = County(units, county.years, county.items, county.seed)
        write_county(data, shape)
        ours, alone = measure_load(data, work, max(1, rounds // 5 if units >= 1000 else rounds))
        db = fresh(work / f"curve_db_{units}") / "p.duckdb"
        run_script(OURS, str(data), str(db), "audit")
        page = report_pages(f"{units} units", data, db, work, max(1, rounds // 5 if units >= 1000 else rounds),
                            "u000", 2024, ("county",))
        print(f"[curve] {units:>5} units × {shape.years} years × {shape.items} items: load {ours['seconds']:.1f} s "
              f"(DuckDB alone {alone['seconds']:.2f} s), 全部单位 rerun {page['county']:.1f}× an empty page")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    defaults = County()
    parser.add_argument("--units", type=int, default=defaults.units)
    parser.add_argument("--years", type=int, default=defaults.years)
    parser.add_argument("--items", type=int, default=defaults.items)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="load,views,pages,browser,memory,curve")
    parser.add_argument("--curve", default="1,20,200,1000")
    parser.add_argument("--curve-items", type=int, default=100, help="spending items per unit-year on the curve")
    args = parser.parse_args()
    parts = set(args.only.split(","))
    shape = County(args.units, args.years, args.items)
    with tempfile.TemporaryDirectory(prefix="perfboard-bench-") as folder:
        work = Path(folder)
        county_data = work / "county"
        started = time.perf_counter()
        counts = write_county(county_data, shape)
        print(f"模拟数据: {shape.units} units × {shape.years} years, {counts['spending']:,} spending rows, "
              f"{counts['narrative_sections']:,} report sections (written in {time.perf_counter() - started:.0f} s)")
        county_db = fresh(work / "county_db") / "p.duckdb"
        seed_db = fresh(work / "seed_db") / "p.duckdb"
        if parts - {"load", "curve"}:
            run_script(OURS, str(DEFAULT_DATA_DIR), str(seed_db), "audit")
            run_script(OURS, str(county_data), str(county_db), "audit")
        cases = (("seed", DEFAULT_DATA_DIR, seed_db, "taojiang_hitech"), ("county", county_data, county_db, "u000"))
        for name, data, db, unit in cases:
            if "load" in parts:
                report_load(name, data, work, args.rounds)
            if "views" in parts:
                report_views(name, db, args.rounds)
            if "pages" in parts:
                report_pages(name, data, db, work, args.rounds, unit, 2024)
            if "browser" in parts:
                report_browser(name, data, db, work, args.rounds, unit, 2024)
            if "memory" in parts:
                report_memory(name, data, db, unit, 2024)
        if "curve" in parts:
            report_curve(work, [int(n) for n in args.curve.split(",")], County(1, args.years, args.curve_items),
                         args.rounds)


if __name__ == "__main__":
    main()
