"""数据管理 (editors only): download the workbook, upload it, see the problems or the change, publish with a
comment; correct one file's rows in place; browse, download and restore versions."""

import pandas as pd
import streamlit as st

from perfboard import desk, export, markup, report_import, texts, ui, workbook
from perfboard.schema import TABLES_BY_NAME

ui.require_editor()
selection = st.session_state.get("selection")
db_path = ui.store_path()


def upload_section() -> None:
    uploaded = st.file_uploader(texts.DESK_UPLOAD, type=["xlsx", "zip", "csv"], accept_multiple_files=True,
                                help=texts.DESK_UPLOAD_HELP, key=f"desk_upload_{ui.publishes()}")
    if uploaded:
        ui.change_review(desk.stage_upload(db_path, [(f.name, f.getvalue()) for f in uploaded]), "upload")


def import_unit(files: dict[str, bytes]) -> tuple[str | None, report_import.NewUnit | None]:
    """Whose report: the unit selected in the sidebar, or a unit new to the data, registered with it (its code,
    name and parent). No code while a new unit's code and name are not given, or the code is taken."""
    units = {row["unit_code"]: row["unit_name"] for row in workbook.csv_rows(files["units.csv"])}
    choices = {"selected": markup.fill(texts.DESK_IMPORT_FOR_SELECTED, unit_name=selection.unit_name),
               "new": texts.DESK_IMPORT_FOR_NEW}
    if st.radio(texts.DESK_IMPORT_FOR, list(choices), format_func=choices.get, horizontal=True,
                key="desk_import_for") == "selected":
        return selection.unit_code, None
    name_column, code_column, parent_column = st.columns(3)
    unit_name = name_column.text_input(texts.DESK_NEW_UNIT_NAME, key="desk_new_unit_name").strip()
    unit_code = code_column.text_input(texts.DESK_NEW_UNIT_CODE, key="desk_new_unit_code",
                                       help=texts.DESK_NEW_UNIT_CODE_HELP).strip()
    parent = parent_column.selectbox(texts.DESK_NEW_UNIT_PARENT, ["", *units], key="desk_new_unit_parent",
                                     format_func=lambda code: units.get(code, texts.DESK_NO_PARENT))
    if unit_code in units:
        st.error(markup.fill(texts.DESK_NEW_UNIT_TAKEN, code=unit_code, unit_name=units[unit_code]))
        return None, None
    if not unit_name or not unit_code:
        st.caption(texts.DESK_NEW_UNIT_PROMPT)
        return None, None
    return unit_code, report_import.NewUnit(unit_name, parent)


