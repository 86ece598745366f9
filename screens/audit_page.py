"""数据核查: the audit's findings by severity, with filters, each linked to the page and section it concerns."""

from collections import Counter

import streamlit as st

from perfboard import texts, ui

selection = ui.page_header(texts.AUDIT_TITLE)
st.caption(texts.AUDIT_INTRO)

found = ui.findings(selection)
if found.empty:
    st.success(texts.AUDIT_NONE)
    st.stop()

cards = ui.of_year(selection, "finding_cards", lambda year: ui.finding_cards(found))
counts = Counter(card.severity for card in cards)
for column, severity in zip(st.columns(len(texts.SEVERITIES)), texts.SEVERITIES):
    with column:
        ui.figure_card(severity, str(counts[severity]))

severity_column, check_column = st.columns(2)
severities = severity_column.multiselect(texts.AUDIT_FILTER_SEVERITY, list(texts.SEVERITIES), key="audit_severities",
                                         placeholder=texts.FILTER_ALL)
checks = check_column.multiselect(texts.AUDIT_FILTER_CHECK, list(dict.fromkeys(card.check_label for card in cards)),
                                  key="audit_checks", placeholder=texts.FILTER_ALL)
shown = [card for card in cards
         if (not severities or card.severity in severities) and (not checks or card.check_label in checks)]
if not shown:
    st.info(texts.AUDIT_NONE_MATCH)

for severity in texts.SEVERITIES:
    of_severity = [card for card in shown if card.severity == severity]
    if of_severity:
        st.subheader(f"{severity}（{len(of_severity)}）")
        for card in of_severity:
            ui.show_finding(card)
