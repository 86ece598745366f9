"""项目进展: the projects the report names, a pipeline by status, filters, and the report's words."""

import streamlit as st

from perfboard import charts, tables, texts, ui

selection = ui.page_header(texts.PROJECTS_TITLE)
projects = ui.required(selection.data.projects, selection, texts.WHAT_PROJECTS)

type_column, status_column = st.columns(2)
types = type_column.multiselect(texts.PROJECTS_FILTER_TYPE, list(dict.fromkeys(projects["project_type"])),
                                key="projects_types", placeholder=texts.FILTER_ALL)
statuses = status_column.multiselect(texts.PROJECTS_FILTER_STATUS, list(dict.fromkeys(projects["status"])),
                                     key="projects_statuses", placeholder=texts.FILTER_ALL)
shown = tables.pick(projects, project_type=types, status=statuses)
if shown.empty:
    st.info(texts.PROJECTS_NONE)
    st.stop()

chart_column, words_column = st.columns([3, 2])
with chart_column:
    ui.chosen_chart(selection, "pipeline", (tuple(types), tuple(statuses)), lambda: charts.project_pipeline(
        shown, texts.CHART_PIPELINE_TITLE, selection.source(shown)))
with words_column:
    ui.report_words(selection, "；".join(dict.fromkeys(shown["source"].dropna())))
ui.chosen_table(selection, "projects_table", (tuple(types), tuple(statuses)), lambda: ui.table_frame(
    shown, ["project_name", "project_type", "status", "note", "source"]))
