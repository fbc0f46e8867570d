"""The map in a real browser: polygons drawn with no network, and a click that filters the app."""

from __future__ import annotations

import re

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
            const point = map.project([113.4, 30.6]);   // inside Hubei, away from any marker
            const box = map.getCanvas().getBoundingClientRect();
            return {x: box.left + point.x, y: box.top + point.y};
        }""")
    watched.page.mouse.click(target["x"], target["y"])
    expect(watched.page).to_have_url(re.compile(r"/map\?(.*&)?province=hubei"), timeout=30_000)
    expect(watched.page.get_by_text("Wuhan's Optics Valley", exact=False).first).to_be_visible(timeout=30_000)
    watched.settle()
    watched.screenshot("map-hubei")
    assert watched.outside == []
