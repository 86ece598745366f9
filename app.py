"""绩效看板: page config, the pages a visitor may open (one registry, by role), and the shared sidebar (unit and
year, kept in the URL; login)."""

from dataclasses import dataclass

import streamlit as st

from perfboard import texts, ui

# The icon is a file of ours: a Material icon as favicon makes every browser fetch it from an outside server.
st.set_page_config(page_title=texts.APP_TITLE, page_icon=ui.APP_ICON, layout="wide")


@dataclass(frozen=True)
class PageEntry:
    path: str
    title: str
    icon: str
    url_path: str
    editors_only: bool = False


# The page files live in screens/, not pages/: Streamlit takes a pages/ folder beside the main script for its
# older multipage routing until the process's first st.navigation call, so the first visitor of a freshly
# started server who opened a page's address saw a "Page not found" dialog over that page (and a file named
# like a URL path could be served without this frame and its sidebar). A page a visitor may not open is not
# registered for that visitor at all, so its URL leads to the overview.
PAGES = (
    PageEntry("screens/overview_page.py", texts.PAGE_OVERVIEW, ":material/dashboard:", "overview"),
    PageEntry("screens/targets_page.py", texts.PAGE_TARGETS, ":material/flag:", "targets"),
    PageEntry("screens/spending_page.py", texts.PAGE_SPENDING, ":material/account_tree:", "spending"),
    PageEntry("screens/trends_page.py", texts.PAGE_TRENDS, ":material/timeline:", "trends"),
    PageEntry("screens/projects_page.py", texts.PAGE_PROJECTS, ":material/construction:", "projects"),
    PageEntry("screens/report_page.py", texts.PAGE_REPORT, ":material/article:", "report"),
    PageEntry("screens/score_page.py", texts.PAGE_SCORE, ":material/grading:", "score"),
    PageEntry("screens/audit_page.py", texts.PAGE_AUDIT, ":material/fact_check:", "audit"),
    PageEntry("screens/county_page.py", texts.PAGE_COUNTY, ":material/table_view:", "county"),
    PageEntry("screens/present_page.py", texts.PAGE_PRESENT, ":material/co_present:", "present"),
    PageEntry("screens/desk_page.py", texts.PAGE_DESK, ":material/database:", "desk", editors_only=True),
)
LOGIN_PAGE = PageEntry("screens/login_page.py", texts.PAGE_LOGIN, ":material/login:", "login")

ui.page_style()
with ui.friendly_errors():
    account = ui.signed_in()
    if ui.login_required() and account is None:
        offered = [LOGIN_PAGE]
    else:
        offered = [entry for entry in PAGES if not entry.editors_only or ui.is_editor(account)]
    navigation = st.navigation([st.Page(entry.path, title=entry.title, icon=entry.icon, url_path=entry.url_path,
                                        default=number == 0) for number, entry in enumerate(offered)])
    ui.login_box()
    if offered != [LOGIN_PAGE]:
        st.session_state["selection"] = ui.sidebar_selection()
    navigation.run()
