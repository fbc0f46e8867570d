"""Timeline: national policy and the cases' own milestones on one time axis."""

import pandas as pd
import streamlit as st

from atlas import charts, ui
from atlas import format as fmt

data = ui.atlas()
view = ui.view(data)

st.title("Timeline", anchor=False)
st.caption("National policy events and the cases' own dated events, as the sources date them. A diamond is a "
           "day; a bar covers the whole month, quarter or year when the source gives no finer date.")
show_national = st.toggle("Show national policy events", value=True, key="timeline_national")
events = pd.concat([view.national_events, view.events]) if show_national else view.events
if events.empty:
    st.info("No dated event matches these filters.")
    st.stop()

lanes = ui.event_lanes(data, events, view.cases)
st.plotly_chart(charts.timeline(lanes), config={"displaylogo": False},
                alt=f"Timeline of {len(lanes)} events in {lanes['lane'].nunique()} lanes; the table below lists them.")
st.subheader("The events, with their words", anchor=False)
st.dataframe(
    lanes[["when", "precision", "lane", "title", "quote", "source_title"]], hide_index=True, width="stretch",
    column_config={"when": "Date", "precision": "Precision", "lane": "Case", "title": "Event",
                   "quote": st.column_config.TextColumn("Source words", width="large"),
                   "source_title": "Document"},
)
st.caption(fmt.md(f"{len(lanes)} events. Dates are as the sources give them."))
