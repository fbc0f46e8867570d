"""The export contract: four UTF-8 CSV files with fixed leading columns, and the downloads of what is in view."""

from __future__ import annotations

import csv
import json

import pytest

from atlas import export, filters, sources
from atlas.__main__ import main
from atlas.store import NATIONAL
from tests.conftest import FIXTURE

CONTRACT = {
    "cases": ["case_id", "section", "title_en", "title_zh", "provinces", "city", "district", "sectors", "lat", "lon"],
    "metrics": ["case_id", "label", "value", "unit", "qualifier", "as_of", "source_id", "quote"],
    "events": ["case_id", "date", "precision", "title", "source_id", "quote"],
    "sources": ["source_id", "title", "publisher", "date", "url"],
}


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_the_four_contract_files(tmp_path):
    assert main(["--data", str(FIXTURE), "export", str(tmp_path)]) == 1, "non-zero: the broken file was skipped"
    for name, columns in CONTRACT.items():
        with open(tmp_path / f"{name}.csv", encoding="utf-8-sig") as handle:
            assert handle.readline().strip().split(",")[: len(columns)] == columns
    cases = _read(tmp_path / "cases.csv")
    assert [row["case_id"] for row in cases] == ["harbour-robots", "tidal-valley", "inland-labs", "twin-city-science"]
    twin = cases[-1]
    assert (twin["section"], twin["provinces"], twin["title_zh"]) == ("§5.10", "510000;500000", "双城共建科学城")
    metrics = _read(tmp_path / "metrics.csv")
    assert len(metrics) == 27 and sum(row["case_id"] == NATIONAL for row in metrics) == 3
    assert len(_read(tmp_path / "sources.csv")) == 2


def test_export_keeps_values_as_written(fixture):
    metrics = export.tables(fixture)["metrics"]
    row = metrics[metrics["label"] == "Length of the cable and rail network linking the two ports"].iloc[0]
    assert (row["value"], row["unit"]) == (1147, "kilometers")


def test_downloads_hold_what_is_in_view_and_national_records_only_when_asked(fixture):
    view = filters.apply(fixture, filters.Filter(provinces=("fujian",)))
    plain = sources.downloads(fixture, view, national=False)
    assert list(plain["cases"]["case_id"]) == ["tidal-valley"]
    assert set(plain["metrics"]["case_id"]) == {"tidal-valley"} and len(plain["metrics"]) == 6
    asked = sources.downloads(fixture, view, national=True)
    assert len(asked["metrics"]) == 9 and len(asked["events"]) == 5


def test_json_download_is_strict_json_with_the_csv_columns(fixture):
    tables = export.tables(fixture)
    text = export.json_bytes(tables).decode("utf-8")
    parsed = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    for name, table in tables.items():
        assert len(parsed[name]) == len(table)
        assert list(parsed[name][0]) == list(table.columns)
    assert "潮汐" in text, "Chinese text stays readable"
    assert export.csv_bytes(tables["metrics"]).decode("utf-8").splitlines()[0].startswith("case_id,label,value")
