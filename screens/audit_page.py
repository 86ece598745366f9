"""数据核查: the audit's findings by severity, with filters, each linked to the page and section it concerns."""

import streamlit as st

from perfboard import tables, texts, ui

selection = ui.page_header(texts.AUDIT_TITLE)
st.caption(texts.AUDIT_INTRO)

found = ui.findings(selection)
if found.empty:
    st.success(texts.AUDIT_NONE)
    st.stop()

for column, severity in zip(st.columns(len(texts.SEVERITIES)), texts.SEVERITIES):
    with column:
        ui.figure_card(severity, str(int((found["severity"] == severity).sum())))

severity_column, check_column = st.columns(2)
severities = severity_column.multiselect(texts.AUDIT_FILTER_SEVERITY, list(texts.SEVERITIES), key="audit_severities",
                                         placeholder=texts.FILTER_ALL)
checks = check_column.multiselect(texts.AUDIT_FILTER_CHECK, list(dict.fromkeys(found["check_label"])),
                                  key="audit_checks", placeholder=texts.FILTER_ALL)
shown = tables.pick(found, severity=severities, check_label=checks)
if shown.empty:
    st.info(texts.AUDIT_NONE_MATCH)

for severity in texts.SEVERITIES:
    of_severity = shown[shown["severity"] == severity]
    if not of_severity.empty:
        st.subheader(f"{severity}（{len(of_severity)}）")
        for _, finding in of_severity.iterrows():
            ui.finding_card(finding)
