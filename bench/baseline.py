"""The baseline: a bare Streamlit page with one small Plotly chart and one widget, served by the same build."""

import plotly.graph_objects as go
import streamlit as st

st.title("Baseline")
choice = st.selectbox("Series", ["a", "b", "c"], key="series")
offset = {"a": 0, "b": 1, "c": 2}[choice]
st.plotly_chart(go.Figure(go.Bar(x=["one", "two", "three"], y=[1 + offset, 3, 2])))
