"""The baseline of bench/county_speed.py's views measure: `indicator_progress` and `spending_structure` computed
in pandas from the source tables, the same rows, values and order as the DuckDB views (tests/test_pandas_views.py
holds them to that on the seed and a generated county), so that "DuckDB ÷ pandas" compares equal work.

Each function takes the source tables as pandas frames (`select * from <table>`, money as float) and follows the
CTEs of queries/<view>.sql one by one.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from perfboard.database import as_frame
from perfboard.schema import MAX_SPENDING_DEPTH, SELF_EVALUATION

KEYS = ["unit_code", "year"]
SOURCE_TABLES = ("indicator_values", "indicators", "categories", "documents", "spending")


def source_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """The tables the two views read, as frames the way pages get them (money as float)."""
    return {name: as_frame(con.sql(f"select * from {name}")) for name in SOURCE_TABLES}


def rounded(values: pd.Series) -> pd.Series:
    """DuckDB's round(x, 4): halves away from zero (numpy's round takes them to the even neighbour)."""
    return np.sign(values) * np.floor(np.abs(values) * 10_000 + 0.5) / 10_000


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator / nullif(denominator, 0)."""
    return numerator / denominator.where(denominator != 0)


def value_documents(values: pd.DataFrame, documents: pd.DataFrame) -> pd.DataFrame:
    """queries/value_documents.sql (with unit_reports.sql): each value's document, else its year's report."""
    reports = (documents[documents["kind"] == SELF_EVALUATION].groupby(KEYS, as_index=False)["document_code"].min()
               .rename(columns={"document_code": "report_code"}))
    resolved = values[[*KEYS, "indicator_code", "document_code"]].merge(reports, on=KEYS, how="left")
    resolved["document_code"] = resolved["document_code"].fillna(resolved["report_code"])
    described = resolved.drop(columns="report_code").merge(
        documents[["document_code", "kind", "title", "publisher", "published_on", "caveat"]], on="document_code",
        how="left")
    described["from_report"] = described["kind"].fillna(SELF_EVALUATION) == SELF_EVALUATION
    return described.rename(columns={"title": "document_title", "publisher": "document_publisher",
                                     "published_on": "document_date"}).drop(columns="kind")


