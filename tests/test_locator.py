"""The case profile's inset map (atlas/locator.py): a PNG of the size asked, framed on every outline and site, its
numbers in the page's order, apart from one another and large enough for a projector."""

from __future__ import annotations

import itertools
import math
import struct

import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from shapely.geometry import shape

from atlas import geography, locator

HANGZHOU = ((120.0, 30.28), (120.09, 30.3), (120.09, 30.31), (120.0, 30.28), (120.0, 30.29), (119.8, 30.25),
            (119.73, 30.26))  # the corridor's seven sites: three on one spot, two on another


def _size(png: bytes) -> tuple[int, int]:
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png[12:16] == b"IHDR", "a PNG"
    return struct.unpack(">II", png[16:24])


def _sites(data, case_id: str) -> tuple[tuple[float, float], ...]:
    places = data.places[data.places["case_id"] == case_id]
    return tuple(zip(places["lon"], places["lat"], strict=True))


def _inside(box: tuple, frame: tuple) -> bool:
    west, south, east, north = box
    return frame[0] <= west and frame[1] <= south and east <= frame[2] and north <= frame[3]


def _check_numbers(sites: tuple, layout: locator.Inset, pixels: tuple[float, float]) -> None:
    """Every place numbered once, in order; each number at its own site's dot, inside the image, touching no
    other number and no dot."""
    assert sorted(p for number in layout.numbers for p in number.places) == list(range(1, len(sites) + 1))
    assert [number.places[0] for number in layout.numbers] == sorted(n.places[0] for n in layout.numbers)
    frame = layout.frame

    def to_pixels(lon, lat):
        return ((lon - frame[0]) / (frame[2] - frame[0]) * pixels[0],
                (lat - frame[1]) / (frame[3] - frame[1]) * pixels[1])
    for number in layout.numbers:
        assert number.text == ", ".join(str(p) for p in number.places)
        assert number.site == sites[number.places[0] - 1]
        for place in number.places:  # sites sharing a number share a dot, near enough
            assert math.dist(to_pixels(*sites[place - 1]), to_pixels(*number.site)) <= layout.dot
        box = number.box
        assert 0 <= box[0] and 0 <= box[1] and box[2] <= pixels[0] and box[3] <= pixels[1]
        half = layout.dot / 2
        for lon, lat in sites:
            x, y = to_pixels(lon, lat)
            assert not locator._overlap(box, (x - half, y - half, x + half, y + half)), f"{number.text} covers a dot"
    for a, b in itertools.combinations(layout.numbers, 2):
        assert not locator._overlap(a.box, b.box), f"{a.text} touches {b.text}"


def test_the_inset_is_a_png_of_the_size_asked():
    assert _size(locator.inset_png(HANGZHOU)) == (600, 450)
    assert _size(locator.inset_png(HANGZHOU, 4.0, 3.0, 100)) == (400, 300)


def test_every_case_gets_an_inset_framing_its_outlines_and_sites(data):
    cities = geography.read_geojson(geography.CITIES)
    width, height = locator.INSET_SIZE
    for case_id in data.cases["case_id"]:
        sites = _sites(data, case_id)
        assert _size(locator.inset_png(sites)) == (600, 450), case_id
        layout = locator.inset_layout(sites)
        outlines = geography.case_outlines(cities, pd.DataFrame(list(sites), columns=["lon", "lat"]))
        assert outlines["features"], f"{case_id}: some city outline holds its sites"
        for feature in outlines["features"]:
            assert _inside(shape(feature["geometry"]).bounds, layout.frame), (case_id, feature["properties"])
        for lon, lat in sites:
            assert _inside((lon, lat, lon, lat), layout.frame), (case_id, lon, lat)
        west, south, east, north = layout.frame
        shrink = math.cos(math.radians((south + north) / 2))
        assert (east - west) * shrink / (north - south) == pytest.approx(width / height), "not stretched"
        _check_numbers(sites, layout, (width * locator.INSET_DPI, height * locator.INSET_DPI))


def test_the_frame_leaves_no_outline_at_its_edge():
    box = (118.34, 29.19, 120.72, 30.57)  # Hangzhou
    west, south, east, north = locator.inset_frame(box, 4 / 3)
    assert west < box[0] and south < box[1] and east > box[2] and north > box[3]
    assert min(box[0] - west, east - box[2]) > 0.05 * (east - west), "a margin either side"
    lone = locator.inset_frame((121.0, 31.0, 121.0, 31.0), 4 / 3)
    assert lone[3] - lone[1] == pytest.approx(0.3) and _inside((121.0, 31.0, 121.0, 31.0), lone)


def test_crowded_sites_get_numbers_that_stay_apart():
    layout = locator.inset_layout(HANGZHOU)
    assert [number.text for number in layout.numbers] == ["1, 4, 5", "2, 3", "6", "7"]
    _check_numbers(HANGZHOU, layout, (600, 450))
    for step in (0.06, 0.02):  # eight sites in a row in Wuhan: dots overlapping a little; dots on top of each other
        row = tuple((114.0 + step * i, 30.5) for i in range(8))
        _check_numbers(row, locator.inset_layout(row), (600, 450))


def test_numbers_read_on_a_projector_and_fit_their_boxes():
    width, dpi = locator.INSET_SIZE[0], locator.INSET_DPI
    layout = locator.inset_layout(HANGZHOU)
    shown = layout.fontsize * dpi / 72 * locator.NARROWEST / (width * dpi)  # px on screen at the narrowest column
    assert shown >= 14
    figure = locator.inset_figure(HANGZHOU)
    renderer = FigureCanvasAgg(figure).get_renderer()
    texts = [text for text in figure.axes[0].texts]
    assert [text.get_text() for text in texts] == [number.text for number in layout.numbers]
    for text, number in zip(texts, layout.numbers, strict=True):
        drawn = text.get_window_extent(renderer)  # what the placement's estimate must hold
        left, bottom, right, top = number.box
        assert left <= drawn.x0 and drawn.x1 <= right and bottom <= drawn.y0 and drawn.y1 <= top, number.text
