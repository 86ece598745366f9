"""The audit: does the report hold together, and does its text agree with its numbers?

Each check is a small named function over one unit's year (`unit_year.UnitYear`) that returns findings: a check
code, a severity (错误 / 警告 / 提示), the subject, a Chinese message with the numbers involved and the
report section. `run` applies every check in `CHECKS`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date

import pandas as pd

from perfboard import formatting, rules, texts
from perfboard.narrative import split_refs
from perfboard.schema import COUNT_MEASURE_UNITS, QUALIFIER_MEANINGS, TOTAL_ROW, Bound
from perfboard.unit_year import Fetch, UnitYear, read_whole

RATE_TOLERANCE = 0.00015  # a stated percentage with two places and the views' 4-place rates: rounding only
APPROXIMATE_TOLERANCE = 0.05  # 约/近 figures: five points either way before a stated rate contradicts them


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
        return {**asdict(self), "check_label": texts.CHECK_LABELS[self.check]}


Check = Callable[[UnitYear], Iterable[Finding]]
CHECKS: dict[str, tuple[str, Check]] = {}


def check(code: str, severity: str) -> Callable[[Check], Check]:
    """Register a check under its code; the code and severity go on every finding it makes."""

    def register(function: Check) -> Check:
        CHECKS[code] = (severity, function)
        return function

    return register


def finding(code: str, kind: str, subject: str, name: str, message: str, source: object = None) -> Finding:
    return Finding(code, CHECKS[code][0], kind, subject, name, message, source if isinstance(source, str) else None)


def amount(row: pd.Series, column: str = "actual") -> str:
    return formatting.amount(row[column], row["unit"], row.get("qualifier") if column == "actual" else None)


def percent(fraction: float) -> str:
    """A rate as the report writes it: 56.08%, 103.3%."""
    return f"{formatting.plain_number(fraction * 100, 2)}%"


# ---- spending and scores: parts against totals ---------------------------------------------------

@check("SPENDING_PARTS", texts.SEVERITY_ERROR)
def spending_parts_add_up(data: UnitYear) -> Iterable[Finding]:
    """At every level of the tree the parts add up to their parent; a remainder row may not go negative."""
    spending = data.structure
    children = spending[spending["parent_code"].notna()]
    listed_sums = children[~children["is_derived"]].groupby("parent_code")["amount"].sum()
    has_remainder = set(children[children["is_derived"]]["parent_code"])
    for _, parent in spending[spending["item_code"].isin(set(children["parent_code"]))].iterrows():
        listed = listed_sums.get(parent["item_code"], 0)
        if parent["item_code"] in has_remainder:
            if listed > parent["amount"]:
                yield finding("SPENDING_PARTS", "spending", parent["item_code"], parent["item_name"],
                              texts.FINDING["SPENDING_OVERLISTED"].format(
                                  name=parent["item_name"], total=formatting.money(parent["amount"]),
                                  parts=formatting.money(listed), gap=formatting.money(listed - parent["amount"])),
                              parent["source"])
        elif round(listed - parent["amount"], 2) != 0:
            yield finding("SPENDING_PARTS", "spending", parent["item_code"], parent["item_name"],
                          texts.FINDING["SPENDING_PARTS"].format(
                              name=parent["item_name"], total=formatting.money(parent["amount"]),
                              parts=formatting.money(listed), gap=formatting.money(abs(listed - parent["amount"]))),
                          parent["source"])


@check("SPENDING_UNITEMISED", texts.SEVERITY_NOTE)
def spending_unitemised(data: UnitYear) -> Iterable[Finding]:
    """Part of a total that the report does not break down (it ends its list with 等)."""
    spending = data.structure.set_index("item_code", drop=False)
    for _, rest in spending[spending["is_derived"]].iterrows():
        parent = spending.loc[rest["parent_code"]]
        yield finding("SPENDING_UNITEMISED", "spending", rest["item_code"], rest["item_name"],
                      texts.FINDING["SPENDING_UNITEMISED"].format(
                          parent=parent["item_name"], total=formatting.money(parent["amount"]),
                          listed=formatting.money(parent["amount"] - rest["amount"]),
                          rest=formatting.money(rest["amount"]), share=formatting.rate(rest["share_of_parent"])),
                      rest["source"])


def stated_groups(data: UnitYear) -> pd.DataFrame:
    return data.scores[data.scores["row_type"] == "group"]


def stated_total(data: UnitYear) -> float | None:
    """The total the report states (evaluation_summary), not one summed from its parts."""
    total = data.total
    return None if total is None or formatting.is_missing(total["stated_total"]) else float(total["stated_total"])


@check("SCORE_PARTS", texts.SEVERITY_ERROR)
def score_parts_add_up(data: UnitYear) -> Iterable[Finding]:
    groups = stated_groups(data).dropna(subset=["stated_score"])
    total = stated_total(data)
    if groups.empty or total is None or round(groups["stated_score"].sum() - total, 2) == 0:
        return
    parts = groups["stated_score"].sum()
    detail = texts.LIST_JOIN.join(f"{g['level1']}{formatting.plain_number(g['stated_score'])}"
                                  for _, g in groups.iterrows())
    yield finding("SCORE_PARTS", "score", TOTAL_ROW, TOTAL_ROW, texts.FINDING["SCORE_PARTS"].format(
        parts=formatting.plain_number(parts), detail=detail, total=formatting.plain_number(total),
        gap=formatting.plain_number(abs(parts - total))), groups["source"].dropna().iloc[0]
        if groups["source"].notna().any() else None)


@check("SCORE_OVER_WEIGHT", texts.SEVERITY_WARNING)
def score_within_weight(data: UnitYear) -> Iterable[Finding]:
    for _, group in stated_groups(data).dropna(subset=["stated_score"]).iterrows():
        if group["stated_score"] > group["weight"]:
            note = texts.FINDING["SCORE_OVER_WEIGHT_DEFAULT"] if group["weight_is_default"] else ""
            yield finding("SCORE_OVER_WEIGHT", "score", group["level1"], group["level1"],
                          texts.FINDING["SCORE_OVER_WEIGHT"].format(
                              level1=group["level1"], score=formatting.plain_number(group["stated_score"]),
                              weight=formatting.plain_number(group["weight"]), default_note=note),
                          group["source"])


@check("SCORE_GROUP_MISSING", texts.SEVERITY_NOTE)
def score_groups_present(data: UnitYear) -> Iterable[Finding]:
    """A first-level group with no stated score while the others have one."""
    groups = stated_groups(data)
    scored = groups.dropna(subset=["stated_score"])
    if scored.empty:
        return
    parts = texts.LIST_JOIN.join(g["level1"] + texts.POINTS_SUFFIX.format(score=formatting.plain_number(g["stated_score"]))
                                 for _, g in scored.iterrows())
    total = stated_total(data)
    for _, group in groups[groups["stated_score"].isna()].iterrows():
        yield finding("SCORE_GROUP_MISSING", "score", group["level1"], group["level1"],
                      texts.FINDING["SCORE_GROUP_MISSING"].format(
                          level1=group["level1"], weight=formatting.plain_number(group["weight"]),
                          total=formatting.plain_number(total) if total is not None else texts.NOT_REPORTED,
                          parts=parts),
                      scored["source"].dropna().iloc[0] if scored["source"].notna().any() else None)


# ---- stated rates against the report's own figures ----------------------------------------------

def rate_contradicts(stated: float, computed: float, qualifier: object) -> bool:
    """Whether a stated completion rate contradicts the one the figures give. A qualified actual is a bound or
    an approximation (schema.QUALIFIER_MEANINGS): "超过2亿" completes at least what 2 gives, "约2亿" about it."""
    bound = QUALIFIER_MEANINGS[qualifier][0] if isinstance(qualifier, str) and qualifier else None
    if bound is Bound.AT_LEAST:
        return stated < computed - RATE_TOLERANCE
    if bound is Bound.BELOW:
        return stated > computed + RATE_TOLERANCE
    tolerance = APPROXIMATE_TOLERANCE if bound is Bound.APPROXIMATE else RATE_TOLERANCE
    return abs(computed - stated) > tolerance


@check("RATE_MISMATCH", texts.SEVERITY_ERROR)
def stated_rates_hold(data: UnitYear) -> Iterable[Finding]:
    rows = data.results.dropna(subset=["stated_rate", "completion_rate"])
    for _, row in rows.iterrows():
        computed = row["completion_rate"]  # the view's rule (queries/macros/completion_rate.sql), to 4 places
        if rate_contradicts(row["stated_rate"], computed, row["qualifier"]):
            yield finding("RATE_MISMATCH", "indicator", row["indicator_code"], row["indicator_name"],
                          texts.FINDING["RATE_MISMATCH"].format(
                              name=row["indicator_name"], stated=percent(row["stated_rate"]),
                              actual=formatting.plain_number(row["actual"]),
                              target=formatting.plain_number(row["target"]), computed=percent(computed)),
                          row["source"])


@check("RATE_UNVERIFIABLE", texts.SEVERITY_NOTE)
def stated_rates_checkable(data: UnitYear) -> Iterable[Finding]:
    rows = data.results[data.results["stated_rate"].notna() & data.results["target"].isna()]
    for _, row in rows.iterrows():
        yield finding("RATE_UNVERIFIABLE", "indicator", row["indicator_code"], row["indicator_name"],
                      texts.FINDING["RATE_UNVERIFIABLE"].format(name=row["indicator_name"],
                                                                stated=percent(row["stated_rate"]),
                                                                actual=amount(row)),
                      row["source"])


@check("YOY_MISMATCH", texts.SEVERITY_ERROR)
def stated_growth_holds(data: UnitYear) -> Iterable[Finding]:
    """Only against a loaded previous year: a derived previous year reproduces the stated rate."""
    rows = data.results[(data.results["previous_basis"] == "loaded")
                             & data.results["stated_yoy"].notna()]
    for _, row in rows.iterrows():
        computed = row["yoy_rate"]  # the view's rule (queries/macros/yoy_rate.sql), to 4 places
        if abs(computed - row["stated_yoy"]) > RATE_TOLERANCE:
            yield finding("YOY_MISMATCH", "indicator", row["indicator_code"], row["indicator_name"],
                          texts.FINDING["YOY_MISMATCH"].format(
                              name=row["indicator_name"], stated=formatting.change_rate(row["stated_yoy"]),
                              previous_year=data.year - 1, previous=amount(row, "previous_actual"),
                              actual=amount(row), computed=formatting.change_rate(computed)),
                          row["source"])


# ---- targets and actuals ------------------------------------------------------------------------

@check("TARGET_EQUALS_ACTUAL", texts.SEVERITY_WARNING)
def targets_not_copied_from_actuals(data: UnitYear) -> Iterable[Finding]:
    """A target equal to an actual of the same report. Counts (个, 家 …) coincide too often to say anything."""
    rows = data.results[~data.results["unit"].isin(COUNT_MEASURE_UNITS)]
    actuals = rows.dropna(subset=["actual"])
    for _, row in rows.dropna(subset=["target"]).iterrows():
        same_unit = actuals[(actuals["unit"] == row["unit"]) & (actuals["actual"] == row["target"])]
        for _, other in same_unit.iterrows():
            own = other["indicator_code"] == row["indicator_code"]
            message = (texts.FINDING["TARGET_EQUALS_OWN_ACTUAL"].format(name=row["indicator_name"],
                                                                        value=amount(row, "target"))
                       if own else texts.FINDING["TARGET_EQUALS_OTHER_ACTUAL"].format(
                           name=row["indicator_name"], value=amount(row, "target"),
                           other=other["indicator_name"], other_source=other["source"]))
            found = finding("TARGET_EQUALS_ACTUAL", "indicator", row["indicator_code"], row["indicator_name"],
                            message, row["source"])
            # Equal to its own actual is worth a look; equal to another indicator's actual is a likely slip.
            yield Finding(**{**asdict(found), "severity": texts.SEVERITY_NOTE}) if own else found


@check("TARGET_WITHOUT_ACTUAL", texts.SEVERITY_WARNING)
def targets_have_actuals(data: UnitYear) -> Iterable[Finding]:
    rows = data.results[data.results["status"] == "no_actual"]
    for _, row in rows.iterrows():
        yield finding("TARGET_WITHOUT_ACTUAL", "indicator", row["indicator_code"], row["indicator_name"],
                      texts.FINDING["TARGET_WITHOUT_ACTUAL"].format(name=row["indicator_name"],
                                                                    target=amount(row, "target")),
                      row["source"])


def rounding_tolerance(*figures: float) -> float:
    """Half a unit in the last place each figure is stated to, added up: 186.5 and 111.72 + 74.1 may differ
    by 0.05 + 0.005 + 0.05 through rounding alone, and no more."""
    return sum(0.5 * 10 ** -decimal_places(figure) for figure in figures)


def decimal_places(figure: float) -> int:
    text = formatting.plain_number(figure, 6).replace(",", "")
    return len(text.split(".")[1]) if "." in text else 0


@check("INDICATOR_PARTS", texts.SEVERITY_ERROR)
def indicator_parts_add_up(data: UnitYear) -> Iterable[Finding]:
    """A whole the catalogue splits into parts (indicators.part_of) equals the sum of the parts the report gives."""
    indicators = data.results.set_index("indicator_code", drop=False)
    parts = indicators[indicators["part_of"].notna() & indicators["actual"].notna()]
    for whole_code, group in parts.groupby("part_of", sort=False):
        if whole_code not in indicators.index or formatting.is_missing(indicators.loc[whole_code, "actual"]):
            continue
        whole = indicators.loc[whole_code]
        total, listed = float(whole["actual"]), float(group["actual"].sum())
        tolerance = rounding_tolerance(total, *group["actual"])
        if abs(total - listed) > tolerance:
            yield finding("INDICATOR_PARTS", "indicator", whole_code, whole["indicator_name"],
                          texts.FINDING["INDICATOR_PARTS"].format(
                              name=whole["indicator_name"], total=amount(whole),
                              parts=texts.LIST_JOIN.join(f"{p['indicator_name']}{amount(p)}" for _, p in group.iterrows()),
                              sum=formatting.amount(round(listed, 6), whole["unit"]),
                              gap=formatting.amount(round(abs(total - listed), 6), whole["unit"]),
                              tolerance=formatting.plain_number(round(tolerance, 6))),
                          whole["source"])


@check("NO_TARGETS", texts.SEVERITY_WARNING)
def some_targets_are_set(data: UnitYear) -> Iterable[Finding]:
    """A self-evaluation measures results against targets: a report that sets none cannot be evaluated."""
    indicators = data.results
    if indicators.empty or indicators["target"].notna().any() or indicators["achievement"].notna().any():
        return
    yield finding("NO_TARGETS", "indicator", "", texts.SUBJECT_KINDS["indicator"],
                  texts.FINDING["NO_TARGETS"].format(count=len(indicators)))


@check("TARGET_NOT_MEASURABLE", texts.SEVERITY_WARNING)
def targets_are_measurable(data: UnitYear) -> Iterable[Finding]:
    """A target stated only in words (「保障…正常运转」), with no figure and no achievement tier."""
    rows = data.results[data.results["target_text"].notna() & data.results["target"].isna()
                             & data.results["achievement"].isna()]
    for _, row in rows.iterrows():
        yield finding("TARGET_NOT_MEASURABLE", "indicator", row["indicator_code"], row["indicator_name"],
                      texts.FINDING["TARGET_NOT_MEASURABLE"].format(name=row["indicator_name"],
                                                                    text=row["target_text"]),
                      row["source"])


@check("FAR_ABOVE_TARGET", texts.SEVERITY_WARNING)
def results_not_far_above_target(data: UnitYear) -> Iterable[Finding]:
    rows = data.results[data.results["completion_rate"] > rules.FAR_ABOVE_TARGET]
    for _, row in rows.iterrows():
        yield finding("FAR_ABOVE_TARGET", "indicator", row["indicator_code"], row["indicator_name"],
                      texts.FINDING["FAR_ABOVE_TARGET"].format(name=row["indicator_name"], actual=amount(row),
                                                               target=amount(row, "target"),
                                                               rate=formatting.rate(row["completion_rate"])),
                      row["source"])


@check("ESTIMATE_IN_YEAR_END", texts.SEVERITY_WARNING)
def no_estimates(data: UnitYear) -> Iterable[Finding]:
    for _, row in data.results[data.results["is_estimate"]].iterrows():
        yield finding("ESTIMATE_IN_YEAR_END", "indicator", row["indicator_code"], row["indicator_name"],
                      texts.FINDING["ESTIMATE_IN_YEAR_END"].format(name=row["indicator_name"], actual=amount(row)),
                      row["source"])


@check("PARTIAL_PERIOD", texts.SEVERITY_WARNING)
def no_partial_periods(data: UnitYear) -> Iterable[Finding]:
    for _, row in data.results[data.results["is_partial"]].iterrows():
        yield finding("PARTIAL_PERIOD", "indicator", row["indicator_code"], row["indicator_name"],
                      texts.FINDING["PARTIAL_PERIOD"].format(name=row["indicator_name"], actual=amount(row),
                                                             period=row["period"]),
                      row["source"])


# ---- the narrative ------------------------------------------------------------------------------

def written_in(text: str, value: float) -> bool:
    """Whether a figure stands in the text as a number of its own (2100 is not found in 21000 or 2100.5), as
    written with or without trailing zeros (760.6 is found in 760.60万元, 760 in 760.00)."""
    plain = formatting.plain_number(value).replace(",", "")
    grouped = formatting.plain_number(value)
    zeros = "0*" if "." in plain else r"(?:\.0+)?"
    return any(re.search(rf"(?<![\d.,]){re.escape(form)}{zeros}(?![\d,]|\.\d)", text) for form in {plain, grouped})


@check("TEXT_FIGURE_MISSING", texts.SEVERITY_WARNING)
def figures_stand_in_the_text(data: UnitYear) -> Iterable[Finding]:
    """Each target and actual stands in the sections it cites. A zero is skipped: the text says 未发生."""
    for _, row in data.results.iterrows():
        text = data.cited_text(row["source"])
        for column in ("target", "actual"):
            value = row[column]
            if formatting.is_missing(value) or value == 0 or not text or written_in(text, value):
                continue
            yield finding("TEXT_FIGURE_MISSING", "indicator", row["indicator_code"], row["indicator_name"],
                          texts.FINDING["TEXT_FIGURE_MISSING"].format(
                              name=row["indicator_name"], what=texts.FINDING_WHAT[column], value=amount(row, column),
                              source=row["source"]),
                          row["source"])
    structure = data.structure
    for _, item in structure[~structure["is_derived"] & structure["source"].notna()].iterrows():
        text = data.cited_text(item["source"])
        if item["amount"] == 0 or not text or written_in(text, float(item["amount"])):
            continue
        yield finding("TEXT_FIGURE_MISSING", "spending", item["item_code"], item["item_name"],
                      texts.FINDING["TEXT_FIGURE_MISSING"].format(
                          name=item["item_name"], what=texts.FINDING_WHAT["actual"],
                          value=formatting.money(item["amount"]), source=item["source"]),
                      item["source"])


def paragraphs(data: UnitYear) -> Iterable[tuple[pd.Series, str]]:
    for _, section in data.sections.iterrows():
        if isinstance(section["body"], str):
            for paragraph in section["body"].split("\n\n"):
                yield section, paragraph.strip()


def cited_refs(data: UnitYear) -> set[str]:
    """The sections whose figures are recorded as this year's."""
    return {ref for cell in data.results["source"] for ref in split_refs(cell)}


