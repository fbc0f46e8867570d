"""The map baseline: a bare Streamlit page holding only a Choroplethmap of the same 34 provinces as /map, on
MapLibre's white background, in the same view and height. What any map of these boundaries costs to send and
draw; bench/run.py holds /map to 1.2 times this."""

import json
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from atlas.charts import CHINA_VIEW

BOUNDARIES = Path(__file__).resolve().parent.parent / "geo" / "provinces.geojson"


@st.cache_resource
def boundaries() -> dict:
    return json.loads(BOUNDARIES.read_text(encoding="utf-8"))


geojson = boundaries()
codes = [str(feature["properties"]["adcode"]) for feature in geojson["features"]]
figure = go.Figure(go.Choroplethmap(geojson=geojson, featureidkey="properties.adcode", locations=codes,
                                    z=list(range(len(codes))), marker={"line": {"color": "#ffffff", "width": 0.8}}))
figure.update_layout(map={"style": "white-bg", **CHINA_VIEW}, height=620, margin={"l": 0, "r": 0, "t": 0, "b": 0})
st.plotly_chart(figure)
