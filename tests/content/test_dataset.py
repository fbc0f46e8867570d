"""The curated dataset itself: every file valid, the ten sections of chapter 5 once each, enough figures."""

from __future__ import annotations

SECTIONS = [f"5.{n}" for n in range(1, 11)]


def test_every_file_loads_without_problems(data):
    assert [str(p) for p in data.problems] == []


def test_the_ten_sections_are_present_once_each_in_order(data):
    assert list(data.cases["section"]) == SECTIONS
    assert list(data.cases["case_id"]) == [
        "shanghai-cruise-ships", "anhui-quantum", "hangzhou-science-corridor", "beijing-star-valley",
        "wuhan-optics-valley", "xian-innovation-harbor", "shandong-digital-industry", "chongqing-nev",
        "greater-bay-area", "chengdu-chongqing-science-city"]


def test_every_case_has_at_least_five_figures(data):
    counts = data.metrics.groupby("case_id").size()
    assert {case: int(counts.get(case, 0)) for case in data.cases["case_id"] if counts.get(case, 0) < 5} == {}


def test_multi_region_cases_span_their_provinces(data):
    provinces = dict(zip(data.cases["case_id"], data.cases["provinces"], strict=True))
    assert provinces["greater-bay-area"] == ["440000", "810000", "820000"]
    assert provinces["chengdu-chongqing-science-city"] == ["510000", "500000"]
