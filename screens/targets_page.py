"""目标完成: a bullet graph per indicator, grouped by category, beside the report's words; the full table."""

import streamlit as st

from perfboard import charts, rules, tables, texts, ui

selection = ui.page_header(texts.TARGETS_TITLE)
results = ui.required(selection.data.results, selection, texts.WHAT_INDICATORS)

category_column, status_column = st.columns(2)
categories = category_column.multiselect(texts.TARGETS_FILTER_CATEGORY, list(dict.fromkeys(results["category_name"])),
                                         key="targets_categories", placeholder=texts.FILTER_ALL)
statuses = status_column.multiselect(texts.TARGETS_FILTER_STATUS, list(texts.STATUS_LABELS),
                                     format_func=texts.STATUS_LABELS.get, key="targets_statuses",
                                     placeholder=texts.FILTER_ALL)
choice = (tuple(categories), tuple(statuses))
shown = ui.of_choice(selection, "targets_shown", choice, lambda: tables.pick(results, category_name=categories,
                                                                             status=statuses))
if shown.empty:
    st.info(texts.TARGETS_NONE_MATCH)

st.caption(texts.TARGETS_LEGEND.format(**rules.wording()))
year_charts = ui.charts_of_year(selection, "categories")  # built once per build; a filtered view draws its own
drawn = ui.of_choice(selection, "targets_drawn", choice, lambda: tables.with_figures(shown))
for ref, spoken_of in ui.of_choice(selection, "targets_sections", choice, lambda: tables.categories_by_section(shown)):
    chart_column, words_column = st.columns([3, 2])
    with chart_column:
        for code, name in spoken_of:
            if code not in drawn["category"].values:
                continue  # judged in words alone: the table below lists them
            if not statuses and f"bullet_{code}" in year_charts:
                ui.show_chart(year_charts[f"bullet_{code}"])
                continue
            group = drawn[drawn["category"] == code]
            ui.chosen_chart(selection, f"bullet_{code}", tuple(statuses), lambda: charts.bullet_chart(
                group, texts.CHART_BULLET_TITLE.format(category=name), selection.source(group)))
    with words_column:
        ui.report_words(selection, ref)

st.subheader(texts.TARGETS_TABLE)
every_indicator = ui.of_year(selection, "indicator_table", lambda data: tables.indicator_table(data.results))
ui.chosen_table(selection, "targets_table", choice, lambda: ui.table_frame(
    every_indicator.loc[shown.index], ["indicator_name", "category_name", "target_text", "actual_text", "rate_text",
                                       "status_text", "stated_rate_text", "marks", "source", "note"]))
