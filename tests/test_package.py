"""The data package: what pandas, Excel and frictionless make of it."""

from __future__ import annotations

import datetime
import io
import json
import zipfile

import pandas as pd
from frictionless import Package

from atlas import filters, package, sources
from atlas.__main__ import main
from tests.conftest import FIXTURE


def test_the_package_validates_and_reads_back_as_written(fixture, tmp_path):
    assert main(["--data", str(FIXTURE), "export", str(tmp_path)]) == 1  # the broken fixture file is skipped
    assert sorted(p.name for p in tmp_path.iterdir()) == ["README.md", "cases.csv", "datapackage.json",
                                                          "events.csv", "metrics.csv", "sources.csv"]
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    for name in ("cases", "metrics", "events", "sources"):
        assert (tmp_path / f"{name}.csv").read_bytes().startswith(b"\xef\xbb\xbf"), "a byte-order mark for Excel"
    cases = pd.read_csv(tmp_path / "cases.csv", encoding="utf-8-sig")
    assert list(cases["section"]) == ["§5.1", "§5.2", "§5.3", "§5.10"], "5.10 stays 5.10"
    assert list(cases["province_names"]) == ["Zhejiang; Shanghai", "Fujian", "Hubei", "Sichuan; Chongqing"]
    metrics = pd.read_csv(tmp_path / "metrics.csv", encoding="utf-8-sig")
    assert len(metrics) == 27 and metrics["id"].is_unique
    row = metrics.set_index("id").loc["joint-fund-port-automation"]
    assert (row["case_title"], row["section"], row["value"], row["unit"], row["value_billion_yuan"]) == (
        "Harbour's robots", "§5.1", 350, "billion yuan", 350)
    assert row["document"].startswith("Alpha Report")
    assert (row["document_section"], row["document_place"], row["cited_as"]) == (
        "§5.1", "§5.1, paragraph 2", "Alpha Institute 2024, §5.1, paragraph 2")
    twin = metrics.set_index("id").loc["researchers-holding-posts-both-cities"]
    assert pd.isna(twin["section"]) and twin["cited_as"] == "Beta Desk, 25 June 2024, “The twin cities”, paragraph 1"
    assert metrics.set_index("id").loc["national-research-spending", "value_billion_yuan"] == 3300
    descriptor = json.loads((tmp_path / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["version"] == fixture.version
    fields = {f["name"]: f["type"] for r in descriptor["resources"] for f in r["schema"]["fields"]}
    assert (fields["provinces"], fields["value"], fields["section"]) == ("string", "number", "string")
    assert "Citation" in (tmp_path / "README.md").read_text(encoding="utf-8")


def test_the_download_zip_holds_what_is_in_view(fixture):
    view = filters.apply(fixture, filters.Filter(provinces=("fujian",)))
    shown = sources.downloads(fixture, view, national=False)
    archive = zipfile.ZipFile(io.BytesIO(package.zip_of(fixture, shown)))
    assert sorted(archive.namelist()) == [f"nqp-atlas/{n}" for n in ("README.md", "cases.csv", "datapackage.json",
                                                                     "events.csv", "metrics.csv", "sources.csv")]
    metrics = pd.read_csv(archive.open("nqp-atlas/metrics.csv"), encoding="utf-8-sig")
    assert set(metrics["case_id"]) == {"tidal-valley"} and len(metrics) == 6
    readme = archive.read("nqp-atlas/README.md").decode("utf-8")
    assert f"Version {fixture.version}, written {datetime.date.today().isoformat()}." in readme


def test_every_column_written_is_described(fixture):
    written = {column for table in package.tables(fixture).values() for column in table.columns}
    assert written - set(package.FIELDS) == set() and len(written) > 30
