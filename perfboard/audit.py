"""The audit: does the report hold together, and does its text agree with its numbers?

Each check is a small named function over `Reports`, the audited views of any number of unit-years (one on a
page, every one at publish). It returns findings: a check code, a severity (错误 / 警告 / 提示), the unit and
year, the subject, a Chinese message with the numbers involved and the report section. A check selects and
joins whole frames, and walks only the rows it reports, so auditing a county costs little more than one
report (docs/architecture.md, "Findings at publish"). `run_all` applies every check in `CHECKS`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property, lru_cache

import duckdb
import pandas as pd

from perfboard import formatting, rules, texts
from perfboard.database import QUERIES_DIR
from perfboard.narrative import Outline, ascii_figures, split_refs
from perfboard.schema import COUNT_MEASURE_UNITS, QUALIFIER_MEANINGS, TOTAL_ROW, Bound
from perfboard.unit_year import Fetch, UnitYear

RATE_TOLERANCE = 0.00015  # a stated percentage with two places and the views' 4-place rates: rounding only
VIEW_RATE_ROUNDING = 0.00005  # the views give rates to 4 places (queries/indicator_progress.sql)
APPROXIMATE_TOLERANCE = 0.05  # 约/近 figures: five points either way before a stated rate contradicts them
KEY = ["unit_code", "year"]  # every frame's rows say whose year they are
AUDITED_VIEWS = {"results": "indicator_results", "structure": "spending_structure", "scores": "evaluation_score",
                 "totals": "evaluation_summary", "sections": "report_sections"}
Row = Mapping[str, object]  # one row of a view, as a dict


@dataclass(frozen=True)
class Reports:
    """The audited views of one or many unit-years, each row with its unit_code and year."""

    results: pd.DataFrame
    structure: pd.DataFrame
    scores: pd.DataFrame
    totals: pd.DataFrame
    sections: pd.DataFrame
    _cited: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, data: UnitYear) -> Reports:
        """One unit's year, every row labelled with its unit and year (a test may relabel a year's rows)."""
        frames = {attribute: data.view(view) for attribute, view in AUDITED_VIEWS.items()}
        return cls(**{attribute: frame.assign(unit_code=data.unit_code, year=data.year)
                      for attribute, frame in frames.items()})

    @classmethod
    def whole(cls, fetch: Fetch) -> Reports:
        """Every unit-year the data holds a report for, each view read once. Figures from other public sources
        (value_documents) may give a year without a report: that year is not audited."""
        held = fetch("available_years", None, None)[KEY]
        return cls(**{attribute: fetch(view, None, None).merge(held, on=KEY)
                      for attribute, view in AUDITED_VIEWS.items()})

    @cached_property
    def outlines(self) -> dict[tuple[str, int], Outline]:
        return {(unit, int(year)): outline for (unit, year), outline in Outline.each(self.sections, KEY).items()}

    @cached_property
    def paragraphs(self) -> list[tuple[dict, str]]:
        """Each paragraph of every section's text with its section, split once for the checks that read them."""
        return [(section, paragraph.strip()) for section in records(self.sections[self.sections["body"].notna()])
                for paragraph in section["body"].split("\n\n")]

    def cited_text(self, row: Row) -> str:
        """The text of the sections the row's `source` cites (四.1；一(三)), subsections included; gathered once
        per unit-year and `source` (hundreds of rows may cite the same sections)."""
        refs = row["source"]
        if not isinstance(refs, str) or not refs.strip():
            return ""
        key = (row["unit_code"], int(row["year"]), refs)
        if key not in self._cited:
            outline = self.outlines.get(key[:2])
            self._cited[key] = "" if outline is None else outline.text(refs)
        return self._cited[key]


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    subject_kind: str  # indicator, spending, score or narrative (texts.SUBJECT_KINDS)
    subject: str  # the indicator code, spending item code, score group or section key
    subject_name: str
    message: str
    source: str | None  # the report section, e.g. 四.5
    unit_code: str = ""
    year: int = 0

    def as_dict(self) -> dict:
        # the fields are plain values: vars() is asdict() without its deep copy (5,525 findings: 0.12 → 0.01 s)
        return {**vars(self), "check_label": texts.CHECK_LABELS[self.check]}


Check = Callable[[Reports], Iterable[Finding]]
CHECKS: dict[str, tuple[str, Check]] = {}