def category_sections(values: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """queries/category_sections.sql: the section a unit-year's values of a category cite most."""
    cited = values[values["source"].notna()].merge(indicators[["indicator_code", "category"]], on="indicator_code")
    cited = cited.assign(ref=cited["source"].str.split("；").str[-1].str.strip(),
                         has_actual=cited["actual"].notna())
    counted = cited.groupby([*KEYS, "category", "ref"], as_index=False).agg(has_actual=("has_actual", "max"),
                                                                            citations=("ref", "size"))
    ranked = counted.sort_values([*KEYS, "category", "has_actual", "citations", "ref"],
                                 ascending=[True, True, True, False, False, True])
    first = ranked.drop_duplicates([*KEYS, "category"])
    return first[[*KEYS, "category", "ref"]].rename(columns={"ref": "category_section"})


def completion_rate(direction: pd.Series, target: pd.Series, actual: pd.Series) -> pd.Series:
    """queries/macros/completion_rate.sql."""
    higher = ratio(actual, target.where(target > 0))
    lower = np.where(actual <= target, 1.0, target / actual)
    equal = np.where(actual == target, 1.0,
                     np.where((actual == 0) | (target == 0), 0.0, np.minimum(actual / target, target / actual)))
    rate = np.select([direction == "higher", direction == "lower", direction == "equal"], [higher, lower, equal],
                     np.nan)
    return pd.Series(rate, index=target.index).where(target.notna() & actual.notna())


def indicator_progress(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """queries/indicator_progress.sql."""
    values, indicators = tables["indicator_values"], tables["indicators"]
    rows = values.merge(indicators.drop(columns="note"), on="indicator_code", suffixes=("", "_catalogue"))
    rows = rows.merge(tables["categories"][["category_code", "category_name", "sort_order"]]
                      .rename(columns={"category_code": "category", "sort_order": "category_order"}), on="category")
    rows = rows.drop(columns="document_code").merge(value_documents(values, tables["documents"]),
                                                   on=[*KEYS, "indicator_code"])
    rows = rows.merge(category_sections(values, indicators), on=[*KEYS, "category"], how="left")
    rows["is_headline"] = rows["is_headline"].fillna(rows["is_headline_catalogue"]).fillna(False).astype(bool)
    rows["stated_rate"] = rows["stated_rate"] / 100
    rows["stated_yoy"] = rows["stated_yoy"] / 100
    rows["is_estimate"] = rows["is_estimate"].fillna(False).astype(bool)
    rows["is_partial"] = rows["period"].notna()
    rows["completion_rate"] = rounded(completion_rate(rows["direction"], rows["target"], rows["actual"]))
    no_target, no_actual = rows["target"].isna(), rows["actual"].isna()
    result_in_words = no_actual & (rows["actual_text"].notna() | rows["achievement"].notna())
    rows["status"] = np.select(
        [result_in_words, no_target & no_actual, no_actual, no_target & rows["target_text"].notna(), no_target,
         rows["completion_rate"].isna(), rows["completion_rate"] >= 1],
        ["in_words", "no_data", "no_actual", "in_words", "no_target", "no_rate", "met"], default="not_met")
    rows = rows.rename(columns={"sort_order": "indicator_order"})
    ordered = rows.sort_values([*KEYS, "category_order", "indicator_order"], kind="stable", ignore_index=True)
    return ordered[INDICATOR_PROGRESS_COLUMNS]


INDICATOR_PROGRESS_COLUMNS = [
    "unit_code", "year", "indicator_code", "indicator_name", "category", "category_name", "category_section",
    "is_headline", "level1", "level2", "part_of", "unit", "direction", "target", "target_text", "actual", "actual_text",
    "qualifier", "achievement", "completion_rate", "status", "stated_rate", "stated_yoy", "is_estimate", "period",
    "is_partial", "weight", "score", "source", "note", "category_order", "indicator_order", "document_code",
    "from_report", "document_title", "document_publisher", "document_date", "caveat"]


def spending_structure(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """queries/spending_structure.sql: remainders derived, each tree walked down from its root a level at a time
    (one merge per level, not per item), shares of parent and of the root, ordered as the report lists items."""
    items = tables["spending"].copy()
    items["is_derived"] = items["is_remainder"].fillna(False).astype(bool)
    listed = (items[items["parent_code"].notna() & ~items["is_derived"]]
              .groupby([*KEYS, "parent_code"], as_index=False)["actual"].sum().rename(columns={"actual": "listed"}))
    parents = items[[*KEYS, "item_code", "actual"]].rename(columns={"item_code": "parent_code",
                                                                    "actual": "parent_actual"})
    items = items.merge(parents, on=[*KEYS, "parent_code"], how="left").merge(listed, on=[*KEYS, "parent_code"],
                                                                               how="left")
    remainder = (items["parent_actual"] - items["listed"].fillna(0)).round(2)  # to the cent, as DECIMAL(18,2) is exact
    items["amount"] = items["actual"].where(~items["is_derived"], remainder)
    roots = items[items["parent_code"].isna()]
    level = roots[[*KEYS, "item_code", "amount", "source_line"]].assign(
        root_code=roots["item_code"], is_memo=roots["is_memo"].fillna(False).astype(bool), root_amount=roots["amount"],
        parent_amount=np.nan, depth=0).rename(columns={"source_line": "line_0"})
    placed = [level]
    for depth in range(1, MAX_SPENDING_DEPTH + 1):  # the loader refuses deeper chains
        above = level.drop(columns=["amount", "parent_amount"]).rename(columns={"item_code": "parent_code"})
        children = items[[*KEYS, "item_code", "parent_code", "amount", "source_line"]].merge(
            above.assign(parent_amount=level["amount"].to_numpy()), on=[*KEYS, "parent_code"])
        if children.empty:
            break
        level = children.drop(columns="parent_code").rename(columns={"source_line": f"line_{depth}"})
        level["depth"] = depth
        placed.append(level)
    tree = pd.concat(placed, ignore_index=True)
    walked = items.drop(columns=["amount", "is_memo", "source_line"]).merge(tree, on=[*KEYS, "item_code"])
    walked["share_of_parent"] = rounded(ratio(walked["amount"], walked["parent_amount"]))
    walked["share_of_total"] = rounded(ratio(walked["amount"], walked["root_amount"]))
    walked["budget_execution"] = rounded(ratio(walked["amount"], walked["adjusted_budget"].fillna(walked["budget"])))
    lines = [f"line_{depth}" for depth in range(len(placed))]  # the path from the root: a parent before its items
    ordered = walked.sort_values([*KEYS, "is_memo", *lines], na_position="first", ignore_index=True)
    return ordered[SPENDING_STRUCTURE_COLUMNS]


SPENDING_STRUCTURE_COLUMNS = [
    "unit_code", "year", "item_code", "parent_code", "item_name", "depth", "root_code", "is_memo", "amount",
    "is_derived", "budget", "adjusted_budget", "share_of_parent", "share_of_total", "budget_execution", "source",
    "note"]
