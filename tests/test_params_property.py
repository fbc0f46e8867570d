"""Hostile links: any query string gives a Filter or the normal page with a notice, never an exception."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas import filters, pages
from atlas.store import load
from tests.apptest import open_page
from tests.conftest import FIXTURE

DATA = load(FIXTURE)
IDS = list(DATA.cases["case_id"])
KEYS = [*filters.FILTER_KEYS, "case", "slide", "cases", "page", ""]
values = st.one_of(st.text(max_size=60), st.text(alphabet=string.printable, min_size=4000, max_size=5000),
                   st.sampled_from(["hubei", "../../etc/passwd", "2024", "-1", "1e9", "<script>", "%00", "ｑ",
                                    "tidal-valley", "photonics"]))
params = st.dictionaries(st.sampled_from(KEYS), st.lists(values, min_size=1, max_size=4), max_size=6)


@given(params)
@settings(max_examples=300, deadline=None)
def test_parse_never_raises_and_keeps_only_known_values(query):
    selection, notices = filters.parse(query, DATA)
    known = filters.choices(DATA)
    for key, attribute in filters.MULTI_KEYS.items():
        assert set(getattr(selection, attribute)) <= set(known[key])
    for year in (selection.year_from, selection.year_to):
        assert year is None or filters.YEAR_MIN <= year <= filters.YEAR_MAX
    assert len(selection.q) <= filters.MAX_VALUE_LENGTH
    assert all(len(n) < 120 for n in notices)
    assert filters.parse(filters.to_params(selection), DATA) == (selection, [])


@given(st.lists(values, max_size=4), st.integers(min_value=0, max_value=12))
@settings(max_examples=200, deadline=None)
def test_page_parameters_stay_in_range(raw, count):
    number, _ = filters.pick_number(raw, count)
    assert number == 1 or 1 <= number <= count
    case, _ = filters.pick_case(raw, IDS)
    assert case is None or case in IDS
    chosen, _ = filters.pick_cases(raw, IDS)
    assert len(chosen) <= 4 and len(set(chosen)) == len(chosen) and set(chosen) <= set(IDS)


@pytest.mark.usefixtures("on_fixture")
@given(query=params, key=st.sampled_from([page.key for page in pages.PAGES]))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
def test_any_query_string_renders_the_page(query, key):
    app = open_page(key, {name: value for name, value in query.items() if name})
    assert not app.exception
    assert app.title or app.info, "the page drew its content, not only the frame"
