"""`make serve` in a real browser: three app processes behind nginx, started by the launcher itself.

Which process served a request is read from nginx's access log (deploy/nginx.conf.template writes the
upstream and the route cookie on every line), so a browser context's whole history, its WebSocket included,
can be checked. The last test kills a process: it runs last in this file on purpose.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import expect

from atlas import pages
from atlas.store import ROOT
from bench.probes import SETTLED_JS
from bench.server import free_port

PROCESSES = 3
START_SECONDS = 180
LOG_LINE = re.compile(r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ '
                      r"upstream=(?P<upstream>.*?) route=(?P<route>[0-9a-f]{32}) rt=")
QUANTUM = re.compile(r"^Quantum information \(1\)$")
ONE_CASE = "New quality productive forces: 1 of 10 cases"
SCREENSHOTS = Path("/tmp/shots-serve")


@dataclass
class Served:
    """The running launcher: its URL, its processes by port, and nginx's access log."""

    launcher: subprocess.Popen
    url: str
    ports: dict[int, int]  # port -> pid
    nginx_pid: int
    access_log: Path

    def requests(self, route: str) -> list[dict]:
        """Every logged request of one browser, oldest first; `served_by` is the process that answered."""
        found = []
        for line in self.access_log.read_text(errors="replace").splitlines():
            match = LOG_LINE.search(line)
            if match and match["route"] == route:
                tried = [u.strip() for u in match["upstream"].split(",")]
                found.append({**match.groupdict(), "tried": tried, "served_by": int(tried[-1].rsplit(":", 1)[1])})
        return found

    def wait_for(self, route: str, condition, seconds: float = 30) -> list[dict]:
        """nginx writes a WebSocket's line when it closes: poll its log, a bounded number of times."""
        for _ in range(int(seconds / 0.25)):
            requests = self.requests(route)
            if condition(requests):
                return requests
            time.sleep(0.25)
        raise AssertionError(f"the access log never showed it for route {route}: {requests}")


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.add(child)
            todo.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.fixture(scope="module")
def served(chromium, tmp_path_factory) -> Iterator[Served]:
    run_dir = tmp_path_factory.mktemp("serve")
    output = open(run_dir / "launcher.log", "wb")
    launcher = subprocess.Popen([sys.executable, "-m", "deploy.serve", "--processes", str(PROCESSES),
                                 "--port", str(free_port()), "--run-dir", str(run_dir)],
                                cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    state_file = run_dir / "state.json"
    for _ in range(START_SECONDS * 4):
        if state_file.exists() or launcher.poll() is not None:
            break
        time.sleep(0.25)
    if not state_file.exists():
        launcher.kill()
        pytest.fail(f"make serve did not start:\n{(run_dir / 'launcher.log').read_text()[-3000:]}")
    state = json.loads(state_file.read_text())
    children = _descendants(launcher.pid)
    served = Served(launcher, state["url"], {a["port"]: a["pid"] for a in state["apps"]}, state["nginx"]["pid"],
                    Path(state["access_log"]))
    assert set(served.ports.values()) | {served.nginx_pid} <= children
    yield served
    # Ctrl-C stops everything it started: nginx (master and worker) and every app process.
    launcher.send_signal(signal.SIGINT)
    assert launcher.wait(timeout=60) == 0, (run_dir / "launcher.log").read_text()[-3000:]
    output.close()
    left = [pid for pid in children if _alive(pid)]
    assert left == [], f"still running after the launcher stopped: {left}"


class Session:
    """One browser (a context of its own, so its own cookie) on one page."""

    def __init__(self, browser, served: Served, path: str):
        self.context = browser.new_context(viewport={"width": 1280, "height": 720})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(served.url + path)
        self.settle()
        self.route = next(c["value"] for c in self.context.cookies() if c["name"] == "atlas_route")
        self.port = served.requests(self.route)[0]["served_by"]

    def settle(self) -> None:
        self.page.wait_for_function(SETTLED_JS, timeout=90_000)
        self.page.wait_for_timeout(300)  # a rerun may start right after the first settles (a URL update)
        self.page.wait_for_function(SETTLED_JS, timeout=90_000)

    def choose_quantum(self) -> None:
        self.page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first.click()
        self.page.get_by_role("option", name=QUANTUM).click()
        self.page.keyboard.press("Escape")
        expect(self.page).to_have_url(re.compile(r"sector=quantum-information"), timeout=60_000)
        expect(self.page.locator("h1")).to_have_text(ONE_CASE, timeout=60_000)

    def search(self, term: str) -> None:
        box = self.page.get_by_label("Search titles, summaries and quotes")
        box.fill(term)
        box.press("Enter")
        expect(self.page).to_have_url(re.compile(rf"q={term}"), timeout=60_000)

    def expect_no_error_on_screen(self) -> None:
        expect(self.page.get_by_test_id("stConnectionStatus")).to_have_count(0, timeout=60_000)
        expect(self.page.get_by_role("dialog")).to_have_count(0, timeout=60_000)
        expect(self.page.locator("[data-testid=stException]")).to_have_count(0)
        assert self.errors == [], self.errors

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize("page_def", pages.PAGES, ids=[p.key for p in pages.PAGES])
def test_every_page_renders_through_the_proxy(browser, served, page_def):
    session = Session(browser, served, page_def.path)
    page = session.page
    charts = page.locator("[data-testid=stPlotlyChart]")
    if page_def.charts:
        expect(charts.first.locator(".js-plotly-plot .main-svg").first).to_be_visible(timeout=60_000)
        session.settle()
    assert charts.count() == page.locator("[data-testid=stPlotlyChart]:has(.main-svg)").count()
    expect(page.locator("h1").first).to_be_visible()
    expect(page.get_by_text("Page not found")).to_have_count(0)
    session.expect_no_error_on_screen()
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"serve-{page_def.key}.png"))
    session.close()


