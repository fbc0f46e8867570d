"""The curated data searched as a journalist would: the Hefei fibre figure by its number or its words."""

from __future__ import annotations

import pytest

from atlas import filters


@pytest.mark.parametrize("query", ["1147", "1,147 km", "quantum fibre"])
def test_the_hefei_network_figure_is_found_alone(data, query):
    view = filters.apply(data, filters.Filter(q=query))
    assert list(view.metrics["id"]) == ["fibre-laid-hefei-quantum-metropolitan-area"]


@pytest.mark.parametrize(("query", "case_id"), [
    ("xian", "xian-innovation-harbor"), ("Xian", "xian-innovation-harbor"), ("Sian", "xian-innovation-harbor"),
    ("Xi’an Jiaotong", "xian-innovation-harbor"),  # the curly apostrophe copied from the report
    ("Xi'an Jiaotong", "xian-innovation-harbor"), ("Tianhe", "greater-bay-area"), ("Tianhe-2", "greater-bay-area"),
    ("合肥高新区", "anhui-quantum"),  # a place's Chinese name
])
def test_a_case_is_found_however_its_places_are_written(data, query, case_id):
    view = filters.apply(data, filters.Filter(q=query))
    assert list(view.cases["case_id"]) == [case_id]
