"""Text from data is inert: a case file full of markup runs nothing and links nowhere, in a real browser."""

from __future__ import annotations

import shutil

import pytest
import yaml

from atlas.store import DATA_DIR
from bench.server import serve, stop
from tests.browser.conftest import Watched

SCRIPT = "<script>window.__pwned = 'script'</script>"
IMAGE = "<img src=x onerror=\"window.__pwned = 'img'\">"
LINK = "[click me](javascript:window.__pwned='link')"


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "cases" / "05-02-anhui-quantum.yaml"
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    case["title"]["en"] = f"Quantum {SCRIPT} {LINK}"
    case["short_title"] = f"Anhui {IMAGE}"
    case["summary"] = f"First sentence {SCRIPT}. Second sentence {IMAGE} {LINK}."
    for metric in case["metrics"]:
        metric["quote"] = f"{metric['quote']} {IMAGE} {LINK}"
        metric["label"] = f"{metric['label']} {SCRIPT}"
    for event in case["events"]:
        event["title"] = f"{event['title']} {IMAGE}"
    path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8")
    process, base = serve(env={"ATLAS_DATA": str(data)})
    yield base
    stop(process)


@pytest.mark.parametrize("path", ["/", "/case?case=anhui-quantum", "/map", "/timeline", "/sources",
                                  "/present?slide=1", "/compare?cases=anhui-quantum&cases=chongqing-nev"])
def test_markup_in_data_runs_nothing(browser, hostile_url, path):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    watched = Watched(context.new_page())
    dialogs: list[str] = []
    watched.page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    watched.open(hostile_url + path)
    page = watched.page
    # Hover every chart and open every popover so hover labels and hidden text are rendered too.
    for chart in page.locator("[data-testid=stPlotlyChart]").all():
        chart.hover()
    for button in page.locator("[data-testid=stPopover] button").all()[:6]:
        button.click()
        page.wait_for_timeout(150)
        page.keyboard.press("Escape")
    page.wait_for_timeout(500)
    assert page.evaluate("() => window.__pwned") is None
    assert dialogs == []
    assert page.locator("a[href^='javascript:' i]").count() == 0
    assert page.locator("img[src='x']").count() == 0
    assert watched.errors == []
    if path in ("/", "/case?case=anhui-quantum"):
        assert page.get_by_text("<script>", exact=False).count() > 0, "the markup is shown as text"
        watched.screenshot("hostile" + path.replace("/", "-").replace("?", "-").replace("=", "-"))
    context.close()
