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
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from atlas import pages
from bench import load, synth
from bench.probes import (
    ARM_JS,
    PHASED_JS,
    PHASES,
    PHASES_JS,
    POLL_MS,
    QUIET_JS,
    REDRAW_SECONDS_JS,
    SERVER_PART_JS,
    SETTLED_AGO_JS,
    STATE_JS,
    WEBSOCKET_SPY_JS,
    settle,
)
from bench.server import CHROMIUM, MANY_PAGES_ARGS, ROOT, rss_mb, serve, stop

BASELINE = ROOT / "bench" / "baseline.py"
BASELINE_MAP = ROOT / "bench" / "baseline_map.py"
RESULTS = ROOT / "bench" / "results.md"
README = ROOT / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PAGES = [page.path for page in pages.PAGES]  # from the registry
SLIDES = ["/present?slide=3"]  # besides /present (the title slide): a case slide, figures and a locator map
PROBE = ("Settled means: the script has finished (`data-test-script-state=\"notRunning\"`), no element is still "
         "loading (no `stSkeleton`), every chart holds `.js-plotly-plot .main-svg`, and every map subplot's "
         "MapLibre map reports `loaded()` and `areTilesLoaded()`; the time is when that began, and it held for "
         "half a second (`bench/probes.py`).")


@dataclass(frozen=True)
class Target:
    """What a figure must meet: its ratio to the baseline at most `limit`, or (ratio=False) its value under it."""

    limit: float
    ratio: bool = True

    def met(self, ours: float, base: float | None) -> bool:
        if self.ratio:  # judged on the ratio as the table shows it, to two places
            return base is not None and base > 0 and round(ours / base, 2) <= self.limit
        return ours < self.limit

    def describe(self, unit: str) -> str:
        return f"ratio <= {self.limit:g}" if self.ratio else f"< {self.limit:g} {unit}"


Row = tuple[str, float, float | None, str, Target | None]  # figure, ours, baseline, unit, target
T0 = time.perf_counter()


def log(message: str) -> None:
    """Progress on stderr: a full run takes many minutes, and a stuck step should be visible."""
    print(f"[bench {time.perf_counter() - T0:6.0f}s] {message}", file=sys.stderr, flush=True)


LOAD_TIMEOUT = 60_000  # ms: a warm page settles in under 5 s here; one that has not in 60 s is stuck
ATTEMPTS = 3


class Browser:
    def __init__(self, playwright):
        self.instance = playwright.chromium.launch(executable_path=CHROMIUM, args=MANY_PAGES_ARGS, headless=True)
        self.phases: dict[str, list[dict]] = {}  # url -> each load's phases (probes.PHASES), ms from navigation
        self.splits: dict[str, list[tuple[int, float]]] = {}  # url -> each change's (messages, server seconds)
        self.stuck: list[str] = []  # loads that never settled and were made again, with the maps' state

    def _context(self):
        context = self.instance.new_context(viewport={"width": 1400, "height": 1000})
        context.add_init_script(WEBSOCKET_SPY_JS)
        return context

    def settle_time(self, url: str) -> float:
        """Seconds from navigation to settled (bench/probes.py: script finished, nothing loading, every chart and
        map drawn), in a fresh context. The probe's hold is taken off: the page settled when it began.
        A load that has not settled in LOAD_TIMEOUT is logged with its maps' state and made again (a handful of
        times in thousands of loads a fresh /map never reported its tiles loaded); the results say how often."""
        for attempt in range(ATTEMPTS):
            context = self._context()
            page = context.new_page()
            start = time.perf_counter()
            page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
            page.bring_to_front()  # a map draws only in frames, and only the front page is sure to get them
            try:
                page.wait_for_function(PHASED_JS, timeout=LOAD_TIMEOUT, polling=POLL_MS)
            except PlaywrightTimeout:
                state = page.evaluate(STATE_JS)
                self.stuck.append(f"{url.split('/', 3)[-1] or '/'} (maps: {state})")
                log(f"not settled in {LOAD_TIMEOUT / 1000:g} s, attempt {attempt + 1}: {url}; maps: {state}")
                context.close()
                continue
            ago = page.evaluate(SETTLED_AGO_JS)
            elapsed = time.perf_counter() - start - ago
            self.phases.setdefault(url, []).append(page.evaluate(PHASES_JS))
            context.close()
            return elapsed
        raise RuntimeError(f"{url} did not settle in {ATTEMPTS} loads of {LOAD_TIMEOUT / 1000:g} s")

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
        settle(page, reset=False)
        context.close()
        return total["http"] + total["ws"], total["ws"]

    def change_time(self, url: str, act: Callable) -> float:
        """Seconds from the last click of a filter change to the redrawn page; how many messages the server
        sent for it and when the last arrived are kept in self.splits."""
        context = self._context()
        page = context.new_page()
        page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
        settle(page, reset=False)
        act(page)
        page.wait_for_function(QUIET_JS, timeout=120_000, polling=50)
        elapsed = page.evaluate(REDRAW_SECONDS_JS)
        count, server = page.evaluate(SERVER_PART_JS)
        self.splits.setdefault(url, []).append((count, server))
        context.close()
        return elapsed

    def open_sessions(self, url: str, count: int) -> list:
        contexts = []
        for _ in range(count):
            context = self.instance.new_context()
            page = context.new_page()
            page.goto(url, wait_until="commit", timeout=120_000)  # settled is the end that matters, not "load"
            page.bring_to_front()  # a page behind others gets no frames, and a map draws only in frames
            settle(page, reset=False)
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