def check(code: str, severity: str) -> Callable[[Check], Check]:
    """Register a check under its code; the code and severity go on every finding it makes."""

    def register(function: Check) -> Check:
        CHECKS[code] = (severity, function)
        return function

    return register


def finding(code: str, at: Row, kind: str, subject: object, name: object, message: str,
            source: object = None) -> Finding:
    """A finding of the unit-year the row `at` belongs to."""
    return Finding(code, CHECKS[code][0], kind, str(subject), str(name), message,
                   source if isinstance(source, str) else None, str(at["unit_code"]), int(at["year"]))


def on_indicator(code: str, row: Row, message: str) -> Finding:
    return finding(code, row, "indicator", row["indicator_code"], row["indicator_name"], message, row["source"])


def on_section(code: str, section: Row, message: str) -> Finding:
    return finding(code, section, "narrative", section["section_key"], section["title"], message, section["ref"])


def column_rows(frame: pd.DataFrame, *columns: str) -> Iterable[tuple]:
    """The columns' values row by row, as plain Python values (read a column at a time: far faster than rows)."""
    return zip(*(frame[column].tolist() for column in columns))


def records(frame: pd.DataFrame) -> list[dict]:
    """The rows a check reports, as plain Python values (by columns, as column_rows: to_dict boxes each value)."""
    columns = list(frame.columns)
    return [dict(zip(columns, values)) for values in column_rows(frame, *columns)]


def amount(row: Row, column: str = "actual") -> str:
    return formatting.amount(row[column], row["unit"], row.get("qualifier") if column == "actual" else None)


def percent(fraction: float) -> str:
    """A rate as the report writes it: 56.08%, 103.3%."""
    return f"{formatting.plain_number(fraction * 100, 2)}%"


# ---- spending and scores: parts against totals ---------------------------------------------------

def spending_item(code: str, item: Row, message: str) -> Finding:
    return finding(code, item, "spending", item["item_code"], item["item_name"], message, item["source"])


@check("SPENDING_PARTS", texts.SEVERITY_ERROR)
def spending_parts_add_up(data: Reports) -> Iterable[Finding]:
    """At every level of the tree the parts add up to their parent; a remainder row may not go negative."""
    spending = data.structure
    children = spending.loc[spending["parent_code"].notna(), [*KEY, "parent_code", "amount", "is_derived"]]
    # one pass over the children (a county has a million): the listed parts' sum and whether a remainder is among them
    sums = (children.assign(amount=children["amount"].where(~children["is_derived"], 0.0))
            .groupby([*KEY, "parent_code"], as_index=False, sort=False)
            .agg(listed=("amount", "sum"), has_remainder=("is_derived", "any"))
            .rename(columns={"parent_code": "item_code"}))
    parents = spending[[*KEY, "item_code", "item_name", "amount", "source"]].merge(sums, on=[*KEY, "item_code"])
    parents["has_remainder"] = parents["has_remainder"].astype(bool)
    gap = parents["listed"] - parents["amount"]
    overlisted = parents["has_remainder"] & (gap > 0)
    off = ~parents["has_remainder"] & gap.map(lambda g: round(g, 2) != 0)
    for parent in records(parents[overlisted | off]):
        name, total, listed = parent["item_name"], parent["amount"], parent["listed"]
        wording = "SPENDING_OVERLISTED" if parent["has_remainder"] else "SPENDING_PARTS"
        yield spending_item("SPENDING_PARTS", parent, texts.FINDING[wording].format(
            name=name, total=formatting.money(total), parts=formatting.money(listed),
            gap=formatting.money(abs(listed - total))))


@check("SPENDING_UNITEMISED", texts.SEVERITY_NOTE)
def spending_unitemised(data: Reports) -> Iterable[Finding]:
    """Part of a total that the report does not break down (it ends its list with 等)."""
    spending = data.structure
    parents = spending[[*KEY, "item_code", "item_name", "amount"]].rename(columns={
        "item_code": "parent_code", "item_name": "parent_name", "amount": "parent_amount"})
    for rest in records(spending[spending["is_derived"]].merge(parents, on=[*KEY, "parent_code"])):
        yield spending_item("SPENDING_UNITEMISED", rest, texts.FINDING["SPENDING_UNITEMISED"].format(
            parent=rest["parent_name"], total=formatting.money(rest["parent_amount"]),
            listed=formatting.money(rest["parent_amount"] - rest["amount"]),
            rest=formatting.money(rest["amount"]), share=formatting.rate(rest["share_of_parent"])))


