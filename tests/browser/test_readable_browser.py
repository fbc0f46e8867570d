"""Every page on a projector (1280x720) and a laptop (1440x900): nothing wider than the window, no text cut off
by its container, and every case page's links and cards whole."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from atlas import pages
from atlas.store import load

# Text the page cut short: an element that hides its overflow (or ends it with an ellipsis) and holds more than it
# shows. Only what is on screen counts (closed popovers and menus are not).
CUT_JS = """() => [...document.querySelectorAll('[data-testid=stMain] *, [data-testid=stSidebar] *')]
    .filter(e => e.getClientRects().length && e.clientWidth > 0 && e.textContent.trim())
    // Tables and charts draw their own text; a menu's chips are Streamlit's own, and show whole on hover.
    .filter(e => !e.closest('[data-testid=stDataFrame], [data-testid=stPlotlyChart], [data-baseweb=select]'))
    .filter(e => {
        const style = getComputedStyle(e);
        const clips = value => value === 'hidden' || value === 'clip';
        const wide = (style.textOverflow === 'ellipsis' || clips(style.overflowX)) && e.scrollWidth > e.clientWidth + 1;
        const tall = clips(style.overflowY) && e.scrollHeight > e.clientHeight + 1;  // a clamp to N lines
        return wide || tall;
    })
    .map(e => e.textContent.trim().slice(0, 80))"""

SIZES = [(1280, 720), (1440, 900)]
CASES = list(load().cases["case_id"])


def _open(browser, url: str, size: tuple[int, int]):
    from tests.browser.conftest import Watched
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    watched = Watched(context.new_page())
    watched.open(url)
    return context, watched


def _check(watched, size) -> None:
    page = watched.page
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), "page wider than the window"
    main = page.locator("[data-testid=stMain]")
    assert main.evaluate("m => m.scrollWidth <= m.clientWidth + 1"), "main area wider than its box"
    assert page.evaluate(CUT_JS) == []
    assert watched.errors == [] and watched.outside == [], (watched.errors, watched.outside)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("page", [p for p in pages.PAGES if p.key != "case"], ids=lambda p: p.key)
def test_pages_fit_and_cut_no_text(browser, app_url, page, size):
    context, watched = _open(browser, f"{app_url}{page.path}", size)
    try:
        _check(watched, size)
        watched.screenshot(f"readable-{page.key}-{size[0]}")
    finally:
        context.close()


@pytest.mark.parametrize("case_id", CASES)
def test_every_case_page_reads_at_1280(browser, app_url, case_id):
    context, watched = _open(browser, f"{app_url}/case?case={case_id}", (1280, 720))
    try:
        _check(watched, (1280, 720))
        boxes = [b for b in watched.page.locator(".st-key-case_cards [data-testid=stHeadingWithActionElements]")
                 .evaluate_all("hs => hs.map(h => h.getBoundingClientRect().left)")]
        assert len(set(round(x) for x in boxes)) >= 2 or len(boxes) <= 1, "cards share a row when there are several"
        # No word broken across lines inside a card (a line may end after a hyphen or a slash, as in print).
        broken = watched.page.locator(".st-key-case_cards").evaluate("""el => [...el.querySelectorAll('p, h3')]
            .filter(p => p.getClientRects().length)
            .flatMap(p => { const r = document.createRange(); const out = [];
                const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT); let node;
                while ((node = walker.nextNode())) { let at = 0;
                    for (const word of node.textContent.split(/(\\s+|-|\\/)/)) {
                        if (word.trim()) { r.setStart(node, at); r.setEnd(node, at + word.length);
                            if (r.getClientRects().length > 1) out.push(word); }
                        at += word.length; } }
                return out; })""")
        assert broken == [], f"words broken across lines: {broken}"
        related = watched.page.locator(".st-key-case_related [data-testid=stPageLink]")
        for index in range(related.count()):
            link = related.nth(index)
            box, main = link.bounding_box(), watched.page.locator("[data-testid=stMain]").bounding_box()
            assert box["x"] + box["width"] <= main["x"] + main["width"] + 1
        watched.screenshot(f"readable-case-{case_id}")
    finally:
        context.close()


def test_overview_at_a_glance_leads_to_the_filtered_views(browser, app_url):
    context, watched = _open(browser, f"{app_url}/", (1280, 720))
    try:
        page = watched.page
        glance = page.locator("[data-testid=stMain] [data-testid=stImage] img").first
        expect(glance).to_be_visible()
        expect(page.get_by_role("link", name="Open the map")).to_have_attribute("href", "map")
        sectors = page.locator(".st-key-glance_sector button")
        expect(sectors.first).to_contain_text("(4)")  # most cases first
        expect(page.locator(".st-key-glance_tier button")).to_have_count(3)
        page.locator(".st-key-glance_sector button", has_text="Quantum information").click()
        expect(page).to_have_url(re.compile(r"\?sector=quantum-information$"), timeout=30_000)
        watched.settle()
        expect(page.get_by_role("heading", name=re.compile("1 of 10 cases"))).to_be_visible()
        expect(page.get_by_role("link", name="Open the map")).to_have_attribute("href",
                                                                              "map?sector=quantum-information")
        # Tiers count what the other filters leave: Anhui's quantum industry is the one case, a future industry.
        expect(page.locator(".st-key-glance_tier button")).to_have_text(["Future industry (1)"])
        page.locator(".st-key-glance_tier button", has_text="Future industry").click()
        expect(page).to_have_url(re.compile(r"tier=future"), timeout=30_000)
        assert watched.errors == []
    finally:
        context.close()


def test_every_slide_shows_its_text_whole_at_1280(browser, app_url):
    context, watched = _open(browser, f"{app_url}/present", (1280, 720))
    try:
        count = int(re.search(r"Slide 1 of (\d+)", watched.page.locator("[data-testid=stMain]").inner_text())[1])
        assert count >= 12
        for number in range(1, count + 1):
            if number > 1:
                watched.page.goto(f"{app_url}/present?slide={number}")
                watched.settle()
            expect(watched.page.get_by_text(f"Slide {number} of {count}")).to_be_visible()
            assert watched.page.evaluate(CUT_JS) == [], f"slide {number}"
            assert watched.page.evaluate("document.scrollingElement.scrollHeight <= innerHeight"), f"slide {number}"
        assert watched.errors == []
    finally:
        context.close()
