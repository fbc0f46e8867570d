"""Every unit the curated data writes is classified on purpose, and Compare never sets a rate beside a count.

A new unit in data/ fails `test_every_unit_in_the_data_is_classified` until it is added below with the kind
it should be (tests/test_compare.py holds the classifier's rules on made-up units).
"""

from __future__ import annotations

import itertools
import re

from atlas import compare, filters, units
from atlas.units import Scale

# A count of that very thing: compared only with figures in the same word.
PLAIN_COUNTS = {
    "achievements", "actions", "areas", "aspects", "base stations", "bases", "chambers of commerce", "companies",
    "core", "core nodes", "core technologies", "countries", "countries and regions", "departments", "devices",
    "directions", "districts", "elements", "employees", "enterprises", "enterprises and institutions",
    "factor areas", "faculty members", "indicators", "industrial brains", "industries", "instruments and equipment",
    "international standards", "key areas", "key fields", "laboratories", "layers", "major categories",
    "major platforms", "manufacturers", "memorandums", "ministries and agencies", "municipal departments", "nodes",
    "patents", "photons", "platforms", "products", "products and solutions", "projects", "provinces and cities",
    "qubits", "research institutes", "research platforms", "satellites", "science parks", "sets", "ship types",
    "subcategories", "suppliers", "talents", "tasks", "technical service lists", "technological results",
    "technologies", "universities", "user nodes", "users", "vehicles", "working groups", "zones"}
# Everything else, with the scale it goes on.
SCALED = {
    "billion HKD": Scale("money", "billion HKD"), "billion USD": Scale("money", "billion USD"),
    "trillion USD": Scale("money", "billion USD", 1e3), "billion yuan": Scale("money", "billion yuan"),
    "million yuan": Scale("money", "billion yuan", 1e-3), "trillion yuan": Scale("money", "billion yuan", 1e3),
    "million base stations": Scale("count", "base stations", 1e6),
    "million components": Scale("count", "components", 1e6), "million devices": Scale("count", "devices", 1e6),
    "million patents": Scale("count", "patents", 1e6), "million people": Scale("count", "people", 1e6),
    "million sets": Scale("count", "sets", 1e6), "million terminals": Scale("count", "terminals", 1e6),
    "million units": Scale("count", "units", 1e6), "million visits": Scale("count", "visits", 1e6),
    "new enterprises per working day": Scale("rate", "new enterprises per working day"),
    "percent": Scale("percent", "percent"), "fraction": Scale("percent", "percent", 100.0),
    "percentage points": Scale("points", "percentage points"), "times": Scale("multiple", "times"),
    "rank": Scale("rank", "rank"),
    "km": Scale("measure", "km"), "m": Scale("measure", "m"), "square km": Scale("measure", "square km"),
    "square meters": Scale("measure", "square meters"),
    "million square meters": Scale("measure", "square meters", 1e6), "tons": Scale("measure", "tons"),
    "watts": Scale("measure", "watts"), "million kilowatts": Scale("measure", "kilowatts", 1e6),
    "days": Scale("measure", "days"), "seconds": Scale("measure", "seconds"), "years": Scale("measure", "years"),
}
EXPECTED = {**{unit: Scale("count", unit) for unit in PLAIN_COUNTS}, **SCALED}
RATE_WORDS = re.compile(r"\bper\b|/|\beach\b|\bdaily\b|\bannual(ly)?\b|\ba (day|year|month)\b", re.IGNORECASE)


def test_every_unit_in_the_data_is_classified(data):
    written = set(data.metrics["unit"])
    assert sorted(written - set(EXPECTED)) == [], "classify these units in tests/content/test_compare_units.py"
    assert {unit: units.scale(unit) for unit in written} == {unit: EXPECTED[unit] for unit in written}


def test_units_that_read_as_rates_are_rates(data):
    rates = {unit for unit in data.metrics["unit"] if RATE_WORDS.search(unit)}
    assert rates == {"new enterprises per working day"}
    assert {units.scale(unit).kind for unit in rates} == {"rate"}


def test_no_chart_mixes_kinds_of_unit(data):
    rows = compare.comparable(data.metrics, list(data.cases["case_id"]))
    kinds = rows.groupby("group")[["kind", "scale_unit"]].nunique()
    assert kinds[(kinds["kind"] > 1) | (kinds["scale_unit"] > 1)].index.tolist() == []
    rate = rows[rows["unit"] == "new enterprises per working day"]
    counts = rows[rows["unit"] == "enterprises"]
    assert len(rate) == 1 and len(counts) > 1 and set(rate["group"]).isdisjoint(counts["group"])


def test_every_pair_of_cases_gets_charts_of_two_or_more_cases_or_a_suggestion(data):
    view = filters.apply(data, filters.Filter())
    for pair in itertools.combinations(data.cases["case_id"], 2):
        model = compare.compare_page(data, view, list(pair))
        assert all(f.rows["case_id"].nunique() == 2 for f in model.families), pair
        assert bool(model.families) != bool(model.message), pair
        assert model.families or model.suggestion, pair


def test_the_default_pair_shares_several_figures(data):
    model = compare.compare_page(data, filters.apply(data, filters.Filter()), [])
    assert model.picked == ("anhui-quantum", "shandong-digital-industry")
    assert [f.title for f in model.families] == [
        "Money, in billion yuan (converted from million yuan)", "Enterprises and institutions: number of enterprises",
        "Networks and infrastructure, in km", "Shares, in percent"]
