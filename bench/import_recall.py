"""导入报告 against the hand-made data: import the 2024 report's text and compare the draft with data/ (the gold),
figure by figure. Prints recall and precision of indicator values (target, actual, growth, stated rate), of
spending items and of scores, the headline figures' recall, and every figure of the draft that the report's
text does not contain (there must be none); then the same for the report read as a unit's first, with no
catalogue (what the importer proposes on its own). It asserts nothing: it measures.

    .venv/bin/python bench/import_recall.py [REPORT]   (default: data/reports/taojiang_hitech/2024.txt)
"""

from __future__ import annotations

import csv
import io
import sys
from decimal import Decimal
from pathlib import Path

from perfboard import report_import
from perfboard.database import DEFAULT_DATA_DIR, data_files

SEED_REPORT = DEFAULT_DATA_DIR / "reports" / "taojiang_hitech" / "2024.txt"
UNIT, YEAR = "taojiang_hitech", 2024
VALUE_COLUMNS = ("target", "actual", "stated_yoy", "stated_rate")


def rows(files: dict[str, bytes], name: str) -> list[dict[str, str]]:
    if name not in files:
        return []
    return [r for r in csv.DictReader(io.StringIO(files[name].decode("utf-8-sig")))
            if r.get("unit_code") == UNIT and r.get("year") == str(YEAR)]


def number(text: str | None) -> Decimal | None:
    return Decimal(text.replace(",", "")) if text not in (None, "") else None


def indicator_facts(values: list[dict[str, str]]) -> set[tuple[str, str, Decimal]]:
    """(indicator, column, value) of the figures taken from the report (not from other documents)."""
    return {(r["indicator_code"], column, number(r[column])) for r in values if not r.get("document_code")
            for column in VALUE_COLUMNS if number(r.get(column)) is not None}


def spending_facts(spending: list[dict[str, str]]) -> set[tuple[Decimal, str]]:
    """(amount, the item's name up to its first bracket): the name a reader would look for."""
    return {(number(r["actual"]), r["item_name"].split("（")[0].removesuffix("支出") or r["item_name"])
            for r in spending if number(r.get("actual")) is not None}


def score_facts(evaluation: list[dict[str, str]]) -> set[tuple[str, Decimal]]:
    return {(r["level1"], number(r["score"])) for r in evaluation if number(r.get("score")) is not None}


def spending_match(gold: set, draft: set) -> set:
    """A drafted item matches a gold one of the same amount whose name contains the other's."""
    return {g for g in gold if any(d[0] == g[0] and (d[1] in g[1] or g[1] in d[1]) for d in draft)}


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {part / whole:.1%}" if whole else "0/0"


def main() -> None:
    report = Path(sys.argv[1]) if len(sys.argv) > 1 else SEED_REPORT
    gold_files = data_files(DEFAULT_DATA_DIR)
    staged, draft = report_import.stage_report(gold_files, None, report.name, report.read_bytes(), UNIT, YEAR)
    text = report.read_text(encoding="utf-8")

    gold_values, draft_values = indicator_facts(rows(gold_files, "indicator_values.csv")), \
        indicator_facts(draft.indicator_values)
    headline = {r["indicator_code"] for r in csv.DictReader(io.StringIO(gold_files["indicators.csv"].decode()))
                if r["is_headline"] == "true"}
    gold_headline = {fact for fact in gold_values if fact[0] in headline}
    gold_spending, draft_spending = spending_facts(rows(gold_files, "spending.csv")), spending_facts(draft.spending)
    gold_scores, draft_scores = score_facts(rows(gold_files, "evaluation.csv")), score_facts(draft.evaluation)
    found_spending = spending_match(gold_spending, draft_spending)
    right_spending = {d for d in draft_spending if spending_match({d}, gold_spending)}

    print(f"report: {report.name}; figures read: {len(draft.figures)}, unclassified (listed for review): "
          f"{sum(f.kind == report_import.UNCLASSIFIED for f in draft.figures)}")
    print(f"indicator values  recall {ratio(len(gold_values & draft_values), len(gold_values))}   "
          f"precision {ratio(len(gold_values & draft_values), len(draft_values))}")
    for column in VALUE_COLUMNS:
        gold_column = {f for f in gold_values if f[1] == column}
        draft_column = {f for f in draft_values if f[1] == column}
        print(f"  {column:<12} recall {ratio(len(gold_column & draft_column), len(gold_column))}   "
              f"precision {ratio(len(gold_column & draft_column), len(draft_column))}")
    print(f"headline figures  recall {ratio(len(gold_headline & draft_values), len(gold_headline))}")
    print(f"spending items    recall {ratio(len(found_spending), len(gold_spending))}   "
          f"precision {ratio(len(right_spending), len(draft_spending))}")
    print(f"scores            recall {ratio(len(gold_scores & draft_scores), len(gold_scores))}   "
          f"precision {ratio(len(gold_scores & draft_scores), len(draft_scores))}")
    everything_gold = len(gold_values) + len(gold_spending) + len(gold_scores)
    everything_found = len(gold_values & draft_values) + len(found_spending) + len(gold_scores & draft_scores)
    everything_drafted = len(draft_values) + len(draft_spending) + len(draft_scores)
    everything_right = len(gold_values & draft_values) + len(right_spending) + len(gold_scores & draft_scores)
    print(f"all values        recall {ratio(everything_found, everything_gold)}   "
          f"precision {ratio(everything_right, everything_drafted)}")
    plain = text.replace(",", "")
    not_in_text = [f for f in draft_values if f[2] is not None and f"{f[2]}" not in plain]
    print(f"drafted figures not in the report's text: {len(not_in_text)} {sorted(not_in_text)}")
    print("missed:", sorted(gold_values - draft_values, key=str))
    print("wrong: ", sorted(draft_values - gold_values, key=str))
    first_report(report, gold_files, gold_values)


