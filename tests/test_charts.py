"""Figure builders and the map's click handling: pure functions, checked without a browser."""

from __future__ import annotations

import itertools
import json

from atlas import charts, filters, geography
from atlas.filters import Filter


def _map(fixture, selection: Filter | None = None):
    view = filters.apply(fixture, selection or Filter())
    return charts.province_map(geography.read_geojson(), geography.province_shading(fixture, view.cases),
                               geography.case_markers(fixture, view.cases, view.metrics), fixture.context)


def test_map_uses_only_offline_trace_types(fixture):
    figure = _map(fixture)
    kinds = {trace.type for trace in figure.data}
    assert kinds <= {"choroplethmap", "scattermap"}
    assert figure.layout.map.style == "white-bg"
    assert not figure.layout.map.layers, "no tile or raster layer that would be fetched"
    assert "http" not in json.dumps(figure.layout.to_plotly_json())


def test_map_shades_case_provinces_and_greys_the_rest(fixture):
    figure = _map(fixture, Filter(sectors=("tidal-power",)))
    provinces = figure.data[0]
    assert len(provinces.locations) == 34
    assert [code for code, z in zip(provinces.locations, provinces.z, strict=True) if z > 0] == ["350000"]
    assert len([t for t in figure.data if t.type == "choroplethmap"]) == 1, "boundaries are sent once"
    markers = next(t for t in figure.data if t.type == "scattermap" and t.customdata is not None)
    assert list(markers.customdata) == ["tidal-valley"]


def test_empty_view_draws_a_grey_map(fixture):
    figure = _map(fixture, Filter(q="no such words anywhere"))
    assert [trace.type for trace in figure.data][:1] == ["choroplethmap"]
    assert set(figure.data[0].z) == {0} and not figure.data[0].showscale


def test_case_scale_greys_zero_and_colours_one_and_up():
    scale = charts.case_scale(3)
    position = {colour: at for at, colour in scale}
    assert scale[0] == [0.0, charts.NEUTRAL] and position[charts.NEUTRAL] < 1 / 3
    assert scale[-1] == [1.0, charts.CASE_SCALE[-1][1]]
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(scale))


def test_hover_text_is_escaped(fixture):
    shading = geography.province_shading(fixture, fixture.cases).head(1).assign(name_en="<img src=x onerror=alert(1)>")
    figure = charts.province_map({"type": "FeatureCollection", "features": []}, shading,
                                 geography.case_markers(fixture, fixture.cases.head(0), fixture.metrics))
    assert "<img" not in figure.data[0].hovertext[0] and "&lt;img" in figure.data[0].hovertext[0]


def test_clicking_a_province_filters_to_it(fixture):
    markers = geography.case_markers(fixture, fixture.cases, fixture.metrics)
    result = geography.selection_to_filter([{"location": "420000"}], markers, fixture, Filter(sectors=("robotics",)))
    assert result == Filter(sectors=("robotics",), provinces=("hubei",))


def test_clicking_a_marker_filters_to_its_host_province(fixture):
    markers = geography.case_markers(fixture, fixture.cases, fixture.metrics)
    result = geography.selection_to_filter([{"customdata": "twin-city-science", "lat": 1, "lon": 1}], markers, fixture,
                                           Filter())
    assert result == Filter(provinces=("sichuan",))
    index = int(markers.index[markers["case_id"] == "tidal-valley"][0])
    assert geography.selection_to_filter([{"point_index": index, "lat": 26.0, "lon": 119.3}], markers, fixture,
                                         Filter()) == Filter(provinces=("fujian",))


def test_junk_selection_changes_nothing(fixture):
    markers = geography.case_markers(fixture, fixture.cases, fixture.metrics)
    for junk in ([{"location": "999999"}], [{"point_index": 99}], ["text"], [{}], [{"customdata": ["x"]}]):
        assert geography.selection_to_filter(junk, markers, fixture, Filter(q="a")) == Filter(q="a")


def test_timeline_draws_every_event_once_in_two_traces(fixture):
    from atlas import timeline

    events = fixture.events.assign(source_id="<b>doc</b>")  # an unknown source shows its id, escaped
    lanes = timeline.lanes(fixture, events, fixture.cases)
    assert list(lanes["lane"].unique()) == ["National", "Harbour's robots", "Fujian's tidal valley", "Inland labs",
                                            "Twin-city science"]
    figure = charts.timeline(lanes)
    assert len(figure.data) == 2
    assert sum(len(trace.y) for trace in figure.data) == len(lanes) == 11
    colour_of: dict[str, str] = {}
    for trace in figure.data:
        for lane, colour in zip(trace.y, trace.marker.color, strict=True):
            assert colour_of.setdefault(lane, colour) == colour, f"{lane} drawn in two colours"
    assert colour_of["National"] == "#444444" and len(set(colour_of.values())) == 5
    assert all("&lt;b&gt;doc" in text for trace in figure.data for text in trace.hovertext)
