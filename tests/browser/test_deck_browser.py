"""The deck on a projector: every slide fits the window with no scroll bar, the keys move it, type is large."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from atlas.store import load
from tests.browser.conftest import Watched

SIZES = [(1280, 720), (1366, 768), (1920, 1080)]
FITS_JS = """() => {
    const main = document.querySelector('[data-testid=stMain]');
    return [main.scrollHeight - main.clientHeight, main.scrollWidth - main.clientWidth,
            document.documentElement.scrollHeight - innerHeight];
}"""
KEYS_FORWARD = ["ArrowRight", "PageDown", "Space"]
FULL = len(load().cases) + 3  # title, national picture, the cases, sources


def _slide(page) -> int:
    return int(re.search(r"slide=(\d+)", page.url).group(1)) if "slide=" in page.url else 1


def _walk(watched: Watched, url: str, size: tuple[int, int], count: int) -> None:
    page = watched.page
    watched.open(url)
    expect(page.locator("[data-testid=stSidebar]")).to_have_attribute("data-collapsed", "true")
    position = page.locator(".st-key-deck_controls [data-testid=stCaptionContainer]")
    for number in range(1, count + 1):
        expect(position).to_have_text(f"Slide {number} of {count}", timeout=30_000)
        watched.settle()
        assert page.locator("[data-testid=stException]").count() == 0
        assert page.evaluate(FITS_JS) == [0, 0, 0], f"slide {number} does not fit {size}"
        watched.screenshot(f"deck-{size[0]}x{size[1]}-{number}") if size == SIZES[0] else None
        if number < count:  # each forward key in turn
            page.keyboard.press(KEYS_FORWARD[number % len(KEYS_FORWARD)])
            expect(page).to_have_url(re.compile(rf"slide={number + 1}(&|$)"), timeout=30_000)


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_slide_fits_and_the_keys_move_it(browser, app_url, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    watched = Watched(context.new_page())
    _walk(watched, f"{app_url}/present", size, FULL)
    page = watched.page
    position = page.locator(".st-key-deck_controls [data-testid=stCaptionContainer]")
    for key, number in (("Home", 1), ("End", FULL), ("ArrowLeft", FULL - 1), ("PageUp", FULL - 2)):
        page.keyboard.press(key)
        expect(page).to_have_url(re.compile(rf"slide={number}(&|$)"), timeout=30_000)
        expect(position).to_have_text(f"Slide {number} of {FULL}", timeout=30_000)  # the buttons are redrawn
        watched.settle()
    assert watched.errors == [] and watched.outside == []
    context.close()


@pytest.fixture
def projector(browser):
    """A page at a projector's 1280 x 720."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    yield Watched(context.new_page())


def test_a_filtered_deck_fits_too(projector, app_url):
    watched = projector
    _walk(watched, f"{app_url}/present?province=chongqing&sector=new-energy-vehicles", (1280, 720), 4)
    expect(watched.page.locator("h1")).to_have_text("Sources")


def test_figures_read_from_the_back_of_the_room(projector, app_url):
    watched = projector
    watched.open(f"{app_url}/present?slide=4")  # Anhui: four figures
    page = watched.page
    numbers = page.locator("[class*=st-key-deck_number_] p")
    expect(numbers).to_have_count(4)
    sizes = page.evaluate("""() => ['deck_number_', 'deck_label_'].map(key =>
        Math.min(...[...document.querySelectorAll(`[class*=st-key-${key}] p`)].map(
            p => parseFloat(getComputedStyle(p).fontSize))))""")
    assert sizes[0] >= 48 and sizes[1] >= 20, sizes
    expect(page.get_by_text("Xinhua Institute 2024, §5.2").first).to_be_visible()


def test_speaker_notes_open_from_the_link(projector, app_url):
    watched = projector
    watched.open(f"{app_url}/present?slide=4&notes=1")
    page = watched.page
    notes = page.locator(".st-key-deck_notes_pane")
    expect(notes).to_contain_text("laying 1,147 kilometers of network fiber")
    page.locator(".st-key-deck_notes").get_by_text("Speaker notes").click()
    expect(page).not_to_have_url(re.compile(r"notes=1"), timeout=30_000)
    expect(notes).to_have_count(0)


def test_the_filters_button_opens_and_closes_the_sidebar(projector, app_url):
    watched = projector
    watched.open(f"{app_url}/present?slide=3")
    page = watched.page
    sidebar = page.locator("[data-testid=stSidebar]")
    button = page.locator(".st-key-deck_controls").get_by_role("button", name="Filters")
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    button.click()
    expect(sidebar).to_have_attribute("data-collapsed", "false", timeout=30_000)
    expect(sidebar.locator("[data-testid=stMultiSelect]")).to_have_count(5)
    button.click()
    expect(sidebar).to_have_attribute("data-collapsed", "true", timeout=30_000)
