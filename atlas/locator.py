"""Static maps as PNGs. Locator maps for slides and the Overview: China's provinces outlined, the case's filled, its
sites as dots. A case's inset for its profile: its cities' outlines, its sites numbered as the page lists them.

Drawn with geopandas and matplotlib's object-oriented API (no pyplot: Streamlit runs sessions in threads), from
the committed boundaries, so the screen, the PPTX and the PDF show the same map with no network.
"""

from __future__ import annotations

import io
import math
from functools import lru_cache
from typing import NamedTuple

import geopandas as gpd
import pandas as pd
from matplotlib import patheffects
from matplotlib.figure import Figure

from atlas.deck import Locator
from atlas.geography import BOUNDARIES, CITIES, case_outlines, read_geojson

OUTLINE, LAND, FILL, SITE = "#8a939e", "#eef0f3", "#2f6fab", "#E69F00"
BOUNDS = (73.0, 135.5, 17.5, 54.0)  # lon, lat: the mainland, Hainan, Taiwan and the northeast


@lru_cache(maxsize=1)
def _provinces() -> gpd.GeoDataFrame:
    return gpd.read_file(BOUNDARIES)


@lru_cache(maxsize=256)
def png(locator: Locator, width: float = 5.0, height: float = 3.8, dpi: int = 150) -> bytes:
    """The map as PNG bytes, `width` x `height` inches at `dpi`; transparent around the land."""
    provinces = _provinces()
    figure = Figure(figsize=(width, height), dpi=dpi)
    axes = figure.add_axes((0, 0, 1, 1))
    chosen = provinces["adcode"].astype(str).isin(locator.provinces)
    provinces[~chosen].plot(ax=axes, color=LAND, edgecolor=OUTLINE, linewidth=0.4)
    if chosen.any():
        provinces[chosen].plot(ax=axes, color=FILL, edgecolor="white", linewidth=0.5)
    if locator.sites:
        lons, lats = zip(*locator.sites, strict=True)
        axes.scatter(lons, lats, s=46, color=SITE, edgecolors="white", linewidths=1.2, zorder=3)
    axes.set_xlim(BOUNDS[0], BOUNDS[1])
    axes.set_ylim(BOUNDS[2], BOUNDS[3])
    axes.set_aspect(1.22)  # about 1 / cos(35°): degrees of longitude are shorter than degrees of latitude here
    axes.set_axis_off()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", transparent=True)
    return buffer.getvalue()


# --- A case's inset: its cities' outlines and its sites, numbered as in the list below the map -----------------

CITY_FILL, CITY_EDGE, CONTEXT_EDGE, INK = "#dbe6f3", "#6b8fb8", "#b9c0c8", "#1b1f24"
INSET_SIZE, INSET_DPI = (4.8, 3.6), 125  # inches and dots an inch: 600 x 450 px
NARROWEST = 380  # px: the Where column at 1280 px (half the main area); the PNG is scaled to fit it
NUMBER_PX, DOT_PX = 15, 12  # at that width: numbers read on a projector (charts.PROJECTOR_TEXT is 14 px)


class Number(NamedTuple):
    text: str  # "3", or "1, 4, 5" for sites whose dots all but cover each other
    site: tuple[float, float]  # lon, lat of the (first) dot it numbers
    at: tuple[float, float]  # lon, lat of the number's centre
    box: tuple[float, float, float, float]  # left, bottom, right, top in the PNG's pixels (y up)
    pushed: bool  # not beside its dot (a crowded spot): drawn with a line to it
    places: tuple[int, ...]  # the numbers it stands for, 1 for the first place listed


class Inset(NamedTuple):
    frame: tuple[float, float, float, float]  # west, south, east, north
    numbers: tuple[Number, ...]  # in the order of their first site
    fontsize: float  # points
    dot: float  # the dot's diameter in the PNG's pixels


@lru_cache(maxsize=1)
def _cities() -> dict:
    return read_geojson(CITIES)


@lru_cache(maxsize=64)
def _outlines(sites: tuple[tuple[float, float], ...]) -> gpd.GeoDataFrame:
    places = pd.DataFrame(list(sites), columns=["lon", "lat"])
    return gpd.GeoDataFrame.from_features(case_outlines(_cities(), places)["features"], crs="EPSG:4326")


