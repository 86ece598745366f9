"""历年对比: every indicator across the loaded years (derived years marked), growth rates, two years side by
side, and spending by year."""

import streamlit as st

from perfboard import charts, formatting, tables, texts, ui

selection = ui.page_header(texts.TRENDS_TITLE)
series = ui.required(selection.data.series("indicator_series"), selection, texts.WHAT_INDICATORS)
year_charts = ui.charts_of_year(selection, "trends")
if len(selection.years) == 1:
    st.info(texts.TRENDS_ONLY_ONE_YEAR.format(years=formatting.year(selection.years[0])))

names = list(dict.fromkeys(series["indicator_name"]))
with_history = list(dict.fromkeys(series[series["year"] < selection.year]["indicator_name"]))
chosen = st.multiselect(texts.TRENDS_PICK_INDICATORS, names, default=with_history or names[:6], key="trends_pick")


def chosen_trends():  # the chosen indicators' rows (none chosen: all) are picked once per choice, with their chart
    picked = tables.pick(series, indicator_name=chosen)
    return charts.trend_lines(picked, texts.CHART_TRENDS_TITLE, selection.source(picked))


ui.chosen_chart(selection, "trend_lines", tuple(chosen), chosen_trends)

growth_column, spending_column = st.columns(2)
with growth_column:
    if "yoy_rates" in year_charts:
        ui.show_chart(year_charts["yoy_rates"])
    else:
        st.info(texts.TRENDS_NO_YOY)
with spending_column:
    if "spending_by_year" in year_charts:
        ui.show_chart(year_charts["spending_by_year"])

st.subheader(texts.TRENDS_COMPARE)
years = sorted((int(y) for y in series["year"].unique()), reverse=True)
earlier_column, later_column = st.columns(2)
later = later_column.selectbox(texts.TRENDS_LATER_YEAR, years, format_func=formatting.year, key="trends_later")
earlier = earlier_column.selectbox(texts.TRENDS_BASE_YEAR, [y for y in years if y < later],
                                   format_func=formatting.year, key="trends_earlier")
pairs = ui.of_choice(selection, "trends_pairs", (later, earlier), lambda: tables.pick(
    selection.data.series("indicator_comparison"), year=[later], base_year=[earlier]))
if earlier is None or pairs.empty:
    st.info(texts.TRENDS_NOTHING_TO_COMPARE)
else:
    ui.chosen_table(selection, "trends_compare", (later, earlier), lambda: ui.table_frame(
        tables.year_comparison(pairs), ["indicator_name", "base_text", "actual_text", "change_text"],
        {"base_text": formatting.year(earlier), "actual_text": formatting.year(later)}))
