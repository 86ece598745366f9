"""Every chart of a unit's year, by a stable key, with the report sections it illustrates.

Pages show charts from here by key, the report page shows each chart beside its section, and the
exports write them all. A `UnitYear` hands over the view rows; the catalogue itself never queries.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from perfboard import charts, formatting, summary, tables, texts
from perfboard.county import YearView
from perfboard.narrative import split_refs
from perfboard.unit_year import UnitYear

# The chapters of the 部门整体支出绩效自评报告 template that speak about spending, by what their titles say:
# its management and use (二、部门整体支出管理及使用情况分析 in the 2024 report) and how projects were organised
# (三、项目组织实施情况分析). Not by number: a report in parts, or on another outline, numbers them otherwise.
SPENDING_CHAPTER_TITLES = (re.compile("支出.*管理"), re.compile("项目.*(?:组织|实施)"))
# Bars a parts chart shows: the largest parts, then one bar of the rest's sum, so that a department's 500
# project items stay legible on a projector (the table under the charts lists every item).
PARTS_SHOWN = 15

@dataclass(frozen=True)
class NamedChart:
    key: str  # stable: widget keys and export file names
    title: str
    figure: go.Figure
    sections: tuple[str, ...]  # the narrative section keys it illustrates
    message: str = ""  # the one thing to say about it, in large type on a projector or a slide


def spending_chapters(data: UnitYear) -> list[str | None]:
    """The references of the two spending chapters (二 and 三 in the 2024 report), None for one the report does
    not have: for each, the outermost section whose title says it, the first of those in reading order."""
    sections = data.sections.sort_values("level", kind="stable")
    found = []
    for title in SPENDING_CHAPTER_TITLES:
        matching = sections[sections["title"].str.contains(title, na=False) & sections["ref"].notna()]
        found.append(matching["ref"].iloc[0] if not matching.empty else None)
    return found


def section_at(data: UnitYear, refs: object) -> tuple[str, ...]:
    """The narrative section a chart sits beside: the last (most specific) reference its figures cite."""
    cited = split_refs(refs)
    if not cited:
        return ()
    sections = data.sections
    key_of_ref = dict(zip(sections["ref"], sections["section_key"]))
    return (key_of_ref[cited[-1]],) if cited[-1] in key_of_ref else ()


def most_cited(sources: pd.Series, position: int = -1) -> str:
    """The reference that the rows cite most often at `position` of their `source` (the last: the most
    specific; the first: where a report states its targets); "" when none do. Ties go to the first in sort
    order, so the choice does not depend on row order."""
    cited = Counter(refs[position] for refs in map(split_refs, sources) if refs)
    if not cited:
        return ""
    most = max(cited.values())
    return min(ref for ref, count in cited.items() if count == most)


def category_bullets(data: UnitYear) -> list[NamedChart]:
    """One bullet graph per indicator category, shown beside the section the category cites."""
    results = tables.with_figures(data.results)
    found = []
    for (code, name), group in results.groupby(["category", "category_name"], sort=False):
        title = texts.CHART_BULLET_TITLE.format(category=name)
        figure = charts.bullet_chart(group, title, charts.source_of(group, data.report))
        found.append(NamedChart(f"bullet_{code}", title, figure, section_at(data, group["category_section"].iloc[0]),
                                lead_sentence(group)))
    return found


def headline_bullet(data: UnitYear) -> list[NamedChart]:
    results = tables.with_figures(data.results)
    headline = results[results["is_headline"]]
    if headline.empty:
        return []
    title = texts.CHART_HEADLINE_TITLE.format(year=data.year)
    met = int((headline["status"] == "met").sum())
    message = (texts.MESSAGE_HEADLINE.format(met=met, total=len(headline), missing=int(headline["actual"].isna().sum()))
               if headline["target"].notna().any() else texts.MESSAGE_HEADLINE_NO_TARGETS.format(total=len(headline)))
    return [NamedChart("bullet_headline", title,
                       charts.bullet_chart(headline, title, charts.source_of(headline, data.report)),
                       section_at(data, most_cited(headline["source"], position=0)), message)]


def spending_charts(data: UnitYear) -> list[NamedChart]:
    """The tree, the first-level split, each first-level item's parts, and each memo tree."""
    structure = data.structure
    if structure.empty:
        return []
    return [*main_tree_charts(structure, data), *memo_charts(structure, data),
            *budget_charts(structure, data)]


def total_section(data: UnitYear, structure: pd.DataFrame) -> tuple[str, ...]:
    """The section the total spending is first cited from (一(二) in the 2024 report)."""
    roots = structure[(structure["depth"] == 0) & ~structure["is_memo"]]
    first_ref = split_refs(roots["source"].iloc[0])[:1] if not roots.empty else []
    return section_at(data, "；".join(first_ref))


