"""Sources: every figure and event of the cases in view with its words and document; national records apart;
downloads of what is in view."""


import streamlit as st

from atlas import export, package, sources, ui
from atlas import format as fmt
from atlas.text import t

frame = ui.frame("sources")
st.title(t("sources.title"), anchor=False)
st.caption(t("sources.caption"))
linked, notices = sources.figure_view(frame.data, frame.param("figure"), ui.permalink)
ui.notices(notices)


def whole(view: sources.FigureView, key: str) -> None:
    """One figure or event read whole: its card, its words in full and in context, its citation to copy or
    download, its case."""
    with st.container(border=True, key=key):
        st.subheader(fmt.md(t("figure.heading", id=view.record_id)), anchor=False)
        if view.figure is not None:
            ui.figure_card(view.figure, large=True)
        else:
            st.markdown(f"**{fmt.md(view.event)}**  \n“{fmt.md(view.quote)}”  \n:gray[{fmt.md(view.source)}]")
            if view.note:
                st.markdown(f":orange[{fmt.md(t('figure.note', note=view.note))}]")
        st.markdown(f"**{t('context.heading')}**")
        ui.in_context(frame.data, view.source_id, view.quote)
        st.markdown(f"**{t('figure.cite')}**")
        st.code(view.citation, language=None, wrap_lines=True)
        with st.container(horizontal=True, gap="small"):
            for form, name, mime, content in view.files:
                st.download_button(t("cite.download", form=form), content.encode("utf-8"), file_name=name,
                                   mime=mime, icon=":material/download:", on_click="ignore", key=f"{key}_{form}")
        if view.case_id:
            ui.case_link(view.case_id, t("figure.open_case", title=view.heading), icon=":material/article:")


if linked:  # a figure's permalink: the figure first, highlighted, with its citation
    whole(linked, "linked_figure")
# The toggle is drawn beside the downloads it governs; its value is read here, before the model is built.
model = sources.sources_view(frame.data, frame.view, bool(st.session_state.get("sources_national", False)))

# Widths that fit the seven columns at 1440 px; the value as written (hedge kept) replaces value + unit.
FIGURE_COLUMNS = {"case": st.column_config.TextColumn(t("col.case"), width="small"),
                  "label": st.column_config.TextColumn(t("col.figure"), width="medium"),
                  "shown": st.column_config.TextColumn(t("col.shown"), width="small"),
                  "as_of": st.column_config.TextColumn(t("col.as_of"), width=70),
                  "quote": st.column_config.TextColumn(t("col.quote"), width="large"),
                  "document": st.column_config.TextColumn(t("col.document"), width="small"),
                  "id": st.column_config.TextColumn(t("col.id"), width="small")}
EVENT_COLUMNS = {"case": t("col.case"), "date": t("col.date"),
                 "title": t("col.event"), "quote": st.column_config.TextColumn(t("col.quote"), width="large"),
                 "document": t("col.document"), "id": st.column_config.TextColumn(t("col.id"), width="small")}
figures, dated, national_tab, documents = st.tabs([model.figures_tab, model.events_tab, model.national_tab,
                                                   t("sources.documents")])
with figures:
    # Long words are cut in a cell at 1440 px: a selected row is shown whole below the table.
    st.caption(t("sources.select_row"))
    chosen = st.dataframe(model.figures, hide_index=True, width="stretch", column_config=FIGURE_COLUMNS,
                          on_select="rerun", selection_mode="single-row", key="figure_rows")
    if chosen.selection.rows:
        row = model.figures.iloc[chosen.selection.rows[0]]
        picked, _ = sources.figure_view(frame.data, [row["id"]], ui.permalink)
        if picked:
            whole(picked, "selected_figure")
with dated:
    st.dataframe(model.events, hide_index=True, width="stretch", column_config=EVENT_COLUMNS)
with national_tab:
    st.caption(t("sources.national_caption"))
    st.dataframe(model.national_figures, hide_index=True, width="stretch", column_config=FIGURE_COLUMNS)
    st.dataframe(model.national_events, hide_index=True, width="stretch", column_config=EVENT_COLUMNS)
with documents:
    for line, note in model.documents:
        st.markdown(fmt.md(line))
        st.caption(fmt.md(note))

st.subheader(t("sources.downloads"), anchor=False)
st.toggle(t("sources.include_national"), key="sources_national")
TABLES = ("cases", "metrics", "events", "sources")
# The files are made when a button is clicked (a callable), not on every rerun of the page. A row that wraps:
# seven buttons side by side cut their names short at 1280 px.
with st.container(horizontal=True, gap="small", key="sources_downloads"):
    for name in TABLES:
        st.download_button(f"{name}.csv", lambda name=name: export.csv_bytes(model.downloads[name]),
                           file_name=f"{name}.csv", mime="text/csv", icon=":material/download:", on_click="ignore")
    st.download_button(t("sources.package"), lambda: package.zip_of(frame.data, model.downloads),
                       file_name="nqp-atlas.zip", mime="application/zip", icon=":material/folder_zip:",
                       on_click="ignore", help=t("sources.package_help"))
    st.download_button("atlas.json", lambda: export.json_bytes(model.downloads), file_name="nqp-atlas.json",
                       mime="application/json", icon=":material/data_object:", on_click="ignore")
    st.download_button(t("sources.citation"), export.citation().encode("utf-8"), file_name="citation.txt",
                       mime="text/plain", icon=":material/format_quote:", on_click="ignore")