def stated_groups(data: Reports) -> pd.DataFrame:
    return data.scores[data.scores["row_type"] == "group"]


def stated_totals(data: Reports) -> dict[tuple[str, int], float]:
    """The total each unit-year's report states (evaluation_summary), not one summed from its parts."""
    stated = data.totals.dropna(subset=["stated_total"])
    return {(unit, int(year)): float(total) for unit, year, total in column_rows(stated, *KEY, "stated_total")}


def scored_groups(data: Reports) -> dict[tuple[str, int], list[dict]]:
    """Each unit-year's first-level groups that have a stated score, in order."""
    scored: dict[tuple[str, int], list[dict]] = {}
    for group in records(stated_groups(data).dropna(subset=["stated_score"])):
        scored.setdefault((group["unit_code"], int(group["year"])), []).append(group)
    return scored


@check("SCORE_PARTS", texts.SEVERITY_ERROR)
def score_parts_add_up(data: Reports) -> Iterable[Finding]:
    totals = stated_totals(data)
    for key, groups in scored_groups(data).items():
        parts = sum(g["stated_score"] for g in groups)
        total = totals.get(key)
        if total is None or round(parts - total, 2) == 0:
            continue
        detail = texts.LIST_JOIN.join(f"{g['level1']}{formatting.plain_number(g['stated_score'])}" for g in groups)
        sources = [g["source"] for g in groups if isinstance(g["source"], str)]
        yield finding("SCORE_PARTS", groups[0], "score", TOTAL_ROW, TOTAL_ROW, texts.FINDING["SCORE_PARTS"].format(
            parts=formatting.plain_number(parts), detail=detail, total=formatting.plain_number(total),
            gap=formatting.plain_number(abs(parts - total))), sources[0] if sources else None)


@check("SCORE_OVER_WEIGHT", texts.SEVERITY_WARNING)
def score_within_weight(data: Reports) -> Iterable[Finding]:
    groups = stated_groups(data)
    for group in records(groups[groups["stated_score"] > groups["weight"]]):
        note = texts.FINDING["SCORE_OVER_WEIGHT_DEFAULT"] if group["weight_is_default"] else ""
        yield finding("SCORE_OVER_WEIGHT", group, "score", group["level1"], group["level1"],
                      texts.FINDING["SCORE_OVER_WEIGHT"].format(
                          level1=group["level1"], score=formatting.plain_number(group["stated_score"]),
                          weight=formatting.plain_number(group["weight"]), default_note=note),
                      group["source"])


@check("SCORE_GROUP_MISSING", texts.SEVERITY_NOTE)
def score_groups_present(data: Reports) -> Iterable[Finding]:
    """A first-level group with no stated score while the others have one."""
    groups = stated_groups(data)
    scored, totals = scored_groups(data), stated_totals(data)
    for group in records(groups[groups["stated_score"].isna()]):
        key = (group["unit_code"], int(group["year"]))
        if key not in scored:
            continue
        parts = texts.LIST_JOIN.join(
            g["level1"] + texts.POINTS_SUFFIX.format(score=formatting.plain_number(g["stated_score"]))
            for g in scored[key])
        total = totals.get(key)
        sources = [g["source"] for g in scored[key] if isinstance(g["source"], str)]
        yield finding("SCORE_GROUP_MISSING", group, "score", group["level1"], group["level1"],
                      texts.FINDING["SCORE_GROUP_MISSING"].format(
                          level1=group["level1"], weight=formatting.plain_number(group["weight"]),
                          total=formatting.plain_number(total) if total is not None else texts.NOT_REPORTED,
                          parts=parts),
                      sources[0] if sources else None)


