"""Loading: valid files become typed tables, bad files are named (file, record, field) and the rest still load."""

from __future__ import annotations

from pathlib import Path

import yaml

from atlas import store


def _edit(path: Path, change) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_valid_cases_load_in_section_order_and_the_broken_one_is_named(fixture):
    assert list(fixture.cases["case_id"]) == ["harbour-robots", "tidal-valley", "inland-labs", "twin-city-science"]
    assert list(fixture.cases["section"]) == ["5.1", "5.2", "5.3", "5.10"], "5.10 is text, after 5.3, not 5.1"
    assert [(p.file, p.record, p.field) for p in fixture.problems] == [
        ("data/cases/05-04-broken-case.yaml", "metrics[0] 'Robot makers in the corridor'", "value")]


def test_national_records_carry_the_national_marker(fixture):
    national = fixture.metrics[store.is_national(fixture.metrics["case_id"])]
    assert list(national["label"]) == ["National research spending", "High-tech enterprises in the country",
                                       "Pilot parks for future industries"]
    assert store.is_national(fixture.events["case_id"]).sum() == 3


def test_lookups_are_built_once_from_the_tables(fixture):
    assert fixture.short_titles == {"harbour-robots": "Harbour's robots", "tidal-valley": "Fujian's tidal valley",
                                    "inland-labs": "Inland labs", "twin-city-science": "Twin-city science"}
    assert fixture.label("sectors", "photonics") == "Photonics & optics"
    assert fixture.label("sectors", "unknown-slug") == "unknown-slug"
    assert fixture.years() == (2019, 2030)


def test_wrong_type_names_file_record_and_field(fixture_copy):
    path = fixture_copy / "cases" / "05-02-tidal-valley.yaml"
    _edit(path, lambda r: r["metrics"][3].update(value="many"))
    loaded = store.load(fixture_copy)
    problem = next(p for p in loaded.problems if "tidal" in p.file)
    assert (problem.file, problem.field) == ("data/cases/05-02-tidal-valley.yaml", "value")
    assert problem.record == "metrics[3] 'Tidal power enterprises in the valley'"
    assert "number" in problem.message
    assert list(loaded.cases["case_id"]) == ["harbour-robots", "inland-labs", "twin-city-science"]


def test_missing_field_and_unknown_vocabulary_are_named(fixture_copy):
    path = fixture_copy / "cases" / "05-02-tidal-valley.yaml"
    _edit(path, lambda r: (r.pop("summary"), r.update(sectors=["tidal-magic"], provinces=["999999"])))
    messages = {(p.field, p.message.split(";")[0]) for p in store.load(fixture_copy).problems if "tidal" in p.file}
    assert {("summary", "is missing"), ("sectors", "unknown sector 'tidal-magic'"),
            ("provinces", "unknown province code '999999'")} <= messages


def test_bad_yaml_is_named_with_its_line(fixture_copy):
    path = fixture_copy / "cases" / "05-02-tidal-valley.yaml"
    path.write_text("id: tidal-valley\nsection: [5.2\n", encoding="utf-8")
    problem = next(p for p in store.load(fixture_copy).problems if "tidal" in p.file)
    assert "not valid YAML" in problem.message and problem.record == "line 3"


def test_unquoted_section_and_bad_date_are_named(fixture_copy):
    path = fixture_copy / "cases" / "05-10-twin-city-science.yaml"
    _edit(path, lambda r: (r.update(section=5.1), r["events"][0].update(date="2024-13")))
    found = {(p.record, p.field, p.message) for p in store.load(fixture_copy).problems if "twin" in p.file}
    assert ("", "section", 'write the section in quotes, e.g. "5.10"') in found
    assert any(record.startswith("events[0]") and field == "date" and message == "month 13 does not exist"
               for record, field, message in found)


def test_duplicate_case_id_is_named(fixture_copy):
    original = fixture_copy / "cases" / "05-02-tidal-valley.yaml"
    (fixture_copy / "cases" / "99-copy.yaml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    problem = next(p for p in store.load(fixture_copy).problems if p.file.endswith("99-copy.yaml"))
    assert "duplicate case id 'tidal-valley'" in problem.message


def test_record_ids_are_required_well_formed_and_unique(fixture_copy):
    path = fixture_copy / "cases" / "05-02-tidal-valley.yaml"
    _edit(path, lambda r: (r["metrics"][0].pop("id"), r["metrics"][1].update(id="Bad Id")))
    twin = fixture_copy / "cases" / "05-10-twin-city-science.yaml"
    _edit(twin, lambda r: r["metrics"][2].update(id="national-research-spending"))
    found = {(p.file, p.record.split(" ")[0], p.field, p.message) for p in store.load(fixture_copy).problems}
    assert ("data/cases/05-02-tidal-valley.yaml", "metrics[0]", "id", "is missing") in found
    assert any(f[:3] == ("data/cases/05-02-tidal-valley.yaml", "metrics[1]", "id") and "pattern" in f[3]
               for f in found)
    assert ("data/national.yaml", "metrics[0]", "id",
            "duplicate id 'national-research-spending', also used in data/cases/05-10-twin-city-science.yaml") in found


def test_the_data_version_follows_the_files(fixture_copy):
    before = store.load(fixture_copy).version
    assert len(before) == 10 and before == store.load(fixture_copy).version
    (fixture_copy / "national.yaml").write_text((fixture_copy / "national.yaml").read_text() + "\n", encoding="utf-8")
    assert store.load(fixture_copy).version != before
