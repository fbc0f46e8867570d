"""The map in a real browser: polygons drawn with no network, and a click that filters the app."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def _map_div(watched):
    return watched.page.locator("[data-testid=stPlotlyChart] .js-plotly-plot").first


def test_map_draws_polygons_and_stays_on_this_machine(watched, app_url):
    watched.open(f"{app_url}/map")
    page = watched.page
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    # MapLibre draws on a canvas; ask it which of our layers it has rendered features for.
    drawn = _map_div(watched).evaluate(
        """async div => {
            const map = div._fullLayout.map._subplot.map;
            for (let i = 0; i < 100 && !map.loaded(); i++) await new Promise(r => setTimeout(r, 100));
            const fills = map.queryRenderedFeatures().filter(f => f.layer.type === 'fill');
            return new Set(fills.map(f => f.properties.adcode || f.id)).size;
        }""")
    assert drawn >= 30, f"only {drawn} province polygons rendered"
    watched.screenshot("map")
    assert watched.outside == [], watched.outside
    assert watched.errors == [], watched.errors


def test_clicking_a_province_filters_the_app(watched, app_url):
    watched.open(f"{app_url}/map")
    target = _map_div(watched).evaluate(
        """async div => {
            const map = div._fullLayout.map._subplot.map;
            for (let i = 0; i < 100 && !map.loaded(); i++) await new Promise(r => setTimeout(r, 100));
            const point = map.project([111.0, 31.5]);   // western Hubei, away from any marker or context point
            const box = map.getCanvas().getBoundingClientRect();
            return {x: box.left + point.x, y: box.top + point.y};
        }""")
    watched.page.mouse.click(target["x"], target["y"])
    expect(watched.page).to_have_url(re.compile(r"/map\?(.*&)?province=hubei"), timeout=30_000)
    expect(watched.page.get_by_text("Province filter: Hubei")).to_be_visible(timeout=30_000)
    watched.settle()
    watched.screenshot("map-hubei")
    assert watched.outside == []


# --- Read on a projector: names, clicks that say what they do, a height that follows the window ---------------

_NAMES_JS = """div => {
    const map = div._fullLayout.map._subplot.map;
    return map.queryRenderedFeatures().filter(f => f.layer.type === 'symbol').map(f => f.properties.text);
}"""

_WHERE_JS = """(div, lonlat) => {
    const map = div._fullLayout.map._subplot.map;
    const point = map.project(lonlat);
    const box = map.getCanvas().getBoundingClientRect();
    return {x: box.left + point.x, y: box.top + point.y};
}"""


def _sized(browser, width: int, height: int):
    from tests.browser.conftest import Watched
    context = browser.new_context(viewport={"width": width, "height": height})
    return context, Watched(context.new_page())


def _click_at(watched, lon: float, lat: float) -> None:
    div = _map_div(watched)
    div.scroll_into_view_if_needed()
    target = div.evaluate(_WHERE_JS, [lon, lat])
    watched.page.mouse.click(target["x"], target["y"])


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)])
def test_the_map_draws_names_with_its_own_glyphs_and_fits_the_window(browser, app_url, size):
    context, watched = _sized(browser, *size)
    try:
        watched.open(f"{app_url}/map")
        names = set(_map_div(watched).evaluate(_NAMES_JS))
        cities = {"Shanghai", "Hefei", "Hangzhou", "Beijing", "Wuhan", "Xi'an", "Weifang", "Chongqing", "Guangzhou",
                  "Chengdu"}
        assert cities | {"Hong Kong", "Macao"} <= names, names
        assert len(names & {"Xinjiang", "Tibet", "Qinghai", "Gansu", "Yunnan", "Heilongjiang", "Jilin", "Liaoning",
                            "Inner Mongolia", "Fujian", "Jiangxi", "Hainan", "Taiwan", "Guizhou"}) >= 7, names
        # The whole map fits in the window with the page scrolled to it; a taller window gets a taller map.
        box = watched.page.locator(".st-key-atlas_map [data-testid=stPlotlyChart]").bounding_box()
        assert 380 <= box["height"] <= size[1] - 150, box
        assert watched.page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
        # The colour key names its classes at a readable size.
        ticks = watched.page.locator(".colorbar .cbaxis text, .colorbar text.ytick, .colorbar .ytick text")
        expect(ticks.filter(has_text="1 case")).to_have_count(1)
        size_px = ticks.filter(has_text="1 case").evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
        assert size_px >= 14
        watched.screenshot(f"map-names-{size[0]}")
        assert watched.outside == [] and watched.errors == [], (watched.outside, watched.errors)
    finally:
        context.close()


def test_a_province_without_a_case_says_why_and_a_second_click_takes_a_province_out(watched, app_url):
    watched.open(f"{app_url}/map")
    _click_at(watched, 101.5, 24.5)  # Yunnan: no case
    expect(watched.page.get_by_text("Yunnan hosts no case the other filters leave")).to_be_visible(timeout=30_000)
    assert "province=" not in watched.page.url
    _click_at(watched, 111.0, 31.5)  # Hubei, away from its markers
    expect(watched.page).to_have_url(re.compile(r"province=hubei"), timeout=30_000)
    watched.settle()
    expect(watched.page.get_by_text("Province filter: Hubei")).to_be_visible()
    _click_at(watched, 111.0, 31.5)  # Hubei, away from its markers again
    expect(watched.page).not_to_have_url(re.compile(r"province="), timeout=30_000)
    assert watched.errors == []


def test_reset_map_clears_what_the_map_set_and_keeps_other_filters(watched, app_url):
    watched.open(f"{app_url}/map?sector=quantum-information&province=anhui&province=hubei")
    reset = watched.page.get_by_role("button", name="Reset map")
    expect(reset).to_be_enabled()
    reset.click()
    expect(watched.page).not_to_have_url(re.compile(r"province="), timeout=30_000)
    expect(watched.page).to_have_url(re.compile(r"sector=quantum-information"))
    expect(watched.page.get_by_role("button", name="Reset map")).to_be_disabled()