def first_report(report: Path, gold_files: dict[str, bytes], gold_values: set) -> None:
    """The same report read as a unit's first, with an empty catalogue, as a report of a department the
    dashboard has never seen: the indicators the draft proposes, matched to the hand-made ones by name (their
    names and synonyms.csv, compared as the importer compares them)."""
    draft = report_import.import_report(report.name, report.read_bytes(), UNIT, YEAR,
                                        report_import.Catalogue.of([], []))
    gold_code = dict(report_import.catalogue_of(gold_files).names)
    code_of = {row["indicator_code"]: gold_code.get(report_import.normalised(row["indicator_name"]))
               for row in draft.indicators}
    facts = {(code_of.get(code), column, value) for code, column, value in indicator_facts(draft.indicator_values)}
    named = {fact for fact in facts if fact[0]}
    print(f"as a first report (no catalogue): {len(draft.indicators)} indicators proposed, "
          f"{sum(1 for code in code_of.values() if code)} named as the hand-made data names them; indicator values "
          f"recall {ratio(len(gold_values & named), len(gold_values))}   "
          f"precision {ratio(len(gold_values & named), len(named))}; under other names: {len(facts - named)}")
    print("  wrong:", sorted(named - gold_values, key=str))
    suggested_figures = [f for f in draft.figures if f.kind == report_import.SUGGESTED]
    gold_actuals = {value for _, column, value in gold_values if column == "actual"}
    suggested_facts = {(gold_code.get(report_import.normalised(f.name)), "actual", Decimal(f.value))
                       for f in suggested_figures}
    print(f"  suggested (drafted only when a person ticks them): {len(suggested_figures)}; their value a hand-made "
          f"actual {ratio(sum(Decimal(f.value) in gold_actuals for f in suggested_figures), len(suggested_figures))}; "
          f"named as the hand-made data names them and right {sum(1 for fact in suggested_facts if fact in gold_values)}; "
          f"values recall with every suggestion ticked, by value "
          f"{ratio(len(gold_values & named) + sum(Decimal(f.value) in gold_actuals for f in suggested_figures), len(gold_values))}")
    gold_headline = {r["indicator_code"] for r in csv.DictReader(io.StringIO(gold_files["indicators.csv"].decode()))
                     if r["is_headline"] == "true"}
    proposed_headline = {code_of.get(row["indicator_code"]) for row in draft.indicators if row["is_headline"] == "true"}
    print(f"  proposed for 总览 (is_headline): {len(proposed_headline)}, the hand-made data's headline indicators "
          f"among them {ratio(len(proposed_headline & gold_headline), len(gold_headline))}, others "
          f"{len(proposed_headline - gold_headline)}")


if __name__ == "__main__":
    main()
