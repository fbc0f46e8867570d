"""Presentation mode: one case per slide, large type, the key figures and a small map."""

import streamlit as st

from atlas import charts, filters, summary, ui
from atlas import format as fmt

data = ui.atlas()
view = ui.view(data)
cases = view.cases.reset_index(drop=True)
count = len(cases)
if not count:
    st.info("No case matches these filters. Use “Clear filters” in the sidebar.")
    st.stop()

slide, notes = filters.pick_slide(st.query_params.get_all("slide"), count)
ui.notices(notes)


def go_to(number: int) -> None:
    st.query_params["slide"] = str(number)


case = cases.iloc[slide - 1]
back, position, forward = st.columns([1, 4, 1])
back.button("Previous", on_click=go_to, args=(slide - 1,), disabled=slide == 1, icon=":material/arrow_back:",
            width="stretch")
position.caption(fmt.md(f"Slide {slide} of {count} · section {case['section']}"))
forward.button("Next", on_click=go_to, args=(slide + 1,), disabled=slide == count, icon=":material/arrow_forward:",
               width="stretch")
if "slide" not in st.query_params:
    st.query_params["slide"] = str(slide)

st.title(fmt.md(case["short_title"]), anchor=False)
st.header(fmt.md(case["title_zh"]), anchor=False)
left, right = st.columns([3, 2])
with left:
    figures = summary.key_figures(view.metrics, case["case_id"], limit=4)
    for start in range(0, len(figures), 2):
        for column, row in zip(st.columns(2), figures[start:start + 2], strict=False):
            with column:
                ui.figure_card(data, row, large=True)
    st.caption(fmt.md(summary.province_names(data, case["provinces"]) + " · "
                      + summary.sector_labels(data, case["sectors"]) + " · figures as reported by the source"))
with right:
    places = data.places[data.places["case_id"] == case["case_id"]]
    st.plotly_chart(charts.inset_map(ui.cities(), places, height=300), config={"displayModeBar": False},
                    alt="Map of the case's sites: " + ", ".join(places["name"]))
