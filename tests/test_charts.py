"""Figure builders and the map's click handling: pure functions, checked without a browser."""

from __future__ import annotations

import itertools
import json

import pandas as pd

from atlas import charts, filters, geography
from atlas.filters import Filter
from atlas.store import ROOT


def _model(fixture, selection: Filter | None = None) -> geography.MapPage:
    selection = selection or Filter()
    return geography.map_page(fixture, filters.apply(fixture, selection), selection)


def _map(fixture, selection: Filter | None = None):
    model = _model(fixture, selection)
    return charts.province_map(geography.read_geojson(), model.shading, model.markers, fixture.context)


def _sites(figure) -> list:
    return [t for t in figure.data if t.type == "scattermap" and t.customdata is not None
            and t.customdata[0][0] == geography.CASE]


def test_map_uses_only_offline_trace_types_and_our_own_glyphs(fixture):
    figure = _map(fixture)
    kinds = {trace.type for trace in figure.data}
    assert kinds <= {"choroplethmap", "scattermap"}
    style = figure.layout.map.style
    assert style["glyphs"] == "app/static/glyphs/{fontstack}/{range}.pbf", "relative: served by this app"
    assert style["sources"], "Plotly drops an empty sources object and MapLibre then refuses the style"
    assert not figure.layout.map.layers, "no tile or raster layer that would be fetched"
    assert "http" not in json.dumps(figure.layout.to_plotly_json())
    fonts = {t.textfont.family for t in figure.data if t.type == "scattermap" and t.text is not None}
    assert fonts == {charts.LABEL_FONT, charts.LABEL_FONT_BOLD}
    for font in fonts:
        assert (ROOT / "static" / "glyphs" / font / "0-255.pbf").is_file()


def test_map_names_provinces_sites_hong_kong_and_macao(fixture):
    figure = _map(fixture)
    texts = [text for t in figure.data if t.type == "scattermap" and t.text is not None for text in t.text]
    assert {"Hong Kong", "Macao", "Fuzhou"} <= set(texts)
    assert len([x for x in texts if x in set(fixture.provinces["name_en"])]) >= 20
    assert sorted(text for t in _sites(figure) for text in t.text) == sorted(fixture.cases["city"])
    for trace in figure.data:
        if trace.type == "scattermap" and trace.mode == "text":
            assert trace.hoverinfo == "skip", "names must not catch the click meant for the province below"


def test_map_shades_classes_and_outlines_the_chosen_provinces(fixture):
    figure = _map(fixture, Filter(sectors=("tidal-power",)))
    provinces = figure.data[0]
    assert len(provinces.locations) == 34
    assert [code for code, z in zip(provinces.locations, provinces.z, strict=True) if z > 0] == ["350000"]
    assert len([t for t in figure.data if t.type == "choroplethmap"]) == 1, "boundaries are sent once"
    assert [c[1] for t in _sites(figure) for c in t.customdata] == ["tidal-valley"]
    bar = provinces.colorbar
    assert list(bar.tickvals) == [0, 1, 2] and list(bar.ticktext) == ["No case", "1 case", "2 cases"]
    assert bar.tickfont.size >= 14
    # The province filter is drawn, not applied to the shading: Hubei chosen, the other provinces stay shaded.
    chosen = _map(fixture, Filter(provinces=("hubei",)))
    assert sum(z > 0 for z in chosen.data[0].z) > 1
    outline = chosen.data[1]
    assert outline.type == "choroplethmap" and list(outline.locations) == ["420000"]
    assert [f["properties"]["adcode"] for f in outline.geojson["features"]] == ["420000"]


def test_class_scale_gives_each_class_one_flat_colour():
    scale = charts._class_scale(3)
    assert [colour for _, colour in scale] == [c for c in charts.CLASS_COLOURS for _ in range(2)]
    assert [at for at, _ in scale] == [0, 0.25, 0.25, 0.5, 0.5, 0.75, 0.75, 1.0]
    assert [charts.case_class(n) for n in (0, 1, 2, 3, 9)] == [0, 1, 2, 3, 3]