def main_tree_charts(structure: pd.DataFrame, data: UnitYear) -> list[NamedChart]:
    """The tree, the first-level split and each first-level item's parts; none when the year has memo
    items only (三公经费 without the total)."""
    source = charts.source_of(structure, data.report)
    main = structure[~structure["is_memo"]]
    roots = main[main["depth"] == 0]
    if roots.empty:
        return []
    root = roots.iloc[0]
    first_level = main[main["parent_code"] == root["item_code"]]
    tree_title = texts.CHART_SPENDING_TREE_TITLE.format(year=data.year)
    at_root = total_section(data, structure)
    total_message = summary.spending_sentence(structure) or ""
    found = [NamedChart("spending_tree", tree_title, charts.spending_treemap(structure, tree_title, source), at_root,
                        total_message)]
    if not first_level.empty:  # a total the report does not split has no split to show
        split_title = texts.CHART_SPENDING_SPLIT_TITLE.format(parts=texts.LIST_JOIN.join(first_level["item_name"]))
        found.append(NamedChart("spending_share", split_title,
                                charts.share_donut(first_level, split_title, charts.source_of(first_level, data.report)),
                                at_root, total_message))
    for _, item in first_level.iterrows():
        parts = main[main["parent_code"] == item["item_code"]]
        if parts.empty:
            continue
        title = texts.CHART_PARTS_TITLE.format(item=item["item_name"])
        part_source = charts.source_of(parts, data.report)
        parts = largest_parts(parts)
        # A few parts read best as shares of a ring, a longer list as bars.
        if len(parts) <= 3:
            key, figure = f"spending_share_{item['item_code']}", charts.share_donut(parts, title, part_source)
        else:
            key, figure = f"spending_parts_{item['item_code']}", charts.amount_bars(parts, title, part_source)
        found.append(NamedChart(key, title, figure, section_at(data, item["source"]), largest_part(item, parts)))
    return found


def memo_charts(structure: pd.DataFrame, data: UnitYear) -> list[NamedChart]:
    """Each memo tree (三公经费) as bars of its parts, or of itself when the report gives no parts."""
    found = []
    memo = structure[structure["is_memo"]]
    for _, memo_root in memo[memo["depth"] == 0].iterrows():
        parts = memo[memo["parent_code"] == memo_root["item_code"]]
        if parts.empty:
            parts = memo[memo["item_code"] == memo_root["item_code"]]
        title = texts.CHART_MEMO_TITLE.format(item=memo_root["item_name"],
                                              total=formatting.amount(memo_root["amount"], texts.MONEY_UNIT))
        found.append(NamedChart(f"spending_memo_{memo_root['item_code']}", title,
                                charts.amount_bars(parts, title, charts.source_of(parts, data.report)),
                                section_at(data, memo_root["source"]), largest_part(memo_root, parts)))
    return found


def budget_charts(structure: pd.DataFrame, data: UnitYear) -> list[NamedChart]:
    budgeted = structure[structure["budget_execution"].notna()]
    if budgeted.empty:
        return []
    return [NamedChart("budget_execution", texts.CHART_BUDGET_TITLE,
                       charts.budget_execution_bars(budgeted, texts.CHART_BUDGET_TITLE,
                                                    charts.source_of(budgeted, data.report)),
                       total_section(data, structure))]  # no message: the 2024 report gives no budget to test it on


def project_charts(data: UnitYear) -> list[NamedChart]:
    projects = data.projects
    if projects.empty:
        return []
    return [NamedChart("project_pipeline", texts.CHART_PIPELINE_TITLE,
                       charts.project_pipeline(projects, texts.CHART_PIPELINE_TITLE,
                                               charts.source_of(projects, data.report)),
                       section_at(data, most_cited(projects["source"])),
                       texts.MESSAGE_PROJECTS.format(count=len(projects), statuses=texts.LIST_JOIN.join(
                           status + texts.COUNT_SUFFIX.format(count=count) for status, count in
                           projects.groupby("status", sort=False).size().items())))]


def score_charts(data: UnitYear) -> list[NamedChart]:
    scores = data.scores
    groups = scores[scores["row_type"] == "group"]
    if groups["stated_score"].isna().all() and groups["computed_score"].isna().all():
        return []
    score = summary.total_score_text(data.total)
    title = texts.CHART_SCORE_TITLE.format(total=score)
    message = texts.MESSAGE_SCORE.format(score=score, grade=summary.total_grade_text(data.total))
    source = data.total["source"] if data.total is not None else None
    return [NamedChart("score_groups", title, charts.score_bars(groups, title, charts.source_of(groups, data.report)),
                       section_at(data, source), message)]


