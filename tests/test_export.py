"""The export contract: four UTF-8 CSV files with fixed leading columns."""

from __future__ import annotations

import csv
import json

import pytest

from atlas import export
from atlas.__main__ import main

CONTRACT = {
    "cases": ["case_id", "section", "title_en", "title_zh", "provinces", "city", "district", "sectors", "lat", "lon"],
    "metrics": ["case_id", "label", "value", "unit", "qualifier", "as_of", "source_id", "quote"],
    "events": ["case_id", "date", "precision", "title", "source_id", "quote"],
    "sources": ["source_id", "title", "publisher", "date", "url"],
}


def _read(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_writes_the_four_contract_files(tmp_path, data):
    assert main(["export", str(tmp_path)]) == 0
    for name, columns in CONTRACT.items():
        path = tmp_path / f"{name}.csv"
        with open(path, encoding="utf-8") as handle:
            header = handle.readline().strip().split(",")
        assert header[: len(columns)] == columns
    cases = _read(tmp_path / "cases.csv")
    assert len(cases) == 10
    bay = next(row for row in cases if row["case_id"] == "greater-bay-area")
    assert bay["provinces"].split(";") == ["440000", "810000", "820000"]
    assert bay["title_zh"] == "粤港澳大湾区建设活跃科技集群"
    metrics = _read(tmp_path / "metrics.csv")
    assert len(metrics) == len(data.metrics)
    assert any(row["case_id"] == "" for row in metrics), "national figures carry an empty case_id"
    assert len(_read(tmp_path / "sources.csv")) == 5


def test_export_keeps_values_as_written(data):
    metrics = export.tables(data)["metrics"]
    fibre = metrics[metrics["quote"] == "laying 1,147 kilometers of network fiber"].iloc[0]
    assert (fibre["value"], fibre["unit"]) == (1147, "km")


def test_json_download_is_strict_json_with_the_csv_columns(data):
    tables = export.tables(data)
    text = export.json_bytes(tables).decode("utf-8")
    parsed = json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} is not JSON"))
    for name, table in tables.items():
        assert len(parsed[name]) == len(table)
        assert list(parsed[name][0]) == list(table.columns)
    assert "量子" in text or "\\u" not in text, "Chinese text stays readable"
    assert export.csv_bytes(tables["metrics"]).decode("utf-8").splitlines()[0].startswith("case_id,label,value")
