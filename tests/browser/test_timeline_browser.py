"""The timeline on a projector: it opens on the years where the events are, names the 1988 event it leaves out,
widens to every year from a control kept in the URL, reads at 14 px or more and never overflows the window."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from atlas import filters, timeline
from atlas.filters import Filter
from atlas.store import load

OVERFLOW_JS = """() => [document.scrollingElement.scrollWidth - innerWidth,
    (m => m.scrollWidth - m.clientWidth)(document.querySelector('[data-testid=stMain]'))]"""
# Every text of the chart's axes, with its rendered size and whether it lies inside the chart's box.
AXIS_TEXT_JS = """chart => {
    const box = chart.getBoundingClientRect();
    return [...chart.querySelectorAll('.xtick text, .ytick text, .g-xtitle text')].map(t => {
        const r = t.getBoundingClientRect();
        return {text: t.textContent, size: parseFloat(getComputedStyle(t).fontSize),
                inside: r.left >= box.left - 0.5 && r.right <= box.right + 0.5 && r.width > 0};
    });
}"""


def _xticks(page):
    return page.locator("[data-testid=stPlotlyChart] .xtick text")


def _check_fits_and_reads(watched) -> None:
    page = watched.page
    assert page.evaluate(OVERFLOW_JS) == [0, 0], "the page is wider than the window"
    texts = page.locator("[data-testid=stPlotlyChart] .js-plotly-plot").first.evaluate(AXIS_TEXT_JS)
    assert any(t["text"] == "National" for t in texts)
    assert [t for t in texts if t["size"] < 14] == [], "axis text smaller than 14 px"
    assert [t["text"] for t in texts if not t["inside"]] == [], "axis text cut off"


def test_timeline_frames_the_events_and_widens_to_1988(sized, app_url):
    watched = sized
    size = f"{watched.size[0]}x{watched.size[1]}"
    watched.open(app_url + "/timeline")
    page = watched.page
    ticks = _xticks(page)
    expect(ticks.first).to_be_attached(timeout=60_000)
    expect(ticks.first).not_to_have_text("1988")
    years = [int(text) for text in ticks.all_text_contents()]
    assert years[0] > 2000 and 2024 in years, years
    note = page.get_by_text(re.compile(r"^\d+ earlier events?, before \d{4}: 1988 — Wuhan East Lake High-Tech Zone"))
    expect(note).to_be_visible()
    _check_fits_and_reads(watched)
    watched.screenshot(f"timeline-{size}")

    page.get_by_text("Show all years, from 1988").click()
    expect(page).to_have_url(re.compile(r"[?&]all_years=1(&|$)"), timeout=30_000)
    expect(ticks.first).to_have_text("1988", timeout=30_000)
    watched.settle()
    expect(note).to_be_visible()  # the control stays, to narrow again
    _check_fits_and_reads(watched)
    watched.screenshot(f"timeline-all-years-{size}")

    page.get_by_text("Show all years, from 1988").click()
    expect(page).not_to_have_url(re.compile(r"all_years"), timeout=30_000)
    expect(ticks.first).not_to_have_text("1988", timeout=30_000)
    assert watched.errors == [] and watched.outside == []


def test_a_link_with_all_years_opens_widened_and_the_table_lists_every_event(sized, app_url):
    watched = sized
    data = load()
    model = timeline.timeline_page(data, filters.apply(data, Filter(sectors=("optoelectronics",))), national=True)
    assert "1988-wuhan-east-lake-high-tech-zone" in set(model.lanes["id"])
    watched.open(app_url + "/timeline?all_years=1&sector=optoelectronics")
    page = watched.page
    expect(_xticks(page).first).to_have_text("1988", timeout=60_000)
    expect(page.get_by_role("switch", name="Show all years, from 1988")).to_be_checked()
    _check_fits_and_reads(watched)
    # The table below lists every event in view, the 1988 one too, whichever span the axis shows.
    expect(page.get_by_text(model.count, exact=True)).to_be_visible()
    assert watched.errors == [] and watched.outside == []
