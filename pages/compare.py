"""Compare: two to four cases in view side by side on the figure families that can be compared."""

import streamlit as st

from atlas import charts, compare, filters, summary, ui
from atlas.text import t

frame = ui.frame("compare")
model = compare.compare_page(frame.data, frame.view, frame.param("cases"))

st.title(t("compare.title"), anchor=False)
ui.notices(model.notices)
if model.outside:
    st.page_link(frame.page.script, label=t("compare.outside_link"), icon=":material/filter_alt_off:",
                 query_params={"cases": list(model.outside)})
if model.choices:
    ui.url_choice("compare_pick", "cases", [c for c, _ in model.choices], dict(model.choices), list(model.picked),
                  multi=True, label=t("compare.picker"), max_selections=4)
if model.message:
    st.info(model.message)
    if model.suggestion:
        st.page_link(frame.page.script, label=model.suggestion_label, icon=":material/compare_arrows:",
                     query_params={**filters.to_params(frame.selection), "cases": list(model.suggestion)})
    st.stop()

st.warning(t("compare.warning"), icon=":material/balance:")
for family in model.families:
    st.subheader(family.title, anchor=False)
    chart = charts.compare_bars(family.rows, family.axis, model.picked)
    st.plotly_chart(charts.captioned(chart, family.title, summary.chart_source(frame.data, family.rows["source_id"])),
                    config=ui.chart_config("compare", *model.picked, family.key), alt=family.alt)
    with st.expander(t("compare.table")):
        st.dataframe(family.rows[["case", "label", "shown", "as_of", "quote"]], hide_index=True, width="stretch",
                     column_config={"case": t("col.case"), "label": t("col.figure"), "shown": t("col.shown"),
                                    "as_of": t("col.as_of"),
                                    "quote": st.column_config.TextColumn(t("col.quote"), width="large")})
