"""Every page as a script: no exception with no filters, for each case, for an empty view and for junk links."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from atlas.store import ROOT

PAGES = ["views/overview.py", "views/map.py", "views/timeline.py", "views/case.py", "views/compare.py",
         "views/sources.py", "views/present.py"]
JUNK = {"province": ["atlantis", "x" * 5000], "from": ["soon"], "to": ["20245"], "sector": ["<script>"],
        "case": ["../../etc/passwd"], "slide": ["-3"], "cases": ["nope", "nope"], "q": ["\x00" + "y" * 300]}


def open_page(page: str, params: dict[str, list[str] | str] | None = None) -> AppTest:
    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=90)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    app.run()  # the first run registers st.navigation's pages; only then can the test switch to one
    if page != "views/overview.py":
        app.switch_page(page).run()
    return app


def _text(app: AppTest) -> str:
    parts = [e.value for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning")
             for e in getattr(app, kind)]
    return "\n".join(str(p) for p in parts).replace("\\", "")


@pytest.mark.parametrize("page", PAGES)
def test_page_renders_with_no_filters(page):
    app = open_page(page)
    assert not app.exception, app.exception


@pytest.mark.parametrize("page", PAGES)
def test_page_shows_an_empty_state_when_nothing_matches(page):
    app = open_page(page, {"q": "no such words anywhere"})
    assert not app.exception
    if page not in ("views/case.py", "views/sources.py"):
        assert app.info, "an empty view says so"


@pytest.mark.parametrize("page", PAGES)
def test_page_survives_junk_links(page):
    app = open_page(page, JUNK)
    assert not app.exception
    assert "Ignored unknown province" in _text(app)


@pytest.mark.parametrize("case_id", ["shanghai-cruise-ships", "anhui-quantum", "hangzhou-science-corridor",
                                     "beijing-star-valley", "wuhan-optics-valley", "xian-innovation-harbor",
                                     "shandong-digital-industry", "chongqing-nev", "greater-bay-area",
                                     "chengdu-chongqing-science-city"])
def test_case_profile_tells_each_case(case_id, data):
    app = open_page("views/case.py", {"case": case_id})
    assert not app.exception
    case = data.cases.set_index("case_id").loc[case_id]
    text = _text(app)
    assert case["title_en"] in text and case["title_zh"] in text
    figures = (data.metrics["case_id"] == case_id).sum()
    assert f"Figures ({figures})" in text


def test_present_follows_slide_and_filters(data):
    app = open_page("views/present.py", {"slide": "3"})
    assert data.cases.iloc[2]["short_title"] in _text(app)
    app = open_page("views/present.py", {"slide": "2", "province": "chongqing"})
    assert "Slide 2 of 2" in _text(app)
    assert app.button[1].disabled  # Next is disabled on the last slide
    app.button[0].click().run()  # Previous goes back
    assert not app.exception and "Slide 1 of 2" in _text(app)


def test_url_round_trip_reopens_the_same_view():
    app = open_page("views/overview.py", {"sector": ["quantum-information", "aerospace"], "from": "2020"})
    assert app.query_params["sector"] == ["quantum-information", "aerospace"]
    assert app.query_params["from"] == "2020"  # AppTest gives a single value as a string
    cards = [h.value for h in app.subheader]
    again = open_page("views/overview.py", {key: app.query_params[key] for key in ("sector", "from")})
    assert [h.value for h in again.subheader] == cards and len(cards) == 2


def test_sidebar_choice_updates_the_url():
    app = open_page("views/overview.py")
    app.multiselect(key="f_sector").set_value(["new-energy-vehicles"]).run()
    assert app.query_params["sector"] == "new-energy-vehicles"
    assert len(app.subheader) == 1


def test_compare_charts_two_cases_with_units():
    app = open_page("views/compare.py", {"cases": ["anhui-quantum", "hangzhou-science-corridor"]})
    assert not app.exception
    assert any("different years and definitions" in w.value for w in app.warning)


@pytest.mark.parametrize("page", PAGES)
def test_a_broken_case_file_is_named_on_every_page(page, data_copy, monkeypatch):
    (data_copy / "cases" / "05-05-wuhan-optics-valley.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    monkeypatch.setenv("ATLAS_DATA", str(data_copy))
    app = open_page(page)
    assert not app.exception
    labels = [expander.label for expander in app.expander]
    assert any("05-05-wuhan-optics-valley.yaml" in label.replace("\\", "") for label in labels), labels
    if page == "views/overview.py":
        assert len(app.subheader) == 9, "the nine valid cases are still served"
