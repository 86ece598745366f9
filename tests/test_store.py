"""The store: a load or publish that fails at any point (a full disk, a read-only directory, a kill) leaves the
previous build current; leftovers are removed by the next load; readers and writers in many threads never
see an error or a mix; the app serves the current build from a directory it cannot write."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from perfboard.database import (DEFAULT_DATA_DIR, Readers, builds_dir, current_build, ensure_database, fetch,
                                load)
from tests.conftest import SEED_UNIT, SEED_YEAR, set_cells

ROOT = Path(__file__).resolve().parent.parent


def in_private_mounts(script: str, tmp_path: Path) -> dict:
    """Run `script` (Python) as root in a mount namespace of its own, so that it may mount a small tmpfs or a
    read-only bind without touching the machine; it prints one JSON object, returned here."""
    path = tmp_path / "scenario.py"
    path.write_text(textwrap.dedent(script), encoding="utf-8")
    done = subprocess.run(["unshare", "--mount", "--propagation", "private", sys.executable, str(path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_full_disk_leaves_the_previous_build_current_and_says_so(tmp_path):
    """A 48 MB filesystem: the seed loads, the disk is filled, the next load fails with exit 3 and a Chinese
    message; the old build is current and byte-identical; once there is room again a load succeeds and
    nothing of the failed one is left."""
    result = in_private_mounts(f"""
        import hashlib, json, os, subprocess, sys
        from pathlib import Path
        disk = Path({str(tmp_path / "disk")!r}); disk.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(disk)], check=True)
        db = disk / "perfboard.duckdb"
        cli = [sys.executable, "-m", "perfboard.cli", "load", "--data", {str(DEFAULT_DATA_DIR)!r}, "--db", str(db)]
        first = subprocess.run(cli, capture_output=True, text=True)
        before = (os.path.realpath(db), hashlib.sha256(db.read_bytes()).hexdigest())
        with open(disk / "filler", "wb") as filler:  # fill the disk to its last megabyte
            try:
                while os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize > 1024 * 1024:
                    filler.write(b"0" * 65536); filler.flush()
            except OSError:
                pass
        failed = subprocess.run(cli, capture_output=True, text=True)
        after = (os.path.realpath(db), hashlib.sha256(db.read_bytes()).hexdigest())
        left_after_failure = sorted(p.name for p in disk.rglob("*.building*"))
        (disk / "filler").unlink()
        again = subprocess.run(cli, capture_output=True, text=True)
        print(json.dumps({{"first": first.returncode, "failed": failed.returncode, "stderr": failed.stderr,
                          "same": before == after, "again": again.returncode,
                          "left": sorted(p.name for p in disk.rglob("*.building*")),
                          "left_after_failure": left_after_failure}}))
    """, tmp_path)
    assert result["first"] == 0 and result["again"] == 0
    assert result["failed"] == 3
    assert "数据库未更新：磁盘空间不足" in result["stderr"] and "保持不变" in result["stderr"]
    assert "Traceback" not in result["stderr"]
    assert result["same"]  # the pointer names the old build, and its bytes are unchanged
    assert result["left"] == [] and result["left_after_failure"] == []


def test_a_read_only_directory_serves_the_current_build_and_refuses_a_load(tmp_path):
    """The database directory is mounted read-only: every page renders from the current build (no page
    crashes for want of a lock or a rebuild), and a load exits 3 naming the cause."""
    db = tmp_path / "db" / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    result = in_private_mounts(f"""
        import json, os, subprocess, sys
        from pathlib import Path
        folder = {str(db.parent)!r}
        subprocess.run(["mount", "--bind", folder, folder], check=True)
        subprocess.run(["mount", "-o", "remount,bind,ro", folder], check=True)
        os.environ["PERFBOARD_DB"] = {str(db)!r}
        from streamlit.testing.v1 import AppTest
        crashed = []
        for page in ["screens/overview_page.py", "screens/targets_page.py", "screens/audit_page.py"]:
            at = AppTest.from_file({str(ROOT / "app.py")!r}, default_timeout=60)
            at.run()
            if page != "screens/overview_page.py":
                at.switch_page(page).run()
            crashed += [page for _ in at.exception] + [page for _ in at.error]
        cards = {{m.label: m.value for m in AppTest.from_file({str(ROOT / "app.py")!r}, default_timeout=60).run().metric}}
        loaded = subprocess.run([sys.executable, "-m", "perfboard.cli", "load", "--db", {str(db)!r}],
                                capture_output=True, text=True)
        print(json.dumps({{"crashed": crashed, "tax": cards.get("税收入库"), "load": loaded.returncode,
                          "stderr": loaded.stderr}}))
    """, tmp_path)
    assert result["crashed"] == []
    assert result["tax"] == "4.28亿元"  # 四.1
    assert result["load"] == 3 and "数据库目录不可写" in result["stderr"]
    assert "Traceback" not in result["stderr"]


def test_leftovers_of_a_killed_load_are_removed_by_the_next(tmp_path):
    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    killed = [builds_dir(db) / "20250101T000000-dead.duckdb.building", builds_dir(db) / "x.duckdb.building.wal",
              tmp_path / ".perfboard.duckdb.1234.building", tmp_path / ".perfboard.duckdb.abc.link"]
    for path in killed:
        path.write_bytes(b"half written")
    load(DEFAULT_DATA_DIR, db)
    assert [path for path in killed if path.exists()] == []


def test_a_killed_load_leaves_the_old_or_the_new_build_current(tmp_path):
    """SIGKILL at 20 moments of a load: each time the current build opens and holds the old or the new data."""
    import os
    import shutil
    import signal
    import time

    data = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, data)
    db = tmp_path / "perfboard.duckdb"
    load(data, db)
    set_cells(data / "indicator_values.csv", {"indicator_code": "tax_revenue"}, actual="5.28")
    seen = set()
    for attempt in range(20):
        process = subprocess.Popen([sys.executable, "-m", "perfboard.cli", "load", "--data", str(data), "--db",
                                    str(db)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.15 + attempt * 0.06)  # from start-up to after the switch, across the attempts
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        seen.add(tax_actual(db))
    assert seen <= {4.28, 5.28} and seen  # 四.1 and the edited value; never an error or another value
    load(data, db)
    assert not list(tmp_path.rglob("*.building*"))


def tax_actual(db: Path, readers: Readers | None = None) -> float:
    """The 2024 tax actual as the current build holds it (四.1: 4.28)."""
    con = (readers or Readers()).connection(current_build(db))
    columns, rows = fetch(con, "indicator_progress", SEED_UNIT, SEED_YEAR)
    return next(float(row[columns.index("actual")]) for row in rows
                if row[columns.index("indicator_code")] == "tax_revenue")


@contextmanager
def readers_during(db: Path, threads: int = 8) -> Iterator[tuple[list[float], list[str]]]:
    """Threads reading the tax actual over and over while the block runs: (answers, errors) once it ends."""
    readers, errors, answers, stop = Readers(), [], [], threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                answers.append(tax_actual(db, readers))
            except Exception as error:  # noqa: BLE001 - the tests count every kind
                errors.append(repr(error))

    running = [threading.Thread(target=read) for _ in range(threads)]
    for thread in running:
        thread.start()
    try:
        yield answers, errors
    finally:
        stop.set()
        for thread in running:
            thread.join()


def test_readers_see_one_version_exactly_while_loads_run(tmp_path):
    """8 threads query while 12 loads alternate two data sets: no error, every answer is 4.28 or 5.28."""
    import shutil

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DEFAULT_DATA_DIR, old)
    shutil.copytree(DEFAULT_DATA_DIR, new)
    set_cells(new / "indicator_values.csv", {"indicator_code": "tax_revenue"}, actual="5.28")
    db = tmp_path / "perfboard.duckdb"
    load(old, db)
    with readers_during(db) as (answers, errors):
        for number in range(12):
            load(new if number % 2 == 0 else old, db)
    assert errors == []
    assert set(answers) == {4.28, 5.28} and len(answers) > 12


def test_many_first_visits_build_once_without_racing(tmp_path):
    """Eight sessions open an app with no database yet: one builds, the others wait and read that build
    (every server thread once built into the same staging file: 38 of 50 visits crashed)."""
    db = tmp_path / "perfboard.duckdb"
    results, errors = [], []

    def visit() -> None:
        try:
            results.append(ensure_database(DEFAULT_DATA_DIR, db))
        except Exception as error:  # noqa: BLE001
            errors.append(repr(error))

    threads = [threading.Thread(target=visit) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(set(results)) == 1 and len(list(builds_dir(db).glob("*.duckdb"))) == 1


@pytest.mark.parametrize("refusal", [None, "data", "disk"])
def test_a_build_made_by_other_code_is_rebuilt_from_its_own_files_once(tmp_path, monkeypatch, refusal):
    """An upgrade changes a view (headline_progress gained headline_basis): the app's first visit publishes the
    current version's own files again as the next version, once; if the new code refuses them, or the disk is
    full, the old build stays current and nothing is lost."""
    from perfboard import database, texts
    from perfboard.database import LoadError, current_version, format_of, version_files, versions

    db = tmp_path / "perfboard.duckdb"
    with monkeypatch.context() as old_code:
        old_code.setattr(database, "build_format", lambda: "the code before the upgrade")
        load(DEFAULT_DATA_DIR, db)
    old_build = current_build(db)
    assert format_of(old_build) == "the code before the upgrade"
    tries = []
    if refusal is not None:
        def refused(*_args, **_kwargs):
            tries.append(refusal)
            raise LoadError([]) if refusal == "data" else OSError(28, "No space left on device")
        monkeypatch.setattr(database, "build_and_switch", refused)
    assert ensure_database(DEFAULT_DATA_DIR, db) == current_build(db)
    ensure_database(DEFAULT_DATA_DIR, db)  # the second visit finds the build of this code
    if refusal is not None:  # tried on the first visit only, not on every page run after it
        assert current_build(db) == old_build and current_version(db) == 1 and tries == [refusal]
        return
    assert current_version(db) == 2 and format_of(current_build(db)) == database.build_format()
    assert versions(db)[-1].comment == texts.COMMENT_REBUILT.format(number=1)
    assert version_files(db, 2) == version_files(db, 1)
    con = database.connect(db)
    try:
        assert "headline_basis" in fetch(con, "headline_progress", SEED_UNIT, SEED_YEAR)[0]
    finally:
        con.close()


@pytest.mark.parametrize("change", ["check", "wording", "page"])
def test_a_changed_check_or_wording_of_the_audit_makes_another_build_format(tmp_path, monkeypatch, change):
    """A build stores the audit's findings in the words of its day: a change to a check or to its wording is a
    change of format, so the app rebuilds (above) rather than show findings the audit no longer makes. A page's
    own words are no part of a build: changing them rebuilds nothing."""
    from perfboard import database, texts

    before = database.build_format()
    if change == "check":
        changed = tmp_path / "audit.py"
        changed.write_bytes(database.AUDIT_SOURCES[0].read_bytes() + b"\n# changed\n")
        monkeypatch.setattr(database, "AUDIT_SOURCES", (changed,))
    elif change == "wording":
        monkeypatch.setitem(texts.FINDING, "TEXT_EMPTY_SECTION", "“{title}”一节为空。")
    else:
        monkeypatch.setattr(texts, "OVERVIEW_TITLE", "另一个标题")
    database.build_format.cache_clear()
    try:
        assert (database.build_format() != before) is (change != "page")
    finally:
        monkeypatch.undo()
        database.build_format.cache_clear()
    assert database.build_format() == before


@pytest.mark.parametrize("kind", ["query", "audit"])
def test_unknown_unit_reading_does_not_write(tmp_path, kind):
    """Reading commands never create or change a build (reading never rebuilds)."""
    from perfboard.cli import main

    db = tmp_path / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db)
    before = sorted(p.name for p in builds_dir(db).iterdir())
    args = ["query", "indicator_progress"] if kind == "query" else ["audit"]
    assert main([*args, "--db", str(db)]) == 0
    assert sorted(p.name for p in builds_dir(db).iterdir()) == before


def test_views_are_created_each_after_the_views_it_reads():
    import duckdb

    from perfboard import database

    con = duckdb.connect()
    database.insert_checked_files(con, DEFAULT_DATA_DIR)
    database.create_finding_tables(con)
    created = database.create_views(con)
    assert sorted(created) == database.view_names()
    for position, name in enumerate(created):
        assert database.words_of(name) & set(created) - {name} <= set(created[:position]), name


def test_views_that_read_each_other_are_refused_by_name(monkeypatch):
    import duckdb

    from perfboard import database

    sql = {"first_view": "select * from second_view", "second_view": "select * from first_view"}
    monkeypatch.setattr(database, "view_names", lambda: sorted(sql))
    monkeypatch.setattr(database, "view_sql", sql.get)
    with pytest.raises(ValueError, match="first_view, second_view"):
        database.create_views(duckdb.connect())