def inset_frame(box: tuple[float, float, float, float], aspect: float, margin: float = 0.14,
                least: float = 0.3) -> tuple[float, float, float, float]:
    """(west, south, east, north) around `box` with `margin` (a share of its longer side) all round, at least
    `least` degrees tall (a lone site), widened or heightened to `aspect` (width / height of the image). A degree of
    longitude is cos(latitude) of a degree of latitude, so widths are compared at the frame's middle latitude."""
    west, south, east, north = box
    middle = (south + north) / 2
    shrink = math.cos(math.radians(middle))
    width, height = (east - west) * shrink, north - south  # in degrees of latitude
    pad = margin * max(width, height)
    width, height = width + 2 * pad, max(height + 2 * pad, least)
    width, height = max(width, height * aspect), max(height, width / aspect)
    centre = (west + east) / 2
    return centre - width / shrink / 2, middle - height / 2, centre + width / shrink / 2, middle + height / 2


def _overlap(a: tuple, b: tuple) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# Round the dot, nearest first: upper right, right, upper left, lower right, up, left, down, lower left (x right,
# y up). A number pushed further out goes straight below or above first: a vertical line is the easiest to follow.
BESIDE = ((1, 1), (1, 0), (-1, 1), (1, -1), (0, 1), (-1, 0), (0, -1), (-1, -1))
PUSHED = ((0, -1), (0, 1), (1, -1), (-1, -1), (1, 1), (-1, 1), (1, 0), (-1, 0))


def _place_numbers(groups: list[list[int]], points: list[tuple[float, float]], size: float, dot: float,
                   image: tuple[float, float]) -> list[tuple[tuple[float, float, float, float], int]]:
    """Each group's number box (pixels, y up) and the ring it is on: the first spot round the group's first dot,
    ring by ring outwards, that stays in the image and touches no dot and no number placed before it; beside its
    dot (ring 0) only where its edge is clearly nearer that dot than any other, so it cannot be read as another's
    (a number further out gets a line to its dot, which must pass clear of the other dots). If no spot does, the
    first that touches no dot and no number; failing that, the first that touches no number."""
    dots = [(x - dot / 2, y - dot / 2, x + dot / 2, y + dot / 2) for x, y in points]
    placed: list[tuple] = []
    chosen: list[tuple] = []
    for group in groups:
        (x, y), text = points[group[0]], _label(group)
        others = [p for i, p in enumerate(points) if i not in group]
        half_w, half_h = 0.36 * size * len(text) + 2, 0.5 * size + 1  # bold digits are ~0.7 em wide; 2 px of halo
        candidates = []
        for ring in range(8):
            gap = dot / 2 + 2 + ring * 0.9 * size  # from the dot's centre to the box's nearest edge
            for dx, dy in PUSHED if ring else BESIDE:
                cx, cy = x + dx * (half_w + gap), y + dy * (half_h + gap)
                candidates.append(((cx - half_w, cy - half_h, cx + half_w, cy + half_h), ring))

        def clear(box: tuple, avoid: list) -> bool:
            return (box[0] >= 0 and box[1] >= 0 and box[2] <= image[0] and box[3] <= image[1]
                    and not any(_overlap(box, other) for other in avoid))

        def plain(box: tuple, ring: int, x: float = x, y: float = y, others: list = others) -> bool:
            return all(_reach(box, (x, y)) + dot / 2 <= _reach(box, o) if ring == 0 else
                       _off_line((x, y), ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2), o) > dot / 2 + 2
                       for o in others)
        chosen.append(next((c for c in candidates if clear(c[0], dots + placed) and plain(*c)), None)
                      or next((c for c in candidates if clear(c[0], dots + placed)), None)
                      or next((c for c in candidates if clear(c[0], placed)), candidates[0]))
        placed.append(chosen[-1][0])
    return chosen


def _reach(box: tuple, point: tuple[float, float]) -> float:
    """How far `point` is from the nearest edge of `box`."""
    return math.dist(point, (min(max(point[0], box[0]), box[2]), min(max(point[1], box[1]), box[3])))


def _off_line(start: tuple[float, float], end: tuple[float, float], point: tuple[float, float]) -> float:
    """How far `point` is from the segment `start`-`end`."""
    (x0, y0), (x1, y1) = start, end
    length = (x1 - x0) ** 2 + (y1 - y0) ** 2
    share = 0.0 if not length else max(0.0, min(1.0, ((point[0] - x0) * (x1 - x0) + (point[1] - y0) * (y1 - y0))
                                                   / length))
    return math.dist(point, (x0 + share * (x1 - x0), y0 + share * (y1 - y0)))


