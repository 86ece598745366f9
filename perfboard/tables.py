"""Tables for display: a view's rows with the figures written out as the report writes them."""

from __future__ import annotations

import pandas as pd

from perfboard import formatting, texts


def pick(frame: pd.DataFrame, **chosen: list) -> pd.DataFrame:
    """Rows whose column holds one of the chosen values; an empty choice keeps every row (no filter)."""
    mask = pd.Series(True, index=frame.index)
    for column, values in chosen.items():
        if values:
            mask &= frame[column].isin(values)
    return frame[mask]


def with_figures(results: pd.DataFrame) -> pd.DataFrame:
    """The indicators a bullet graph can draw: all but those the report judges in words alone (按时 | 按时),
    which the table of targets lists with their words."""
    return results[results["status"] != "in_words"]


def categories_by_section(results: pd.DataFrame) -> list[tuple[str | None, list[tuple[str, str]]]]:
    """The report sections the results' categories are spoken of in, in order, each with its categories (code,
    name) in order; a category no section speaks of under None. Read from the columns directly: two nested
    pandas groupbys cost 目标完成 about a fifth of its rerun."""
    sections: dict[str | None, dict[tuple[str, str], None]] = {}
    for ref, code, name in zip(results["category_section"], results["category"], results["category_name"]):
        sections.setdefault(ref if isinstance(ref, str) else None, {})[(code, name)] = None
    return [(ref, list(categories)) for ref, categories in sections.items()]


def spending_totals(structure: pd.DataFrame) -> pd.DataFrame:
    """The total and its first level (基本支出, 项目支出), memo trees left out."""
    return structure[(structure["depth"] <= 1) & ~structure["is_memo"]]


def card_rows(headline: pd.DataFrame, per_row: int = 4) -> list[pd.DataFrame]:
    """Headline cards in rows: the categories with a single indicator together first, then each category with
    several indicators (新开工, 新投产, 新引进…) kept together, on the row before when it fits there whole (a
    report's own categories of two: 数量指标, 质量指标 share a row rather than leave half of each empty), else
    starting a row."""
    sizes = headline.groupby("category_code", sort=False).size()
    singles = headline[headline["category_code"].isin(sizes[sizes == 1].index)]
    groups = [group for code, group in headline.groupby("category_code", sort=False) if sizes[code] > 1]
    rows: list[pd.DataFrame] = []
    for group in [frame for frame in [singles, *groups] if not frame.empty]:
        if rows and len(rows[-1]) + len(group) <= per_row:
            rows[-1] = pd.concat([rows[-1], group])
        else:
            rows += [group.iloc[start:start + per_row] for start in range(0, len(group), per_row)]
    return rows


def score_table(scores: pd.DataFrame) -> pd.DataFrame:
    """evaluation_score with the figures written out and the reason where nothing could be computed."""
    table = scores.copy()
    indent = {"total": "", "group": "\u3000", "indicator": "\u3000\u3000"}
    table["row_type_text"] = table["row_type"].map(texts.SCORE_ROW_TYPES)
    table["item_name"] = [indent[kind] + name for kind, name in zip(table["row_type"], table["item_name"])]
    table["weight_text"] = [
        "" if formatting.is_missing(w) else formatting.plain_number(w) + (
            texts.SCORE_WEIGHT_DEFAULT if formatting.truthy(default) else "")
        for w, default in zip(table["weight"], table["weight_is_default"])]
    table["computed_text"] = [score_text(s) for s in table["computed_score"]]
    table["stated_text"] = [score_text(s) for s in table["stated_score"]]
    table["difference_text"] = ["" if formatting.is_missing(d) else f"{d:+.2f}" for d in table["difference"]]
    table["basis_text"] = table["basis"].map(texts.SCORE_BASIS_LABELS)
    return table


def split_scores(scores: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame, pd.DataFrame]:
    """evaluation_score as (the total row, the first-level groups, the indicators)."""
    return (scores[scores["row_type"] == "total"].iloc[0], scores[scores["row_type"] == "group"],
            scores[scores["row_type"] == "indicator"])


def unscored_groups(scores: pd.DataFrame) -> str:
    """Why the total cannot be computed: the first-level groups without a computed score, those with the same
    reason together (产出、效益：报告未列出该组的指标及分值，无法计算；预算执行：报告未给出预算数…)."""
    groups = scores[(scores["row_type"] == "group") & scores["computed_score"].isna()]
    by_reason = groups.groupby("basis", sort=False)["level1"].agg("、".join)
    return "；".join(f"{names}：{texts.SCORE_BASIS_LABELS[basis]}" for basis, names in by_reason.items())


def score_text(score: object) -> str:
    return "" if formatting.is_missing(score) else formatting.plain_number(score, 2)


def indicator_table(progress: pd.DataFrame) -> pd.DataFrame:
    """Targets, actuals (the report's words where it gives no figure, 未报告 where it gives neither), completion,
    the stated rate and the marks of each figure."""
    table = progress.copy()
    table["target_text"] = [formatting.stated(v, u, words) for v, u, words in
                            zip(table["target"], table["unit"], table["target_text"])]
    table["actual_text"] = [formatting.stated(v, u, words, q) for v, u, words, q in
                            zip(table["actual"], table["unit"], table["actual_text"], table["qualifier"])]
    table["rate_text"] = table["completion_rate"].map(formatting.rate)
    table["stated_rate_text"] = table["stated_rate"].map(formatting.rate)
    table["status_text"] = table["status"].map(texts.STATUS_LABELS)
    table["marks"] = [formatting.markers(e, p) for e, p in zip(table["is_estimate"], table["period"])]
    return table


def spending_table(structure: pd.DataFrame) -> pd.DataFrame:
    """The tree as an indented list: amount to the cent, share of the parent, the derived mark."""
    table = structure.copy()
    table["item_name"] = ["\u3000" * depth + name for depth, name in zip(table["depth"], table["item_name"])]
    table["amount_text"] = table["amount"].map(formatting.money)
    table["share_text"] = table["share_of_parent"].map(formatting.rate)
    table["marks"] = [formatting.markers(is_derived=d) for d in table["is_derived"]]
    return table


def year_comparison(pairs: pd.DataFrame) -> pd.DataFrame:
    """Rows of indicator_comparison for one pair of years, the figures written out with their marks."""
    table = pairs.copy()
    for prefix, text in (("base_", "base_text"), ("", "actual_text")):
        table[text] = [formatting.amount(v, u, q) + formatting.markers(e, p, d) for v, u, q, e, p, d in
                       zip(table[f"{prefix}actual"], table["unit"], table[f"{prefix}qualifier"],
                           table[f"{prefix}is_estimate"], table[f"{prefix}period"], table[f"{prefix}is_derived"])]
    # as the report states it, else computed from the two figures to one place like every rate the app computes
    table["change_text"] = [formatting.change_rate(r, 2 if stated else 1)
                            for r, stated in zip(table["change_rate"], table["change_is_stated"])]
    return table