@check("INDICATOR_WEIGHTS", texts.SEVERITY_NOTE)
def indicator_weights_add_up(data: Reports) -> Iterable[Finding]:
    """A group whose every indicator carries its 分值 (the form's table), the 分值 summing to other than the
    group's weight: the group's computed score can never reach its weight, or could pass it. A note, not a
    warning: the importer leaves out a row with no figure (及时), whose 分值 may be what is missing."""
    indicators = data.scores[(data.scores["row_type"] == "indicator") & data.scores["level1"].notna()]
    sums = indicators.groupby([*KEY, "level1"]).agg(
        weights=("weight", "sum"), given=("weight", "count"), listed=("weight", "size"),
        source=("source", "first")).reset_index()
    every_weight_given = sums[sums["given"] == sums["listed"]]
    groups = stated_groups(data).drop(columns="source").merge(every_weight_given, on=[*KEY, "level1"])
    differing = groups["weight"].notna() & ((groups["weights"] - groups["weight"]).round(2) != 0)
    for group in records(groups[differing]):
        note = texts.FINDING["SCORE_OVER_WEIGHT_DEFAULT"] if group["weight_is_default"] else ""
        yield finding("INDICATOR_WEIGHTS", group, "score", group["level1"], group["level1"],
                      texts.FINDING["INDICATOR_WEIGHTS"].format(
                          level1=group["level1"], count=group["listed"], weight=formatting.plain_number(group["weight"]),
                          weights=formatting.plain_number(group["weights"]), default_note=note),
                      group["source"])


# ---- stated rates against the report's own figures ----------------------------------------------

def stated_rate_tolerance(stated: float) -> float:
    """How far a stated rate (a fraction) may lie from the figures' by rounding alone: half a unit of the last
    place of the percentage the report writes (103.1% stands for 103.05–103.15%, 104% for 103.5–104.5%) and the
    views' own rounding; at least RATE_TOLERANCE. 103.10% is stored as 103.1 and given the wider margin."""
    return max(RATE_TOLERANCE, rounding_tolerance(stated * 100) / 100 + VIEW_RATE_ROUNDING)


def rate_contradicts(stated: float, computed: float, qualifier: object) -> bool:
    """Whether a stated completion rate contradicts the one the figures give. A qualified actual is a bound or
    an approximation (schema.QUALIFIER_MEANINGS): "超过2亿" completes at least what 2 gives, "约2亿" about it."""
    bound = QUALIFIER_MEANINGS[qualifier][0] if isinstance(qualifier, str) and qualifier else None
    rounding = stated_rate_tolerance(stated)
    if bound is Bound.AT_LEAST:
        return stated < computed - rounding
    if bound in (Bound.BELOW, Bound.AT_MOST):
        return stated > computed + rounding
    return abs(computed - stated) > (APPROXIMATE_TOLERANCE if bound is Bound.APPROXIMATE else rounding)


@check("RATE_MISMATCH", texts.SEVERITY_ERROR)
def stated_rates_hold(data: Reports) -> Iterable[Finding]:
    for row in records(data.results.dropna(subset=["stated_rate", "completion_rate"])):
        computed = row["completion_rate"]  # the view's rule (queries/macros/completion_rate.sql), to 4 places
        if rate_contradicts(row["stated_rate"], computed, row["qualifier"]):
            yield on_indicator("RATE_MISMATCH", row, texts.FINDING["RATE_MISMATCH"].format(
                name=row["indicator_name"], stated=percent(row["stated_rate"]),
                actual=formatting.plain_number(row["actual"]), target=formatting.plain_number(row["target"]),
                computed=percent(computed)))


@check("RATE_UNVERIFIABLE", texts.SEVERITY_NOTE)
def stated_rates_checkable(data: Reports) -> Iterable[Finding]:
    results = data.results
    for row in records(results[results["stated_rate"].notna() & results["target"].isna()]):
        yield on_indicator("RATE_UNVERIFIABLE", row, texts.FINDING["RATE_UNVERIFIABLE"].format(
            name=row["indicator_name"], stated=percent(row["stated_rate"]), actual=amount(row)))


@check("YOY_MISMATCH", texts.SEVERITY_ERROR)
def stated_growth_holds(data: Reports) -> Iterable[Finding]:
    """Only against a loaded previous year: a derived previous year reproduces the stated rate."""
    results = data.results
    # the view's rule (queries/macros/yoy_rate.sql), to 4 places
    gap = (results["yoy_rate"] - results["stated_yoy"]).abs()
    off = (results["previous_basis"] == "loaded") & (gap > RATE_TOLERANCE)
    for row in records(results[off.fillna(False).astype(bool)]):
        yield on_indicator("YOY_MISMATCH", row, texts.FINDING["YOY_MISMATCH"].format(
            name=row["indicator_name"], stated=formatting.change_rate(row["stated_yoy"]),
            previous_year=int(row["year"]) - 1, previous=amount(row, "previous_actual"), actual=amount(row),
            computed=formatting.change_rate(row["yoy_rate"])))


