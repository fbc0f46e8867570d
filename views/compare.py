"""Compare: two to four cases side by side on the figure families that can be compared."""

import streamlit as st

from atlas import charts, compare, filters, ui
from atlas import format as fmt

data = ui.atlas()
view = ui.view(data)
ids = list(view.cases["case_id"])
names = dict(zip(data.cases["case_id"], data.cases["short_title"], strict=True))

st.title("Compare cases", anchor=False)
chosen, notes = filters.pick_cases(st.query_params.get_all("cases"), ids)
ui.notices(notes)
picked = st.multiselect("Cases (two to four)", ids, default=chosen or ids[:2], format_func=names.get,
                        max_selections=4, key=f"compare_{'-'.join(chosen)}")
if picked != chosen:
    st.query_params["cases"] = picked
if len(picked) < 2:
    st.info("Choose at least two cases to compare." if ids else "No case matches these filters.")
    st.stop()

st.warning("The report's figures come from different years and definitions; bars set side by side what the "
           "report states, not a like-for-like statistic.", icon=":material/balance:")
families = compare.comparable(view.metrics, picked)
if not families:
    st.info("These cases share no comparable figure family.")
for family, rows in families.items():
    rows = rows.assign(shown=[fmt.figure(r.value, r.unit, r.qualifier, r.status) for r in rows.itertuples()])
    st.subheader(compare.FAMILIES[family], anchor=False)
    st.plotly_chart(charts.compare_bars(rows, names, compare.FAMILIES[family]), config={"displaylogo": False},
                    alt=f"Bar chart of {len(rows)} figures; the table below lists them.")
    with st.expander("As a table, with the source words"):
        st.dataframe(rows.assign(case=rows["case_id"].map(names))[["case", "label", "shown", "as_of", "quote"]],
                     hide_index=True, width="stretch",
                     column_config={"case": "Case", "label": "Figure", "shown": "As reported", "as_of": "As of",
                                    "quote": st.column_config.TextColumn("Source words", width="large")})
