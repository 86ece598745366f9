"""A short summary of the year written from the data, in the report's own register:
2024年，税收入库4.28亿元，完成年度目标的100.0%；……"""

from __future__ import annotations

import pandas as pd

from perfboard import formatting, texts


def indicator_sentence(row: pd.Series) -> str:
    marks = formatting.markers(row["is_estimate"], row["period"])
    actual = formatting.amount(row["actual"], row["unit"], row["qualifier"])
    if formatting.is_missing(row["completion_rate"]):
        sentence = texts.SUMMARY_INDICATOR_NO_TARGET.format(name=row["indicator_name"], actual=actual, marks=marks)
    else:
        sentence = texts.SUMMARY_INDICATOR.format(name=row["indicator_name"], actual=actual, marks=marks,
                                                  rate=formatting.rate(row["completion_rate"]))
    yoy = row.get("yoy_rate")
    if not formatting.is_missing(yoy):
        template = texts.SUMMARY_YOY if yoy >= 0 else texts.SUMMARY_YOY_DOWN
        sentence += template.format(yoy=formatting.plain_number(abs(yoy) * 100, 2) + "%")
    return sentence


def spending_sentence(structure: pd.DataFrame) -> str | None:
    """The total and its first-level parts (基本支出, 项目支出) with their shares, to the cent as the cards and the
    spending table show them (21,111.10万元 read 21,111.1万元 above a card of 21,111.10万元)."""
    totals = structure[(structure["depth"] == 0) & ~structure["is_memo"]]
    if totals.empty:
        return None
    total = totals.iloc[0]
    parts = structure[structure["parent_code"] == total["item_code"]]
    described = texts.LIST_JOIN.join(
        texts.SUMMARY_SPENDING_PART.format(name=part["item_name"], amount=formatting.money(part["amount"]),
                                           share=formatting.rate(part["share_of_parent"]))
        for _, part in parts.iterrows())
    total_text = formatting.money(total["amount"])
    if not described:
        return texts.SUMMARY_SPENDING_TOTAL.format(total=total_text)
    return texts.SUMMARY_SPENDING.format(total=total_text, parts=described)


def total_score_text(total: pd.Series | None) -> str:
    """The year's total score wherever it is shown (evaluation_summary): 98分, 98分〔推算〕 when summed from the
    stated parts, 未报告 when the report gives none."""
    if total is None or formatting.is_missing(total["total_score"]):
        return texts.NOT_REPORTED
    return (texts.SCORE_VALUE.format(score=formatting.plain_number(total["total_score"]))
            + formatting.markers(is_derived=total["total_is_derived"]))


def total_grade_text(total: pd.Series | None) -> str:
    return total["grade"] if total is not None and isinstance(total["grade"], str) else texts.NOT_REPORTED


def year_summary(year: int, headline: pd.DataFrame, structure: pd.DataFrame, total: pd.Series | None) -> str:
    """Headline results, what the report leaves out, spending and the score, in that order."""
    reported = headline[headline["actual"].notna()]
    missing = headline[headline["actual"].isna()]["indicator_name"].tolist()
    sentences = [indicator_sentence(row) for _, row in reported.iterrows()]
    if missing:
        sentences.append(texts.SUMMARY_MISSING.format(names=texts.LIST_JOIN.join(missing)))
    spending = spending_sentence(structure)
    if spending:
        sentences.append(spending)
    if total is not None and not formatting.is_missing(total["total_score"]):
        sentences.append(texts.SUMMARY_SCORE.format(score=total_score_text(total), grade=total_grade_text(total)))
    if not sentences:
        return ""
    return texts.SUMMARY_OPENING.format(year=year) + texts.SENTENCE_JOIN.join(sentences) + texts.SENTENCE_END
