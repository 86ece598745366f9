"""The thin Streamlit layer: the one module of the package that imports Streamlit.

It owns the cached database connection and query results, the shared sidebar (unit and year, kept
in the URL) and the few display helpers that every page uses.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import time
import uuid
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import TypeVar

import pandas as pd
import plotly.graph_objects as go
import pyarrow as pa
import streamlit as st

from perfboard import accounts, audit, county, deck, desk, export, formatting, markup, report_import, summary, texts
from perfboard.accounts import DEFAULT_ACCOUNTS_PATH, Account
from perfboard.catalogue import BUILDERS, NamedChart, county_charts, year_charts
from perfboard.charts import Source, source_of
from perfboard.narrative import split_refs
from perfboard.reports import ReportRef
from perfboard.unit_year import CountyYear, Fetch, UnitYear
from perfboard.schema import TOTAL_ROW
from perfboard.database import (DEFAULT_DATA_DIR, DEFAULT_DB_PATH, LoadError, Readers, StaleVersionError, StoreError,
                                ensure_database, fetch_df, progress_line)

T = TypeVar("T")
LOG = logging.getLogger("perfboard")
APP_ICON = str(Path(__file__).resolve().parent.parent / "assets" / "icon.png")
PLOTLY_CONFIG = {"displaylogo": False, "locale": "zh-CN"}
TABLE_ROW_HEIGHT = 35  # px, Streamlit's dataframe row
TABLE_FULL_ROWS = 40  # tables up to this many rows are shown whole, without an inner scroll
PRESENTATION_CHART_HEIGHT = 760  # px: fills a 1920×1080 projector under the key message


@dataclass(frozen=True)
class Selection:
    """What the user is looking at: one unit and one year of one build, and that year's data."""

    unit_code: str
    unit_name: str
    year: int
    years: tuple[int, ...]
    build: str  # the database build every read of this page run goes to
    data: UnitYear

    @property
    def report(self) -> ReportRef:
        return self.data.report

    def source(self, frame: pd.DataFrame) -> Source:
        return source_of(frame, self.report)


def database_path() -> Path:
    """The current build of the database. Reading never rebuilds: only when there is no database yet is
    one built from the data directory, once (`streamlit run app.py` alone works); a later load or publish
    is picked up here because it makes a new build. PERFBOARD_DATA and PERFBOARD_DB point the app at
    another data directory and database file."""
    data_dir = Path(os.environ.get("PERFBOARD_DATA") or DEFAULT_DATA_DIR)
    db_path = store_path()
    try:
        return ensure_database(data_dir, db_path, audit.every_unit_year)
    except LoadError as error:
        LOG.error("data in %s could not be loaded: %s", data_dir, error)
        st.error(texts.DATA_LOAD_FAILED + "\n\n" + "\n".join(f"- {markup.plain(str(p))}" for p in error.problems))
    except StoreError as error:
        LOG.error("database %s could not be built: %s", db_path, error.cause)
        st.error(texts.DATA_STORE_FAILED)
    st.stop()


def store_path() -> Path:
    """The pointer to the current version (what a publish switches); PERFBOARD_DB moves it."""
    return Path(os.environ.get("PERFBOARD_DB") or DEFAULT_DB_PATH)


READERS = Readers()


# The cached functions below are called with their arguments named: Streamlit names a positional argument by
# reading the function's signature again on every call (inspect.signature), 60 µs a call, a dozen calls a run.
@st.cache_data(show_spinner=False, max_entries=2000)
def _view(build: str, name: str, unit_code: str | None, year: int | None) -> pd.DataFrame:
    return fetch_df(READERS.connection(Path(build)), name, unit_code, year)


def reads(build: str) -> Fetch:
    """Cached reads of one build: a page run never mixes two loads, and a new load is picked up on the next
    run without a restart."""
    return partial(_view, build)


def _query_param_year() -> int | None:
    """The year asked for in the URL, when it is a plain four-digit year (not ² or ٢٠٢٤)."""
    value = st.query_params.get("year") or ""
    return int(value) if re.fullmatch("[0-9]{4}", value) else None


@contextmanager
def friendly_errors() -> Iterator[None]:
    """Whatever goes wrong in a page, a visitor sees a short Chinese message with a reference, never a
    traceback or a server path; the details go to the server log under the same reference."""
    try:
        yield
    except Exception:  # st.stop() and reruns are not Exceptions: they pass through
        reference = uuid.uuid4().hex[:8]
        LOG.exception("page failed [%s]", reference)
        st.error(texts.PAGE_FAILED.format(reference=reference))


# ---- access (docs/architecture.md, "Access") ------------------------------------------------------------

def accounts_file() -> Path:
    return Path(os.environ.get("PERFBOARD_ACCOUNTS") or DEFAULT_ACCOUNTS_PATH)


def login_required() -> bool:
    """The setting that makes readers log in too (PERFBOARD_REQUIRE_LOGIN=1); by default reading is open."""
    return os.environ.get("PERFBOARD_REQUIRE_LOGIN", "").strip().lower() in ("1", "true", "yes")


