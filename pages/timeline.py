"""Timeline: national policy and the cases' own milestones on one time axis."""

import streamlit as st

from atlas import charts, summary, timeline, ui
from atlas import format as fmt
from atlas.text import t

frame = ui.frame("timeline")
st.title(t("timeline.title"), anchor=False)
st.caption(t("timeline.caption"))
national = st.toggle(t("timeline.national"), value=True, key="timeline_national")
model = timeline.timeline_page(frame.data, frame.view, national)
if model.empty:
    st.info(t("timeline.empty"))
    st.stop()
if model.earlier:  # a few early events would squeeze the rest: name them, and offer the whole span
    note, control = st.columns([3, 2], vertical_alignment="center")
    note.caption(fmt.md(model.earlier))
    with control:
        ui.url_toggle("timeline_all_years", "all_years", model.widen)
    if st.session_state["timeline_all_years"]:
        model = timeline.timeline_page(frame.data, frame.view, national, everything=True)

st.plotly_chart(charts.captioned(charts.timeline(model.lanes, x_range=model.x_range), t("chart.timeline"),
                                 summary.chart_source(frame.data, model.lanes["source_id"])),
                config=ui.chart_config("timeline"), alt=model.alt)
st.subheader(t("timeline.table"), anchor=False)
st.dataframe(
    model.lanes[["when", "precision", "lane", "title", "quote", "source_title"]], hide_index=True, width="stretch",
    column_config={"when": t("col.date"), "precision": t("col.precision"), "lane": t("col.case"),
                   "title": t("col.event"), "quote": st.column_config.TextColumn(t("col.quote"), width="large"),
                   "source_title": t("col.document")},
)
st.caption(model.count)
