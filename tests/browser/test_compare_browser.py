"""Compare on a projector: the default pair draws charts of two cases, each legend sits clear of the plot, the
axis title and the chart's caption, text reads at 14 px or more, nothing is wider than the window, and a pair
that shares no figure gets a message and a button that opens a pair that does."""

from __future__ import annotations

import itertools
import re

from playwright.sync_api import expect

from atlas import compare, filters
from atlas.store import load

DATA = load()
VIEW = filters.apply(DATA, filters.Filter())
DEFAULT = compare.compare_page(DATA, VIEW, [])
# The first pair in data order that shares nothing, taken from the data rather than typed in.
LONELY = next(pair for pair in itertools.combinations(DATA.cases["case_id"], 2)
              if not compare.compare_page(DATA, VIEW, list(pair)).families)
OVERFLOW_JS = """() => [document.scrollingElement.scrollWidth - innerWidth,
    (m => m.scrollWidth - m.clientWidth)(document.querySelector('[data-testid=stMain]'))]"""
# Boxes of a chart's parts, in page pixels, and the rendered size of every axis and legend text.
PARTS_JS = """gd => {
    const box = e => { if (!e) return null; const r = e.getBoundingClientRect();
                       return {left: r.left, top: r.top, right: r.right, bottom: r.bottom}; };
    const sizes = sel => [...gd.querySelectorAll(sel)].map(t => parseFloat(getComputedStyle(t).fontSize));
    return {legend: box(gd.querySelector('.legend .bg')), plot: box(gd.querySelector('.bglayer .bg')),
            xtitle: box(gd.querySelector('.xtitle')), ytitle: box(gd.querySelector('.ytitle')),
            title: box(gd.querySelector('.gtitle')), subtitle: box(gd.querySelector('.gtitle-subtitle')),
            chart: box(gd), ticks: sizes('.xtick text, .ytick text'), legendText: sizes('.legendtext'),
            axisTitle: sizes('.xtitle')};
}"""


def _apart(a: dict, b: dict | None) -> bool:
    return b is None or a["bottom"] <= b["top"] or b["bottom"] <= a["top"] or a["right"] <= b["left"] \
        or b["right"] <= a["left"]


def test_default_pair_draws_two_cases_with_clear_legends(sized, app_url):
    watched = sized
    watched.open(app_url + "/compare")
    page = watched.page
    assert len(DEFAULT.picked) == 2 and DEFAULT.families, "the data gives a default pair with charts"
    charts = page.locator("[data-testid=stPlotlyChart] .js-plotly-plot")
    expect(charts).to_have_count(len(DEFAULT.families), timeout=60_000)
    watched.settle()
    for index in range(len(DEFAULT.families)):
        chart = charts.nth(index)
        expect(chart.locator(".legend .traces")).to_have_count(2)  # both cases, told apart by colour
        parts = chart.evaluate(PARTS_JS)
        legend = parts["legend"]
        assert legend["bottom"] <= parts["plot"]["top"], (index, parts)  # above the plot, not reaching into it
        for other in ("plot", "xtitle", "ytitle", "title", "subtitle"):
            assert _apart(legend, parts[other]), (index, other, parts)
        assert parts["plot"]["right"] <= parts["chart"]["right"] <= watched.size[0]
        assert min(parts["ticks"] + parts["legendText"] + parts["axisTitle"]) >= 14, parts
    assert page.evaluate(OVERFLOW_JS) == [0, 0], "the page is wider than the window"
    assert page.locator("[data-testid=stException]").count() == 0
    assert watched.errors == [] and watched.outside == []
    watched.screenshot(f"compare-default-{watched.size[0]}x{watched.size[1]}")


def test_a_pair_that_shares_nothing_is_told_so_and_offered_one_that_does(sized, app_url):
    watched = sized
    first, second = LONELY
    watched.open(app_url + f"/compare?cases={first}&cases={second}")
    page = watched.page
    info = page.locator("[data-testid=stAlertContentInfo]")
    expect(info).to_contain_text(f"{DATA.short_titles[first]} and {DATA.short_titles[second]} share no comparable "
                                 "figure")
    expect(page.locator("[data-testid=stPlotlyChart]")).to_have_count(0)
    model = compare.compare_page(DATA, VIEW, list(LONELY))
    button = page.get_by_role("button", name=model.suggestion_label)
    expect(button).to_be_visible()
    assert page.evaluate(OVERFLOW_JS) == [0, 0]
    watched.screenshot(f"compare-none-{watched.size[0]}x{watched.size[1]}")
    button.click()
    expect(page).to_have_url(re.compile("".join(rf".*cases={case}" for case in model.suggestion)), timeout=30_000)
    expect(page.locator("[data-testid=stPlotlyChart] .js-plotly-plot").first).to_be_visible(timeout=60_000)
    expect(info).to_have_count(0)