def signed_in() -> Account | None:
    """This session's account, read again from the accounts file on every run (a removed account or a changed
    role counts at once); None when nobody is logged in or the session was idle too long."""
    session = st.session_state.get("account")
    if session is None:
        return None
    name, last_seen = session
    account = accounts.read_accounts(accounts_file()).get(name)
    if account is None or time.time() - last_seen > accounts.SESSION_TIMEOUT_SECONDS:
        del st.session_state["account"]
        if account is not None:
            st.session_state["login_message"] = texts.LOGIN_EXPIRED
        return None
    st.session_state["account"] = (name, time.time())
    return account


def is_editor(account: Account | None) -> bool:
    return account is not None and account.role == accounts.EDITOR


def require_editor() -> Account:
    """Every page and every action that changes data asks again; anyone else is stopped here."""
    account = signed_in()
    if not is_editor(account):
        st.error(texts.DESK_EDITORS_ONLY)
        st.stop()
    return account


def login_box() -> None:
    """In the sidebar: who is logged in and a way out, or the login form."""
    with st.sidebar:
        account = signed_in()
        if account is not None:
            st.caption(markup.fill(texts.LOGIN_AS, name=account.name, role=texts.ROLE_LABELS[account.role]))
            if st.button(texts.LOGOUT_BUTTON, key="logout", icon=":material/logout:"):
                accounts.record(accounts_file(), account.name, "logout")
                del st.session_state["account"]
                st.rerun()
            return
        # The form is drawn only while the expander is open: a visitor who never logs in is not sent its fields
        # (docs/architecture.md, "Access", says what it does and does not change in the browser).
        login = st.expander(texts.LOGIN_TITLE, icon=":material/login:", expanded=login_required(), key="login_open",
                            on_change="rerun")
        if not login.open:
            return
        with login:
            message = st.session_state.pop("login_message", None)
            if message:
                st.warning(message)
            with st.form("login", border=False):
                name = st.text_input(texts.LOGIN_NAME, key="login_name")
                password = st.text_input(texts.LOGIN_PASSWORD, type="password", key="login_password")
                if st.form_submit_button(texts.LOGIN_BUTTON):
                    result = accounts.authenticate(accounts_file(), name.strip(), password)
                    if result.account is None:
                        st.session_state["login_message"] = result.message
                    else:
                        st.session_state["account"] = (result.account.name, time.time())
                        accounts.record(accounts_file(), result.account.name, "login")
                    st.rerun()


@st.cache_resource(show_spinner=False, max_entries=4)
def _units_and_years(build: str) -> tuple[dict[str, str], dict[str, tuple[int, ...]]]:
    """Each unit's name and years, worked out once per build (held, never changed): for a county of 200 units
    it took every run of every page 11.7 ms."""
    available = _view(build, "available_years", None, None)
    names = dict(zip(available["unit_code"], available["unit_name"]))
    years_of = {unit: tuple(int(y) for y in years) for unit, years in
                available.groupby("unit_code", sort=False)["year"]}
    return names, years_of


@st.cache_resource(show_spinner=False, max_entries=64)
def unit_year(build: str, unit_code: str, year: int) -> UnitYear | None:
    """One unit's year of a build, held for every session: its views are read and its report's outline is
    gathered once per build, not on every run of every page. Readers never change its rows in place."""
    return UnitYear.of(reads(build), unit_code, year)


# What a page derives from the selected year's rows alone (its summary, its cards, a table's rows) changes only
# with the build, so it is made once per build, unit and year and held for every session, as the year's charts
# are: in pandas, 总览's summary and cards took 16 of its 54 ms (AppTest, seed). Readers never change it.
@st.cache_resource(show_spinner=False, max_entries=1000)
def _of_year(build: str, unit_code: str, year: int, name: str, _derive: Callable[[UnitYear], object],
             _data: UnitYear) -> object:
    return _derive(_data)


def of_year(selection: Selection, name: str, derive: Callable[[UnitYear], T]) -> T:
    """`derive(selection.data)`, made once per build for the selected unit and year. `name` tells it from the
    page's other derived things; `derive` reads the year's rows alone, never a widget's value."""
    return _of_year(build=selection.build, unit_code=selection.unit_code, year=selection.year, name=name,
                    _derive=derive, _data=selection.data)


