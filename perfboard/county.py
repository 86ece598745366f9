"""全部单位: the county's units side by side, for the page, its charts and its exports.

Pure: frames of `unit_year.CountyYear` in, frames out. Every step works on whole columns (filters, merges,
group sums), never in a loop over units, so a county of 300 units costs what a county of 3 does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from perfboard import formatting, rules, summary, texts

# The worst finding of a unit-year, as the severity filter and chart name it: 错误, 警告, 提示, then these two.
NO_FINDINGS = texts.COUNTY_NO_FINDINGS
NOT_AUDITED = texts.COUNTY_NOT_AUDITED
SEVERITY_CLASSES = (*rules.SEVERITY_LEVELS.values(), NO_FINDINGS, NOT_AUDITED)
GRADES = (*(grade for grade, _ in rules.GRADE_BANDS), texts.NOT_REPORTED)
# 排序: the label and (columns, ascending) of each order the table can be put in.
SORTS = {
    texts.COUNTY_SORT_SCORE: (["total_score", "unit_code"], [False, True]),
    texts.COUNTY_SORT_SCORE_LOW: (["total_score", "unit_code"], [True, True]),
    texts.COUNTY_SORT_SPENDING: (["total_spending", "unit_code"], [False, True]),
    texts.COUNTY_SORT_ERRORS: (["errors", "warnings", "unit_code"], [False, False, True]),
    texts.COUNTY_SORT_MISSED: (["targets_missed", "unit_code"], [False, True]),
    texts.COUNTY_SORT_CODE: (["unit_code"], [True]),
}


@dataclass(frozen=True)
class Filters:
    """What the 全部单位 page narrows the units to; empty lists and None mean all."""

    parent: str | None = None  # this unit and every unit below it
    grades: list[str] = field(default_factory=list)
    severities: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)  # units with a target in any of these
    search: str = ""


@dataclass(frozen=True)
class YearView:
    """What the 全部单位 page shows of a year for one choice of filters and order, worked out once."""

    year: int
    units: pd.DataFrame  # with_classes, filtered and sorted
    total: int  # the year's units before filtering
    cards: list[tuple[str, str, str]]
    completion: pd.DataFrame  # completion_by_category of the units shown
    by_severity: pd.DataFrame  # units_by_severity of the units shown
    table: pd.DataFrame  # table of the units shown


def year_view(year: int, units: pd.DataFrame, hierarchy: pd.DataFrame, categories: pd.DataFrame, chosen: Filters,
              order: str) -> YearView:
    """The year's units (a CountyYear's frames) as the page shows them after `chosen` and `order`."""
    shown = sorted_by(filtered(with_classes(units), hierarchy, categories, chosen), order)
    return YearView(year, shown, len(units), cards(shown), completion_by_category(categories, shown["unit_code"]),
                    units_by_severity(shown), table(shown, year))


def with_classes(units: pd.DataFrame) -> pd.DataFrame:
    """The units with their grade as shown (未报告 when none) and the worst severity of their findings."""
    shown = units.copy()
    shown["grade_shown"] = shown["grade"].where(shown["grade"].notna(), texts.NOT_REPORTED)
    audited = shown["is_audited"].fillna(False).astype(bool)
    levels = rules.SEVERITY_LEVELS
    shown["worst_severity"] = np.select(
        [~audited, shown["errors"].fillna(0) > 0, shown["warnings"].fillna(0) > 0, shown["notes"].fillna(0) > 0],
        [NOT_AUDITED, levels["errors"], levels["warnings"], levels["notes"]], default=NO_FINDINGS)
    return shown


def filtered(units: pd.DataFrame, hierarchy: pd.DataFrame, categories: pd.DataFrame, chosen: Filters) -> pd.DataFrame:
    """The units (with_classes) that pass every filter."""
    keep = pd.Series(True, index=units.index)
    if chosen.parent:
        below = hierarchy.loc[hierarchy["unit_code"] == chosen.parent, "descendant_code"]
        keep &= units["unit_code"].isin(below)
    if chosen.grades:
        keep &= units["grade_shown"].isin(chosen.grades)
    if chosen.severities:
        keep &= units["worst_severity"].isin(chosen.severities)
    if chosen.categories:
        with_targets = categories.loc[categories["category_name"].isin(chosen.categories), "unit_code"]
        keep &= units["unit_code"].isin(with_targets)
    words = chosen.search.strip().casefold()
    if words:
        keep &= (units["unit_name"].str.casefold().str.contains(words, regex=False)
                 | units["unit_code"].str.casefold().str.contains(words, regex=False))
    return units[keep]


def sorted_by(units: pd.DataFrame, label: str) -> pd.DataFrame:
    columns, ascending = SORTS[label]
    return units.sort_values(columns, ascending=ascending, na_position="last", kind="stable")


def score_text(score: pd.Series, derived: pd.Series) -> pd.Series:
    """Each unit's total as every page writes it (summary.total_score_text): 91分, 88分〔推算〕, 未报告."""
    totals = pd.DataFrame({"total_score": score, "total_is_derived": derived.fillna(False)})
    return totals.apply(summary.total_score_text, axis=1).astype(object)