# ---- targets and actuals ------------------------------------------------------------------------

@check("TARGET_EQUALS_ACTUAL", texts.SEVERITY_WARNING)
def targets_not_copied_from_actuals(data: Reports) -> Iterable[Finding]:
    """A target equal to an actual of the same report. Counts (个, 家 …) and rates (95%, 100% in a form's every
    other row) coincide too often to say anything."""
    results = data.results[~data.results["unit"].isin([*COUNT_MEASURE_UNITS, "%"])]
    same = [*KEY, "unit", "figure"]
    actuals = results.dropna(subset=["actual"])[[*KEY, "unit", "actual", "indicator_code", "indicator_name",
                                                   "source"]].rename(columns={
        "actual": "figure", "indicator_code": "other_code", "indicator_name": "other_name", "source": "other_source"})
    targets = results.dropna(subset=["target"]).assign(figure=lambda frame: frame["target"])
    for row in records(targets.merge(actuals, on=same)):
        own = row["other_code"] == row["indicator_code"]
        message = (texts.FINDING["TARGET_EQUALS_OWN_ACTUAL"].format(name=row["indicator_name"],
                                                                    value=amount(row, "target"))
                   if own else texts.FINDING["TARGET_EQUALS_OTHER_ACTUAL"].format(
                       name=row["indicator_name"], value=amount(row, "target"),
                       other=row["other_name"], other_source=row["other_source"]))
        found = on_indicator("TARGET_EQUALS_ACTUAL", row, message)
        # Equal to its own actual is worth a look; equal to another indicator's actual is a likely slip.
        yield replace(found, severity=texts.SEVERITY_NOTE) if own else found


@check("TARGET_WITHOUT_ACTUAL", texts.SEVERITY_WARNING)
def targets_have_actuals(data: Reports) -> Iterable[Finding]:
    for row in records(data.results[data.results["status"] == "no_actual"]):
        yield on_indicator("TARGET_WITHOUT_ACTUAL", row, texts.FINDING["TARGET_WITHOUT_ACTUAL"].format(
            name=row["indicator_name"], target=amount(row, "target")))


def rounding_tolerance(*figures: float) -> float:
    """Half a unit in the last place each figure is stated to, added up: 186.5 and 111.72 + 74.1 may differ
    by 0.05 + 0.005 + 0.05 through rounding alone, and no more."""
    return sum(0.5 * 10 ** -decimal_places(figure) for figure in figures)


def decimal_places(figure: float) -> int:
    text = formatting.plain_number(figure, 6).replace(",", "")
    return len(text.split(".")[1]) if "." in text else 0


@check("INDICATOR_PARTS", texts.SEVERITY_ERROR)
def indicator_parts_add_up(data: Reports) -> Iterable[Finding]:
    """A whole the catalogue splits into parts (indicators.part_of) equals the sum of the parts the report gives."""
    reported = data.results.dropna(subset=["actual"])
    parts = reported[reported["part_of"].notna()]
    wholes = reported.merge(parts[[*KEY, "part_of"]].drop_duplicates().rename(columns={"part_of": "indicator_code"}),
                            on=[*KEY, "indicator_code"])
    parts_of = {}
    for part in records(parts):
        parts_of.setdefault((part["unit_code"], int(part["year"]), part["part_of"]), []).append(part)
    for whole in records(wholes):
        group = parts_of[(whole["unit_code"], int(whole["year"]), whole["indicator_code"])]
        total, listed = float(whole["actual"]), float(sum(p["actual"] for p in group))
        tolerance = rounding_tolerance(total, *(p["actual"] for p in group))
        if abs(total - listed) > tolerance:
            yield on_indicator("INDICATOR_PARTS", whole, texts.FINDING["INDICATOR_PARTS"].format(
                name=whole["indicator_name"], total=amount(whole),
                parts=texts.LIST_JOIN.join(f"{p['indicator_name']}{amount(p)}" for p in group),
                sum=formatting.amount(round(listed, 6), whole["unit"]),
                gap=formatting.amount(round(abs(total - listed), 6), whole["unit"]),
                tolerance=formatting.plain_number(round(tolerance, 6))))


