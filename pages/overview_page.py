"""总览: the year at a glance: headline cards, spending, the score, and a summary in the report's register."""

import streamlit as st

from perfboard import formatting, summary, texts, ui

selection = ui.current_selection()
st.title(texts.OVERVIEW_TITLE.format(unit_name=selection.unit_name, year=selection.year))

headline = ui.view("headline_progress", selection.unit_code, selection.year)
structure = ui.view("spending_structure", selection.unit_code, selection.year)
score = ui.view("evaluation_summary", selection.unit_code, selection.year)
stated = ui.view("evaluation_stated", selection.unit_code, selection.year)
charts = ui.charts_of_year(selection)

ui.summary_box(summary.year_summary(selection.year, headline, structure, score))

if headline.empty:
    ui.nothing_for_year(selection, texts.WHAT_INDICATORS)
for row_of_cards in (headline.iloc[:4], headline.iloc[4:]):
    for column, (_, indicator) in zip(st.columns(4), row_of_cards.iterrows()):
        with column:
            ui.kpi_card(indicator)

spending_column, score_column = st.columns([2, 1])
with spending_column:
    if "spending_share" in charts:
        ui.show_chart(charts["spending_share"])
    else:
        ui.nothing_for_year(selection, texts.WHAT_SPENDING)
with score_column:
    if score.empty:
        ui.figure_card(texts.OVERVIEW_SCORE, texts.OVERVIEW_NO_SCORE)
    else:
        parts = stated[stated["level1"] != "总分"]
        ui.figure_card(
            texts.OVERVIEW_SCORE,
            texts.OVERVIEW_SCORE_VALUE.format(score=formatting.plain_number(score.iloc[0]["total_score"])),
            texts.OVERVIEW_GRADE.format(grade=score.iloc[0]["grade"]) + " · " + texts.LIST_JOIN.join(
                texts.OVERVIEW_SCORE_PART.format(level1=p["level1"], score=formatting.plain_number(p["score"]))
                for _, p in parts.iterrows()),
        )
    for _, item in structure[structure["depth"] <= 1].iterrows():
        if not item["is_memo"]:
            ui.figure_card(item["item_name"], formatting.money(item["amount"]),
                           texts.OVERVIEW_SHARE.format(share=formatting.rate(item["share_of_total"]))
                           if item["depth"] else "")

if "bullet_headline" in charts:
    ui.show_chart(charts["bullet_headline"])
