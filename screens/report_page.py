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

for _, section in found.iterrows():
    heading = "#" * (int(section["level"]) + 1)
    st.markdown(f"{heading} {markup.highlight(section['title'], query)}")
    for paragraph in (section["body"] or "").split("\n\n") if isinstance(section["body"], str) else []:
        st.markdown(markup.highlight(paragraph, query))
    for named in charts.values():
        if section["section_key"] in named.sections[:1]:
            ui.show_chart(named)

unplaced = [named for named in charts.values() if not set(named.sections[:1]) & set(sections["section_key"])]
if unplaced and not query.strip():
    st.header(texts.REPORT_UNPLACED_CHARTS)
    for named in unplaced:
        ui.show_chart(named)