@check("NO_TARGETS", texts.SEVERITY_WARNING)
def some_targets_are_set(data: Reports) -> Iterable[Finding]:
    """A self-evaluation measures results against targets: a report that sets none cannot be evaluated."""
    results = data.results
    judged = results.assign(measured=results["target"].notna() | results["achievement"].notna())
    per_year = judged.groupby(KEY, sort=False, as_index=False).agg(count=("measured", "size"),
                                                                    measured=("measured", "any"))
    for year in records(per_year[~per_year["measured"]]):
        yield finding("NO_TARGETS", year, "indicator", "", texts.SUBJECT_KINDS["indicator"],
                      texts.FINDING["NO_TARGETS"].format(count=year["count"]))


@check("TARGET_NOT_MEASURABLE", texts.SEVERITY_WARNING)
def targets_are_measurable(data: Reports) -> Iterable[Finding]:
    """A target stated only in words (「保障…正常运转」), with no figure and no achievement tier."""
    results = data.results
    for row in records(results[results["target_text"].notna() & results["target"].isna()
                               & results["achievement"].isna()]):
        yield on_indicator("TARGET_NOT_MEASURABLE", row, texts.FINDING["TARGET_NOT_MEASURABLE"].format(
            name=row["indicator_name"], text=row["target_text"]))


@check("FAR_ABOVE_TARGET", texts.SEVERITY_WARNING)
def results_not_far_above_target(data: Reports) -> Iterable[Finding]:
    for row in records(data.results[data.results["completion_rate"] > rules.FAR_ABOVE_TARGET]):
        yield on_indicator("FAR_ABOVE_TARGET", row, texts.FINDING["FAR_ABOVE_TARGET"].format(
            name=row["indicator_name"], actual=amount(row), target=amount(row, "target"),
            rate=formatting.rate(row["completion_rate"])))


@check("ESTIMATE_IN_YEAR_END", texts.SEVERITY_WARNING)
def no_estimates(data: Reports) -> Iterable[Finding]:
    for row in records(data.results[data.results["is_estimate"]]):
        yield on_indicator("ESTIMATE_IN_YEAR_END", row, texts.FINDING["ESTIMATE_IN_YEAR_END"].format(
            name=row["indicator_name"], actual=amount(row)))


@check("PARTIAL_PERIOD", texts.SEVERITY_WARNING)
def no_partial_periods(data: Reports) -> Iterable[Finding]:
    for row in records(data.results[data.results["is_partial"]]):
        yield on_indicator("PARTIAL_PERIOD", row, texts.FINDING["PARTIAL_PERIOD"].format(
            name=row["indicator_name"], actual=amount(row), period=row["period"]))


# ---- the narrative ------------------------------------------------------------------------------

# A figure as it stands in a text: not inside a longer number (2100 in 21000 or 2100.5; 5 in 1.2.5).
FIGURE = re.compile(r"(?<![\d.,])\d[\d,]*(?:\.\d+)?(?![\d,]|\.\d)")


@lru_cache(maxsize=4096)
def figures_in(text: str) -> frozenset[str]:
    """Every figure a text writes, without trailing zeros after its point (760.60 -> 760.6, 760.00 -> 760), a
    full-width one as ASCII (４．２８ -> 4.28)."""
    return frozenset(figure.rstrip("0").rstrip(".") if "." in figure else figure
                     for figure in FIGURE.findall(ascii_figures(text)))


def written_in(text: str, value: float) -> bool:
    """Whether a figure stands in the text as a number of its own (2100 is not found in 21000 or 2100.5), as
    written with or without thousands separators and trailing zeros (760.6 is found in 760.60万元, 760 in
    760.00, 25751 in 25,751)."""
    grouped = formatting.plain_number(value)
    return not figures_in(text).isdisjoint({grouped, grouped.replace(",", "")})


