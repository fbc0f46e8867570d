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

pages = summary.page_count(len(view.cases))
page = 1
if pages > 1:
    if not 1 <= st.session_state.get("overview_page", 1) <= pages:
        st.session_state["overview_page"] = 1  # the filter shrank the list below the page shown
    page = st.number_input("Page of cards", min_value=1, max_value=pages, step=1, key="overview_page")
    st.caption(f"{len(view.cases):,} cases in view, {summary.CARDS_PER_PAGE} to a page: page {page} of {pages}.")
cards = summary.case_cards(data, summary.page_rows(view.cases, page), view.metrics)
if not cards:
    st.info("No case matches these filters. Use “Clear filters” in the sidebar to see all ten.")
for row_start in range(0, len(cards), 2):
    for column, card in zip(st.columns(2), cards[row_start:row_start + 2], strict=False):
        with column.container(border=True):
            st.subheader(fmt.md(f"{card.section} · {card.short_title}"), anchor=False)
            st.markdown(fmt.md(card.title_zh))
            st.caption(fmt.md(f"{card.places} · {card.sectors}"))
            ui.figure_lines(data, card.figures)
            st.page_link("views/case.py", label="Open the case profile", icon=":material/article:",
                         query_params={"case": card.case_id})
