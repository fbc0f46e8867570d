"""Every page in a real browser: finishes, draws its charts, raises nothing, and stays on this machine."""

from __future__ import annotations

import pytest

from atlas.store import load

CASE_IDS = list(load().cases["case_id"])
PATHS = ["/", "/map", "/timeline", "/compare", "/sources", "/present"] + [f"/case?case={c}" for c in CASE_IDS]


@pytest.mark.parametrize("path", PATHS)
def test_page_settles_cleanly(watched, app_url, path):
    watched.open(app_url + path)
    page = watched.page
    if path not in ("/", "/sources"):  # these pages have charts: wait for the first, then for all to settle
        page.wait_for_selector("[data-testid=stPlotlyChart] .main-svg", timeout=60_000)
        watched.settle()
    assert page.locator("[data-testid=stException]").count() == 0
    total = page.locator("[data-testid=stPlotlyChart]").count()
    drawn = page.locator("[data-testid=stPlotlyChart]:has(.main-svg)").count()
    assert drawn == total
    if path not in ("/", "/sources"):
        assert total > 0, "this page has at least one chart"
    assert "Page not found" not in page.content()
    watched.screenshot("page" + (path.replace("/", "-").replace("?case=", "-") if path != "/" else "-overview"))
    assert watched.errors == [], watched.errors
    assert watched.outside == [], watched.outside


def test_choosing_a_sector_filters_cards_and_url(watched, app_url):
    watched.open(app_url + "/")
    page = watched.page
    before = page.locator("[data-testid=stVerticalBlockBorderWrapper] h3").count()
    page.locator("[data-testid=stMultiSelect]").first.click()
    page.get_by_role("option", name="Quantum information").click()
    page.keyboard.press("Escape")
    page.wait_for_url("**sector=quantum-information*", timeout=30_000)
    watched.settle()
    titles = page.locator("h3").all_inner_texts()
    assert any("Anhui" in t for t in titles)
    assert not any("Chongqing" in t for t in titles)
    assert before != page.locator("[data-testid=stVerticalBlockBorderWrapper] h3").count() or before == 0
    watched.screenshot("overview-quantum")


def test_next_slide_in_presentation_mode(watched, app_url):
    watched.open(app_url + "/present?slide=1")
    page = watched.page
    first = page.locator("h1").first.inner_text()
    page.get_by_role("button", name="Next").click()
    page.wait_for_url("**slide=2*", timeout=30_000)
    watched.settle()
    assert page.locator("h1").first.inner_text() != first
    watched.screenshot("present-slide-2")
