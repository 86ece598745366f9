"""The domain's rules as data, each stated once (docs/architecture.md, Domain rules).

The database build writes them into reference tables (`rule_*`) that the SQL macros and views read; charts,
pages and the wording in texts.py read them here. Changing a band or a weight is one edit in this file.
"""

from __future__ import annotations

from perfboard.schema import ALL_LEVEL1_GROUPS, LEVEL1_GROUPS, PROJECT_STATUSES, TOTAL_ROW
from perfboard.texts import SEVERITIES

# 评价等级: the lowest total score of each grade, best first.
GRADE_BANDS = (("优", 90), ("良", 80), ("中", 60), ("差", 0))
# Default weights of the first-level groups (财预〔2020〕10号); evaluation.csv's max_score overrides them.
DEFAULT_WEIGHTS = dict(zip(LEVEL1_GROUPS, (50, 30, 10, 10)))
# A qualitative indicator scores inside its tier's share of the weight.
TIER_SHARES = {"达成": (0.8, 1.0), "部分达成": (0.6, 0.8), "未达成": (0.0, 0.6)}
# A result over this completion rate suggests the target was set too low.
FAR_ABOVE_TARGET = 1.5
# Budget execution below this share needs an explanation.
BUDGET_EXPLANATION_BELOW = 0.9
# A unit-year for which no indicator is marked for the overview shows this many of its indicators that state a
# target and an actual (headline_progress.sql), said to be so.
STAND_IN_HEADLINES = 8
# The bands of a bullet graph, as shares of the target.
TARGET_BANDS = (0.6, 0.8, 0.9)
# The two parts of a unit's spending the county compares: the items directly under the total whose name
# begins with these words (基本支出, 项目支出（含…）).
SPENDING_SPLIT = (("basic", "基本支出"), ("project", "项目支出"))
# The audit's severities (texts.SEVERITIES, worst first) by the column names the county's views count them in.
SEVERITY_LEVELS = dict(zip(("errors", "warnings", "notes"), SEVERITIES))


def reference_tables() -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """Each rule table's columns and rows, as the database build writes them."""
    return {
        "rule_grades": (("grade", "lowest"), list(GRADE_BANDS)),
        # every group a report may state, in display order; a weight for those of the default framework only
        "rule_weights": (("level1", "default_weight", "level1_order"),
                         [(group, float(DEFAULT_WEIGHTS[group]) if group in DEFAULT_WEIGHTS else None, order)
                          for order, group in enumerate((*ALL_LEVEL1_GROUPS, TOTAL_ROW), start=1)]),
        "rule_tiers": (("achievement", "low_share", "high_share"),
                       [(tier, low, high) for tier, (low, high) in TIER_SHARES.items()]),
        "rule_thresholds": (("name", "value"), [("far_above_target", FAR_ABOVE_TARGET),
                                                ("budget_explanation_below", BUDGET_EXPLANATION_BELOW),
                                                ("stand_in_headlines", STAND_IN_HEADLINES)]),
        "rule_total_row": (("level1",), [(TOTAL_ROW,)]),  # the evaluation row that states the total
        "rule_spending_split": (("kind", "name_prefix"), list(SPENDING_SPLIT)),
        "rule_severities": (("level", "severity"), list(SEVERITY_LEVELS.items())),
        "rule_statuses": (("status", "status_order"),
                          [(status, order) for order, status in enumerate(PROJECT_STATUSES, start=1)]),
    }


def percent_list(shares: tuple[float, ...]) -> str:
    return "、".join(f"{share:.0%}" for share in shares)


def wording() -> dict[str, str]:
    """The rules as the sentences of texts.py name them: 产出50、效益30…, ≥90 优…, 150%."""
    grades = [f"≥{GRADE_BANDS[0][1]} {GRADE_BANDS[0][0]}"]
    grades += [f"{low}–{high} {grade}" for (grade, low), (_, high) in zip(GRADE_BANDS[1:-1], GRADE_BANDS[:-2])]
    grades.append(f"<{GRADE_BANDS[-2][1]} {GRADE_BANDS[-1][0]}")
    return {
        "weights": "、".join(f"{group}{weight}" for group, weight in DEFAULT_WEIGHTS.items()),
        "tiers": "、".join(tier for tier in TIER_SHARES) + "分别在分值的" + "、".join(
            f"{low:.0%}–{high:.0%}".replace("%–", "–") for low, high in TIER_SHARES.values()),
        "grades": "，".join(grades),
        "far_above": f"{FAR_ABOVE_TARGET:.0%}",
        "budget_line": f"{BUDGET_EXPLANATION_BELOW:.0%}",
        "bands": percent_list(TARGET_BANDS),
    }
