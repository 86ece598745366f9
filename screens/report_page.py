"""报告原文: the whole report section by section, numbered as the report numbers it, with the matching charts
inline and a search box over the text."""

import streamlit as st

from perfboard import markup, narrative, texts, ui

selection = ui.page_header(texts.REPORT_TITLE)
sections = ui.required(selection.data.sections, selection, texts.WHAT_NARRATIVE)
charts = ui.charts_of_year(selection)

query = st.text_input(texts.REPORT_SEARCH, placeholder=texts.REPORT_SEARCH_PLACEHOLDER, key="report_search")
found = narrative.matches(sections, query)
if query.strip():
    st.caption(markup.fill(texts.REPORT_SEARCH_RESULT, query=query.strip(), count=len(found)) if len(found)
               else markup.fill(texts.REPORT_SEARCH_NONE, query=query.strip()))

blocks = (ui.report_blocks(found, query) if query.strip()
          else ui.of_year(selection, "report_blocks", lambda year: ui.report_blocks(year.sections, "")))
for section_key, block in blocks:
    st.markdown(block)
    for named in charts.values():
        if section_key in named.sections[:1]:
            ui.show_chart(named)

unplaced = [named for named in charts.values() if not set(named.sections[:1]) & set(sections["section_key"])]
if unplaced and not query.strip():
    st.header(texts.REPORT_UNPLACED_CHARTS)
    for named in unplaced:
        ui.show_chart(named)
