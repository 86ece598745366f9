"""The declared schema and its documentation for finance staff stay in step."""

from __future__ import annotations

import pytest

from perfboard.database import DEFAULT_DATA_DIR, table_ddl
from perfboard.schema import TABLES

DATA_README = (DEFAULT_DATA_DIR / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_every_file_and_column_is_documented(table):
    section = DATA_README.split(f"## {table.file_name}")[1].split("\n## ")[0]
    documented = {line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| ")}
    assert {c.name for c in table.columns} <= documented


@pytest.mark.parametrize("table", TABLES, ids=[t.name for t in TABLES])
def test_every_key_column_is_required(table):
    assert all(table.column(name).required for name in table.key)


def test_money_is_stored_to_the_cent():
    assert "actual DECIMAL(18,2)" in table_ddl(next(t for t in TABLES if t.name == "spending"))
