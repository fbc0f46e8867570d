"""Filters: query parameters in, a Filter out (never an exception); a Filter applied to the tables; the menus."""

from __future__ import annotations

import pytest

from atlas import filters
from atlas.filters import Filter


def _ids(view) -> list[str]:
    return list(view.cases["case_id"])


def test_readable_params_round_trip(fixture):
    params = {"province": ["fujian", "hubei"], "sector": ["tidal-power"], "from": ["2020"], "to": ["2024"],
              "q": "tidal"}
    selection, notices = filters.parse(params, fixture)
    assert notices == []
    assert selection == Filter(provinces=("fujian", "hubei"), sectors=("tidal-power",), year_from=2020,
                               year_to=2024, q="tidal")
    assert filters.parse(filters.to_params(selection), fixture) == (selection, [])


def test_unknown_values_are_dropped_with_a_notice(fixture):
    selection, notices = filters.parse({"province": ["atlantis", "hubei"], "from": ["next year"],
                                        "sector": ["x" * 5000], "tier": ["../../etc/passwd"]}, fixture)
    assert selection == Filter(provinces=("hubei",))
    assert notices == ["Ignored unknown province 'atlantis'.", f"Ignored unknown sector '{'x' * 27}...'.",
                       "Ignored unknown tier '../../etc/passwd'.", "Ignored 'from=next year': not a year."]


def test_values_no_case_uses_are_not_offered_nor_accepted(fixture):
    options = filters.choices(fixture)
    assert options["sector"] == {"robotics": "Robotics", "tidal-power": "Tidal power",
                                 "photonics": "Photonics & optics", "quantum-sensing": "Quantum sensing"}
    assert list(options["province"]) == ["chongqing", "fujian", "hubei", "shanghai", "sichuan", "zhejiang"]
    assert list(options["region"]) == ["east", "central", "west"]
    assert "rare-mechanism" not in options["mechanism"] and len(options["mechanism"]) == 4
    assert filters.parse({"sector": "rare-sector"}, fixture) == (Filter(), ["Ignored unknown sector 'rare-sector'."])


def test_facet_counts_set_their_own_facet_aside(fixture):
    counts = filters.facet_counts(fixture, Filter(sectors=("photonics",)))
    assert counts == {
        "province": {"hubei": 1, "sichuan": 1, "chongqing": 1},
        "region": {"central": 1, "west": 1},
        "sector": {"robotics": 1, "tidal-power": 1, "photonics": 2, "quantum-sensing": 1},
        "tier": {"upgraded-traditional": 1, "emerging": 1},
        "mechanism": {"shared-facilities": 2, "talent-attraction": 1, "cross-region-collaboration": 1},
    }


def test_swapped_years_are_put_in_order(fixture):
    assert filters.parse({"from": "2024", "to": "2020"}, fixture) == (
        Filter(year_from=2020, year_to=2024), ["The 'from' year was after the 'to' year; swapped them."])


def test_default_filter_keeps_every_case_and_keeps_national_records_apart(fixture):
    view = filters.apply(fixture, Filter())
    assert _ids(view) == ["harbour-robots", "tidal-valley", "inland-labs", "twin-city-science"]
    assert (len(view.metrics), len(view.events)) == (24, 8)
    assert (len(view.national_metrics), len(view.national_events)) == (3, 3)
    assert "" not in set(view.metrics["case_id"]) and set(view.national_metrics["case_id"]) == {""}
    assert view.total == 4


def test_province_keeps_cases_in_it_and_only_their_figures(fixture):
    view = filters.apply(fixture, Filter(provinces=("chongqing",)))
    assert _ids(view) == ["twin-city-science"]
    assert set(view.metrics["case_id"]) == {"twin-city-science"} and len(view.metrics) == 6
    assert len(view.national_metrics) == 3, "national records stay apart, not dropped and not mixed in"


@pytest.mark.parametrize(("selection", "expected"), [
    (Filter(regions=("east",)), ["harbour-robots", "tidal-valley"]),
    (Filter(regions=("east",), sectors=("photonics",)), []),
    (Filter(regions=("west", "central")), ["inland-labs", "twin-city-science"]),
    (Filter(sectors=("photonics",), tiers=("emerging",)), ["twin-city-science"]),
    (Filter(mechanisms=("public-funds",)), ["harbour-robots", "tidal-valley"]),
    (Filter(year_to=2020), ["inland-labs"]),
    (Filter(q="KILOMETERS"), ["harbour-robots"]),
    (Filter(q="no such words anywhere"), []),
])
def test_facets_combine_with_and_values_with_or(fixture, selection, expected):
    assert _ids(filters.apply(fixture, selection)) == expected


def test_years_keep_dated_records_in_range(fixture):
    view = filters.apply(fixture, Filter(year_from=2024, year_to=2024))
    assert sorted(view.metrics["as_of"].str.slice(0, 4).unique()) == ["2024"]
    assert sorted(view.events["date"].str.slice(0, 4).unique()) == ["2024"]
    assert len(view.metrics) == 16


def test_with_value_adds_once():
    selection = filters.with_value(Filter(), "province", "hubei")
    assert filters.with_value(selection, "province", "hubei") == Filter(provinces=("hubei",))


@pytest.mark.parametrize(("values", "count", "expected"), [
    ([], 4, (1, [])), (["3"], 4, (3, [])), (["5"], 4, (1, ["There is no slide '5' (1 to 4); showing slide 1."])),
    (["-1"], 4, (1, ["There is no slide '-1' (1 to 4); showing slide 1."])), (["2"], 0, (1, [])),
])
def test_pick_number_stays_in_range(values, count, expected):
    assert filters.pick_number(values, count, "slide") == expected


@pytest.mark.parametrize("query", ["1147", "1,147", "1,147 km", "1 147 kilometres", "CABLE rail 1147"])
def test_search_finds_a_figure_by_its_number_or_words_and_lists_only_it(fixture, query):
    view = filters.apply(fixture, Filter(q=query))
    assert list(view.metrics["id"]) == ["length-cable-rail-network-linking-two"]
    assert _ids(view) == ["harbour-robots"] and view.national_metrics.empty


def test_search_folds_spellings_and_keeps_whole_cases_found_by_their_title(fixture):
    view = filters.apply(fixture, Filter(q="harbor robots"))  # the short title says "Harbour's robots"
    assert _ids(view) == ["harbour-robots"] and len(view.metrics) == 6
    assert _ids(filters.apply(fixture, Filter(q="潮汐"))) == ["tidal-valley"]
    assert filters.apply(fixture, Filter(q="1148")).cases.empty
