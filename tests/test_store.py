"""Loading: every file validates, the ten sections are there once each, and bad files are named."""

from __future__ import annotations

from pathlib import Path

import yaml

from atlas import store

SECTIONS = [f"5.{n}" for n in range(1, 11)]
CASE_IDS = {
    "shanghai-cruise-ships", "anhui-quantum", "hangzhou-science-corridor", "beijing-star-valley",
    "wuhan-optics-valley", "xian-innovation-harbor", "shandong-digital-industry", "chongqing-nev",
    "greater-bay-area", "chengdu-chongqing-science-city",
}


def test_every_file_loads_without_problems(data):
    assert [str(p) for p in data.problems] == []


def test_the_ten_sections_are_present_once_each(data):
    assert sorted(data.cases["section"], key=lambda s: int(s.split(".")[1])) == SECTIONS
    assert set(data.cases["case_id"]) == CASE_IDS


def test_every_case_has_at_least_five_figures(data):
    counts = data.metrics[data.metrics["case_id"] != ""].groupby("case_id").size()
    assert {case: int(counts.get(case, 0)) for case in CASE_IDS if counts.get(case, 0) < 5} == {}


def test_multi_region_cases_span_their_provinces(data):
    provinces = dict(zip(data.cases["case_id"], data.cases["provinces"], strict=True))
    assert set(provinces["greater-bay-area"]) == {"440000", "810000", "820000"}
    assert set(provinces["chengdu-chongqing-science-city"]) == {"510000", "500000"}


def test_national_records_have_an_empty_case_id(data):
    national = data.metrics[data.metrics["case_id"] == ""]
    assert len(national) > 0
    assert (data.events["case_id"] == "").any()


def _edit(path: Path, change) -> None:
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_wrong_type_names_file_record_and_field(data_copy):
    path = data_copy / "cases" / "05-02-anhui-quantum.yaml"
    _edit(path, lambda r: r["metrics"][3].update(value="lots"))
    loaded = store.load(data_copy)
    [problem] = loaded.problems
    assert problem.file == "data/cases/05-02-anhui-quantum.yaml"
    assert problem.record.startswith("metrics[3]") and "Fibre" in problem.record
    assert problem.field == "value"
    assert "number" in problem.message
    # The broken case is left out, the nine others are still served.
    assert len(loaded.cases) == 9 and "anhui-quantum" not in set(loaded.cases["case_id"])


def test_missing_field_and_unknown_vocabulary_are_named(data_copy):
    path = data_copy / "cases" / "05-02-anhui-quantum.yaml"
    _edit(path, lambda r: (r.pop("summary"), r.update(sectors=["quantum-magic"], provinces=["999999"])))
    messages = {(p.field, p.message.split(";")[0]) for p in store.load(data_copy).problems}
    assert ("summary", "is missing") in messages
    assert ("sectors", "unknown sector 'quantum-magic'") in messages
    assert ("provinces", "unknown province code '999999'") in messages


def test_bad_yaml_is_named_with_its_line(data_copy):
    path = data_copy / "cases" / "05-02-anhui-quantum.yaml"
    path.write_text("id: anhui-quantum\nsection: [5.2\n", encoding="utf-8")
    [problem] = store.load(data_copy).problems
    assert problem.file.endswith("05-02-anhui-quantum.yaml")
    assert "not valid YAML" in problem.message and problem.record.startswith("line ")


def test_duplicate_case_id_is_named(data_copy):
    original = data_copy / "cases" / "05-02-anhui-quantum.yaml"
    (data_copy / "cases" / "99-copy.yaml").write_text(original.read_text(encoding="utf-8"), encoding="utf-8")
    [problem] = store.load(data_copy).problems
    assert problem.file.endswith("99-copy.yaml") and "duplicate case id" in problem.message
