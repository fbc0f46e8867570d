"""Case profile: one case told whole — figures with their words, its timeline, where it is, who is in it."""

import streamlit as st

from atlas import charts, filters, summary, ui
from atlas import format as fmt

data = ui.atlas()
ids = list(data.cases["case_id"])
case_id, notes = filters.pick_case(st.query_params.get_all("case"), ids)
ui.notices(notes)

names = dict(zip(data.cases["case_id"], data.cases["short_title"], strict=True))
chosen = st.selectbox("Case", ids, index=ids.index(case_id) if case_id else 0, format_func=names.get,
                      key=f"case_pick_{case_id}")
if chosen != case_id:
    st.query_params["case"] = chosen
    case_id = chosen
if case_id is None:
    st.info("No case to show.")
    st.stop()

case = data.cases[data.cases["case_id"] == case_id].iloc[0]
metrics = data.metrics[data.metrics["case_id"] == case_id]
events = data.events[data.events["case_id"] == case_id]
places = data.places[data.places["case_id"] == case_id]
vocab = data.vocabulary

st.title(fmt.md(case["title_en"]), anchor=False)
st.subheader(fmt.md(f"{case['title_zh']} · section {case['section']}"), anchor=False)
st.caption(fmt.md(" · ".join([
    summary.province_names(data, case["provinces"]),
    summary.sector_labels(data, case["sectors"]),
    vocab.get("industry_tiers", {}).get(case["industry_tier"], case["industry_tier"]),
])))
st.markdown(fmt.md(case["summary"]))
st.caption(fmt.md("How it innovates: " + ", ".join(vocab.get("mechanisms", {}).get(m, m)
                                                   for m in case["mechanisms"])))

st.header(f"Figures ({len(metrics)})", anchor=False)
st.caption("As reported by the source. Open “Source words” under a figure for the sentence that states it.")
rows = [row for _, row in metrics.iterrows()]
for start in range(0, len(rows), 4):
    for column, row in zip(st.columns(4), rows[start:start + 4], strict=False):
        with column:
            ui.figure_card(data, row)

left, right = st.columns([3, 2])
with left:
    st.header("Timeline", anchor=False)
    if events.empty:
        st.info("The sources give no dated event for this case.")
    else:
        lanes = ui.event_lanes(data, events, data.cases)
        st.plotly_chart(charts.timeline(lanes, height=230), config={"displaylogo": False},
                        alt=f"Timeline of {len(events)} dated events of this case.")
        for event in lanes.itertuples():
            st.markdown(fmt.md(f"{event.when} — {event.title}"))
with right:
    st.header("Where", anchor=False)
    st.plotly_chart(charts.inset_map(ui.cities(), places), config={"displaylogo": False},
                    alt="Map of the case's sites: " + ", ".join(places["name"]))
    for place in places.itertuples():
        st.caption(fmt.md(f"{place.name} {place.name_zh} — {place.city}"))

left, right = st.columns(2)
with left:
    st.header("Organisations", anchor=False)
    for org in data.organisations[data.organisations["case_id"] == case_id].itertuples():
        st.markdown(fmt.md(f"{org.name} {org.name_zh} ({org.kind})"))
with right:
    st.header("Related cases", anchor=False)
    related = summary.related(data.cases, case_id)
    if related.empty:
        st.caption("No other case shares a sector or province with this one.")
    for other in related.itertuples():
        shared = summary.sector_labels(data, other.sectors) or summary.province_names(data, other.provinces)
        st.page_link("views/case.py", label=f"{fmt.md(other.short_title)} — shares {fmt.md(shared)}",
                     query_params={"case": other.case_id})

previous, following = summary.neighbours(ids, case_id)
left, right = st.columns(2)
if previous:
    left.page_link("views/case.py", label=f"← {fmt.md(names[previous])}", query_params={"case": previous})
if following:
    right.page_link("views/case.py", label=f"{fmt.md(names[following])} →", query_params={"case": following})