def test_empty_view_draws_a_grey_map(fixture):
    figure = _map(fixture, Filter(q="no such words anywhere"))
    assert [trace.type for trace in figure.data][:1] == ["choroplethmap"]
    assert set(figure.data[0].z) == {0}
    assert not _sites(figure)


def test_hover_text_is_escaped(fixture):
    shading = _model(fixture).shading.head(1).assign(name_en="<img src=x onerror=alert(1)>")
    figure = charts.province_map({"type": "FeatureCollection", "features": []}, shading,
                                 geography.case_markers(fixture, fixture.cases.head(0), fixture.metrics))
    assert "<img" not in figure.data[0].hovertext[0] and "&lt;img" in figure.data[0].hovertext[0]


def test_site_names_never_touch_one_another(fixture):
    model = _model(fixture)
    positions, named = charts.label_layout(model.shading, model.markers)
    assert len(positions) == len(model.markers) and set(positions) <= set(charts.LABEL_PLACES)
    boxes = [charts._box(*charts._pixels(lon, lat), city, charts.SITE_SIZE, place, 9.5) for lon, lat, city, place
             in zip(model.markers["lon"], model.markers["lat"], model.markers["city"], positions, strict=True)]
    assert not any(charts._overlap(a, b) for a, b in itertools.combinations(boxes, 2))
    assert sum(named) >= 20, "a province's name is left out only where it would cover a site's"


def test_two_sites_side_by_side_take_different_sides():
    markers = pd.DataFrame({"lon": [120.0, 121.0], "lat": [30.0, 30.0], "city": ["Westtown", "Easttown"]})
    shading = pd.DataFrame({"lon": [], "lat": [], "name_en": []})
    positions, _ = charts.label_layout(shading, markers)
    assert positions == ["middle left", "middle right"], "neither name covers the other town's dot"


def _click(fixture, points, selection: Filter | None = None):
    selection = selection or Filter()
    model = _model(fixture, selection)
    return geography.map_click(points, model.shading, model.markers, selection)


def test_clicking_a_province_with_a_case_adds_it_and_a_second_click_takes_it_out(fixture):
    added = _click(fixture, [{"location": "420000"}], Filter(sectors=("photonics",)))
    assert added == geography.MapClick(Filter(sectors=("photonics",), provinces=("hubei",)))
    again = _click(fixture, [{"location": "420000"}], added.selection)
    assert again == geography.MapClick(Filter(sectors=("photonics",)))
    robotics = _click(fixture, [{"location": "420000"}], Filter(sectors=("robotics",)))
    assert robotics.selection == Filter(sectors=("robotics",)) and "Hubei" in robotics.notice


def test_clicking_a_case_site_adds_its_host_province(fixture):
    point = {"customdata": [geography.CASE, "twin-city-science"], "lat": 1, "lon": 1}
    assert _click(fixture, [point]) == geography.MapClick(Filter(provinces=("sichuan",)))


def test_a_province_without_a_case_or_a_context_point_does_not_filter_and_says_why(fixture):
    yunnan = _click(fixture, [{"location": "530000"}], Filter(q="a"))
    assert yunnan == geography.MapClick(Filter(q="a"), "Yunnan hosts no case the other filters leave, so the map "
                                                       "does not filter by it.")
    name = fixture.context["name"].iloc[0]
    context = _click(fixture, [{"customdata": [geography.CONTEXT, name]}])
    assert context.selection == Filter() and name in context.notice and "does not filter" in context.notice


def test_hong_kong_marker_acts_as_its_province(fixture):
    point = {"customdata": [geography.PROVINCE, "810000"]}
    with_case = _click(fixture, [point])
    hosts = _model(fixture).shading.set_index("adcode").loc["810000", "cases"]
    if hosts:
        assert with_case.selection == Filter(provinces=("hong-kong",))
    else:
        assert with_case.selection == Filter() and "Hong Kong" in with_case.notice


def test_junk_selection_changes_nothing(fixture):
    for junk in ([{"location": "999999"}], [{"point_index": 99}], ["text"], [{}], [{"customdata": ["x"]}],
                 [{"customdata": [geography.CASE, "no-such-case"]}], [{"customdata": "tidal-valley"}]):
        assert _click(fixture, junk, Filter(q="a")) == geography.MapClick(Filter(q="a"))


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