@check("TEXT_YEAR_LABEL", texts.SEVERITY_WARNING)
def year_labels_fit(data: UnitYear) -> Iterable[Finding]:
    """A paragraph that opens with another year (2023年，…) in a section whose figures are this year's."""
    cited = cited_refs(data)
    for section, paragraph in paragraphs(data):
        match = re.match(r"(\d{4})年[，,]", paragraph)
        if match and section["ref"] in cited and int(match.group(1)) != data.year:
            yield finding("TEXT_YEAR_LABEL", "narrative", section["section_key"], section["title"],
                          texts.FINDING["TEXT_YEAR_LABEL"].format(ref=section["ref"], label=match.group(0)[:-1],
                                                                  year=data.year, excerpt=paragraph[:30] + "……"),
                          section["ref"])


PLAN_WORDS = r"(?:预计|计划|拟|将|争取|力争)"
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
def plans_not_overdue(data: UnitYear) -> Iterable[Finding]:
    """A plan or deadline no later than the report year's end, still written as to come."""
    year_end = date(data.year, 12, 31)
    for section, paragraph in paragraphs(data):
        for sentence in re.split(r"[。；]", paragraph):
            for pattern, deadline_of in DEADLINES:
                match = pattern.search(sentence)
                if match and deadline_of(match, data.year) <= year_end:
                    yield finding("TEXT_STALE_PLAN", "narrative", section["section_key"], section["title"],
                                  texts.FINDING["TEXT_STALE_PLAN"].format(
                                      ref=section["ref"], excerpt=match.group(0), year=data.year),
                                  section["ref"])
                    break


