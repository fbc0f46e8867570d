"""The benchmark: our pages side by side with a bare Streamlit page, in one run, on this machine.

    python -m bench.run [--quick]     (or: make bench)

Every figure is measured here and written to bench/results.md; nothing is typed in. Samples alternate between
our page and the baseline so that machine noise falls on both alike; medians are reported.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from atlas import pages
from bench import load, synth
from bench.probes import ARM_JS, QUIET_JS, REDRAW_SECONDS_JS, SETTLED_JS
from bench.server import CHROMIUM, CHROMIUM_ARGS, ROOT, rss_mb, serve, stop

BASELINE = ROOT / "bench" / "baseline.py"
RESULTS = ROOT / "bench" / "results.md"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PAGES = [page.path for page in pages.PAGES]  # from the registry

Row = tuple[str, float, float | None, str, str]  # figure, ours, baseline, unit, target
T0 = time.perf_counter()


def log(message: str) -> None:
    """Progress on stderr: a full run takes many minutes, and a stuck step should be visible."""
    print(f"[bench {time.perf_counter() - T0:6.0f}s] {message}", file=sys.stderr, flush=True)


class Browser:
    def __init__(self, playwright):
        self.instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)

    def settle_time(self, url: str) -> float:
        """Seconds from navigation to settled (script finished, every chart drawn), in a fresh context."""
        context = self.instance.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        start = time.perf_counter()
        page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
        page.wait_for_function(SETTLED_JS, timeout=120_000)
        elapsed = time.perf_counter() - start
        context.close()
        return elapsed

    def bytes_per_load(self, url: str) -> tuple[int, int]:
        """Bytes received for one page load in a fresh browser: (all of it, the app's own WebSocket messages).
        HTTP bodies count as encoded on the wire; the rest is Streamlit's front end, the same for any app."""
        context = self.instance.new_context()
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        total = {"http": 0, "ws": 0}

        def frame(event):
            payload = event["response"]["payloadData"]
            total["ws"] += len(base64.b64decode(payload)) if event["response"]["opcode"] == 2 else len(payload)

        cdp.on("Network.loadingFinished", lambda e: total.__setitem__("http", total["http"] + e["encodedDataLength"]))
        cdp.on("Network.webSocketFrameReceived", frame)
        page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
        page.wait_for_function(SETTLED_JS, timeout=120_000)
        page.wait_for_timeout(500)
        context.close()
        return total["http"] + total["ws"], total["ws"]

    def change_time(self, url: str, act: Callable) -> float:
        """Seconds from the last click of a filter change to the redrawn page."""
        context = self.instance.new_context(viewport={"width": 1400, "height": 1000})
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
        page.wait_for_function(SETTLED_JS, timeout=120_000)
        page.wait_for_timeout(300)
        act(page)
        page.wait_for_function(QUIET_JS, timeout=120_000, polling=50)
        elapsed = page.evaluate(REDRAW_SECONDS_JS)
        context.close()
        return elapsed

    def open_sessions(self, url: str, count: int) -> list:
        contexts = []
        for _ in range(count):
            context = self.instance.new_context()
            page = context.new_page()
            page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
            page.wait_for_function(SETTLED_JS, timeout=120_000)
            contexts.append(context)
        return contexts


def choose_sector(page) -> None:
    page.locator("[data-testid=stMultiSelect]").first.click()
    option = page.get_by_role("option", name=re.compile(r"^Quantum information \(\d+\)$"))
    option.wait_for()
    page.evaluate(ARM_JS)
    option.click()


def next_slide(page) -> None:
    page.evaluate(ARM_JS)
    page.keyboard.press("ArrowRight")


def choose_series(page) -> None:
    page.locator("[data-testid=stSelectbox]").first.click()
    option = page.get_by_role("option", name="b")
    option.wait_for()
    page.evaluate(ARM_JS)
    option.click()


def median_alternating(ours: Callable[[], float], base: Callable[[], float], runs: int) -> tuple[float, float]:
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(base())
    return statistics.median(a), statistics.median(b)


def deck_times(runs: int) -> list[Row]:
    """Seconds to write the whole deck of the ten cases as PPTX and as PDF (warm: fonts and maps loaded once)."""
    from atlas import deck, filters, store

    data = store.load()
    selection = filters.Filter()
    view = filters.apply(data, selection)
    rows: list[Row] = []
    for kind in ("pptx", "pdf"):
        deck.file(kind, lambda: deck.slides(data, view, selection))  # warm
        times = []
        for _ in range(max(3, runs // 2)):
            start = time.perf_counter()
            deck.file(kind, lambda: deck.slides(data, view, selection))
            times.append(time.perf_counter() - start)
        rows.append((f"deck export, {kind.upper()} of {deck.count(view)} slides", statistics.median(times), None, "s",
                     "< 3 s"))
    return rows


def script_time(page: pages.Page | None, runs: int, env_data: Path | None = None) -> float:
    """Median seconds of one warm rerun of a page with its sample query (None: the baseline), in AppTest
    (script time only, no browser)."""
    import os
    from urllib.parse import parse_qs

    from tests.apptest import open_page

    previous = os.environ.get("ATLAS_DATA")
    if env_data:
        os.environ["ATLAS_DATA"] = str(env_data)
    try:
        if page is None:
            app = AppTest.from_file(str(BASELINE), default_timeout=300).run()
        else:
            app = open_page(page.key, parse_qs(page.sample), timeout=300)
        app.run()  # warm the caches
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            app.run()
            times.append(time.perf_counter() - start)
        if app.exception:
            raise RuntimeError(f"{page}: {app.exception[0].message}")
        return statistics.median(times)
    finally:
        if env_data:
            if previous is None:
                os.environ.pop("ATLAS_DATA", None)
            else:
                os.environ["ATLAS_DATA"] = previous


def measure(runs: int, cold_runs: int) -> list[Row]:
    rows: list[Row] = []
    with sync_playwright() as playwright:
        browser = Browser(playwright)
        # Cold: the first load of each page after the server starts (empty caches), alternating servers.
        cold: dict[str, list[float]] = {path: [] for path in PAGES}
        cold_base: list[float] = []
        for _ in range(cold_runs):
            ours, ours_url = serve()
            base, base_url = serve(BASELINE)
            try:
                log("cold loads")
                for path in PAGES:
                    cold[path].append(browser.settle_time(ours_url + path))
                    if path == "/":
                        cold_base.append(browser.settle_time(base_url))
            finally:
                stop(ours)
                stop(base)
        ours, ours_url = serve()
        base, base_url = serve(BASELINE)
        try:
            base_cold = statistics.median(cold_base)
            for path in PAGES:
                rows.append((f"settle {path}, cold (first load after start)", statistics.median(cold[path]),
                             base_cold, "s", ""))
            for path in PAGES:
                log(f"warm settle {path}")
                browser.settle_time(ours_url + path)  # warm the server's caches for this page
                mine, theirs = median_alternating(lambda p=path: browser.settle_time(ours_url + p),
                                                  lambda: browser.settle_time(base_url), runs)
                rows.append((f"settle {path}, warm", mine, theirs, "s", "ratio <= 1.5"))
            log("filter change")
            mine, theirs = median_alternating(lambda: browser.change_time(ours_url + "/", choose_sector),
                                              lambda: browser.change_time(base_url, choose_series), runs)
            rows.append(("filter change -> redrawn page (Overview, sector)", mine, theirs, "s", "ratio <= 1.5"))
            log("slide change")
            mine, theirs = median_alternating(lambda: browser.change_time(ours_url + "/present?slide=3", next_slide),
                                              lambda: browser.change_time(base_url, choose_series), runs)
            rows.append(("slide change (right arrow) -> redrawn slide", mine, theirs, "s", "ratio <= 1.5"))
            log("bytes per load")
            base_all, base_app = browser.bytes_per_load(base_url)
            for path in ("/", "/map"):
                everything, app = browser.bytes_per_load(ours_url + path)
                rows.append((f"bytes per load {path}: all (front end + app data)", everything / 1e6, base_all / 1e6,
                             "MB", ""))
                rows.append((f"bytes per load {path}: app data (WebSocket)", app / 1e6, base_app / 1e6, "MB",
                             "< 1 MB" if path == "/map" else ""))
            log("memory")
            start_ours, start_base = rss_mb(ours), rss_mb(base)
            one = browser.open_sessions(ours_url + "/map", 1)
            one_base = browser.open_sessions(base_url, 1)
            rows.append(("server memory, 1 session", rss_mb(ours), rss_mb(base), "MB", ""))
            ten = browser.open_sessions(ours_url + "/map", 9)
            ten_base = browser.open_sessions(base_url, 9)
            rows.append(("server memory, 10 sessions", rss_mb(ours), rss_mb(base), "MB", ""))
            rows.append(("memory added by 10 sessions (vs idle server)", rss_mb(ours) - start_ours,
                         rss_mb(base) - start_base, "MB", "< 150 MB"))
            for context in one + one_base + ten + ten_base:
                context.close()
        finally:
            stop(ours)
            stop(base)
        browser.instance.close()

    log("deck files")
    rows += deck_times(runs)
    log("script time (AppTest)")
    base_script = script_time(None, runs)
    for page in pages.PAGES:
        rows.append((f"script time per rerun {page.path} (AppTest, warm)", script_time(page, runs),
                     base_script, "s", ""))
    with tempfile.TemporaryDirectory() as folder:
        for count in (10, 100, 1000):
            log(f"scale {count}")
            data = synth.make(count, Path(folder) / f"data{count}")
            for key in ("overview", "map", "timeline", "sources"):
                rows.append((f"scale: rerun {key} with {count:,} cases",
                             script_time(pages.BY_KEY[key], max(3, runs // 2), data),
                             base_script, "s",
                             "< 1 s at 1,000 cases" if count == 1000 else ""))
    return rows


def table(rows: list[Row]) -> str:
    lines = ["| figure | ours | baseline | ratio | target |", "|---|---:|---:|---:|---|"]
    for name, ours, base, unit, target in rows:
        ratio = f"{ours / base:.2f}" if base else ""
        shown = f"{base:.3f} {unit}" if base is not None else "none"  # an export has no baseline to run
        lines.append(f"| {name} | {ours:.3f} {unit} | {shown} | {ratio} | {target} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--runs", type=int, default=7, help="alternating samples per figure (median reported)")
    parser.add_argument("--cold-runs", type=int, default=3, help="server restarts for the cold figures")
    parser.add_argument("--quick", action="store_true", help="3 runs, 1 cold run: a smoke test of the bench")
    args = parser.parse_args(argv)
    runs, cold_runs = (3, 1) if args.quick else (args.runs, args.cold_runs)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    rows = measure(runs, cold_runs)
    log("many viewers (bench.load)")
    viewers = asyncio.run(load.measure(10, 10))
    text = (f"# Benchmark results\n\nWritten by `make bench` (`python -m bench.run`) on {started}: {runs} alternating "
            f"runs per warm figure, {cold_runs} server start(s) for the cold ones; medians. Baseline: "
            "`bench/baseline.py`, a bare Streamlit page with one small Plotly chart and one select box, served by "
            "the same Streamlit build. Ratio = ours / baseline.\n\n" + table(rows) + "\n\n"
            "Many viewers (`python -m bench.load`): 10 browser sessions at once on one server, each typing ten "
            "searches in turn, on seven different pages:\n\n" + viewers.text().replace("\n", "  \n") + "\n")
    RESULTS.write_text(text, encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    if START in readme and END in readme:  # the README shows the latest table, copied here, never by hand
        head, rest = readme.split(START, 1)
        README.write_text(head + START + "\n" + text.split("\n", 2)[2].strip() + "\n" + END
                          + rest.split(END, 1)[1], encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