def import_section() -> None:
    """A report in, a review table out: each figure beside its sentence, taken, corrected, reassigned or
    rejected by a person; then checked and previewed like any upload."""
    if selection is None:
        st.info(texts.NO_DATA_LOADED)
        return
    files = desk.current_files(db_path)
    unit_code, new_unit = import_unit(files)
    if unit_code is None:
        return
    latest_year = max(selection.years) + 1
    year = st.number_input(texts.DESK_IMPORT_YEAR, min_value=2000, max_value=latest_year,
                           value=selection.year, step=1, key="desk_import_year")
    report = st.file_uploader(texts.DESK_IMPORT_UPLOAD, type=list(report_import.REPORT_SUFFIXES),
                              key=f"desk_import_{ui.publishes()}")
    if report is None:
        st.caption(texts.DESK_IMPORT_INTRO)
        return
    draft = ui.imported(report.name, report.getvalue(), unit_code, int(year), files)
    if draft is None:
        return
    if draft.stated_year not in (None, int(year)):
        st.warning(markup.fill(texts.IMPORT_YEAR_DIFFERS, stated=draft.stated_year, title=draft.title, chosen=int(year)))
        if 2000 <= draft.stated_year <= latest_year:
            st.button(texts.IMPORT_USE_TITLE_YEAR.format(year=draft.stated_year), key="desk_import_title_year",
                      on_click=st.session_state.__setitem__, args=("desk_import_year", draft.stated_year))
    kinds = {label: kind for kind, label in texts.IMPORT_KINDS.items()}
    review = pd.DataFrame([{**row, "used": number in draft.used,
                            "indicator_code": row["indicator_code"] or texts.IMPORT_NO_INDICATOR}
                           for number, row in enumerate(report_import.review_rows(draft))])
    st.caption(texts.DESK_IMPORT_SUMMARY.format(figures=draft.figure_count, words=draft.words_count,
                                                used=len(draft.used), unclassified=len(draft.figures) - len(draft.used)))
    catalogued = workbook.csv_rows(files["indicators.csv"])
    codes = list(dict.fromkeys([texts.IMPORT_NO_INDICATOR, *(row["indicator_code"] for row in catalogued),
                                *(figure.new_indicator.code for figure in draft.figures if figure.new_indicator)]))
    edited = st.data_editor(
        review[list(report_import.REVIEW_COLUMNS)], hide_index=True, width="stretch", height=560,
        key=f"desk_import_review_{ui.publishes()}",
        disabled=["name", "unit", "qualifier", "ref", "sentence"],
        column_config={
            "used": st.column_config.CheckboxColumn(texts.IMPORT_REVIEW_HEADERS["used"]),
            "kind": st.column_config.SelectboxColumn(texts.IMPORT_REVIEW_HEADERS["kind"], options=list(kinds)),
            "indicator_code": st.column_config.SelectboxColumn(texts.IMPORT_REVIEW_HEADERS["indicator_code"],
                                                               options=codes),
            **{c: st.column_config.TextColumn(texts.IMPORT_REVIEW_HEADERS[c])
               for c in ("name", "value", "unit", "qualifier", "ref", "sentence")},
        })
    if st.toggle(texts.DESK_IMPORT_CHECK, key="desk_import_check"):
        decisions = [report_import.Decision(bool(row["used"]), kinds.get(row["kind"], row["kind"]),
                                            None if row["indicator_code"] in (None, "", texts.IMPORT_NO_INDICATOR)
                                            else row["indicator_code"], str(row["value"]))
                     for row in edited.to_dict("records")]
        reviewed = report_import.decided(draft, decisions, unit_code, int(year))
        upload = report_import.draft_upload(reviewed, report.name, unit_code, int(year), files, new_unit)
        ui.change_review(desk.merged(files, upload, desk.history(db_path)[1]), "import",
                         texts.DESK_IMPORT_COMMENT.format(file=report.name))


def edit_section() -> None:
    """One file's rows of the selected unit-year as an editable table, checked and previewed like an upload."""
    if selection is None:
        st.info(texts.NO_DATA_LOADED)
        return
    labels = {name: TABLES_BY_NAME[name].label for name in sorted(desk.YEARLY_TABLES)}
    table = TABLES_BY_NAME[st.selectbox(texts.DESK_EDIT_TABLE, list(labels), format_func=labels.get,
                                        key="desk_edit_table")]
    st.caption(markup.fill(texts.DESK_EDIT_INTRO, unit_name=selection.unit_name, year=selection.year,
                           label=table.label))
    columns = [c for c in table.columns if c.name not in ("unit_code", "year")]
    rows = desk.unit_year_rows(db_path, table.name, selection.unit_code, selection.year)
    current = pd.DataFrame(rows, columns=[c.name for c in table.columns])[[c.name for c in columns]]
    edited = st.data_editor(current, num_rows="dynamic", hide_index=True, width="stretch",
                            key=f"desk_edit_{table.name}_{selection.unit_code}_{selection.year}_{ui.publishes()}",
                            column_config={c.name: st.column_config.TextColumn(c.label) for c in columns})
    if st.toggle(texts.DESK_EDIT_CHECK, key="desk_edit_check"):
        typed = [{name: "" if pd.isna(value) else str(value) for name, value in row.items()}
                 for row in edited.to_dict("records")]
        ui.change_review(desk.stage_rows(db_path, table.name, selection.unit_code, selection.year, typed), "edit")