def sidebar_selection() -> Selection | None:
    """The shared sidebar: unit (only when several are loaded) and year (latest by default), both in the URL."""
    build = str(database_path())
    names, years_of = _units_and_years(build=build)
    if not names:
        st.warning(texts.NO_DATA_LOADED)
        return None
    units = list(names)
    if "unit" not in st.session_state:
        requested = st.query_params.get("unit")
        st.session_state["unit"] = requested if requested in names else units[0]
    with st.sidebar:
        st.markdown(f"### {texts.APP_TITLE}\n{texts.APP_SUBTITLE}")
        if len(units) > 1:
            st.selectbox(texts.SIDEBAR_UNIT, units, format_func=names.get, key="unit", on_change=_follow_unit,
                         args=(years_of,))
        unit_code = st.session_state["unit"]
        years = years_of[unit_code]
        if "year" not in st.session_state:
            requested_year = _query_param_year()
            st.session_state["year"] = requested_year if requested_year is not None else max(years)
        if st.session_state["year"] is not None and st.session_state["year"] not in years:
            st.session_state["missing_year"] = st.session_state["year"]  # asked for in the URL, say so
            st.session_state["year"] = None
        st.selectbox(texts.SIDEBAR_YEAR, sorted(years, reverse=True), key="year", format_func=formatting.year,
                     placeholder=texts.SIDEBAR_YEAR_PLACEHOLDER)
    year = st.session_state["year"]
    st.query_params["unit"] = unit_code
    if year is None:
        missing_year = st.session_state.get("missing_year")
        if missing_year is not None:
            st.query_params["year"] = str(missing_year)
        st.info(markup.fill(texts.YEAR_WITHOUT_DATA, unit_name=names[unit_code], year=missing_year or "",
                            years=texts.LIST_JOIN.join(formatting.year(y) for y in sorted(years))))
        return None
    st.query_params["year"] = str(year)
    data = unit_year(build=build, unit_code=unit_code, year=year)
    with st.sidebar:
        st.caption(markup.fill(texts.SIDEBAR_DATA_NOTE, cited=data.report.cited()))
    return Selection(unit_code, names[unit_code], int(year), years, build, data)


def _follow_unit(years_of: dict[str, tuple[int, ...]]) -> None:
    """A new unit keeps the year when it has it, else shows its latest: never a year it does not have."""
    years = years_of[st.session_state["unit"]]
    if st.session_state.get("year") not in years:
        st.session_state["year"] = max(years)
    st.session_state.pop("missing_year", None)


def current_selection() -> Selection:
    """The selection made in app.py's sidebar; a page stops quietly when there is nothing to show."""
    selection = st.session_state.get("selection")
    if selection is None:
        st.stop()
    return selection


def page_header(title: str, **values: object) -> Selection:
    """The page's title (a template of texts.py, filled with `values` from data) over the selected unit and year."""
    selection = current_selection()
    st.title(markup.fill(title, **values))
    return selection


def county_year(selection: Selection) -> CountyYear:
    """Every unit's year of the selected year, read from the same build as the rest of the page run."""
    return _county_year(build=selection.build, year=selection.year)


# Held for every session like a unit's year: made anew on each run, its names and history were read and gathered
# again, a fifth of a rerun of 全部单位 (200 units × 10 years).
@st.cache_resource(show_spinner=False, max_entries=16)
def _county_year(build: str, year: int) -> CountyYear:
    return CountyYear(year, reads(build))


@st.cache_resource(show_spinner=False, max_entries=100)
def _county_view(build: str, year: int, chosen: county.Filters, order: str,
                 _county: CountyYear) -> tuple[county.YearView, dict[str, NamedChart]]:
    view = county.year_view(year, _county.units, _county.hierarchy, _county.categories, chosen, order)
    return view, {named.key: held(named) for named in county_charts(view)}


def county_view(selection: Selection, year: CountyYear, chosen: county.Filters,
                order: str) -> tuple[county.YearView, dict[str, NamedChart]]:
    """The 全部单位 year tab after the page's filters and order, with its charts by key: worked out once per
    build and choice (held like the year's charts; readers do not change it), so a rerun only draws it."""
    return _county_view(build=selection.build, year=selection.year, chosen=chosen, order=order, _county=year)


def keep_choices(*keys: str) -> None:
    """Streamlit forgets a widget's value on a run that does not draw it, as when its tab is closed. Stating the
    values again keeps them for when the tab opens."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]


def county_table(shown: pd.DataFrame, key: str) -> None:
    """county.table or county.comparison_table: numbers as numbers (the headers sort them), the link column
    opening each unit's overview in a new tab."""
    config = {column: st.column_config.NumberColumn(format="%.2f") for column in shown.columns
              if column.endswith("（万元）") or column.endswith("（%）")}
    if texts.COUNTY_COL_LINK in shown:
        config[texts.COUNTY_COL_LINK] = st.column_config.LinkColumn(display_text=texts.COUNTY_LINK_TEXT)
    shown_table(shown, key, config, left_out_of_files=[texts.COUNTY_COL_LINK])


def required(frame: pd.DataFrame, selection: Selection, what: str) -> pd.DataFrame:
    """The rows a page is about; the page stops with a clear message when the year has none."""
    if frame.empty:
        nothing_for_year(selection, what)
        st.stop()
    return frame


def nothing_for_year(selection: Selection, what: str) -> None:
    st.info(texts.NOTHING_FOR_YEAR.format(year=selection.year, what=what))


def report_words(selection: Selection, refs: str | None) -> None:
    """The report's own words for section references (四.1；二), each in a box with its subsections."""
    for ref in split_refs(refs):
        words = _words_of(build=selection.build, unit_code=selection.unit_code, year=selection.year, ref=ref,
                          _data=selection.data)
        if words is not None:
            with st.container(border=True):
                st.markdown(words)  # one element per box: a page of boxes reruns on every click


