"""Timeline: national policy and the cases' own milestones on one time axis."""

import streamlit as st

from atlas import charts, summary, timeline, ui
from atlas.text import t

frame = ui.frame("timeline")
st.title(t("timeline.title"), anchor=False)
st.caption(t("timeline.caption"))
national = st.toggle(t("timeline.national"), value=True, key="timeline_national")
model = timeline.timeline_page(frame.data, frame.view, national)
if model.empty:
    st.info(t("timeline.empty"))
    st.stop()

st.plotly_chart(charts.captioned(charts.timeline(model.lanes), t("chart.timeline"),
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
