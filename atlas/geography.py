"""Boundaries and the map's data: which provinces host which cases, and what a click on the map means."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

import pandas as pd
from shapely.geometry import Point, shape
from shapely.ops import polylabel

from atlas import filters
from atlas.filters import View
from atlas.store import ROOT, Atlas
from atlas.text import t

BOUNDARIES = ROOT / "geo" / "provinces.geojson"
CITIES = ROOT / "geo" / "cities.geojson"


def read_geojson(path: Path = BOUNDARIES) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


# Provinces too small to find at the national zoom: always drawn as a labelled marker (atlas/charts.py).
SMALL = ("810000", "820000")  # Hong Kong, Macao


@cache
def label_points(path: Path = BOUNDARIES) -> dict[str, tuple[float, float]]:
    """Where each province's name goes: the point of its largest polygon farthest from the edge (lon, lat)."""
    points = {}
    for feature in read_geojson(path)["features"]:
        outline = shape(feature["geometry"])
        largest = max(getattr(outline, "geoms", [outline]), key=lambda polygon: polygon.area)
        point = polylabel(largest, tolerance=0.05)
        points[str(feature["properties"]["adcode"])] = (round(point.x, 3), round(point.y, 3))
    return points


def province_shading(data: Atlas, cases: pd.DataFrame, selected: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per province: how many cases in view it hosts, their short titles, where its name goes, and
    whether the province filter holds it (`selected`: slugs)."""
    titles = cases[["provinces", "short_title"]].explode("provinces").groupby("provinces")["short_title"].agg(list)
    shading = data.provinces[["adcode", "slug", "name_en", "name_zh"]].copy()
    shading["titles"] = [titles.get(code, []) for code in shading["adcode"]]
    shading["cases"] = shading["titles"].map(len)
    points = label_points()
    shading["lon"] = [points.get(code, (None, None))[0] for code in shading["adcode"]]
    shading["lat"] = [points.get(code, (None, None))[1] for code in shading["adcode"]]
    shading["selected"] = shading["slug"].isin(selected)
    return shading


def case_markers(data: Atlas, cases: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """One marker per case in view, at its host site, with its count of figures (said on hover)."""
    counts = metrics.groupby("case_id").size()
    markers = cases[["case_id", "short_title", "title_zh", "city", "lat", "lon", "provinces"]].copy()
    markers["figures"] = [int(counts.get(case_id, 0)) for case_id in markers["case_id"]]
    return markers.reset_index(drop=True)


# Degrees: the city outlines are simplified by 0.004° (geo/build.py), so a site on the coast, as Shanghai's
# shipyard, can fall just outside the outline of the district that holds it.
NEAR = 0.005


def case_outlines(cities: dict, places: pd.DataFrame) -> dict:
    """The city outlines that hold a case's sites (or lie within NEAR of one): what its inset map draws and frames."""
    sites = [Point(lon, lat) for lon, lat in zip(places["lon"], places["lat"], strict=True)]
    features = [f for f in cities.get("features", [])
                if any(shape(f["geometry"]).distance(site) <= NEAR for site in sites)]
    return {"type": "FeatureCollection", "features": features}


# What each clickable map point carries as customdata: [kind, key]. Plotly returns it with the click.
CASE, PROVINCE, CONTEXT = "case", "province", "context"


@dataclass(frozen=True)
class MapClick:
    selection: filters.Filter
    notice: str | None = None  # why a click changed nothing


def _clicked(point: object) -> tuple[str, str]:
    """(kind, key) of a clicked point: a province polygon gives its adcode as `location`; our markers give
    [kind, key] as customdata. Anything else is ("", "")."""
    if not isinstance(point, Mapping):
        return "", ""
    if point.get("location") is not None:
        return PROVINCE, str(point["location"])
    custom = point.get("customdata")
    if isinstance(custom, list | tuple) and len(custom) == 2 and custom[0] in (CASE, PROVINCE, CONTEXT):
        return str(custom[0]), str(custom[1])
    return "", ""


def map_click(points: list[Mapping], shading: pd.DataFrame, markers: pd.DataFrame,
              current: filters.Filter) -> MapClick:
    """What a click on the map does. A province hosting a case in view (or a case marker, for its host province)
    is added to the province filter, or taken out again if it is already there. A province with no case in view
    and a national context point change nothing, and say why. Unknown or malformed points change nothing."""
    rows = shading.set_index("adcode")
    selection, notice = current, None
    for point in points:
        kind, key = _clicked(point)
        if kind == CASE:
            match = markers[markers["case_id"] == key]
            kind, key = (PROVINCE, match.iloc[0]["provinces"][0]) if not match.empty else ("", "")
        if kind == CONTEXT:
            notice = t("map.context_click", name=filters.shown(key))
        elif kind == PROVINCE and key in rows.index:
            row = rows.loc[key]
            values = selection.provinces
            if row["slug"] in values:
                selection = replace(selection, provinces=tuple(v for v in values if v != row["slug"]))
            elif row["cases"]:
                selection = filters.with_value(selection, "province", row["slug"])
            else:
                notice = t("map.no_case_click", province=row["name_en"])
    return MapClick(selection, notice)


@dataclass(frozen=True)
class MapPage:
    shading: pd.DataFrame  # every province: cases the other filters leave (the province filter set aside),
    #                        their titles, where its name goes, whether the province filter holds it
    markers: pd.DataFrame  # one per case those filters leave, so a reader can add its province
    hosting: pd.DataFrame  # the table under the map: provinces hosting a case in view (all filters)
    context: tuple[str, ...]  # national context points, as lines
    selected: tuple[str, ...]  # English names of the provinces the filter holds
    empty: bool


def map_page(data: Atlas, view: View, selection: filters.Filter | None = None) -> MapPage:
    """The map is the province filter drawn: it shades what the other filters leave, so every province that can
    be added is visible and the ones chosen are outlined; the table below lists what is in view."""
    selection = selection or filters.Filter()
    around = filters.apply(data, replace(selection, provinces=())) if selection.provinces else view
    shading = province_shading(data, around.cases, selection.provinces)
    in_view = province_shading(data, view.cases)
    hosting = in_view[in_view["cases"] > 0]
    return MapPage(
        shading=shading, markers=case_markers(data, around.cases, around.metrics),
        hosting=hosting.assign(titles=hosting["titles"].map("; ".join))[["name_en", "name_zh", "cases", "titles"]],
        context=tuple(f"{place.name}: {place.note}" for place in data.context.itertuples()),
        selected=tuple(shading.loc[shading["selected"], "name_en"]),
        empty=hosting.empty,
    )
