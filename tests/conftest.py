"""Shared fixtures: the embedded data set loaded once, and throw-away copies of it to break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from perfboard.database import DEFAULT_DATA_DIR, connect, load

SEED_UNIT = "taojiang_hitech"
SEED_YEAR = 2024


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """The embedded data set (the 2024 report) loaded into a database of the test session's own."""
    db_path = tmp_path_factory.mktemp("seed") / "perfboard.duckdb"
    load(DEFAULT_DATA_DIR, db_path)
    return db_path


@pytest.fixture
def seed_con(seed_db):
    con = connect(seed_db)
    yield con
    con.close()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of data/ that a test may change."""
    target = tmp_path / "data"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target
