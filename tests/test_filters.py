"""Filters: query parameters in, a Filter out (never an exception); a Filter applied to the tables."""

from __future__ import annotations

from atlas import filters
from atlas.filters import Filter


def test_readable_params_round_trip(data):
    params = {"province": ["anhui", "hong-kong"], "sector": ["quantum-information"], "from": ["2020"],
              "to": ["2024"], "q": "quantum"}
    selection, notices = filters.parse(params, data)
    assert notices == []
    assert selection == Filter(provinces=("anhui", "hong-kong"), sectors=("quantum-information",),
                               year_from=2020, year_to=2024, q="quantum")
    assert filters.parse(filters.to_params(selection), data) == (selection, [])


def test_unknown_values_are_dropped_with_a_notice(data):
    selection, notices = filters.parse({"province": ["atlantis", "anhui"], "from": ["next year"],
                                        "sector": ["x" * 5000], "tier": ["../../etc/passwd"]}, data)
    assert selection == Filter(provinces=("anhui",))
    assert len(notices) == 4
    assert all(len(notice) < 80 for notice in notices), "a 5,000-character value is never echoed whole"


def test_swapped_years_are_put_in_order(data):
    selection, notices = filters.parse({"from": "2024", "to": "2020"}, data)
    assert (selection.year_from, selection.year_to) == (2020, 2024) and notices


def test_default_filter_keeps_everything(data):
    view = filters.apply(data, Filter())
    assert len(view.cases) == len(data.cases)
    assert len(view.metrics) == (data.metrics["case_id"] != "").sum()


def test_province_keeps_cases_in_it(data):
    view = filters.apply(data, Filter(provinces=("chongqing",)))
    assert set(view.cases["case_id"]) == {"chongqing-nev", "chengdu-chongqing-science-city"}
    assert set(view.metrics["case_id"]) <= set(view.cases["case_id"])


def test_region_and_sector_combine_with_and(data):
    assert set(filters.apply(data, Filter(regions=("sar",))).cases["case_id"]) == {"greater-bay-area"}
    view = filters.apply(data, Filter(regions=("east",), sectors=("quantum-information",)))
    assert view.cases.empty  # Anhui is central


def test_years_keep_dated_records_in_range(data):
    view = filters.apply(data, Filter(year_from=2024, year_to=2024))
    assert (view.events["date"].str.slice(0, 4) == "2024").all()
    assert (view.metrics["as_of"].str.slice(0, 4) == "2024").all()


def test_search_matches_quotes_and_titles_case_insensitively(data):
    view = filters.apply(data, Filter(q="JIUZHANG 3"))
    assert list(view.cases["case_id"]) == ["anhui-quantum"]
    assert filters.apply(data, Filter(q="no such words anywhere")).cases.empty


def test_with_value_adds_once():
    selection = filters.with_value(Filter(), "province", "anhui")
    assert filters.with_value(selection, "province", "anhui") == Filter(provinces=("anhui",))