@check("TEXT_FIGURE_MISSING", texts.SEVERITY_WARNING)
def figures_stand_in_the_text(data: Reports) -> Iterable[Finding]:
    """Each target and actual stands in the sections it cites. A zero is skipped: the text says 未发生."""
    cited = data.results[data.results["source"].notna()]
    for row in records(cited[[*KEY, "source", "target", "actual", "unit", "qualifier", "indicator_code",
                              "indicator_name"]]):
        text = data.cited_text(row)
        for column in ("target", "actual"):
            value = row[column]
            if formatting.is_missing(value) or value == 0 or not text or written_in(text, value):
                continue
            yield on_indicator("TEXT_FIGURE_MISSING", row, texts.FINDING["TEXT_FIGURE_MISSING"].format(
                name=row["indicator_name"], what=texts.FINDING_WHAT[column], value=amount(row, column),
                source=row["source"]))
    structure = data.structure
    cited = structure.loc[~structure["is_derived"] & structure["source"].notna() & (structure["amount"] != 0),
                          [*KEY, "source", "amount", "item_code", "item_name"]]
    for item in records(cited):
        text = data.cited_text(item)
        if text and not written_in(text, float(item["amount"])):
            yield spending_item("TEXT_FIGURE_MISSING", item, texts.FINDING["TEXT_FIGURE_MISSING"].format(
                name=item["item_name"], what=texts.FINDING_WHAT["actual"], value=formatting.money(item["amount"]),
                source=item["source"]))


def cited_refs(data: Reports) -> set[tuple[str, int, str]]:
    """The sections whose figures are recorded as their year's, by unit-year."""
    return {(unit, int(year), ref) for unit, year, cell in column_rows(data.results, *KEY, "source")
            for ref in split_refs(cell)}


YEAR_LABEL = re.compile(r"(\d{4})年[，,]")


@check("TEXT_YEAR_LABEL", texts.SEVERITY_WARNING)
def year_labels_fit(data: Reports) -> Iterable[Finding]:
    """A paragraph that opens with another year (2023年，…) in a section whose figures are this year's."""
    cited = cited_refs(data)
    for section, paragraph in data.paragraphs:
        match = YEAR_LABEL.match(paragraph)
        year = int(section["year"])
        if match and (section["unit_code"], year, section["ref"]) in cited and int(match.group(1)) != year:
            yield on_section("TEXT_YEAR_LABEL", section, texts.FINDING["TEXT_YEAR_LABEL"].format(
                ref=section["ref"], label=match.group(0)[:-1], year=year, excerpt=paragraph[:30] + "……"))


PLAN_WORDS = r"(?:预计|计划|拟|将|争取|力争)"
PLAN_WORD = re.compile(PLAN_WORDS)
DEADLINES = (
    # (pattern, the deadline it names, given the match and the report year)
    (re.compile(PLAN_WORDS + r"[^。；]{0,15}?(\d{4})年(\d{1,2})月[底末]?前?"),
     lambda m, year: month_end(int(m.group(1)), int(m.group(2)))),
    (re.compile(PLAN_WORDS + r"[^。；]{0,15}?(\d{4})年春节前"),
     lambda m, year: date(int(m.group(1)), 2, 28)),  # the Spring Festival falls in January or February
    (re.compile(PLAN_WORDS + r"[^。；，]{0,8}?(?<![年\d])(\d{1,2})月[底末]前"),
     lambda m, year: month_end(year, int(m.group(1)))),
)


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@check("TEXT_STALE_PLAN", texts.SEVERITY_WARNING)
def plans_not_overdue(data: Reports) -> Iterable[Finding]:
    """A plan or deadline no later than the report year's end, still written as to come."""
    for section, paragraph in data.paragraphs:
        year = int(section["year"])
        if not PLAN_WORD.search(paragraph):  # every deadline pattern opens with a plan word
            continue
        for sentence in re.split(r"[。；]", paragraph):
            for pattern, deadline_of in DEADLINES:
                match = pattern.search(sentence)
                if match and deadline_of(match, year) <= date(year, 12, 31):
                    yield on_section("TEXT_STALE_PLAN", section, texts.FINDING["TEXT_STALE_PLAN"].format(
                        ref=section["ref"], excerpt=match.group(0), year=year))
                    break


def problems_and_measures(data: Reports) -> pd.DataFrame:
    """The sections on problems and measures, each with its body stripped ('' for none)."""
    sections = data.sections
    titled = sections[sections["title"].str.contains("问题|措施|建议", regex=True).fillna(False).astype(bool)]
    return titled.assign(text=titled["body"].fillna("").str.strip())


# A section that says nothing: no words, or only that there is nothing (无。暂无). A short one that says something
# (加强预算执行监控。) is not empty; TEXT_GENERIC_SECTION says when it names nothing specific.
SAYS_NOTHING = r"(?:无|暂无|没有|略|不适用|无问题|暂无问题)?[。.；;]?"


