"""Overview: how much the report covers, and the cases in view at a glance."""

import streamlit as st

from atlas import filters, locator, overview, pages, ui
from atlas import format as fmt
from atlas.text import t

frame = ui.frame("overview")
model = overview.overview(frame.data, frame.view, frame.param("page"))

st.title(fmt.md(model.title), anchor=False)
st.caption(t("overview.caption"))
for column, (label, value) in zip(st.columns(len(model.headline)), model.headline, strict=True):
    column.metric(label, value, border=True)

# At a glance: where the cases are, which sectors and tiers; each part leads to the matching filtered view.
where, what = st.columns([2, 5], gap="medium")
with where:
    st.image(locator.png(model.locator, width=3.6, height=2.7, dpi=110), width="stretch")  # ~30 KB a filter
    st.caption(t("overview.map_caption"))
    st.page_link(pages.BY_KEY["map"].script, label=t("overview.open_map"), icon=":material/map:",
                 query_params=filters.to_params(frame.selection))
with what:
    ui.facet_pills(frame, "sector", t("overview.glance_sectors"))
    ui.facet_pills(frame, "tier", t("overview.glance_tiers"))
ui.stylesheet("overview.css")

if model.pages > 1:
    ui.url_choice("overview_page", "page", [str(p) for p in range(1, model.pages + 1)], {}, str(model.page),
                  label=t("overview.page"))
    st.caption(model.paging)
if model.empty:
    st.info(t("empty"))
for start in range(0, len(model.cards), 2):
    for column, card in zip(st.columns(2), model.cards[start:start + 2], strict=False):
        with column.container(border=True):
            st.subheader(fmt.md(card.heading), anchor=False)
            st.markdown(fmt.md(card.title_zh))
            st.caption(fmt.md(card.where_what))
            ui.figure_lines(card.figures, frame.selection.q)
            ui.case_link(card.case_id, t("overview.open"), icon=":material/article:", selection=frame.selection)
