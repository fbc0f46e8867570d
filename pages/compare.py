"""Compare: two to four cases in view side by side on the figures that can be compared (same family, same kind
of unit); a pair that shares none is told so and offered one that does."""

import streamlit as st

from atlas import charts, compare, filters, summary, ui
from atlas.text import t


def _open(cases: tuple[str, ...]) -> None:
    # A button, not st.page_link: a page link to the page already open does nothing when clicked.
    st.query_params["cases"] = list(cases)


@st.cache_resource(show_spinner=False, max_entries=64)
def _built(version: str, selection: filters.Filter, requested: tuple[str, ...], _data, _view):
    """The page model and its figures, once per data version, filters and link: choosing the default pair and
    building the charts costs more than a rerun should. Shared read-only by every session."""
    model = compare.compare_page(_data, _view, list(requested))
    figures = tuple(charts.captioned(charts.compare_bars(family.rows, family.axis, model.picked), family.title,
                                     summary.chart_source(_data, family.rows["source_id"])).to_dict()
                    for family in model.families)
    return model, figures


frame = ui.frame("compare")
model, figures = _built(frame.data.version, frame.selection, tuple(frame.param("cases")), frame.data, frame.view)

st.title(t("compare.title"), anchor=False)
ui.notices(model.notices)
if model.outside:
    st.button(t("compare.outside_link"), icon=":material/filter_alt_off:", key="compare_outside",
              on_click=ui.without_filters, kwargs={"cases": [*model.picked, *model.outside]})
if model.choices:
    ui.url_choice("compare_pick", "cases", [c for c, _ in model.choices], dict(model.choices), list(model.picked),
                  multi=True, label=t("compare.picker"), max_selections=4)
if model.message:
    st.info(model.message)
    if model.suggestion:
        st.button(model.suggestion_label, icon=":material/compare_arrows:", key="compare_suggestion",
                  on_click=_open, args=(model.suggestion,))
    st.stop()

st.warning(t("compare.warning"), icon=":material/balance:")
for family, figure in zip(model.families, figures, strict=True):
    st.subheader(family.title, anchor=False)
    st.plotly_chart(figure, config=ui.chart_config("compare", *model.picked, family.key), alt=family.alt)
    with st.expander(t("compare.table")):
        # A plain table: a few rows whose quotes read whole; a closed expander's data grid still cost its code.
        st.table(family.rows[["case", "label", "shown", "as_of", "quote"]].rename(columns={
            "case": t("col.case"), "label": t("col.figure"), "shown": t("col.shown"), "as_of": t("col.as_of"),
            "quote": t("col.quote")}), hide_index=True)