def table(units: pd.DataFrame, year: int) -> pd.DataFrame:
    """The units as the page's table and its exports show them: Chinese headers, the score with its marks,
    the link that opens the unit's overview."""
    return pd.DataFrame({
        texts.COUNTY_COL_RANK: whole_numbers(units["score_rank"]),
        texts.COUNTY_COL_UNIT: units["unit_name"],
        texts.COUNTY_COL_PARENT: units["parent_name"].fillna(""),
        texts.COUNTY_COL_SPENDING: units["total_spending"].astype(float),
        texts.COUNTY_COL_BASIC: units["basic_spending"].astype(float),
        texts.COUNTY_COL_PROJECT: units["project_spending"].astype(float),
        texts.COUNTY_COL_BASIC_SHARE: units["basic_share"].astype(float) * 100,
        texts.COUNTY_COL_SCORE: score_text(units["total_score"], units["total_is_derived"]),
        texts.COUNTY_COL_COMPUTED: units["computed_total"].map(
            lambda v: texts.COUNTY_NOT_COMPUTED if formatting.is_missing(v) else formatting.plain_number(v, 2)),
        texts.COUNTY_COL_GRADE: units["grade_shown"],
        texts.COUNTY_COL_MET: units["targets_met"],
        texts.COUNTY_COL_MISSED: units["targets_missed"],
        texts.COUNTY_COL_UNREPORTED: units["targets_unreported"],
        texts.COUNTY_COL_ERRORS: whole_numbers(units["errors"], NOT_AUDITED),
        texts.COUNTY_COL_WARNINGS: whole_numbers(units["warnings"], NOT_AUDITED),
        texts.COUNTY_COL_NOTES: whole_numbers(units["notes"], NOT_AUDITED),
        texts.COUNTY_COL_LINK: overview_links(units["unit_code"], year),
    }).reset_index(drop=True)


def whole_numbers(values: pd.Series, missing: str = "") -> pd.Series:
    """Counts and ranks as whole numbers; where one is missing (no score to rank, no audit run), the column
    is text and says so (`missing`) instead of a blank number that would read as zero."""
    if values.notna().all():
        return values.astype(int)
    return values.map(lambda v: missing if formatting.is_missing(v) else str(int(v)))


def overview_links(unit_codes: pd.Series, year: int) -> pd.Series:
    """The address of each unit's overview for the year (unit codes are letters, digits and _: URL-safe). The
    overview is the app's default page, which Streamlit serves at the app's root only: its own name
    (overview?…) opened it under a "Page not found" dialog. Relative, so that it holds under a base path."""
    return "./?unit=" + unit_codes + f"&year={int(year)}"