def _label(group: list[int]) -> str:
    return ", ".join(str(i + 1) for i in group)


@lru_cache(maxsize=64)
def inset_layout(sites: tuple[tuple[float, float], ...], width: float = INSET_SIZE[0],
                 height: float = INSET_SIZE[1], dpi: int = INSET_DPI) -> Inset:
    """Where a case's inset map looks and where its numbers go: the frame holds every outline and site whole.
    Sites whose dots all but cover each other share one label ("1, 4, 5"): numbers round one blot could not be
    told apart."""
    outlines = _outlines(sites)
    lons, lats = [lon for lon, _ in sites], [lat for _, lat in sites]
    if not outlines.empty:
        west, south, east, north = outlines.total_bounds
        lons, lats = [*lons, west, east], [*lats, south, north]
    frame = inset_frame((min(lons), min(lats), max(lons), max(lats)), width / height)
    pixels = width * dpi, height * dpi
    scale = pixels[0] / NARROWEST  # PNG pixels to a displayed pixel at the narrowest
    size, dot = NUMBER_PX * scale, DOT_PX * scale
    points = [((lon - frame[0]) / (frame[2] - frame[0]) * pixels[0],
               (lat - frame[1]) / (frame[3] - frame[1]) * pixels[1]) for lon, lat in sites]
    groups: list[list[int]] = []
    for index, point in enumerate(points):
        near = next((g for g in groups if math.dist(points[g[0]], point) <= 0.6 * dot), None)
        if near:
            near.append(index)
        else:
            groups.append([index])
    spots = _place_numbers(groups, points, size, dot, pixels)
    numbers = tuple(Number(_label(group), sites[group[0]],
                           (frame[0] + (b[0] + b[2]) / 2 / pixels[0] * (frame[2] - frame[0]),
                            frame[1] + (b[1] + b[3]) / 2 / pixels[1] * (frame[3] - frame[1])),
                           b, ring > 0, tuple(i + 1 for i in group))
                    for group, (b, ring) in zip(groups, spots, strict=True))
    return Inset(frame, numbers, size * 72 / dpi, dot)


def inset_figure(sites: tuple[tuple[float, float], ...], width: float = INSET_SIZE[0],
                 height: float = INSET_SIZE[1], dpi: int = INSET_DPI) -> Figure:
    """The inset drawn: provinces faintly for context, the case's cities filled, its sites numbered in order."""
    layout = inset_layout(sites, width, height, dpi)
    west, south, east, north = layout.frame
    figure = Figure(figsize=(width, height), dpi=dpi)
    axes = figure.add_axes((0, 0, 1, 1))
    _provinces().cx[west:east, south:north].plot(ax=axes, color=LAND, edgecolor=CONTEXT_EDGE, linewidth=0.6)
    outlines = _outlines(sites)
    if not outlines.empty:
        outlines.plot(ax=axes, color=CITY_FILL, edgecolor=CITY_EDGE, linewidth=1.2)
    lons, lats = zip(*sites, strict=True)
    axes.scatter(lons, lats, s=(layout.dot * 72 / dpi) ** 2, color=SITE, edgecolors="white", linewidths=1,
                 zorder=3)
    halo = [patheffects.withStroke(linewidth=3, foreground="white")]
    for number in layout.numbers:
        if number.pushed:  # a line says which dot it numbers; the dot and the number's halo cover its ends
            axes.plot(*zip(number.site, number.at, strict=True), color=INK, linewidth=0.8, zorder=2.5)
        axes.text(*number.at, number.text, ha="center", va="center", fontsize=layout.fontsize, fontweight="bold",
                  color=INK, path_effects=halo, zorder=4)
    axes.set_xlim(west, east)
    axes.set_ylim(south, north)
    axes.set_axis_off()
    return figure


@lru_cache(maxsize=64)
def inset_png(sites: tuple[tuple[float, float], ...], width: float = INSET_SIZE[0], height: float = INSET_SIZE[1],
              dpi: int = INSET_DPI) -> bytes:
    """A case's inset map as PNG bytes, `width` x `height` inches at `dpi`; `sites` (lon, lat) in the order the
    page lists them. Sites are the whole key: the outlines follow from them."""
    buffer = io.BytesIO()
    inset_figure(sites, width, height, dpi).savefig(buffer, format="png")
    return buffer.getvalue()
