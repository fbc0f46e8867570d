"""Figure builders and the map's click handling: pure functions, checked without a browser."""

from __future__ import annotations

import json

from atlas import charts, filters, geography
from atlas.filters import Filter


def _map(data, selection: Filter | None = None):
    view = filters.apply(data, selection or Filter())
    return charts.province_map(geography.read_geojson(), geography.province_shading(data, view.cases),
                               geography.case_markers(data, view.cases, view.metrics), data.context)


def test_map_uses_only_offline_trace_types(data):
    figure = _map(data)
    kinds = {trace.type for trace in figure.data}
    assert kinds <= {"choroplethmap", "scattermap"}
    assert figure.layout.map.style == "white-bg"
    assert not figure.layout.map.layers, "no tile or raster layer that would be fetched"
    assert "http" not in json.dumps(figure.layout.to_plotly_json())


def test_map_shades_case_provinces_and_greys_the_rest(data):
    figure = _map(data, Filter(sectors=("quantum-information",)))
    grey, shaded = figure.data[0], figure.data[1]
    assert len(grey.locations) == 34
    assert list(shaded.locations) == ["340000"]
    markers = next(t for t in figure.data if t.type == "scattermap" and t.customdata is not None)
    assert list(markers.customdata) == ["anhui-quantum"]


def test_empty_view_draws_a_grey_map(data):
    figure = _map(data, Filter(q="no such words anywhere"))
    assert [trace.type for trace in figure.data][:1] == ["choroplethmap"]
    assert len([t for t in figure.data if t.type == "choroplethmap"]) == 1


def test_hover_text_is_escaped(data):
    shading = geography.province_shading(data, data.cases).head(1).assign(name_en="<img src=x onerror=alert(1)>")
    figure = charts.province_map({"type": "FeatureCollection", "features": []}, shading,
                                 geography.case_markers(data, data.cases.head(0), data.metrics))
    assert "<img" not in figure.data[0].hovertext[0] and "&lt;img" in figure.data[0].hovertext[0]


def test_clicking_a_province_filters_to_it(data):
    markers = geography.case_markers(data, data.cases, data.metrics)
    result = geography.selection_to_filter([{"location": "420000"}], markers, data, Filter(sectors=("aerospace",)))
    assert result == Filter(sectors=("aerospace",), provinces=("hubei",))


def test_clicking_a_marker_filters_to_its_host_province(data):
    markers = geography.case_markers(data, data.cases, data.metrics)
    result = geography.selection_to_filter([{"customdata": "greater-bay-area", "lat": 1, "lon": 1}], markers, data,
                                           Filter())
    assert result == Filter(provinces=("guangdong",))
    index = int(markers.index[markers["case_id"] == "xian-innovation-harbor"][0])
    assert geography.selection_to_filter([{"point_index": index, "lat": 34.0, "lon": 108.8}], markers, data,
                                         Filter()) == Filter(provinces=("shaanxi",))


def test_junk_selection_changes_nothing(data):
    markers = geography.case_markers(data, data.cases, data.metrics)
    for junk in ([{"location": "999999"}], [{"point_index": 99}], ["text"], [{}], [{"customdata": ["x"]}]):
        assert geography.selection_to_filter(junk, markers, data, Filter(q="a")) == Filter(q="a")
