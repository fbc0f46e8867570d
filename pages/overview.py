"""Overview: how much the report covers, and the ten cases at a glance."""

import streamlit as st

from atlas import format as fmt
from atlas import summary, ui

data = ui.atlas()
ui.problems_notice(data)

st.title("New quality productive forces: ten regional cases")
st.caption("Chapter 5 of the Xinhua Institute think-tank report (2024). Figures are the report's claims, "
           "as reported; hover a figure's ⓘ for its words and document.")

head = summary.headline(data)
for column, (label, value) in zip(st.columns(len(head)), head.items(), strict=True):
    column.metric(label, f"{value:,}", border=True)

cards = summary.case_cards(data)
if not cards:
    st.info("No case to show.")
for row_start in range(0, len(cards), 2):
    for column, card in zip(st.columns(2), cards[row_start:row_start + 2], strict=False):
        with column.container(border=True):
            st.subheader(fmt.md(f"{card.section} · {card.short_title}"), anchor=False)
            st.markdown(fmt.md(card.title_zh))
            st.caption(fmt.md(f"{card.places} · {card.sectors}"))
            for figure, metric_column in zip(card.figures, st.columns(max(len(card.figures), 1)), strict=False):
                with metric_column:
                    ui.figure_metric(data, figure)
