"""总览: the year at a glance: headline cards, spending, the score, and a summary in the report's register."""

import streamlit as st

from perfboard import formatting, summary, tables, texts, ui

CARDS_PER_ROW = 4

selection = ui.current_selection()
ui.page_header(texts.OVERVIEW_TITLE, unit_name=selection.unit_name, year=selection.year)

data = selection.data
headline = data.headline
charts = ui.charts_of_year(selection, "headline", "spending")
score_card = ui.of_year(selection, "score_card", lambda year: ui.score_card(year.total, year.stated_scores))
spending_cards = ui.of_year(selection, "spending_cards", lambda year: [
    ui.Card(item["item_name"], formatting.money(item["amount"]),
            texts.OVERVIEW_SHARE.format(share=formatting.rate(item["share_of_total"])) if item["depth"] else "")
    for _, item in tables.spending_totals(year.structure).iterrows()])

ui.summary_box(ui.of_year(selection, "summary", lambda year: summary.year_summary(
    year.year, year.headline, year.structure, year.total)))
summary_column, link_column = st.columns([4, 1])
summary_column.caption(ui.of_year(selection, "findings_summary",
                                   lambda year: ui.findings_summary(ui.findings(selection))))
with link_column:
    st.page_link("screens/audit_page.py", label=texts.AUDIT_GO_TO.format(page=texts.PAGE_AUDIT),
                 icon=":material/fact_check:")

if headline.empty:
    if data.results.empty:
        ui.nothing_for_year(selection, texts.WHAT_INDICATORS)
    else:  # indicators the catalogue does not mark for the overview (a report's own, imported)
        st.info(texts.OVERVIEW_NO_HEADLINE.format(year=selection.year, count=len(data.results)))
        st.page_link("screens/targets_page.py", label=texts.AUDIT_GO_TO.format(page=texts.PAGE_TARGETS),
                     icon=":material/flag:")
    ui.show_card(score_card)
elif (headline["headline_basis"] == "measured").all():  # none marked: the first with a target and an actual
    st.caption(texts.OVERVIEW_STAND_IN_HEADLINE.format(year=selection.year, shown=len(headline),
                                                       count=len(data.results)))
card_rows = ui.of_year(selection, "cards", lambda year: [
    [ui.headline_card(indicator) for _, indicator in cards.iterrows()]
    for cards in tables.card_rows(year.headline, CARDS_PER_ROW)])
for number, cards in enumerate(card_rows):
    columns = st.columns(CARDS_PER_ROW)
    for column, card in zip(columns, cards):
        with column:
            ui.show_card(card)
    if number == 0 and len(cards) < CARDS_PER_ROW:
        with columns[len(cards)]:
            ui.show_card(score_card)

spending_column, figures_column = st.columns([2, 1])
with spending_column:
    shown_spending = next((key for key in ("spending_share", "spending_tree") if key in charts), None)
    if shown_spending:
        ui.show_chart(charts[shown_spending])
    else:
        ui.nothing_for_year(selection, texts.WHAT_SPENDING)
with figures_column:
    for card in spending_cards:
        ui.show_card(card)

if "bullet_headline" in charts:
    ui.show_chart(charts["bullet_headline"])

ui.meeting_exports(selection)