def trend_charts(data: UnitYear) -> list[NamedChart]:
    """Year on year: the growth the report states or the loaded years give, and spending by year."""
    found = []
    results = data.results
    growth = results[results["yoy_rate"].notna()]
    if not growth.empty:
        # the rates are stated or computed from two reported years; the previous year a stated rate implies
        # (previous_basis 'derived') is not drawn here, so the source line does not speak of 〔推算〕
        shown = charts.source_of(growth.drop(columns="previous_basis"), data.report)
        found.append(NamedChart("yoy_rates", texts.CHART_YOY_TITLE,
                                charts.yoy_bars(growth, texts.CHART_YOY_TITLE, shown),
                                section_at(data, most_cited(growth["source"])),
                                lead_sentence(growth)))
    structure = data.series("spending_structure")
    if not structure.empty:
        found.append(NamedChart("spending_by_year", texts.CHART_SPENDING_YEARS_TITLE,
                                charts.spending_by_year(structure, texts.CHART_SPENDING_YEARS_TITLE,
                                                        charts.source_of(structure, data.report)), (),
                                summary.spending_sentence(structure[structure["year"] == data.year]) or ""))
    return found


def lead_sentence(results: pd.DataFrame) -> str:
    """The first reported indicator of a group, said as the report would say it."""
    reported = results[results["actual"].notna()]
    return summary.indicator_sentence(reported.iloc[0]) if not reported.empty else texts.MESSAGE_NOT_REPORTED


def largest_parts(parts: pd.DataFrame) -> pd.DataFrame:
    """The parts as a chart shows them: all of them, or the PARTS_SHOWN − 1 largest and one row holding the
    sum of the rest (an exact sum of stated amounts, named 其余N项合计)."""
    if len(parts) <= PARTS_SHOWN:
        return parts
    ranked = parts.sort_values("amount", ascending=False, kind="stable")
    top, rest = ranked.head(PARTS_SHOWN - 1), ranked.iloc[PARTS_SHOWN - 1:]
    summed = rest.iloc[[0]].assign(item_code="", item_name=texts.CHART_PARTS_REST.format(count=len(rest)),
                                   amount=rest["amount"].sum(), share_of_parent=rest["share_of_parent"].sum())
    return pd.concat([top, summed], ignore_index=True)


def hierarchy_charts(data: UnitYear) -> list[NamedChart]:
    """For a unit with subordinate units (units.parent_code): each one's spending and share."""
    children = data.view("unit_children")
    if children.empty:
        return []
    title = texts.COUNTY_CHART_CHILDREN.format(unit=data.report.unit_name, year=data.year)
    source = charts.CountySource(data.year, len(children))
    top = children.iloc[0]
    message = texts.MESSAGE_LARGEST_CHILD.format(count=len(children), name=top["child_name"],
                                                 amount=formatting.money(top["total_spending"]),
                                                 share=formatting.rate(top["share_of_children"]))
    return [NamedChart("spending_children", title, charts.children_spending(children, title, source), (), message)]


def largest_part(parent: pd.Series, parts: pd.DataFrame) -> str:
    top = parts.sort_values("amount", ascending=False).iloc[0]
    return texts.MESSAGE_LARGEST_PART.format(parent=parent["item_name"], total=formatting.money(parent["amount"]),
                                             name=top["item_name"], amount=formatting.money(top["amount"]),
                                             share=formatting.rate(top["share_of_parent"]))


# The charts of a year in groups, in the order a reader meets them; a page builds only the groups it shows.
BUILDERS = {"headline": headline_bullet, "categories": category_bullets, "spending": spending_charts,
            "hierarchy": hierarchy_charts, "projects": project_charts, "score": score_charts, "trends": trend_charts}


def year_charts(data: UnitYear, groups: tuple[str, ...] = tuple(BUILDERS)) -> list[NamedChart]:
    """The year's charts of the named groups (all by default), in the order of BUILDERS."""
    return [chart for name, build in BUILDERS.items() if name in groups for chart in build(data)]


def county_charts(view: YearView) -> list[NamedChart]:
    """The 全部单位 page's charts of the units shown: score distribution, completion by category, ranking and
    units by the worst severity of their findings (an empty view has none)."""
    shown = view.units
    if shown.empty:
        return []
    source = charts.CountySource(view.year, len(shown), bool(shown["total_is_derived"].any()))
    scored = int(shown["total_score"].notna().sum())
    findings = charts.CountySource(view.year, len(shown), with_findings=True)
    drawn = (
        ("county_distribution", texts.COUNTY_CHART_DISTRIBUTION.format(count=scored), charts.score_distribution,
         shown, source),
        ("county_categories_chart", texts.COUNTY_CHART_CATEGORIES.format(count=len(shown)),
         charts.category_completion, view.completion, source),
        ("county_ranking", texts.COUNTY_CHART_RANKING.format(count=min(scored, charts.RANKING_LIMIT)),
         charts.score_ranking, shown, source),
        ("county_severity", texts.COUNTY_CHART_SEVERITY, charts.severity_units, view.by_severity, findings),
    )
    return [NamedChart(key, title, build(rows, title, chart_source), ()) for key, title, build, rows, chart_source
            in drawn]
