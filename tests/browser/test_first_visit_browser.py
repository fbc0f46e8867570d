"""A fresh server serves the whole app whatever URL its first visitor opens.

With pages/ beside the entry script Streamlit starts in its legacy multipage mode, where a first request for
/map runs pages/map.py alone; the frame (atlas/ui.py) must still draw the same links, filters and layout.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from atlas import pages
from bench.server import serve, stop
from tests.browser.conftest import Watched


@pytest.mark.parametrize("page", pages.PAGES, ids=[page.key for page in pages.PAGES])
def test_a_fresh_servers_first_visit_gets_the_whole_app(browser, page):
    process, base = serve()
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 720})
        watched = Watched(context.new_page())
        query = "&".join(part for part in (page.sample, "sector=aerospace") if part)
        watched.open(f"{base}/{page.url_path}?{query}")
        view = watched.page
        links = view.locator("[data-testid=stSidebar] [data-testid=stPageLink]")
        # Each link is its Material icon's name (drawn as the icon) and its title: both from the registry.
        expect(links).to_have_text([p.icon.split("/")[1].rstrip(":") + p.title for p in pages.PAGES])
        hrefs = [a.get_attribute("href") for a in links.locator("a").all()]
        # The links carry the filters, and the first visit knows the real pages: Overview is /, not /overview.
        assert hrefs == [f"{p.url_path}?sector=aerospace" for p in pages.PAGES]
        expect(view.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]")).to_have_count(5)
        expect(view.locator("[data-testid=stSidebarNav]")).to_have_count(0)  # no menu of file names
        expect(view.get_by_text("dashboard", exact=True)).to_have_count(0)
        expect(view).to_have_url(re.compile(r"sector=aerospace"))
        expect(view).to_have_title(f"{page.title} · NQP Atlas")
        width = view.locator("[data-testid=stMainBlockContainer]").evaluate("e => e.getBoundingClientRect().width")
        assert width > 800, f"wide layout: the main column is {width} px of 1280"
        assert watched.errors == []
        context.close()
    finally:
        stop(process)