# The Markdown of one box, made once per build: the sections were gathered and their text escaped again on every
# rerun (目标完成 has six boxes).
@st.cache_resource(show_spinner=False, max_entries=2000)
def _words_of(build: str, unit_code: str, year: int, ref: str, _data: UnitYear) -> str | None:
    cited = _data.cited_sections(ref)
    if cited.empty:
        return None
    paragraphs = [small_print(markup.fill(texts.REPORT_WORDS, ref=ref))]
    for title, body in zip(cited["title"], cited["body"]):
        paragraphs.append(f"**{markup.plain(title)}**")
        if isinstance(body, str):
            paragraphs.append(markup.body_markdown(body, tables=False))  # a box beside a chart: narrow
    return "\n\n".join(paragraphs)


def report_blocks(sections: pd.DataFrame, query: str) -> list[tuple[str, str]]:
    """Each section of 报告原文 as one Markdown block, with its key: its heading at its level and its paragraphs,
    each occurrence of the query highlighted. One block a section: a report of 60 sections and 150 paragraphs
    laid out an element for each on every rerun."""
    blocks = []
    for key, level, title, body in zip(sections["section_key"], sections["level"], sections["title"],
                                       sections["body"]):
        heading = f"{'#' * (int(level) + 1)} {markup.highlight(title, query)}"
        blocks.append((key, heading + (f"\n\n{markup.body_markdown(body, query)}" if isinstance(body, str) else "")))
    return blocks


def small_print(markdown: str) -> str:
    """Markdown of ours in the grey small type of a caption, inside a larger Markdown block."""
    return f":gray[:small[{markdown}]]"


def table_frame(frame: pd.DataFrame, columns: list[str], headers: dict[str, str] | None = None) -> pd.DataFrame:
    """A table as shown: Chinese headers (from texts, or `headers`), only the named columns, in that order,
    nothing missing written as blank."""
    names = {c: (headers or {}).get(c, texts.TABLE_COLUMNS.get(c, c)) for c in columns}
    return frame[columns].rename(columns=names).astype(object).fillna("")


def shown_table(shown: pd.DataFrame, key: str, column_config: dict | None = None,
                left_out_of_files: list[str] | None = None) -> None:
    """A table as it is shown (Chinese headers), sortable by its headers, with its Excel and CSV exports (without
    the columns `left_out_of_files`: a link on the page means nothing in a file)."""
    height = TABLE_ROW_HEIGHT * (len(shown) + 1) + 3 if len(shown) <= TABLE_FULL_ROWS else "auto"
    st.dataframe(as_arrow(shown), hide_index=True, width="stretch", height=height, key=key,
                 column_config=column_config)
    with export_menu(f"table_{key}") as opened:
        if opened:
            filed = shown.drop(columns=left_out_of_files or [], errors="ignore")
            st.download_button(texts.EXPORT_XLSX, data=lambda: export.xlsx_bytes({key[:31]: filed}),
                               file_name=f"{key}.xlsx", mime=export.MIME["xlsx"], key=f"xlsx_{key}",
                               on_click="ignore")
            st.download_button(texts.EXPORT_CSV, data=lambda: export.csv_bytes(filed), file_name=f"{key}.csv",
                               mime=export.MIME["csv"], key=f"csv_{key}", on_click="ignore")


# Each table's Arrow form, by the frame it was made from: a table shown from a cache (`of_year`, `_chosen`) is the
# same frame on every rerun and never changed, so it is converted once, not on every rerun as st.dataframe does
# (1.6 ms for the 15 rows of 历年对比's comparison). An entry goes with its frame.
_ARROW_TABLES: dict[int, tuple[weakref.ref, pa.Table | None]] = {}


