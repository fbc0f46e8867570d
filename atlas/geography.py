"""Boundaries and the map's data: which provinces host which cases, and what a click on the map means."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from atlas import filters
from atlas.filters import View
from atlas.store import ROOT, Atlas

BOUNDARIES = ROOT / "geo" / "provinces.geojson"
CITIES = ROOT / "geo" / "cities.geojson"


def read_geojson(path: Path = BOUNDARIES) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def province_shading(data: Atlas, cases: pd.DataFrame) -> pd.DataFrame:
    """One row per province: how many cases in view it hosts, and their short titles."""
    titles = cases[["provinces", "short_title"]].explode("provinces").groupby("provinces")["short_title"].agg(list)
    shading = data.provinces[["adcode", "slug", "name_en", "name_zh"]].copy()
    shading["titles"] = [titles.get(code, []) for code in shading["adcode"]]
    shading["cases"] = shading["titles"].map(len)
    return shading


def case_markers(data: Atlas, cases: pd.DataFrame, metrics: pd.DataFrame) -> pd.DataFrame:
    """One marker per case in view, at its host site, with its count of figures (for the marker size)."""
    counts = metrics.groupby("case_id").size()
    markers = cases[["case_id", "short_title", "title_zh", "city", "lat", "lon", "provinces"]].copy()
    markers["figures"] = [int(counts.get(case_id, 0)) for case_id in markers["case_id"]]
    return markers.reset_index(drop=True)


def selection_to_filter(points: list[Mapping], markers: pd.DataFrame, data: Atlas,
                        current: filters.Filter) -> filters.Filter:
    """What a click on the map does: a province adds that province; a case marker adds the case's host province.

    Choroplethmap points carry `location` (the adcode); Scattermap points carry `customdata` (the case id) or,
    failing that, their `point_index` into the markers table. Unknown or malformed points change nothing.
    """
    slugs = dict(zip(data.provinces["adcode"], data.provinces["slug"], strict=True))
    selection = current
    for point in points:
        code = str(point.get("location", "")) if isinstance(point, Mapping) else ""
        if code not in slugs and isinstance(point, Mapping):
            case_id = point.get("customdata")
            case_id = case_id[0] if isinstance(case_id, list) and case_id else case_id
            match = markers[markers["case_id"] == case_id]
            index = point.get("point_index")
            if match.empty and isinstance(index, int) and 0 <= index < len(markers) and "lat" in point:
                match = markers.iloc[[index]]
            code = match.iloc[0]["provinces"][0] if not match.empty else ""
        if code in slugs:
            selection = filters.with_value(selection, "province", slugs[code])
    return selection


@dataclass(frozen=True)
class MapPage:
    shading: pd.DataFrame  # every province: adcode, slug, names, cases in view, their titles
    markers: pd.DataFrame  # one per case in view
    hosting: pd.DataFrame  # the table under the map: provinces hosting a case in view
    context: tuple[str, ...]  # national context points, as lines
    empty: bool


def map_page(data: Atlas, view: View) -> MapPage:
    shading = province_shading(data, view.cases)
    hosting = shading[shading["cases"] > 0]
    return MapPage(
        shading=shading, markers=case_markers(data, view.cases, view.metrics),
        hosting=hosting.assign(titles=hosting["titles"].map("; ".join))[["name_en", "name_zh", "cases", "titles"]],
        context=tuple(f"{place.name}: {place.note}" for place in data.context.itertuples()),
        empty=hosting.empty,
    )