@check("TEXT_EMPTY_SECTION", texts.SEVERITY_ERROR)
def problem_sections_filled(data: Reports) -> Iterable[Finding]:
    sections = problems_and_measures(data)
    with_subsections = {(unit, int(year), parent)
                        for unit, year, parent in column_rows(data.sections, *KEY, "parent_key")}
    for section in records(sections[sections["text"].str.fullmatch(SAYS_NOTHING)]):
        if (section["unit_code"], int(section["year"]), section["section_key"]) not in with_subsections:
            yield on_section("TEXT_EMPTY_SECTION", section,
                             texts.FINDING["TEXT_EMPTY_SECTION"].format(title=section["title"]))


def by_unit_year(frame: pd.DataFrame, column: str) -> dict[tuple[str, int], list]:
    """A column's values grouped by unit-year, in row order."""
    values = frame[column].to_numpy(object)
    return {(unit, int(year)): values[positions].tolist()
            for (unit, year), positions in frame.groupby(KEY, sort=False).indices.items()}


SECTIONS_NAMING_NOTHING = QUERIES_DIR / "audit" / "sections_naming_nothing.sql"


def sections_naming_nothing(data: Reports, sections: pd.DataFrame) -> pd.DataFrame:
    """The keys of those sections that name none of their report's indicators and none of its spending items
    below the first level. A join in DuckDB over the audit's own frames: tested name by name in Python, a
    county's 4,000 sections against the 500 names of their reports took 1.5 s, in DuckDB 0.13 s."""
    con = duckdb.connect()
    try:
        con.register("sections", sections[[*KEY, "section_key", "body"]])
        con.register("results", data.results[[*KEY, "indicator_name"]])
        con.register("structure", data.structure[[*KEY, "item_name", "depth", "is_derived"]])
        return con.sql(SECTIONS_NAMING_NOTHING.read_text(encoding="utf-8")).df()
    finally:
        con.close()


def unmet_details(data: Reports) -> dict[tuple[str, int], str]:
    """Each unit-year's unmet targets with their completion, for a finding that names none."""
    unmet = data.results[data.results["status"] == "not_met"]
    named = unmet.assign(named=[f"{name}（{formatting.rate(rate)}）" for name, rate
                                in zip(unmet["indicator_name"], unmet["completion_rate"])])
    return {key: texts.FINDING["TEXT_GENERIC_UNMET"].format(names=texts.LIST_JOIN.join(names))
            for key, names in by_unit_year(named, "named").items()}


@check("TEXT_GENERIC_SECTION", texts.SEVERITY_NOTE)
def problem_sections_specific(data: Reports) -> Iterable[Finding]:
    """Problems and measures that name no indicator, project or figure of the report."""
    sections = problems_and_measures(data)
    unnumbered = sections["text"].str.replace(r"(?m)^\s*\d+[.、．]", "", regex=True)
    without_figures = sections[(sections["text"].str.len() >= 10) & ~unnumbered.str.contains(r"\d", regex=True)]
    if without_figures.empty:
        return
    generic = without_figures.merge(sections_naming_nothing(data, without_figures), on=[*KEY, "section_key"])
    details = unmet_details(data)
    for section in records(generic):
        yield on_section("TEXT_GENERIC_SECTION", section, texts.FINDING["TEXT_GENERIC_SECTION"].format(
            title=section["title"], detail=details.get((section["unit_code"], int(section["year"])),
                                                       texts.FINDING["TEXT_GENERIC_PLAIN"])))


def run_all(data: Reports) -> list[Finding]:
    """Every check over every unit-year of the reports: by unit and year, then in the order of CHECKS."""
    order = {code: position for position, code in enumerate(CHECKS)}
    found = [finding for _, function in CHECKS.values() for finding in function(data)]
    return sorted(found, key=lambda f: (f.unit_code, f.year, order[f.check]))


def run(data: UnitYear) -> list[Finding]:
    """Every check over one unit's year."""
    return run_all(Reports.of(data))


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    columns = [*Finding.__dataclass_fields__, "check_label"]
    return pd.DataFrame([f.as_dict() for f in findings], columns=columns)


def every_unit_year(fetch: Fetch) -> pd.DataFrame:
    """The findings of every unit-year the data holds, for storing at publish time (`database.AuditRun`): each
    view is read once for all units."""
    return findings_frame(run_all(Reports.whole(fetch)))
