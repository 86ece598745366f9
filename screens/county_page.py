"""全部单位: every unit of the year side by side (spending, score, targets, findings), two years against each
other, and a unit's rank over the years."""

import streamlit as st

from perfboard import charts, county, formatting, markup, texts, ui

selection = ui.current_selection()
ui.page_header(texts.COUNTY_TITLE, year=selection.year)
st.caption(texts.COUNTY_INTRO)
year = ui.county_year(selection)
names = year.names

ui.keep_choices("county_parent", "county_grades", "county_severities", "county_categories", "county_search",
                "county_sort")
# Only the open tab runs (on_change="rerun"), and the URL names it (?county_tab=…), so a link can open
# the comparison directly.
this_year, two_years, ranks = st.tabs([texts.COUNTY_TAB_YEAR, texts.COUNTY_TAB_COMPARE, texts.COUNTY_TAB_RANK],
                                      key="county_tab", on_change="rerun", bind="query-params")

if this_year.open:
    with this_year:
        parent_column, grade_column, severity_column, category_column = st.columns(4)
        parents = sorted(set(year.units["parent_code"].dropna().tolist()))
        parent = parent_column.selectbox(
            texts.COUNTY_FILTER_PARENT, [None, *parents], key="county_parent", placeholder=texts.FILTER_ALL,
            format_func=lambda code: texts.FILTER_ALL if code is None else names.get(code, code))
        grades = grade_column.multiselect(texts.COUNTY_FILTER_GRADE, list(county.GRADES), key="county_grades",
                                          placeholder=texts.FILTER_ALL)
        severities = severity_column.multiselect(texts.COUNTY_FILTER_SEVERITY, list(county.SEVERITY_CLASSES),
                                                 key="county_severities", placeholder=texts.FILTER_ALL)
        categories = category_column.multiselect(texts.COUNTY_FILTER_CATEGORY,
                                                 list(dict.fromkeys(year.categories["category_name"].tolist())),
                                                 key="county_categories", placeholder=texts.FILTER_ALL)
        search_column, sort_column = st.columns([3, 1])
        search = search_column.text_input(texts.COUNTY_SEARCH, key="county_search")
        order = sort_column.selectbox(texts.COUNTY_SORT, list(county.SORTS), key="county_sort")

        chosen = county.Filters(parent, grades, severities, categories, search)
        view, drawn = ui.county_view(selection, year, chosen, order)
        st.caption(texts.COUNTY_SHOWN.format(shown=len(view.units), total=view.total))
        if view.units.empty:
            st.info(texts.COUNTY_NONE_SHOWN)
        else:
            cards = st.columns(4)
            for column, (label, value, detail) in zip(cards, view.cards):
                with column:
                    ui.figure_card(label, value, detail)
            left, right = st.columns(2)
            with left:
                ui.show_chart(drawn["county_distribution"])
                ui.show_chart(drawn["county_categories_chart"])
            with right:
                ui.show_chart(drawn["county_ranking"])
                ui.show_chart(drawn["county_severity"])
            ui.county_table(view.table, key="county_units")

if two_years.open:
    with two_years:
        held = sorted(year.history["year"].unique())
        if len(held) < 2:
            st.info(texts.COUNTY_COMPARE_ONE_YEAR)
        else:
            first_column, second_column = st.columns(2)
            second = second_column.selectbox(texts.COUNTY_COMPARE_SECOND, held[::-1], key="county_second",
                                             index=held[::-1].index(selection.year), format_func=formatting.year)
            earlier = [y for y in held[::-1] if y != second]
            first = first_column.selectbox(texts.COUNTY_COMPARE_FIRST, earlier, key="county_first",
                                           format_func=formatting.year)
            both = county.compare_years(year.of_year(first), year.of_year(second))
            ui.county_table(county.comparison_table(both, first, second), key="county_compare")

if ranks.open:
    with ranks:
        unit_codes = list(dict.fromkeys(year.history["unit_code"].tolist()))
        chosen_unit = st.selectbox(
            texts.COUNTY_RANK_UNIT, unit_codes, key="county_rank_unit", format_func=names.get,
            index=unit_codes.index(selection.unit_code) if selection.unit_code in unit_codes else 0)
        history = county.rank_history(year.history, chosen_unit)
        if history.empty:
            st.info(markup.fill(texts.COUNTY_RANK_NONE, unit=names[chosen_unit]))
        else:
            source = charts.CountySource(f"{history['year'].min()}–{history['year'].max()}",
                                         int(history["ranked_units"].max()), bool(history["total_is_derived"].any()))
            ui.chosen_chart(selection, "county_rank", (chosen_unit,), lambda: charts.rank_over_years(
                history, texts.COUNTY_CHART_RANK.format(unit=names[chosen_unit]), source))
