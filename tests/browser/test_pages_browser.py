"""Every page in a real browser: finishes, draws its charts, raises nothing, and stays on this machine."""

from __future__ import annotations

import re
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from atlas import pages
from atlas.store import load

DATA = load()
CASE_IDS = list(DATA.cases["case_id"])
# A case page draws its timeline chart only when the case has dated events (Shandong's two were snapshots, removed).
WITH_EVENTS = set(DATA.events["case_id"])
PATHS = [page.path for page in pages.PAGES if page.key != "case"] + [f"/case?case={c}" for c in CASE_IDS]
CHARTED = {page.path for page in pages.PAGES if page.charts} | {f"/case?case={c}" for c in CASE_IDS if c in WITH_EVENTS}


@pytest.mark.parametrize("path", PATHS)
def test_page_settles_cleanly(watched, app_url, path):
    watched.open(app_url + path)
    page = watched.page
    charts = page.locator("[data-testid=stPlotlyChart]")
    if path in CHARTED:  # open() waited for the strict probe: a charted page has its plots drawn by now
        expect(charts.first.locator(".js-plotly-plot .main-svg").first).to_be_visible()
    assert page.locator("[data-testid=stException]").count() == 0
    assert charts.count() == page.locator("[data-testid=stPlotlyChart]:has(.js-plotly-plot .main-svg)").count()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    watched.screenshot("page" + (path.replace("/", "-").replace("?case=", "-") if path != "/" else "-overview"))
    assert watched.errors == [], watched.errors
    assert watched.outside == [], watched.outside


def test_choosing_a_sector_filters_cards_and_url(watched, app_url):
    watched.open(app_url + "/")
    page = watched.page
    cards = page.locator("[data-testid=stMain] h3")
    expect(cards).to_have_count(10)
    page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first.click()
    page.get_by_role("option", name=re.compile(r"^Quantum information \(1\)$")).click()
    page.keyboard.press("Escape")
    expect(page).to_have_url(re.compile(r"sector=quantum-information"), timeout=30_000)
    expect(cards).to_have_count(1, timeout=30_000)
    expect(cards.first).to_contain_text("Anhui")
    expect(page.locator("h1")).to_have_text("New quality productive forces: 1 of 10 cases")
    watched.screenshot("overview-quantum")


def test_the_filters_go_along_to_the_next_page(watched, app_url):
    watched.open(app_url + "/?sector=new-energy-vehicles&province=chongqing")
    page = watched.page
    page.locator("[data-testid=stSidebar] [data-testid=stPageLink]").filter(has_text="Case profile").click()
    expect(page).to_have_url(re.compile(r"/case\?.*sector=new-energy-vehicles"), timeout=30_000)
    expect(page.locator("h1")).to_have_text("Chongqing’s Practice in the New Energy Vehicle Industry", timeout=30_000)
    watched.settle()
    watched.screenshot("case-under-filter")


def test_next_slide_in_presentation_mode(watched, app_url):
    watched.open(app_url + "/present?slide=3")
    page = watched.page
    title = page.locator("h1").first
    expect(title).to_have_text("Shanghai's cruise ships")
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(re.compile(r"slide=4"), timeout=30_000)
    expect(title).to_have_text("Anhui's quantum industry", timeout=30_000)
    watched.settle()
    watched.screenshot("present-slide-4")


def test_a_figure_permalink_opens_on_that_figure_in_a_fresh_browser(watched, app_url):
    watched.open(app_url + "/sources?figure=fibre-laid-hefei-quantum-metropolitan-area")
    page = watched.page
    linked = page.locator(".st-key-linked_figure")
    expect(linked).to_be_visible()
    expect(linked.locator("h2")).to_have_text("1,147 km")
    expect(linked.locator("[data-testid=stCode]")).to_contain_text(
        "§5.2, paragraph 7. Read in the English translation by David Cowhig")
    expect(linked.locator("[data-testid=stCode]")).to_contain_text(
        "The document states: “Today, the Hefei Quantum Metropolitan Area Network has been built and is "
        "operational, laying 1,147 kilometers of network fiber")
    # Its paragraph in context, the quoted words marked, under the section's heading.
    expect(linked.get_by_text("5.2 Anhui is Building a Quantum Innovation Development Zone")).to_be_visible()
    expect(linked.locator(".stMarkdownColoredBackground").filter(has_text="laying 1,147 kilometers")).to_have_count(1)
    assert linked.evaluate("e => e.getBoundingClientRect().top") < page.viewport_size["height"], "in view"
    watched.screenshot("figure-permalink")


def test_a_selected_row_of_the_sources_table_is_shown_whole(watched, app_url):
    watched.open(app_url + "/sources?sector=quantum-information&q=1147")
    page = watched.page
    table = page.locator("[data-testid=stDataFrame]").first
    expect(table).to_be_visible()
    box = table.bounding_box()
    page.mouse.click(box["x"] + 12, box["y"] + 52)  # the first data row's selection cell
    whole = page.locator(".st-key-selected_figure")
    expect(whole).to_be_visible(timeout=30_000)
    expect(whole.locator("h2")).to_have_text("1,147 km")
    expect(whole.locator("[data-testid=stCode]")).to_contain_text("§5.2, paragraph 7")
    watched.screenshot("sources-selected-row")


@pytest.mark.parametrize(("query", "title"), [("xian", "Xi'an's Innovation Harbor"),
                                              ("Xi’an Jiaotong", "Xi'an's Innovation Harbor"),
                                              ("Tianhe", "Greater Bay Area technology cluster"),
                                              ("Tianhe-2", "Greater Bay Area technology cluster")])
def test_search_finds_a_case_however_a_reader_writes_it(watched, app_url, query, title):
    watched.open(app_url + "/?" + urlencode({"q": query}))
    main = watched.page.locator("[data-testid=stMain]")
    expect(main.get_by_text(title).first).to_be_visible(timeout=30_000)
    expect(main.get_by_text("Anhui's quantum industry")).to_have_count(0)
