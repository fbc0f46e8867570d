"""Map: where the cases in view are, and a click to filter the app to a province."""

import streamlit as st

from atlas import format as fmt
from atlas import geography, ui
from atlas.text import t

frame = ui.frame("map")
model = geography.map_page(frame.data, frame.view)

st.title(t("map.title"), anchor=False)
left, right = st.columns([3, 1])
left.caption(t("map.caption"))
show_context = right.toggle(t("map.context"), value=True, key="map_context")

st.plotly_chart(
    ui.map_figure(frame, show_context), key="province_map", on_select=lambda: ui.apply_map_click(frame, "province_map"),
    selection_mode="points", config=ui.chart_config("map", scrollZoom=True,
                                                    modeBarButtonsToRemove=["select2d", "lasso2d"]),
    alt=t("map.alt"),
)
st.caption(t("map.credit"))

st.subheader(t("map.by_province"), anchor=False)
if model.empty:
    st.info(t("empty"))
else:
    st.dataframe(model.hosting, hide_index=True, width="stretch",
                 column_config={"name_en": t("col.province"), "name_zh": t("col.province_zh"),
                                "cases": st.column_config.NumberColumn(t("col.cases")),
                                "titles": t("col.cases_in_view")})
if model.context and show_context:
    with st.expander(t("map.context_points")):
        for line in model.context:
            st.markdown(fmt.md(line))