def history_section() -> None:
    held, current = desk.history(db_path)
    when = {v.number: v.published_at[:16].replace("T", " ") for v in held}
    st.dataframe(pd.DataFrame([{
        texts.VERSION_COLUMNS["number"]: v.number, texts.VERSION_COLUMNS["published_at"]: when[v.number],
        texts.VERSION_COLUMNS["editor"]: v.editor, texts.VERSION_COLUMNS["comment"]: v.comment,
        texts.VERSION_COLUMNS["summary"]: v.summary, texts.VERSION_COLUMNS["current"]: "✓" if v.number == current else "",
    } for v in held]), hide_index=True, width="stretch", key="versions_table")
    by_number = {v.number: v for v in held}
    chosen = st.selectbox(texts.DESK_HISTORY_PICK, list(by_number), key="history_pick",
                          format_func=lambda n: texts.DESK_HISTORY_VERSION.format(
                              number=n, published_at=when[n], editor=by_number[n].editor,
                              comment=by_number[n].comment))
    workbook_column, zip_column = st.columns(2)
    workbook_column.download_button(texts.DESK_DOWNLOAD_WORKBOOK, icon=":material/table:", on_click="ignore",
                                    key="download_version_workbook", mime=export.MIME["xlsx"],
                                    file_name=texts.DESK_WORKBOOK_FILE.format(version=chosen),
                                    data=lambda: desk.version_workbook(db_path, chosen))
    zip_column.download_button(texts.DESK_DOWNLOAD_ZIP, icon=":material/folder_zip:", on_click="ignore",
                               key="download_version_zip", mime="application/zip",
                               file_name=texts.DESK_ZIP_FILE.format(version=chosen),
                               data=lambda: desk.version_zip(db_path, chosen))
    if chosen == current:
        st.caption(texts.DESK_RESTORE_CURRENT)
    elif st.toggle(texts.DESK_RESTORE, key="desk_restore"):
        ui.change_review(desk.stage_version(db_path, chosen), f"restore_{chosen}",
                         texts.RESTORE_COMMENT.format(version=chosen, comment=""))


def template_section() -> None:
    scopes = {"blank": (None, None, texts.DESK_TEMPLATE_BLANK)}
    if selection is not None:
        next_year = max(selection.years) + 1
        scopes["selected"] = (selection.unit_code, selection.year, markup.fill(
            texts.DESK_TEMPLATE_YEAR, unit_name=selection.unit_name, year=selection.year))
        scopes["next"] = (selection.unit_code, next_year, markup.fill(
            texts.DESK_TEMPLATE_NEW_YEAR, unit_name=selection.unit_name, year=next_year))
    unit_code, year, _ = scopes[st.radio(texts.DESK_TEMPLATE_SCOPE, list(scopes), format_func=lambda s: scopes[s][2],
                                         key="template_scope")]
    st.download_button(texts.DESK_TEMPLATE_DOWNLOAD, icon=":material/download:", key="download_template",
                       on_click="ignore", mime=export.MIME["xlsx"],
                       file_name=texts.DESK_TEMPLATE_FILE.format(scope=f"{unit_code}_{year}" if unit_code else "blank"),
                       data=lambda: workbook.write_workbook(desk.current_files(db_path), unit_code, year, template=True))
    st.download_button(texts.DESK_WORKBOOK_DOWNLOAD, icon=":material/table:", key="download_workbook",
                       on_click="ignore", mime=export.MIME["xlsx"],
                       file_name=texts.DESK_WORKBOOK_FILE.format(version=desk.history(db_path)[1]),
                       data=lambda: workbook.write_workbook(desk.current_files(db_path)))


st.title(texts.DESK_TITLE)
st.caption(texts.DESK_INTRO)
published = st.session_state.pop("desk_published", None)
if published:
    st.success(published)
# Stateful tabs: a rerun (a toggle, a publish) stays on the tab in use, and only the open tab's content runs.
tabs = st.tabs([texts.DESK_TAB_UPLOAD, texts.DESK_TAB_IMPORT, texts.DESK_TAB_EDIT, texts.DESK_TAB_HISTORY,
                texts.DESK_TAB_TEMPLATE], key="desk_tab", on_change="rerun")
for tab, section in zip(tabs, (upload_section, import_section, edit_section, history_section, template_section)):
    with tab:
        if tab.open:
            section()
