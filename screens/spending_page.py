"""支出结构: the spending tree, its splits, the 三公经费, budget execution, and the report's chapters on spending
and on projects (二 and 三 in the 2024 report)."""

import streamlit as st

from perfboard import catalogue, tables, texts, ui

selection = ui.page_header(texts.SPENDING_TITLE)
structure = ui.required(selection.data.structure, selection, texts.WHAT_SPENDING)
charts = ui.charts_of_year(selection, "spending", "hierarchy")
spending_words, project_words = ui.of_year(selection, "spending_chapters", catalogue.spending_chapters)

tree_column, words_column = st.columns([3, 2])
with tree_column:
    if "spending_tree" in charts:
        ui.show_chart(charts["spending_tree"])
    else:
        st.info(texts.SPENDING_NO_TOTAL)
with words_column:
    ui.report_words(selection, spending_words)

donuts = [named for key, named in charts.items() if key.startswith("spending_share")]
for column, named in zip(st.columns(max(len(donuts), 1)), donuts):
    with column:
        ui.show_chart(named)
for named in charts.values():
    if named.key.startswith("spending_parts_"):
        ui.show_chart(named)

if "spending_children" in charts:
    ui.show_chart(charts["spending_children"])
    st.caption(texts.COUNTY_CHILDREN_NOTE)

memo_column, budget_column = st.columns(2)
with memo_column:
    for named in charts.values():
        if named.key.startswith("spending_memo_"):
            ui.show_chart(named)
with budget_column:
    if "budget_execution" in charts:
        ui.show_chart(charts["budget_execution"])
    else:
        st.info(texts.SPENDING_NO_BUDGET)
    ui.report_words(selection, project_words)

st.subheader(texts.SPENDING_TABLE)
ui.shown_table(ui.of_year(selection, "spending_table", lambda data: ui.table_frame(
    tables.spending_table(data.structure), ["item_name", "amount_text", "share_text", "marks", "source", "note"])),
    key="spending_table")
if structure["is_derived"].any():
    st.caption(texts.SPENDING_DERIVED_NOTE)