def cards(units: pd.DataFrame) -> list[tuple[str, str, str]]:
    """The figures above the table: (label, value, detail) for the units shown."""
    scores = units["total_score"].dropna().astype(float)
    derived = int(units.loc[units["total_score"].notna(), "total_is_derived"].fillna(False).astype(bool).sum())
    missed_units = int((units["targets_missed"] > 0).sum())
    with_errors = int((units["errors"].fillna(0) > 0).sum())
    mean = texts.NOT_REPORTED if scores.empty else formatting.plain_number(scores.mean(), 1)
    return [
        (texts.COUNTY_CARD_UNITS, str(len(units)), ""),
        (texts.COUNTY_CARD_MEAN, mean + formatting.markers(is_derived=derived > 0 and not scores.empty),
         texts.COUNTY_CARD_MEAN_DETAIL.format(scored=len(scores), derived=derived)),
        (texts.COUNTY_CARD_MISSED, str(int(units["targets_missed"].sum())),
         texts.COUNTY_CARD_MISSED_DETAIL.format(units=missed_units, unreported=int(units["targets_unreported"].sum()))),
        (texts.COUNTY_CARD_ERRORS, str(with_errors),
         texts.COUNTY_CARD_ERRORS_DETAIL.format(errors=int(units["errors"].fillna(0).sum()),
                                                warnings=int(units["warnings"].fillna(0).sum()))),
    ]


def completion_by_category(categories: pd.DataFrame, unit_codes: pd.Series) -> pd.DataFrame:
    """Targets met, missed and unreported per category, added up over the units shown."""
    chosen = categories[categories["unit_code"].isin(unit_codes)]
    counts = ["targets_met", "targets_missed", "targets_unreported"]
    return (chosen.groupby(["category_order", "category_name"], as_index=False)[counts].sum()
            .sort_values("category_order"))


def units_by_severity(units: pd.DataFrame) -> pd.DataFrame:
    """How many units have each worst severity, in the order of SEVERITY_CLASSES (zeros kept)."""
    counts = units["worst_severity"].value_counts()
    return pd.DataFrame({"severity": SEVERITY_CLASSES, "units": [int(counts.get(s, 0)) for s in SEVERITY_CLASSES]})


def compare_years(first: pd.DataFrame, second: pd.DataFrame) -> pd.DataFrame:
    """The units of two years side by side (every unit of either year), with the changes between them."""
    kept = ["unit_code", "unit_name", "total_score", "total_is_derived", "grade", "score_rank", "total_spending",
            "errors"]
    both = first[kept].merge(second[kept], on="unit_code", how="outer", suffixes=("_a", "_b"))
    both["unit_name"] = both["unit_name_b"].fillna(both["unit_name_a"])
    both["score_change"] = both["total_score_b"] - both["total_score_a"]
    both["rank_change"] = both["score_rank_a"] - both["score_rank_b"]  # up the ranking is positive
    both["spending_change"] = (both["total_spending_b"].astype(float) / both["total_spending_a"].astype(float)) - 1
    return both.sort_values(["score_change", "unit_code"], ascending=[False, True], na_position="last")


def comparison_table(both: pd.DataFrame, first_year: int, second_year: int) -> pd.DataFrame:
    """compare_years as shown and exported: Chinese headers with the two years in them."""
    a, b = formatting.year(first_year), formatting.year(second_year)
    return pd.DataFrame({
        texts.COUNTY_COL_UNIT: both["unit_name"],
        texts.COUNTY_COL_SCORE_IN.format(year=a): score_text(both["total_score_a"], both["total_is_derived_a"]),
        texts.COUNTY_COL_SCORE_IN.format(year=b): score_text(both["total_score_b"], both["total_is_derived_b"]),
        texts.COUNTY_COL_SCORE_CHANGE: both["score_change"].astype(float),
        texts.COUNTY_COL_RANK_IN.format(year=a): whole_numbers(both["score_rank_a"]),
        texts.COUNTY_COL_RANK_IN.format(year=b): whole_numbers(both["score_rank_b"]),
        texts.COUNTY_COL_RANK_CHANGE: whole_numbers(both["rank_change"]),
        texts.COUNTY_COL_SPENDING_IN.format(year=a): both["total_spending_a"].astype(float),
        texts.COUNTY_COL_SPENDING_IN.format(year=b): both["total_spending_b"].astype(float),
        texts.COUNTY_COL_SPENDING_CHANGE: both["spending_change"] * 100,
    }).reset_index(drop=True)


def rank_history(history: pd.DataFrame, unit_code: str) -> pd.DataFrame:
    """A unit's score and rank among the county's units in each year it has a score."""
    rows = history[(history["unit_code"] == unit_code) & history["score_rank"].notna()]
    return rows[["year", "unit_name", "total_score", "total_is_derived", "score_rank", "ranked_units"]]
