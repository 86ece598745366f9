"""绩效看板: page config, navigation over pages/, and the shared sidebar (unit and year, kept in the URL)."""

import streamlit as st

from perfboard import texts, ui

# The icon is a file of ours: a Material icon as favicon makes every browser fetch it from an outside server.
st.set_page_config(page_title=texts.APP_TITLE, page_icon=ui.APP_ICON, layout="wide")

# Page files are named *_page.py so that no URL path equals a file name in pages/: until the first
# st.navigation call of a server process, Streamlit would serve pages/<path>.py directly (its older
# pages-folder routing), without this frame and its sidebar.
navigation = st.navigation([
    st.Page("pages/overview_page.py", title=texts.PAGE_OVERVIEW, icon=":material/dashboard:", url_path="overview",
            default=True),
    st.Page("pages/targets_page.py", title=texts.PAGE_TARGETS, icon=":material/flag:", url_path="targets"),
    st.Page("pages/spending_page.py", title=texts.PAGE_SPENDING, icon=":material/account_tree:", url_path="spending"),
    st.Page("pages/trends_page.py", title=texts.PAGE_TRENDS, icon=":material/timeline:", url_path="trends"),
    st.Page("pages/projects_page.py", title=texts.PAGE_PROJECTS, icon=":material/construction:", url_path="projects"),
    st.Page("pages/report_page.py", title=texts.PAGE_REPORT, icon=":material/article:", url_path="report"),
    st.Page("pages/score_page.py", title=texts.PAGE_SCORE, icon=":material/grading:", url_path="score"),
    st.Page("pages/audit_page.py", title=texts.PAGE_AUDIT, icon=":material/fact_check:", url_path="audit"),
    st.Page("pages/present_page.py", title=texts.PAGE_PRESENT, icon=":material/co_present:", url_path="present"),
])
ui.page_style()
with ui.friendly_errors():
    st.session_state["selection"] = ui.sidebar_selection()
    navigation.run()
