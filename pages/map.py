"""Map: where the cases in view are, and the province filter drawn: a click adds or removes a province."""

import streamlit as st

from atlas import format as fmt
from atlas import geography, ui
from atlas.text import t

frame = ui.frame("map")
model = geography.map_page(frame.data, frame.view, frame.selection)

st.title(t("map.title"), anchor=False)
left, middle, right = st.columns([6, 2, 2], vertical_alignment="center")
left.caption(t("map.caption"))
show_context = middle.toggle(t("map.context"), value=True, key="map_context")
right.button(t("map.reset"), icon=":material/restart_alt:", help=t("map.reset_help"), key="map_reset",
             disabled=not frame.selection.provinces, on_click=ui.reset_map, args=(frame,), width="stretch")
if model.selected:
    st.caption(t("map.chosen", provinces=fmt.md(", ".join(model.selected))))

key = ui.map_key(frame)
with st.container(key="atlas_map"):  # its height follows the window (assets/map.css)
    st.plotly_chart(
        ui.map_figure(frame, show_context), key=key, on_select=lambda: ui.apply_map_click(frame, key, model),
        selection_mode="points", config=ui.chart_config("map", scrollZoom=True,
                                                        modeBarButtonsToRemove=["select2d", "lasso2d"]),
        alt=t("map.alt"),
    )
ui.stylesheet("map.css")

st.subheader(t("map.by_province"), anchor=False)
if model.empty:
    st.info(t("empty"))
else:
    # A plain table, not st.dataframe: at most 34 rows, read whole on a projector, and the data grid's code
    # added about 0.35 s to every load of the page (bench).
    st.table(model.hosting.rename(columns={"name_en": t("col.province"), "name_zh": t("col.province_zh"),
                                           "cases": t("col.cases"), "titles": t("col.cases_in_view")}),
             hide_index=True)
if model.context and show_context:
    with st.expander(t("map.context_points")):
        for line in model.context:
            st.markdown(fmt.md(line))