def as_arrow(frame: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The frame as an Arrow table, made once per frame; the frame itself when Arrow cannot hold a column as it
    is (numbers and words in one column: Streamlit converts that one itself)."""
    held = _ARROW_TABLES.get(id(frame))
    if held is None or held[0]() is not frame:
        try:
            table = pa.Table.from_pandas(frame, preserve_index=False)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            table = None
        key = id(frame)
        held = _ARROW_TABLES[key] = (weakref.ref(frame, lambda _: _ARROW_TABLES.pop(key, None)), table)
    return frame if held[1] is None else held[1]


@contextmanager
def export_menu(key: str) -> Iterator[bool]:
    """The 导出 menu beside a chart or a table, and whether it is open. Its buttons are drawn only while it is
    open (opening it reruns the page), so a page of 20 charts does not lay out 40 hidden buttons every run."""
    menu = st.popover(texts.EXPORT_MENU, icon=":material/download:", key=f"export_{key}", on_change="rerun")
    with menu:
        yield bool(menu.open)


class HeldFigure(go.Figure):
    """A cached figure. st.plotly_chart asks every run for the figure's dict, which Plotly makes by a deep copy
    and an encoding of every array (about 1.7 ms a chart, a third of a page of charts); a held figure makes it
    once. Holding it is safe because readers never change a cached figure (below)."""

    def to_dict(self) -> dict:
        if "_as_dict" not in self.__dict__:
            self.__dict__["_as_dict"] = super().to_dict()
        return self.__dict__["_as_dict"]


def held(named: NamedChart) -> NamedChart:
    """The chart with its figure as a HeldFigure, for a cache."""
    return replace(named, figure=HeldFigure(named.figure))


# Held as objects, not copied: st.cache_data would unpickle every figure on every rerun, and rebuilding a
# Plotly figure validates it again (20 charts: 0.6 s). Readers never change a cached figure; a page that
# needs another size draws a copy (`go.Figure(named.figure)`, as the presentation mode does).
@st.cache_resource(show_spinner=False, max_entries=300)
def _year_charts(build: str, unit_code: str, year: int, group: str, _data: UnitYear) -> list[NamedChart]:
    return [held(named) for named in year_charts(_data, (group,))]


def charts_of_year(selection: Selection, *groups: str) -> dict[str, NamedChart]:
    """The selected year's charts of the named groups (catalogue.BUILDERS; all when none are named) by key,
    each group built once per database build: a page that shows two charts does not build twenty."""
    return {named.key: named for group in (groups or tuple(BUILDERS))
            for named in _year_charts(build=selection.build, unit_code=selection.unit_code, year=selection.year,
                                      group=group, _data=selection.data)}


def plot(figure: go.Figure, key: str) -> None:
    """A chart, with its PNG (2×) and SVG made on the server only when asked for."""
    st.plotly_chart(figure, width="stretch", config=PLOTLY_CONFIG, theme=None, key=f"chart_{key}")
    with export_menu(f"chart_{key}") as opened:
        if opened:
            for image_format, label in (("png", texts.EXPORT_PNG), ("svg", texts.EXPORT_SVG)):
                st.download_button(label, data=lambda f=image_format: export.shared_renderer()(figure, f),
                                   file_name=f"{key}.{image_format}", mime=export.MIME[image_format],
                                   key=f"{image_format}_{key}", on_click="ignore")


def show_chart(named: NamedChart) -> None:
    plot(named.figure, named.key)


def chosen_chart(selection: Selection, key: str, choice: tuple, make: Callable[[], go.Figure]) -> None:
    """A chart of rows the page's widgets choose: `make()` once per build, unit, year, chart and `choice` (the
    widgets' values it depends on), held like the year's charts. Keyed by the choice, not by the rows: Streamlit
    compared a chart's rows by content on every rerun, a fifth of a rerun of 历年对比 (AppTest, seed)."""
    plot(of_choice(selection, f"chart {key}", choice, lambda: HeldFigure(make())), key)


def chosen_table(selection: Selection, key: str, choice: tuple, make: Callable[[], pd.DataFrame]) -> None:
    """A table as `table_frame` makes it for the page's widgets' values (`choice`; `()` for none), made once
    per build, unit, year and choice like `chosen_chart`, with its exports."""
    shown_table(of_choice(selection, f"table {key}", choice, make), key)


def of_choice(selection: Selection, key: str, choice: tuple, make: Callable[[], T]) -> T:
    """`make()` once per build, unit, year, `key` and `choice` (the page's widgets' values), held for every
    session: readers never change what it returns."""
    return _chosen(build=selection.build, unit_code=selection.unit_code, year=selection.year, key=key, choice=choice,
                   _make=make)


@st.cache_resource(show_spinner=False, max_entries=600)
def _chosen(build: str, unit_code: str, year: int, key: str, choice: tuple, _make: Callable[[], T]) -> T:
    return _make()


@dataclass(frozen=True)
class Card:
    """A figure in a card: its label (which may come from data), the value large, a line of detail, the help
    behind the label's mark. Made once per build (`of_year`), so a rerun only draws it."""
    label: str
    value: str
    detail: str = ""
    help: str | None = None


def headline_card(row: pd.Series) -> Card:
    """One headline indicator: actual (with its marks) large, target, completion, status and change on last year."""
    details = [texts.OVERVIEW_KPI_TARGET.format(target=formatting.amount(row["target"], row["unit"]))]
    if not formatting.is_missing(row["completion_rate"]):
        details.append(texts.OVERVIEW_KPI_RATE.format(rate=formatting.rate(row["completion_rate"])))
    details.append(texts.STATUS_LABELS[row["status"]])
    if not formatting.is_missing(row["yoy_rate"]):
        details.append(texts.OVERVIEW_KPI_YOY.format(rate=formatting.change_rate(row["yoy_rate"])))
    return Card(row["indicator_name"] + formatting.markers(row["is_estimate"], row["period"]),
                formatting.amount(row["actual"], row["unit"], row["qualifier"]), " · ".join(details),
                markup.fill(texts.KPI_HELP, source=row["source"]))


def score_card(total: pd.Series | None, stated: pd.DataFrame, label: str = texts.OVERVIEW_SCORE) -> Card:
    """The year's total score (stated, or summed from the stated parts and marked), its grade and the score
    of each first-level group."""
    if total is None or formatting.is_missing(total["total_score"]):
        # a short value: the reason goes underneath
        return Card(label, texts.NOT_REPORTED, texts.OVERVIEW_NO_SCORE)
    parts = stated[stated["level1"] != TOTAL_ROW]
    details = [texts.OVERVIEW_GRADE.format(grade=total["grade"])]
    if not parts.empty:
        details.append(texts.LIST_JOIN.join(texts.OVERVIEW_SCORE_PART.format(
            level1=level1, score=formatting.plain_number(score)) for level1, score in zip(parts["level1"], parts["score"])))
    if formatting.truthy(total["total_is_derived"]):
        details.append(texts.OVERVIEW_SCORE_DERIVED)
    return Card(label, summary.total_score_text(total), " · ".join(details))


def show_card(card: Card) -> None:
    with st.container(border=True):
        st.metric(label=markup.plain(card.label), value=card.value, help=card.help)
        if card.detail:
            detail_line(card.detail)


def figure_card(label: str, value: str, detail: str = "") -> None:
    show_card(Card(label, value, detail))


def detail_line(text: str) -> None:
    """The line under a card's figure (PAGE_STYLE sets captions in cards large enough for a projector)."""
    st.caption(markup.plain(text))


PAGE_STYLE = """
<style>
  [data-testid="stVerticalBlockBorderWrapper"] [data-testid="stCaptionContainer"] p { font-size: 1.05rem;
                                                                                         color: #44505c; }
  [data-testid="stMetricValue"] { font-size: clamp(1.2rem, 2vw, 2.4rem); }  /* 2,200.15万元 whole in a quarter of 1024 px */
  [data-testid="stMetricLabel"] p { font-size: 1.1rem; }
  /* a long name or figure wraps rather than being cut (家庭医生签约服… in a quarter of a 1280 px screen,
     2,200.15… beside the sidebar at 1024 px) */
  [data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
  [data-testid="stMetricValue"], [data-testid="stMetricValue"] * { white-space: normal !important;
                                                                    text-overflow: clip !important; }
  .st-key-summary { padding: 0.6rem 1rem; border-left: 6px solid #1f5fa8; background: #f4f7fb; }
  .st-key-summary p { font-size: 1.25rem; line-height: 1.9; }
</style>
"""


def page_style() -> None:
    st.markdown(PAGE_STYLE, unsafe_allow_html=True)


def summary_box(text: str) -> None:
    """The year's summary in large type; its names and figures come from data, so it is shown as plain text."""
    with st.container(key="summary"):
        st.markdown(markup.plain(text))


@st.cache_data(show_spinner=False, max_entries=200)
def _findings(build: str, unit_code: str, year: int, _data: UnitYear) -> pd.DataFrame:
    return audit.findings_frame(audit.run(_data))


def findings(selection: Selection) -> pd.DataFrame:
    """The audit's findings for the selected unit and year: those stored when the version was published, or
    (a build made without the audit) the audit run once per build."""
    if not selection.data.view("audited_years").empty:
        return selection.data.view("audit_findings")
    return _findings(build=selection.build, unit_code=selection.unit_code, year=selection.year, _data=selection.data)


FINDING_PAGES = {  # where a finding's subject is shown
    "indicator": ("screens/targets_page.py", texts.PAGE_TARGETS),
    "spending": ("screens/spending_page.py", texts.PAGE_SPENDING),
    "score": ("screens/score_page.py", texts.PAGE_SCORE),
    "narrative": ("screens/report_page.py", texts.PAGE_REPORT),
}


@dataclass(frozen=True)
class FindingCard:
    """One finding as its card shows it, made once per build (`of_year`): its check and subject, the message
    with its numbers and the source as one Markdown block, and the page it concerns."""
    severity: str
    check_label: str
    markdown: str
    page: str
    page_name: str


def finding_cards(found: pd.DataFrame) -> list[FindingCard]:
    """The audit's findings as cards, in their order."""
    cards = []
    for _, finding in found.iterrows():
        paragraphs = [f"**{markup.plain(finding['check_label'])}** · {texts.SUBJECT_KINDS[finding['subject_kind']]}："
                      f"{markup.plain(finding['subject_name'])}", markup.plain(finding["message"])]
        if isinstance(finding["source"], str):
            paragraphs.append(small_print(markup.fill(texts.AUDIT_SOURCE, source=finding["source"])))
        cards.append(FindingCard(finding["severity"], finding["check_label"], "\n\n".join(paragraphs),
                                 *FINDING_PAGES[finding["subject_kind"]]))
    return cards


def show_finding(card: FindingCard) -> None:
    """One Markdown block and the link: a county year's page lists hundreds of findings, and each element a card
    adds is laid out on every rerun."""
    with st.container(border=True):
        st.markdown(card.markdown)
        st.page_link(card.page, label=texts.AUDIT_GO_TO.format(page=card.page_name), icon=":material/arrow_forward:")


def meeting_exports(selection: Selection) -> None:
    """The deck for the evaluation meeting, built with a progress bar, and the offline HTML report."""
    names = {"unit_name": selection.unit_name, "year": selection.year}
    built = f"deck_{selection.unit_code}_{selection.year}"
    deck_column, html_column = st.columns(2)
    with deck_column:
        if st.button(texts.DECK_BUTTON, icon=":material/slideshow:", key="build_deck"):
            bar = st.progress(0.0, text=texts.DECK_PROGRESS.format(step=""))
            content = deck.DeckContent.of(selection.data)
            st.session_state[built] = deck.build_deck(
                content, export.shared_renderer(), lambda done, step: bar.progress(done, texts.DECK_PROGRESS.format(step=step)))
            bar.empty()
        if built in st.session_state:
            st.download_button(texts.DECK_DOWNLOAD, st.session_state[built], file_name=texts.DECK_FILE.format(**names),
                               mime=export.MIME["pptx"], icon=":material/download:", key="download_deck")
    with html_column:
        st.download_button(texts.HTML_BUTTON, icon=":material/html:", key="download_html", on_click="ignore",
                           data=lambda: deck.build_html(deck.DeckContent.of(selection.data)).encode("utf-8"),
                           file_name=texts.HTML_FILE.format(**names), mime=export.MIME["html"])


PRESENTATION_STYLE = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], header { display: none !important; }
  .block-container { padding-top: 1.2rem; max-width: 100% !important; }
  .st-key-key_message p { font-size: clamp(1.6rem, 2.6vw, 3rem); font-weight: 700; line-height: 1.3;
                          color: #1b1b1b; margin: 0.2rem 0 0.6rem; }  /* one line on a 1280-wide screen */
  .slide-count { font-size: 1.4rem; color: #5f6b76; text-align: center; padding-top: 0.2rem; }
</style>
"""


def presentation(selection: Selection) -> None:
    """One chart per screen with its key message in large type; previous and next; no sidebar."""
    st.markdown(PRESENTATION_STYLE, unsafe_allow_html=True)
    slides = list(charts_of_year(selection).values())
    number = min(st.session_state.get("slide", 0), len(slides) - 1)
    named = slides[number]
    # Previous and next above the slide: on a 1366×768 laptop driving the projector, a slide runs past the
    # screen's foot, and buttons below it could not be reached without scrolling.
    back, count, forward = st.columns([1, 1, 1])
    back.button(texts.PRESENT_PREVIOUS, on_click=_turn, args=(-1, len(slides)), disabled=number == 0,
                width="stretch", key="slide_back")
    count.markdown(f"<div class='slide-count'>{number + 1} / {len(slides)}</div>", unsafe_allow_html=True)
    forward.button(texts.PRESENT_NEXT, on_click=_turn, args=(1, len(slides)), disabled=number == len(slides) - 1,
                   width="stretch", type="primary", key="slide_forward")
    with st.container(key="key_message"):
        st.markdown(markup.plain(named.message or named.title))
    st.plotly_chart(_on_screen(build=selection.build, unit_code=selection.unit_code, year=selection.year, key=named.key,
                               _figure=named.figure),
                    width="stretch", config={**PLOTLY_CONFIG, "displayModeBar": False}, theme=None,
                    key=f"slide_{named.key}")


# A slide's figure, made once per build like the year's charts it copies: copying and restyling it took 60% of a
# rerun of 演示模式 (AppTest, seed).
@st.cache_resource(show_spinner=False, max_entries=300)
def _on_screen(build: str, unit_code: str, year: int, key: str, _figure: go.Figure) -> go.Figure:
    # A chart with many rows keeps its own height (the screen scrolls) rather than squeezing its labels.
    height = max(PRESENTATION_CHART_HEIGHT, _figure.layout.height or 0)
    return HeldFigure(go.Figure(_figure).update_layout(height=height, font={"size": 20}))


def _turn(step: int, count: int) -> None:
    st.session_state["slide"] = max(0, min(count - 1, st.session_state.get("slide", 0) + step))


def findings_summary(found: pd.DataFrame) -> str:
    counts = found["severity"].value_counts()
    return texts.AUDIT_OVERVIEW.format(errors=counts.get(texts.SEVERITY_ERROR, 0),
                                       warnings=counts.get(texts.SEVERITY_WARNING, 0),
                                       notes=counts.get(texts.SEVERITY_NOTE, 0))


# ---- the data desk (docs/architecture.md, "The data desk") --------------------------------------------

def problems_table(problems: list) -> None:
    """The loader's problems as a table a finance officer works through: where, row, column, value, what to do."""
    st.error(texts.DESK_PROBLEMS.format(count=len(problems)))
    frame = pd.DataFrame([{
        texts.DESK_PROBLEM_WHERE: problem.file, texts.DESK_PROBLEM_ROW: problem.line,
        texts.DESK_PROBLEM_COLUMN: (f"{problem.column_index}（{problem.label}）" if problem.column_index
                                    else problem.label or problem.column or ""),
        texts.DESK_PROBLEM_VALUE: problem.value or "", texts.DESK_PROBLEM_MESSAGE: problem.message,
    } for problem in problems])
    st.dataframe(frame.astype(object).where(frame.notna(), ""), hide_index=True, width="stretch",
                 key="desk_problems")


def change_rows(changes: list) -> pd.DataFrame:
    """One line per changed cell (修改), or per added or removed row."""
    lines = []
    for change in changes:
        if change.old is None or change.new is None:
            kind = texts.DESK_ADDED if change.old is None else texts.DESK_REMOVED
            lines.append({texts.DESK_CHANGE_KIND: kind, texts.DESK_CHANGE_KEY: change.key, texts.DESK_CHANGE_COLUMN: "",
                          texts.DESK_CHANGE_OLD: "", texts.DESK_CHANGE_NEW: ""})
            continue
        for column in change.changed_columns:
            lines.append({texts.DESK_CHANGE_KIND: texts.DESK_CHANGED, texts.DESK_CHANGE_KEY: change.key,
                          texts.DESK_CHANGE_COLUMN: column, texts.DESK_CHANGE_OLD: change.old.get(column) or "",
                          texts.DESK_CHANGE_NEW: change.new.get(column) or ""})
    return pd.DataFrame(lines)


def reviewed(staged: desk.Staged, key: str):
    """The loader's verdict and the preview of a staged change, computed once per change in this session."""
    digest = hashlib.sha256(b"".join(path.encode() + content for path, content in sorted(staged.files.items()))
                            + "".join(map(str, staged.problems)).encode()).hexdigest()
    cached = st.session_state.get(f"review_{key}")
    if cached is None or cached[0] != digest:
        with st.spinner(texts.DESK_CHECKING):
            dataset, problems = desk.check(staged)
            change = None if problems else desk.preview(store_path(), dataset, staged)
        cached = (digest, problems, change)
        st.session_state[f"review_{key}"] = cached
    return cached[1], cached[2]


def change_review(staged: desk.Staged, key: str, comment: str = "") -> None:
    """Problems, or the preview and a publish that needs a comment and an explicit confirmation."""
    problems, change = reviewed(staged, key)
    if problems:
        problems_table(problems)
        return
    if change.empty:
        st.info(texts.PREVIEW_NOTHING)
        return
    st.subheader(texts.DESK_PREVIEW)
    st.markdown(markup.plain(change.summary()))
    if change.seen:
        with st.container(border=True):
            st.caption(texts.DESK_SEEN)
            for line in change.seen[:200]:
                st.markdown("- " + markup.plain(line))
            if len(change.seen) > 200:
                st.caption(texts.DESK_SEEN_MORE.format(count=len(change.seen) - 200))
    for label, changes in change.rows.items():
        if changes:
            with st.expander(f"{label}（{len(changes)}）"):
                st.dataframe(change_rows(changes), hide_index=True, width="stretch", key=f"changes_{key}_{label}")
    written_comment = st.text_input(texts.DESK_COMMENT, value=comment, key=f"comment_{key}")
    confirmed = st.checkbox(texts.DESK_CONFIRM, key=f"confirm_{key}")
    if st.button(texts.DESK_PUBLISH, type="primary", disabled=not (confirmed and written_comment.strip()),
                 key=f"publish_{key}", icon=":material/publish:"):
        publish(staged, change, written_comment.strip())


def publish(staged: desk.Staged, change, comment: str) -> None:
    account = require_editor()  # asked again at the moment of writing
    bar = st.progress(0.0)
    steps = list(texts.PUBLISH_STEPS)
    try:
        result = desk.publish(store_path(), staged, account.name, comment, change.summary(), audit.every_unit_year,
                              lambda step: bar.progress(steps.index(step) / len(steps), progress_line(step)))
    except StaleVersionError as error:
        st.error(str(error))
        return
    except LoadError as error:
        problems_table(error.problems)
        return
    except StoreError as error:
        LOG.error("publish by %s failed: %s", account.name, error.cause)
        st.error(texts.DATA_STORE_FAILED)
        return
    finally:
        bar.empty()
    accounts.record(accounts_file(), account.name, "publish",
                    texts.CLI_PUBLISHED.format(version=result.version, comment=comment))
    for name in list(st.session_state):
        if name.startswith(("review_", "confirm_", "comment_", "desk_restore", "desk_edit_check")):
            del st.session_state[name]
    st.session_state["desk_publishes"] = publishes() + 1  # new upload and edit widgets: empty again
    st.session_state["desk_published"] = texts.DESK_PUBLISHED.format(version=result.version)
    st.rerun()


def publishes() -> int:
    """How many times this session has published: part of the upload and edit widgets' keys, so that a
    publish leaves them empty (a file uploader cannot be emptied otherwise)."""
    return st.session_state.get("desk_publishes", 0)


def imported(name: str, raw: bytes, unit_code: str, year: int, files: dict[str, bytes]):
    """The report read into a draft, once per file and year in this session; a file that cannot be read is said."""
    digest = hashlib.sha256(raw).hexdigest() + f"{unit_code}{year}"
    cached = st.session_state.get("import_draft")
    if cached is None or cached[0] != digest:
        try:
            with st.spinner(texts.DESK_IMPORTING):
                draft = report_import.import_report(name, raw, unit_code, year, report_import.catalogue_of(files))
        except report_import.UnreadableReport as unreadable:
            st.error(texts.IMPORT_UNREADABLE.format(file=name, reason=unreadable))
            return None
        except Exception:  # noqa: BLE001 - a report nobody foresaw must not end the page: said, and logged
            LOG.exception("report %s could not be imported", name)
            st.error(texts.IMPORT_UNREADABLE.format(file=name, reason=texts.REPORT_IMPORT_FAILED))
            return None
        cached = (digest, draft)
        st.session_state["import_draft"] = cached
    return cached[1]
