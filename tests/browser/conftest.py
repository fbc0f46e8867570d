"""Browser fixtures: the app served by `streamlit run` on a free loopback port, and Debian's Chromium.

Under CI=true a missing browser fails the run; elsewhere the browser tests skip with the reason.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from atlas.store import ROOT
from bench import probes
from bench.server import CHROMIUM, CHROMIUM_ARGS, serve, stop

SCREENSHOTS = ROOT / "screenshots"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    process, base = serve()
    yield base
    stop(process)


@pytest.fixture(scope="session")
def chromium() -> str:
    if not Path(CHROMIUM).exists() and not shutil.which(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium not found at {CHROMIUM}: .ci/run installs it with apt-get")
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)")
    return CHROMIUM


@pytest.fixture(scope="session")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


class Watched:
    """A page that records requests leaving the machine, JavaScript errors and console errors."""

    def __init__(self, page):
        self.page = page
        self.outside: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _request(self, request) -> None:
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about"):
            return
        if url.hostname not in LOCAL_HOSTS:
            self.outside.append(request.url)

    def open(self, url: str, timeout: float = 60_000) -> None:
        self.page.goto(url)
        self.settle(timeout)

    def settle(self, timeout: float = 60_000) -> None:
        """Wait until the page has settled (bench/probes.py: the script finished, nothing still loading, every
        Plotly chart and map drawn) and stayed so for half a second: a rerun may start right after the first
        run settles (a URL update), and a map loads again as its layers are updated."""
        probes.settle(self.page, timeout)

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


# A projector and a laptop: the sizes every readability check runs at.
SIZES = [(1280, 720), (1440, 900)]


@pytest.fixture(params=SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def sized(request, browser) -> Iterator[Watched]:
    """A watched page in a window of each size in SIZES (`.size` says which)."""
    context = browser.new_context(viewport={"width": request.param[0], "height": request.param[1]})
    watched = Watched(context.new_page())
    watched.size = request.param
    yield watched
    context.close()


@pytest.fixture
def watched(browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    yield Watched(page)
    context.close()