def test_a_filter_change_works_through_the_proxy(browser, served):
    session = Session(browser, served, "/")
    expect(session.page.locator("[data-testid=stMain] h3")).to_have_count(10)
    session.choose_quantum()
    expect(session.page.locator("[data-testid=stMain] h3")).to_have_count(1, timeout=60_000)
    session.expect_no_error_on_screen()
    session.close()


def test_browsers_spread_over_the_processes_and_each_keeps_to_one(browser, served):
    paths = [p.path for p in pages.PAGES if p.key != "present"]  # the deck opens with the filters hidden
    seen: set[int] = set()
    for n in range(12):  # three processes: four browsers on one alone would happen 1 time in 27
        session = Session(browser, served, paths[n % len(paths)])
        session.search("quantum")  # a rerun over the WebSocket, after the page load
        session.close()
        requests = served.wait_for(session.route, lambda rs: any(r["path"] == "/_stcore/stream" for r in rs))
        # The first request (the page's HTML, sent without a cookie) is already routed by the cookie it gets.
        assert requests[0]["path"] == paths[n % len(paths)]
        assert {r["served_by"] for r in requests} == {session.port}, requests
        assert [r["status"] for r in requests if r["path"] == "/_stcore/stream"] == ["101"]
        seen.add(session.port)
        if n >= 3 and len(seen) > 1:
            break
    assert len(seen) > 1, "every browser landed on one process"
    assert seen <= set(served.ports)


def test_a_killed_process_loses_no_viewer(browser, served):
    """Last in this file: it leaves the launcher with one process fewer."""
    victim = Session(browser, served, "/")
    bystander = None
    for _ in range(12):  # a second browser on another process
        candidate = Session(browser, served, "/case?case=anhui-quantum")
        if candidate.port != victim.port:
            bystander = candidate
            break
        candidate.close()
    assert bystander, "no browser landed on a second process"
    victim.choose_quantum()
    view = victim.page.url

    os.kill(served.ports[victim.port], signal.SIGKILL)
    killed_at = len(served.requests(victim.route))
    # The victim's page notices, asks the proxy for /_stcore/health (which nginx sends to another process,
    # the cookie's process being down), then opens a new WebSocket there; until then it shows its status.
    served.wait_for(victim.route, lambda rs: any(r["served_by"] != victim.port for r in rs[killed_at:]))
    victim.expect_no_error_on_screen()
    victim.settle()
    assert victim.page.url == view
    expect(victim.page.locator("h1")).to_have_text(ONE_CASE)
    expect(victim.page.locator("[data-testid=stMain] h3")).to_have_count(1)
    expect(victim.page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first).to_contain_text(
        "Quantum information")
    # The new process holds a new session, which runs at the next action. A link goes by the URL, so it
    # carries the filter over. (A widget's first change would be lost: Streamlit calls on_change only for a
    # value that differs from what that process's session knew, and a new session knows none.)
    victim.page.locator("[data-testid=stSidebar] [data-testid=stPageLink]").filter(has_text="Case profile").click()
    expect(victim.page).to_have_url(re.compile(r"/case\?.*sector=quantum-information"), timeout=60_000)
    expect(victim.page.locator("h1")).to_contain_text("Anhui", timeout=60_000)
    victim.settle()
    victim.search("fibre")  # a widget's change, now that the new process's session knows the widgets
    expect(victim.page).to_have_url(re.compile(r"sector=quantum-information"))
    expect(victim.page.locator("[data-testid=stMain]")).to_contain_text("1,147 km")
    victim.expect_no_error_on_screen()
    SCREENSHOTS.mkdir(exist_ok=True)
    victim.page.screenshot(path=str(SCREENSHOTS / "serve-after-kill.png"))

    bystander.search("quantum")
    expect(bystander.page.locator("h1")).to_contain_text("Anhui")
    bystander.expect_no_error_on_screen()

    victim.close()
    bystander.close()
    moved = served.wait_for(victim.route, lambda rs: sum(r["path"] == "/_stcore/stream" for r in rs) >= 2)
    after = [r for r in moved[killed_at:] if r["served_by"] != victim.port or r["path"] != "/_stcore/stream"]
    assert any(r["path"] == "/_stcore/stream" and r["status"] == "101" for r in after), "a new WebSocket"
    survivors = {r["served_by"] for r in after}
    assert len(survivors) == 1 and victim.port not in survivors, after
    stayed = served.wait_for(bystander.route, lambda rs: any(r["path"] == "/_stcore/stream" for r in rs))
    assert {r["served_by"] for r in stayed} == {bystander.port}
    assert [r["path"] for r in stayed].count("/_stcore/stream") == 1, "the bystander's WebSocket never broke"
