"""Case profile: one case told whole — figures with their words, its timeline, where it is, who is in it."""

import streamlit as st

from atlas import charts, locator, profile, summary, ui
from atlas import format as fmt
from atlas.text import t

CARD_WIDTH = 250  # px: three cards a row at 1280 px, four at 1440 px; the longest word in a label still fits

frame = ui.frame("case")
model = profile.case_profile(frame.data, frame.view, frame.param("case"))
ui.notices(model.notices)
if model.outside:
    # A button, not a page link: a link to the page already open does nothing when clicked.
    st.button(fmt.md(model.outside.label), icon=":material/filter_alt_off:", key="case_outside",
              on_click=ui.without_filters, kwargs={"case": model.outside.case_id})
if model.case_id is None:
    st.info(t("empty"))
    st.stop()

ui.url_choice("case_pick", "case", [c for c, _ in model.choices], dict(model.choices), model.case_id,
              label=t("case.picker"), help=t("case.picker_help"))
st.title(fmt.md(model.title), anchor=False)
st.subheader(fmt.md(model.subtitle), anchor=False)
st.caption(fmt.md(model.facts))
st.markdown(fmt.md(model.summary))
st.caption(fmt.md(model.mechanisms))

st.header(model.figures_heading, anchor=False)
st.caption(t("case.figures_caption"))
# Cards of a fixed width in a row that wraps: as many columns as the window holds, no word broken to fit.
with st.container(horizontal=True, gap="small", key="case_cards"):
    for figure in model.figures:
        ui.figure_card(figure, width=CARD_WIDTH)

st.header(t("case.timeline"), anchor=False)
if model.events.empty:
    st.info(t("case.no_events"))
else:
    st.plotly_chart(charts.captioned(charts.timeline(model.events, height=230),
                                     t("chart.case_timeline", title=frame.data.short_titles[model.case_id]),
                                     summary.chart_source(frame.data, model.events["source_id"])),
                    config=ui.chart_config("case", model.case_id, "timeline"),
                    alt=model.events_alt)
    for event in model.events.itertuples():  # each event's own view: its words in context and its citation
        ui.record_link(event.id, label=fmt.md(f"{event.when} — {event.title}"))

left, right = st.columns(2)
with left:
    st.header(t("case.where"), anchor=False)
    # A PNG, not a MapLibre map: the WebGL map, its worker and glyphs added ~0.7 s to every load of this page.
    sites = tuple(zip(model.places["lon"], model.places["lat"], strict=True))
    st.image(locator.inset_png(sites), width="stretch",
             alt=t("case.map_alt", places=", ".join(model.places["name"])))
    st.caption(fmt.md(t("chart.case_map", title=frame.data.short_titles[model.case_id])) + "  \n"
               + fmt.md(t("chart.map_source")))
    for line in model.place_lines:
        st.caption(fmt.md(line))

with right:
    st.header(t("case.organisations"), anchor=False)
    if not model.organisations:
        st.caption(t("case.no_organisations"))
    for line in model.organisations:
        st.markdown(fmt.md(line))

st.header(t("case.related"), anchor=False)
if not model.related:
    st.caption(t("case.no_related"))
with st.container(key="case_related"):  # full width, and links wrap rather than end in "…" (assets/case.css)
    for link in model.related:
        ui.case_link(link.case_id, link.label, selection=frame.selection)

left, right = st.columns(2)
ui.stylesheet("case.css")
if model.previous:
    with left:
        ui.case_link(model.previous.case_id, f"← {model.previous.label}", selection=frame.selection)
if model.following:
    with right:
        ui.case_link(model.following.case_id, f"{model.following.label} →", selection=frame.selection)
