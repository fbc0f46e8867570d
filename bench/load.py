"""Many viewers: N browser sessions at once against one server, each changing a filter M times.

    python -m bench.load [--sessions 10] [--changes 10] [--processes N]      (or: make load)

Each session opens a different page; once all are open, each types a new search term (then clears it,
alternately), waiting for each redraw. Reports errors, the 50th and 95th percentile redraw times, and the
server's memory: after a warm-up (caches filled), at its peak, and after the sessions have closed. Streamlit
keeps a closed session for `server.disconnectedSessionTTL` seconds (120 by default) so that a viewer whose
Wi-Fi drops can resume; this run shortens that to a few seconds so that the return of memory can be seen.
The ten browsers share the machine's cores with the server, so redraw times here are far above what ten
viewers on their own machines would see.

With --processes N the sessions go through nginx to N app processes started by `make serve`'s launcher
(deploy/serve.py), and the report adds each process's CPU time and the proxy's: N=2 against N=1 shows what a
second process buys (a class of viewers behind one proxy).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from playwright.async_api import async_playwright

from atlas import pages
from bench.probes import ARM_JS, POLL_MS, QUIET_JS, REDRAW_SECONDS_JS, STEADY_JS
from bench.server import CHROMIUM, MANY_PAGES_ARGS, free_port, rss_mb, serve, stop
from deploy.serve import Cluster

PAGES = [page.path for page in pages.PAGES]
SEARCH = "Search titles, summaries and quotes"
TERMS = ["quantum", "vehicle", "laser", "cruise", "chip"]
URL_HAS_SEARCH_JS = "term => (new URLSearchParams(location.search).get('q') || '') === term"
SESSION_TTL = 3  # seconds a closed session is kept in this run (Streamlit's default is 120)
TIMEOUT = 180_000  # ms; ten browsers on two cores are slow, but a page that never settles must still fail


@dataclass
class Session:
    path: str
    redraws: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class Report:
    sessions: list[Session]
    start_mb: float
    peak_mb: float
    after_mb: float
    server_cpu_s: float  # CPU seconds the server used while the sessions ran (all app processes)
    wall_s: float
    process_cpu_s: list[float] = field(default_factory=list)  # per app process, behind nginx (--processes)
    proxy_cpu_s: float = 0.0  # nginx's master and worker, behind nginx

    @property
    def redraws(self) -> list[float]:
        return [t for s in self.sessions for t in s.redraws]

    @property
    def errors(self) -> list[str]:
        return [f"{s.path}: {e}" for s in self.sessions for e in s.errors]

    def percentile(self, q: int) -> float:
        return statistics.quantiles(self.redraws, n=100, method="inclusive")[q - 1]

    def text(self) -> str:
        timings = (f"redraw p50 {self.percentile(50):.2f} s, p95 {self.percentile(95):.2f} s, "
                   f"max {max(self.redraws):.2f} s\n" if len(self.redraws) >= 2 else "too few redraws to time\n")
        return (f"{len(self.sessions)} sessions x {max(len(s.redraws) for s in self.sessions)} filter changes: "
                f"{len(self.redraws)} redraws, {len(self.errors)} errors"
                + (f" (first: {self.errors[0]})" if self.errors else "") + "\n" + timings +
                f"{'app processes (summed)' if len(self.process_cpu_s) > 1 else 'server'} memory: "
                f"{self.start_mb:.0f} MB after warm-up, peak {self.peak_mb:.0f} MB, "
                f"{self.after_mb:.0f} MB after the sessions closed\n"
                f"server CPU: {self.server_cpu_s:.0f} s in {self.wall_s:.0f} s of wall time on "
                f"{os.cpu_count()} cores; the browsers used most of the rest"
                + (f"\nthrough nginx to {len(self.process_cpu_s)} app process(es): CPU per process "
                   + ", ".join(f"{cpu:.0f} s" for cpu in self.process_cpu_s)
                   + f"; nginx {self.proxy_cpu_s:.1f} s" if self.process_cpu_s else ""))


def cpu_seconds(process) -> float:
    fields = Path(f"/proc/{process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _worker_cpu(nginx) -> float:
    """nginx's workers, read while they run (their time joins the master's only once they exit)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == nginx.pid:
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def terms(changes: int) -> list[str]:
    """A term, then the empty search, alternately: every change differs from the one before."""
    return [TERMS[(n // 2) % len(TERMS)] if n % 2 == 0 else "" for n in range(changes)]


async def run_session(browser, url: str, path: str, changes: int, ready: asyncio.Barrier | None = None) -> Session:
    """Open `path`, then (once every session is open, if `ready` is given) make `changes` filter changes."""
    session = Session(path)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(TIMEOUT)
    page.on("pageerror", lambda error: session.errors.append(f"JavaScript: {error}"))
    try:
        await page.goto(url + path, wait_until="commit", timeout=TIMEOUT)
        await page.wait_for_function(STEADY_JS, timeout=TIMEOUT, polling=POLL_MS)
        if ready:
            await ready.wait()  # viewers open the app, then use it: ten first loads are not ten filter changes
        box = page.get_by_label(SEARCH)
        for term in terms(changes):
            await page.evaluate(ARM_JS)
            await box.fill(term)
            await box.press("Enter")
            # The URL shows the search once the rerun has started: no redraw is judged before that.
            await page.wait_for_function(URL_HAS_SEARCH_JS, arg=term, timeout=TIMEOUT, polling=50)
            await page.wait_for_function(QUIET_JS, timeout=TIMEOUT, polling=50)
            session.redraws.append(await page.evaluate(REDRAW_SECONDS_JS))
            if await page.locator("[data-testid=stException]").count():
                session.errors.append(f"exception box after searching {term!r}")
    except Exception as error:  # a timeout or a crash is this session's error, not the end of the run
        if ready:
            await ready.abort()  # the others must not wait for a session that will never be ready
        session.errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        await context.close()
    return session


async def measure(sessions: int, changes: int, processes: int | None = None) -> Report:
    """One server as `make run` starts it; or, with `processes`, that many behind nginx as `make serve` does."""
    env = {"STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL": str(SESSION_TTL)}
    cluster = None
    if processes:
        cluster = Cluster(processes, port=free_port(), env=env)
        cluster.start()
        apps, url = [app.process for app in cluster.apps], cluster.url
        direct = [app.base for app in cluster.apps]
    else:
        process, url = serve(env=env)
        apps, direct = [process], [url]

    def rss() -> float:
        return sum(rss_mb(app) for app in apps)

    def proxy_cpu() -> float:
        return cpu_seconds(cluster.nginx) + _worker_cpu(cluster.nginx) if cluster else 0.0

    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=MANY_PAGES_ARGS, headless=True)
            # Warm-up with the same searches, so the shared caches (the filtered view, the map figure) hold
            # what the run needs and "start" is the memory of a server that has been used, not a cold one. Every
            # page, since each imports what it draws with once (the deck: matplotlib and geopandas).
            # Each process directly, since through the proxy a page lands on whichever process its cookie says.
            for base in direct:
                for path in PAGES:
                    await run_session(browser, base, path, changes)
            await asyncio.sleep(SESSION_TTL + 1)
            start = rss()
            peak = start
            done = asyncio.Event()

            async def sample() -> None:
                nonlocal peak
                while not done.is_set():
                    peak = max(peak, rss())
                    await asyncio.sleep(0.2)

            sampler = asyncio.create_task(sample())
            cpus, proxy, wall = [cpu_seconds(app) for app in apps], proxy_cpu(), time.monotonic()
            ready = asyncio.Barrier(sessions)
            results = await asyncio.gather(*(run_session(browser, url, PAGES[n % len(PAGES)], changes, ready)
                                             for n in range(sessions)))
            done.set()
            await sampler
            cpus = [cpu_seconds(app) - before for app, before in zip(apps, cpus, strict=True)]
            proxy, wall = proxy_cpu() - proxy, time.monotonic() - wall
            # Closed sessions expire after the TTL, when the next one is stored: open and close one more.
            await asyncio.sleep(SESSION_TTL + 1)
            await run_session(browser, url, "/sources", 0)
            await asyncio.sleep(1)
            after = rss()
            await browser.close()
    finally:
        if cluster:
            cluster.stop()
        else:
            stop(process)
    return Report(list(results), start, peak, after, sum(cpus), wall, cpus if cluster else [], proxy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--processes", type=int, default=None,
                        help="serve through nginx to this many app processes (deploy/serve.py, as make serve)")
    args = parser.parse_args(argv)
    report = asyncio.run(measure(args.sessions, args.changes, args.processes))
    for error in report.errors:  # first: a run where every session failed has no times to summarise
        print("error:", error)
    print(report.text())
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
