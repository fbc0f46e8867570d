"""Locator maps for slides: China's provinces outlined, the case's filled, its sites as dots, as a PNG.

Drawn with geopandas and matplotlib's object-oriented API (no pyplot: Streamlit runs sessions in threads), from
the committed boundaries, so the screen, the PPTX and the PDF show the same map with no network.
"""

from __future__ import annotations

import io
from functools import lru_cache

import geopandas as gpd
from matplotlib.figure import Figure

from atlas.deck import Locator
from atlas.geography import BOUNDARIES

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
