"""Overview: how much the report covers, and the cases in view at a glance."""

import streamlit as st

from atlas import format as fmt
from atlas import summary, ui

data = ui.atlas()
view = ui.view(data)

st.title("New quality productive forces: ten regional cases")
st.caption("Chapter 5 of the Xinhua Institute think-tank report (2024). Figures are the report's claims, "
           "as reported; “Source words” opens the sentence that states each one.")

head = summary.headline(view.cases, view.metrics)
for column, (label, value) in zip(st.columns(len(head)), head.items(), strict=True):
    column.metric(label, f"{value:,}", border=True)

cards = summary.case_cards(data, view.cases, view.metrics)
if not cards:
    st.info("No case matches these filters. Use “Clear filters” in the sidebar to see all ten.")
for row_start in range(0, len(cards), 2):
    for column, card in zip(st.columns(2), cards[row_start:row_start + 2], strict=False):
        with column.container(border=True):
            st.subheader(fmt.md(f"{card.section} · {card.short_title}"), anchor=False)
            st.markdown(fmt.md(card.title_zh))
            st.caption(fmt.md(f"{card.places} · {card.sectors}"))
            for figure in card.figures:
                ui.figure_line(data, figure)
            st.page_link("views/case.py", label="Open the case profile", icon=":material/article:",
                         query_params={"case": card.case_id})
