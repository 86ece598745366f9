"""自评得分: the score by first-level group and indicator, computed by the national rules beside the score the
report states, with the grade, the deviations and the reason wherever the data does not allow a score."""

import streamlit as st

from perfboard import formatting, markup, rules, tables, texts, ui

selection = ui.page_header(texts.SCORE_TITLE)
scores = ui.required(selection.data.scores, selection, texts.WHAT_SCORE)
total = selection.data.total
charts = ui.charts_of_year(selection, "score")
_, _, indicators = ui.of_year(selection, "score_rows", lambda year: tables.split_scores(year.scores))
group_table = ui.of_year(selection, "score_group_table", lambda year: ui.table_frame(tables.score_table(
    year.scores[year.scores["row_type"] != "indicator"]), list(texts.SCORE_TABLE_COLUMNS), texts.SCORE_TABLE_COLUMNS))
scored_table = ui.of_year(selection, "score_indicator_table", lambda year: ui.table_frame(tables.score_table(
    year.scores[(year.scores["row_type"] == "indicator") & year.scores["level1"].notna()]),
    list(texts.SCORE_TABLE_COLUMNS), texts.SCORE_TABLE_COLUMNS))

stated_column, computed_column = st.columns(2)
with stated_column:
    ui.show_card(ui.of_year(selection, "stated_score_card", lambda year: ui.score_card(
        year.total, year.stated_scores, texts.SCORE_STATED_TOTAL)))
with computed_column:
    ui.figure_card(texts.SCORE_COMPUTED_TOTAL,
                   texts.SCORE_VALUE.format(score=formatting.plain_number(total["computed_total"], 2))
                   if not formatting.is_missing(total["computed_total"]) else texts.NO_RATE,
                   texts.SCORE_GRADE.format(grade=total["computed_grade"])
                   if isinstance(total["computed_grade"], str) else texts.SCORE_BASIS_LABELS[total["computed_basis"]])
if formatting.is_missing(total["computed_total"]):
    st.info(texts.SCORE_CANNOT_COMPUTE.format(
        reasons=ui.of_year(selection, "unscored_groups", lambda year: tables.unscored_groups(year.scores))))

if "score_groups" in charts:
    chart_column, words_column = st.columns([3, 2])
    with chart_column:
        ui.show_chart(charts["score_groups"])
    with words_column:
        ui.report_words(selection, total["source"])
else:  # a report that gives its total only: its words across the page, no empty column beside them
    ui.report_words(selection, total["source"])

st.subheader(texts.SCORE_GROUPS)
ui.shown_table(group_table, key="score_groups_table")

st.subheader(texts.SCORE_INDICATORS)
if scored_table.empty:
    st.caption(texts.SCORE_NO_INDICATORS)
else:
    ui.shown_table(scored_table, key="score_indicators_table")
far_above = indicators[indicators["far_above_target"]]
if not far_above.empty:
    st.warning(markup.fill(texts.SCORE_FAR_ABOVE, far_above=rules.wording()["far_above"],
                           names=texts.LIST_JOIN.join(far_above["item_name"])))
st.caption(texts.SCORE_RULES.format(**rules.wording()))
