"""Sources: every figure and event with its words and document, searchable and downloadable."""

from functools import partial

import pandas as pd
import streamlit as st

from atlas import export, ui
from atlas import format as fmt

data = ui.atlas()
view = ui.view(data)
titles = dict(zip(data.sources["source_id"], data.sources["title"], strict=True))
names = dict(zip(data.cases["case_id"], data.cases["short_title"], strict=True))

st.title("Sources", anchor=False)
st.caption("Every figure and dated event in view, with the words that state it and the document it comes from. "
           "The figures are the documents' claims, as reported.")

metrics = pd.concat([view.national_metrics, view.metrics])
events = pd.concat([view.national_events, view.events])
figures, dated, documents = st.tabs([f"Figures ({len(metrics)})", f"Events ({len(events)})", "Documents"])
with figures:
    st.dataframe(
        metrics.assign(case=metrics["case_id"].map(lambda c: names.get(c, "National")),
                       shown=[fmt.figure(r.value, r.unit, r.qualifier, r.status) for r in metrics.itertuples()],
                       document=metrics["source_id"].map(titles))[
            ["case", "label", "shown", "value", "unit", "as_of", "quote", "document"]],
        hide_index=True, width="stretch",
        column_config={"case": "Case", "label": "Figure", "shown": "As reported",
                       "value": st.column_config.NumberColumn("Value", format="%g"), "unit": "Unit",
                       "as_of": "As of", "quote": st.column_config.TextColumn("Source words", width="large"),
                       "document": "Document"},
    )
with dated:
    st.dataframe(
        events.assign(case=events["case_id"].map(lambda c: names.get(c, "National")),
                      document=events["source_id"].map(titles))[
            ["case", "date", "precision", "title", "quote", "document"]],
        hide_index=True, width="stretch",
        column_config={"case": "Case", "date": "Date", "precision": "Precision", "title": "Event",
                       "quote": st.column_config.TextColumn("Source words", width="large"), "document": "Document"},
    )
with documents:
    for source in data.sources.itertuples():
        st.markdown(fmt.md(f"{source.title} — {source.publisher}, {source.date}."))
        st.caption(fmt.md(source.note))

tables = export.tables(data)
shown = {
    "cases": tables["cases"][tables["cases"]["case_id"].isin(view.cases["case_id"])],
    "metrics": tables["metrics"].loc[metrics.index],
    "events": tables["events"].loc[events.index],
    "sources": tables["sources"],
}
st.subheader("Download what is in view", anchor=False)
columns = st.columns(len(shown) + 2)
# The files are made when a button is clicked (a callable), not on every rerun of the page.
for column, (name, table) in zip(columns, shown.items(), strict=False):
    column.download_button(f"{name}.csv", partial(export.csv_bytes, table), file_name=f"{name}.csv",
                           mime="text/csv", icon=":material/download:", on_click="ignore")
columns[-2].download_button("atlas.json", partial(export.json_bytes, shown), file_name="nqp-atlas.json",
                            mime="application/json", icon=":material/data_object:", on_click="ignore")
columns[-1].download_button("Citation", export.citation().encode("utf-8"), file_name="citation.txt",
                            mime="text/plain", icon=":material/format_quote:", on_click="ignore")