def is_problems_or_measures(title: str) -> bool:
    return "问题" in title or "措施" in title or "建议" in title


def subsections(data: UnitYear, key: str) -> pd.DataFrame:
    return data.sections[data.sections["parent_key"] == key]


@check("TEXT_EMPTY_SECTION", texts.SEVERITY_ERROR)
def problem_sections_filled(data: UnitYear) -> Iterable[Finding]:
    for _, section in data.sections.iterrows():
        body = section["body"] if isinstance(section["body"], str) else ""
        if is_problems_or_measures(section["title"]) and len(body.strip()) < 10 \
                and subsections(data, section["section_key"]).empty:
            yield finding("TEXT_EMPTY_SECTION", "narrative", section["section_key"], section["title"],
                          texts.FINDING["TEXT_EMPTY_SECTION"].format(title=section["title"]), section["ref"])


@check("TEXT_GENERIC_SECTION", texts.SEVERITY_NOTE)
def problem_sections_specific(data: UnitYear) -> Iterable[Finding]:
    """Problems and measures that name no indicator, project or figure of the report."""
    named_items = data.structure[(data.structure["depth"] >= 2) & ~data.structure["is_derived"]]
    names = set(data.results["indicator_name"]) | set(named_items["item_name"])
    unmet = data.results[data.results["status"] == "not_met"]
    detail = (texts.FINDING["TEXT_GENERIC_UNMET"].format(names=texts.LIST_JOIN.join(
        f"{row['indicator_name']}（{formatting.rate(row['completion_rate'])}）" for _, row in unmet.iterrows()))
        if not unmet.empty else texts.FINDING["TEXT_GENERIC_PLAIN"])
    for _, section in data.sections.iterrows():
        body = section["body"] if isinstance(section["body"], str) else ""
        if not is_problems_or_measures(section["title"]) or len(body.strip()) < 10:
            continue
        unnumbered = re.sub(r"(?m)^\s*\d+[.、．]", "", body)
        if re.search(r"\d", unnumbered) or any(name in body for name in names):
            continue
        yield finding("TEXT_GENERIC_SECTION", "narrative", section["section_key"], section["title"],
                      texts.FINDING["TEXT_GENERIC_SECTION"].format(title=section["title"], detail=detail),
                      section["ref"])


def run(data: UnitYear) -> list[Finding]:
    """Every check over the report, in the order of CHECKS, stamped with the unit and year."""
    return [Finding(**{**asdict(found), "unit_code": data.unit_code, "year": data.year})
            for _, function in CHECKS.values() for found in function(data)]


def findings_frame(findings: list[Finding]) -> pd.DataFrame:
    columns = [*Finding.__dataclass_fields__, "check_label"]
    return pd.DataFrame([f.as_dict() for f in findings], columns=columns)


def every_unit_year(fetch: Fetch) -> pd.DataFrame:
    """The findings of every unit-year the data holds, for storing at publish time (`database.AuditRun`): each
    view is read once for all units (`read_whole`), not once per unit-year."""
    whole = read_whole(fetch)
    held = fetch("available_years", None, None)
    return findings_frame([found for unit_code, year in zip(held["unit_code"], held["year"])
                           for found in run(UnitYear.of(whole, unit_code, int(year)))])