EXPORT = Target(3, ratio=False)  # seconds from asking for a deck file to having it (or its refusal)


def _export(kind: str, folder: Path | None, runs: int) -> tuple[float, str]:
    """Median seconds to write the deck of every case in `folder` (None: data/) as `kind`, warm (fonts and maps
    loaded once), and what came of it: the slide count, or the refusal's words."""
    from atlas import deck, filters, store

    data = store.load(folder) if folder else store.load()
    selection = filters.Filter()
    view = filters.apply(data, selection)

    def once() -> str:
        try:
            deck.file(kind, lambda: deck.slides(data, view, selection))
        except ValueError as refusal:  # past SLIDE_LIMIT: the words the Present page shows instead of a file
            return f"refused: “{refusal}”"
        return f"{deck.count(view)} slides"

    once()  # warm
    times = []
    for _ in range(max(3, runs // 2)):
        start = time.perf_counter()
        outcome = once()
        times.append(time.perf_counter() - start)
    return statistics.median(times), outcome


def deck_times(runs: int, scratch: Path) -> list[Row]:
    """The deck as PPTX and PDF: of the ten cases; of as many generated cases as a file may hold (the largest
    deck anyone can download); and of 1,000 generated cases, which must be refused, quickly."""
    from atlas import deck

    most = synth.make(deck.SLIDE_LIMIT - 3, scratch / "deck-limit")  # title, national and sources slides besides
    thousand = synth.make(1000, scratch / "deck-1000")
    rows: list[Row] = []
    for folder, what in ((None, "10 cases"), (most, f"{deck.SLIDE_LIMIT - 3} generated cases"),
                         (thousand, "1,000 generated cases")):
        for kind in ("pptx", "pdf"):
            seconds, outcome = _export(kind, folder, runs)
            rows.append((f"deck export, {kind.upper()}, {what}: {outcome}", seconds, None, "s", EXPORT))
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


PAGE = Target(1.2)
CHANGE = Target(1.3)


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
        base_map, base_map_url = serve(BASELINE_MAP)
        try:
            base_cold = statistics.median(cold_base)
            for path in PAGES:
                rows.append((f"settle {path}, cold (first load after start)", statistics.median(cold[path]),
                             base_cold, "s", None))
            for path in PAGES + SLIDES:
                log(f"warm settle {path}")
                browser.settle_time(ours_url + path)  # warm the server's caches for this page
                browser.phases.pop(ours_url + path)  # the phases table shows warm loads only
                mine, theirs = median_alternating(lambda p=path: browser.settle_time(ours_url + p),
                                                  lambda: browser.settle_time(base_url), runs)
                # The map page's target is against the map baseline (next row), not a page with a small chart.
                rows.append((f"settle {path}, warm", mine, theirs, "s", None if path == "/map" else PAGE))
            log("warm settle /map against the map baseline")
            browser.settle_time(base_map_url)
            browser.phases.pop(base_map_url)
            mine, theirs = median_alternating(lambda: browser.settle_time(ours_url + "/map"),
                                              lambda: browser.settle_time(base_map_url), runs)
            rows.append(("settle /map, warm, against the map baseline (a Choroplethmap alone)", mine, theirs, "s",
                         PAGE))
            for what, url, act in (("filter change -> redrawn page (Overview, sector)", ours_url + "/", choose_sector),
                                   ("slide change (right arrow) -> redrawn slide", ours_url + "/present?slide=3",
                                    next_slide)):
                log(what)
                browser.splits.pop(base_url, None)  # the baseline's split for this comparison only
                mine, theirs = median_alternating(lambda u=url, a=act: browser.change_time(u, a),
                                                  lambda: browser.change_time(base_url, choose_series), runs)
                rows.append((what, mine, theirs, "s", CHANGE))
                name = what.split(" ->")[0]
                ours_split, base_split = browser.splits[url], browser.splits[base_url]
                rows.append((f"{name}: messages from the server", statistics.median(c for c, _ in ours_split),
                             statistics.median(c for c, _ in base_split), "messages", None))
                rows.append((f"{name}: until the server's last message arrived",
                             statistics.median(t for _, t in ours_split),
                             statistics.median(t for _, t in base_split), "s", None))
            phases = phase_table(browser.phases, ours_url, {"baseline": base_url, "map baseline": base_map_url})
            log("bytes per load")
            base_all, base_app = browser.bytes_per_load(base_url)
            for path in ("/", "/map"):
                everything, app = browser.bytes_per_load(ours_url + path)
                rows.append((f"bytes per load {path}: all (front end + app data)", everything / 1e6, base_all / 1e6,
                             "MB", None))
                rows.append((f"bytes per load {path}: app data (WebSocket)", app / 1e6, base_app / 1e6, "MB",
                             Target(1, ratio=False) if path == "/map" else None))
            log("memory")
            start_ours, start_base = rss_mb(ours), rss_mb(base)
            one = browser.open_sessions(ours_url + "/map", 1)
            one_base = browser.open_sessions(base_url, 1)
            rows.append(("server memory, 1 session", rss_mb(ours), rss_mb(base), "MB", None))
            ten = browser.open_sessions(ours_url + "/map", 9)
            ten_base = browser.open_sessions(base_url, 9)
            rows.append(("server memory, 10 sessions", rss_mb(ours), rss_mb(base), "MB", None))
            rows.append(("memory added by 10 sessions (vs idle server)", rss_mb(ours) - start_ours,
                         rss_mb(base) - start_base, "MB", Target(150, ratio=False)))
            for context in one + one_base + ten + ten_base:
                context.close()
        finally:
            stop(ours)
            stop(base)
            stop(base_map)
        stuck = browser.stuck
        browser.instance.close()

    with tempfile.TemporaryDirectory() as folder:
        log("deck files")
        rows += deck_times(runs, Path(folder))
        log("script time (AppTest)")
        base_script = script_time(None, runs)
        for page in pages.PAGES:
            rows.append((f"script time per rerun {page.path} (AppTest, warm)", script_time(page, runs),
                         base_script, "s", None))
        for count in (10, 100, 1000):
            log(f"scale {count}")
            data = synth.make(count, Path(folder) / f"data{count}")
            for page in pages.PAGES:  # every page; the case page shows its first case (the sample's id is gone)
                rows.append((f"scale: rerun {page.key} with {count:,} cases",
                             script_time(page, max(3, runs // 2), data), base_script, "s",
                             Target(1, ratio=False) if count == 1000 else None))
    return rows, phases, stuck


def phase_table(phases: dict[str, list[dict]], ours_url: str, bases: dict[str, str]) -> str:
    """Where each warm load's time went (bench/probes.py PHASED_JS), medians in seconds from navigation: when
    the server's last message arrived, when the page showed the script finished (after the browser has handled
    its messages), when every element and chart was drawn, when every map had its tiles, when the page settled
    for good. After the last message, the time is the browser's."""
    lines = ["| page | server's last message | script shown finished | drawn (charts, no skeleton) | maps loaded "
             "| settled | loads |", "|---|---:|---:|---:|---:|---:|---:|"]
    named = [(url.removeprefix(ours_url) or "/", url) for url in phases if url.startswith(ours_url)]
    named += [(name, url) for name, url in bases.items() if url in phases]
    for name, url in named:
        runs = phases[url]
        cells = [f"{statistics.median(r[p] for r in runs) / 1000:.3f} s" if all(r.get(p) is not None for r in runs)
                 else "" for p in PHASES]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {len(runs)} |")
    return "\n".join(lines)


def table(rows: list[Row]) -> str:
    """The results, each target checked here: "met" or "missed" is computed from the figures, never typed."""
    lines = ["| figure | ours | baseline | ratio | target | met? |", "|---|---:|---:|---:|---|---|"]
    for name, ours, base, unit, target in rows:
        ratio = f"{ours / base:.2f}" if base else ""
        places = 0 if unit == "messages" else 3
        shown = f"{base:.{places}f} {unit}" if base is not None else "none"  # an export has no baseline to run
        goal = target.describe(unit) if target else ""
        verdict = ("met" if target.met(ours, base) else "**missed**") if target else ""
        lines.append(f"| {name} | {ours:.{places}f} {unit} | {shown} | {ratio} | {goal} | {verdict} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run")
    parser.add_argument("--runs", type=int, default=7, help="alternating samples per figure (median reported)")
    parser.add_argument("--cold-runs", type=int, default=3, help="server restarts for the cold figures")
    parser.add_argument("--quick", action="store_true",
                        help="3 runs, 1 cold run, a small load run; prints the table and writes no file (a smoke "
                             "test of the bench, too noisy to publish)")
    args = parser.parse_args(argv)
    runs, cold_runs = (3, 1) if args.quick else (args.runs, args.cold_runs)
    sessions, changes = (3, 2) if args.quick else (10, 10)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    rows, phases, stuck = measure(runs, cold_runs)
    log("many viewers (bench.load)")
    viewers = asyncio.run(load.measure(sessions, changes))
    # The same sessions through nginx (make serve) to one and to two app processes: what a second one buys.
    proxied = {}
    for processes in (1, 2):
        log(f"many viewers through nginx, {processes} app process(es)")
        proxied[processes] = asyncio.run(load.measure(sessions, changes, processes))
    checked = [(ours, base, target) for _, ours, base, _, target in rows if target]
    missed = sum(not target.met(ours, base) for ours, base, target in checked)
    text = (f"# Benchmark results\n\nWritten by `make bench` (`python -m bench.run`) on {started}: {runs} alternating "
            f"runs per warm figure, {cold_runs} server start(s) for the cold ones; medians. Baseline: "
            "`bench/baseline.py`, a bare Streamlit page with one small Plotly chart and one select box, served by "
            "the same Streamlit build; the map baseline, `bench/baseline_map.py`, holds only a Choroplethmap of the "
            "same provinces. Ratio = ours / baseline. " + PROBE + "\n\n"
            f"Targets: {len(checked) - missed} of {len(checked)} met"
            + (f", {missed} missed." if missed else ".") + "\n\n" + table(rows) + "\n\n"
            "Where a warm page load's time goes (medians, seconds from navigation; the differences between columns "
            "are the browser's steps):\n\n" + phases + "\n\n"
            + (f"Loads that did not settle within {LOAD_TIMEOUT / 1000:g} s and were made again: "
               + "; ".join(stuck) + ".\n\n" if stuck else "")
            + f"Many viewers (`python -m bench.load`): {sessions} browser sessions at once on one server, each making "
            f"{changes} searches in turn, on different pages:\n\n" + viewers.text().replace("\n", "  \n") + "\n"
            + "".join(f"\nThe same through nginx to {n} app process{'es' if n > 1 else ''} (`make serve N={n}`):\n\n"
                      + report.text().replace("\n", "  \n") + "\n" for n, report in proxied.items()))
    if args.quick:
        print(text)
        return 0
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
