"""Hostile links: any query string gives a Filter or the normal page with a notice, never an exception."""

from __future__ import annotations

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from atlas import filters
from atlas.store import ROOT, load

DATA = load()
KEYS = [*filters.FILTER_KEYS, "case", "slide", "cases", "page", ""]
values = st.one_of(st.text(max_size=60), st.text(alphabet=string.printable, min_size=4000, max_size=5000),
                   st.sampled_from(["anhui", "../../etc/passwd", "2024", "-1", "1e9", "<script>", "%00", "ｑ"]))
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
    slide, _ = filters.pick_slide(raw, count)
    assert slide == 1 or 1 <= slide <= count
    case, _ = filters.pick_case(raw, list(DATA.cases["case_id"]))
    assert case is None or case in set(DATA.cases["case_id"])
    chosen, _ = filters.pick_cases(raw, list(DATA.cases["case_id"]))
    assert len(chosen) <= 4 and len(set(chosen)) == len(chosen)


PAGES = ["views/overview.py", "views/map.py", "views/timeline.py", "views/case.py", "views/compare.py",
         "views/sources.py", "views/present.py"]


@given(query=params, page=st.sampled_from(PAGES))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_any_query_string_renders_the_page(query, page):
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in query.items():
        if key:
            app.query_params[key] = value
    app.run()
    if page != "views/overview.py":
        app.switch_page(page).run()
    assert not app.exception
